#include "client/clientconnection.h"

#include "client/clienttransport.h"
#include "protocol/auth.h"
#include "protocol/names.h"
#include "tls/truststore.h"

#include <QIODevice>
#include <QLoggingCategory>
#include <QPromise>
#include <QThreadPool>

#include <algorithm>

Q_LOGGING_CATEGORY(lcClient, "ferry.core.client")

namespace ferry {

using protocol::FrameType;

namespace {
constexpr size_t kPipelineDepth = 64;
constexpr int kProgressIntervalMs = 100;
} // namespace

bool ClientConnection::Job::sent() const
{
    if (!file)
        return listSent && !answered;
    const auto s = file->state();
    return s == FileReceive::State::AwaitOffer || s == FileReceive::State::Receiving
        || s == FileReceive::State::Discarding;
}

ClientConnection::ClientConnection(ClientTransport *transport, QObject *parent)
    : QObject(parent), m_reader(kReadBound), m_sync([this] {
        QMetaObject::invokeMethod(this, &ClientConnection::onSynced, Qt::QueuedConnection);
    })
{
    setTransport(transport);
    m_stallTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &ClientConnection::onStall);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &ClientConnection::redial);
    connect(&m_keyWatcher, &QFutureWatcher<QByteArray>::finished, this, [this] {
        m_key = m_keyWatcher.result();
        if (m_state == State::Proving)
            sendProof();
    });
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::setTransport(ClientTransport *transport)
{
    if (m_transport)
        m_transport->disconnect(this);
    m_transport = transport;
    m_transport->setParent(this);
    connect(m_transport, &ClientTransport::opened, this, &ClientConnection::onOpened);
    connect(m_transport, &ClientTransport::lost, this, &ClientConnection::onLost);
    if (auto *tcp = qobject_cast<TcpTransport *>(m_transport))
        tcp->setConnectTimeout(m_connectTimeoutMs);
}

void ClientConnection::setTimeouts(int connectMs, int stallMs)
{
    m_connectTimeoutMs = connectMs;
    m_stallTimeoutMs = stallMs;
    if (auto *tcp = qobject_cast<TcpTransport *>(m_transport))
        tcp->setConnectTimeout(connectMs);
}

void ClientConnection::setPassword(const QByteArray &password)
{
    m_password = password;
    m_key.clear();
}

void ClientConnection::connectToServer(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
    m_peer = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    m_state = State::Connecting;
    m_transport->open(host, port);
}

void ClientConnection::write(const QByteArray &frame)
{
    if (m_device)
        m_device->write(frame);
}

void ClientConnection::requestList()
{
    m_jobs.push_back(Job {});
    sendPending();
}

quint64 ClientConnection::requestFile(
    const QString &remoteName, const QString &localName, const GetOptions &options)
{
    const FileRequest request {
        m_nextId++, remoteName, localName.isEmpty() ? remoteName : localName};
    m_jobs.push_back(Job {std::make_unique<FileReceive>(request, options)});
    // Answer requests that can't succeed from the event loop, like any other result.
    sendPendingSoon();
    return request.id;
}

quint64 ClientConnection::requestHash(const QString &remoteName)
{
    const quint64 id = m_nextId++;
    if (!isValidRelativeName(remoteName)) {
        HashResult r;
        r.id = id;
        r.remoteName = remoteName;
        r.failure = {ErrorCode::InvalidName, printableName(remoteName)};
        QMetaObject::invokeMethod(
            this, [this, r] { emit hashReceived(r); }, Qt::QueuedConnection);
        return id;
    }
    Job job;
    job.hashId = id;
    job.hashName = remoteName;
    m_jobs.push_back(std::move(job));
    sendPendingSoon();
    return id;
}

/// One queued sendPending() for any number of requests made in one go (a folder of 100,000
/// files is one event, not 100,000).
void ClientConnection::sendPendingSoon()
{
    if (m_sendPosted)
        return;
    m_sendPosted = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_sendPosted = false;
            sendPending();
        },
        Qt::QueuedConnection);
}

void ClientConnection::sendPending()
{
    if (m_state != State::Ready || m_inSendPending)
        return;
    m_inSendPending = true;
    size_t inFlight = 0;
    for (Job &job : m_jobs) {
        if (inFlight >= kPipelineDepth)
            break;
        // A file waiting for its sync holds its .part open: it counts, so at most
        // kPipelineDepth descriptors wait.
        if (job.sent() || (job.file && job.file->state() == FileReceive::State::Syncing)) {
            ++inFlight;
            continue;
        }
        if (!job.file && job.answered)
            continue;
        if (!job.file) {
            job.listSent = true;
            ++inFlight;
            write(job.hashId ? protocol::encodeHashRequest(job.hashName)
                             : protocol::encodeFrame(FrameType::ListRequest));
            continue;
        }
        if (job.file->state() != FileReceive::State::Unsent)
            continue;
        // Reopened when the folder was removed or replaced meanwhile, as a new session would.
        const QString &dir = job.file->options().outputDir;
        if (!m_folder || m_folder->path() != dir || !m_folder->isCurrent())
            m_folder = std::make_shared<OutputFolder>(dir);
        const QByteArray request = job.file->ask(m_folder);
        if (!request.isEmpty()) {
            ++inFlight;
            write(request);
        }
    }
    m_inSendPending = false;
    flushDone();
    if (m_state != State::Ready)
        return;
    if (m_jobs.empty()) {
        m_stallTimer.stop();
        emit idle();
    } else if (!m_stallTimer.isActive()) {
        m_stallTimer.start(m_stallTimeoutMs);
    }
}

/// Answers, in order, the requests at the head that are done.
void ClientConnection::flushDone()
{
    while (!m_jobs.empty()) {
        Job &job = m_jobs.front();
        if (job.file && job.file->state() == FileReceive::State::Done) {
            const FileResult result = job.file->result();
            m_jobs.pop_front();
            emit fileFinished(result);
        } else if (!job.file && job.answered) {
            const bool hash = job.hashId != 0;
            const HashResult hashResult = job.hash;
            const QList<protocol::FileEntry> listing = std::move(job.listing);
            m_jobs.pop_front();
            if (hash)
                emit hashReceived(hashResult);
            else
                emit listReceived(listing);
        } else {
            break;
        }
    }
}

/// The request the server answers next: the first sent one. Files before it are waiting
/// for their sync (or failed before asking), and their results wait with them, in order.
ClientConnection::Job *ClientConnection::current()
{
    for (Job &job : m_jobs) {
        if ((job.file
                && (job.file->state() == FileReceive::State::Syncing
                    || job.file->state() == FileReceive::State::Done))
            || (!job.file && job.answered))
            continue;
        return job.sent() ? &job : nullptr;
    }
    return nullptr;
}

FileReceive *ClientConnection::findFile(quint64 id)
{
    for (Job &job : m_jobs) {
        if (job.file && job.file->request().id == id)
            return job.file.get();
        if (!job.sent() && !(job.file && job.file->state() == FileReceive::State::Syncing)
            && !(job.file && job.file->state() == FileReceive::State::Done) && !job.answered)
            return nullptr; // Past the files the server has answered.
    }
    return nullptr;
}

/// Some syncs ended: rename those files, then answer, in order, the ones at the head.
void ClientConnection::onSynced()
{
    for (const DataSync::Result &r : m_sync.take()) {
        FileReceive *file = findFile(r.tag);
        // Gone or failed meanwhile (a cancel): never renamed.
        if (file && file->state() == FileReceive::State::Syncing)
            file->synced(r.error);
    }
    flushDone();
    sendPending();
}

FileReceive *ClientConnection::receivingFile()
{
    Job *job = current();
    return job && job->file && job->file->state() == FileReceive::State::Receiving ? job->file.get()
                                                                                   : nullptr;
}

/// The client's read loop: every byte from the server passes here. A Data body goes straight
/// into the receiving file's memory; every other frame goes to handleFrame(), which returns
/// false when the frame changed who reads next.
void ClientConnection::readFrames()
{
    const auto onFrame = [this](FrameType type, QByteArrayView body) {
        m_stallTimer.start(m_stallTimeoutMs);
        const bool go = handleFrame(type, body);
        m_gotAnyFrame = true;
        return go;
    };
    for (;;) {
        if (!m_device
            || (m_state != State::AwaitHello && m_state != State::AwaitAuth
                && m_state != State::Ready))
            return;
        FileReceive *file = receivingFile();
        const quint64 fileId = file ? file->request().id : 0;
        const auto result
            = file ? m_reader.read(m_device, onFrame, *file) : m_reader.read(m_device, onFrame);
        // An End read in this turn may have finished the file and freed it: look again.
        file = fileId ? findFile(fileId) : nullptr;
        if (result == protocol::FrameReader::Result::Malformed) {
            fail({m_gotAnyFrame ? ErrorCode::ProtocolError : ErrorCode::NotFerryServer, m_peer});
            return;
        }
        if (file && file->state() == FileReceive::State::Done && !file->broken().ok()) {
            fail(file->broken()); // The disk failed under a streamed body.
            return;
        }
        if (file && m_state == State::Ready) {
            m_stallTimer.start(m_stallTimeoutMs);
            emitProgress(file, false);
        }
        if (result == protocol::FrameReader::Result::Drained)
            return;
    }
}

bool ClientConnection::handleFrame(FrameType type, QByteArrayView body)
{
    switch (m_state) {
    case State::AwaitHello:
        if (type == FrameType::Hello)
            return onHello(body);
        if (type == FrameType::Error)
            break;
        fail({ErrorCode::NotFerryServer, m_peer});
        return false;
    case State::AwaitAuth:
        if (type == FrameType::AuthResult) {
            becomeReady();
            return false;
        }
        if (type == FrameType::Error)
            break;
        fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame before auth result")});
        return false;
    case State::Ready:
        if (Job *job = current()) {
            return job->file  ? handleFile(job->file.get(), type, body)
                : job->hashId ? handleHash(type, body)
                              : handleList(type, body);
        }
        if (type == FrameType::Error)
            break;
        fail({ErrorCode::ProtocolError, QStringLiteral("unrequested frame")});
        return false;
    default:
        return false;
    }
    const auto failure = protocol::parseError(body);
    dropped(
        failure ? *failure : Failure {ErrorCode::ProtocolError, QStringLiteral("bad error frame")});
    return false;
}

void ClientConnection::emitProgress(FileReceive *file, bool force)
{
    if (!force && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.restart();
    emit fileProgress(file->request().id, file->received(), file->size());
}

void ClientConnection::cancel(quint64 id)
{
    const auto it = std::find_if(m_jobs.begin(), m_jobs.end(),
        [id](const Job &job) { return job.file && job.file->request().id == id; });
    if (it == m_jobs.end())
        return;
    it->file->cancel();
    if (it->file->state() == FileReceive::State::Done && !it->sent()) {
        // Never asked for: it leaves the line now, answered out of turn.
        const FileResult result = it->file->result();
        m_jobs.erase(it);
        emit fileFinished(result);
        if (m_state == State::Ready && m_jobs.empty()) {
            m_stallTimer.stop();
            emit idle();
        }
    }
}

void ClientConnection::abort()
{
    fail({ErrorCode::Cancelled, {}});
}

void ClientConnection::fail(const Failure &failure)
{
    if (m_state == State::Closed)
        return;
    qCInfo(lcClient) << m_peer << "failed:" << int(failure.code) << failure.detail;
    m_state = State::Closed;
    m_stallTimer.stop();
    m_retryTimer.stop();
    m_transport->close();
    m_device = nullptr;
    // Everything still waiting is answered, in order, before the reason.
    std::deque<Job> jobs = std::move(m_jobs);
    m_jobs.clear();
    for (Job &job : jobs) {
        if (!job.file && job.answered) {
            if (job.hashId)
                emit hashReceived(job.hash);
            else
                emit listReceived(job.listing);
            continue;
        }
        if (job.hashId) {
            HashResult r;
            r.id = job.hashId;
            r.remoteName = job.hashName;
            r.failure = failure;
            emit hashReceived(r);
        }
        if (!job.file)
            continue;
        // A file with all its bytes in is still saved, unless this is a cancel.
        if (failure.code != ErrorCode::Cancelled)
            job.file->syncNow();
        job.file->fail(failure);
        emit fileFinished(job.file->result());
    }
    emit failed(failure);
}

} // namespace ferry
