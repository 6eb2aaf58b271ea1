#include "logmodel.h"

#include <QTest>

using namespace ferry;

class tst_LogModel : public QObject
{
    Q_OBJECT
private slots:
    void keepsOnlyTheNewestRows();
    void rendersResults_data();
    void rendersResults();
    void csvQuotesCells();
};

static ServerEvent makeEvent(
    ServerEvent::Kind kind, const QString &name, qint64 bytes = 0, ErrorCode code = ErrorCode::None)
{
    ServerEvent e;
    e.time = QDateTime::currentDateTimeUtc();
    e.peer = QStringLiteral("127.0.0.1:5000");
    e.kind = kind;
    e.name = name;
    e.bytes = bytes;
    e.code = code;
    e.detail = name;
    return e;
}

void tst_LogModel::keepsOnlyTheNewestRows()
{
    LogModel model;
    model.setLimit(5);
    for (int i = 0; i < 8; ++i)
        model.append(makeEvent(ServerEvent::Kind::Requested, QString::number(i)));
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, LogModel::RequestColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(model.index(4, LogModel::RequestColumn).data().toString(), QStringLiteral("7"));
    QCOMPARE(LogModel().limit(), 10000);
}

void tst_LogModel::rendersResults_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("result");
    QTest::newRow("sent") << int(ServerEvent::Kind::Sent) << 0
                          << QStringLiteral("done, verified sent");
    QTest::newRow("refused") << int(ServerEvent::Kind::Refused) << int(ErrorCode::NotFound)
                             << QStringLiteral("refused: The server has no file named \"f\".");
    QTest::newRow("failed") << int(ServerEvent::Kind::Failed) << int(ErrorCode::Timeout)
                            << QStringLiteral("error: The connection timed out: f");
    QTest::newRow("wrong password") << int(ServerEvent::Kind::Refused) << int(ErrorCode::AuthFailed)
                                    << QStringLiteral("refused: wrong password");
    QTest::newRow("aborted by stop") << int(ServerEvent::Kind::Aborted) << int(ErrorCode::Cancelled)
                                     << QStringLiteral("aborted: sharing was stopped");
    QTest::newRow("aborted by client")
        << int(ServerEvent::Kind::Aborted) << int(ErrorCode::ConnectionLost)
        << QStringLiteral("aborted: the client disconnected");
}

void tst_LogModel::rendersResults()
{
    QFETCH(int, kind);
    QFETCH(int, code);
    QFETCH(QString, result);
    LogModel model;
    model.append(makeEvent(ServerEvent::Kind(kind), QStringLiteral("f"), 10, ErrorCode(code)));
    QCOMPARE(model.index(0, LogModel::ResultColumn).data().toString(), result);
}

void tst_LogModel::csvQuotesCells()
{
    LogModel model;
    model.append(makeEvent(ServerEvent::Kind::Requested, QStringLiteral("a \"b\", c")));
    const QString csv = model.toCsv();
    QVERIFY(
        csv.startsWith(QStringLiteral("\"Time\",\"Peer\",\"Request\",\"Bytes\",\"Result\"\r\n")));
    QVERIFY2(csv.contains(QStringLiteral("\"a \"\"b\"\", c\"")), qPrintable(csv));
    QCOMPARE(model.toText().count(QLatin1Char('\n')), 1);
}

QTEST_GUILESS_MAIN(tst_LogModel)
#include "tst_logmodel.moc"
