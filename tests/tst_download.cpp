// Download on its own: one NAME.part transaction in a real folder.
#include "client/download.h"
#include "fs/datasync.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;

namespace {

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
}

const qint64 kMtime = 1700000000000;

} // namespace

class tst_Download : public QObject
{
    Q_OBJECT
private slots:
    void transaction_data();
    void transaction();
    void resume_data();
    void resume();
    void partInUseIsRefused();
    void partReplacedWhileSyncingIsNotPublished();
    void abandonKeepsOrRemovesThePart();
};

void tst_Download::transaction_data()
{
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<bool>("finalExists");
    QTest::addColumn<bool>("md5Right");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("savedAs");

    const QString name = QStringLiteral("a.txt");
    QTest::newRow("new file") << ConflictPolicy::Fail << false << true << ErrorCode::None << name;
    QTest::newRow("md5 differs") << ConflictPolicy::Fail << false << false << ErrorCode::Mismatch
                                 << QString();
    QTest::newRow("exists, fail") << ConflictPolicy::Fail << true << true
                                  << ErrorCode::AlreadyExists << QString();
    QTest::newRow("exists, overwrite")
        << ConflictPolicy::Overwrite << true << true << ErrorCode::None << name;
    QTest::newRow("exists, keep both") << ConflictPolicy::KeepBoth << true << true
                                       << ErrorCode::None << QStringLiteral("a (1).txt");
}

void tst_Download::transaction()
{
    QFETCH(ConflictPolicy, policy);
    QFETCH(bool, finalExists);
    QFETCH(bool, md5Right);
    QFETCH(ErrorCode, code);
    QFETCH(QString, savedAs);

    QTemporaryDir dir;
    const QByteArray old("what was there");
    if (finalExists)
        writeFile(dir.filePath(QStringLiteral("a.txt")), old);
    const QByteArray body(3000, 'x');
    auto folder = std::make_shared<OutputFolder>(dir.path());
    Download d(folder, QStringLiteral("a.txt"), policy, false);
    const Failure pre = d.precheck();
    if (code == ErrorCode::AlreadyExists) {
        QCOMPARE(pre.code, code);
        return;
    }
    QVERIFY(pre.ok());
    Failure f;
    QCOMPARE(d.begin({QStringLiteral("a.txt"), body.size(), kMtime}, false, &f), 0);
    QVERIFY(d.append(body.left(1000), &f));
    QVERIFY(d.append(body.mid(1000), &f));
    QCOMPARE(d.received(), body.size());
    const QByteArray md5 = d.finish(md5Right ? md5Hex(body) : md5Hex("no"), &f);
    QCOMPARE(f.code, code);
    QCOMPARE(md5, md5Hex(body));
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("a.txt.part"))));
    if (savedAs.isEmpty()) {
        // A failure never leaves a file under the final name.
        QCOMPARE(QFile::exists(dir.filePath(QStringLiteral("a.txt"))), finalExists);
        return;
    }
    QCOMPARE(d.finalName(), savedAs);
    QCOMPARE(readAll(dir.filePath(savedAs)), body);
    if (policy == ConflictPolicy::KeepBoth)
        QCOMPARE(readAll(dir.filePath(QStringLiteral("a.txt"))), old);
}

void tst_Download::resume_data()
{
    QTest::addColumn<qint64>("metaSize");
    QTest::addColumn<qint64>("metaMtime");
    QTest::addColumn<qint64>("expectedOffset");

    QTest::newRow("same source: continue") << qint64(4000) << kMtime << qint64(1500);
    QTest::newRow("source changed: start over") << qint64(4000) << kMtime + 1 << qint64(0);
    QTest::newRow("other size: start over") << qint64(3999) << kMtime << qint64(0);
    QTest::newRow("no record: start over") << qint64(-1) << kMtime << qint64(0);
}

void tst_Download::resume()
{
    QFETCH(qint64, metaSize);
    QFETCH(qint64, metaMtime);
    QFETCH(qint64, expectedOffset);

    QTemporaryDir dir;
    QByteArray body(4000, Qt::Uninitialized);
    for (int i = 0; i < body.size(); ++i)
        body[i] = char(i * 7);
    writeFile(dir.filePath(QStringLiteral("r.bin.part")), body.left(1500));
    if (metaSize >= 0)
        writeFile(dir.filePath(QStringLiteral("r.bin.part.meta")),
            QByteArray::number(metaSize) + ' ' + QByteArray::number(metaMtime) + '\n');
    auto folder = std::make_shared<OutputFolder>(dir.path());
    Download d(folder, QStringLiteral("r.bin"), ConflictPolicy::Fail, true);
    bool partPresent = false;
    QVERIFY(d.precheck(&partPresent).ok());
    QVERIFY(partPresent);
    Failure f;
    const qint64 offset = d.begin({QStringLiteral("r.bin"), body.size(), kMtime}, false, &f);
    QCOMPARE(offset, expectedOffset);
    QVERIFY(d.append(body.mid(offset), &f));
    // The MD5 covers the whole file, also the part written by an earlier run.
    QCOMPARE(d.finish(md5Hex(body), &f), md5Hex(body));
    QVERIFY(f.ok());
    QCOMPARE(readAll(dir.filePath(QStringLiteral("r.bin"))), body);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("r.bin.part.meta"))));
}

void tst_Download::partInUseIsRefused()
{
    QTemporaryDir dir;
    auto folder = std::make_shared<OutputFolder>(dir.path());
    Download first(folder, QStringLiteral("x"), ConflictPolicy::Fail, true);
    Failure f;
    QCOMPARE(first.begin({QStringLiteral("x"), 100, kMtime}, false, &f), 0);
    QVERIFY(first.append(QByteArray(50, 'a'), &f));

    // Another run (same process here; the lock is per open file) must neither resume,
    // replace nor delete the .part being written.
    Download second(folder, QStringLiteral("x"), ConflictPolicy::Fail, true);
    QCOMPARE(second.precheck().code, ErrorCode::PartInUse);
    Failure g;
    QCOMPARE(second.begin({QStringLiteral("x"), 100, kMtime}, true, &g), -1);
    QCOMPARE(g.code, ErrorCode::PartInUse);
    QVERIFY(first.append(QByteArray(50, 'a'), &f));
    first.finish(md5Hex(QByteArray(100, 'a')), &f);
    QVERIFY(f.ok());
    QCOMPARE(readAll(dir.filePath(QStringLiteral("x"))), QByteArray(100, 'a'));
}

void tst_Download::partReplacedWhileSyncingIsNotPublished()
{
    QTemporaryDir dir;
    auto folder = std::make_shared<OutputFolder>(dir.path());
    Download d(folder, QStringLiteral("x"), ConflictPolicy::Fail, false);
    Failure f;
    QCOMPARE(d.begin({QStringLiteral("x"), 100, kMtime}, true, &f), 0);
    QVERIFY(d.append(QByteArray(100, 'a'), &f));
    QCOMPARE(d.verify(md5Hex(QByteArray(100, 'a')), &f), md5Hex(QByteArray(100, 'a')));
    QVERIFY(f.ok());
    const UniqueFd pending = d.syncHandle();
    QVERIFY(pending);

    // While its sync runs, something else takes the name x.part: that file is not ours.
    QVERIFY(QFile::rename(
        dir.filePath(QStringLiteral("x.part")), dir.filePath(QStringLiteral("moved"))));
    writeFile(dir.filePath(QStringLiteral("x.part")), "someone else's");
    QVERIFY(!d.publish(DataSync::syncNow(pending.get()), &f));
    QCOMPARE(f.code, ErrorCode::PartInUse);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x"))));
    QCOMPARE(readAll(dir.filePath(QStringLiteral("x.part"))), QByteArray("someone else's"));
}

void tst_Download::abandonKeepsOrRemovesThePart()
{
    for (const bool keep : {true, false}) {
        QTemporaryDir dir;
        auto folder = std::make_shared<OutputFolder>(dir.path());
        {
            Download d(folder, QStringLiteral("k"), ConflictPolicy::Fail, false);
            Failure f;
            QCOMPARE(d.begin({QStringLiteral("k"), 100, kMtime}, true, &f), 0);
            QVERIFY(d.append(QByteArray(60, 'k'), &f));
            d.abandon(keep);
        }
        QCOMPARE(QFile::exists(dir.filePath(QStringLiteral("k.part"))), keep);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("k"))));
        if (!keep)
            continue;
        // A kept small .part gets its record on the way out, so --resume continues it.
        QCOMPARE(readAll(dir.filePath(QStringLiteral("k.part"))), QByteArray(60, 'k'));
        Download again(folder, QStringLiteral("k"), ConflictPolicy::Fail, true);
        Failure f;
        QCOMPARE(again.begin({QStringLiteral("k"), 100, kMtime}, false, &f), 60);
    }
}

QTEST_GUILESS_MAIN(tst_Download)
#include "tst_download.moc"
