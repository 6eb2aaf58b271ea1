// The Nearby list and "Can't see a share?" in the client tab, on the offscreen platform. The
// share runs as `ferry serve` in a network namespace; this process's discovery reaches it
// through a veth from the root namespace to the namespaces' bridge. Needs root and iproute2.

#include "clienttab.h"
#include "diagnosisdialog.h"
#include "nearbypanel.h"
#include "netnslab.h"
#include "remotelistmodel.h"
#include "servertab.h"
#include "tls/identity.h"
#include "tls/truststore.h"

#include <algorithm>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTest>
#include <QTreeWidget>

using namespace ferry;
using ferry::test::NetnsLab;

namespace {
/// Whether an icon draws anything: rows without the lock keep a blank one for alignment.
bool drawsSomething(const QIcon &icon)
{
    const QImage image = icon.pixmap(16, 16).toImage();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qAlpha(image.pixel(x, y)) > 0)
                return true;
        }
    }
    return false;
}
} // namespace

class tst_Nearby : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void trustedDeviceShowsALock();
    void nearbyShareIsListedAndAClickListsItsFiles();
    void diagnosisShowsTheInterface();
    void visibleSwitchAnnouncesTheShare();
    void renamedDeviceIsAnnouncedUnderItsNewName();
    void floodKeepsTheListBounded();

private:
    void trustAlpha();

    std::unique_ptr<NetnsLab> m_lab;
    QByteArray m_alphaFingerprint;
    QString m_link;
    QString m_a;
    QTemporaryDir m_share;
};

void tst_Nearby::initTestCase()
{
    const QString reason = NetnsLab::unavailableReason();
    if (!reason.isEmpty())
        QSKIP(qPrintable(reason));
    m_lab = std::make_unique<NetnsLab>();
    QVERIFY(m_lab->ok());
    m_a = m_lab->addHost(QStringLiteral("a"), 1);
    const QString &a = m_a;
    m_link = m_lab->addRootLink(254);
    QVERIFY(m_lab->ok());
    QFile f(m_share.filePath(QStringLiteral("hello.txt")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("hello\n");
    f.close();
    // A port of its own, on the test's link only: nothing reaches the machine's real networks.
    const QString port = QStringLiteral("FERRY_DISCOVERY_PORT=16669");
    qputenv("FERRY_DISCOVERY_PORT", "16669");
    qputenv("FERRY_DISCOVERY_ONLY", m_link.toUtf8());
    qputenv("FERRY_DISCOVERY_BURST_MS", "50,200");
    qputenv("FERRY_DISCOVERY_INTERVAL_MS", "500");
    QProcess *serve = m_lab->startFerry(a,
        {QStringLiteral("serve"), m_share.path(), QStringLiteral("--name"),
            QStringLiteral("alpha")},
        {port});
    QVERIFY(serve->waitForStarted());
    // alpha is a device of its own (its own data folder): its fingerprint is in its banner.
    QString banner;
    QVERIFY(QTest::qWaitFor(
        [&] {
            banner += QString::fromUtf8(serve->readAllStandardOutput());
            return banner.contains(QLatin1String("Press Ctrl+C"));
        },
        15000));
    const auto m = QRegularExpression(QStringLiteral("fingerprint: ([0-9a-f]{64})")).match(banner);
    QVERIFY2(m.hasMatch(), qPrintable(banner));
    m_alphaFingerprint = QByteArray::fromHex(m.captured(1).toLatin1());
}

void tst_Nearby::trustAlpha()
{
    // What "Trust" in the first-contact dialog saves.
    QVERIFY(TrustStore(Identity::dataDir())
                .trust({m_alphaFingerprint, QStringLiteral("alpha"),
                    QStringLiteral("10.213.0.1:6669")}));
}

void tst_Nearby::trustedDeviceShowsALock()
{
    ClientTab tab;
    tab.resize(900, 700);
    tab.show();
    NearbyPanel *panel = tab.nearbyPanel();
    QTreeWidget *nearby = panel->view();
    QTRY_VERIFY_WITH_TIMEOUT(nearby->topLevelItemCount() == 1, 15000);
    QCOMPARE(nearby->topLevelItem(0)->text(NearbyPanel::NameColumn), QStringLiteral("alpha"));
    // Never met: no lock.
    QVERIFY(!panel->isTrusted(0));
    QVERIFY(!drawsSomething(nearby->topLevelItem(0)->icon(NearbyPanel::NameColumn)));
    QVERIFY(
        nearby->topLevelItem(0)->data(NearbyPanel::NameColumn, Qt::AccessibleTextRole).isNull());

    // Trusted on first contact: the row gets its lock by itself, since alpha announces the
    // start of the fingerprint the trust store holds.
    trustAlpha();
    QTRY_VERIFY(panel->isTrusted(0));
    const QTreeWidgetItem *item = nearby->topLevelItem(0);
    QVERIFY(drawsSomething(item->icon(NearbyPanel::NameColumn)));
    QCOMPARE(item->data(NearbyPanel::NameColumn, Qt::AccessibleTextRole).toString(),
        QStringLiteral("alpha, trusted, encrypted"));
    QVERIFY2(item->toolTip(NearbyPanel::NameColumn).contains(QStringLiteral("trusted")),
        qPrintable(item->toolTip(NearbyPanel::NameColumn)));

    // Forgotten in Devices: the lock goes.
    QCOMPARE(
        TrustStore(Identity::dataDir()).forget(QString::fromLatin1(m_alphaFingerprint.toHex())), 1);
    QTRY_VERIFY(!panel->isTrusted(0));
    QVERIFY(!drawsSomething(nearby->topLevelItem(0)->icon(NearbyPanel::NameColumn)));
}

void tst_Nearby::cleanupTestCase()
{
    m_lab.reset();
}

void tst_Nearby::nearbyShareIsListedAndAClickListsItsFiles()
{
    trustAlpha(); // No first-contact dialog: that has its own test in tst_clienttab.
    ClientTab tab;
    tab.resize(900, 700);
    tab.show();
    QTreeWidget *nearby = tab.nearbyPanel()->view();
    QTRY_VERIFY_WITH_TIMEOUT(nearby->topLevelItemCount() == 1, 15000);
    QTreeWidgetItem *item = nearby->topLevelItem(0);
    QCOMPARE(item->text(NearbyPanel::NameColumn), QStringLiteral("alpha"));
    QCOMPARE(item->text(NearbyPanel::AddressColumn), QStringLiteral("10.213.0.1"));
    QVERIFY(item->text(NearbyPanel::PasswordColumn).isEmpty());

    QTest::mouseClick(
        nearby->viewport(), Qt::LeftButton, {}, nearby->visualItemRect(item).center());
    auto *host = tab.findChild<QComboBox *>(QStringLiteral("host"));
    QCOMPARE(host->currentText(), QStringLiteral("10.213.0.1"));
    QTRY_VERIFY_WITH_TIMEOUT(tab.listModel()->rowCount() == 1, 10000);
    QCOMPARE(tab.listModel()->names(), QStringList {QStringLiteral("hello.txt")});
}

void tst_Nearby::diagnosisShowsTheInterface()
{
    ClientTab tab;
    tab.show();
    tab.findChild<QPushButton *>(QStringLiteral("cantSeeShare"))->click();
    auto *dialog = tab.findChild<DiagnosisDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *report = dialog->findChild<QPlainTextEdit *>(QStringLiteral("diagnosisReport"));
    QTRY_VERIFY(report->toPlainText().contains(
        m_link + QStringLiteral("  10.213.0.254/24  used, joined the group")));
    // The share in the namespace has been heard on it.
    QVERIFY(!report->toPlainText().contains(QStringLiteral("heard 0")));
    QVERIFY(report->toPlainText().contains(QStringLiteral("sudo ufw allow 16669/udp")));
    // Scan my network ends by saying it ended, not "Scanning: N of N".
    auto *scan = dialog->findChild<QPushButton *>(QStringLiteral("scanNetwork"));
    QVERIFY(scan);
    scan->click();
    QTRY_VERIFY_WITH_TIMEOUT(scan->isEnabled(), 30000);
    const QList<QLabel *> labels = dialog->findChildren<QLabel *>();
    const auto says = [&labels](const QString &text) {
        return std::any_of(labels.cbegin(), labels.cend(),
            [&text](const QLabel *l) { return l->text().startsWith(text); });
    };
    QVERIFY(says(QStringLiteral("Scan finished:")));
    QVERIFY(!says(QStringLiteral("Scanning:")));
    dialog->close();
}

void tst_Nearby::visibleSwitchAnnouncesTheShare()
{
    ServerTab tab;
    tab.setFolder(m_share.path());
    tab.setPort(0);
    auto *visible = tab.findChild<QCheckBox *>(QStringLiteral("visibleOnNetwork"));
    QVERIFY(visible);
    QVERIFY(visible->isChecked()); // On by default.
    QVERIFY(tab.start());
    const QString line = QStringLiteral("\t10.213.0.254\t%1\t").arg(tab.listeningPort());
    const QStringList env {QStringLiteral("FERRY_DISCOVERY_PORT=16669")};
    // Run with this event loop spinning, so the tab's discovery can answer.
    const auto run = [this](const QStringList &args, const QStringList &extra) {
        QProcess p;
        p.setProcessEnvironment(m_lab->ferryEnvironment(m_a, extra));
        p.start(QStringLiteral("ip"),
            QStringList {QStringLiteral("netns"), QStringLiteral("exec"), m_a, NetnsLab::ferryBin()}
                + args);
        if (!QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000))
            p.kill();
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    const QString seen = run({QStringLiteral("discover")}, env);
    QVERIFY2(seen.contains(line), qPrintable(seen));

    // Switched off: a goodbye, nothing more announced; the address still works.
    visible->setChecked(false);
    const QString hidden = run({QStringLiteral("discover")}, env);
    QVERIFY2(!hidden.contains(line), qPrintable(hidden));
    const QString listed
        = run({QStringLiteral("list"), QStringLiteral("--host"), QStringLiteral("10.213.0.254"),
                  QStringLiteral("--port"), QString::number(tab.listeningPort()),
                  QStringLiteral("--trust-new")},
            {});
    QVERIFY2(listed.contains(QStringLiteral("hello.txt")), qPrintable(listed));
    visible->setChecked(true);
    tab.stop();
}

void tst_Nearby::renamedDeviceIsAnnouncedUnderItsNewName()
{
    ServerTab tab;
    tab.setFolder(m_share.path());
    tab.setPort(0);
    tab.show();
    QVERIFY(tab.start());
    auto *name = tab.findChild<QLineEdit *>(QStringLiteral("deviceName"));
    auto *visible = tab.findChild<QCheckBox *>(QStringLiteral("visibleOnNetwork"));
    QVERIFY(name);
    QVERIFY(visible);
    // One name: typed in the server tab, it is the switch's, the one first contact shows
    // (the identity's), and the one announced, at once, while the share runs.
    name->setFocus();
    name->setText(QStringLiteral("study-pc"));
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(visible->text().remove(QLatin1Char('&')),
        QStringLiteral("Visible on the network as study-pc"));
    Identity::Status status;
    QCOMPARE(Identity::load(Identity::dataDir(), &status).name(), QStringLiteral("study-pc"));
    const QString line = QStringLiteral("study-pc\t10.213.0.254\t%1\t").arg(tab.listeningPort());
    QProcess p;
    p.setProcessEnvironment(
        m_lab->ferryEnvironment(m_a, {QStringLiteral("FERRY_DISCOVERY_PORT=16669")}));
    p.start(QStringLiteral("ip"),
        {QStringLiteral("netns"), QStringLiteral("exec"), m_a, NetnsLab::ferryBin(),
            QStringLiteral("discover")});
    QVERIFY(QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, 30000));
    const QString seen = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(seen.contains(line), qPrintable(seen));
    tab.stop();
}

void tst_Nearby::floodKeepsTheListBounded()
{
    trustAlpha();
    ClientTab tab;
    tab.show();
    QTreeWidget *nearby = tab.nearbyPanel()->view();
    QTRY_VERIFY_WITH_TIMEOUT(nearby->topLevelItemCount() == 1, 15000);
    // 100,000 announcements with made-up ids, sent while the window's event loop runs.
    QProcess flood;
    flood.start(QStringLiteral("ip"),
        {QStringLiteral("netns"), QStringLiteral("exec"), m_a, QStringLiteral("python3"),
            QStringLiteral("-c"), QStringLiteral(R"(
import os, socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("10.213.0.1"))
for i in range(100000):
    name = ("spoof%d" % i).encode()
    d = b"FRYD" + bytes([1, 1, 0]) + os.urandom(16) + struct.pack(">H", 6669) + bytes([len(name)]) + name
    try:
        s.sendto(d, ("224.0.0.196", 16669))
    except OSError:
        pass
)")});
    QVERIFY(flood.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(flood.state() == QProcess::NotRunning, 120000);
    QCOMPARE(flood.exitCode(), 0);
    QTest::qWait(500); // The last rebuild of the list.
    // The table holds 256: alpha (heard first) and 255 made-up ones at most.
    QVERIFY2(nearby->topLevelItemCount() <= 256,
        qPrintable(QString::number(nearby->topLevelItemCount())));
    QVERIFY(nearby->topLevelItemCount() > 1);
    const auto alpha = nearby->findItems(QStringLiteral("alpha"), Qt::MatchExactly);
    QCOMPARE(alpha.size(), 1);
    // The window still works: a click on the real share lists its files.
    nearby->scrollToItem(alpha.first());
    QTest::mouseClick(
        nearby->viewport(), Qt::LeftButton, {}, nearby->visualItemRect(alpha.first()).center());
    QTRY_VERIFY_WITH_TIMEOUT(tab.listModel()->rowCount() == 1, 10000);
}

QTEST_MAIN(tst_Nearby)
#include "tst_nearby.moc"
