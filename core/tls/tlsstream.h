#pragma once

#include "tls/identity.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QIODevice>
#include <QSslCertificate>

#include <memory>

class QSocketNotifier;
typedef struct ssl_st SSL;

namespace ferry {

/// TLS 1.3 straight on OpenSSL over a connected socket, as an unbuffered QIODevice: read()
/// decrypts into the caller's memory and write() encrypts from it into whole records on the
/// socket, with no copy in between unless the kernel is full. Both ends of a Ferry connection
/// use it; the certificate is requested from the peer and returned, never verified against a
/// CA: the pin (the fingerprint) is checked by the caller.
class TlsStream : public QIODevice
{
    Q_OBJECT
public:
    enum class Role {
        Client,
        Server,
    };
    enum class State {
        Unconnected,
        AwaitFirstByte, ///< Server: tells a ClientHello from a plaintext peer.
        Handshaking,
        Encrypted,
        Closing, ///< Writing out what is queued; then close_notify and the close.
        Closed,
    };
    Q_ENUM(State)
    enum class Error {
        None,
        HandshakeFailed,
        BadRecord, ///< A record that doesn't decrypt, or a TLS protocol violation.
        /// The peer closed before the handshake finished or mid-record, or is gone (a write
        /// failed); after the handshake, disconnected() follows.
        RemoteClosed,
        SocketError,
    };
    Q_ENUM(Error)

    explicit TlsStream(QObject *parent = nullptr);
    ~TlsStream() override;

    /// Takes \a descriptor (a connected stream socket; closed with the stream whatever
    /// happens) and starts the handshake as \a role with \a identity's key and certificate.
    bool start(int descriptor, Role role, const Identity &identity);

    State state() const { return m_state; }
    bool isEncrypted() const { return m_state == State::Encrypted || m_state == State::Closing; }
    Error error() const { return m_error; }
    int socketDescriptor() const { return m_fd; }
    /// The peer's certificate once encrypted; null before, or if it sent none.
    QSslCertificate peerCertificate() const { return m_peerCertificate; }
    /// Server, after notTls(): the peer's first byte.
    char firstByte() const { return m_firstByte; }
    /// Plaintext bytes handed to the kernel so far, encrypted.
    qint64 bytesFlushed() const { return m_flushed; }

    /// Writes \a head and \a body as one stream, \a head in the same record as the start of
    /// \a body (a frame header costs no record of its own).
    qint64 writeTwo(QByteArrayView head, QByteArrayView body);
    /// After notTls(): says \a bytes in clear, best effort, and closes; disconnected() follows.
    void writeClearAndClose(const QByteArray &bytes);
    /// Writes out what is queued, sends close_notify and closes; disconnected() follows.
    void disconnectFromHost();
    /// Closes at once; no signal follows.
    void abort();

    bool isSequential() const override { return true; }
    /// What a read may return at most: the record being read, plus a hint while the socket
    /// may hold more. A read may return less, and 0.
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    void close() override;

signals:
    void encrypted();
    /// Server: the first byte is not a TLS handshake record; see firstByte().
    void notTls();
    /// The stream failed; error() and errorString() say how. Always queued.
    void errorOccurred();
    /// The connection ended: the peer closed it cleanly, or disconnectFromHost() finished.
    void disconnected();

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    void onReadable();
    void onWritable();
    void continueHandshake();
    /// Sends what waits in m_pending; false on a fatal error (already reported).
    bool flushPending();
    /// Writes from \a data until done or the kernel is full; returns how much was taken.
    qint64 writeDirect(const char *data, qint64 size, bool *fatal);
    void queue(const char *data, qint64 size);
    /// What SSL_get_error() says about a failed call: true when it is only "try later".
    bool wouldBlock(int result);
    void fail(Error error, const QString &why);
    void finishClose();
    void peerClosed();
    void release();
    void reportWritten();
    /// Sends the small writes held back for one record, from the event loop.
    void flushHeld();

    int m_fd = -1;
    SSL *m_ssl = nullptr;
    std::shared_ptr<void> m_context; ///< Keeps the SSL_CTX alive (shared per identity).
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    State m_state = State::Unconnected;
    Role m_role = Role::Client;
    Error m_error = Error::None;
    QSslCertificate m_peerCertificate;
    char m_firstByte = 0;
    /// The socket may hold more: the read notifier stays off until a read finds nothing.
    bool m_readable = false;
    QByteArray m_pending; ///< Plaintext the kernel had no room for, from m_pendingPos on.
    qint64 m_pendingPos = 0;
    qint64 m_flushed = 0;
    qint64 m_reported = 0; ///< m_flushed as of the last bytesWritten().
    bool m_reportQueued = false;
    bool m_flushQueued = false;
    /// A write is waiting for the socket: m_pending starts with the bytes OpenSSL must be
    /// offered again.
    bool m_blocked = false;
    bool m_writeWantsRead = false;
    bool m_readWantsWrite = false;
    bool m_closedByPeer = false;
};

} // namespace ferry
