#include "client/clientsession.h"

#include "protocol/auth.h"
#include "protocol/decoder.h"
#include "protocol/names.h"
#include "tls/tlsconfig.h"
#include "tls/truststore.h"

#include <QDir>
#include <QLoggingCategory>
#include <QSslSocket>
#include <QTcpSocket>

Q_LOGGING_CATEGORY(lcClient, "ferry.core.client")

namespace ferry {

using protocol::FrameType;

namespace {
constexpr int kPipelineDepth = 64;
/// Files up to this size are accepted in the request itself, so many small files don't each
/// cost a round trip. A file we then can't save is read past, so this also bounds the waste.
constexpr qint64 kAcceptUpTo = 8 * 1024 * 1024;
constexpr int kProgressIntervalMs = 100;
/// A Ferry server says Hello as soon as it accepts; silence past this is another program, or
/// a server that is stuck. Either way the user learns it in seconds, not at the connect timeout.
constexpr int kGreetingTimeoutMs = 2000;
/// A server could send listing frames forever; a million entries is past any real share.
constexpr qsizetype kMaxListedFiles = 1000000;
} // namespace

ClientSession::ClientSession(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ferry::FileResult>();
    qRegisterMetaType<ferry::HashResult>();
    qRegisterMetaType<ferry::Failure>();
    qRegisterMetaType<ferry::PeerDevice>();
    qRegisterMetaType<QList<ferry::protocol::FileEntry>>();
    m_stallTimer.setSingleShot(true);
    connect(&m_stallTimer, &QTimer::timeout, this, &ClientSession::onStall);
}

ClientSession::~ClientSession()
{
    if (m_download)
        m_download->abandon(true);
}

void ClientSession::setTimeouts(int connectMs, int stallMs)
{
    m_connectTimeoutMs = connectMs;
    m_stallTimeoutMs = stallMs;
}

void ClientSession::connectToServer(const QString &host, quint16 port)
{
    m_host = host;
    m_port = port;
    m_peer = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    if (!m_tlsOptions.identity.isNull()) {
        m_tls = new QSslSocket(this);
        m_tls->setSslConfiguration(tlsConfiguration(m_tlsOptions.identity));
        connect(m_tls, &QSslSocket::encrypted, this, &ClientSession::onEncrypted);
        m_socket = m_tls;
    } else {
        m_socket = new QTcpSocket(this);
    }
    m_socket->setReadBufferSize(kReadBound);
    connect(m_socket, &QTcpSocket::connected, this, &ClientSession::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &ClientSession::onReadyRead);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &ClientSession::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &ClientSession::onSocketError);
    m_state = State::Connecting;
    m_stallTimer.start(m_connectTimeoutMs);
    if (m_tls)
        m_tls->connectToHostEncrypted(host, port);
    else
        m_socket->connectToHost(host, port);
}

void ClientSession::onConnected()
{
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_stallTimer.start(qMin(kGreetingTimeoutMs, m_connectTimeoutMs));
    if (m_tls) {
        m_state = State::Handshaking;
        return;
    }
    m_state = State::AwaitHello;
    sendHello();
}

void ClientSession::sendHello()
{
    protocol::Hello hello;
    if (m_tls)
        hello.name = m_tlsOptions.identity.name();
    m_socket->write(protocol::encodeHello(hello));
}

void ClientSession::onEncrypted()
{
    if (m_state != State::Handshaking)
        return;
    const QSslCertificate cert = m_tls->peerCertificate();
    if (cert.isNull()) {
        fail({ErrorCode::TlsFailed, QStringLiteral("no server certificate")});
        return;
    }
    m_peerDevice.fingerprint = fingerprintOf(cert);
    m_peerDevice.address = m_peer;
    m_peerDevice.code
        = comparisonCode(m_tlsOptions.identity.fingerprint(), m_peerDevice.fingerprint);
    m_state = State::AwaitHello;
    if (!checkPin())
        return;
    if (!m_pinPending)
        sendHello();
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
}

/// Before any frame leaves: the server's certificate must be the one trusted at this address.
/// Returns false after failing; sets m_pinPending for a device never seen.
bool ClientSession::checkPin()
{
    const TrustStore store(m_tlsOptions.storeDir);
    const QByteArray &fp = m_peerDevice.fingerprint;
    if (fp == m_tlsOptions.identity.fingerprint()) {
        // This device's own certificate: TLS proved the server holds our private key, so it
        // is us (the window downloading from its own share, or a second instance).
        m_peerDevice.name = m_tlsOptions.identity.name();
        return true;
    }
    if (const auto known = store.atAddress(m_peer)) {
        if (known->fingerprint != fp) {
            // The SSH rule: a changed key is an attack until the user says otherwise.
            fail({ErrorCode::CertificateChanged,
                known->name + QLatin1Char('\n') + fingerprintHex(known->fingerprint)
                    + QLatin1Char('\n') + fingerprintHex(fp)});
            return false;
        }
        m_peerDevice.name = known->name;
        return true;
    }
    if (const auto known = store.byFingerprint(fp)) {
        // A trusted device at a new address (DHCP): the certificate is what was trusted.
        m_peerDevice.name = known->name;
        return true;
    }
    const QString expected = m_tlsOptions.expectedFingerprint.toLower();
    if (!expected.isEmpty() && !fingerprintHex(fp).startsWith(expected)) {
        fail({ErrorCode::FingerprintMismatch, expected + QLatin1Char('\n') + fingerprintHex(fp)});
        return false;
    }
    m_pinPending = true;
    return true;
}

Failure ClientSession::untrusted() const
{
    return {ErrorCode::Untrusted,
        m_peerDevice.name + QLatin1Char('\n') + fingerprintHex(m_peerDevice.fingerprint)
            + QLatin1Char('\n') + m_peerDevice.code};
}

void ClientSession::trustPeer(bool trusted)
{
    if (m_state != State::AwaitTrust)
        return;
    if (!trusted) {
        fail(untrusted());
        return;
    }
    m_pinPending = false;
    TrustStore(m_tlsOptions.storeDir).trust({m_peerDevice.fingerprint, m_peerDevice.name, m_peer});
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        // The server stopped waiting while the user read the code: the pin is stored now,
        // so a new connection goes straight through.
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
        m_tls = nullptr;
        m_reader = protocol::FrameReader(kReadBound);
        connectToServer(m_host, m_port);
        return;
    }
    m_state = State::AwaitHello;
    m_gotAnyFrame = true;
    sendHello();
    // Frames after the Hello may wait in the reader's buffer: read on from the event loop.
    if (proceed(m_serverHello))
        QMetaObject::invokeMethod(this, &ClientSession::onReadyRead, Qt::QueuedConnection);
}

void ClientSession::requestList()
{
    m_listWanted = true;
    sendPending();
}

QList<quint64> ClientSession::requestFiles(
    const QStringList &remoteNames, const GetOptions &options)
{
    QList<quint64> ids;
    for (const QString &name : remoteNames)
        ids.append(requestFile(name, name, options));
    return ids;
}

quint64 ClientSession::requestFile(
    const QString &remoteName, const QString &localName, const GetOptions &options)
{
    Pending p;
    p.request.id = m_nextId++;
    p.request.remoteName = remoteName;
    p.request.localName = localName.isEmpty() ? remoteName : localName;
    p.options = options;
    m_pending.enqueue(p);
    ++m_unsent;
    // Answer requests that can't succeed from the event loop, like any other result.
    QMetaObject::invokeMethod(this, &ClientSession::sendPending, Qt::QueuedConnection);
    return p.request.id;
}

quint64 ClientSession::requestHash(const QString &remoteName)
{
    HashPending h;
    h.id = m_nextId++;
    h.name = remoteName;
    if (!isValidRelativeName(remoteName)) {
        HashResult r;
        r.id = h.id;
        r.remoteName = remoteName;
        r.failure = {ErrorCode::InvalidName, printableName(remoteName)};
        QMetaObject::invokeMethod(
            this, [this, r] { emit hashReceived(r); }, Qt::QueuedConnection);
        return h.id;
    }
    m_hashes.enqueue(h);
    QMetaObject::invokeMethod(this, &ClientSession::sendPending, Qt::QueuedConnection);
    return h.id;
}

void ClientSession::sendPending()
{
    if (m_state != State::Ready || m_inSendPending)
        return;
    m_inSendPending = true;
    if (m_listWanted) {
        m_listWanted = false;
        m_jobs.enqueue(Job::List);
        m_socket->write(protocol::encodeFrame(FrameType::ListRequest));
    }
    // Hash queries are pipelined like files, within their own window.
    for (int i = m_hashesSent; i < m_hashes.size() && m_hashesSent < kPipelineDepth; ++i) {
        m_hashes[i].sent = true;
        ++m_hashesSent;
        m_jobs.enqueue(Job::Hash);
        m_socket->write(protocol::encodeHashRequest(m_hashes.at(i).name));
    }
    for (;;) {
        int inFlight = m_pending.size() - m_unsent;
        for (auto it = m_pending.begin(); it != m_pending.end() && inFlight < kPipelineDepth;
             ++it) {
            if (it->sent || !it->early.ok())
                continue;
            it->folder = folderFor(it->options.outputDir);
            const Download check(
                it->folder, it->request.localName, it->options.conflict, it->options.resume);
            bool partPresent = false;
            it->early = isValidRelativeName(it->request.remoteName)
                ? check.precheck(&partPresent)
                : Failure {ErrorCode::InvalidName, printableName(it->request.remoteName)};
            if (!it->early.ok())
                continue;
            it->sent = true;
            // A .part to resume needs the Offer's size and mtime first.
            it->acceptUpTo = partPresent ? -1 : kAcceptUpTo;
            --m_unsent;
            ++inFlight;
            m_jobs.enqueue(Job::File);
            m_socket->write(protocol::encodeGetRequest(it->request.remoteName, it->acceptUpTo));
        }
        if (m_pending.isEmpty() || m_pending.head().sent || m_state != State::Ready)
            break;
        // The head failed before it was asked for; answer it in order and look again.
        const Failure early = m_pending.head().early;
        finishCurrent(FileResult::Outcome::Failed, early);
    }
    m_inSendPending = false;
    if (m_state != State::Ready)
        return;
    if (!m_jobs.isEmpty() && !m_stallTimer.isActive())
        m_stallTimer.start(m_stallTimeoutMs);
    maybeIdle();
}

void ClientSession::onReadyRead()
{
    if (!m_socket || m_state == State::Closed || m_state == State::AwaitTrust
        || m_state == State::Handshaking)
        return;
    DataTarget target {this};
    const auto result = m_reader.read(
        m_socket,
        [this](FrameType type, QByteArrayView body) {
            m_stallTimer.start(m_stallTimeoutMs);
            if (!handleFrame(type, body))
                return false;
            m_gotAnyFrame = true;
            return m_state != State::Closed;
        },
        target);
    if (result == protocol::FrameReader::Result::Malformed)
        fail({m_gotAnyFrame ? ErrorCode::ProtocolError : ErrorCode::NotFerryServer, m_peer});
}

bool ClientSession::handleFrame(FrameType type, QByteArrayView body)
{
    if (m_state == State::AwaitHello) {
        if (type == FrameType::Hello)
            return handleHello(body);
        if (type == FrameType::Error)
            return handleError(body);
        fail({ErrorCode::NotFerryServer, m_peer});
        return false;
    }
    if (m_state == State::AwaitAuth) {
        if (type == FrameType::AuthResult)
            return handleAuthResult(body);
        if (type == FrameType::Error)
            return handleError(body);
        fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame before auth result")});
        return false;
    }
    if (type == FrameType::Error)
        return handleError(body);
    if (m_jobs.isEmpty()) {
        fail({ErrorCode::ProtocolError, QStringLiteral("unrequested frame")});
        return false;
    }
    if (m_jobs.head() == Job::List)
        return handleList(type, body);
    if (m_jobs.head() == Job::Hash)
        return handleHashReply(type, body);
    switch (m_phase) {
    case Phase::None:
    case Phase::AwaitOffer:
        if (type == FrameType::Offer)
            return handleOffer(body);
        break;
    case Phase::Receiving:
        if (type == FrameType::Data)
            return handleData(body);
        if (type == FrameType::End)
            return handleEnd(body);
        break;
    case Phase::Discarding:
        return discard(type, body);
    case Phase::Listing:
        break;
    }
    fail({ErrorCode::ProtocolError,
        QStringLiteral("unexpected frame 0x%1").arg(int(type), 2, 16, QLatin1Char('0'))});
    return false;
}

bool ClientSession::handleHello(QByteArrayView body)
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
    if (!m_pinPending)
        return proceed(*hello);
    m_serverHello = *hello;
    m_peerDevice.name = cleanDeviceName(hello->name);
    if (m_tlsOptions.trustNew || !m_tlsOptions.expectedFingerprint.isEmpty()) {
        // checkPin() already compared the fingerprint with the one given.
        m_state = State::AwaitTrust;
        trustPeer(true);
        return false;
    }
    if (!m_tlsOptions.askUser) {
        fail(untrusted());
        return false;
    }
    m_state = State::AwaitTrust;
    m_stallTimer.stop();
    emit trustRequired(m_peerDevice);
    return false;
}

/// The server's Hello passed; prove the password if it wants one, else ready.
bool ClientSession::proceed(const protocol::Hello &hello)
{
    if (hello.flags & protocol::PasswordRequired) {
        if (m_password.isEmpty()) {
            fail({ErrorCode::AuthRequired, m_peer});
            return false;
        }
        if (hello.nonce.size() != auth::kNonceSize) {
            fail({ErrorCode::ProtocolError, QStringLiteral("no nonce")});
            return false;
        }
        // Only the proof leaves this machine, never the password or the key.
        const QByteArray clientNonce = auth::randomNonce();
        const QByteArray key = auth::deriveKey(m_password);
        const QByteArray channel
            = m_tls ? m_peerDevice.fingerprint + m_tlsOptions.identity.fingerprint() : QByteArray();
        m_socket->write(protocol::encodeAuthProof(
            clientNonce, auth::proof(key, hello.nonce, clientNonce, channel)));
        m_state = State::AwaitAuth;
        m_stallTimer.start(m_connectTimeoutMs);
        return true;
    }
    m_state = State::Ready;
    m_stallTimer.stop();
    emit ready();
    sendPending();
    return true;
}

bool ClientSession::handleAuthResult(QByteArrayView)
{
    m_state = State::Ready;
    m_stallTimer.stop();
    emit ready();
    sendPending();
    return true;
}

bool ClientSession::handleList(FrameType type, QByteArrayView body)
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
        m_jobs.dequeue();
        const QList<protocol::FileEntry> listing = std::move(m_listing);
        m_listing.clear();
        emit listReceived(listing);
        maybeIdle();
        return m_state != State::Closed;
    }
    fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame in listing")});
    return false;
}

bool ClientSession::handleHashReply(FrameType type, QByteArrayView body)
{
    const auto reply = type == FrameType::HashReply ? protocol::parseHashReply(body) : std::nullopt;
    if (!reply || reply->entry.name != m_hashes.head().name) {
        fail({ErrorCode::ProtocolError, QStringLiteral("bad hash reply")});
        return false;
    }
    HashResult r;
    r.size = reply->entry.size;
    r.mtimeMs = reply->entry.mtimeMs;
    r.md5 = reply->md5Hex;
    finishHash(r);
    return m_state != State::Closed;
}

void ClientSession::finishHash(const HashResult &result)
{
    const HashPending h = m_hashes.dequeue();
    m_jobs.dequeue();
    --m_hashesSent;
    HashResult r = result;
    r.id = h.id;
    r.remoteName = h.name;
    emit hashReceived(r);
    sendPending();
}

bool ClientSession::handleOffer(QByteArrayView body)
{
    const auto offer = protocol::parseOffer(body);
    if (!offer || m_pending.isEmpty() || offer->name != m_pending.head().request.remoteName) {
        fail({ErrorCode::ProtocolError, QStringLiteral("offer for another file")});
        return false;
    }
    return beginFile(*offer);
}

bool ClientSession::beginFile(const protocol::FileEntry &offer)
{
    const Pending &p = m_pending.head();
    const bool accepted = offer.size <= p.acceptUpTo;
    m_size = offer.size;
    m_download = std::make_unique<Download>(
        p.folder, p.request.localName, p.options.conflict, p.options.resume);
    Failure failure;
    m_offset = m_download->begin(offer, accepted, &failure);
    // Opening or creating the local folders is part of writing the file; "the server could
    // not read" is only ever the server's own word, in an Error frame.
    if (failure.code == ErrorCode::ReadFailed)
        failure.code = ErrorCode::WriteFailed;
    if (m_offset < 0) {
        m_download.reset();
        m_offset = 0;
        if (accepted) {
            // The bytes are already coming: read past them, then report this file only.
            m_discardFailure = failure;
            m_discardLeft = offer.size;
            m_phase = Phase::Discarding;
            return true;
        }
        m_socket->write(protocol::encodeFrame(FrameType::Decline));
        finishCurrent(FileResult::Outcome::Failed, failure);
        return m_state != State::Closed;
    }
    if (!accepted)
        m_socket->write(protocol::encodeAccept(m_offset));
    m_phase = Phase::Receiving;
    emit fileStarted(p.request.id, p.request.remoteName, m_size, m_offset);
    m_progressClock.start();
    emitProgress(true);
    return true;
}

bool ClientSession::handleData(QByteArrayView body)
{
    Failure failure;
    if (!m_download->append(body, &failure)) {
        // A write error or a lying server: the connection is no longer in step.
        m_download->abandon(failure.code != ErrorCode::ProtocolError);
        fail(failure);
        return false;
    }
    emitProgress(false);
    return true;
}

std::pair<char *, qint64> ClientSession::DataTarget::reserve(qint64 max)
{
    // Only where a Data frame is expected at all; anything else goes to handleFrame().
    if (session->m_state != State::Ready || session->m_phase != Phase::Receiving
        || !session->m_download || session->m_jobs.isEmpty() || session->m_jobs.head() != Job::File)
        return {nullptr, 0};
    return session->m_download->reserve(max);
}

bool ClientSession::DataTarget::commit(char *, qint64 n)
{
    session->m_stallTimer.start(session->m_stallTimeoutMs);
    Failure failure;
    if (!session->m_download->commit(n, &failure)) {
        session->m_download->abandon(true);
        session->fail(failure);
        return false;
    }
    session->emitProgress(false);
    return true;
}

bool ClientSession::handleEnd(QByteArrayView body)
{
    const auto md5 = protocol::parseEnd(body);
    if (!md5) {
        m_download->abandon(false);
        fail({ErrorCode::ProtocolError, QStringLiteral("malformed MD5")});
        return false;
    }
    emitProgress(true);
    Failure failure;
    const QByteArray local = m_download->finish(*md5, &failure);
    const auto outcome = failure.code == ErrorCode::Mismatch ? FileResult::Outcome::Mismatch
        : failure.ok()                                       ? FileResult::Outcome::Verified
                                                             : FileResult::Outcome::Failed;
    finishCurrent(outcome, failure, *md5);
    return m_state != State::Closed;
}

bool ClientSession::discard(FrameType type, QByteArrayView body)
{
    if (type == FrameType::Data && body.size() <= m_discardLeft) {
        m_discardLeft -= body.size();
        return true;
    }
    if (type == FrameType::End && m_discardLeft == 0 && protocol::parseEnd(body)) {
        finishCurrent(FileResult::Outcome::Failed, m_discardFailure);
        return m_state != State::Closed;
    }
    fail({ErrorCode::ProtocolError, QStringLiteral("data past the offered size")});
    return false;
}

std::shared_ptr<OutputFolder> ClientSession::folderFor(const QString &path)
{
    // Reopened when the folder was removed or replaced meanwhile, as a new session would.
    if (!m_folder || m_folder->path() != path || !m_folder->isCurrent())
        m_folder = std::make_shared<OutputFolder>(path);
    return m_folder;
}

bool ClientSession::handleError(QByteArrayView body)
{
    const auto failure = protocol::parseError(body);
    if (!failure) {
        fail({ErrorCode::ProtocolError, QStringLiteral("bad error frame")});
        return false;
    }
    // Codes 1-4 in place of an Offer answer one request (docs/protocol.md); anything else,
    // or any code once the data has begun, ends the connection.
    const bool perRequest = isPerFileCode(failure->code);
    const bool changed = failure->code == ErrorCode::FileChanged;
    if ((perRequest || changed) && m_state == State::Ready && !m_jobs.isEmpty()
        && m_jobs.head() == Job::Hash) {
        HashResult r;
        r.failure = {failure->code, m_hashes.head().name};
        finishHash(r);
        return m_state != State::Closed;
    }
    if (changed && m_state == State::Ready && !m_jobs.isEmpty() && m_jobs.head() == Job::File
        && (m_phase == Phase::Receiving || m_phase == Phase::Discarding)) {
        // Version 3: in place of End, it ends this file only. What arrived of it is dropped,
        // never kept as a .part to resume: its head and tail would be two versions.
        if (m_download)
            m_download->abandon(false);
        finishCurrent(FileResult::Outcome::Failed,
            {ErrorCode::FileChanged, m_pending.head().request.remoteName});
        return m_state != State::Closed;
    }
    if (perRequest && m_state == State::Ready && !m_jobs.isEmpty() && m_jobs.head() == Job::File
        && m_phase != Phase::Receiving && m_phase != Phase::Discarding) {
        Failure f = *failure;
        f.detail = m_pending.head().request.remoteName;
        finishCurrent(FileResult::Outcome::Failed, f);
        return m_state != State::Closed;
    }
    if (failure->code == ErrorCode::FileChanged && m_download) {
        m_download->abandon(false);
    }
    fail(*failure);
    return false;
}

FileResult ClientSession::takeResult(const Pending &pending, const Failure &failure)
{
    // The size and offset belong to the file in flight; the files after it start at zero.
    FileResult r;
    r.id = pending.request.id;
    r.remoteName = pending.request.remoteName;
    r.size = m_size;
    r.offset = m_offset;
    r.failure = failure;
    m_size = 0;
    m_offset = 0;
    return r;
}

void ClientSession::finishCurrent(
    FileResult::Outcome outcome, const Failure &failure, const QByteArray &remoteMd5)
{
    const Pending p = m_pending.dequeue();
    if (p.sent)
        m_jobs.dequeue();
    else
        --m_unsent;
    FileResult r = takeResult(p, failure);
    r.remoteMd5 = remoteMd5;
    r.outcome = outcome;
    if (m_download) {
        r.localMd5
            = outcome == FileResult::Outcome::Failed && failure.code != ErrorCode::AlreadyExists
            ? QByteArray()
            : m_download->localMd5();
        if (outcome == FileResult::Outcome::Verified)
            r.localPath = QDir(p.options.outputDir).filePath(m_download->finalName());
    }
    m_download.reset();
    m_phase = Phase::None;
    emit fileFinished(r);
    sendPending();
}

void ClientSession::emitProgress(bool force)
{
    if (!m_download || m_pending.isEmpty())
        return;
    if (!force && m_progressClock.elapsed() < kProgressIntervalMs)
        return;
    m_progressClock.restart();
    emit fileProgress(m_pending.head().request.id, m_download->received(), m_size);
}

void ClientSession::onSocketError()
{
    if (m_state == State::Closed)
        return;
    // The server may give up while a person reads the code; trustPeer() reconnects.
    if (m_state == State::AwaitTrust)
        return;
    Failure f {ErrorCode::ConnectionLost, m_peer};
    switch (m_socket->error()) {
    case QAbstractSocket::SslHandshakeFailedError: {
        // A --plaintext server greets in clear, which OpenSSL reads as a broken record.
        const QString why = m_socket->errorString();
        f = why.contains(QLatin1String("wrong version number"))
                || why.contains(QLatin1String("packet length too long"))
                || why.contains(QLatin1String("record layer failure"))
            ? Failure {ErrorCode::PeerIsPlaintext, m_peer}
            : Failure {ErrorCode::TlsFailed, why};
        break;
    }
    case QAbstractSocket::ConnectionRefusedError:
        f.code = ErrorCode::ConnectionRefused;
        break;
    case QAbstractSocket::HostNotFoundError:
        f.code = ErrorCode::HostNotFound;
        f.detail = m_host;
        break;
    case QAbstractSocket::RemoteHostClosedError:
    case QAbstractSocket::UnknownSocketError:
        if (m_state == State::AwaitHello && !m_tls)
            f.code = ErrorCode::NotFerryServer;
        else if (m_state == State::Handshaking)
            f = {ErrorCode::TlsFailed, QStringLiteral("closed during the handshake")};
        break;
    case QAbstractSocket::SocketTimeoutError:
        if (m_state == State::Connecting)
            f.code = ErrorCode::NoAnswer;
        break;
    default:
        if (m_state == State::Connecting)
            f = {ErrorCode::NetworkError,
                m_peer + QStringLiteral(" (") + m_socket->errorString() + QLatin1Char(')')};
        break;
    }
    fail(f);
}

void ClientSession::onStall()
{
    // Silence proves nothing about what is at the other end: say which silence it was.
    Failure f {ErrorCode::Timeout, m_peer};
    if (m_state == State::Connecting)
        f.code = ErrorCode::NoAnswer;
    else if (m_state == State::AwaitHello || m_state == State::Handshaking)
        f.code = ErrorCode::NoGreeting;
    fail(f);
}

void ClientSession::abort()
{
    fail({ErrorCode::Cancelled, {}});
}

void ClientSession::fail(const Failure &failure)
{
    if (m_state == State::Closed)
        return;
    qCInfo(lcClient) << m_peer << "failed:" << int(failure.code) << failure.detail;
    m_state = State::Closed;
    m_stallTimer.stop();
    if (m_download) {
        // Interrupted, not wrong: keep the .part so the download can resume.
        m_download->abandon(true);
    }
    while (!m_pending.isEmpty()) {
        const FileResult r = takeResult(m_pending.dequeue(), failure);
        m_download.reset();
        emit fileFinished(r);
    }
    while (!m_hashes.isEmpty()) {
        HashResult r;
        r.id = m_hashes.head().id;
        r.remoteName = m_hashes.dequeue().name;
        r.failure = failure;
        emit hashReceived(r);
    }
    m_hashesSent = 0;
    m_jobs.clear();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    emit failed(failure);
}

void ClientSession::maybeIdle()
{
    if (m_state == State::Ready && m_jobs.isEmpty() && m_pending.isEmpty() && m_hashes.isEmpty()
        && !m_listWanted)
        emit idle();
}

} // namespace ferry
