#include "client/clienttransport.h"

#include "protocol/frame.h"
#include "tls/tlsstream.h"

#include <QTcpSocket>

#include <fcntl.h>

namespace ferry {

namespace {
/// A Ferry server answers as soon as it accepts; silence past this is another program, or
/// a server that is stuck. Either way the user learns it in seconds, not at the connect timeout.
constexpr int kGreetingTimeoutMs = 2000;
/// The socket's read buffer: one Data frame, its header, and room to read ahead.
constexpr qint64 kReadBufferSize = protocol::kMaxDataBody + protocol::kHeaderSize + 256 * 1024;
} // namespace

TcpTransport::TcpTransport(const Identity &identity, QObject *parent)
    : ClientTransport(parent), m_identity(identity)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &TcpTransport::onTimeout);
}

TcpTransport::~TcpTransport() = default;

void TcpTransport::open(const QString &host, quint16 port)
{
    close();
    m_host = host;
    m_peer = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    m_socket = new QTcpSocket(this);
    m_socket->setReadBufferSize(kReadBufferSize);
    connect(m_socket, &QTcpSocket::connected, this, &TcpTransport::onConnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &TcpTransport::onError);
    connect(m_socket, &QTcpSocket::disconnected, this, &TcpTransport::onError);
    m_state = State::Connecting;
    m_timer.start(m_connectMs);
    // From the event loop, never from here: an address the kernel refuses at once (an
    // unreachable route) fails inside connectToHost(), and lost() would reach the caller
    // before it is ready for it (a command line not yet in its event loop waited for ever).
    QTimer::singleShot(0, m_socket, [this, socket = m_socket, host, port] {
        if (socket == m_socket)
            socket->connectToHost(host, port);
    });
}

void TcpTransport::close()
{
    m_timer.stop();
    m_state = State::Closed;
    m_fingerprint.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_tls) {
        m_tls->disconnect(this);
        m_tls->abort();
        m_tls->deleteLater();
        m_tls = nullptr;
    }
}

QIODevice *TcpTransport::device() const
{
    if (m_tls)
        return m_tls;
    return m_socket;
}

void TcpTransport::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (isTls()) {
        // QTcpSocket found the host and connected; TLS goes on on the same connection, from
        // a descriptor of its own (the server speaks second: nothing was read here yet).
        const int fd = ::fcntl(int(m_socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
        if (fd < 0) {
            lose({ErrorCode::NetworkError,
                m_peer + QStringLiteral(" (") + qt_error_string() + QLatin1Char(')')});
            return;
        }
        m_tls = new TlsStream(this);
        connect(m_tls, &TlsStream::encrypted, this, &TcpTransport::onEncrypted);
        connect(m_tls, &TlsStream::errorOccurred, this, &TcpTransport::onTlsError);
        connect(m_tls, &TlsStream::disconnected, this, [this] {
            lose({ErrorCode::ConnectionLost, m_peer});
        });
        m_state = State::Handshaking;
        m_timer.start(qMin(kGreetingTimeoutMs, m_connectMs));
        if (!m_tls->start(fd, TlsStream::Role::Client, m_identity))
            lose({ErrorCode::TlsFailed, m_tls->errorString()});
        return;
    }
    m_timer.stop();
    m_state = State::Open;
    emit opened();
}

void TcpTransport::onEncrypted()
{
    if (m_state != State::Handshaking)
        return;
    const QSslCertificate cert = m_tls->peerCertificate();
    if (cert.isNull()) {
        lose({ErrorCode::TlsFailed, QStringLiteral("no server certificate")});
        return;
    }
    m_timer.stop();
    m_fingerprint = fingerprintOf(cert);
    m_state = State::Open;
    emit opened();
}

void TcpTransport::onError()
{
    Failure f {ErrorCode::ConnectionLost, m_peer};
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        f.code = ErrorCode::ConnectionRefused;
        break;
    case QAbstractSocket::HostNotFoundError:
        f.code = ErrorCode::HostNotFound;
        f.detail = m_host;
        break;
    case QAbstractSocket::SocketTimeoutError:
        if (m_state == State::Connecting)
            f.code = ErrorCode::NoAnswer;
        break;
    case QAbstractSocket::NetworkError:
        // EHOSTUNREACH (nobody answered for that address on the link) or ENETUNREACH (no
        // route): to a person, the address did not answer.
        if (m_state == State::Connecting)
            f.code = ErrorCode::NoAnswer;
        break;
    default:
        if (m_state == State::Connecting)
            f = {ErrorCode::NetworkError,
                m_peer + QStringLiteral(" (") + m_socket->errorString() + QLatin1Char(')')};
        break;
    }
    lose(f);
}

void TcpTransport::onTlsError()
{
    const QString why = m_tls->errorString();
    if (m_state != State::Handshaking) {
        lose({ErrorCode::ConnectionLost, m_peer});
        return;
    }
    switch (m_tls->error()) {
    case TlsStream::Error::HandshakeFailed:
        // A --plaintext server greets in clear, which OpenSSL reads as a broken record.
        lose(why.contains(QLatin1String("wrong version number"))
                    || why.contains(QLatin1String("packet length too long"))
                    || why.contains(QLatin1String("record layer failure"))
                ? Failure {ErrorCode::PeerIsPlaintext, m_peer}
                : Failure {ErrorCode::TlsFailed, why});
        return;
    case TlsStream::Error::RemoteClosed:
        lose({ErrorCode::TlsFailed, QStringLiteral("closed during the handshake")});
        return;
    case TlsStream::Error::None:
    case TlsStream::Error::BadRecord:
    case TlsStream::Error::SocketError:
        break;
    }
    lose({ErrorCode::TlsFailed, why});
}

void TcpTransport::onTimeout()
{
    lose({m_state == State::Connecting ? ErrorCode::NoAnswer : ErrorCode::NoGreeting, m_peer});
}

void TcpTransport::lose(const Failure &failure)
{
    if (m_state == State::Closed)
        return;
    close();
    emit lost(failure);
}

} // namespace ferry
