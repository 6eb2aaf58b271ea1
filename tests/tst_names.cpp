#include "protocol/names.h"

#include <QTest>

using namespace ferry;

class tst_Names : public QObject
{
    Q_OBJECT
private slots:
    void relativeNames_data();
    void relativeNames();
    void localNames_data();
    void localNames();
    void printableEscapesControls();
};

void tst_Names::relativeNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("report.pdf") << true;
    QTest::newRow("subfolder") << QStringLiteral("photos/a.jpg") << true;
    QTest::newRow("dotfile") << QStringLiteral(".bashrc") << true;
    QTest::newRow("dots inside") << QStringLiteral("a..b") << true;
    QTest::newRow("chinese") << QStringLiteral("\u6587\u4ef6.txt") << true;
    QTest::newRow("emoji") << QStringLiteral("\U0001F600.txt") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("dot") << QStringLiteral(".") << false;
    QTest::newRow("dotdot") << QStringLiteral("..") << false;
    QTest::newRow("a/../..") << QStringLiteral("a/../..") << false;
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << false;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << false;
    QTest::newRow("drive") << QStringLiteral("C:\\x") << false;
    QTest::newRow("unc") << QStringLiteral("\\\\?\\C:\\x") << false;
    QTest::newRow("empty component") << QStringLiteral("a//b") << false;
    QTest::newRow("trailing slash") << QStringLiteral("a/") << false;
    QTest::newRow("dot component") << QStringLiteral("./a") << false;
    QTest::newRow("nul") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << false;
    QTest::newRow("newline") << QStringLiteral("a\nb") << false;
    QTest::newRow("ansi") << QStringLiteral("\x1b[31mred") << false;
    QTest::newRow("del") << QStringLiteral("a\x7f") << false;
    QTest::newRow("c1 control") << QStringLiteral("a\u009b") << false;
    QTest::newRow("bidi override") << QStringLiteral("a\u202etxt.exe") << false;
    QTest::newRow("long component") << QString(256, QLatin1Char('a')) << false;
    QTest::newRow("255 component") << QString(255, QLatin1Char('a')) << true;
    QTest::newRow("long name") << QString(4097, QLatin1Char('a')) << false;
}

void tst_Names::relativeNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidRelativeName(name), valid);
}

void tst_Names::localNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("safe");
    QTest::newRow("plain") << QStringLiteral("photos/a.jpg") << true;
    QTest::newRow("CON") << QStringLiteral("CON") << false;
    QTest::newRow("nul.txt") << QStringLiteral("dir/nul.txt") << false;
    QTest::newRow("COM1") << QStringLiteral("com1.log") << false;
    QTest::newRow("COM10 is fine") << QStringLiteral("COM10") << true;
    QTest::newRow("console is fine") << QStringLiteral("console.txt") << true;
    QTest::newRow("trailing dot") << QStringLiteral("a.") << false;
    QTest::newRow("trailing space") << QStringLiteral("dir /a") << false;
    QTest::newRow("colon stream") << QStringLiteral("a.txt:zone") << false;
    QTest::newRow("dotdot") << QStringLiteral("../x") << false;
}

void tst_Names::localNames()
{
    QFETCH(QString, name);
    QFETCH(bool, safe);
    QCOMPARE(isSafeLocalName(name), safe);
}

void tst_Names::printableEscapesControls()
{
    const QString shown = printableName(QStringLiteral("\x1b[2Jx\ny"));
    QVERIFY(!shown.contains(QChar(0x1b)));
    QVERIFY(!shown.contains(QLatin1Char('\n')));
    QCOMPARE(shown, QStringLiteral("\\x1b[2Jx\\x0ay"));
    QCOMPARE(printableName(QStringLiteral("\u6587.txt")), QStringLiteral("\u6587.txt"));
}

QTEST_APPLESS_MAIN(tst_Names)
#include "tst_names.moc"
