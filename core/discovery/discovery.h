#pragma once

#include "discovery/announcement.h"
#include "discovery/discoveryconfig.h"
#include "discovery/interfacereport.h"
#include "discovery/peertable.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QUdpSocket;
class QNetworkDatagram;

namespace ferry::discovery {

/// Announces this share and listens for others on every used interface: one UDP socket per
/// interface bound to its address (for sending), one bound to the port (for the group).
class Discovery : public QObject
{
    Q_OBJECT
public:
    explicit Discovery(QObject *parent = nullptr);
    ~Discovery() override; ///< Says goodbye if it was announcing.

    void start(const DiscoveryConfig &config);
    void stop(); ///< Goodbye, then sockets closed; the peer list is kept until start().
    bool isRunning() const { return m_running; }
    const DiscoveryConfig &config() const { return m_config; }

    /// Starts or stops announcing a share (port 0: none); stopping sends a goodbye.
    void setShare(quint16 tcpPort, bool passwordRequired);
    void setName(const QString &name);
    /// A burst of announcements (if sharing) and a query, as on start.
    void announceNow();

    QList<Peer> peers() const { return m_peers.peers(); }
    QList<InterfaceReport> interfaces() const { return m_reports; }
    /// Recent events, oldest first, for the log a user copies (capped).
    QStringList log() const { return m_log; }

signals:
    void peerAdded(const ferry::discovery::Peer &peer);
    void peerChanged(const ferry::discovery::Peer &peer);
    void peerRemoved(const ferry::discovery::Peer &peer);
    void interfacesChanged();
    void logAdded(const QString &line);

private:
    struct Link
    {
        int reportIndex = -1;
        QUdpSocket *socket = nullptr;
    };
    void openSockets();
    void closeSockets();
    void send(Announcement::Kind kind);
    void sendBurst();
    void readSocket(QUdpSocket *socket, int linkReport);
    void handle(const QNetworkDatagram &datagram, int linkReport);
    void reply(const QHostAddress &to, quint16 port, int report);
    void expire();
    void pollInterfaces();
    QString interfaceSignature() const;
    int reportFor(int interfaceIndex) const;
    Announcement self(Announcement::Kind kind) const;
    void addLog(const QString &line);

    DiscoveryConfig m_config;
    bool m_running = false;
    PeerTable m_peers;
    QList<InterfaceReport> m_reports;
    QList<Link> m_links;
    QUdpSocket *m_groupSocket = nullptr;
    QString m_signature;
    QTimer m_announceTimer;
    QTimer m_expiryTimer;
    QTimer m_pollTimer;
    QList<QTimer *> m_burst;
    QElapsedTimer m_clock;
    qint64 m_replyWindowMs = 0;
    int m_repliesInWindow = 0;
    QStringList m_log;
};

} // namespace ferry::discovery
