#pragma once

#include "protocol/messages.h"
#include "server/serverconfig.h"
#include "server/serverevent.h"

#include <QList>
#include <QTcpServer>
#include <memory>

class QThread;

namespace ferry {

class DescriptorQueue;
class ServerShared;
class SharedFolder;

/// Listens for Ferry clients and serves one shared folder read-only. Each connection gets a
/// ServerSession on one of a few worker threads; the socket is created in that thread.
class Server : public QTcpServer
{
    Q_OBJECT
public:
    /// Connections the kernel completes and queues while the server thread is busy.
    static constexpr int kListenBacklog = 128;

    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    /// Opens the folder and listens. On failure returns false with \a error
    /// (PortInUse, FolderMissing, PermissionDenied, NetworkError).
    bool start(const ServerConfig &config, Failure *error);
    void stop();
    bool isRunning() const { return isListening(); }
    const ServerConfig &config() const { return m_config; }
    int activeSessions() const;

    /// The listing the server would send now (for showing counts and totals).
    QList<protocol::FileEntry> listing() const;

signals:
    void event(const ferry::ServerEvent &event);
    void transferProgress(const ferry::ServerTransfer &transfer);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ServerConfig m_config;
    std::shared_ptr<ServerShared> m_shared;
    QList<QThread *> m_threads;
    QList<QObject *> m_contexts; ///< One per thread; sessions are its children.
    /// One per thread: accepted descriptors on their way to it.
    QList<std::shared_ptr<DescriptorQueue>> m_queues;
    int m_nextThread = 0;
};

} // namespace ferry
