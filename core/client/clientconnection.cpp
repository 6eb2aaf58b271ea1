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
constexpr qint64 kReadBound = protocol::kMaxDataBody + protocol::kHeaderSize + 256 * 1024;
constexpr size_t kPipelineDepth = 64;
constexpr int kProgressIntervalMs = 100;
/// A Ferry server says Hello as soon as it accepts; see TcpTransport.
constexpr int kGreetingTimeoutMs = 2000;
/// A server could send listing frames forever; a million entries is past any real share.
constexpr qsizetype kMaxListedFiles = 1000000;
} // namespace

bool ClientConnection::Job::sent() const
{
    if (!file)
        return listSent;
    const auto s = file->state();
    return s == FileReceive::State::AwaitOffer || s == FileReceive::State::Receiving
        || s == FileReceive::State::Discarding;
}

ClientConnection::ClientConnection(ClientTransport *transport, QObject *parent)
    : QObject(parent), m_reader(kReadBound)
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

void ClientConnection::redial()
{
    m_state = State::Connecting;
    m_transport->open(m_host, m_port);
}

void ClientConnection::onOpened()
{
    m_device = m_transport->device();
    m_reader = protocol::FrameReader(kReadBound);
    connect(m_device, &QIODevice::readyRead, this, &ClientConnection::readFrames);
    m_state = State::AwaitHello;
    m_stallTimer.start(qMin(kGreetingTimeoutMs, m_connectTimeoutMs));
    if (m_transport->isTls()) {
        const QByteArray fp = m_transport->peerFingerprint();
        if (m_greeted && fp != m_peerDevice.fingerprint) {
            // Dialling again reaches the server trusted a moment ago, or no one.
            fail({ErrorCode::CertificateChanged,
                m_peerDevice.name + QLatin1Char('\n') + fingerprintHex(m_peerDevice.fingerprint)
                    + QLatin1Char('\n') + fingerprintHex(fp)});
            return;
        }
        m_peerDevice.fingerprint = fp;
        m_peerDevice.address = m_peer;
        m_peerDevice.code = comparisonCode(m_tlsOptions.identity.fingerprint(), fp);
        Failure refused;
        const PinVerdict verdict = checkPin(m_tlsOptions, &m_peerDevice, &refused);
        if (verdict == PinVerdict::Refused) {
            fail(refused);
            return;
        }
        m_pinPending = verdict == PinVerdict::FirstContact;
    }
    // Before the pin is settled nothing leaves, but the server's Hello names the device.
    if (!m_pinPending)
        sendHello();
    if (m_device->bytesAvailable() > 0)
        readFrames();
}

void ClientConnection::sendHello()
{
    protocol::Hello hello;
    if (m_transport->isTls())
        hello.name = m_tlsOptions.identity.name();
    write(protocol::encodeHello(hello));
}

void ClientConnection::write(const QByteArray &frame)
{
    if (m_device)
        m_device->write(frame);
}

void ClientConnection::trustPeer(bool trusted)
{
    if (m_state != State::AwaitTrust)
        return;
    if (!trusted) {
        fail(untrustedFailure(m_peerDevice));
        return;
    }
    m_pinPending = false;
    TrustStore(m_tlsOptions.storeDir).trust({m_peerDevice.fingerprint, m_peerDevice.name, m_peer});
    if (!m_device) {
        // The server stopped waiting while the user read the code: the pin is stored now,
        // so a new connection goes straight through.
        redial();
        return;
    }
    m_state = State::AwaitHello;
    sendHello();
    // Frames after the Hello may wait in the reader's buffer: read on from the event loop.
    if (proceed())
        QMetaObject::invokeMethod(this, &ClientConnection::readFrames, Qt::QueuedConnection);
}

bool ClientConnection::onHello(QByteArrayView body)
{
    const auto hello = protocol::parseHello(body);
    if (!hello) {
        fail({ErrorCode::NotFerryServer, m_peer});
        return false;
    }
    if (hello->flags & protocol::EncryptionRequired) {
        fail({ErrorCode::PeerWantsTls, m_peer});
        return false;
    }
    if (hello->version != protocol::kProtocolVersion) {
        fail({ErrorCode::VersionMismatch, QString::number(hello->version)});
        return false;
    }
    m_greeted = true;
    m_serverHello = *hello;
    if (!m_pinPending)
        return proceed();
    m_peerDevice.name = cleanDeviceName(hello->name);
    m_state = State::AwaitTrust;
    if (m_tlsOptions.trustNew || !m_tlsOptions.expectedFingerprint.isEmpty()) {
        // checkPin() already compared the fingerprint with the one given.
        trustPeer(true);
        return false;
    }
    if (!m_tlsOptions.askUser) {
        fail(untrustedFailure(m_peerDevice));
        return false;
    }
    m_stallTimer.stop();
    emit trustRequired(m_peerDevice);
    return false;
}

/// The server's Hello passed; prove the password if it wants one, else ready.
bool ClientConnection::proceed()
{
    if (!(m_serverHello.flags & protocol::PasswordRequired)) {
        becomeReady();
        return m_state == State::Ready;
    }
    if (m_password.isEmpty()) {
        fail({ErrorCode::AuthRequired, m_peer});
        return false;
    }
    if (m_serverHello.nonce.size() != auth::kNonceSize) {
        fail({ErrorCode::ProtocolError, QStringLiteral("no nonce")});
        return false;
    }
    m_state = State::Proving;
    if (!m_key.isEmpty()) {
        sendProof();
        return true;
    }
    if (!m_keyWatcher.isRunning()) {
        // PBKDF2 takes about 0.3 s: not on the thread every transfer shares.
        auto promise = std::make_shared<QPromise<QByteArray>>();
        m_keyWatcher.setFuture(promise->future());
        promise->start();
        QThreadPool::globalInstance()->start([promise, password = m_password] {
            promise->addResult(auth::deriveKey(password));
            promise->finish();
        });
    }
    return false;
}

void ClientConnection::sendProof()
{
    // Only the proof leaves this machine, never the password or the key.
    const QByteArray clientNonce = auth::randomNonce();
    const QByteArray channel = m_transport->isTls()
        ? m_peerDevice.fingerprint + m_tlsOptions.identity.fingerprint()
        : QByteArray();
    write(protocol::encodeAuthProof(
        clientNonce, auth::proof(m_key, m_serverHello.nonce, clientNonce, channel)));
    m_state = State::AwaitAuth;
    m_stallTimer.start(m_connectTimeoutMs);
    QMetaObject::invokeMethod(this, &ClientConnection::readFrames, Qt::QueuedConnection);
}

void ClientConnection::becomeReady()
{
    m_state = State::Ready;
    m_stallTimer.stop();
    if (m_retry.inOutage()) {
        qCInfo(lcClient) << m_peer << "reconnected after" << m_retry.outageMs() << "ms";
        m_retry.reset();
        emit reconnected();
    }
    if (!m_everReady) {
        m_everReady = true;
        emit ready();
    }
    sendPending();
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
    QMetaObject::invokeMethod(this, &ClientConnection::sendPending, Qt::QueuedConnection);
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
    QMetaObject::invokeMethod(this, &ClientConnection::sendPending, Qt::QueuedConnection);
    return id;
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
        if (job.sent()) {
            ++inFlight;
            continue;
        }
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

/// Answers, in order, the files at the head that are done.
void ClientConnection::flushDone()
{
    while (!m_jobs.empty() && m_jobs.front().file
        && m_jobs.front().file->state() == FileReceive::State::Done) {
        const FileResult result = m_jobs.front().file->result();
        m_jobs.pop_front();
        emit fileFinished(result);
    }
}

ClientConnection::Job *ClientConnection::current()
{
    return !m_jobs.empty() && m_jobs.front().sent() ? &m_jobs.front() : nullptr;
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
        if (file) {
            // A frame may have finished the file and flushDone() freed it: look it up again
            // by id (a new file could sit at the same address).
            const Job *job = m_jobs.empty() ? nullptr : &m_jobs.front();
            file
                = job && job->file && job->file->request().id == fileId ? job->file.get() : nullptr;
        }
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

bool ClientConnection::handleFile(FileReceive *file, FrameType type, QByteArrayView body)
{
    QByteArray reply;
    const bool wasReceiving = file->state() == FileReceive::State::Receiving;
    const qint64 received = file->received();
    const FileReceive::Step step = file->onFrame(type, body, &reply);
    if (!reply.isEmpty())
        write(reply);
    switch (step) {
    case FileReceive::Step::More:
        if (type == FrameType::Data)
            emitProgress(file, false);
        return true;
    case FileReceive::Step::Started:
        emit fileStarted(
            file->request().id, file->request().remoteName, file->size(), file->result().offset);
        m_progressClock.start();
        emitProgress(file, true);
        return false;
    case FileReceive::Step::Finished:
        if (wasReceiving && type == FrameType::End)
            emit fileProgress(file->request().id, received, file->size());
        flushDone();
        sendPending();
        return false;
    case FileReceive::Step::Broken:
        dropped(file->broken());
        return false;
    }
    return false;
}

bool ClientConnection::handleList(FrameType type, QByteArrayView body)
{
    if (type == FrameType::ListEntries) {
        const auto entries = protocol::parseListEntries(body);
        if (!entries) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad listing")});
            return false;
        }
        if (m_listing.size() + entries->size() > kMaxListedFiles) {
            fail({ErrorCode::ProtocolError, QStringLiteral("listing too long")});
            return false;
        }
        for (const auto &e : *entries) {
            if (isValidRelativeName(e.name))
                m_listing.append(e);
        }
        return true;
    }
    if (type == FrameType::ListEnd) {
        m_jobs.pop_front();
        const QList<protocol::FileEntry> listing = std::move(m_listing);
        m_listing.clear();
        emit listReceived(listing);
        flushDone();
        sendPending();
        return false;
    }
    if (type == FrameType::Error) {
        const auto failure = protocol::parseError(body);
        dropped(failure ? *failure : Failure {ErrorCode::ProtocolError, {}});
        return false;
    }
    fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame in listing")});
    return false;
}

bool ClientConnection::handleHash(FrameType type, QByteArrayView body)
{
    HashResult r;
    if (type == FrameType::HashReply) {
        const auto reply = protocol::parseHashReply(body);
        if (!reply || reply->entry.name != m_jobs.front().hashName) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad hash reply")});
            return false;
        }
        r.size = reply->entry.size;
        r.mtimeMs = reply->entry.mtimeMs;
        r.md5 = reply->md5Hex;
    } else if (type == FrameType::Error) {
        const auto failure = protocol::parseError(body);
        if (!failure) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad error frame")});
            return false;
        }
        // Like a file's refusal: these codes answer this query only.
        if (!isPerFileCode(failure->code) && failure->code != ErrorCode::FileChanged) {
            dropped(*failure);
            return false;
        }
        r.failure = {failure->code, m_jobs.front().hashName};
    } else {
        fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame for a hash query")});
        return false;
    }
    finishHash(r);
    flushDone();
    sendPending();
    return false;
}

/// Answers the hash query at the head of the queue.
void ClientConnection::finishHash(HashResult result)
{
    result.id = m_jobs.front().hashId;
    result.remoteName = m_jobs.front().hashName;
    m_jobs.pop_front();
    emit hashReceived(result);
}

void ClientConnection::emitProgress(FileReceive *file, bool force)
{
    if (!force && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.restart();
    emit fileProgress(file->request().id, file->received(), file->size());
}

void ClientConnection::onLost(const Failure &failure)
{
    m_device = nullptr;
    // The server may give up while a person reads the code; trustPeer() dials again.
    if (m_state == State::AwaitTrust || m_state == State::Closed)
        return;
    Failure f = failure;
    if (m_state == State::AwaitHello && !m_transport->isTls()
        && f.code == ErrorCode::ConnectionLost)
        f.code = ErrorCode::NotFerryServer;
    dropped(f);
}

void ClientConnection::onStall()
{
    // Silence proves nothing about what is at the other end: say which silence it was.
    dropped({m_state == State::AwaitHello ? ErrorCode::NoGreeting : ErrorCode::Timeout, m_peer});
}

/// The connection broke. After a greeting, a drop that may pass is ridden out: every
/// unfinished file goes back to the queue and the transport dials again after a pause.
void ClientConnection::dropped(const Failure &failure)
{
    const bool firstDrop = !m_retry.inOutage();
    const int delay = m_greeted && !m_jobs.empty() && m_state != State::Closed
        ? m_retry.nextDelay(failure.code)
        : -1;
    if (delay < 0) {
        fail(firstDrop ? failure : m_dropFailure);
        return;
    }
    if (firstDrop) {
        m_dropFailure = failure;
        qCInfo(lcClient) << m_peer << "dropped:" << int(failure.code) << failure.detail
                         << "- reconnecting for up to" << m_retry.limit() << "ms";
    }
    m_transport->close();
    m_device = nullptr;
    m_stallTimer.stop();
    m_listing.clear();
    for (Job &job : m_jobs) {
        if (job.file)
            job.file->suspend();
        else
            job.listSent = false;
    }
    m_state = State::Waiting;
    flushDone();
    if (m_jobs.empty()) {
        // The only file left was being read past: it has failed, nothing is left to continue.
        fail(m_dropFailure);
        return;
    }
    emit reconnecting(failure, delay, m_retry.leftMs());
    m_retryTimer.start(delay);
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
        if (job.hashId) {
            HashResult r;
            r.id = job.hashId;
            r.remoteName = job.hashName;
            r.failure = failure;
            emit hashReceived(r);
        }
        if (!job.file)
            continue;
        job.file->fail(failure);
        emit fileFinished(job.file->result());
    }
    emit failed(failure);
}

} // namespace ferry
