// Reading firewall rules for "Can't see a share?": pure parsers over the text nft and
// iptables print, so the verdict is tested without root or a firewall.

#include "discovery/firewall.h"

#include <QtTest>

using namespace ferry::discovery;

class tst_Firewall : public QObject
{
    Q_OBJECT
private slots:
    void nft_data();
    void nft();
    void iptables_data();
    void iptables();
};

void tst_Firewall::nft_data()
{
    QTest::addColumn<QString>("ruleset");
    QTest::addColumn<bool>("blocks");
    const QString head = QStringLiteral("table inet filter {\n\tchain input {\n");
    const QString tail = QStringLiteral("\t}\n}\n");
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("accept policy") << head
            + QStringLiteral("\t\ttype filter hook input priority filter; policy accept;\n")
            + tail << false;
    QTest::newRow("drop policy, port open") << head
            + QStringLiteral("\t\ttype filter hook input priority filter; policy drop;\n"
                             "\t\tudp dport 6669 accept\n\t\ttcp dport 6669 accept\n")
            + tail << false;
    QTest::newRow("drop policy, only ssh") << head
            + QStringLiteral("\t\ttype filter hook input priority filter; policy drop;\n"
                             "\t\ttcp dport 22 accept\n")
            + tail << true;
    QTest::newRow("all udp dropped") << head
            + QStringLiteral("\t\ttype filter hook input priority 0; policy accept;\n"
                             "\t\tmeta l4proto udp drop\n")
            + tail << true;
    QTest::newRow("another port dropped") << head
            + QStringLiteral("\t\ttype filter hook input priority 0; policy accept;\n"
                             "\t\ttcp dport 25 drop\n")
            + tail << false;
    QTest::newRow("invalid packets dropped") << head
            + QStringLiteral("\t\ttype filter hook input priority 0; policy accept;\n"
                             "\t\tct state invalid drop\n")
            + tail << false;
    QTest::newRow("output chain only") << QStringLiteral(
        "table inet f {\n\tchain out {\n\t\ttype filter hook output priority 0; policy "
        "drop;\n\t}\n}\n") << false;
}

void tst_Firewall::nft()
{
    QFETCH(QString, ruleset);
    QFETCH(bool, blocks);
    QCOMPARE(!nftBlockingLines(ruleset, 6669).isEmpty(), blocks);
}

void tst_Firewall::iptables_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<bool>("blocks");
    QTest::newRow("open") << QStringLiteral("-P INPUT ACCEPT\n-P FORWARD ACCEPT\n") << false;
    QTest::newRow("drop policy") << QStringLiteral("-P INPUT DROP\n-A INPUT -p tcp --dport 22 "
                                                   "-j ACCEPT\n")
                                 << true;
    QTest::newRow("drop policy, port open")
        << QStringLiteral("-P INPUT DROP\n-A INPUT -p udp --dport 6669 -j ACCEPT\n") << false;
    QTest::newRow("udp rejected") << QStringLiteral("-P INPUT ACCEPT\n-A INPUT -p udp -j REJECT\n")
                                  << true;
}

void tst_Firewall::iptables()
{
    QFETCH(QString, rules);
    QFETCH(bool, blocks);
    QCOMPARE(!iptablesBlockingLines(rules, 6669).isEmpty(), blocks);
}

QTEST_GUILESS_MAIN(tst_Firewall)
#include "tst_firewall.moc"
