// ClientConnection's link: from the dial to Ready (the Hello, the pin check and trust on
// first contact, the password proof), and a drop ridden out by dialling again. The requests
// are in clientconnection.cpp.
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

Q_DECLARE_LOGGING_CATEGORY(lcClient)

namespace ferry {

using protocol::FrameType;

namespace {
/// A Ferry server says Hello as soon as it accepts; see TcpTransport.
constexpr int kGreetingTimeoutMs = 2000;
} // namespace

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

void ClientConnection::redial()
{
    m_state = State::Connecting;
    m_transport->open(m_host, m_port);
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
        else if (!job.answered)
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

} // namespace ferry
