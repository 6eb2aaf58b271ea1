// ServerSession, first half of a connection: the TLS or plaintext start, the Hello and the
// password proof. The rest is in serversession.cpp and serversession_send.cpp.
#include "server/serversession.h"

#include "fs/containedfs.h"
#include "protocol/auth.h"
#include "protocol/decoder.h"
#include "protocol/names.h"
#include "server/servershared.h"
#include "tls/tlsconfig.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QSslSocket>
#include <QTcpSocket>

#include <fcntl.h>
#include <unistd.h>
#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/uio.h>
#endif

Q_DECLARE_LOGGING_CATEGORY(lcSession)

namespace ferry {

using protocol::FrameType;

void ServerSession::start()
{
    const Identity &identity = m_shared->config().identity;
    if (!identity.isNull()) {
        m_tls = new QSslSocket(this);
        m_tls->setSslConfiguration(tlsConfiguration(identity));
        m_socket = m_tls;
    } else {
        m_socket = new QTcpSocket(this);
    }
    if (!m_socket->setSocketDescriptor(m_descriptor.get())) {
        qCWarning(lcSession) << "could not take over an accepted connection:"
                             << m_socket->errorString();
        deleteLater(); // m_descriptor closes with the session
        return;
    }
    m_descriptor.release(); // the socket owns it now
    m_id = m_shared->nextSessionId();
    QHostAddress address = m_socket->peerAddress();
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(v4);
    m_peerAddress = address.toString();
    m_peer = m_peerAddress + QLatin1Char(':') + QString::number(m_socket->peerPort());
    m_socket->setReadBufferSize(kReadBound);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ServerSession::onBytesWritten);
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
                m_socket->abort();
                deleteLater();
                return;
            }
            // The refusal is a frame, and frames travel only inside TLS.
            m_refuseBusy = true;
            m_busyWhich = which;
            m_failureLogged = true;
        } else {
            m_socket->write(protocol::encodeError(ErrorCode::Busy, which));
            setState(State::Closing);
            m_socket->disconnectFromHost();
            return;
        }
    } else {
        m_admitted = true;
    }
    if (m_tls) {
        connect(m_tls, &QSslSocket::encrypted, this, &ServerSession::onEncrypted);
        // QSslSocket encrypts at once into the TCP socket's own buffer: the flow control
        // bound counts that buffer too (pendingBytes()), and its draining pumps the next chunk.
        connect(m_tls, &QSslSocket::encryptedBytesWritten, this, [this] {
            if (m_state == State::Sending)
                pump();
            else if (m_state == State::Listing)
                continueListing();
            else if (m_state == State::AwaitRequest && m_waitingForRoom)
                startNextJob();
            else if (m_state == State::Closing && pendingBytes() == 0)
                m_socket->disconnectFromHost();
        });
        // Queued: a failed handshake reports from inside OpenSSL's call stack, which must
        // unwind before the session closes the socket.
        connect(m_tls, &QSslSocket::errorOccurred, this, &ServerSession::onSocketError,
            Qt::QueuedConnection);
        connect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onFirstBytes);
        setState(State::AwaitTls);
        if (m_socket->bytesAvailable() > 0)
            onFirstBytes();
        return;
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onReadyRead);
    emitEvent(ServerEvent::Kind::Connected);
    greet();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

/// TLS: the first byte tells a ClientHello from a plaintext Ferry client, which gets a clear
/// answer in its own language instead of a handshake error.
void ServerSession::onFirstBytes()
{
    if (m_state != State::AwaitTls || m_tls->isEncrypted()
        || m_tls->mode() != QSslSocket::UnencryptedMode)
        return;
    char first = 0;
    if (m_tls->peek(&first, 1) != 1)
        return;
    disconnect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onFirstBytes);
    if (first == kTlsHandshakeByte) {
        m_tls->startServerEncryption();
        return;
    }
    if (first == char(FrameType::Hello)) {
        protocol::Hello hello;
        hello.flags = protocol::EncryptionRequired;
        m_socket->write(protocol::encodeHello(hello));
    }
    const Failure why {ErrorCode::PeerIsPlaintext, {}};
    qCInfo(lcSession) << m_peer << "spoke plaintext to a TLS server";
    if (!m_failureLogged)
        emitEvent(ServerEvent::Kind::Failed, {}, 0, why);
    m_failureLogged = true;
    setState(State::Closing);
    m_socket->disconnectFromHost();
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
    connect(m_socket, &QTcpSocket::readyRead, this, &ServerSession::onReadyRead);
    if (m_refuseBusy) {
        closeWith({ErrorCode::Busy, m_busyWhich});
        return;
    }
    // The code the client shows on first contact, so the two people can compare.
    emitEvent(ServerEvent::Kind::Connected, {}, 0,
        {ErrorCode::None,
            comparisonCode(m_shared->config().identity.fingerprint(), m_clientFingerprint)});
    greet();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

void ServerSession::onSocketError()
{
    if (m_state == State::Closing)
        return;
    const QAbstractSocket::SocketError error = m_tls->error();
    if (m_state == State::AwaitTls && error == QAbstractSocket::SslHandshakeFailedError) {
        fail({ErrorCode::TlsFailed, m_tls->errorString()});
        return;
    }
    if (error == QAbstractSocket::SslInternalError) {
        // OpenSSL refused a record (one that doesn't decrypt, or a handshake message over its
        // limits). The stream can't recover, and QSslSocket would go on moving whatever the
        // peer sends into OpenSSL's input buffer, without bound: drop the connection now.
        fail({ErrorCode::TlsFailed, m_tls->errorString()});
        m_socket->abort();
        onDisconnected();
    }
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
    m_socket->write(protocol::encodeHello(hello));
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
    m_socket->write(protocol::encodeFrame(FrameType::AuthResult));
    setState(State::AwaitRequest);
}

} // namespace ferry
