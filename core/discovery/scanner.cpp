#include "discovery/scanner.h"

#include "protocol/decoder.h"
#include "protocol/messages.h"
#include "tls/tlsconfig.h"

#include <QSet>
#include <QSslSocket>
#include <QTimer>

namespace ferry::discovery {

Scanner::Scanner(QObject *parent) : QObject(parent) { }

QList<QHostAddress> Scanner::targets(const QList<InterfaceReport> &interfaces)
{
    QSet<quint32> own;
    for (const InterfaceReport &r : interfaces) {
        if (!r.address.isNull())
            own.insert(r.address.toIPv4Address());
    }
    QSet<quint32> seen;
    QList<QHostAddress> out;
    for (const InterfaceReport &r : interfaces) {
        if (r.state != InterfaceReport::State::Used)
            continue;
        const quint32 base = r.address.toIPv4Address() & 0xffffff00u;
        for (quint32 host = 1; host < 255; ++host) {
            const quint32 a = base | host;
            if (own.contains(a) || seen.contains(a))
                continue;
            seen.insert(a);
            out.append(QHostAddress(a));
        }
    }
    return out;
}

void Scanner::start(const QList<QHostAddress> &targets, quint16 port)
{
    cancel();
    m_queue = targets;
    m_hits.clear();
    m_port = port;
    m_total = int(targets.size());
    m_done = 0;
    m_running = true;
    launchMore();
}

void Scanner::cancel()
{
    m_queue.clear();
    const auto sockets = findChildren<QTcpSocket *>();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this); // No finishProbe for probes cancelled here.
        s->abort();
        s->deleteLater();
    }
    m_active = 0;
    m_running = false;
}

void Scanner::launchMore()
{
    while (m_running && m_active < kMaxParallel && !m_queue.isEmpty())
        probe(m_queue.takeFirst());
    if (m_running && m_active == 0 && m_queue.isEmpty()) {
        m_running = false;
        emit finished();
    }
}

void Scanner::probe(const QHostAddress &address)
{
    ++m_active;
    QSslSocket *tls = nullptr;
    QTcpSocket *socket = nullptr;
    if (!m_identity.isNull()) {
        tls = new QSslSocket(this);
        tls->setSslConfiguration(tlsConfiguration(m_identity));
        socket = tls;
    } else {
        socket = new QTcpSocket(this);
    }
    socket->setReadBufferSize(4096);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] { finishProbe(socket); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { finishProbe(socket); });
    connect(socket, &QTcpSocket::connected, this, [socket, tls, timer] {
        timer->start(kGreetingTimeoutMs);
        if (!tls) {
            // Our Hello, so the server sees a Ferry client and not a stray connection.
            socket->write(protocol::encodeHello(protocol::Hello()));
            return;
        }
        QTimer::singleShot(kPlaintextGreetingMs, tls, [tls] {
            if (tls->state() == QAbstractSocket::ConnectedState
                && tls->mode() == QSslSocket::UnencryptedMode && tls->bytesAvailable() == 0)
                tls->startClientEncryption();
        });
    });
    if (tls) {
        // A certificate TLS accepted: the server holds its key. Nothing is sent after this;
        // the server's Hello comes by itself.
        connect(tls, &QSslSocket::encrypted, this,
            [tls] { tls->setProperty("fingerprint", fingerprintOf(tls->peerCertificate())); });
    }
    connect(socket, &QTcpSocket::readyRead, this,
        [this, socket, address] { readGreeting(socket, address); });
    timer->start(kTimeoutMs);
    socket->connectToHost(address, m_port);
}

void Scanner::readGreeting(QTcpSocket *socket, const QHostAddress &address)
{
    const auto *tls = qobject_cast<QSslSocket *>(socket);
    if (tls && tls->mode() != QSslSocket::UnencryptedMode && !tls->isEncrypted())
        return; // Handshake bytes, read by QSslSocket itself.
    const QByteArray data = socket->peek(4096);
    const auto r = protocol::decodeFrame(data);
    if (r.status == protocol::DecodeResult::Status::NeedMore)
        return;
    if (r.status == protocol::DecodeResult::Status::Frame && r.type == protocol::FrameType::Hello) {
        const auto hello = protocol::parseHello(r.body);
        // Without an identity, a TLS server still answers (EncryptionRequired): a share.
        if (hello) {
            ScanHit hit;
            hit.address = address;
            hit.port = m_port;
            hit.passwordRequired = hello->flags & protocol::PasswordRequired;
            if (tls && tls->isEncrypted()) {
                hit.name = cleanDeviceName(hello->name);
                hit.fingerprint = socket->property("fingerprint").toByteArray();
            }
            m_hits.append(hit);
            emit found(hit);
        }
    }
    finishProbe(socket);
}

void Scanner::finishProbe(QTcpSocket *socket)
{
    if (socket->property("done").toBool())
        return;
    socket->setProperty("done", true);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    --m_active;
    ++m_done;
    emit progress(m_done, m_total);
    QTimer::singleShot(0, this, &Scanner::launchMore);
}

} // namespace ferry::discovery
