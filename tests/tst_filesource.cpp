// FileSource: a big file read ahead on its own thread comes out whole and in order, with or
// without O_DIRECT and its MD5; a file that shrinks under it is reported as ended early, and
// the caller's thread is never made to wait (NotYet, then a call back).

#include "fs/filesource.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

using namespace ferry;

namespace {
QByteArray pattern(qint64 size)
{
    QByteArray b(size, Qt::Uninitialized);
    quint32 x = 12345;
    for (qint64 i = 0; i < size; ++i) {
        x = x * 1103515245u + 12345u;
        b[i] = char(x >> 24);
    }
    return b;
}

/// Drains \a source in pieces of at most \a max; returns the bytes and the final status.
QByteArray drain(FileSource &source, QSemaphore &ready, qint64 max, FileSource::Status *last,
    int *error, qint64 limit)
{
    QByteArray out;
    for (;;) {
        FileSource::Status status;
        const QByteArrayView v = source.next(max, &status, error);
        if (status == FileSource::Status::NotYet) {
            if (!ready.tryAcquire(1, 10000)) {
                *last = status;
                return out;
            }
            continue;
        }
        *last = status;
        if (status != FileSource::Status::Ready)
            return out;
        out.append(v.data(), v.size());
        if (out.size() >= limit)
            return out;
    }
}
} // namespace

class tst_FileSource : public QObject
{
    Q_OBJECT
private slots:
    void readsTheWholeFileInOrder_data();
    void readsTheWholeFileInOrder();
    void aFileThatShrankEndsEarly();
};

void tst_FileSource::readsTheWholeFileInOrder_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("allowDirect");
    QTest::addColumn<bool>("hash");
    QTest::addColumn<qint64>("piece");
    const qint64 min = FileSource::kMinSize;
    QTest::newRow("smallest, hashed") << min << false << true << qint64(256 * 1024);
    QTest::newRow("odd size, direct allowed") << min + 12345 << true << true << qint64(256 * 1024);
    QTest::newRow("odd pieces, not hashed") << min + 1 << false << false << qint64(99999);
    QTest::newRow("whole blocks, direct, 1 MiB pieces")
        << 6 * 2 * 1024 * 1024LL << true << false << qint64(1024 * 1024);
}

void tst_FileSource::readsTheWholeFileInOrder()
{
    QFETCH(qint64, size);
    QFETCH(bool, allowDirect);
    QFETCH(bool, hash);
    QFETCH(qint64, piece);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.bin"));
    const QByteArray content = pattern(size);
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(content), size);
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    Md5 md5;
    QSemaphore ready;
    QByteArray got;
    FileSource::Status last;
    int error = 0;
    {
        FileSource source(fd, size, allowDirect, hash ? &md5 : nullptr, [&] { ready.release(); });
        got = drain(source, ready, piece, &last, &error, size);
    }
    ::close(fd);
    QCOMPARE(last, FileSource::Status::Ready);
    QCOMPARE(got.size(), size);
    QVERIFY(got == content);
    if (hash)
        QCOMPARE(md5.result(), QCryptographicHash::hash(content, QCryptographicHash::Md5));
}

void tst_FileSource::aFileThatShrankEndsEarly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shrinking.bin"));
    const qint64 listed = FileSource::kMinSize + 4096;
    const qint64 now = 3 * 1024 * 1024 + 5; // cut short after it was listed
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(pattern(now));
    }
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    QVERIFY(fd >= 0);
    QSemaphore ready;
    FileSource::Status last;
    int error = 0;
    QByteArray got;
    {
        FileSource source(fd, listed, false, nullptr, [&] { ready.release(); });
        got = drain(source, ready, 1024 * 1024, &last, &error, listed);
    }
    ::close(fd);
    QCOMPARE(last, FileSource::Status::Ended);
    QCOMPARE(error, 0);
    QCOMPARE(got.size(), now);
}

QTEST_GUILESS_MAIN(tst_FileSource)
#include "tst_filesource.moc"
