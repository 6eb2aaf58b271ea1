// FileSink: a download's bytes reach the file in order, whichever way they are handed in
// (append or reserve/commit, small or big, from the start or resumed), the MD5 covers the
// whole file, and a failing disk is reported, never swallowed.

#include "fs/filesink.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace ferry;

namespace {
QByteArray pattern(qint64 size, int seed)
{
    QByteArray b(size, Qt::Uninitialized);
    quint32 x = quint32(seed) * 2654435761u + 1;
    for (qint64 i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        b[i] = char(x >> 24);
    }
    return b;
}
} // namespace

class tst_FileSink : public QObject
{
    Q_OBJECT
private slots:
    void writesEveryByteInOrder_data();
    void writesEveryByteInOrder();
    void aFullDiskIsReported_data();
    void aFullDiskIsReported();
};

void tst_FileSink::writesEveryByteInOrder_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("piece");
    QTest::addColumn<bool>("reserve");
    const qint64 big = 9 * 1024 * 1024 + 123; // past the size that gets its own threads
    QTest::newRow("small, append") << qint64(1000) << qint64(0) << 7 << false;
    QTest::newRow("small, resumed") << qint64(100000) << qint64(4097) << 4096 << false;
    QTest::newRow("empty") << qint64(0) << qint64(0) << 1 << false;
    QTest::newRow("big, append 64 KiB") << big << qint64(0) << 65536 << false;
    QTest::newRow("big, append odd pieces") << big << qint64(0) << 1000003 << false;
    QTest::newRow("big, reserve and commit") << big << qint64(0) << 65536 << true;
    QTest::newRow("big, resumed unaligned") << big << qint64(12345) << 65536 << true;
}

void tst_FileSink::writesEveryByteInOrder()
{
    QFETCH(qint64, size);
    QFETCH(qint64, offset);
    QFETCH(int, piece);
    QFETCH(bool, reserve);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("f.part"));
    const QByteArray content = pattern(size, int(size + offset));
    {
        QFile head(path);
        QVERIFY(head.open(QIODevice::WriteOnly));
        head.write(content.left(offset));
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    QCOMPARE(::lseek(fd, offset, SEEK_SET), offset);
    Md5 hash;
    hash.addData(QByteArrayView(content).first(offset)); // as a resume hashes the head
    Failure error;
    {
        FileSink sink(fd, offset, size, &hash);
        for (qint64 at = offset; at < size;) {
            const qint64 n = qMin<qint64>(piece, size - at);
            if (reserve) {
                const auto [into, room] = sink.reserve(n);
                if (!into) { // a small file: written in place
                    QVERIFY(sink.append(QByteArrayView(content).sliced(at, n), &error));
                    at += n;
                    continue;
                }
                QVERIFY(room > 0 && room <= n);
                memcpy(into, content.constData() + at, size_t(room));
                QVERIFY(sink.commit(room, &error));
                at += room;
            } else {
                QVERIFY(sink.append(QByteArrayView(content).sliced(at, n), &error));
                at += n;
            }
        }
        QVERIFY2(sink.finish(&error), qPrintable(error.detail));
    }
    ::close(fd);
    QFile written(path);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.size(), size);
    QVERIFY(written.readAll() == content);
    QCOMPARE(hash.result(), QCryptographicHash::hash(content, QCryptographicHash::Md5));
}

void tst_FileSink::aFullDiskIsReported_data()
{
    QTest::addColumn<qint64>("size");
    QTest::newRow("small, written in place") << qint64(100000);
    QTest::newRow("big, written by its thread") << qint64(9 * 1024 * 1024);
}

void tst_FileSink::aFullDiskIsReported()
{
    QFETCH(qint64, size);
    // Every write to /dev/full fails with ENOSPC, as on a full disk.
    const int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        QSKIP("no /dev/full");
    const QByteArray content = pattern(size, 3);
    Md5 hash;
    Failure error;
    bool ok = true;
    {
        FileSink sink(fd, 0, size, &hash);
        for (qint64 at = 0; at < size && ok; at += 65536)
            ok = sink.append(
                QByteArrayView(content).sliced(at, qMin<qint64>(65536, size - at)), &error);
        if (ok)
            ok = sink.finish(&error);
    }
    ::close(fd);
    QVERIFY(!ok);
    QCOMPARE(error.code, ErrorCode::WriteFailed);
    QVERIFY2(!error.detail.isEmpty(), "the reason the disk gave");
}

QTEST_GUILESS_MAIN(tst_FileSink)
#include "tst_filesink.moc"
