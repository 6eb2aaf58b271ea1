#include "errortext.h"

#include <QMetaEnum>
#include <QTest>

using namespace ferry;

class tst_ErrorText : public QObject
{
    Q_OBJECT
private slots:
    void everyCodeHasASentence_data();
    void everyCodeHasASentence();
    void detailIsInserted();
    void emptyDetailLeavesNoPlaceholder();
    void timeoutNamesTheWaitNotANumber_data();
    void timeoutNamesTheWaitNotANumber();
    void silenceIsNotCalledAWrongProgram_data();
    void silenceIsNotCalledAWrongProgram();
};

void tst_ErrorText::everyCodeHasASentence_data()
{
    QTest::addColumn<int>("code");
    const QList<int> codes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 100, 101, 102, 103, 104, 105,
        106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 199};
    for (int code : codes)
        QTest::addRow("%d", code) << code;
}

void tst_ErrorText::everyCodeHasASentence()
{
    QFETCH(int, code);
    const QString text = ErrorText::describe({ErrorCode(code), QStringLiteral("x")});
    QVERIFY(!text.isEmpty());
    QVERIFY2(!text.startsWith(QStringLiteral("Unknown error")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("%1")), qPrintable(text));
}

void tst_ErrorText::detailIsInserted()
{
    const QString text = ErrorText::describe({ErrorCode::NotFound, QStringLiteral("a/b.txt")});
    QCOMPARE(text, QStringLiteral("The server has no file named \"a/b.txt\"."));
}

void tst_ErrorText::emptyDetailLeavesNoPlaceholder()
{
    const QString text = ErrorText::describe({ErrorCode::Timeout, {}});
    QCOMPARE(text, QStringLiteral("The connection timed out."));
}

void tst_ErrorText::timeoutNamesTheWaitNotANumber_data()
{
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("expected");
    QTest::newRow("hello") << QStringLiteral(
        "hello") << QStringLiteral("The connection timed out waiting for the Ferry greeting.");
    QTest::newRow("password") << QStringLiteral(
        "password") << QStringLiteral("The connection timed out waiting for the password.");
    QTest::newRow("request") << QStringLiteral(
        "request") << QStringLiteral("The connection timed out waiting for the next request.");
    QTest::newRow("accept") << QStringLiteral("accept")
                            << QStringLiteral(
                                   "The connection timed out waiting for the file to be accepted.");
    QTest::newRow("sending") << QStringLiteral("sending")
                             << QStringLiteral("The connection timed out sending a file: the other "
                                               "side stopped reading.");
    // What servers before this fix sent: a state number, which means nothing to a person.
    QTest::newRow("old server") << QStringLiteral("2")
                                << QStringLiteral("The connection timed out.");
}

void tst_ErrorText::timeoutNamesTheWaitNotANumber()
{
    QFETCH(QString, detail);
    QFETCH(QString, expected);
    QCOMPARE(ErrorText::describe({ErrorCode::Timeout, detail}), expected);
}

void tst_ErrorText::silenceIsNotCalledAWrongProgram_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no greeting") << int(ErrorCode::NoGreeting)
                                 << QStringLiteral("No Ferry greeting from 192.0.2.2:6669");
    QTest::newRow("no answer") << int(ErrorCode::NoAnswer)
                               << QStringLiteral("No answer from 192.0.2.2:6669. Check the "
                                                 "address, the firewall and the network.");
}

void tst_ErrorText::silenceIsNotCalledAWrongProgram()
{
    QFETCH(int, code);
    QFETCH(QString, expected);
    const QString text = ErrorText::describe({ErrorCode(code), QStringLiteral("192.0.2.2:6669")});
    QVERIFY2(text.startsWith(expected), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("not a Ferry server")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("stopped answering")), qPrintable(text));
}

QTEST_GUILESS_MAIN(tst_ErrorText)
#include "tst_errortext.moc"
