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
};

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

QTEST_GUILESS_MAIN(tst_TransferModel)
#include "tst_transfermodel.moc"
