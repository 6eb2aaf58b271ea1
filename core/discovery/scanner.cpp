#include "discovery/scanner.h"

#include "protocol/decoder.h"
#include "protocol/messages.h"
#include "tls/tlsstream.h"

#include <QSet>
#include <QTcpSocket>
#include <QTimer>

#include <fcntl.h>

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
        for (TlsStream *tls : s->findChildren<TlsStream *>()) {
            tls->disconnect(this);
            tls->abort();
        }
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
    // The socket connects and stays the probe's handle; over TLS a TlsStream takes over its
    // connection once the server stayed silent (see startTls()).
    auto *socket = new QTcpSocket(this);
    socket->setReadBufferSize(4096);
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, socket] { finishProbe(socket); });
    connect(socket, &QTcpSocket::errorOccurred, this, [this, socket] { finishProbe(socket); });
    connect(socket, &QTcpSocket::connected, this, [this, socket, timer, address] {
        timer->start(kGreetingTimeoutMs);
        if (m_identity.isNull()) {
            // Our Hello, so the server sees a Ferry client and not a stray connection.
            socket->write(protocol::encodeHello(protocol::Hello()));
            return;
        }
        QTimer::singleShot(kPlaintextGreetingMs, socket, [this, socket, address] {
            if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
                startTls(socket, address);
        });
    });
    connect(socket, &QTcpSocket::readyRead, this,
        [this, socket, address] { readGreeting(socket, socket, address); });
    timer->start(kTimeoutMs);
    socket->connectToHost(address, m_port);
}

void Scanner::startTls(QTcpSocket *socket, const QHostAddress &address)
{
    // The same connection, from a descriptor of its own: the socket has read nothing.
    const int fd = ::fcntl(int(socket->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    socket->disconnect(this);
    socket->abort();
    if (fd < 0) {
        finishProbe(socket);
        return;
    }
    auto *tls = new TlsStream(socket);
    // A certificate TLS accepted: the server holds its key. Nothing is sent after this; the
    // server's Hello comes by itself (and may have come with the handshake).
    connect(tls, &TlsStream::encrypted, this, [this, socket, tls, address] {
        tls->setProperty("fingerprint", fingerprintOf(tls->peerCertificate()));
        readGreeting(socket, tls, address);
    });
    connect(tls, &QIODevice::readyRead, this,
        [this, socket, tls, address] { readGreeting(socket, tls, address); });
    connect(tls, &TlsStream::errorOccurred, this, [this, socket] { finishProbe(socket); });
    connect(tls, &TlsStream::disconnected, this, [this, socket] { finishProbe(socket); });
    if (!tls->start(fd, TlsStream::Role::Client, m_identity))
        finishProbe(socket);
}

void Scanner::readGreeting(QTcpSocket *probe, QIODevice *device, const QHostAddress &address)
{
    if (!device->isOpen())
        return;
    QByteArray data = probe->property("greeting").toByteArray();
    if (data.size() < 4096)
        data += device->read(4096 - data.size());
    probe->setProperty("greeting", data);
    const auto r = protocol::decodeFrame(data);
    if (r.status == protocol::DecodeResult::Status::NeedMore)
        return;
    const auto *tls = qobject_cast<TlsStream *>(device);
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
                hit.fingerprint = tls->property("fingerprint").toByteArray();
            }
            m_hits.append(hit);
            emit found(hit);
        }
    }
    finishProbe(probe);
}

void Scanner::finishProbe(QTcpSocket *socket)
{
    if (socket->property("done").toBool())
        return;
    socket->setProperty("done", true);
    socket->disconnect(this);
    for (TlsStream *tls : socket->findChildren<TlsStream *>()) {
        tls->disconnect(this);
        tls->abort();
    }
    socket->abort();
    socket->deleteLater();
    --m_active;
    ++m_done;
    emit progress(m_done, m_total);
    QTimer::singleShot(0, this, &Scanner::launchMore);
}

} // namespace ferry::discovery
