#include "transfermodel.h"

#include <QLocale>
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
        Transfer *t = model.find(files[i]);
        t->state = Transfer::State::Running;
        model.changed(files[i]);
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
        Transfer *t = model.find(id);
        t->state = Transfer::State::Verified;
        t->done = 1000;
        model.changed(id);
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

QTEST_GUILESS_MAIN(tst_TransferModel)
#include "tst_transfermodel.moc"
