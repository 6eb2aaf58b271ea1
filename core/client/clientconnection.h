#pragma once

#include "client/filereceive.h"
#include "client/pincheck.h"
#include "client/retrypolicy.h"
#include "fs/datasync.h"
#include "protocol/framereader.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <QTimer>
#include <deque>
#include <memory>

class QIODevice;

namespace ferry {

class ClientTransport;

/// The client's conversation with one server: Hello, the TLS pin check, the password proof
/// once per connection, then the pipelined requests. Files are FileReceive machines queued
/// in the order the server answers them. When the connection drops after the server has
/// greeted, it dials again with back-off for a bounded time and continues each unfinished
/// file from its .part.
class ClientConnection : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Idle,
        Connecting, ///< The transport is dialling (and shaking hands).
        AwaitHello,
        AwaitTrust, ///< First contact: waiting for trustPeer().
        Proving, ///< Deriving the password key off this thread.
        AwaitAuth,
        Ready,
        Waiting, ///< Dropped; dialling again after a pause.
        Closed,
    };
    Q_ENUM(State)

    /// Takes \a transport as a child.
    explicit ClientConnection(ClientTransport *transport, QObject *parent = nullptr);
    ~ClientConnection() override;
    /// Replaces the transport (before connecting); takes \a transport as a child.
    void setTransport(ClientTransport *transport);

    void setTimeouts(int connectMs, int stallMs);
    void setPassword(const QByteArray &password);
    void setTls(const TlsClientOptions &options) { m_tlsOptions = options; }
    /// How long to keep dialling a server that greeted us once; 0 gives up at the first drop.
    void setRetryFor(int ms) { m_retry.setLimit(ms); }
    void trustPeer(bool trusted);
    void connectToServer(const QString &host, quint16 port);
    void requestList();
    quint64 requestFile(
        const QString &remoteName, const QString &localName, const GetOptions &options);
    /// Asks for \a remoteName's MD5 without the file; answered by hashReceived(), in order.
    quint64 requestHash(const QString &remoteName);
    /// Gives up the file \a id alone; the connection and the other files go on. It is
    /// answered by fileFinished() with Cancelled, and keeps its .part. One not yet asked for
    /// is answered at once; one asked for is declined, or read past if its bytes are coming.
    void cancel(quint64 id);
    void abort();

    State state() const { return m_state; }
    QString peer() const { return m_peer; }
    const PeerDevice &peerDevice() const { return m_peerDevice; }
    ClientTransport *transport() const { return m_transport; }

signals:
    void ready();
    void trustRequired(const ferry::PeerDevice &peer);
    void listReceived(const QList<ferry::protocol::FileEntry> &entries);
    void fileStarted(quint64 id, const QString &name, qint64 size, qint64 offset);
    void fileProgress(quint64 id, qint64 done, qint64 total);
    void fileFinished(const ferry::FileResult &result);
    void hashReceived(const ferry::HashResult &result);
    void failed(const ferry::Failure &failure);
    void idle();
    /// The connection dropped (\a why); the next try is in \a delayMs, and trying ends
    /// \a leftMs from now.
    void reconnecting(const ferry::Failure &why, int delayMs, int leftMs);
    /// Ready again after a drop; unfinished files continue.
    void reconnected();

private:
    static constexpr qint64 kReadBound
        = protocol::kMaxDataBody + protocol::kHeaderSize + 256 * 1024;

    /// One request in the order sent: a file, a hash query (hashId), or a listing.
    struct Job
    {
        std::unique_ptr<FileReceive> file;
        bool listSent = false; ///< A listing or hash query is on the wire.
        quint64 hashId = 0;
        QString hashName;
        /// A listing or hash query answered, its result kept until the files before it are.
        bool answered = false;
        HashResult hash;
        QList<protocol::FileEntry> listing;
        bool sent() const;
    };

    void onOpened();
    void onLost(const Failure &failure);
    void onStall();
    void sendHello();
    bool onHello(QByteArrayView body);
    bool proceed();
    void sendProof();
    void becomeReady();
    void readFrames();
    bool handleFrame(protocol::FrameType type, QByteArrayView body);
    bool handleList(protocol::FrameType type, QByteArrayView body);
    bool handleHash(protocol::FrameType type, QByteArrayView body);
    void finishHash(HashResult result);
    void settleNamesBefore(const FileReceive *file);
    bool handleFile(FileReceive *file, protocol::FrameType type, QByteArrayView body);
    Job *current();
    FileReceive *receivingFile();
    FileReceive *findFile(quint64 id);
    void onSynced();
    void sendPending();
    void sendPendingSoon();
    void flushDone();
    void emitProgress(FileReceive *file, bool force);
    void dropped(const Failure &failure);
    void redial();
    void fail(const Failure &failure);
    void write(const QByteArray &frame);

    ClientTransport *m_transport = nullptr;
    QIODevice *m_device = nullptr;
    State m_state = State::Idle;
    TlsClientOptions m_tlsOptions;
    PeerDevice m_peerDevice;
    bool m_pinPending = false;
    protocol::Hello m_serverHello;
    QString m_host;
    quint16 m_port = 0;
    QString m_peer;
    QByteArray m_password;
    QByteArray m_key; ///< Derived once per session, then reused by every connection.
    QFutureWatcher<QByteArray> m_keyWatcher;
    protocol::FrameReader m_reader;
    QTimer m_stallTimer;
    int m_connectTimeoutMs = 10000;
    int m_stallTimeoutMs = 30000;
    bool m_gotAnyFrame = false;
    bool m_greeted = false; ///< A Ferry server said Hello on this run: worth dialling again.
    bool m_everReady = false;
    bool m_inSendPending = false;
    bool m_sendPosted = false; ///< A sendPending() is queued.

    std::deque<Job> m_jobs; ///< Every unanswered request, in order; the sent ones first.
    DataSync m_sync; ///< Verified files' data on its way to the disk; see onSynced().
    QList<protocol::FileEntry> m_listing;
    quint64 m_nextId = 1;
    std::shared_ptr<OutputFolder> m_folder; ///< The last one used; most sessions have one.
    QElapsedTimer m_progressClock;

    RetryPolicy m_retry;
    Failure m_dropFailure; ///< What started the outage being ridden out.
    QTimer m_retryTimer;
};

} // namespace ferry
