#pragma once

#include "fs/filesource.h"
#include "fs/folderwalk.h"
#include "fs/md5.h"
#include "fs/md5cache.h"
#include "fs/uniquefd.h"
#include "protocol/frame.h"
#include "protocol/framereader.h"
#include "protocol/messages.h"
#include "server/serverevent.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QQueue>
#include <QTimer>
#include <memory>

class QIODevice;
class QTcpSocket;

namespace ferry {

class ServerShared;
class TlsStream;

/// One connected peer, from hello to close. Runs in a worker thread; every phase has a
/// deadline, and any failure goes through fail(), which ends this session only.
class ServerSession : public QObject
{
    Q_OBJECT
    /// A client sends only small control frames: one read plus one frame is plenty.
    static constexpr qint64 kReadBound = 64 * 1024;

public:
    enum class State {
        Starting,
        AwaitTls, ///< TLS: waiting for the ClientHello, then for the handshake.
        AwaitHello,
        AwaitAuth,
        AwaitRequest,
        AwaitAccept,
        Sending,
        Listing, ///< Walking the folder, a frame at a time, as the socket drains.
        Closing, ///< Our last frame is going out; the peer gets a handshake timeout to take it.
        Closed, ///< The socket is gone; the session deletes itself.
    };
    Q_ENUM(State)

    /// Owns \a descriptor from here on: it is closed with the session, even when it never
    /// becomes a socket.
    ServerSession(
        qintptr descriptor, std::shared_ptr<ServerShared> shared, QObject *parent = nullptr);
    ~ServerSession() override;

    /// Takes over the socket; call in the session's thread.
    void start();

signals:
    void event(const ferry::ServerEvent &event);
    void progress(const ferry::ServerTransfer &transfer);

private:
    struct Job
    {
        bool list = false;
        bool hash = false; ///< A hash query: the MD5 of the whole file, not the file.
        QString name;
        qint64 acceptUpTo = -1; ///< Files this small are sent without waiting for Accept.
    };

    void onReadyRead();
    void onBytesWritten(qint64 written);
    void onDeadline();
    /// The word a Timeout's detail carries for the current state.
    const char *timeoutPhase() const;
    void onDisconnected();
    void onNotTls();
    void onEncrypted();
    void onSocketError();
    void greet();
    bool handleFrame(protocol::FrameType type, QByteArrayView body);
    bool handleHello(QByteArrayView body);
    bool handleAuth(QByteArrayView body);
    void answerAuth(bool accepted);
    bool handleAccept(QByteArrayView body);
    void startSending(qint64 offset);
    /// Every transition goes through here; it also starts the new phase's deadline.
    void setState(State state);
    /// Starts the current phase's deadline afresh: the one place that says how long each
    /// phase may take (also called on progress, and when a sub-phase begins).
    void restartDeadline();
    bool isEnding() const { return m_state == State::Closing || m_state == State::Closed; }
    void startNextJob();
    void sendListing();
    void continueListing();
    /// The file changed while it was read: that file fails, the connection goes on.
    void fileChanged();
    void offer(const Job &job);
    /// What one pump() call may do before it yields to the thread's other sessions.
    struct PumpTurn
    {
        qint64 hashedOnly = 0;
        qint64 sentDirect = 0;
        bool used() const;
    };
    void pump();
    bool readBlock(QByteArrayView *block);
    void hashBlock(QByteArrayView block);
    bool sendBlock(QByteArrayView block, PumpTurn *turn);
    bool sendDataFrame(QByteArrayView body, PumpTurn *turn);
    void finishFile();
    void closeFile();
    Md5Cache::Key cacheKey() const;
    void refuse(const Failure &failure);
    void fail(const Failure &failure);
    void closeWith(const Failure &failure);
    qint64 queuedEnd() const;
    qint64 pendingBytes() const;
    /// Bytes handed to the kernel so far (plaintext bytes, under TLS).
    qint64 flushed() const;
    void closeGracefully();
    void abortConnection();
    qint64 deliveredSince(qint64 mark, qint64 cap) const;
    void reportDelivered();
    void abortSends(const Failure &why);
    void emitEvent(ServerEvent::Kind kind, const QString &name = {}, qint64 bytes = 0,
        const Failure &failure = {});
    void emitProgress(bool finished);

    UniqueFd m_descriptor; ///< Until start() hands it to m_socket.
    std::shared_ptr<ServerShared> m_shared;
    QIODevice *m_io = nullptr; ///< m_tls or m_socket: what frames are read from and written to.
    QTcpSocket *m_socket = nullptr; ///< Plaintext only.
    TlsStream *m_tls = nullptr; ///< Encrypted only.
    QByteArray m_clientFingerprint; ///< TLS: SHA-256 of the client's certificate.
    bool m_refuseBusy = false; ///< Over a limit: said once the channel is up.
    QString m_busyWhich;
    QTimer m_deadline;
    State m_state = State::Starting;
    quint64 m_id = 0;
    QString m_peer;
    QString m_peerAddress;
    bool m_admitted = false;
    bool m_disconnectLogged = false;
    bool m_failureLogged = false; ///< The log already has this session's outcome.
    protocol::FrameReader m_reader {kReadBound};
    QByteArray m_nonce;
    bool m_authAnswerPending = false;
    qint64 m_authWaitMs = 0; ///< How long the pending answer is held back (attempt throttle).
    std::unique_ptr<FolderWalk> m_walk; ///< The listing being sent.
    protocol::ListFrameBuilder m_listFrames;
    qint64 m_listed = 0;
    QElapsedTimer m_listClock; ///< Since the last listing frame went out.
    bool m_hashOnly = false; ///< The open file answers a hash query.
    QQueue<Job> m_jobs;
    bool m_jobScheduled = false;
    bool m_waitingForRoom = false;

    // The file being sent.
    UniqueFd m_fd;
    protocol::FileEntry m_entry;
    qint64 m_offset = 0;
    qint64 m_pos = 0;
    Md5 m_hash;
    QByteArray m_knownMd5; ///< From the cache: no hashing, no reading the resumed head.
    std::unique_ptr<FileSource> m_source; ///< Reads ahead for a big send from the start.
    bool m_sendCounted = false; ///< Registered with ServerShared::beginSend().
    quint64 m_device = 0;
    quint64 m_inode = 0;
    qint64 m_mtimeNs = 0;
    QElapsedTimer m_progressClock;

    /// A file whose End frame is written but may still sit in the socket's buffer: it is
    /// logged as sent once the bytes up to \a end have left, and as aborted if the
    /// connection goes first. Positions count every byte the session ever queued.
    struct Unconfirmed
    {
        QString name;
        qint64 size = 0;
        qint64 start = 0;
        qint64 end = 0;
    };
    QList<Unconfirmed> m_unconfirmed;
    qint64 m_flushed = 0; ///< Plaintext: bytes handed to the kernel so far (see flushed()).
    qint64 m_dataStart = 0; ///< Position where the current file's data begins.
};

} // namespace ferry
