#include "transfermodel.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace ferry;

class tst_TransferModel : public QObject
{
    Q_OBJECT
private slots:
    void progressIsScaledBeyond2GiB();
    void md5CellShowsTheVerdict();
    void progressIsCoalesced();
    void timeLeftWaitsForAnEstimate();
    void folderRowAddsUpItsFiles();
    void folderRowOpensAndCloses();
    void clearFinishedKeepsARunningFolder();
    void folderVerdictNamesAtMostThreeFiles();
    void editsMoveARow_data();
    void editsMoveARow();
    void finishedOutcomeSetsTheState_data();
    void finishedOutcomeSetsTheState();
    void updatesOfAnOlderAttemptAreDropped();
    void reconnectingShowsOnTheFolder();
    void folderFilledInParts_data();
    void folderFilledInParts();
};

namespace {

QList<Transfer> folderFiles(int count, qint64 size)
{
    QList<Transfer> files;
    for (int i = 0; i < count; ++i) {
        Transfer t;
        t.remoteName = QStringLiteral("album/f%1.jpg").arg(i);
        t.total = size;
        files << t;
    }
    return files;
}

Transfer folderRow()
{
    Transfer folder;
    folder.remoteName = QStringLiteral("album");
    return folder;
}

} // namespace

void tst_TransferModel::progressIsScaledBeyond2GiB()
{
    TransferModel model;
    Transfer t;
    t.remoteName = QStringLiteral("huge.iso");
    t.state = Transfer::State::Running;
    const quint64 id = model.add(t);
    model.setProgress(id, qint64(3) << 30, qint64(5) << 30);
    const QModelIndex cell = model.index(0, TransferModel::ProgressColumn);
    QCOMPARE(cell.data(TransferModel::PermilleRole).toInt(), 600);
}

void tst_TransferModel::md5CellShowsTheVerdict()
{
    TransferModel model;
    Transfer t;
    t.state = Transfer::State::Verified;
    t.localMd5 = "0123456789abcdef0123456789abcdef";
    model.add(t);
    t.state = Transfer::State::Mismatch;
    model.add(t);
    const QString ok = model.index(0, TransferModel::Md5Column).data().toString();
    QVERIFY(ok.contains(QStringLiteral("0123456789abcdef0123456789abcdef")));
    QVERIFY(ok.contains(QChar(0x2713)));
    QVERIFY(ok.contains(QStringLiteral("verified")));
    const QString bad = model.index(1, TransferModel::Md5Column).data().toString();
    QVERIFY(bad.contains(QChar(0x2717)));
    QVERIFY(bad.contains(QStringLiteral("MISMATCH")));
}

void tst_TransferModel::progressIsCoalesced()
{
    TransferModel model;
    Transfer t;
    t.state = Transfer::State::Running;
    const quint64 id = model.add(t);
    int changes = 0;
    connect(&model, &QAbstractItemModel::dataChanged, this, [&changes] { ++changes; });
    for (int i = 1; i <= 500; ++i)
        model.setProgress(id, i, 500);
    QCOMPARE(changes, 0);
    QTRY_COMPARE(changes, 1);
    QCOMPARE(model.index(0, TransferModel::ProgressColumn).data(TransferModel::PermilleRole),
        QVariant(1000));
}

void tst_TransferModel::timeLeftWaitsForAnEstimate()
{
    TransferModel model;
    Transfer t;
    t.state = Transfer::State::Running;
    const quint64 id = model.add(t);
    const qint64 total = qint64(300) << 20;
    qint64 done = qint64(96) << 20; // a resume at 32%
    model.setProgress(id, done, total);
    const QModelIndex eta = model.index(0, TransferModel::EtaColumn);
    QTRY_COMPARE(model.index(0, TransferModel::ProgressColumn).data().toString(),
        QLocale().toString(32) + QLocale().percent());
    QCOMPARE(eta.data().toString(), QString());

    // Steady progress gives an estimate after a few samples; it is never "0:00" while bytes
    // are still to come.
    QString shown;
    while (shown.isEmpty() && done + (qint64(1) << 20) < total) {
        done += qint64(1) << 20;
        model.setProgress(id, done, total);
        QTest::qWait(60);
        shown = eta.data().toString();
    }
    QVERIFY(!shown.isEmpty());
    QVERIFY2(shown != QStringLiteral("0:00"), qPrintable(shown));
}

void tst_TransferModel::folderRowAddsUpItsFiles()
{
    TransferModel model;
    const quint64 folder = model.addFolder(folderRow(), folderFiles(1234, 1000));
    QCOMPARE(model.rowCount(), 1);
    const QList<quint64> files = model.filesOf(folder);
    QCOMPARE(files.size(), 1234);
    QCOMPARE(
        model.index(0, TransferModel::StateColumn).data().toString(), QStringLiteral("Queued"));

    // Two files running, one half done: the folder is downloading, 1,500 of 1,234,000 bytes.
    for (int i = 0; i < 2; ++i) {
        model.markRequested(files[i]);
        model.markStarted(files[i], 1000, 0);
    }
    model.setProgress(files[0], 1000, 1000);
    model.setProgress(files[1], 500, 1000);
    QCOMPARE(model.index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Downloading"));
    QCOMPARE(model.find(folder)->done, 1500);
    QCOMPARE(model.index(0, TransferModel::ProgressColumn).data(TransferModel::PermilleRole),
        QVariant(1));

    // Every file verified: "1,234 of 1,234 verified", in the locale's digits.
    for (quint64 id : files) {
        if (model.find(id)->state == Transfer::State::Queued)
            model.markRequested(id);
        FileResult verified;
        verified.outcome = FileResult::Outcome::Verified;
        verified.size = 1000;
        model.markFinished(id, verified);
    }
    QVERIFY(!model.isActive(folder));
    QCOMPARE(model.index(0, TransferModel::StateColumn).data().toString(), QStringLiteral("Done"));
    QCOMPARE(model.index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2713))
            + QStringLiteral(" %1 of %1 verified").arg(QLocale().toString(1234)));
    QCOMPARE(model.index(0, TransferModel::ProgressColumn).data(TransferModel::PermilleRole),
        QVariant(1000));
}

void tst_TransferModel::folderRowOpensAndCloses()
{
    TransferModel model;
    Transfer single;
    single.remoteName = QStringLiteral("before.txt");
    model.add(single);
    const quint64 folder = model.addFolder(folderRow(), folderFiles(3, 10));
    model.add(single);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(1, TransferModel::NameColumn).data().toString(),
        QString(QChar(0x25B8)) + QStringLiteral(" album/"));

    model.setExpanded(folder, true);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.index(1, TransferModel::NameColumn).data().toString(),
        QString(QChar(0x25BE)) + QStringLiteral(" album/"));
    QCOMPARE(model.index(2, TransferModel::NameColumn).data().toString().trimmed(),
        QStringLiteral("f0.jpg"));
    QCOMPARE(model.index(4, 0).data(TransferModel::ParentRole).toULongLong(), folder);
    QCOMPARE(model.rowOf(model.filesOf(folder).last()), 4);
    QCOMPARE(
        model.index(5, TransferModel::NameColumn).data().toString(), QStringLiteral("before.txt"));

    model.setExpanded(folder, false);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(model.filesOf(folder).first()), -1);
}

void tst_TransferModel::clearFinishedKeepsARunningFolder()
{
    TransferModel model;
    const quint64 running = model.addFolder(folderRow(), folderFiles(2, 10));
    QList<Transfer> done = folderFiles(2, 10);
    for (Transfer &t : done)
        t.state = Transfer::State::Verified;
    const quint64 finished = model.addFolder(folderRow(), done);
    model.setExpanded(running, true);
    model.setExpanded(finished, true);
    QCOMPARE(model.rowCount(), 6);
    model.removeFinished();
    QCOMPARE(model.rowCount(), 3);
    QVERIFY(model.find(running));
    QVERIFY(!model.find(finished));
    QVERIFY(!model.find(finished + 1)); // its files went with it
    QCOMPARE(model.rowOf(model.filesOf(running).last()), 2);
}

void tst_TransferModel::folderVerdictNamesAtMostThreeFiles()
{
    TransferModel model;
    QList<Transfer> files = folderFiles(6, 10);
    for (int i = 0; i < files.size(); ++i)
        files[i].state = i == 0 ? Transfer::State::Verified : Transfer::State::Failed;
    files[2].remoteName = QStringLiteral("album/deep/er/f2.jpg");
    const quint64 folder = model.addFolder(folderRow(), files);
    // (Plural forms come from the English translation, which tst_history loads.)
    QVERIFY(model.index(0, TransferModel::StateColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("5 ")));
    QCOMPARE(model.index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2717)) + QStringLiteral(" 5 failed: f1.jpg, f2.jpg, f3.jpg, 2 more"));
    QVERIFY(model.index(0, TransferModel::Md5Column)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("deep/er/f2.jpg")));
    QVERIFY(!model.isActive(folder));
}

namespace {

/// The named edits, by name, so a table can list them in order.
void edit(TransferModel &model, quint64 id, const QString &step)
{
    if (step == QStringLiteral("request"))
        model.markRequested(id);
    else if (step == QStringLiteral("start"))
        model.markStarted(id, 1000, 200);
    else if (step == QStringLiteral("progress"))
        model.markProgress(id, 600, 1000);
    else if (step == QStringLiteral("drop"))
        model.markReconnecting(id, {ErrorCode::ConnectionLost, {}});
    else if (step == QStringLiteral("back"))
        model.markResumed(id);
    else if (step == QStringLiteral("cancel"))
        model.markEnded(id, Transfer::State::Cancelled, {ErrorCode::Cancelled, {}});
    else if (step == QStringLiteral("fail"))
        model.markEnded(id, Transfer::State::Failed, {ErrorCode::NotFound, {}});
    else if (step == QStringLiteral("queue"))
        model.markQueued(id, true);
    else
        QFAIL(qPrintable(step));
}

} // namespace

void tst_TransferModel::editsMoveARow_data()
{
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QString>("stateText");
    QTest::addColumn<bool>("active");
    QTest::addColumn<int>("endedSignals");
    QTest::addColumn<qint64>("done");
    const auto steps = [](const char *list) {
        return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };
    QTest::newRow("queued") << steps("") << "Queued" << true << 0 << qint64(0);
    QTest::newRow("asked for") << steps("request") << "Connecting" << true << 0 << qint64(0);
    QTest::newRow("started from a .part")
        << steps("request start") << "Resuming" << true << 0 << qint64(200);
    QTest::newRow("progress") << steps("request start progress") << "Resuming" << true << 0
                              << qint64(600);
    QTest::newRow("connection dropped")
        << steps("request start drop") << "Reconnecting" << true << 0 << qint64(200);
    QTest::newRow("connection back")
        << steps("request start drop back") << "Connecting" << true << 0 << qint64(200);
    QTest::newRow("start is not before asking")
        << steps("start") << "Resuming" << true << 0 << qint64(200);
    QTest::newRow("cancelled") << steps("request start cancel") << "Cancelled" << false << 1
                               << qint64(200);
    QTest::newRow("cancelled while queued")
        << steps("cancel") << "Cancelled" << false << 1 << qint64(0);
    QTest::newRow("ends once") << steps("request fail cancel start")
                               << "The server has no such file" << false << 1 << qint64(0);
    QTest::newRow("queued again") << steps("request start fail queue") << "Queued" << true << 1
                                  << qint64(0);
    QTest::newRow("not queued while active")
        << steps("request start queue") << "Resuming" << true << 0 << qint64(200);
}

void tst_TransferModel::editsMoveARow()
{
    QFETCH(QStringList, steps);
    QFETCH(QString, stateText);
    QFETCH(bool, active);
    QFETCH(int, endedSignals);
    QFETCH(qint64, done);
    TransferModel model;
    Transfer t;
    t.remoteName = QStringLiteral("a.bin");
    const quint64 id = model.add(t);
    QSignalSpy ended(&model, &TransferModel::ended);
    for (const QString &step : std::as_const(steps))
        edit(model, id, step);
    QVERIFY2(model.index(0, TransferModel::StateColumn).data().toString().startsWith(stateText),
        qPrintable(model.index(0, TransferModel::StateColumn).data().toString()));
    QCOMPARE(model.isActive(id), active);
    QCOMPARE(ended.size(), endedSignals);
    QCOMPARE(model.find(id)->done, done);
}

void tst_TransferModel::finishedOutcomeSetsTheState_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("code");
    QTest::addColumn<int>("state");
    QTest::addColumn<QString>("md5Text");
    QTest::newRow("verified") << int(FileResult::Outcome::Verified) << int(ErrorCode::None)
                              << int(Transfer::State::Verified)
                              << QString(QChar(0x2713)) + QStringLiteral(" verified  abc");
    QTest::newRow("mismatch") << int(FileResult::Outcome::Mismatch) << int(ErrorCode::Mismatch)
                              << int(Transfer::State::Mismatch) << QString();
    QTest::newRow("failed") << int(FileResult::Outcome::Failed) << int(ErrorCode::NotFound)
                            << int(Transfer::State::Failed) << QString();
    QTest::newRow("cancelled") << int(FileResult::Outcome::Failed) << int(ErrorCode::Cancelled)
                               << int(Transfer::State::Cancelled) << QString();
}

void tst_TransferModel::finishedOutcomeSetsTheState()
{
    QFETCH(int, outcome);
    QFETCH(int, code);
    QFETCH(int, state);
    QFETCH(QString, md5Text);
    TransferModel model;
    Transfer t;
    t.remoteName = QStringLiteral("a.bin");
    const quint64 id = model.add(t);
    model.markRequested(id);
    model.markStarted(id, 3, 0);
    FileResult r;
    r.outcome = FileResult::Outcome(outcome);
    r.failure = {ErrorCode(code), QStringLiteral("a.bin")};
    r.size = 3;
    r.localMd5 = "abc";
    r.remoteMd5 = "abc";
    QSignalSpy ended(&model, &TransferModel::ended);
    model.markFinished(id, r);
    QCOMPARE(int(model.find(id)->state), state);
    QCOMPARE(ended.size(), 1);
    QVERIFY(!model.isActive(id));
    if (!md5Text.isEmpty())
        QVERIFY(model.index(0, TransferModel::Md5Column).data().toString().startsWith(md5Text));
}

void tst_TransferModel::updatesOfAnOlderAttemptAreDropped()
{
    TransferModel model;
    Transfer t;
    t.remoteName = QStringLiteral("a.bin");
    const quint64 id = model.add(t);
    const quint32 first = model.markRequested(id);
    model.markEnded(id, Transfer::State::Cancelled, {ErrorCode::Cancelled, {}});
    QVERIFY(model.markQueued(id, true));
    const quint32 second = model.markRequested(id);
    QVERIFY(second != first);
    // The first attempt's answer arrives late: the row is the second attempt's.
    TransferUpdate late;
    late.id = id;
    late.attempt = first;
    late.kind = TransferUpdate::Kind::Finished;
    late.result.outcome = FileResult::Outcome::Verified;
    model.apply(late);
    QCOMPARE(model.find(id)->state, Transfer::State::Connecting);
    TransferUpdate started {id, second, TransferUpdate::Kind::Started, 10, 100, {}, {}};
    model.apply(started);
    QCOMPARE(model.find(id)->state, Transfer::State::Running);
    QCOMPARE(model.find(id)->offset, 10);
}

void tst_TransferModel::reconnectingShowsOnTheFolder()
{
    TransferModel model;
    const quint64 folder = model.addFolder(folderRow(), folderFiles(3, 10));
    const QList<quint64> files = model.filesOf(folder);
    for (quint64 id : files)
        model.markRequested(id);
    model.markStarted(files[0], 10, 0);
    for (quint64 id : files)
        model.markReconnecting(id, {ErrorCode::ConnectionLost, {}});
    QCOMPARE(model.index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Reconnecting"));
    QVERIFY(model.isActive(folder));
    model.markStarted(files[0], 10, 5);
    QCOMPARE(model.index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Downloading"));
}

void tst_TransferModel::folderFilledInParts_data()
{
    QTest::addColumn<bool>("expanded");
    QTest::newRow("collapsed") << false;
    QTest::newRow("expanded") << true;
}

void tst_TransferModel::folderFilledInParts()
{
    QFETCH(bool, expanded);
    TransferModel model;
    const quint64 folder = model.addFolder(folderRow(), folderFiles(2, 10));
    model.setExpanded(folder, expanded);
    // A row added while the folder is still being filled stays after the folder's files.
    Transfer single;
    single.remoteName = QStringLiteral("after.txt");
    const quint64 after = model.add(single);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const quint64 first = model.appendFiles(folder, folderFiles(3, 100));
    QVERIFY(first > after);
    const QList<quint64> files = model.filesOf(folder);
    QCOMPARE(files.size(), 5);
    QCOMPARE(files.at(2), first);
    QCOMPARE(model.find(first)->parentId, folder);
    QCOMPARE(model.find(folder)->total, 320);
    QCOMPARE(model.find(folder)->counts.files, 5);
    QCOMPARE(inserted.size(), expanded ? 1 : 0);
    QCOMPARE(model.rowCount(), expanded ? 7 : 2);
    QCOMPARE(model.rowOf(after), model.rowCount() - 1);
    QCOMPARE(model.idAt(model.rowCount() - 1), after);
    if (expanded)
        QCOMPARE(model.rowOf(files.last()), 5);
    QCOMPARE(
        model.index(0, TransferModel::StateColumn).data().toString(), QStringLiteral("Queued"));
}

QTEST_GUILESS_MAIN(tst_TransferModel)
#include "tst_transfermodel.moc"
