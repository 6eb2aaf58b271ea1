#pragma once

#include "client/clientconnection.h"
#include "client/download.h"
#include "client/filereceive.h"
#include "client/pincheck.h"
#include "protocol/errorcode.h"
#include "protocol/messages.h"

#include <QList>
#include <QMetaType>
#include <QObject>

namespace ferry {

/// A client connection: hello, then listings and pipelined file requests. Lives in any
/// thread; does its disk I/O in that thread. The façade the CLI and the window use over a
/// ClientConnection (the conversation) on a TcpTransport (the socket).
class ClientSession : public QObject
{
    Q_OBJECT

public:
    enum class State {
        Disconnected,
        Connecting,
        Handshaking, ///< TLS handshake, then the pin check: nothing is sent before it passes.
        AwaitHello,
        AwaitTrust, ///< First contact: waiting for trustPeer().
        AwaitAuth,
        Ready,
        Closed,
        Reconnecting, ///< Dropped after a greeting; dialling again (see setRetryFor()).
    };
    Q_ENUM(State)

    explicit ClientSession(QObject *parent = nullptr);
    ~ClientSession() override;

    /// \a connectMs bounds connecting and each handshake step; the server's greeting gets at
    /// most 2 s of it. \a stallMs bounds a transfer that makes no progress.
    void setTimeouts(int connectMs, int stallMs);
    void setPassword(const QByteArray &password);
    void setTls(const TlsClientOptions &options);
    /// After a drop, dial a server that greeted us again for up to \a ms, continuing each
    /// unfinished file from its .part; 0 gives up at once. Default: 2 minutes.
    void setRetryFor(int ms);
    /// Answers trustRequired(): yes remembers the device and carries on, no fails Untrusted.
    void trustPeer(bool trusted);
    bool isEncrypted() const { return !peerDevice().fingerprint.isEmpty(); }
    const PeerDevice &peerDevice() const { return m_connection->peerDevice(); }
    void connectToServer(const QString &host, quint16 port);
    void requestList();
    /// Queues files; returns their ids in order. Requests are pipelined on the connection.
    QList<quint64> requestFiles(const QStringList &remoteNames, const GetOptions &options);
    quint64 requestFile(
        const QString &remoteName, const QString &localName, const GetOptions &options);
    /// Asks for the MD5 of \a remoteName without the file; answered by hashReceived(), in
    /// order with the other requests.
    quint64 requestHash(const QString &remoteName) { return m_connection->requestHash(remoteName); }
    /// Gives up one file; the others go on (see ClientConnection::cancel()).
    void cancel(quint64 id) { m_connection->cancel(id); }
    /// Closes the connection; pending and running files fail with Cancelled (.part kept).
    void abort();
    State state() const;
    QString peer() const { return m_connection->peer(); }

    static constexpr int kDefaultRetryMs = 120000;

signals:
    void ready();
    /// First contact with a device: show the code, ask, then call trustPeer().
    void trustRequired(const ferry::PeerDevice &peer);
    void listReceived(const QList<ferry::protocol::FileEntry> &entries);
    void fileStarted(quint64 id, const QString &name, qint64 size, qint64 offset);
    void fileProgress(quint64 id, qint64 done, qint64 total);
    void fileFinished(const ferry::FileResult &result);
    void hashReceived(const ferry::HashResult &result);
    /// The connection failed or was refused; everything pending has been finished first.
    void failed(const ferry::Failure &failure);
    /// Every request so far has been answered.
    void idle();
    /// The connection dropped (\a why) and is being dialled again; trying ends in \a leftMs.
    void reconnecting(const ferry::Failure &why, int delayMs, int leftMs);
    /// Back after a drop; the unfinished files continue from their .part.
    void reconnected();

private:
    ClientConnection *m_connection;
};

} // namespace ferry
