// ServerSession, the requests: the job queue, the streamed listing, hash queries and the
// file send path (read, hash, frame, sendmsg). The rest is in serversession.cpp.
#include "server/serversession.h"

#include "fs/containedfs.h"
#include "protocol/auth.h"
#include "protocol/decoder.h"
#include "protocol/names.h"
#include "server/servershared.h"
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

Q_DECLARE_LOGGING_CATEGORY(lcSession)

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
                m_io->write(m_listFrames.flush());
                m_listClock.restart();
                m_deadline.start(m_shared->config().transferTimeoutMs);
            }
            QMetaObject::invokeMethod(this, &ServerSession::continueListing, Qt::QueuedConnection);
            return;
        }
        if (!m_walk->next(&entry)) {
            m_io->write(m_listFrames.flush());
            m_io->write(protocol::encodeFrame(FrameType::ListEnd));
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
            m_io->write(frame);
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
    m_io->write(protocol::encodeOffer(m_entry));
    if (m_entry.size <= job.acceptUpTo) {
        // The client accepted files this small when it asked: no round trip per file.
        startSending(0);
        return;
    }
    setState(State::AwaitAccept);
}

void ServerSession::refuse(const Failure &failure)
{
    m_io->write(protocol::encodeError(failure.code, failure.detail));
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

/// One Data frame: straight to the kernel with sendmsg() where possible (under TLS, encrypted
/// by OpenSSL straight from \a body), the rest queued in the socket or the stream, in order.
bool ServerSession::sendDataFrame(QByteArrayView body, PumpTurn *turn)
{
    char header[protocol::kHeaderSize];
    protocol::writeHeader(header, FrameType::Data, quint32(body.size()));
    if (m_tls) {
        const qint64 before = m_tls->bytesFlushed();
        m_tls->writeTwo(QByteArrayView(header, protocol::kHeaderSize), body);
        const qint64 sent = m_tls->bytesFlushed() - before;
        if (sent == 0)
            return true; // queued behind earlier bytes: bytesWritten() pumps again
        turn->sentDirect += sent;
        m_deadline.start(m_shared->config().transferTimeoutMs);
        return m_tls->bytesToWrite() == 0;
    }
    const qint64 sent = sendDirect(m_socket, header, body.data(), body.size());
    if (sent < protocol::kHeaderSize)
        m_io->write(header + sent, protocol::kHeaderSize - sent);
    const qint64 bodySent = qMax<qint64>(0, sent - protocol::kHeaderSize);
    if (bodySent < body.size())
        m_io->write(body.data() + bodySent, body.size() - bodySent);
    if (sent == 0)
        return true;
    m_flushed += sent;
    turn->sentDirect += sent;
    m_deadline.start(m_shared->config().transferTimeoutMs);
    return m_io->bytesToWrite() == 0;
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
        m_io->write(protocol::encodeHashReply({m_entry, md5}));
        closeFile();
        setState(State::AwaitRequest);
        startNextJob();
        return;
    }
    m_io->write(protocol::encodeEnd(md5));
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
    m_io->write(protocol::encodeError(failure.code, failure.detail));
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

} // namespace ferry
