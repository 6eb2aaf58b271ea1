#pragma once

#include "client/download.h"
#include "protocol/errorcode.h"
#include "protocol/framereader.h"
#include "protocol/messages.h"
#include "tls/identity.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QQueue>
#include <QTimer>
#include <memory>

class QSslSocket;
class QTcpSocket;

namespace ferry {

/// What the client asks for: a remote name, saved under localName (default: the same).
struct FileRequest
{
    quint64 id = 0;
    QString remoteName;
    QString localName;
};

struct GetOptions
{
    QString outputDir;
    ConflictPolicy conflict = ConflictPolicy::Fail;
    bool resume = false;
};

/// How the client checks the server's certificate. A null identity means --plaintext.
struct TlsClientOptions
{
    Identity identity;
    QString storeDir; ///< Where the trust store (devices.json) lives.
    QString expectedFingerprint; ///< --fingerprint: hex, full or a prefix of >= 16 digits.
    bool trustNew = false; ///< --trust-new: trust a device never seen before.
    bool askUser = false; ///< Emit trustRequired() and wait for trustPeer().
};

/// The server as the TLS handshake showed it.
struct PeerDevice
{
    QByteArray fingerprint; ///< SHA-256 of its certificate; empty over plaintext.
    QString name; ///< From its Hello.
    QString address; ///< host:port
    QString code; ///< The comparison code both ends can show.
};

/// The outcome of one requested file.
struct FileResult
{
    enum class Outcome {
        Verified,
        Mismatch,
        Failed,
    };
    quint64 id = 0;
    QString remoteName;
    QString localPath; ///< Where the verified file now is.
    qint64 size = 0;
    qint64 offset = 0; ///< Where a resume started.
    QByteArray localMd5;
    QByteArray remoteMd5;
    Outcome outcome = Outcome::Failed;
    Failure failure;
};

/// The server's answer to a hash query.
struct HashResult
{
    quint64 id = 0;
    QString remoteName;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray md5; ///< Lowercase hex of the whole file; empty on failure.
    Failure failure;
};

/// A client connection: hello, then listings and pipelined file requests. Lives in any
/// thread; does its disk I/O in that thread.
class ClientSession : public QObject
{
    Q_OBJECT
    static constexpr qint64 kReadBound
        = protocol::kMaxDataBody + protocol::kHeaderSize + 256 * 1024;

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
    };
    Q_ENUM(State)

    explicit ClientSession(QObject *parent = nullptr);
    ~ClientSession() override;

    /// \a connectMs bounds connecting and each handshake step; the server's greeting gets at
    /// most 2 s of it. \a stallMs bounds a transfer that makes no progress.
    void setTimeouts(int connectMs, int stallMs);
    void setPassword(const QByteArray &password) { m_password = password; }
    void setTls(const TlsClientOptions &options) { m_tlsOptions = options; }
    /// Answers trustRequired(): yes remembers the device and carries on, no fails Untrusted.
    void trustPeer(bool trusted);
    bool isEncrypted() const { return !m_peerDevice.fingerprint.isEmpty(); }
    const PeerDevice &peerDevice() const { return m_peerDevice; }
    void connectToServer(const QString &host, quint16 port);
    void requestList();
    /// Queues files; returns their ids in order. Requests are pipelined on the connection.
    QList<quint64> requestFiles(const QStringList &remoteNames, const GetOptions &options);
    quint64 requestFile(
        const QString &remoteName, const QString &localName, const GetOptions &options);
    /// Asks for the MD5 of \a remoteName without the file; answered by hashReceived(), in
    /// order with the other requests.
    quint64 requestHash(const QString &remoteName);
    /// Closes the connection; pending and running files fail with Cancelled (.part kept).
    void abort();
    State state() const { return m_state; }
    QString peer() const { return m_peer; }

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

private:
    struct Pending
    {
        FileRequest request;
        GetOptions options;
        bool sent = false;
        qint64 acceptUpTo = -1; ///< What the request accepted in advance; see GetRequest.
        std::shared_ptr<OutputFolder> folder; ///< Opened when the request was checked.
        Failure early; ///< Known to fail before asking, e.g. the final file exists.
    };
    enum class Phase {
        None,
        Listing,
        AwaitOffer,
        Receiving,
        Discarding, ///< An accepted-in-advance file we can't save: read past it.
    };
    enum class Job {
        List,
        File,
        Hash,
    };
    struct HashPending
    {
        quint64 id = 0;
        QString name;
        bool sent = false;
    };
    bool handleHashReply(protocol::FrameType type, QByteArrayView body);
    void finishHash(const HashResult &result);

    void onConnected();
    void onEncrypted();
    bool checkPin();
    void sendHello();
    bool proceed(const protocol::Hello &hello);
    Failure untrusted() const;
    void onReadyRead();
    void onSocketError();
    void onStall();
    bool handleFrame(protocol::FrameType type, QByteArrayView body);
    bool handleHello(QByteArrayView body);
    bool handleAuthResult(QByteArrayView body);
    bool handleList(protocol::FrameType type, QByteArrayView body);
    bool handleOffer(QByteArrayView body);
    bool handleData(QByteArrayView body);
    /// Where FrameReader puts a Data body straight into the download's block.
    struct DataTarget
    {
        ClientSession *session;
        std::pair<char *, qint64> reserve(qint64 max);
        bool commit(char *data, qint64 n);
    };
    bool handleEnd(QByteArrayView body);
    bool handleError(QByteArrayView body);
    bool discard(protocol::FrameType type, QByteArrayView body);
    std::shared_ptr<OutputFolder> folderFor(const QString &path);
    void sendPending();
    bool beginFile(const protocol::FileEntry &offer);
    FileResult takeResult(const Pending &pending, const Failure &failure);
    void finishCurrent(
        FileResult::Outcome outcome, const Failure &failure, const QByteArray &remoteMd5 = {});
    void fail(const Failure &failure);
    void maybeIdle();
    void emitProgress(bool force);

    QTcpSocket *m_socket = nullptr;
    QSslSocket *m_tls = nullptr; ///< The same socket, when encrypted.
    TlsClientOptions m_tlsOptions;
    PeerDevice m_peerDevice;
    bool m_pinPending = false; ///< First contact: decide once the server's Hello names it.
    protocol::Hello m_serverHello;
    quint16 m_port = 0;
    QTimer m_stallTimer;
    State m_state = State::Disconnected;
    QString m_host;
    QString m_peer;
    protocol::FrameReader m_reader {kReadBound};
    QByteArray m_password;
    QByteArray m_serverNonce;
    int m_connectTimeoutMs = 10000;
    int m_stallTimeoutMs = 30000;
    bool m_gotAnyFrame = false;
    bool m_inSendPending = false;

    QQueue<Job> m_jobs; ///< Sent jobs, in the order the server answers them.
    bool m_listWanted = false;
    QList<protocol::FileEntry> m_listing;
    QQueue<Pending> m_pending; ///< Files not yet answered, in order.
    QQueue<HashPending> m_hashes; ///< Hash queries not yet answered, in order.
    int m_hashesSent = 0;
    int m_unsent = 0;
    quint64 m_nextId = 1;
    Phase m_phase = Phase::None;
    std::unique_ptr<Download> m_download;
    std::shared_ptr<OutputFolder> m_folder; ///< The last one used; most sessions have one.
    Failure m_discardFailure;
    qint64 m_discardLeft = 0;
    qint64 m_offset = 0;
    qint64 m_size = 0;
    QElapsedTimer m_progressClock;
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::FileResult)
Q_DECLARE_METATYPE(ferry::HashResult)
Q_DECLARE_METATYPE(ferry::Failure)
Q_DECLARE_METATYPE(ferry::PeerDevice)
