// ServerSession, first half of a connection: the TLS or plaintext start, the Hello and the
// password proof. The rest is in serversession.cpp and serversession_send.cpp.
#include "server/serversession.h"

#include "fs/containedfs.h"
#include "protocol/auth.h"
#include "protocol/decoder.h"
#include "protocol/names.h"
#include "server/servershared.h"
#include "tls/tlsconfig.h"
#include "tls/tlsstream.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QTcpSocket>

#include <fcntl.h>
#include <unistd.h>
#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/uio.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace ferry {

using protocol::FrameType;

namespace {
/// The peer of a connected socket, an IPv4-mapped address as plain IPv4.
std::pair<QHostAddress, quint16> peerOf(int fd)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    const QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    quint16 port = 0;
    if (storage.ss_family == AF_INET)
        port = ntohs(reinterpret_cast<const sockaddr_in *>(&storage)->sin_port);
    else if (storage.ss_family == AF_INET6)
        port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&storage)->sin6_port);
    return {address, port};
}
} // namespace

void ServerSession::start()
{
    const Identity &identity = m_shared->config().identity;
    auto [address, port] = peerOf(m_descriptor.get());
    if (!identity.isNull()) {
        m_tls = new TlsStream(this);
        m_io = m_tls;
        // The stream owns the descriptor from here on, whatever start() says.
        if (!m_tls->start(m_descriptor.release(), TlsStream::Role::Server, identity)) {
            qCWarning(lcSession) << "could not start TLS:" << m_tls->errorString();
            deleteLater();
            return;
        }
    } else {
        m_socket = new QTcpSocket(this);
        m_io = m_socket;
        if (!m_socket->setSocketDescriptor(m_descriptor.get())) {
            qCWarning(lcSession) << "could not take over an accepted connection:"
                                 << m_socket->errorString();
            deleteLater(); // m_descriptor closes with the session
            return;
        }
        m_descriptor.release(); // the socket owns it now
        m_socket->setReadBufferSize(kReadBound);
    }
    m_id = m_shared->nextSessionId();
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4);
    m_peerAddress = address.toString();
    m_peer = m_peerAddress + QLatin1Char(':') + QString::number(port);
    connect(m_io, &QIODevice::bytesWritten, this, &ServerSession::onBytesWritten);
    if (m_tls)
        connect(m_tls, &TlsStream::disconnected, this, &ServerSession::onDisconnected);
    else
        connect(m_socket, &QTcpSocket::disconnected, this, &ServerSession::onDisconnected);

    const auto admission = m_shared->admit(m_peerAddress);
    if (admission != ServerShared::Admission::Admitted) {
        const QString which = admission == ServerShared::Admission::TooManyTotal
            ? QStringLiteral("max-connections")
            : QStringLiteral("max-per-peer");
        emitEvent(ServerEvent::Kind::LimitHit, {}, 0, {ErrorCode::Busy, which});
        if (m_tls) {
            if (!m_shared->beginRefusal()) {
                // A flood: too many are already being told. Close this one at no cost.
                m_tls->abort();
                deleteLater();
                return;
            }
            // The refusal is a frame, and frames travel only inside TLS.
            m_refuseBusy = true;
            m_busyWhich = which;
            m_failureLogged = true;
        } else {
            m_io->write(protocol::encodeError(ErrorCode::Busy, which));
            setState(State::Closing);
            m_socket->disconnectFromHost();
            return;
        }
    } else {
        m_admitted = true;
    }
    if (m_tls) {
        connect(m_tls, &TlsStream::encrypted, this, &ServerSession::onEncrypted);
        connect(m_tls, &TlsStream::notTls, this, &ServerSession::onNotTls);
        // Always queued by the stream: OpenSSL's call stack has unwound.
        connect(m_tls, &TlsStream::errorOccurred, this, &ServerSession::onSocketError);
        setState(State::AwaitTls);
        return;
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onReadyRead);
    emitEvent(ServerEvent::Kind::Connected);
    greet();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

/// TLS: the first byte was not a ClientHello. A plaintext Ferry client gets a clear answer in
/// its own language instead of a handshake error.
void ServerSession::onNotTls()
{
    if (m_state != State::AwaitTls)
        return;
    QByteArray answer;
    if (m_tls->firstByte() == char(FrameType::Hello)) {
        protocol::Hello hello;
        hello.flags = protocol::EncryptionRequired;
        answer = protocol::encodeHello(hello);
    }
    const Failure why {ErrorCode::PeerIsPlaintext, {}};
    qCInfo(lcSession) << m_peer << "spoke plaintext to a TLS server";
    if (!m_failureLogged)
        emitEvent(ServerEvent::Kind::Failed, {}, 0, why);
    m_failureLogged = true;
    setState(State::Closing);
    m_tls->writeClearAndClose(answer); // disconnected() follows
}

void ServerSession::onEncrypted()
{
    const QSslCertificate cert = m_tls->peerCertificate();
    if (cert.isNull()) {
        fail({ErrorCode::TlsFailed, QStringLiteral("no client certificate")});
        return;
    }
    m_clientFingerprint = fingerprintOf(cert);
    // The log names each client by its certificate, which an address can't forge.
    m_peer += QStringLiteral(" [%1]").arg(fingerprintHex(m_clientFingerprint, 16));
    connect(m_tls, &QIODevice::readyRead, this, &ServerSession::onReadyRead);
    if (m_refuseBusy) {
        closeWith({ErrorCode::Busy, m_busyWhich});
        return;
    }
    // The code the client shows on first contact, so the two people can compare.
    emitEvent(ServerEvent::Kind::Connected, {}, 0,
        {ErrorCode::None,
            comparisonCode(m_shared->config().identity.fingerprint(), m_clientFingerprint)});
    greet();
    if (m_tls->bytesAvailable() > 0)
        onReadyRead();
}

void ServerSession::onSocketError()
{
    switch (m_tls->error()) {
    case TlsStream::Error::RemoteClosed:
        // Gone: after the handshake disconnected() follows; before it, nothing else will.
        if (m_state != State::AwaitTls)
            return;
        break;
    case TlsStream::Error::HandshakeFailed:
    case TlsStream::Error::BadRecord:
    case TlsStream::Error::SocketError:
        // A failed handshake, or a record that doesn't decrypt: the stream can't recover,
        // and its descriptor is already closed.
        fail({ErrorCode::TlsFailed, m_tls->errorString()});
        break;
    case TlsStream::Error::None:
        return;
    }
    onDisconnected();
}

void ServerSession::greet()
{
    protocol::Hello hello;
    if (m_shared->passwordRequired()) {
        m_nonce = auth::randomNonce();
        hello.flags |= protocol::PasswordRequired;
        hello.nonce = m_nonce;
    }
    if (m_tls)
        hello.name = m_shared->config().identity.name();
    m_io->write(protocol::encodeHello(hello));
    setState(State::AwaitHello);
}

bool ServerSession::handleHello(QByteArrayView body)
{
    const auto hello = protocol::parseHello(body);
    if (!hello) {
        fail({ErrorCode::ProtocolError, QStringLiteral("bad hello")});
        return false;
    }
    if (hello->version != protocol::kProtocolVersion) {
        fail({ErrorCode::VersionMismatch,
            QStringLiteral("client %1, server %2")
                .arg(hello->version)
                .arg(protocol::kProtocolVersion)});
        return false;
    }
    setState(m_shared->passwordRequired() ? State::AwaitAuth : State::AwaitRequest);
    return true;
}

bool ServerSession::handleAuth(QByteArrayView body)
{
    const auto proof = protocol::parseAuthProof(body);
    if (!proof) {
        fail({ErrorCode::ProtocolError, QStringLiteral("bad auth proof")});
        return false;
    }
    const qint64 wait = m_shared->reserveAuthAnswer(m_peerAddress);
    if (wait < 0) {
        emitEvent(
            ServerEvent::Kind::LimitHit, {}, 0, {ErrorCode::Busy, QStringLiteral("auth-attempts")});
        fail({ErrorCode::Busy, QStringLiteral("auth-attempts")});
        return false;
    }
    // Bound to this channel: a proof made for a relay's certificate doesn't fit ours.
    const QByteArray channel
        = m_tls ? m_shared->config().identity.fingerprint() + m_clientFingerprint : QByteArray();
    const QByteArray expected
        = auth::proof(m_shared->authKey(), m_nonce, proof->clientNonce, channel);
    const bool accepted = auth::constantTimeEquals(expected, proof->proof);
    if (wait == 0) {
        answerAuth(accepted);
        return !isEnding();
    }
    // Success waits too: a fast "yes" among slow "no"s would be an oracle.
    m_authAnswerPending = true;
    m_authWaitMs = wait;
    restartDeadline();
    QTimer::singleShot(int(wait), this, [this, accepted] {
        if (m_state == State::AwaitAuth && m_authAnswerPending)
            answerAuth(accepted);
    });
    return true;
}

void ServerSession::answerAuth(bool accepted)
{
    m_authAnswerPending = false;
    m_authWaitMs = 0;
    if (!accepted) {
        // A wrong password is the client's mistake, not the server's error.
        emitEvent(ServerEvent::Kind::Refused, {}, 0, {ErrorCode::AuthFailed, {}});
        closeWith({ErrorCode::AuthFailed, {}});
        return;
    }
    m_shared->authSucceeded(m_peerAddress);
    m_io->write(protocol::encodeFrame(FrameType::AuthResult));
    setState(State::AwaitRequest);
}

} // namespace ferry
