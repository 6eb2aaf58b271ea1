// FrameReader: the glue between a device and the decoder. Frames come out whole whatever
// pieces the bytes arrive in, a frame the reader can't hold is refused at its header, and a
// Data body can stream into a receiver's memory instead of the frame buffer.

#include "protocol/framereader.h"
#include "protocol/messages.h"

#include <QBuffer>
#include <QTest>

using namespace ferry;
using namespace ferry::protocol;

namespace {
struct Seen
{
    FrameType type;
    QByteArray body;
    bool operator==(const Seen &o) const { return type == o.type && body == o.body; }
};

QByteArray header(FrameType type, quint32 declared)
{
    QByteArray h(kHeaderSize, Qt::Uninitialized);
    writeHeader(h.data(), type, declared);
    return h;
}

/// Feeds \a bytes to \a reader in pieces of \a piece bytes, one device per piece.
template<typename Handler, typename Target>
FrameReader::Result feed(
    FrameReader &reader, const QByteArray &bytes, int piece, Handler &&onFrame, Target &target)
{
    FrameReader::Result last = FrameReader::Result::Drained;
    for (int at = 0; at < bytes.size(); at += piece) {
        QByteArray chunk = bytes.mid(at, piece);
        QBuffer device(&chunk);
        device.open(QIODevice::ReadOnly);
        last = reader.read(&device, onFrame, target);
        if (last != FrameReader::Result::Drained)
            return last;
    }
    return last;
}

/// A receiver's memory for Data bodies, handed out \a room bytes at a time.
struct CollectingTarget
{
    qint64 room = 0;
    QByteArray received;
    QByteArray block;
    std::pair<char *, qint64> reserve(qint64 max)
    {
        block.resize(qMin(room, max));
        return {block.data(), block.size()};
    }
    bool commit(char *at, qint64 n)
    {
        received.append(at, n);
        return true;
    }
};
} // namespace

Q_DECLARE_METATYPE(FrameReader::Result)

class tst_FrameReader : public QObject
{
    Q_OBJECT
private slots:
    void framesComeOutWholeInAnyPieces_data();
    void framesComeOutWholeInAnyPieces();
    void refusesAtTheHeader_data();
    void refusesAtTheHeader();
    void stopsWhereTheHandlerSays();
    void dataStreamsIntoTheTarget_data();
    void dataStreamsIntoTheTarget();
};

void tst_FrameReader::framesComeOutWholeInAnyPieces_data()
{
    QTest::addColumn<int>("piece");
    QTest::newRow("1 byte") << 1;
    QTest::newRow("2 bytes") << 2;
    QTest::newRow("a header's worth") << kHeaderSize;
    QTest::newRow("7 bytes") << 7;
    QTest::newRow("4 KiB") << 4096;
    QTest::newRow("all at once") << (1 << 30);
}

void tst_FrameReader::framesComeOutWholeInAnyPieces()
{
    QFETCH(int, piece);
    Hello hello;
    const QByteArray data(3000, 'd');
    const QList<Seen> sent {{FrameType::Hello, encodeHello(hello).mid(kHeaderSize)},
        {FrameType::GetRequest, encodeGetRequest(QStringLiteral("a/b.txt")).mid(kHeaderSize)},
        {FrameType::ListRequest, {}}, {FrameType::Data, data}};
    QByteArray bytes;
    for (const Seen &s : sent)
        bytes += encodeFrame(s.type, s.body);

    FrameReader reader(64 * 1024);
    QList<Seen> got;
    FrameReader::NoTarget none;
    const auto result = feed(
        reader, bytes, piece,
        [&](FrameType type, QByteArrayView body) {
            got.append({type, body.toByteArray()});
            return true;
        },
        none);
    QCOMPARE(result, FrameReader::Result::Drained);
    QCOMPARE(got.size(), sent.size());
    for (int i = 0; i < sent.size(); ++i)
        QVERIFY2(got.at(i) == sent.at(i), qPrintable(QString::number(i)));
}

void tst_FrameReader::refusesAtTheHeader_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<FrameReader::Result>("result");
    // A server reads with a 64 KiB bound: a Data frame from a client can't fit, and the
    // reader says so after five bytes instead of filling its buffer and waiting.
    QTest::newRow("Data past the bound")
        << header(FrameType::Data, 1024 * 1024) << FrameReader::Result::Malformed;
    QTest::newRow("unknown type") << QByteArray("\x55\0\0\0\0", 5)
                                  << FrameReader::Result::Malformed;
    QTest::newRow("GetRequest past its own limit")
        << header(FrameType::GetRequest, 1024 * 1024) << FrameReader::Result::Malformed;
    QTest::newRow("Data that fits: waits for its body")
        << header(FrameType::Data, 1000) << FrameReader::Result::Drained;
}

void tst_FrameReader::refusesAtTheHeader()
{
    QFETCH(QByteArray, bytes);
    QFETCH(FrameReader::Result, result);
    FrameReader reader(64 * 1024);
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    int frames = 0;
    QCOMPARE(reader.read(&device,
                 [&](FrameType, QByteArrayView) {
                     ++frames;
                     return true;
                 }),
        result);
    QCOMPARE(frames, 0);
}

void tst_FrameReader::stopsWhereTheHandlerSays()
{
    QByteArray bytes = encodeFrame(FrameType::ListRequest) + encodeFrame(FrameType::Decline);
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    FrameReader reader(64 * 1024);
    QList<FrameType> got;
    const auto handler = [&](FrameType type, QByteArrayView) {
        got.append(type);
        return false;
    };
    QCOMPARE(reader.read(&device, handler), FrameReader::Result::Stopped);
    QCOMPARE(got, QList<FrameType> {FrameType::ListRequest});
    // The next frame is still there for the next read.
    QCOMPARE(reader.read(&device, handler), FrameReader::Result::Stopped);
    QCOMPARE(got, (QList<FrameType> {FrameType::ListRequest, FrameType::Decline}));
}

void tst_FrameReader::dataStreamsIntoTheTarget_data()
{
    QTest::addColumn<qint64>("room");
    QTest::addColumn<int>("piece");
    QTest::newRow("1 byte of room") << qint64(1) << 4096;
    QTest::newRow("odd room, odd pieces") << qint64(1000) << 333;
    QTest::newRow("room for all") << qint64(1 << 20) << (1 << 30);
}

void tst_FrameReader::dataStreamsIntoTheTarget()
{
    QFETCH(qint64, room);
    QFETCH(int, piece);
    QByteArray data(200 * 1024, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 7);
    const QByteArray md5(kMd5HexSize, 'a');
    const QByteArray bytes = encodeFrame(FrameType::Data, data) + encodeEnd(md5);

    // A client's bound: far smaller than the Data body, which never enters the buffer.
    FrameReader reader(64 * 1024);
    CollectingTarget target;
    target.room = room;
    QList<FrameType> viaHandler;
    const auto result = feed(
        reader, bytes, piece,
        [&](FrameType type, QByteArrayView) {
            viaHandler.append(type);
            return true;
        },
        target);
    QCOMPARE(result, FrameReader::Result::Drained);
    QCOMPARE(target.received.size(), data.size());
    QVERIFY(target.received == data);
    QCOMPARE(viaHandler, QList<FrameType> {FrameType::End});
}

QTEST_GUILESS_MAIN(tst_FrameReader)
#include "tst_framereader.moc"
