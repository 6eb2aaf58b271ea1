#include "fs/md5.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using ferry::Md5;

/// Ferry's MD5 against RFC 1321's test suite and against Qt's MD5, which the source's and the
/// downloaded file's MD5 used to come from: a wrong digest would show as a MISMATCH on every
/// transfer, or worse, on some.
class tst_Md5 : public QObject
{
    Q_OBJECT

private slots:
    void rfc1321_data();
    void rfc1321();
    void everyLengthAroundTheBlockSize();
    void everySplitOfOneInput();
    void randomChunksOfAFewMegabytes();
    void resultLeavesTheStateAlone();
    void resetStartsAgain();

private:
    static QByteArray qtMd5(QByteArrayView data)
    {
        return QCryptographicHash::hash(data, QCryptographicHash::Md5);
    }
    static QByteArray randomBytes(qsizetype n, quint32 seed)
    {
        QByteArray data(n, Qt::Uninitialized);
        QRandomGenerator rng(seed);
        for (char &c : data)
            c = char(rng.generate());
        return data;
    }
};

void tst_Md5::rfc1321_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digest");
    QTest::newRow("empty") << QByteArray() << QByteArray("d41d8cd98f00b204e9800998ecf8427e");
    QTest::newRow("a") << QByteArray("a") << QByteArray("0cc175b9c0f1b6a831c399e269772661");
    QTest::newRow("abc") << QByteArray("abc") << QByteArray("900150983cd24fb0d6963f7d28e17f72");
    QTest::newRow("message digest")
        << QByteArray("message digest") << QByteArray("f96b697d7cb7938d525a2f31aaf161d0");
    QTest::newRow("a-z") << QByteArray("abcdefghijklmnopqrstuvwxyz")
                         << QByteArray("c3fcd3d76192e4007dfb496cca67e13b");
    QTest::newRow("A-Za-z0-9") << QByteArray(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
                               << QByteArray("d174ab98d277d9f5a5611c2c9f419d9f");
    QTest::newRow("8 x 1234567890")
        << QByteArray("1234567890").repeated(8) << QByteArray("57edf4a22be3c955ac49da2e2107b67a");
}

void tst_Md5::rfc1321()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digest);
    Md5 md5;
    md5.addData(input);
    md5.addData(QByteArrayView()); // empty and null: adds nothing
    QCOMPARE(md5.result().toHex(), digest);
}

void tst_Md5::everyLengthAroundTheBlockSize()
{
    // The padding takes one or two blocks depending on the length modulo 64: cover every case
    // several times over, in one piece and byte by byte.
    const QByteArray data = randomBytes(300, 1);
    for (int n = 0; n <= data.size(); ++n) {
        const QByteArrayView input(data.constData(), n);
        Md5 whole;
        whole.addData(input);
        QCOMPARE(whole.result(), qtMd5(input));
        Md5 bytes;
        for (char c : input)
            bytes.addData(QByteArrayView(&c, 1));
        QCOMPARE(bytes.result(), qtMd5(input));
    }
}

void tst_Md5::everySplitOfOneInput()
{
    const QByteArray data = randomBytes(200, 2);
    const QByteArray expected = qtMd5(data);
    for (int i = 0; i <= data.size(); ++i) {
        for (int j = i; j <= data.size(); j += 7) {
            Md5 md5;
            md5.addData(QByteArrayView(data.constData(), i));
            md5.addData(QByteArrayView(data.constData() + i, j - i));
            md5.addData(QByteArrayView(data.constData() + j, data.size() - j));
            QCOMPARE(md5.result(), expected);
        }
    }
}

void tst_Md5::randomChunksOfAFewMegabytes()
{
    // As a transfer feeds it: blocks of odd sizes, some of them big.
    const QByteArray data = randomBytes(5 * 1024 * 1024 + 13, 3);
    QRandomGenerator rng(4);
    Md5 md5;
    for (qsizetype at = 0; at < data.size();) {
        const qsizetype n = qMin<qsizetype>(data.size() - at, rng.bounded(1, 1 << 21));
        md5.addData(QByteArrayView(data.constData() + at, n));
        at += n;
    }
    QCOMPARE(md5.result(), qtMd5(data));
}

void tst_Md5::resultLeavesTheStateAlone()
{
    const QByteArray data = randomBytes(1000, 5);
    Md5 md5;
    md5.addData(QByteArrayView(data.constData(), 100));
    QCOMPARE(md5.result(), qtMd5(QByteArrayView(data.constData(), 100)));
    md5.addData(QByteArrayView(data.constData() + 100, 900));
    QCOMPARE(md5.result(), qtMd5(data));
    QCOMPARE(md5.result(), qtMd5(data));
}

void tst_Md5::resetStartsAgain()
{
    Md5 md5;
    md5.addData(randomBytes(77, 6));
    md5.reset();
    md5.addData(QByteArray("abc"));
    QCOMPARE(md5.result().toHex(), QByteArray("900150983cd24fb0d6963f7d28e17f72"));
}

QTEST_APPLESS_MAIN(tst_Md5)
#include "tst_md5.moc"
