#include "hostport.h"

#include <QTest>

using namespace ferry;

class tst_HostPort : public QObject
{
    Q_OBJECT
private slots:
    void split_data();
    void split();
};

void tst_HostPort::split_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("name") << QStringLiteral("nas.local") << true << QStringLiteral("nas.local")
                          << 6669;
    QTest::newRow("v4 and port") << QStringLiteral(" 192.168.1.5:7000 ") << true
                                 << QStringLiteral("192.168.1.5") << 7000;
    QTest::newRow("bare v6") << QStringLiteral("fd00::2") << true << QStringLiteral("fd00::2")
                             << 6669;
    QTest::newRow("bracketed v6") << QStringLiteral("[fd00::2]:6670") << true
                                  << QStringLiteral("fd00::2") << 6670;
    QTest::newRow("v6 loopback and port")
        << QStringLiteral("[::1]:7100") << true << QStringLiteral("::1") << 7100;
    QTest::newRow("bracketed v6 alone")
        << QStringLiteral("[::1]") << true << QStringLiteral("::1") << 6669;
    QTest::newRow("colon, no port") << QStringLiteral("host:") << false << QString() << 6669;
    QTest::newRow("bracket, colon, no port")
        << QStringLiteral("[::1]:") << false << QString() << 6669;
    QTest::newRow("unclosed bracket") << QStringLiteral("[::1") << false << QString() << 6669;
    QTest::newRow("port zero") << QStringLiteral("host:0") << false << QString() << 6669;
    QTest::newRow("bad port") << QStringLiteral("host:99999") << false << QString() << 6669;
    QTest::newRow("junk after bracket") << QStringLiteral("[::1]x") << false << QString() << 6669;
    QTest::newRow("url") << QStringLiteral("http://192.168.1.5:6669") << false << QString() << 6669;
    QTest::newRow("url, no port") << QStringLiteral("ferry://nas.local") << false << QString()
                                  << 6669;
    QTest::newRow("empty") << QString() << false << QString() << 6669;
}

void tst_HostPort::split()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, host);
    QFETCH(int, port);
    QString gotHost;
    quint16 gotPort = 6669;
    QCOMPARE(HostPort::split(text, &gotHost, &gotPort), ok);
    QCOMPARE(gotHost, host);
    QCOMPARE(int(gotPort), port);
}

QTEST_GUILESS_MAIN(tst_HostPort)
#include "tst_hostport.moc"
