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
#include <sys/socket.h>
#include <sys/uio.h>
#endif

Q_LOGGING_CATEGORY(lcSession, "ferry.core.session")

namespace ferry {

using protocol::FrameType;

ServerSession::ServerSession(
    qintptr descriptor, std::shared_ptr<ServerShared> shared, QObject *parent)
    : QObject(parent), m_descriptor(int(descriptor)), m_shared(std::move(shared))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &ServerSession::onDeadline);
}

ServerSession::~ServerSession()
{
    // The server stopped sharing: whatever was still going out is logged as aborted.
    if (!m_disconnectLogged && m_io)
        abortSends({ErrorCode::Cancelled, {}});
    closeFile();
    if (m_admitted)
        m_shared->release(m_peerAddress);
    if (m_refuseBusy)
        m_shared->endRefusal();
}

void ServerSession::setState(State state)
{
    m_state = state;
    restartDeadline();
}

void ServerSession::restartDeadline()
{
    const ServerConfig &c = m_shared->config();
    switch (m_state) {
    case State::Starting:
    case State::Closed:
        m_deadline.stop();
        return;
    case State::AwaitTls:
    case State::AwaitHello:
        m_deadline.start(c.handshakeTimeoutMs);
        return;
    case State::AwaitAuth:
        // A throttled answer is held back first; the client then has the usual time.
        m_deadline.start(int(m_authWaitMs) + c.handshakeTimeoutMs);
        return;
    case State::AwaitRequest:
        // Waiting for room means the client stopped reading the answers it asked for.
        m_deadline.start(m_waitingForRoom ? c.transferTimeoutMs : c.requestTimeoutMs);
        return;
    case State::AwaitAccept:
    case State::Sending:
    case State::Listing:
        m_deadline.start(c.transferTimeoutMs);
        return;
    case State::Closing:
        m_deadline.start(c.handshakeTimeoutMs);
        return;
    }
}

void ServerSession::onReadyRead()
{
    if (isEnding())
        return;
    if (!m_tls && m_state == State::AwaitHello) {
        char first = 0;
        if (m_socket->peek(&first, 1) == 1 && first == kTlsHandshakeByte) {
            // A ClientHello: an encrypted client met this --plaintext server. Say so in the
            // log; the client learns it from its failed handshake.
            fail({ErrorCode::PeerWantsTls, {}});
            return;
        }
    }
    const auto result = m_reader.read(m_io, [this](FrameType type, QByteArrayView body) {
        return handleFrame(type, body) && !isEnding();
    });
    if (result == protocol::FrameReader::Result::Malformed)
        fail({ErrorCode::ProtocolError, QStringLiteral("malformed frame")});
}

bool ServerSession::handleFrame(FrameType type, QByteArrayView body)
{
    switch (m_state) {
    case State::AwaitHello:
        if (type == FrameType::Hello)
            return handleHello(body);
        break;
    case State::AwaitAuth:
        // One proof per connection; nothing else is read before it is answered.
        if (type == FrameType::AuthProof && !m_authAnswerPending)
            return handleAuth(body);
        break;
    case State::AwaitRequest:
    case State::AwaitAccept:
    case State::Sending:
    case State::Listing:
        if (type == FrameType::ListRequest || type == FrameType::GetRequest
            || type == FrameType::HashRequest) {
            if (m_jobs.size() >= m_shared->config().maxQueuedRequests) {
                emitEvent(ServerEvent::Kind::LimitHit, {}, 0,
                    {ErrorCode::TooManyRequests, QStringLiteral("max-queued-requests")});
                fail({ErrorCode::TooManyRequests, QString()});
                return false;
            }
            Job job;
            job.list = type == FrameType::ListRequest;
            job.hash = type == FrameType::HashRequest;
            if (job.hash) {
                const auto name = protocol::parseHashRequest(body);
                if (!name) {
                    fail({ErrorCode::ProtocolError, QStringLiteral("malformed hash query")});
                    return false;
                }
                job.name = *name;
            } else if (!job.list) {
                const auto request = protocol::parseGetRequest(body);
                if (!request) {
                    fail({ErrorCode::ProtocolError, QStringLiteral("malformed request")});
                    return false;
                }
                job.name = request->name;
                job.acceptUpTo = request->acceptUpTo;
            }
            m_jobs.enqueue(job);
            if (m_state == State::AwaitRequest)
                startNextJob();
            return true;
        }
        if (m_state == State::AwaitAccept && type == FrameType::Accept)
            return handleAccept(body);
        if (m_state == State::AwaitAccept && type == FrameType::Decline) {
            emitEvent(ServerEvent::Kind::Refused, m_entry.name, 0, {ErrorCode::Cancelled, {}});
            closeFile();
            setState(State::AwaitRequest);
            startNextJob();
            return true;
        }
        break;
    case State::Starting:
    case State::AwaitTls:
    case State::Closing:
    case State::Closed:
        return false;
    }
    fail({ErrorCode::ProtocolError,
        QStringLiteral("unexpected frame 0x%1 in state %2")
            .arg(int(type), 2, 16, QLatin1Char('0'))
            .arg(QString::fromLatin1(QMetaEnum::fromType<State>().valueToKey(int(m_state))))});
    return false;
}

void ServerSession::onBytesWritten(qint64 written)
{
    if (!m_tls)
        m_flushed += written; // TlsStream counts for itself (flushed())
    reportDelivered();
    if (m_state == State::Sending) {
        restartDeadline(); // the peer is reading: it has a full transfer timeout again
        pump();
    } else if (m_state == State::Listing) {
        restartDeadline();
        continueListing();
    } else if (m_state == State::AwaitRequest && m_waitingForRoom) {
        restartDeadline();
        startNextJob();
    } else if (m_state == State::Closing && pendingBytes() == 0) {
        closeGracefully();
    }
}

void ServerSession::onDeadline()
{
    if (m_state == State::Closing) {
        abortConnection();
        onDisconnected();
        return;
    }
    fail({ErrorCode::Timeout, QString::fromLatin1(timeoutPhase())});
}

const char *ServerSession::timeoutPhase() const
{
    switch (m_state) {
    case State::AwaitTls:
    case State::AwaitHello:
        return timeoutphase::kHello;
    case State::AwaitAuth:
        return timeoutphase::kPassword;
    case State::AwaitRequest:
        // Waiting for room means the client stopped reading the answers it asked for.
        return m_waitingForRoom ? timeoutphase::kSending : timeoutphase::kRequest;
    case State::AwaitAccept:
        return timeoutphase::kAccept;
    case State::Listing:
        return timeoutphase::kListing;
    case State::Sending:
    case State::Starting:
    case State::Closing:
    case State::Closed:
        break;
    }
    return timeoutphase::kSending;
}

void ServerSession::fail(const Failure &failure)
{
    if (isEnding())
        return;
    qCInfo(lcSession) << m_peer << "failed:" << int(failure.code) << failure.detail;
    const bool sending
        = (m_state == State::Sending && !m_hashOnly) || m_state == State::AwaitAccept;
    emitEvent(ServerEvent::Kind::Failed, sending ? m_entry.name : QString(),
        m_state == State::Sending ? deliveredSince(m_dataStart, m_pos - m_offset) : 0, failure);
    m_failureLogged = true;
    if (sending)
        emitProgress(true);
    closeWith(failure);
}

void ServerSession::closeWith(const Failure &failure)
{
    closeFile();
    m_walk.reset();
    m_jobs.clear();
    setState(State::Closing);
    // Before the handshake, a frame would only be garbage to a TLS peer.
    const bool canSpeak = m_tls ? m_tls->state() == TlsStream::State::Encrypted
                                : m_socket->state() == QAbstractSocket::ConnectedState;
    if (canSpeak) {
        m_io->write(protocol::encodeError(failure.code, failure.detail));
        if (m_tls || m_io->bytesToWrite() == 0)
            closeGracefully(); // TlsStream writes out what is queued first
        else
            m_socket->flush();
    } else {
        onDisconnected();
    }
}

void ServerSession::onDisconnected()
{
    if (!m_disconnectLogged) {
        m_disconnectLogged = true;
        abortSends({ErrorCode::ConnectionLost, {}});
        // One outcome per session: after an error, the close (up to a handshake timeout
        // later, for a peer that stopped reading) adds nothing.
        if (m_admitted && !m_failureLogged)
            emitEvent(ServerEvent::Kind::Disconnected);
        setState(State::Closed);
        closeFile();
        m_walk.reset();
        deleteLater();
    }
}

/// Bytes queued but not yet taken by the kernel, encrypted or not.
qint64 ServerSession::pendingBytes() const
{
    return m_io->bytesToWrite();
}

qint64 ServerSession::flushed() const
{
    return m_tls ? m_tls->bytesFlushed() : m_flushed;
}

void ServerSession::closeGracefully()
{
    if (m_tls)
        m_tls->disconnectFromHost();
    else
        m_socket->disconnectFromHost();
}

void ServerSession::abortConnection()
{
    if (m_tls)
        m_tls->abort();
    else
        m_socket->abort();
}

/// The position just past everything queued so far.
qint64 ServerSession::queuedEnd() const
{
    return flushed() + (m_io ? m_io->bytesToWrite() : 0);
}

/// File bytes that left since \a mark, at most \a cap (frame headers make it a slight
/// overestimate for big files, never for what was still queued).
qint64 ServerSession::deliveredSince(qint64 mark, qint64 cap) const
{
    return qBound<qint64>(0, flushed() - mark, qMax<qint64>(0, cap));
}

void ServerSession::reportDelivered()
{
    while (!m_unconfirmed.isEmpty() && m_unconfirmed.constFirst().end <= flushed()) {
        const Unconfirmed done = m_unconfirmed.takeFirst();
        emitEvent(ServerEvent::Kind::Sent, done.name, done.size);
    }
}

/// Logs every send that had not fully left as aborted, with the bytes that did.
void ServerSession::abortSends(const Failure &why)
{
    reportDelivered();
    for (const Unconfirmed &u : std::as_const(m_unconfirmed))
        emitEvent(ServerEvent::Kind::Aborted, u.name, deliveredSince(u.start, u.size), why);
    m_unconfirmed.clear();
    if ((m_state == State::Sending && !m_hashOnly) || m_state == State::AwaitAccept) {
        emitEvent(ServerEvent::Kind::Aborted, m_entry.name,
            m_state == State::Sending ? deliveredSince(m_dataStart, m_pos - m_offset) : 0, why);
        emitProgress(true);
    }
}

void ServerSession::emitEvent(
    ServerEvent::Kind kind, const QString &name, qint64 bytes, const Failure &failure)
{
    ServerEvent e;
    e.time = QDateTime::currentDateTime();
    e.sessionId = m_id;
    e.peer = m_peer;
    e.kind = kind;
    e.name = name;
    e.bytes = bytes;
    e.code = failure.code;
    e.detail = failure.detail;
    emit event(e);
}

void ServerSession::emitProgress(bool finished)
{
    m_progressClock.restart();
    ServerTransfer t;
    t.sessionId = m_id;
    t.peer = m_peer;
    t.name = m_entry.name;
    t.done = qMax<qint64>(0, m_pos - m_offset);
    t.total = m_entry.size - m_offset;
    t.finished = finished;
    emit progress(t);
}

} // namespace ferry
