// Discovery between real `ferry` processes in network namespaces joined by a bridge: what a
// user sees with `ferry discover` and `ferry discover --watch`. Skipped (with the reason)
// where namespaces can't be made: not root, or no iproute2.

#include "netnslab.h"

#include <QFile>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using ferry::test::NetnsLab;

namespace {

/// The lines of `--watch` output so far.
QStringList watchLines(QProcess *p, QString *buffer)
{
    *buffer += QString::fromUtf8(p->readAllStandardOutput());
    return buffer->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool hasLine(const QStringList &lines, const QString &start)
{
    return std::any_of(
        lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(start); });
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QString status = QString::fromLatin1(f.readAll());
    const auto m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+)")).match(status);
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

class tst_Discovery : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void twoSharesSeeEachOtherButNotThemselves();
    void twoSharesOfOneDeviceAreListedApart();
    void hostNameResolvesByDnsOrDiscovery();
    void goodbyeRemovesAShare();
    void twoDevicesWithOneNameAreAnError();
    void shareExpiresWhenItsLinkGoesDown();
    void interfaceChangeAnnouncesAtOnce();
    void scanFindsAShareWhenUdpIsDropped();
    void dockerBridgeIsSkipped();
    void floodStaysBounded();
    void unreachableAddressSaysNoAnswer();

private:
    QProcess *serve(const QString &ns, const QString &name, const QStringList &env = {},
        const QStringList &extraArgs = {}, QString *banner = nullptr);

    std::unique_ptr<NetnsLab> m_lab;
    QString m_a;
    QString m_b;
    QTemporaryDir m_share;
};

void tst_Discovery::initTestCase()
{
    const QString reason = NetnsLab::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    QVERIFY2(QFileInfo(NetnsLab::ferryBin()).isExecutable(), "FERRY_BIN must name ferry");
    m_lab = std::make_unique<NetnsLab>();
    QVERIFY(m_lab->ok());
    m_a = m_lab->addHost(QStringLiteral("a"), 1);
    m_b = m_lab->addHost(QStringLiteral("b"), 2);
    QVERIFY(m_lab->ok());
    QFile f(m_share.filePath(QStringLiteral("hello.txt")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hello\n");
}

void tst_Discovery::cleanupTestCase()
{
    m_lab.reset(); // Namespaces and processes go even when a test failed.
}

QProcess *tst_Discovery::serve(const QString &ns, const QString &name, const QStringList &env,
    const QStringList &extraArgs, QString *banner)
{
    QProcess *p = m_lab->startFerry(ns,
        QStringList {QStringLiteral("serve"), m_share.path(), QStringLiteral("--name"), name}
            + extraArgs,
        env);
    p->waitForStarted();
    // The banner ends once the sockets are up (and announced, unless told not to).
    QString out;
    const bool announced = QTest::qWaitFor(
        [&] {
            out += QString::fromUtf8(p->readAllStandardOutput());
            return out.contains(QLatin1String("Press Ctrl+C"));
        },
        10000);
    if (!announced)
        qWarning("ferry serve didn't announce: %s", qPrintable(out));
    if (banner)
        *banner = out;
    return p;
}

void tst_Discovery::twoSharesSeeEachOtherButNotThemselves()
{
    // The shares announce once an hour after their start-up burst, so a discover started
    // later hears them only because they answer its query by unicast.
    const QStringList quiet {QStringLiteral("FERRY_DISCOVERY_INTERVAL_MS=3600000")};
    QProcess *alpha = serve(m_a, QStringLiteral("alpha"), quiet);
    QProcess *beta = serve(m_b, QStringLiteral("beta"), quiet);
    QTest::qWait(500); // Past their bursts.
    // `ferry discover` waits 2 s: the issue's "within 2 s".
    const QString inA = m_lab->runFerry(m_a, {QStringLiteral("discover")});
    const QString inB = m_lab->runFerry(m_b, {QStringLiteral("discover")});
    QVERIFY2(inA.contains(QStringLiteral("beta\t10.213.0.2\t6669\t")), qPrintable(inA));
    QVERIFY2(!inA.contains(QStringLiteral("alpha")), qPrintable(inA));
    QVERIFY2(inB.contains(QStringLiteral("alpha\t10.213.0.1\t6669\t")), qPrintable(inB));
    QVERIFY2(!inB.contains(QStringLiteral("beta")), qPrintable(inB));
    // The stable format: five tab-separated fields, a 32-digit id, "no" for no password.
    const QStringList fields = inA.trimmed().split(QLatin1Char('\t'));
    QCOMPARE(fields.size(), 5);
    QCOMPARE(fields.at(3).size(), 32);
    QCOMPARE(fields.at(4), QStringLiteral("no"));

    // --host takes the announced name. Each namespace is its own device: b has never met a.
    const QString listed = m_lab->runFerry(m_b,
        {QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("alpha"),
            QStringLiteral("--trust-new")});
    QVERIFY2(listed.contains(QStringLiteral("hello.txt")), qPrintable(listed));
    alpha->terminate();
    beta->terminate();
    QVERIFY(alpha->waitForFinished());
    QVERIFY(beta->waitForFinished());
}

void tst_Discovery::twoSharesOfOneDeviceAreListedApart()
{
    // One device (one identity, so one id) sharing on two ports: others list both, and the
    // goodbye of one removes only that one.
    QProcess *watch = m_lab->startFerry(
        m_b, {QStringLiteral("discover"), QStringLiteral("--watch")}, {}, QStringLiteral("wb"));
    QVERIFY(watch->waitForStarted());
    QProcess *first = serve(m_a, QStringLiteral("alpha"));
    QProcess *second = serve(
        m_a, QStringLiteral("alpha"), {}, {QStringLiteral("--port"), QStringLiteral("6670")});
    QString buffer;
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\talpha\t10.213.0.1\t6669\t")),
        10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\talpha\t10.213.0.1\t6670\t")),
        10000);
    // --host NAME:PORT picks one of a device's shares.
    const QString listed = m_lab->runFerry(m_b,
        {QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("alpha:6670"),
            QStringLiteral("--trust-new")});
    QVERIFY2(listed.contains(QStringLiteral("hello.txt")), qPrintable(listed));
    second->terminate();
    QVERIFY(second->waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("removed\talpha\t10.213.0.1\t6670")),
        10000);
    QVERIFY2(
        !hasLine(watchLines(watch, &buffer), QStringLiteral("removed\talpha\t10.213.0.1\t6669")),
        qPrintable(buffer));
    first->terminate();
    QVERIFY(first->waitForFinished());
    watch->terminate();
    watch->waitForFinished();
}

void tst_Discovery::hostNameResolvesByDnsOrDiscovery()
{
    // In b, "alphahost" and "alpha" resolve as DNS names do (b's own /etc/hosts), to a.
    QVERIFY(m_lab->setHosts(m_b, "10.213.0.1 alphahost alpha\n"));
    // A name only DNS knows: connected by name, on Ferry's port.
    QProcess *hidden = serve(m_a, QStringLiteral("alpha"), {}, {QStringLiteral("--no-announce")});
    const QString byDns = m_lab->runFerry(m_b,
        {QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("alphahost"),
            QStringLiteral("--trust-new")});
    QVERIFY2(byDns.contains(QStringLiteral("hello.txt")), qPrintable(byDns));
    hidden->terminate();
    QVERIFY(hidden->waitForFinished());
    // A name both know: the share announcing it wins, with its port; DNS alone would have
    // meant port 6669, where nothing listens now.
    QProcess *announced = serve(
        m_a, QStringLiteral("alpha"), {}, {QStringLiteral("--port"), QStringLiteral("7001")});
    const QString byName = m_lab->runFerry(m_b,
        {QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("alpha"),
            QStringLiteral("--trust-new")});
    QVERIFY2(byName.contains(QStringLiteral("hello.txt")), qPrintable(byName));
    announced->terminate();
    QVERIFY(announced->waitForFinished());
}

void tst_Discovery::goodbyeRemovesAShare()
{
    const QString c = m_lab->addHost(QStringLiteral("c"), 3);
    QVERIFY(m_lab->ok());
    QProcess *watch = m_lab->startFerry(
        m_a, {QStringLiteral("discover"), QStringLiteral("--watch")}, {}, QStringLiteral("wa"));
    QVERIFY(watch->waitForStarted());
    // Expiry is an hour: only the goodbye can remove gamma.
    QProcess *gamma
        = serve(c, QStringLiteral("gamma"), {QStringLiteral("FERRY_DISCOVERY_EXPIRY_MS=3600000")});
    QString buffer;
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\tgamma\t10.213.0.3")), 10000);
    gamma->terminate(); // SIGTERM: ferry serve stops and says goodbye.
    QVERIFY(gamma->waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("removed\tgamma\t10.213.0.3")), 10000);
    watch->terminate();
    watch->waitForFinished();
}

void tst_Discovery::twoDevicesWithOneNameAreAnError()
{
    const QString e = m_lab->addHost(QStringLiteral("e"), 5);
    QVERIFY(m_lab->ok());
    QProcess *first = serve(m_b, QStringLiteral("twin"));
    QProcess *second = serve(e, QStringLiteral("twin"));
    QProcess list;
    list.setProcessEnvironment(m_lab->ferryEnvironment(m_a, {}));
    list.start(QStringLiteral("ip"),
        {QStringLiteral("netns"), QStringLiteral("exec"), m_a, NetnsLab::ferryBin(),
            QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("twin")});
    QVERIFY(list.waitForFinished(30000));
    const QString err = QString::fromUtf8(list.readAllStandardError());
    QCOMPARE(list.exitCode(), 2);
    QVERIFY2(err.contains(QStringLiteral("2 devices are announced as twin")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("twin\t10.213.0.2\t6669")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("twin\t10.213.0.5\t6669")), qPrintable(err));
    first->terminate();
    second->terminate();
    first->waitForFinished();
    second->waitForFinished();
}

void tst_Discovery::shareExpiresWhenItsLinkGoesDown()
{
    QProcess *watch
        = m_lab->startFerry(m_a, {QStringLiteral("discover"), QStringLiteral("--watch")},
            {QStringLiteral("FERRY_DISCOVERY_EXPIRY_MS=1500")}, QStringLiteral("wa"));
    QVERIFY(watch->waitForStarted());
    QProcess *beta = serve(m_b, QStringLiteral("beta"));
    QString buffer;
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\tbeta")), 10000);
    // No goodbye can pass a link that is down: only expiry removes beta.
    QVERIFY(m_lab->ipIn(m_b,
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
            QStringLiteral("down")}));
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("removed\tbeta")), 15000);
    QVERIFY(m_lab->ipIn(m_b,
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
            QStringLiteral("up")}));
    beta->terminate();
    beta->waitForFinished();
    watch->terminate();
    watch->waitForFinished();
}

void tst_Discovery::interfaceChangeAnnouncesAtOnce()
{
    // beta starts with its link down: nothing to announce on. When the link comes up, the
    // change (polled every 250 ms here) starts a burst; the hourly announcement can't be it.
    QVERIFY(m_lab->ipIn(m_b,
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
            QStringLiteral("down")}));
    QProcess *watch = m_lab->startFerry(
        m_a, {QStringLiteral("discover"), QStringLiteral("--watch")}, {}, QStringLiteral("wa"));
    QVERIFY(watch->waitForStarted());
    QProcess *beta = serve(m_b, QStringLiteral("beta"),
        {QStringLiteral("FERRY_DISCOVERY_INTERVAL_MS=3600000"),
            QStringLiteral("FERRY_DISCOVERY_POLL_MS=250")});
    QString buffer;
    QTest::qWait(1000);
    QVERIFY(!hasLine(watchLines(watch, &buffer), QStringLiteral("added\tbeta")));
    QVERIFY(m_lab->ipIn(m_b,
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
            QStringLiteral("up")}));
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\tbeta")), 10000);
    beta->terminate();
    beta->waitForFinished();
    watch->terminate();
    watch->waitForFinished();
}

void tst_Discovery::scanFindsAShareWhenUdpIsDropped()
{
    if (QStandardPaths::findExecutable(QStringLiteral("nft"), {QStringLiteral("/usr/sbin")})
            .isEmpty())
        QSKIP("nft (package nftables) is not installed");
    const QString d = m_lab->addHost(QStringLiteral("d"), 4);
    QVERIFY(m_lab->ok());
    const QString nft = QStringLiteral("/usr/sbin/nft");
    QVERIFY(m_lab->execIn(d, nft, {QStringLiteral("add table inet fy")}));
    QVERIFY(m_lab->execIn(
        d, nft, {QStringLiteral("add chain inet fy in { type filter hook input priority 0 ; }")}));
    QVERIFY(m_lab->execIn(d, nft, {QStringLiteral("add rule inet fy in meta l4proto udp drop")}));
    QString banner;
    QProcess *alpha = serve(m_a, QStringLiteral("alpha"), {}, {}, &banner);
    // And a --plaintext share, which greets first and must not be sent a ClientHello.
    QProcess *beta = serve(m_b, QStringLiteral("beta"), {}, {QStringLiteral("--plaintext")});
    const auto fingerprint
        = QRegularExpression(QStringLiteral("fingerprint: ([0-9a-f]{64})")).match(banner);
    QVERIFY2(fingerprint.hasMatch(), qPrintable(banner));

    const QString plain = m_lab->runFerry(d, {QStringLiteral("discover")});
    QVERIFY2(!plain.contains(QStringLiteral("10.213.0.1")), qPrintable(plain));

    const QString out = m_lab->runFerry(d,
        {QStringLiteral("discover"), QStringLiteral("--scan"), QStringLiteral("--diagnose"),
            QStringLiteral("--wait"), QStringLiteral("1")});
    // Found over TLS: its name from its Hello, its id from the certificate the handshake
    // proved (the fingerprint's start, as it announces). It never got through as a datagram.
    QVERIFY2(out.contains(QStringLiteral("alpha\t10.213.0.1\t6669\t%1\tno")
                              .arg(fingerprint.captured(1).left(32))),
        qPrintable(out));
    // The plaintext share is found too, without a name or an id.
    QVERIFY2(out.contains(QStringLiteral("-\t10.213.0.2\t6669\t-\tno")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Multicast was not heard")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Firewall: likely blocking")), qPrintable(out));
    // The probes connected the way clients do: the servers' logs show a connection and its
    // end, and no error.
    alpha->terminate();
    beta->terminate();
    QVERIFY(alpha->waitForFinished());
    QVERIFY(beta->waitForFinished());
    for (QProcess *p : {alpha, beta}) {
        const QString log = QString::fromUtf8(p->readAllStandardOutput());
        QVERIFY2(log.contains(QStringLiteral("10.213.0.4")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("disconnected")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("error")), qPrintable(log));
    }
}

void tst_Discovery::dockerBridgeIsSkipped()
{
    // A bridge, as Docker makes it (the dummy module may be missing in containers).
    QVERIFY(m_lab->ipIn(m_a,
        {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("docker0"),
            QStringLiteral("type"), QStringLiteral("bridge")}));
    QVERIFY(m_lab->ipIn(m_a,
        {QStringLiteral("addr"), QStringLiteral("add"), QStringLiteral("172.17.0.1/16"),
            QStringLiteral("dev"), QStringLiteral("docker0")}));
    QVERIFY(m_lab->ipIn(m_a,
        {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("docker0"),
            QStringLiteral("up")}));
    const QString out = m_lab->runFerry(m_a,
        {QStringLiteral("discover"), QStringLiteral("--diagnose"), QStringLiteral("--wait"),
            QStringLiteral("0.5")});
    QVERIFY2(out.contains(QStringLiteral("docker0  172.17.0.1/16  skipped: its name matches "
                                         "docker*")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("eth0  10.213.0.1/24  used, joined the group")),
        qPrintable(out));
    QVERIFY(m_lab->ipIn(
        m_a, {QStringLiteral("link"), QStringLiteral("del"), QStringLiteral("docker0")}));
}

void tst_Discovery::floodStaysBounded()
{
    QProcess *watch
        = m_lab->startFerry(m_a, {QStringLiteral("discover"), QStringLiteral("--watch")},
            {QStringLiteral("FERRY_DISCOVERY_EXPIRY_MS=2000")}, QStringLiteral("wa"));
    QVERIFY(watch->waitForStarted());
    QTest::qWait(500);
    const qint64 before = rssKb(watch->processId());
    QVERIFY(before > 0);
    // 100,000 datagrams to the group and to A: well-formed ones with random ids and names,
    // oversized ones, random bytes, and bad lengths.
    const QString script = QStringLiteral(R"(
import os, random, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 1)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.213.0.2"))
targets = [("224.0.0.196", 6669), ("10.213.0.1", 6669)]
for i in range(100000):
    k = i % 4
    if k == 0:
        name = os.urandom(random.randint(1, 30)).hex()[:random.randint(1, 60)]
        d = b"FRYD" + bytes([1, 1, 0]) + os.urandom(16) + struct.pack(">H", random.randint(1, 65535)) + bytes([len(name)]) + name.encode()
    elif k == 1:
        d = b"FRYD" + bytes([1, 1, 0]) + os.urandom(16) + b"\x1a\x2d\xff" + os.urandom(1400)
    elif k == 2:
        d = os.urandom(random.randint(0, 600))
    else:
        d = b"FRYD" + bytes([1, random.randint(0, 9), random.randint(0, 255)]) + os.urandom(random.randint(0, 100))
    try:
        s.sendto(d, targets[(i // 4) % 2])
    except OSError:
        pass
)");
    QByteArray ignored;
    QVERIFY(
        m_lab->execIn(m_b, QStringLiteral("python3"), {QStringLiteral("-c"), script}, &ignored));
    QVERIFY2(watch->state() == QProcess::Running, "the flood crashed ferry discover");
    QString buffer;
    const auto addedCount = [&] {
        const QStringList lines = watchLines(watch, &buffer);
        return std::count_if(lines.begin(), lines.end(),
            [](const QString &l) { return l.startsWith(QLatin1String("added\t")); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(addedCount() > 0, 10000);
    QTest::qWait(1000); // Whatever was still queued is read.
    // Peers expire after 2 s here, so more than 256 come and go; never more at once.
    int listed = 0;
    int most = 0;
    for (const QString &l : watchLines(watch, &buffer)) {
        listed += l.startsWith(QLatin1String("added\t")) ? 1 : 0;
        listed -= l.startsWith(QLatin1String("removed\t")) ? 1 : 0;
        most = qMax(most, listed);
    }
    QVERIFY2(most <= 256, qPrintable(QString::number(most)));
    QVERIFY(most > 0);
    const qint64 after = rssKb(watch->processId());
    QVERIFY2(after - before < 20 * 1024,
        qPrintable(QStringLiteral("%1 -> %2 kB").arg(before).arg(after)));
    // Once the made-up peers expire, a real share still gets through.
    QProcess *beta = serve(m_b, QStringLiteral("beta"));
    QTRY_VERIFY_WITH_TIMEOUT(
        hasLine(watchLines(watch, &buffer), QStringLiteral("added\tbeta")), 20000);
    beta->terminate();
    beta->waitForFinished();
    watch->terminate();
    watch->waitForFinished();
}

// A typed address with nobody behind it: the kernel answers EHOSTUNREACH (no neighbour on
// the link, or an unreachable route, as here), which a person should read as "no answer",
// not as a network error with a socket message.
void tst_Discovery::unreachableAddressSaysNoAnswer()
{
    QVERIFY(m_lab->ipIn(m_a,
        {QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("unreachable"),
            QStringLiteral("198.51.100.77/32")}));
    QProcess *list = m_lab->startFerry(m_a,
        {QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("198.51.100.77:7000"),
            QStringLiteral("--plaintext")});
    QVERIFY(list->waitForFinished(20000));
    const QString err = QString::fromLocal8Bit(list->readAllStandardError());
    QCOMPARE(list->exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("no answer from 198.51.100.77:7000")), qPrintable(err));
    QVERIFY2(!err.contains(QStringLiteral("network error")), qPrintable(err));
}

QTEST_GUILESS_MAIN(tst_Discovery)
#include "tst_discovery.moc"
