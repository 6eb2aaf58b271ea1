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

Q_LOGGING_CATEGORY(lcSession, "ferry.core.session")

namespace ferry {

using protocol::FrameType;

namespace {
constexpr qint64 kChunk = 256 * 1024;
constexpr qint64 kWriteHighWater = 512 * 1024;
constexpr qint64 kHashSliceBytes = 64 * 1024 * 1024;
constexpr int kProgressIntervalMs = 100;
/// A listing walks this long before the thread's other sessions get a turn.
constexpr int kListSliceMs = 20;
/// A listing slowed by its disk sends what it has at least this often, so neither side's
/// deadline mistakes a slow walk for a stuck one.
constexpr int kListFlushMs = 1000;

/// One read buffer per worker thread: sessions on a thread never read concurrently.
/// Sends a Data frame with one sendmsg() straight from \a body when nothing waits in the
/// socket's own buffer, which saves copying every byte into that buffer first. Returns how
/// much of the frame the kernel took: 0 when it would block, or where this isn't possible.
/// The caller queues the rest through QTcpSocket, which keeps the order.
qint64 sendDirect(QTcpSocket *socket, const char *header, const char *body, qint64 size)
{
#ifdef Q_OS_UNIX
    if (socket->bytesToWrite() > 0 || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    iovec parts[2] = {{const_cast<char *>(header), size_t(protocol::kHeaderSize)},
        {const_cast<char *>(body), size_t(size)}};
    msghdr message {};
    message.msg_iov = parts;
    message.msg_iovlen = 2;
    const ssize_t sent
        = ::sendmsg(int(socket->socketDescriptor()), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
    // On an error QTcpSocket gets the frame and reports the broken connection itself.
    return sent > 0 ? sent : 0;
#else
    Q_UNUSED(socket);
    Q_UNUSED(header);
    Q_UNUSED(body);
    Q_UNUSED(size);
    return 0;
#endif
}

/// Bytes sent straight to the kernel in one pump() before the thread's other sessions get a
/// turn.
constexpr qint64 kDirectSlice = 4 * 1024 * 1024;

QByteArray &scratch()
{
    thread_local QByteArray buffer(kChunk, Qt::Uninitialized);
    return buffer;
}
} // namespace

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
    if (!m_disconnectLogged && m_socket)
        abortSends({ErrorCode::Cancelled, {}});
    closeFile();
    if (m_admitted)
        m_shared->release(m_peerAddress);
    if (m_refuseBusy)
        m_shared->endRefusal();
}

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
    const auto result = m_reader.read(m_socket, [this](FrameType type, QByteArrayView body) {
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

void ServerSession::startNextJob()
{
    // Jobs run from the event loop so a burst of pipelined requests can't recurse.
    if (m_jobScheduled || m_state != State::AwaitRequest || m_jobs.isEmpty())
        return;
    if (pendingBytes() >= kWriteHighWater) {
        // A peer that queues requests but doesn't read: answer more only as it drains
        // (onBytesWritten), so pipelined listings can't pile up in our write buffer.
        if (!m_waitingForRoom) {
            m_waitingForRoom = true;
            restartDeadline();
        }
        return;
    }
    m_waitingForRoom = false;
    m_jobScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_jobScheduled = false;
            if (m_state != State::AwaitRequest || m_jobs.isEmpty())
                return;
            const Job job = m_jobs.dequeue();
            if (job.list)
                sendListing();
            else
                offer(job);
        },
        Qt::QueuedConnection);
}

void ServerSession::sendListing()
{
    // Streamed as the walk goes: the server never holds more than one folder's names and one
    // frame, however big the share.
    m_walk = std::make_unique<FolderWalk>(m_shared->folder().rootFd());
    m_listed = 0;
    m_listClock.start();
    setState(State::Listing);
    continueListing();
}

void ServerSession::continueListing()
{
    QElapsedTimer slice;
    slice.start();
    protocol::FileEntry entry;
    while (m_state == State::Listing && m_walk && pendingBytes() < kWriteHighWater) {
        if (slice.elapsed() >= kListSliceMs) {
            if (m_listFrames.count() > 0 && m_listClock.elapsed() >= kListFlushMs) {
                m_socket->write(m_listFrames.flush());
                m_listClock.restart();
                m_deadline.start(m_shared->config().transferTimeoutMs);
            }
            QMetaObject::invokeMethod(this, &ServerSession::continueListing, Qt::QueuedConnection);
            return;
        }
        if (!m_walk->next(&entry)) {
            m_socket->write(m_listFrames.flush());
            m_socket->write(protocol::encodeFrame(FrameType::ListEnd));
            m_walk.reset();
            emitEvent(ServerEvent::Kind::Listed, {}, m_listed);
            setState(State::AwaitRequest);
            startNextJob();
            return;
        }
        if (!entry.isFolder)
            ++m_listed; // the log says "listed N files"
        const QByteArray frame = m_listFrames.add(entry);
        if (!frame.isEmpty()) {
            m_socket->write(frame);
            m_listClock.restart();
            m_deadline.start(m_shared->config().transferTimeoutMs);
        }
    }
}

void ServerSession::offer(const Job &job)
{
    // A resume checks thousands of files by hash: only a refusal is worth a log line.
    if (!job.hash)
        emitEvent(ServerEvent::Kind::Requested, job.name);
    Failure failure;
    m_fd = m_shared->folder().open(job.name, &m_entry, &failure);
    if (!m_fd) {
        refuse(failure);
        return;
    }
    const containedfs::Stat st = containedfs::statFd(m_fd.get());
    m_device = st.device;
    m_inode = st.inode;
    m_mtimeNs = st.mtimeNs;
    m_hashOnly = job.hash;
    if (job.hash) {
        // Read (or found in the cache) like a send that starts past the end.
        startSending(m_entry.size);
        return;
    }
    m_socket->write(protocol::encodeOffer(m_entry));
    if (m_entry.size <= job.acceptUpTo) {
        // The client accepted files this small when it asked: no round trip per file.
        startSending(0);
        return;
    }
    setState(State::AwaitAccept);
}

void ServerSession::refuse(const Failure &failure)
{
    m_socket->write(protocol::encodeError(failure.code, failure.detail));
    emitEvent(ServerEvent::Kind::Refused, failure.detail, 0, failure);
    setState(State::AwaitRequest);
    startNextJob();
}

bool ServerSession::handleAccept(QByteArrayView body)
{
    const auto offset = protocol::parseAccept(body);
    if (!offset || *offset > m_entry.size) {
        fail({ErrorCode::ProtocolError, QStringLiteral("bad offset")});
        return false;
    }
    startSending(*offset);
    return !isEnding();
}

void ServerSession::startSending(qint64 offset)
{
    m_dataStart = queuedEnd();
    m_offset = offset;
    m_pos = 0;
    m_hash.reset();
    Md5Cache *cache = m_shared->md5Cache();
    m_knownMd5 = cache ? cache->find(cacheKey()) : QByteArray();
    if (!m_knownMd5.isEmpty()) {
        m_pos = m_offset;
        if (::lseek(m_fd.get(), m_offset, SEEK_SET) != m_offset) {
            fail({ErrorCode::ReadFailed, m_entry.name});
            return;
        }
    }
    containedfs::adviseSequential(m_fd.get());
    const bool alone = m_shared->beginSend(m_device, m_inode) == 0;
    m_sendCounted = true;
    if (m_pos == 0 && m_entry.size >= FileSource::kMinSize && m_shared->acquireSource()) {
        m_source = std::make_unique<FileSource>(
            m_fd.get(), m_entry.size, alone, m_knownMd5.isEmpty() ? &m_hash : nullptr, [this] {
                QMetaObject::invokeMethod(this, &ServerSession::pump, Qt::QueuedConnection);
            });
    }
    m_progressClock.start();
    setState(State::Sending);
    if (!m_hashOnly)
        emitProgress(false);
    pump();
}

void ServerSession::onBytesWritten(qint64 written)
{
    m_flushed += written;
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
        m_socket->disconnectFromHost();
    }
}

/// Sends the file from m_pos while the socket's buffer has room: read a block, hash it, frame
/// it. Returns to the event loop when the buffer is full (bytesWritten calls again), when the
/// read-ahead has nothing yet (it calls again), or when this call used up its turn.
void ServerSession::pump()
{
    PumpTurn turn;
    while (m_state == State::Sending && pendingBytes() < kWriteHighWater) {
        if (m_pos == m_entry.size) {
            finishFile();
            return;
        }
        if (turn.used()) {
            // Give the thread's other sessions a turn.
            QMetaObject::invokeMethod(this, &ServerSession::pump, Qt::QueuedConnection);
            return;
        }
        QByteArrayView block;
        if (!readBlock(&block))
            return;
        hashBlock(block);
        const bool kernelFull = !sendBlock(block, &turn);
        m_pos += block.size();
        if (kernelFull)
            return; // let QTcpSocket drain the rest, then send direct again
        if (m_progressClock.elapsed() >= kProgressIntervalMs)
            emitProgress(false);
    }
}

bool ServerSession::PumpTurn::used() const
{
    return hashedOnly >= kHashSliceBytes || sentDirect >= kDirectSlice;
}

/// The next block of the file at m_pos, from the read-ahead or read here. False when there is
/// none yet (the read-ahead calls pump() when there is) or on failure, already reported.
bool ServerSession::readBlock(QByteArrayView *block)
{
    const qint64 want = qMin(kChunk, m_entry.size - m_pos);
    qint64 got = 0;
    const char *data = nullptr;
    if (m_source) {
        int error = 0;
        FileSource::Status status;
        const QByteArrayView ahead = m_source->next(want, &status, &error);
        if (status == FileSource::Status::NotYet)
            return false;
        data = ahead.data();
        got = status == FileSource::Status::Ready  ? ahead.size()
            : status == FileSource::Status::Failed ? -1
                                                   : 0;
    } else {
        QByteArray &buf = scratch();
        do {
            got = ::read(m_fd.get(), buf.data(), size_t(want));
        } while (got < 0 && errno == EINTR);
        data = buf.constData();
    }
    if (got == 0) {
        fileChanged(); // it ended early
        return false;
    }
    if (got < 0) {
        fail({ErrorCode::ReadFailed, m_entry.name});
        return false;
    }
    *block = QByteArrayView(data, got);
    return true;
}

void ServerSession::hashBlock(QByteArrayView block)
{
    // A cached MD5 needs no hashing; a FileSource hashes on its own thread.
    if (m_knownMd5.isEmpty() && !m_source)
        m_hash.addData(block);
}

/// Frames the part of \a block past the resume offset. False when the kernel's buffer filled
/// during a direct send: the rest waits in the socket's buffer.
bool ServerSession::sendBlock(QByteArrayView block, PumpTurn *turn)
{
    if (m_pos + block.size() <= m_offset) {
        turn->hashedOnly += block.size(); // a resumed file's head: hashed, not sent
        // Reading is progress too: the deadline is for a disk that stops, not a big file.
        if (m_hashOnly)
            restartDeadline();
        return true;
    }
    const qint64 skip = qMax<qint64>(0, m_offset - m_pos);
    return sendDataFrame(block.sliced(skip), turn);
}

/// One Data frame: straight to the kernel with sendmsg() where possible, the rest (all of it
/// under TLS, where every byte must pass through OpenSSL) queued in the socket, in order.
bool ServerSession::sendDataFrame(QByteArrayView body, PumpTurn *turn)
{
    char header[protocol::kHeaderSize];
    protocol::writeHeader(header, FrameType::Data, quint32(body.size()));
    const qint64 sent = m_tls ? 0 : sendDirect(m_socket, header, body.data(), body.size());
    if (sent < protocol::kHeaderSize)
        m_socket->write(header + sent, protocol::kHeaderSize - sent);
    const qint64 bodySent = qMax<qint64>(0, sent - protocol::kHeaderSize);
    if (bodySent < body.size())
        m_socket->write(body.data() + bodySent, body.size() - bodySent);
    if (sent == 0)
        return true;
    m_flushed += sent;
    turn->sentDirect += sent;
    m_deadline.start(m_shared->config().transferTimeoutMs);
    return m_socket->bytesToWrite() == 0;
}

void ServerSession::finishFile()
{
    const containedfs::Stat st = containedfs::statFd(m_fd.get());
    if (!st.ok || st.size != m_entry.size || st.mtimeNs != m_mtimeNs) {
        // Never pair a file that changed under us with a "valid" MD5.
        fileChanged();
        return;
    }
    QByteArray md5 = m_knownMd5;
    if (md5.isEmpty()) {
        md5 = m_hash.result().toHex();
        if (Md5Cache *cache = m_shared->md5Cache())
            cache->insert(cacheKey(), md5);
    }
    if (m_hashOnly) {
        m_socket->write(protocol::encodeHashReply({m_entry, md5}));
        closeFile();
        setState(State::AwaitRequest);
        startNextJob();
        return;
    }
    m_socket->write(protocol::encodeEnd(md5));
    emitProgress(true);
    // "Sent" only once the bytes have left: a peer that is already gone gets none of them.
    m_unconfirmed.append({m_entry.name, m_entry.size - m_offset, m_dataStart, queuedEnd()});
    reportDelivered();
    closeFile();
    setState(State::AwaitRequest);
    startNextJob();
}

void ServerSession::fileChanged()
{
    // Version 3: the Error takes the place of End (or of a HashReply) and ends this file
    // only; the client drops what it received of it.
    const Failure failure {ErrorCode::FileChanged, m_entry.name};
    qCInfo(lcSession) << m_peer << "file changed while read:" << m_entry.name;
    emitEvent(ServerEvent::Kind::Refused, m_entry.name,
        m_hashOnly ? 0 : deliveredSince(m_dataStart, m_pos - m_offset), failure);
    if (!m_hashOnly)
        emitProgress(true);
    m_socket->write(protocol::encodeError(failure.code, failure.detail));
    closeFile();
    setState(State::AwaitRequest);
    startNextJob();
}

Md5Cache::Key ServerSession::cacheKey() const
{
    return {m_device, m_inode, m_entry.size, m_mtimeNs};
}

void ServerSession::closeFile()
{
    m_hashOnly = false;
    if (m_source) {
        m_source.reset();
        m_shared->releaseSource();
    }
    if (m_sendCounted) {
        m_shared->endSend(m_device, m_inode);
        m_sendCounted = false;
    }
    m_fd.reset();
}

void ServerSession::onDeadline()
{
    if (m_state == State::Closing) {
        m_socket->abort();
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
    const bool canSpeak = !m_tls || m_tls->isEncrypted();
    if (canSpeak && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_socket->write(protocol::encodeError(failure.code, failure.detail));
        if (m_socket->bytesToWrite() == 0)
            m_socket->disconnectFromHost();
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
    return m_socket->bytesToWrite() + (m_tls ? m_tls->encryptedBytesToWrite() : 0);
}

/// The position just past everything queued so far.
qint64 ServerSession::queuedEnd() const
{
    return m_flushed + (m_socket ? m_socket->bytesToWrite() : 0);
}

/// File bytes that left since \a mark, at most \a cap (frame headers make it a slight
/// overestimate for big files, never for what was still queued).
qint64 ServerSession::deliveredSince(qint64 mark, qint64 cap) const
{
    return qBound<qint64>(0, m_flushed - mark, qMax<qint64>(0, cap));
}

void ServerSession::reportDelivered()
{
    while (!m_unconfirmed.isEmpty() && m_unconfirmed.constFirst().end <= m_flushed) {
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
