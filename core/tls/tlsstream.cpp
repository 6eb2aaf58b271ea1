#include "tls/tlsstream.h"

#include "tls/tlscontext.h"

#include <QLoggingCategory>
#include <QSocketNotifier>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcTls, "ferry.core.tls")

namespace ferry {

namespace {
/// The first byte of a TLS record carrying a handshake (ClientHello).
constexpr char kHandshakeRecord = 0x16;
/// TLS's largest record: a frame header is sent in one with this much of the body.
constexpr qint64 kRecord = 16 * 1024;
/// OpenSSL's read buffer once the handshake is done: a few records per recv().
constexpr size_t kReadBuffer = 4 * kRecord + 1024;
/// What bytesAvailable() promises while the socket may hold more than one record.
constexpr qint64 kReadHint = 1024 * 1024;
/// The pending buffer is compacted once this much of its head has gone out.
constexpr qint64 kCompactAt = 1024 * 1024;

} // namespace

TlsStream::TlsStream(QObject *parent) : QIODevice(parent) { }

TlsStream::~TlsStream()
{
    release();
}

bool TlsStream::start(int descriptor, Role role, const Identity &identity)
{
    release();
    m_fd = descriptor;
    // Every send() is a whole record that should leave now. With Nagle, the second of two
    // records sent in one turn waits for the peer's delayed ACK: 40 ms on every ferry list.
    const int one = 1;
    ::setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_role = role;
    m_error = Error::None;
    m_context = tlscontext::contextFor(identity, role);
    m_ssl = m_context ? SSL_new(static_cast<SSL_CTX *>(m_context.get())) : nullptr;
    BIO *bio = m_ssl ? BIO_new(tlscontext::socketMethod()) : nullptr;
    if (!bio) {
        setErrorString(QStringLiteral("could not set up TLS: ") + tlscontext::takeSslErrors());
        m_error = Error::HandshakeFailed;
        release();
        return false;
    }
    BIO_set_data(bio, reinterpret_cast<void *>(intptr_t(descriptor)));
    BIO_set_init(bio, 1);
    SSL_set_bio(m_ssl, bio, bio);
    if (role == Role::Server)
        SSL_set_accept_state(m_ssl);
    else
        SSL_set_connect_state(m_ssl);
    m_readNotifier = new QSocketNotifier(descriptor, QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(descriptor, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &TlsStream::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &TlsStream::onWritable);
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
    if (role == Role::Server) {
        m_state = State::AwaitFirstByte;
    } else {
        m_state = State::Handshaking;
        // The ClientHello goes out from the event loop, so every signal finds its receiver.
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_state == State::Handshaking)
                    continueHandshake();
            },
            Qt::QueuedConnection);
    }
    return true;
}

void TlsStream::onReadable()
{
    switch (m_state) {
    case State::AwaitFirstByte: {
        char first = 0;
        const ssize_t n = ::recv(m_fd, &first, 1, MSG_PEEK | MSG_DONTWAIT);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        if (n <= 0) {
            fail(n == 0 ? Error::RemoteClosed : Error::SocketError,
                QStringLiteral("closed before the handshake"));
            return;
        }
        if (first == kHandshakeRecord) {
            m_state = State::Handshaking;
            continueHandshake();
            return;
        }
        m_firstByte = first;
        m_readNotifier->setEnabled(false);
        emit notTls();
        return;
    }
    case State::Handshaking:
        continueHandshake();
        return;
    case State::Encrypted:
    case State::Closing:
        if (m_writeWantsRead) {
            m_writeWantsRead = false;
            onWritable();
            if (!isEncrypted())
                return;
        }
        // Off until a read finds the socket empty: a reader that pauses isn't woken in a loop.
        m_readNotifier->setEnabled(false);
        m_readable = true;
        emit readyRead();
        return;
    case State::Unconnected:
    case State::Closed:
        return;
    }
}

void TlsStream::onWritable()
{
    switch (m_state) {
    case State::Handshaking:
        m_writeNotifier->setEnabled(false);
        continueHandshake();
        return;
    case State::Encrypted:
    case State::Closing:
        m_writeNotifier->setEnabled(false);
        if (m_readWantsWrite) {
            m_readWantsWrite = false;
            m_readable = true;
            emit readyRead();
            if (!isEncrypted())
                return;
        }
        m_blocked = false;
        if (!flushPending())
            return;
        reportWritten();
        if (m_state == State::Closing && bytesToWrite() == 0)
            finishClose();
        return;
    case State::Unconnected:
    case State::AwaitFirstByte:
    case State::Closed:
        return;
    }
}

void TlsStream::continueHandshake()
{
    ERR_clear_error();
    const int result = SSL_do_handshake(m_ssl);
    if (result == 1) {
        if (X509 *peer = SSL_get1_peer_certificate(m_ssl)) {
            unsigned char *der = nullptr;
            const int size = i2d_X509(peer, &der);
            if (size > 0)
                m_peerCertificate = QSslCertificate(
                    QByteArray(reinterpret_cast<const char *>(der), size), QSsl::Der);
            OPENSSL_free(der);
            X509_free(peer);
        }
        m_state = State::Encrypted;
        m_writeNotifier->setEnabled(false);
        SSL_set_default_read_buffer_len(m_ssl, kReadBuffer);
        // The peer's first records may already sit in OpenSSL's buffer: say so.
        m_readable = true;
        m_readNotifier->setEnabled(false);
        emit encrypted();
        return;
    }
    const int error = SSL_get_error(m_ssl, result);
    if (error == SSL_ERROR_WANT_READ) {
        m_readNotifier->setEnabled(true);
        return;
    }
    if (error == SSL_ERROR_WANT_WRITE) {
        m_writeNotifier->setEnabled(true);
        return;
    }
    if (tlscontext::isEof(error)) {
        ERR_clear_error();
        fail(Error::RemoteClosed, QStringLiteral("closed during the handshake"));
        return;
    }
    const QString why = tlscontext::takeSslErrors();
    fail(Error::HandshakeFailed, why.isEmpty() ? QStringLiteral("handshake failed") : why);
}

qint64 TlsStream::bytesAvailable() const
{
    if (!m_ssl || !isEncrypted())
        return 0;
    return qint64(SSL_pending(m_ssl)) + (m_readable ? kReadHint : 0);
}

qint64 TlsStream::bytesToWrite() const
{
    return m_pending.size() - m_pendingPos;
}

qint64 TlsStream::readData(char *data, qint64 maxSize)
{
    if (!m_ssl || !isEncrypted())
        return m_state == State::Closed ? -1 : 0;
    qint64 got = 0;
    while (got < maxSize) {
        size_t n = 0;
        ERR_clear_error();
        if (SSL_read_ex(m_ssl, data + got, size_t(maxSize - got), &n) == 1) {
            got += qint64(n);
            continue;
        }
        const int error = SSL_get_error(m_ssl, 0);
        if (error == SSL_ERROR_WANT_READ) {
            m_readable = false;
            m_readNotifier->setEnabled(true);
            if (SSL_get_mode(m_ssl) & SSL_MODE_RELEASE_BUFFERS && !SSL_has_pending(m_ssl)) {
                // The handshake's small buffer is gone: the next one is kReadBuffer.
                SSL_clear_mode(m_ssl, SSL_MODE_RELEASE_BUFFERS);
            }
            break;
        }
        if (error == SSL_ERROR_WANT_WRITE) {
            m_readWantsWrite = true;
            m_writeNotifier->setEnabled(true);
            break;
        }
        if (error == SSL_ERROR_ZERO_RETURN
            || (tlscontext::isEof(error) && !SSL_has_pending(m_ssl))) {
            ERR_clear_error();
            peerClosed();
            break;
        }
        if (tlscontext::isEof(error)) {
            ERR_clear_error();
            fail(Error::RemoteClosed, QStringLiteral("closed in the middle of a record"));
        } else {
            fail(Error::BadRecord, tlscontext::takeSslErrors());
        }
        break;
    }
    if (got > 0)
        return got;
    return m_state == State::Closed ? -1 : 0;
}

qint64 TlsStream::writeData(const char *data, qint64 maxSize)
{
    return writeTwo({}, QByteArrayView(data, maxSize));
}

qint64 TlsStream::writeTwo(QByteArrayView head, QByteArrayView body)
{
    if (m_state != State::Encrypted)
        return -1;
    const qint64 total = head.size() + body.size();
    const qint64 held = bytesToWrite();
    if (m_blocked || held + total < kRecord) {
        // Behind bytes the kernel had no room for; or small, and held until the event loop
        // runs, so a burst of small frames (Offer, Data, End) goes out as one record.
        queue(head.data(), head.size());
        queue(body.data(), body.size());
        if (!m_blocked && !m_flushQueued) {
            m_flushQueued = true;
            QMetaObject::invokeMethod(this, &TlsStream::flushHeld, Qt::QueuedConnection);
        }
        return total;
    }
    bool fatal = false;
    if (held > 0 || !head.isEmpty()) {
        // One record for what is held, the header and the body's start: a 5-byte record of
        // its own would cost more than copying these 16 KiB. (held < kRecord: see above.)
        char first[kRecord];
        const qint64 lead = qMin<qint64>(body.size(), kRecord - held - head.size());
        memcpy(first, m_pending.constData() + m_pendingPos, size_t(held));
        memcpy(first + held, head.data(), size_t(head.size()));
        memcpy(first + held + head.size(), body.data(), size_t(lead));
        m_pending.clear();
        m_pendingPos = 0;
        const qint64 firstSize = held + head.size() + lead;
        const qint64 took = writeDirect(first, firstSize, &fatal);
        if (fatal)
            return -1;
        body = body.sliced(lead);
        if (took < firstSize) {
            queue(first + took, firstSize - took);
            queue(body.data(), body.size());
            return total;
        }
    }
    const qint64 took = writeDirect(body.data(), body.size(), &fatal);
    if (fatal)
        return -1;
    queue(body.data() + took, body.size() - took);
    return total;
}

void TlsStream::flushHeld()
{
    m_flushQueued = false;
    if (m_blocked || !isEncrypted() || !flushPending())
        return;
    if (m_state == State::Closing && bytesToWrite() == 0)
        finishClose();
}

qint64 TlsStream::writeDirect(const char *data, qint64 size, bool *fatal)
{
    qint64 done = 0;
    while (done < size) {
        size_t n = 0;
        ERR_clear_error();
        if (SSL_write_ex(m_ssl, data + done, size_t(size - done), &n) == 1) {
            done += qint64(n);
            continue;
        }
        const int osError = errno;
        const int error = SSL_get_error(m_ssl, 0);
        if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
            // The same bytes must be offered again (from m_pending) when the socket is ready.
            m_blocked = true;
            m_writeWantsRead = error == SSL_ERROR_WANT_READ;
            (m_writeWantsRead ? m_readNotifier : m_writeNotifier)->setEnabled(true);
            break;
        }
        *fatal = true;
        if (error == SSL_ERROR_SYSCALL && ERR_peek_error() == 0) {
            // EPIPE, ECONNRESET: the peer is gone, as a read would have found (a client
            // killed mid-download); the caller hears disconnected(), not a TLS failure.
            fail(Error::RemoteClosed, QString::fromLocal8Bit(strerror(osError)));
            break;
        }
        const QString why = tlscontext::takeSslErrors();
        fail(Error::SocketError, why.isEmpty() ? QStringLiteral("the connection broke") : why);
        break;
    }
    if (done > 0) {
        m_flushed += done;
        if (!m_reportQueued) {
            m_reportQueued = true;
            QMetaObject::invokeMethod(this, &TlsStream::reportWritten, Qt::QueuedConnection);
        }
    }
    return done;
}

void TlsStream::queue(const char *data, qint64 size)
{
    if (size > 0)
        m_pending.append(data, size);
}

bool TlsStream::flushPending()
{
    if (bytesToWrite() == 0)
        return true;
    bool fatal = false;
    m_pendingPos += writeDirect(
        m_pending.constData() + m_pendingPos, m_pending.size() - m_pendingPos, &fatal);
    if (fatal)
        return false;
    if (m_pendingPos == m_pending.size()) {
        m_pending.clear();
        m_pendingPos = 0;
    } else if (m_pendingPos >= kCompactAt && m_pendingPos * 2 >= m_pending.size()) {
        // OpenSSL takes the rest from its new place (SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER).
        m_pending.remove(0, m_pendingPos);
        m_pendingPos = 0;
    }
    return true;
}

void TlsStream::reportWritten()
{
    m_reportQueued = false;
    // Each signal says how much left since the last one, as QAbstractSocket's does.
    const qint64 fresh = m_flushed - m_reported;
    if (fresh <= 0)
        return;
    m_reported = m_flushed;
    emit bytesWritten(fresh);
}

void TlsStream::writeClearAndClose(const QByteArray &bytes)
{
    if (m_fd < 0)
        return;
    // Read what the peer sent first: closing with unread bytes would reset the connection
    // and could destroy the answer before the peer reads it.
    char sink[4096];
    for (int i = 0; i < 16 && ::recv(m_fd, sink, sizeof sink, MSG_DONTWAIT) > 0; ++i) { }
    if (!bytes.isEmpty())
        (void)::send(m_fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(m_fd, SHUT_WR);
    release();
    m_state = State::Closed;
    QIODevice::close();
    QMetaObject::invokeMethod(this, &TlsStream::disconnected, Qt::QueuedConnection);
}

void TlsStream::disconnectFromHost()
{
    if (m_state == State::Closed || m_state == State::Unconnected)
        return;
    if (m_state != State::Encrypted && m_state != State::Closing) {
        release();
        m_state = State::Closed;
        QIODevice::close();
        emit disconnected();
        return;
    }
    m_state = State::Closing;
    if (!m_blocked && !flushPending())
        return;
    if (bytesToWrite() == 0)
        finishClose();
}

void TlsStream::finishClose()
{
    ERR_clear_error();
    SSL_shutdown(m_ssl); // close_notify, once; the peer's answer isn't waited for
    ERR_clear_error();
    release();
    m_state = State::Closed;
    QIODevice::close();
    emit disconnected();
}

void TlsStream::peerClosed()
{
    m_readable = false;
    release();
    m_state = State::Closed;
    QIODevice::close();
    QMetaObject::invokeMethod(this, &TlsStream::disconnected, Qt::QueuedConnection);
}

void TlsStream::abort()
{
    release();
    m_state = State::Closed;
    QIODevice::close();
}

void TlsStream::close()
{
    abort();
}

void TlsStream::fail(Error error, const QString &why)
{
    qCInfo(lcTls) << "TLS stream failed:" << why;
    m_error = error;
    setErrorString(why);
    const bool wasEncrypted = isEncrypted();
    release();
    m_state = State::Closed;
    QIODevice::close();
    QMetaObject::invokeMethod(this, &TlsStream::errorOccurred, Qt::QueuedConnection);
    if (error == Error::RemoteClosed && wasEncrypted)
        QMetaObject::invokeMethod(this, &TlsStream::disconnected, Qt::QueuedConnection);
}

void TlsStream::release()
{
    m_readable = false;
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater(); // this may run inside its activated()
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    m_context.reset();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    m_pending.clear();
    m_pendingPos = 0;
    m_blocked = false;
    m_readWantsWrite = false;
    m_writeWantsRead = false;
}

} // namespace ferry
