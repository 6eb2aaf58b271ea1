#include "protocol/decoder.h"
#include "protocol/messages.h"

#include <QTest>

using namespace ferry;
using namespace ferry::protocol;

namespace {
QByteArrayView bodyOf(const QByteArray &frame)
{
    return QByteArrayView(frame).sliced(kHeaderSize);
}
} // namespace

class tst_Messages : public QObject
{
    Q_OBJECT
private slots:
    void helloRoundTrip();
    void helloRejectsWrongMagic();
    void listingRoundTripSplitsLargeListings();
    void listingRejectsLyingCount();
    void listingCarriesFolders();
    void listingFramesHoldAtMostMaxEntries();
    void listingRejectsMoreThanMaxEntries();
    void listingRejectsBadKindAndSizedFolder_data();
    void listingRejectsBadKindAndSizedFolder();
    void hashQueryRoundTrip();
    void hashReplyRejectsMalformedMd5();
    void offerRoundTripOver4GiB();
    void getRequestRejectsInvalidUtf8();
    void getRequestCarriesTheAcceptLimit();
    void acceptRejectsNegativeOffset();
    void endRequiresLowercaseHex_data();
    void endRequiresLowercaseHex();
    void errorMapsUnknownCodes();
};

void tst_Messages::helloRoundTrip()
{
    const Hello in {kProtocolVersion, PasswordRequired, QByteArray(16, 'x')};
    const auto out = parseHello(bodyOf(encodeHello(in)));
    QVERIFY(out);
    QCOMPARE(out->version, in.version);
    QCOMPARE(out->flags, in.flags);
    QCOMPARE(out->nonce, in.nonce);
}

void tst_Messages::helloRejectsWrongMagic()
{
    QByteArray body = encodeHello({}).mid(kHeaderSize);
    body[0] = 'X';
    QVERIFY(!parseHello(body));
    QVERIFY(!parseHello(QByteArrayView("FERRY")));
}

void tst_Messages::listingRoundTripSplitsLargeListings()
{
    QList<FileEntry> entries;
    const QString longName = QString(200, QLatin1Char('n'));
    for (int i = 0; i < 10000; ++i)
        entries.append({QStringLiteral("%1/%2").arg(longName).arg(i), i, 1000LL * i});
    const QByteArray wire = encodeListEntries(entries);
    QList<FileEntry> back;
    int frames = 0;
    qint64 pos = 0;
    for (;;) {
        const DecodeResult r = decodeFrame(QByteArrayView(wire).sliced(pos));
        QCOMPARE(r.status, DecodeResult::Status::Frame);
        pos += r.consumed;
        if (r.type == FrameType::ListEnd)
            break;
        QCOMPARE(r.type, FrameType::ListEntries);
        QVERIFY(r.body.size() <= kMaxListBody);
        const auto part = parseListEntries(r.body);
        QVERIFY(part);
        back += *part;
        ++frames;
    }
    QCOMPARE(pos, wire.size());
    QVERIFY(frames > 1); // 2 MiB of names can't fit one frame.
    QCOMPARE(back, entries);
}

void tst_Messages::listingRejectsLyingCount()
{
    QByteArray body = bodyOf(encodeListEntries({{QStringLiteral("a"), 1, 2}})).toByteArray();
    body.chop(5); // Drop the ListEnd frame that follows.
    body[3] = 2; // Claims two entries, carries one.
    QVERIFY(!parseListEntries(body));
    QByteArray huge("\xff\xff\xff\xff", 4);
    QVERIFY(!parseListEntries(huge));
}

namespace {
/// Every entry of a whole encoded listing, with the number of ListEntries frames.
QList<FileEntry> decodeListing(
    const QByteArray &wire, int *frames = nullptr, quint32 *most = nullptr)
{
    QList<FileEntry> back;
    qint64 pos = 0;
    for (;;) {
        const DecodeResult r = decodeFrame(QByteArrayView(wire).sliced(pos));
        if (r.status != DecodeResult::Status::Frame)
            return {};
        pos += r.consumed;
        if (r.type == FrameType::ListEnd)
            break;
        const auto part = parseListEntries(r.body);
        if (!part)
            return {};
        if (frames)
            ++*frames;
        if (most)
            *most = qMax(*most, quint32(part->size()));
        back += *part;
    }
    return back;
}

QByteArray listedEntry(const QByteArray &name, char kind, qint64 size)
{
    QByteArray e;
    e.append(char(name.size() >> 8)).append(char(name.size() & 0xff)).append(name);
    e.append(kind);
    for (int i = 7; i >= 0; --i)
        e.append(char((size >> (8 * i)) & 0xff));
    e.append(QByteArray(8, '\0'));
    return e;
}

QByteArray listedBody(quint32 count, const QByteArray &entries)
{
    QByteArray b;
    for (int i = 3; i >= 0; --i)
        b.append(char((count >> (8 * i)) & 0xff));
    return b + entries;
}
} // namespace

void tst_Messages::listingCarriesFolders()
{
    FileEntry empty;
    empty.name = QStringLiteral("photos/empty");
    empty.isFolder = true;
    FileEntry photos;
    photos.name = QStringLiteral("photos");
    photos.isFolder = true;
    const QList<FileEntry> in {photos, {QStringLiteral("photos/a.jpg"), 3, 4}, empty};
    const QList<FileEntry> out = decodeListing(encodeListEntries(in));
    QCOMPARE(out.size(), 3);
    QCOMPARE(out, in);
    QCOMPARE(out.at(0).isFolder, true);
    QCOMPARE(out.at(1).isFolder, false);
    QCOMPARE(out.at(2).isFolder, true);
    QCOMPARE(out.at(2).name, QStringLiteral("photos/empty"));
}

void tst_Messages::listingFramesHoldAtMostMaxEntries()
{
    QList<FileEntry> entries;
    for (int i = 0; i < 10000; ++i)
        entries.append({QStringLiteral("f%1").arg(i), i, 0});
    int frames = 0;
    quint32 most = 0;
    const QList<FileEntry> back = decodeListing(encodeListEntries(entries), &frames, &most);
    QCOMPARE(back, entries);
    QCOMPARE(most, kMaxListEntries);
    QCOMPARE(frames, 3); // 4096 + 4096 + 1808 small entries
}

void tst_Messages::listingRejectsMoreThanMaxEntries()
{
    QByteArray entries;
    for (quint32 i = 0; i <= kMaxListEntries; ++i)
        entries += listedEntry("x", 0, 1);
    QVERIFY(!parseListEntries(listedBody(kMaxListEntries + 1, entries)));
    entries.chop(listedEntry("x", 0, 1).size());
    QVERIFY(parseListEntries(listedBody(kMaxListEntries, entries)));
}

void tst_Messages::listingRejectsBadKindAndSizedFolder_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("valid");
    QTest::newRow("file") << listedBody(1, listedEntry("a", 0, 5)) << true;
    QTest::newRow("folder") << listedBody(1, listedEntry("a", 1, 0)) << true;
    QTest::newRow("folder with a size") << listedBody(1, listedEntry("a", 1, 5)) << false;
    QTest::newRow("unknown kind") << listedBody(1, listedEntry("a", 2, 0)) << false;
    QTest::newRow("negative size") << listedBody(1, listedEntry("a", 0, -1)) << false;
    QTest::newRow("empty name") << listedBody(1, listedEntry("", 1, 0)) << false;
}

void tst_Messages::listingRejectsBadKindAndSizedFolder()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, valid);
    QCOMPARE(bool(parseListEntries(body)), valid);
}

void tst_Messages::hashQueryRoundTrip()
{
    const QString name = QStringLiteral("photos/a.jpg");
    QCOMPARE(parseHashRequest(bodyOf(encodeHashRequest(name))), std::optional<QString>(name));
    const HashReply in {{name, 5LL * 1024 * 1024 * 1024, 1700000000123LL}, QByteArray(32, 'e')};
    const auto out = parseHashReply(bodyOf(encodeHashReply(in)));
    QVERIFY(out);
    QCOMPARE(out->entry, in.entry);
    QCOMPARE(out->md5Hex, in.md5Hex);
}

void tst_Messages::hashReplyRejectsMalformedMd5()
{
    const FileEntry e {QStringLiteral("a"), 1, 2};
    QVERIFY(!parseHashReply(bodyOf(encodeHashReply({e, QByteArray(32, 'E')}))));
    QVERIFY(!parseHashReply(bodyOf(encodeHashReply({e, QByteArray(31, 'e')}))));
    QByteArray trailing = bodyOf(encodeHashReply({e, QByteArray(32, 'e')})).toByteArray() + "x";
    QVERIFY(!parseHashReply(trailing));
    QVERIFY(!parseHashRequest(QByteArrayView("\x00\x05ab", 4)));
}

void tst_Messages::offerRoundTripOver4GiB()
{
    const FileEntry in {QStringLiteral("big.iso"), 5LL * 1024 * 1024 * 1024 + 7, 1700000000123LL};
    const auto out = parseOffer(bodyOf(encodeOffer(in)));
    QVERIFY(out);
    QCOMPARE(*out, in);
}

void tst_Messages::getRequestRejectsInvalidUtf8()
{
    const QByteArray body("\x00\x02\xc3\x28", 4);
    QVERIFY(!parseGetRequest(body));
    const auto ok = parseGetRequest(bodyOf(encodeGetRequest(QStringLiteral("caf\u00e9"))));
    QVERIFY(ok);
    QCOMPARE(ok->name, QStringLiteral("caf\u00e9"));
    QCOMPARE(ok->acceptUpTo, -1);
}

void tst_Messages::getRequestCarriesTheAcceptLimit()
{
    const auto got = parseGetRequest(bodyOf(encodeGetRequest(QStringLiteral("a"), 8388608)));
    QVERIFY(got);
    QCOMPARE(got->name, QStringLiteral("a"));
    QCOMPARE(got->acceptUpTo, 8388608);
    QCOMPARE(parseGetRequest(bodyOf(encodeGetRequest(QStringLiteral("a"), 0)))->acceptUpTo, 0);
    // A negative limit, a short field or a byte after it is malformed.
    const QByteArray body = bodyOf(encodeGetRequest(QStringLiteral("a"))).toByteArray();
    QVERIFY(!parseGetRequest(body + QByteArray(8, '\xff')));
    QVERIFY(!parseGetRequest(body + QByteArray(7, '\0')));
    QVERIFY(!parseGetRequest(body + QByteArray(9, '\0')));
}

void tst_Messages::acceptRejectsNegativeOffset()
{
    QVERIFY(!parseAccept(bodyOf(encodeAccept(-1))));
    QCOMPARE(*parseAccept(bodyOf(encodeAccept(123))), 123);
}

void tst_Messages::endRequiresLowercaseHex_data()
{
    QTest::addColumn<QByteArray>("md5");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ok") << QByteArray("d41d8cd98f00b204e9800998ecf8427e") << true;
    QTest::newRow("upper") << QByteArray("D41D8CD98F00B204E9800998ECF8427E") << false;
    QTest::newRow("not hex") << QByteArray("z41d8cd98f00b204e9800998ecf8427e") << false;
    QTest::newRow("nul") << QByteArray("d41d8cd98f00b204e9800998ecf8427\0", 32) << false;
}

void tst_Messages::endRequiresLowercaseHex()
{
    QFETCH(QByteArray, md5);
    QFETCH(bool, valid);
    QCOMPARE(bool(parseEnd(md5)), valid);
}

void tst_Messages::errorMapsUnknownCodes()
{
    auto f = parseError(bodyOf(encodeError(ErrorCode::NotFound, QStringLiteral("x"))));
    QVERIFY(f);
    QCOMPARE(f->code, ErrorCode::NotFound);
    QCOMPARE(f->detail, QStringLiteral("x"));
    // A local-only code on the wire is a lie, not a reason to trust it.
    f = parseError(bodyOf(encodeError(ErrorCode::AlreadyExists, QString())));
    QCOMPARE(f->code, ErrorCode::ProtocolError);
}

QTEST_APPLESS_MAIN(tst_Messages)
#include "tst_messages.moc"
