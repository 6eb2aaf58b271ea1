#include "discovery/discovery.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>

Q_LOGGING_CATEGORY(lcDiscovery, "ferry.core.discovery")

namespace ferry::discovery {
namespace {
constexpr int kMaxLogLines = 300;
/// Datagrams read per readyRead: a flood can't keep the event loop from the window.
constexpr int kMaxReadsPerWake = 64;

QString kindName(Announcement::Kind kind)
{
    switch (kind) {
    case Announcement::Kind::Announce:
        return QStringLiteral("announcement");
    case Announcement::Kind::Reply:
        return QStringLiteral("reply");
    case Announcement::Kind::Query:
        return QStringLiteral("query");
    case Announcement::Kind::Goodbye:
        return QStringLiteral("goodbye");
    }
    return {};
}
} // namespace

Discovery::Discovery(QObject *parent) : QObject(parent)
{
    m_clock.start();
    connect(
        &m_announceTimer, &QTimer::timeout, this, [this] { send(Announcement::Kind::Announce); });
    connect(&m_expiryTimer, &QTimer::timeout, this, &Discovery::expire);
    connect(&m_pollTimer, &QTimer::timeout, this, &Discovery::pollInterfaces);
}

Discovery::~Discovery()
{
    stop();
}

void Discovery::start(const DiscoveryConfig &config)
{
    stop();
    m_config = config;
    m_config.name = cleanDeviceName(m_config.name);
    if (m_config.name.isEmpty())
        m_config.name = QStringLiteral("Ferry");
    m_peers = PeerTable(qMax(1, m_config.maxPeers));
    m_reports.clear();
    m_running = true;
    openSockets();
    m_announceTimer.start(qMax(10, m_config.announceIntervalMs));
    m_expiryTimer.start(qBound(10, m_config.expiryMs / 4, 1000));
    m_pollTimer.start(qMax(10, m_config.interfacePollMs));
    sendBurst();
}

void Discovery::stop()
{
    if (!m_running)
        return;
    if (m_config.tcpPort != 0)
        send(Announcement::Kind::Goodbye);
    m_running = false;
    m_announceTimer.stop();
    m_expiryTimer.stop();
    m_pollTimer.stop();
    closeSockets();
}

void Discovery::setShare(quint16 tcpPort, bool passwordRequired)
{
    if (tcpPort == m_config.tcpPort && passwordRequired == m_config.passwordRequired)
        return;
    if (m_running && m_config.tcpPort != 0 && tcpPort == 0)
        send(Announcement::Kind::Goodbye);
    m_config.tcpPort = tcpPort;
    m_config.passwordRequired = passwordRequired;
    if (m_running && tcpPort != 0)
        sendBurst();
}

void Discovery::setName(const QString &name)
{
    const QString clean = cleanDeviceName(name);
    if (clean.isEmpty() || clean == m_config.name)
        return;
    m_config.name = clean;
    if (m_running && m_config.tcpPort != 0)
        sendBurst();
}

void Discovery::announceNow()
{
    if (!m_running)
        return;
    addLog(QStringLiteral("announce now"));
    sendBurst();
}

Announcement Discovery::self(Announcement::Kind kind) const
{
    Announcement a;
    a.kind = kind;
    a.id = m_config.deviceId;
    a.name = m_config.name;
    a.port = m_config.tcpPort;
    a.passwordRequired = m_config.passwordRequired;
    return a;
}

void Discovery::openSockets()
{
    // Counts survive a change of interfaces: the diagnosis is about the whole run.
    QHash<QString, QPair<qint64, qint64>> counts;
    for (const InterfaceReport &r : std::as_const(m_reports))
        counts.insert(r.name, {r.sent, r.heard});
    m_reports.clear();
    const QList<QNetworkInterface> all = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : all) {
        InterfaceReport r
            = classifyInterface(iface, m_config.skipPatterns, m_config.onlyInterfaces);
        const auto c = counts.value(r.name);
        r.sent = c.first;
        r.heard = c.second;
        m_reports.append(r);
    }
    m_signature = interfaceSignature();

    m_groupSocket = new QUdpSocket(this);
    const auto share = QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint;
    QString groupError;
    if (!m_groupSocket->bind(QHostAddress::AnyIPv4, m_config.udpPort, share)) {
        groupError = m_groupSocket->errorString();
        addLog(QStringLiteral("can't bind UDP port %1: %2").arg(m_config.udpPort).arg(groupError));
    } else {
        connect(
            m_groupSocket, &QUdpSocket::readyRead, this, [this] { readSocket(m_groupSocket, -1); });
    }
    for (int i = 0; i < m_reports.size(); ++i) {
        InterfaceReport &r = m_reports[i];
        if (r.state != InterfaceReport::State::Used) {
            if (r.state == InterfaceReport::State::Skipped)
                addLog(QStringLiteral("%1: skipped (matches %2)").arg(r.name, r.skippedBy));
            continue;
        }
        const QNetworkInterface iface = QNetworkInterface::interfaceFromIndex(r.index);
        if (!groupError.isEmpty()) {
            r.error = groupError;
        } else if (!m_groupSocket->joinMulticastGroup(m_config.group, iface)) {
            r.error = m_groupSocket->errorString();
        } else {
            r.joined = true;
        }
        auto *socket = new QUdpSocket(this);
        // Bound first: setMulticastInterface() is ignored on a socket that isn't bound.
        if (!socket->bind(r.address, m_config.udpPort, share)) {
            if (r.error.isEmpty())
                r.error = socket->errorString();
            delete socket;
            addLog(
                QStringLiteral("%1 %2: can't bind: %3").arg(r.name, r.address.toString(), r.error));
            continue;
        }
        socket->setMulticastInterface(iface);
        socket->setSocketOption(QAbstractSocket::MulticastTtlOption, 1);
        socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
        m_links.append({i, socket});
        connect(socket, &QUdpSocket::readyRead, this, [this, socket, i] { readSocket(socket, i); });
        addLog(r.joined
                ? QStringLiteral("%1 %2: joined %3%4")
                      .arg(r.name, r.address.toString(), m_config.group.toString(),
                          r.vpn ? QStringLiteral(" (VPN)") : QString())
                : QStringLiteral("%1 %2: can't join %3: %4")
                      .arg(r.name, r.address.toString(), m_config.group.toString(), r.error));
    }
    emit interfacesChanged();
}

void Discovery::closeSockets()
{
    for (QTimer *t : std::as_const(m_burst))
        t->deleteLater();
    m_burst.clear();
    for (const Link &l : std::as_const(m_links))
        delete l.socket;
    m_links.clear();
    delete m_groupSocket;
    m_groupSocket = nullptr;
}

void Discovery::sendBurst()
{
    for (QTimer *t : std::as_const(m_burst))
        t->deleteLater();
    m_burst.clear();
    // The first step also asks, so shares started earlier answer at once.
    send(Announcement::Kind::Query);
    for (const int delay : std::as_const(m_config.burstMs)) {
        auto *t = new QTimer(this);
        t->setSingleShot(true);
        connect(t, &QTimer::timeout, this, [this, t] {
            send(Announcement::Kind::Announce);
            m_burst.removeOne(t);
            t->deleteLater();
        });
        t->start(delay);
        m_burst.append(t);
    }
    m_announceTimer.start(qMax(10, m_config.announceIntervalMs));
}

void Discovery::send(Announcement::Kind kind)
{
    const bool sharing = m_config.tcpPort != 0;
    if (!m_running || (!sharing && kind != Announcement::Kind::Query))
        return;
    const QByteArray datagram = encodeAnnouncement(self(kind));
    for (const Link &l : std::as_const(m_links)) {
        InterfaceReport &r = m_reports[l.reportIndex];
        if (l.socket->writeDatagram(datagram, m_config.group, m_config.udpPort) < 0) {
            r.error = l.socket->errorString();
            addLog(QStringLiteral("%1: can't send: %2").arg(r.name, r.error));
            continue;
        }
        ++r.sent;
    }
    if (kind != Announcement::Kind::Announce)
        addLog(QStringLiteral("sent %1").arg(kindName(kind)));
}

void Discovery::readSocket(QUdpSocket *socket, int linkReport)
{
    for (int n = 0; n < kMaxReadsPerWake && socket->hasPendingDatagrams(); ++n)
        handle(socket->receiveDatagram(kMaxDatagram + 1), linkReport);
}

int Discovery::reportFor(int interfaceIndex) const
{
    for (int i = 0; i < m_reports.size(); ++i) {
        if (m_reports.at(i).index == interfaceIndex)
            return i;
    }
    return -1;
}

void Discovery::handle(const QNetworkDatagram &datagram, int linkReport)
{
    const auto a = parseAnnouncement(datagram.data());
    if (!a)
        return;
    // Our own, looped back, or another share of this device (same identity, another port):
    // never list yourself. Other devices tell this device's shares apart by id and port.
    if (a->id == m_config.deviceId)
        return;
    const int report = linkReport >= 0 ? linkReport : reportFor(int(datagram.interfaceIndex()));
    if (report >= 0) {
        InterfaceReport &r = m_reports[report];
        ++r.heard;
        // A datagram on an interface we don't use (skipped, say) is counted, not trusted.
        if (r.state != InterfaceReport::State::Used)
            return;
    }
    QHostAddress from = datagram.senderAddress();
    if (from.protocol() == QAbstractSocket::IPv6Protocol) {
        bool ok = false;
        const QHostAddress v4(from.toIPv4Address(&ok));
        if (ok)
            from = v4;
    }
    switch (a->kind) {
    case Announcement::Kind::Query:
        reply(from, quint16(datagram.senderPort()), report);
        return;
    case Announcement::Kind::Goodbye:
        if (const auto gone = m_peers.take(a->id, a->port)) {
            addLog(QStringLiteral("goodbye from %1 (%2:%3)")
                       .arg(a->name, from.toString())
                       .arg(a->port));
            emit peerRemoved(*gone);
        }
        return;
    case Announcement::Kind::Announce:
    case Announcement::Kind::Reply:
        break;
    }
    Peer peer;
    peer.id = a->id;
    peer.name = a->name;
    peer.address = from;
    peer.port = a->port;
    peer.passwordRequired = a->passwordRequired;
    peer.interfaceName = report >= 0 ? m_reports.at(report).name : QString();
    peer.lastSeenMs = m_clock.elapsed();
    switch (m_peers.update(peer)) {
    case PeerTable::Change::Added:
        addLog(QStringLiteral("heard %1 at %2:%3 on %4")
                   .arg(peer.name, from.toString())
                   .arg(peer.port)
                   .arg(peer.interfaceName));
        emit peerAdded(peer);
        // A new share learns about us at once, not at our next announcement.
        if (a->kind == Announcement::Kind::Announce)
            reply(from, quint16(datagram.senderPort()), report);
        break;
    case PeerTable::Change::Updated:
        emit peerChanged(peer);
        break;
    case PeerTable::Change::Refreshed:
        break;
    case PeerTable::Change::Full:
        if (m_peers.dropped() == 1 || m_peers.dropped() % 10000 == 0)
            addLog(QStringLiteral("peer table full (%1): %2 ignored")
                       .arg(m_config.maxPeers)
                       .arg(m_peers.dropped()));
        break;
    }
}

void Discovery::reply(const QHostAddress &to, quint16 port, int report)
{
    if (m_config.tcpPort == 0 || port == 0)
        return;
    const qint64 now = m_clock.elapsed();
    if (now - m_replyWindowMs >= 1000) {
        m_replyWindowMs = now;
        m_repliesInWindow = 0;
    }
    if (++m_repliesInWindow > m_config.maxRepliesPerSecond)
        return;
    QUdpSocket *socket = m_groupSocket;
    for (const Link &l : std::as_const(m_links)) {
        if (l.reportIndex == report)
            socket = l.socket;
    }
    if (!socket)
        return;
    if (socket->writeDatagram(encodeAnnouncement(self(Announcement::Kind::Reply)), to, port) >= 0
        && report >= 0)
        ++m_reports[report].sent;
}

void Discovery::expire()
{
    const QList<Peer> gone = m_peers.expire(m_clock.elapsed(), m_config.expiryMs);
    for (const Peer &p : gone) {
        addLog(QStringLiteral("%1 (%2) not heard for %3 s: removed")
                   .arg(p.name, p.address.toString())
                   .arg(m_config.expiryMs / 1000.0));
        emit peerRemoved(p);
    }
}

QString Discovery::interfaceSignature() const
{
    QString s;
    for (const QNetworkInterface &iface : QNetworkInterface::allInterfaces()) {
        s += iface.name() + QString::number(int(iface.flags())) + QLatin1Char(' ');
        for (const QNetworkAddressEntry &e : iface.addressEntries())
            s += e.ip().toString() + QLatin1Char('/') + QString::number(e.prefixLength());
        s += QLatin1Char(';');
    }
    return s;
}

void Discovery::pollInterfaces()
{
    if (!m_running || interfaceSignature() == m_signature)
        return;
    addLog(QStringLiteral("interfaces changed"));
    closeSockets();
    openSockets();
    sendBurst();
}

void Discovery::addLog(const QString &line)
{
    const QString stamped
        = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss ")) + line;
    qCInfo(lcDiscovery).noquote() << line;
    m_log.append(stamped);
    if (m_log.size() > kMaxLogLines)
        m_log.removeFirst();
    emit logAdded(stamped);
}

} // namespace ferry::discovery
