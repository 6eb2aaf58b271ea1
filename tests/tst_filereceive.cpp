// FileReceive on its own: the server's answer to one GetRequest, frame by frame, with no
// connection, into a real folder. Each row is a script of server frames and what the user
// would find afterwards.

#include "client/filereceive.h"
#include "fs/datasync.h"
#include "protocol/messages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <cstring>

using namespace ferry;
using protocol::FrameType;
using Step = FileReceive::Step;
using State = FileReceive::State;

namespace {

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray content(qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char('a' + i % 26);
    return data;
}

/// One server frame of a script: a type and its body.
struct Frame
{
    FrameType type;
    QByteArray body;
};

Frame offer(const QString &name, qint64 size)
{
    return {FrameType::Offer,
        protocol::encodeOffer({name, size, 1700000000000}).mid(protocol::kHeaderSize)};
}

Frame data(const QByteArray &bytes)
{
    return {FrameType::Data, bytes};
}

Frame end(const QByteArray &md5)
{
    return {FrameType::End, protocol::encodeEnd(md5).mid(protocol::kHeaderSize)};
}

Frame error(ErrorCode code)
{
    return {FrameType::Error,
        protocol::encodeError(code, QStringLiteral("x")).mid(protocol::kHeaderSize)};
}

} // namespace

Q_DECLARE_METATYPE(QList<Frame>)

class tst_FileReceive : public QObject
{
    Q_OBJECT
private slots:
    void answer_data();
    void answer();
    void failsBeforeAsking();
    void bigFileIsAcceptedOrDeclined();
    void suspendedFileContinuesFromItsPart();
    void syncFailureKeepsThePart_data();
    void syncFailureKeepsThePart();
    void cancelWhileSyncingNeverRenames_data();
    void cancelWhileSyncingNeverRenames();
    void dropWhileSyncingKeepsTheFile();
};

void tst_FileReceive::answer_data()
{
    QTest::addColumn<QString>("localName");
    QTest::addColumn<QList<Frame>>("frames");
    QTest::addColumn<Step>("lastStep");
    QTest::addColumn<FileResult::Outcome>("outcome");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<bool>("finalExists");
    QTest::addColumn<bool>("partExists");

    const QByteArray body = content(1000);
    const QString name = QStringLiteral("f.txt");
    QTest::newRow("verified") << name
                              << QList<Frame> {offer(name, 1000), data(body.left(400)),
                                     data(body.mid(400)), end(md5Hex(body))}
                              << Step::Verified << FileResult::Outcome::Verified << ErrorCode::None
                              << true << false;
    QTest::newRow("empty file") << name << QList<Frame> {offer(name, 0), end(md5Hex({}))}
                                << Step::Verified << FileResult::Outcome::Verified
                                << ErrorCode::None << true << false;
    QTest::newRow("md5 differs") << name
                                 << QList<Frame> {offer(name, 1000), data(body),
                                        end(md5Hex("other"))}
                                 << Step::Finished << FileResult::Outcome::Mismatch
                                 << ErrorCode::Mismatch << false << false;
    QTest::newRow("not found answers this file only")
        << name << QList<Frame> {error(ErrorCode::NotFound)} << Step::Finished
        << FileResult::Outcome::Failed << ErrorCode::NotFound << false << false;
    QTest::newRow("read error after the data began ends the connection")
        << name
        << QList<Frame> {offer(name, 1000), data(body.left(10)), error(ErrorCode::ReadFailed)}
        << Step::Broken << FileResult::Outcome::Failed << ErrorCode::ReadFailed << false << true;
    QTest::newRow("offer for another file")
        << name << QList<Frame> {offer(QStringLiteral("g.txt"), 10)} << Step::Broken
        << FileResult::Outcome::Failed << ErrorCode::ProtocolError << false << false;
    QTest::newRow("more data than offered")
        << name << QList<Frame> {offer(name, 10), data(body.left(11))} << Step::Broken
        << FileResult::Outcome::Failed << ErrorCode::ProtocolError << false << false;
    QTest::newRow("data before the offer")
        << name << QList<Frame> {data(body.left(10))} << Step::Broken << FileResult::Outcome::Failed
        << ErrorCode::ProtocolError << false << false;
    // "blocker" is a file, so blocker/f.txt can't be created: its bytes, already on their
    // way, are read past and only this file fails.
    QTest::newRow("can't save: read past it")
        << QStringLiteral("blocker/f.txt")
        << QList<Frame> {offer(name, 1000), data(body), end(md5Hex(body))} << Step::Finished
        << FileResult::Outcome::Failed << ErrorCode::Refused << false << false;
    QTest::newRow("can't save, then too much data")
        << QStringLiteral("blocker/f.txt") << QList<Frame> {offer(name, 10), data(body)}
        << Step::Broken << FileResult::Outcome::Failed << ErrorCode::ProtocolError << false
        << false;
}

void tst_FileReceive::answer()
{
    QFETCH(QString, localName);
    QFETCH(QList<Frame>, frames);
    QFETCH(Step, lastStep);
    QFETCH(FileResult::Outcome, outcome);
    QFETCH(ErrorCode, code);
    QFETCH(bool, finalExists);
    QFETCH(bool, partExists);

    QTemporaryDir dir;
    QFile blocker(dir.filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    auto folder = std::make_shared<OutputFolder>(dir.path());
    GetOptions options;
    options.outputDir = dir.path();
    FileReceive file({7, QStringLiteral("f.txt"), localName}, options);
    QCOMPARE(file.state(), State::Unsent);
    const QByteArray request = file.ask(folder);
    QVERIFY(!request.isEmpty());
    QCOMPARE(file.state(), State::AwaitOffer);

    Step step = Step::More;
    for (const Frame &f : frames) {
        QCOMPARE(step == Step::More || step == Step::Started, true);
        QByteArray reply;
        step = file.onFrame(f.type, f.body, &reply);
        // Small files are accepted in the request itself: nothing to answer.
        QVERIFY(reply.isEmpty());
    }
    QCOMPARE(step, lastStep);
    if (step == Step::Verified) {
        // Whole and matching, but not on disk yet: no final name until the sync ends.
        QCOMPARE(file.state(), State::Syncing);
        QVERIFY(!QFile::exists(dir.filePath(localName)));
        QVERIFY(QFile::exists(dir.filePath(localName + QStringLiteral(".part"))));
        const UniqueFd fd = file.syncHandle();
        QVERIFY(fd);
        QCOMPARE(file.synced(DataSync::syncNow(fd.get())), Step::Finished);
    }
    QCOMPARE(file.state(), State::Done);
    QCOMPARE(file.result().id, quint64(7));
    QCOMPARE(file.result().outcome, outcome);
    QCOMPARE(file.result().failure.code, code);
    if (code == ErrorCode::NotFound)
        QCOMPARE(file.result().failure.detail, QStringLiteral("f.txt"));
    if (lastStep == Step::Broken)
        QCOMPARE(file.broken().code, code);
    QCOMPARE(QFile::exists(dir.filePath(localName)), finalExists);
    QCOMPARE(QFile::exists(dir.filePath(localName + QStringLiteral(".part"))), partExists);
    if (finalExists)
        QCOMPARE(file.result().localPath, QDir(dir.path()).filePath(localName));
}

void tst_FileReceive::failsBeforeAsking()
{
    QTemporaryDir dir;
    QFile existing(dir.filePath(QStringLiteral("f.txt")));
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("mine");
    existing.close();
    GetOptions options;
    options.outputDir = dir.path();
    FileReceive file({1, QStringLiteral("f.txt"), QStringLiteral("f.txt")}, options);
    QVERIFY(file.ask(std::make_shared<OutputFolder>(dir.path())).isEmpty());
    QCOMPARE(file.state(), State::Done);
    QCOMPARE(file.result().failure.code, ErrorCode::AlreadyExists);

    FileReceive bad({2, QStringLiteral("../f.txt"), QStringLiteral("../f.txt")}, options);
    QVERIFY(bad.ask(std::make_shared<OutputFolder>(dir.path())).isEmpty());
    QCOMPARE(bad.result().failure.code, ErrorCode::InvalidName);
}

void tst_FileReceive::bigFileIsAcceptedOrDeclined()
{
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    const qint64 big = FileReceive::kAcceptUpTo + 1;
    {
        FileReceive file({1, QStringLiteral("big"), QStringLiteral("big")}, options);
        const auto request = protocol::parseGetRequest(
            file.ask(std::make_shared<OutputFolder>(dir.path())).mid(protocol::kHeaderSize));
        QVERIFY(request);
        QCOMPARE(request->acceptUpTo, FileReceive::kAcceptUpTo);
        QByteArray reply;
        const Frame o = offer(QStringLiteral("big"), big);
        QCOMPARE(file.onFrame(o.type, o.body, &reply), Step::Started);
        QCOMPARE(reply, protocol::encodeAccept(0));
        QCOMPARE(file.size(), big);
    }
    {
        // Too big to take unasked, and it can't be saved: declined, nothing is sent.
        FileReceive file({2, QStringLiteral("big"), QStringLiteral("blocker/big")}, options);
        QFile blocker(dir.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(!file.ask(std::make_shared<OutputFolder>(dir.path())).isEmpty());
        QByteArray reply;
        const Frame o = offer(QStringLiteral("big"), big);
        QCOMPARE(file.onFrame(o.type, o.body, &reply), Step::Finished);
        QCOMPARE(reply, protocol::encodeFrame(FrameType::Decline));
        QCOMPARE(file.result().failure.code, ErrorCode::Refused);
    }
}

void tst_FileReceive::suspendedFileContinuesFromItsPart()
{
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    const QByteArray body = content(5000);
    const QString name = QStringLiteral("f.txt");
    FileReceive file({1, name, name}, options);
    auto folder = std::make_shared<OutputFolder>(dir.path());
    QVERIFY(!file.ask(folder).isEmpty());
    QByteArray reply;
    const Frame o = offer(name, body.size());
    QCOMPARE(file.onFrame(o.type, o.body, &reply), Step::Started);
    QCOMPARE(file.onFrame(FrameType::Data, body.left(1234), &reply), Step::More);

    // The connection drops: the bytes so far stay in f.txt.part.
    file.suspend();
    QCOMPARE(file.state(), State::Unsent);
    QCOMPARE(QFileInfo(dir.filePath(name + QStringLiteral(".part"))).size(), 1234);

    // The next connection asks again: the offer must come first, then it accepts at 1234.
    const auto again = protocol::parseGetRequest(file.ask(folder).mid(protocol::kHeaderSize));
    QVERIFY(again);
    QCOMPARE(again->acceptUpTo, -1);
    QCOMPARE(file.onFrame(o.type, o.body, &reply), Step::Started);
    QCOMPARE(reply, protocol::encodeAccept(1234));
    QCOMPARE(file.result().offset, 1234);
    QCOMPARE(file.onFrame(FrameType::Data, body.mid(1234), &reply), Step::More);
    const Frame e = end(md5Hex(body));
    QCOMPARE(file.onFrame(e.type, e.body, &reply), Step::Verified);
    file.syncNow();
    // The MD5 covers the whole file, the part from before the drop included.
    QCOMPARE(file.result().outcome, FileResult::Outcome::Verified);
    QCOMPARE(file.result().localMd5, md5Hex(body));
    QFile saved(dir.filePath(name));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), body);
    QVERIFY(!QFile::exists(dir.filePath(name + QStringLiteral(".part"))));
}

namespace {

/// A file of \a body fully received and verified, waiting for its sync.
bool receiveWhole(FileReceive *file, const std::shared_ptr<OutputFolder> &folder,
    const QString &name, const QByteArray &body)
{
    QByteArray reply;
    const Frame o = offer(name, body.size());
    const Frame e = end(md5Hex(body));
    return !file->ask(folder).isEmpty() && file->onFrame(o.type, o.body, &reply) == Step::Started
        && file->onFrame(FrameType::Data, body, &reply) == Step::More
        && file->onFrame(e.type, e.body, &reply) == Step::Verified
        && file->state() == State::Syncing;
}

} // namespace

void tst_FileReceive::syncFailureKeepsThePart_data()
{
    QTest::addColumn<int>("syncError");
    // What fdatasync reports when the disk fails or fills at writeback (NFS, thin storage).
    QTest::newRow("EIO") << EIO;
    QTest::newRow("ENOSPC") << ENOSPC;
    QTest::newRow("EDQUOT") << EDQUOT;
}

void tst_FileReceive::syncFailureKeepsThePart()
{
    QFETCH(int, syncError);
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    const QString name = QStringLiteral("f.txt");
    FileReceive file({1, name, name}, options);
    QVERIFY(receiveWhole(&file, std::make_shared<OutputFolder>(dir.path()), name, content(3000)));

    QCOMPARE(file.synced(syncError), Step::Finished);
    QCOMPARE(file.state(), State::Done);
    QCOMPARE(file.result().outcome, FileResult::Outcome::Failed);
    QCOMPARE(file.result().failure.code, ErrorCode::WriteFailed);
    // The message names the file and the system's reason.
    QVERIFY(file.result().failure.detail.startsWith(name + QStringLiteral(".part: ")));
    QVERIFY(file.result().failure.detail.endsWith(QString::fromLocal8Bit(strerror(syncError))));
    QVERIFY(file.result().localPath.isEmpty());
    QVERIFY(!QFile::exists(dir.filePath(name)));
    QCOMPARE(QFileInfo(dir.filePath(name + QStringLiteral(".part"))).size(), 3000);
}

void tst_FileReceive::cancelWhileSyncingNeverRenames_data()
{
    QTest::addColumn<bool>("byUser");
    QTest::newRow("connection aborted") << false;
    QTest::newRow("one file cancelled by the user") << true;
}

void tst_FileReceive::cancelWhileSyncingNeverRenames()
{
    QFETCH(bool, byUser);
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    const QString name = QStringLiteral("f.txt");
    FileReceive file({1, name, name}, options);
    QVERIFY(receiveWhole(&file, std::make_shared<OutputFolder>(dir.path()), name, content(3000)));
    // The sync threads still have their own descriptor on it when the user cancels.
    const UniqueFd pending = file.syncHandle();
    QVERIFY(pending);

    if (byUser)
        file.cancel();
    else
        file.fail({ErrorCode::Cancelled, {}});
    QCOMPARE(file.state(), State::Done);
    QCOMPARE(file.result().outcome, FileResult::Outcome::Failed);
    QCOMPARE(file.result().failure.code, ErrorCode::Cancelled);
    QCOMPARE(DataSync::syncNow(pending.get()), 0);
    file.syncNow(); // Too late: it is no longer waiting.
    QVERIFY(!QFile::exists(dir.filePath(name)));
    QVERIFY(QFile::exists(dir.filePath(name + QStringLiteral(".part"))));
}

void tst_FileReceive::dropWhileSyncingKeepsTheFile()
{
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    const QString name = QStringLiteral("f.txt");
    const QByteArray body = content(3000);
    FileReceive file({1, name, name}, options);
    QVERIFY(receiveWhole(&file, std::make_shared<OutputFolder>(dir.path()), name, body));

    // Every byte is in: a dropped connection has nothing to take back.
    file.suspend();
    QCOMPARE(file.state(), State::Syncing);
    file.syncNow();
    QCOMPARE(file.result().outcome, FileResult::Outcome::Verified);
    QFile saved(dir.filePath(name));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), body);
    QVERIFY(!QFile::exists(dir.filePath(name + QStringLiteral(".part"))));
}

QTEST_GUILESS_MAIN(tst_FileReceive)
#include "tst_filereceive.moc"
