#include "protocol/decoder.h"
#include "protocol/messages.h"

#include <QTest>

using namespace ferry;
using namespace ferry::protocol;
using Status = DecodeResult::Status;
using Problem = DecodeResult::Problem;

Q_DECLARE_METATYPE(ferry::protocol::FrameType)

class tst_Decoder : public QObject
{
    Q_OBJECT
private slots:
    void wholeFrame_data();
    void wholeFrame();
    void everySplitPoint_data() { wholeFrame_data(); }
    void everySplitPoint();
    void oneByteAtATime_data() { wholeFrame_data(); }
    void oneByteAtATime();
    void stickyFramesInOneRead();
    void rejects_data();
    void rejects();
    void boundIsCheckedBeforeBodyArrives();
};

void tst_Decoder::wholeFrame_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<FrameType>("type");
    QTest::addColumn<int>("bodySize");
    auto add = [](const char *name, const QByteArray &frame) {
        QTest::newRow(name) << frame << FrameType(quint8(frame.at(0))) << int(frame.size() - 5);
    };
    add("hello", encodeHello({}));
    add("hello+nonce", encodeHello({kProtocolVersion, PasswordRequired, QByteArray(16, 'n')}));
    add("list-request", encodeFrame(FrameType::ListRequest));
    add("list-entries", encodeListEntries({{QStringLiteral("a/b.txt"), 12, 34}}).chopped(5));
    add("list-end", encodeFrame(FrameType::ListEnd));
    add("get", encodeGetRequest(QStringLiteral("photos/a.jpg")));
    add("offer", encodeOffer({QStringLiteral("x"), 5000000000LL, 1700000000000LL}));
    add("accept", encodeAccept(4294967297LL));
    add("decline", encodeFrame(FrameType::Decline));
    add("data", encodeFrame(FrameType::Data, QByteArray(70000, 'd')));
    add("end", encodeEnd(QByteArray(32, 'a')));
    add("hash-request", encodeHashRequest(QStringLiteral("photos/a.jpg")));
    add("hash-reply",
        encodeHashReply({{QStringLiteral("photos/a.jpg"), 5000000000LL, 17}, QByteArray(32, 'b')}));
    add("error", encodeError(ErrorCode::NotFound, QStringLiteral("x.txt")));
    add("auth", encodeAuthProof(QByteArray(16, 'c'), QByteArray(32, 'p')));
}

void tst_Decoder::wholeFrame()
{
    QFETCH(QByteArray, frame);
    QFETCH(FrameType, type);
    QFETCH(int, bodySize);
    const DecodeResult r = decodeFrame(frame);
    QCOMPARE(r.status, Status::Frame);
    QCOMPARE(r.type, type);
    QCOMPARE(r.consumed, frame.size());
    QCOMPARE(r.body.size(), bodySize);
    QCOMPARE(r.body.toByteArray(), frame.mid(5));
}

void tst_Decoder::everySplitPoint()
{
    QFETCH(QByteArray, frame);
    QFETCH(FrameType, type);
    const int step = frame.size() > 1000 ? 997 : 1; // Big data frames: a prime stride.
    for (int split = 0; split < frame.size(); split += step) {
        const DecodeResult head = decodeFrame(QByteArrayView(frame).first(split));
        QVERIFY2(head.status == Status::NeedMore, qPrintable(QString::number(split)));
        QCOMPARE(head.consumed, 0);
        // Once the header is whole, the reader learns how much body to wait for.
        QCOMPARE(head.declared, split < 5 ? -1 : frame.size() - 5);
        if (split >= 5)
            QCOMPARE(head.type, type);
    }
    const DecodeResult full = decodeFrame(frame);
    QCOMPARE(full.status, Status::Frame);
    QCOMPARE(full.type, type);
}

void tst_Decoder::oneByteAtATime()
{
    QFETCH(QByteArray, frame);
    QFETCH(FrameType, type);
    // The way socket glue uses it: append what arrived, decode, drop what was consumed.
    QByteArray buffer;
    int frames = 0;
    for (char c : std::as_const(frame)) {
        buffer.append(c);
        const DecodeResult r = decodeFrame(buffer);
        QVERIFY(r.status != Status::Error);
        if (r.status == Status::Frame) {
            QCOMPARE(r.type, type);
            buffer.remove(0, r.consumed);
            ++frames;
        }
    }
    QCOMPARE(frames, 1);
    QVERIFY(buffer.isEmpty());
}

void tst_Decoder::stickyFramesInOneRead()
{
    // The seed's "sticky packets": name, size, data and MD5 arriving in one read.
    const QByteArray stream = encodeOffer({QStringLiteral("a.txt"), 3, 0})
        + encodeFrame(FrameType::Data, "abc") + encodeEnd(QByteArray(32, '0'))
        + encodeGetRequest(QStringLiteral("next")).left(4);
    QList<FrameType> types;
    qint64 pos = 0;
    for (;;) {
        const DecodeResult r = decodeFrame(QByteArrayView(stream).sliced(pos));
        if (r.status != Status::Frame)
            break;
        types.append(r.type);
        if (r.type == FrameType::Data)
            QCOMPARE(r.body.toByteArray(), QByteArray("abc"));
        pos += r.consumed;
    }
    QCOMPARE(types, (QList<FrameType> {FrameType::Offer, FrameType::Data, FrameType::End}));
    QCOMPARE(stream.size() - pos, 4); // The partial frame waits for more.
}

void tst_Decoder::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<Problem>("problem");
    auto header = [](quint8 type, quint32 length) {
        QByteArray h(5, Qt::Uninitialized);
        writeHeader(h.data(), FrameType(type), length);
        return h;
    };
    QTest::newRow("unknown type") << QByteArray("\x42", 1) << Problem::UnknownType;
    QTest::newRow("http") << QByteArray("GET / HTTP/1.1\r\n") << Problem::UnknownType;
    QTest::newRow("zero type") << header(0, 0) << Problem::UnknownType;
    QTest::newRow("data over bound") << header(0x24, quint32(kMaxDataBody + 1)) << Problem::TooLong;
    QTest::newRow("negative as u32") << header(0x24, 0xffffffffu) << Problem::TooLong;
    QTest::newRow("hello too long") << header(0x01, 1000) << Problem::TooLong;
    // The longest name plus the accept-up-to fits; a byte more does not.
    QTest::newRow("get over name bound")
        << header(0x20, 2 + kMaxNameBytes + 8 + 1) << Problem::TooLong;
    QTest::newRow("list-request with body") << header(0x10, 1) << Problem::TooLong;
    QTest::newRow("end not 32") << header(0x25, 31) << Problem::TooShort;
    QTest::newRow("empty data") << header(0x24, 0) << Problem::TooShort;
    QTest::newRow("accept short") << header(0x22, 4) << Problem::TooShort;
    QTest::newRow("hash request over name bound")
        << header(0x26, 2 + kMaxNameBytes + 1) << Problem::TooLong;
    QTest::newRow("hash reply without md5") << header(0x27, 2 + 1 + 16) << Problem::TooShort;
    QTest::newRow("hash reply over bound")
        << header(0x27, 2 + kMaxNameBytes + 16 + 32 + 1) << Problem::TooLong;
    QTest::newRow("type after hash reply") << header(0x28, 0) << Problem::UnknownType;
}

void tst_Decoder::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(Problem, problem);
    const DecodeResult r = decodeFrame(input);
    QCOMPARE(r.status, Status::Error);
    QCOMPARE(r.problem, problem);
}

void tst_Decoder::boundIsCheckedBeforeBodyArrives()
{
    // A 4 GiB claim is refused from the header alone: nothing waits for the body.
    QByteArray h(5, Qt::Uninitialized);
    writeHeader(h.data(), FrameType::ListEntries, 0x7fffffff);
    QCOMPARE(decodeFrame(h).status, Status::Error);
    // A claim within the bound waits for its body (a length prefix, then silence).
    writeHeader(h.data(), FrameType::Data, quint32(kMaxDataBody));
    QCOMPARE(decodeFrame(h).status, Status::NeedMore);
}

QTEST_APPLESS_MAIN(tst_Decoder)
#include "tst_decoder.moc"
