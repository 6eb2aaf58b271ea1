// Hostile peers against a real server and a real client, in process, on 127.0.0.1.
// Each test is one line of SECURITY.md's checklist.

#include "client/folderfetch.h"
#include "hostilepeer.h"
#include "protocol/auth.h"
#include "server/server.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ferry;
using namespace ferry::test;
using protocol::FrameType;

namespace {
constexpr int kHandshakeMs = 800;
constexpr int kRequestMs = 1200;
constexpr int kTransferMs = 1200;
constexpr int kSlackMs = 3000;
const QByteArray kPassword = QByteArrayLiteral("correct horse battery staple");

QByteArray header(quint8 type, quint32 length)
{
    QByteArray h(protocol::kHeaderSize, Qt::Uninitialized);
    h[0] = char(type);
    qToBigEndian<quint32>(length, h.data() + 1);
    return h;
}

QByteArray helloWithVersion(quint16 version)
{
    protocol::Hello h;
    h.version = version;
    return protocol::encodeHello(h);
}

/// What a hostile server lists and serves: any names, folders included, and the bytes of each
/// file it is asked for (accepted in advance: every file here is small).
struct FakeShare
{
    QList<protocol::FileEntry> listing;
    QHash<QString, QByteArray> files;
    /// Runs when a GetRequest arrives, before it is answered: the moment to swap something.
    std::function<void(const QString &)> beforeAnswer;

    void add(const QString &name, const QByteArray &content)
    {
        listing.append({name, content.size(), 1700000000000LL});
        files.insert(name, content);
    }
    void addFolder(const QString &name)
    {
        protocol::FileEntry e;
        e.name = name;
        e.isFolder = true;
        listing.append(e);
    }
    void serveOn(RawServer &fake)
    {
        fake.script = [this](RawServer &s, const RawFrame &f) {
            if (f.is(FrameType::ListRequest)) {
                s.send(protocol::encodeListEntries(listing));
                return;
            }
            const auto request
                = f.is(FrameType::GetRequest) ? protocol::parseGetRequest(f.body) : std::nullopt;
            if (!request)
                return;
            if (beforeAnswer)
                beforeAnswer(request->name);
            const QByteArray content = files.value(request->name);
            s.send(protocol::encodeOffer({request->name, content.size(), 1700000000000LL}));
            if (!content.isEmpty())
                s.send(protocol::encodeFrame(FrameType::Data, content));
            s.send(protocol::encodeEnd(
                QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex()));
        };
    }
};

struct FolderRun
{
    QList<FileResult> results;
    FolderSummary summary;
    std::optional<Failure> failure;
    bool finished = false;
};

FolderRun fetchFolder(quint16 port, const QStringList &names, const GetOptions &options)
{
    FolderRun run;
    ClientSession session;
    session.setTimeouts(5000, 5000);
    FolderFetch fetch(&session);
    QObject::connect(&fetch, &FolderFetch::fileDone, &session,
        [&](const FileResult &r, bool) { run.results.append(r); });
    QObject::connect(&fetch, &FolderFetch::finished, &session, [&](const FolderSummary &s) {
        run.summary = s;
        run.finished = true;
    });
    QObject::connect(
        &session, &ClientSession::failed, &session, [&](const Failure &f) { run.failure = f; });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    fetch.start(names, false, options);
    (void)QTest::qWaitFor([&] { return run.finished; }, 20000);
    return run;
}

/// Everything below \a root, relative, folders with a trailing '/'; links are not followed.
QStringList tree(const QString &root)
{
    QStringList found;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString rel = QDir(root).relativeFilePath(info.filePath());
        found.append(info.isDir() && !info.isSymLink() ? rel + QLatin1Char('/') : rel);
    }
    found.sort();
    return found;
}
} // namespace

class tst_Hostile : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    // Server: malformed and out-of-place frames.
    void lengthOverBoundIsRejected_data();
    void lengthOverBoundIsRejected();
    void serverOnlyFrameOverReadBufferIsRejectedAtHeader_data();
    void serverOnlyFrameOverReadBufferIsRejectedAtHeader();
    void unknownFrameTypeIsRejected_data();
    void unknownFrameTypeIsRejected();
    void helloWithBadMagicIsRejected();
    void helloFromOtherVersionIsRejected_data();
    void helloFromOtherVersionIsRejected();
    void validFrameInWrongStateIsRejected_data();
    void validFrameInWrongStateIsRejected();
    void frameSplitAtEveryByteIsAccepted();
    void requestNamesEscapingTheShareAreRefused_data();
    void requestNamesEscapingTheShareAreRefused();
    void symlinkInShareToOutsideIsRefused();
    void symlinkSwappedInAfterListingIsNotFollowed();

    // Server: deadlines and limits.
    void lengthPrefixThenSilenceIsCutAtHandshakeDeadline();
    void slowlorisIsCutAtHandshakeDeadline();
    void idleConnectionIsCutAtRequestDeadline();
    void clientThatNeverReadsIsCutAtTransferDeadline();
    void thousandsOfTinyRequestsHitTheQueueLimit();
    void connectionsOverTotalLimitAreTurnedAway();
    void connectionsOverPerPeerLimitAreTurnedAway();
    void hostilePeersDoNotDisturbAnHonestDownload();
    void twoHundredHonestClientsAreServedWithDefaultLimits();
    void burstWhileTheServerThreadIsBusyIsQueuedByTheKernel();

    // Password-protected share.
    void protectedShareListsNothingBeforeAuth();
    void protectedShareAcceptsTheRightPassword();
    void wrongPasswordIsRefusedAndClosed();
    void missingPasswordIsReportedAsAuthRequired();
    void malformedAuthProofIsRejected();
    void replayedAuthProofIsRejected();
    void repeatedAuthFailuresAreSlowedDown();
    void parallelGuessesFromOneAddressAreSpacedOut();
    void passwordNeverAppearsOnTheWireOrInTheLog();

    // Client against a hostile server.
    void silentServerIsCutAtConnectDeadline();
    void serverHelloFromOtherVersionIsRejected_data();
    void serverHelloFromOtherVersionIsRejected();
    void serverLengthOverBoundIsRejected();
    void unknownFrameFromServerIsRejected();
    void unrequestedFrameFromServerIsRejected();
    void perFileRefusalsFailOnlyTheirFile_data();
    void perFileRefusalsFailOnlyTheirFile();
    void offerForAnotherNameIsRejected();
    void serverSendingMoreDataThanAnnouncedIsRejected_data();
    void serverSendingMoreDataThanAnnouncedIsRejected();
    void bigFileInOddlySizedFramesIsVerified();
    void endWithMalformedMd5IsRejected_data();
    void endWithMalformedMd5IsRejected();
    void endlessListingIsCut();
    void unsafeLocalNamesAreRefusedBeforeAsking_data();
    void unsafeLocalNamesAreRefusedBeforeAsking();
    void prePlantedSymlinkAtPartIsNotFollowed_data();
    void prePlantedSymlinkAtPartIsNotFollowed();
    void prePlantedSymlinkAtFinalPathIsNotFollowed_data();
    void prePlantedSymlinkAtFinalPathIsNotFollowed();
    void symlinkedOutputFolderIsNotFollowed();
    void hostileListedPathsCreateNothingOutside_data();
    void hostileListedPathsCreateNothingOutside();
    void folderThatBecomesASymlinkIsNotFollowed_data();
    void folderThatBecomesASymlinkIsNotFollowed();
    void listingOfManyFilesComesInBoundedFrames();
    void hashQueryOfAFolderOrAnEscapeIsRefusedAlone();
    void clientThatStopsReadingAListingIsCutAtTheDeadline();

private:
    ServerConfig config() const;
    quint16 start(const ServerConfig &config);
    /// Waits for a server event of \a kind (and \a code, unless None).
    bool waitForEvent(ServerEvent::Kind kind, ErrorCode code = ErrorCode::None, int ms = 10000);
    QString out(const QString &name = {}) const
    {
        return m_tmp->filePath(QStringLiteral("out/") + name);
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_share;
    QByteArray m_smallMd5;
    std::unique_ptr<Server> m_server;
    QList<ServerEvent> m_events;
};

void tst_Hostile::initTestCase()
{
    // Every rejected peer logs a line; keep the output to the test results.
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
}

void tst_Hostile::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_share = m_tmp->filePath(QStringLiteral("share"));
    m_smallMd5 = writeRandomFile(m_share + QStringLiteral("/a.txt"), 1000);
    writeRandomFile(m_share + QStringLiteral("/d/f.txt"), 100, 2);
    writeRandomFile(m_tmp->filePath(QStringLiteral("outside/secret")), 50, 3);
    writeRandomFile(m_tmp->filePath(QStringLiteral("outside/f.txt")), 60, 4);
    QDir().mkpath(out());
    m_events.clear();
}

void tst_Hostile::cleanup()
{
    m_server.reset();
    m_tmp.reset();
}

ServerConfig tst_Hostile::config() const
{
    ServerConfig c;
    c.root = m_share;
    c.bindAddress = QHostAddress::LocalHost;
    c.port = 0;
    c.handshakeTimeoutMs = kHandshakeMs;
    c.requestTimeoutMs = kRequestMs;
    c.transferTimeoutMs = kTransferMs;
    c.workerThreads = 2;
    return c;
}

quint16 tst_Hostile::start(const ServerConfig &c)
{
    m_server = std::make_unique<Server>();
    connect(
        m_server.get(), &Server::event, this, [this](const ServerEvent &e) { m_events.append(e); });
    Failure failure;
    if (!m_server->start(c, &failure))
        return 0;
    return m_server->serverPort();
}

bool tst_Hostile::waitForEvent(ServerEvent::Kind kind, ErrorCode code, int ms)
{
    return QTest::qWaitFor(
        [&] {
            for (const ServerEvent &e : std::as_const(m_events)) {
                if (e.kind == kind && (code == ErrorCode::None || e.code == code))
                    return true;
            }
            return false;
        },
        ms);
}

// ---- Server: malformed and out-of-place frames --------------------------------------

void tst_Hostile::lengthOverBoundIsRejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (auto t : {FrameType::Hello, FrameType::AuthProof, FrameType::ListRequest,
             FrameType::GetRequest, FrameType::Accept, FrameType::Data, FrameType::End,
             FrameType::Error, FrameType::ListEntries}) {
        const quint32 bound = quint32(protocol::maxBodySize(quint8(t)));
        QTest::addRow("type 0x%02x, bound + 1", int(t)) << header(quint8(t), bound + 1);
    }
    QTest::addRow("negative as int32") << header(quint8(FrameType::Hello), 0x80000000u);
    QTest::addRow("4 GiB data") << header(quint8(FrameType::Data), 0xffffffffu);
}

void tst_Hostile::lengthOverBoundIsRejected()
{
    QFETCH(QByteArray, bytes);
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(bytes);
    QCOMPARE(peer.nextError(), ErrorCode::ProtocolError);
    QVERIFY(peer.waitClosed(kSlackMs));
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::ProtocolError));
}

void tst_Hostile::serverOnlyFrameOverReadBufferIsRejectedAtHeader_data()
{
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QByteArray>("head");
    // Within the type's bound, but more than a server's 64 KiB read buffer could ever hold:
    // only a server sends these.
    QTest::newRow("data of 64 KiB") << true << header(quint8(FrameType::Data), 64 * 1024);
    QTest::newRow("data of 4 MiB") << true << header(quint8(FrameType::Data), 4 << 20);
    QTest::newRow("data before hello") << false << header(quint8(FrameType::Data), 1 << 20);
    QTest::newRow("list entries of 1 MiB")
        << true << header(quint8(FrameType::ListEntries), 1 << 20);
}

void tst_Hostile::serverOnlyFrameOverReadBufferIsRejectedAtHeader()
{
    QFETCH(bool, afterHello);
    QFETCH(QByteArray, head);
    ServerConfig c = config();
    // Long deadlines: a server that waits for the body would be cut by neither in this test.
    c.handshakeTimeoutMs = 60000;
    c.requestTimeoutMs = 60000;
    RawClient peer(start(c));
    QVERIFY(peer.readHello());
    // The header alone: docs/protocol.md promises it is judged before anything is waited for.
    peer.send((afterHello ? protocol::encodeHello({}) : QByteArray()) + head);
    QCOMPARE(peer.nextError(kSlackMs), ErrorCode::ProtocolError);
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::unknownFrameTypeIsRejected_data()
{
    QTest::addColumn<int>("type");
    for (int t : {0x00, 0x04, 0x13, 0x26, 0x7e, 0x80, 0xff})
        QTest::addRow("0x%02x", t) << t;
}

void tst_Hostile::unknownFrameTypeIsRejected()
{
    QFETCH(int, type);
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + header(quint8(type), 0));
    QCOMPARE(peer.nextError(), ErrorCode::ProtocolError);
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::helloWithBadMagicIsRejected()
{
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    QByteArray hello = protocol::encodeHello({});
    hello[protocol::kHeaderSize] = 'X';
    peer.send(hello);
    QCOMPARE(peer.nextError(), ErrorCode::ProtocolError);
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::helloFromOtherVersionIsRejected_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("older (0)") << 0;
    QTest::newRow("v2, before folders") << 2;
    QTest::newRow("newer (4)") << 4;
    QTest::newRow("newest (65535)") << 65535;
}

void tst_Hostile::helloFromOtherVersionIsRejected()
{
    QFETCH(int, version);
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(helloWithVersion(quint16(version)) + protocol::encodeFrame(FrameType::ListRequest));
    const RawFrame f = peer.next();
    QVERIFY(f.is(FrameType::Error));
    QCOMPARE(f.errorCode(), ErrorCode::VersionMismatch);
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::validFrameInWrongStateIsRejected_data()
{
    QTest::addColumn<bool>("afterHello");
    QTest::addColumn<QByteArray>("frame");
    const QByteArray list = protocol::encodeFrame(FrameType::ListRequest);
    const QByteArray get = protocol::encodeGetRequest(QStringLiteral("a.txt"));
    const QByteArray accept = protocol::encodeAccept(0);
    const QByteArray data = protocol::encodeFrame(FrameType::Data, "x");
    const QByteArray end = protocol::encodeEnd(QByteArray(32, 'a'));
    const QByteArray proof = protocol::encodeAuthProof(QByteArray(16, 'n'), QByteArray(32, 'p'));
    const QByteArray offer = protocol::encodeOffer({QStringLiteral("a.txt"), 1, 0});
    QTest::newRow("list before hello") << false << list;
    QTest::newRow("get before hello") << false << get;
    QTest::newRow("accept before hello") << false << accept;
    QTest::newRow("auth proof before hello") << false << proof;
    QTest::newRow("hello twice") << true << protocol::encodeHello({});
    QTest::newRow("accept without offer") << true << accept;
    QTest::newRow("decline without offer") << true << protocol::encodeFrame(FrameType::Decline);
    QTest::newRow("data from the client") << true << data;
    QTest::newRow("end from the client") << true << end;
    QTest::newRow("offer from the client") << true << offer;
    QTest::newRow("auth proof on an open share") << true << proof;
    QTest::newRow("auth result from the client")
        << true << protocol::encodeFrame(FrameType::AuthResult);
    QTest::newRow("list end from the client") << true << protocol::encodeFrame(FrameType::ListEnd);
}

void tst_Hostile::validFrameInWrongStateIsRejected()
{
    QFETCH(bool, afterHello);
    QFETCH(QByteArray, frame);
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send((afterHello ? protocol::encodeHello({}) : QByteArray()) + frame);
    for (;;) {
        const RawFrame f = peer.next();
        QVERIFY2(f.type >= 0, "closed without an error frame");
        QVERIFY2(!f.is(FrameType::ListEntries) && !f.is(FrameType::Offer), "served anyway");
        if (f.is(FrameType::Error)) {
            QCOMPARE(f.errorCode(), ErrorCode::ProtocolError);
            break;
        }
    }
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::frameSplitAtEveryByteIsAccepted()
{
    RawClient peer(start(config()));
    peer.socket().setSocketOption(QAbstractSocket::LowDelayOption, 1);
    QVERIFY(peer.readHello());
    const QByteArray bytes
        = protocol::encodeHello({}) + protocol::encodeFrame(FrameType::ListRequest);
    for (char c : bytes) {
        peer.send(QByteArray(1, c));
        QTest::qWait(5);
    }
    const RawFrame f = peer.next();
    QVERIFY(f.is(FrameType::ListEntries));
    const auto entries = protocol::parseListEntries(f.body);
    QVERIFY(entries);
    QCOMPARE(entries->size(), 3); // a.txt, the folder d and d/f.txt
}

void tst_Hostile::requestNamesEscapingTheShareAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("..") << QStringLiteral("..");
    QTest::newRow("a/../..") << QStringLiteral("a/../..");
    QTest::newRow("../outside/secret") << QStringLiteral("../outside/secret");
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
    QTest::newRow("drive letter") << QStringLiteral("C:\\x");
    QTest::newRow("device path") << QStringLiteral("\\\\?\\C:\\x");
    QTest::newRow("backslash") << QStringLiteral("d\\f.txt");
    QTest::newRow("NUL") << QStringLiteral("a.txt") + QChar(0) + QStringLiteral("x");
    QTest::newRow("ANSI escape") << QStringLiteral("\x1b[31mred");
    QTest::newRow("empty component") << QStringLiteral("d//f.txt");
    QTest::newRow("over-long component") << QString(300, QLatin1Char('x'));
}

void tst_Hostile::requestNamesEscapingTheShareAreRefused()
{
    QFETCH(QString, name);
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeGetRequest(name));
    const RawFrame f = peer.next();
    QVERIFY(f.is(FrameType::Error));
    QVERIFY(f.errorCode() == ErrorCode::Refused || f.errorCode() == ErrorCode::NotFound);
    // Only that request failed: the session goes on.
    peer.send(protocol::encodeFrame(FrameType::ListRequest));
    QVERIFY(peer.next().is(FrameType::ListEntries));
    // The log shows the name made printable, never the raw escape.
    QVERIFY(waitForEvent(ServerEvent::Kind::Refused));
}

void tst_Hostile::symlinkInShareToOutsideIsRefused()
{
    QVERIFY(QFile::link(
        m_tmp->filePath(QStringLiteral("outside/secret")), m_share + QStringLiteral("/link")));
    QVERIFY(QFile::link(
        m_tmp->filePath(QStringLiteral("outside")), m_share + QStringLiteral("/linkdir")));
    const quint16 port = start(config());
    const ClientRun run = runClient(port, [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.listed);
    for (const auto &e : run.listing)
        QVERIFY2(!e.name.startsWith(QLatin1String("link")), qPrintable(e.name));
    const ClientRun get = runClient(port, [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("link"), QStringLiteral("linkdir/secret")},
            {out(), ConflictPolicy::Fail, false});
    });
    QCOMPARE(get.results.size(), 2);
    for (const FileResult &r : get.results)
        QCOMPARE(r.failure.code, ErrorCode::Refused);
    QVERIFY(!QFile::exists(out(QStringLiteral("link"))));
    QVERIFY(!QFile::exists(out(QStringLiteral("linkdir/secret"))));
}

void tst_Hostile::symlinkSwappedInAfterListingIsNotFollowed()
{
    const quint16 port = start(config());
    const ClientRun listed = runClient(port, [](ClientSession &s) { s.requestList(); });
    QVERIFY(listed.listed);
    QCOMPARE(listed.listing.size(), 3); // a.txt, d and d/f.txt
    // Between the check (the listing) and the open, d becomes a link to outside/.
    QVERIFY(QDir(m_share).rename(QStringLiteral("d"), QStringLiteral("d.orig")));
    QVERIFY(
        QFile::link(m_tmp->filePath(QStringLiteral("outside")), m_share + QStringLiteral("/d")));
    const ClientRun get = runClient(port, [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("d/f.txt")}, {out(), ConflictPolicy::Fail, false});
    });
    QCOMPARE(get.results.size(), 1);
    QCOMPARE(get.results.first().failure.code, ErrorCode::Refused);
    QVERIFY(!QFile::exists(out(QStringLiteral("d/f.txt"))));
}

// ---- Server: deadlines and limits -----------------------------------------------------

void tst_Hostile::lengthPrefixThenSilenceIsCutAtHandshakeDeadline()
{
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    QElapsedTimer clock;
    clock.start();
    peer.send(header(quint8(FrameType::Hello), 11) + "FER");
    QVERIFY(peer.waitClosed(kHandshakeMs + kSlackMs));
    QVERIFY(clock.elapsed() < kHandshakeMs + kSlackMs);
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::Timeout));
    QCOMPARE(m_events.last().detail, QStringLiteral("hello"));
}

void tst_Hostile::slowlorisIsCutAtHandshakeDeadline()
{
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    QElapsedTimer clock;
    clock.start();
    // A valid hello, one byte every 100 ms: it would take 1.6 s, twice the deadline.
    const QByteArray hello = protocol::encodeHello({});
    int sent = 0;
    while (peer.isOpen() && sent < hello.size() && clock.elapsed() < kHandshakeMs + kSlackMs) {
        peer.send(hello.mid(sent++, 1));
        QTest::qWait(100);
    }
    QVERIFY(peer.waitClosed(kHandshakeMs + kSlackMs - clock.elapsed()));
    QVERIFY2(sent < hello.size(), "the trickle was kept alive past the handshake deadline");
    QVERIFY(clock.elapsed() < kHandshakeMs + kSlackMs);
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::Timeout));
}

void tst_Hostile::idleConnectionIsCutAtRequestDeadline()
{
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}));
    QElapsedTimer clock;
    clock.start();
    RawFrame error;
    do
        error = peer.next(kRequestMs + kSlackMs);
    while (error.type >= 0 && !error.is(FrameType::Error));
    const auto failure = protocol::parseError(error.body);
    QVERIFY(failure);
    QCOMPARE(failure->code, ErrorCode::Timeout);
    // The detail reaches a person (the client's window, the server's log): a word naming the
    // wait, never a state number.
    QCOMPARE(failure->detail, QStringLiteral("request"));
    QVERIFY(peer.waitClosed(kSlackMs));
    QVERIFY(clock.elapsed() < kRequestMs + kSlackMs);
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::Timeout));
    for (const ServerEvent &e : std::as_const(m_events)) {
        if (e.code == ErrorCode::Timeout)
            QCOMPARE(e.detail, QStringLiteral("request"));
    }
}

void tst_Hostile::clientThatNeverReadsIsCutAtTransferDeadline()
{
    writeRandomFile(m_share + QStringLiteral("/big.bin"), 64 << 20, 7);
    RawClient peer(start(config()));
    peer.socket().setReadBufferSize(64 * 1024);
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeGetRequest(QStringLiteral("big.bin")));
    QVERIFY(peer.next().is(FrameType::Offer));
    QElapsedTimer clock;
    clock.start();
    peer.send(protocol::encodeAccept(0));
    // From here on the peer reads nothing: the server must give up, not wait forever.
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeSessions() == 0; },
        kTransferMs + kHandshakeMs + 2 * kSlackMs));
    QVERIFY(clock.elapsed() < kTransferMs + kHandshakeMs + 2 * kSlackMs);
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::Timeout));
}

void tst_Hostile::thousandsOfTinyRequestsHitTheQueueLimit()
{
    ServerConfig c = config();
    c.maxQueuedRequests = 16;
    c.requestTimeoutMs = 30000;
    RawClient peer(start(c));
    peer.socket().setReadBufferSize(16 * 1024);
    QVERIFY(peer.readHello());
    QByteArray flood = protocol::encodeHello({});
    for (int i = 0; i < 20000; ++i)
        flood += protocol::encodeFrame(FrameType::ListRequest);
    peer.send(flood);
    QVERIFY(waitForEvent(ServerEvent::Kind::LimitHit, ErrorCode::TooManyRequests));
    QVERIFY(
        QTest::qWaitFor([&] { return m_server->activeSessions() == 0; }, kHandshakeMs + kSlackMs));
}

void tst_Hostile::connectionsOverTotalLimitAreTurnedAway()
{
    ServerConfig c = config();
    c.maxConnections = 3;
    c.requestTimeoutMs = 30000;
    const quint16 port = start(c);
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 3; ++i) {
        held.push_back(std::make_unique<RawClient>(port));
        QVERIFY(held.back()->readHello());
    }
    RawClient fourth(port);
    const RawFrame f = fourth.next();
    QVERIFY(f.is(FrameType::Error));
    QCOMPARE(f.errorCode(), ErrorCode::Busy);
    QVERIFY(fourth.waitClosed(kSlackMs));
    QVERIFY(waitForEvent(ServerEvent::Kind::LimitHit, ErrorCode::Busy));
    QCOMPARE(m_events.last().detail, QStringLiteral("max-connections"));
    // Room again once one leaves.
    held.pop_back();
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeSessions() == 2; }, kSlackMs));
    RawClient fifth(port);
    QVERIFY(fifth.readHello());
}

void tst_Hostile::connectionsOverPerPeerLimitAreTurnedAway()
{
    ServerConfig c = config();
    c.maxPerPeer = 2;
    c.requestTimeoutMs = 30000;
    const quint16 port = start(c);
    RawClient a(port), b(port);
    QVERIFY(a.readHello());
    QVERIFY(b.readHello());
    RawClient third(port);
    QCOMPARE(third.nextError(), ErrorCode::Busy);
    QVERIFY(waitForEvent(ServerEvent::Kind::LimitHit, ErrorCode::Busy));
    QCOMPARE(m_events.last().detail, QStringLiteral("max-per-peer"));
    // Another address is still welcome.
    RawClient other(port, QHostAddress(QStringLiteral("127.0.0.2")));
    QVERIFY(other.readHello());
}

void tst_Hostile::hostilePeersDoNotDisturbAnHonestDownload()
{
    const QByteArray md5 = writeRandomFile(m_share + QStringLiteral("/big.bin"), 8 << 20, 9);
    const quint16 port = start(config());
    RawClient oversize(port), unknown(port), silent(port), slow(port);
    for (RawClient *p : {&oversize, &unknown, &silent, &slow})
        QVERIFY(p->waitConnected());
    oversize.send(header(quint8(FrameType::Data), 0xffffffffu));
    unknown.send(header(0x99, 0));
    slow.send(QByteArray(1, char(FrameType::Hello)));
    const ClientRun run = runClient(port, [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("big.bin")}, {out(), ConflictPolicy::Fail, false});
    });
    QVERIFY(!run.failure);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(md5OfFile(out(QStringLiteral("big.bin"))), md5);
}

void tst_Hostile::twoHundredHonestClientsAreServedWithDefaultLimits()
{
    ServerConfig c;
    c.root = m_share;
    c.bindAddress = QHostAddress::LocalHost;
    c.port = 0;
    const quint16 port = start(c);
    constexpr int kClients = 200;
    std::vector<std::unique_ptr<ClientSession>> sessions;
    int listed = 0;
    int failed = 0;
    for (int i = 0; i < kClients; ++i) {
        auto s = std::make_unique<ClientSession>();
        connect(s.get(), &ClientSession::listReceived, this, [&] { ++listed; });
        connect(s.get(), &ClientSession::failed, this, [&] { ++failed; });
        s->connectToServer(QStringLiteral("127.0.0.1"), port);
        sessions.push_back(std::move(s));
    }
    // All connected at once before any asks, so they are concurrent.
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeSessions() == kClients; }, 30000));
    for (auto &s : sessions)
        s->requestList();
    QVERIFY(QTest::qWaitFor([&] { return listed + failed == kClients; }, 60000));
    QCOMPARE(failed, 0);
    QCOMPARE(listed, kClients);
}

void tst_Hostile::burstWhileTheServerThreadIsBusyIsQueuedByTheKernel()
{
    ServerConfig c = config();
    c.handshakeTimeoutMs = 60000;
    const quint16 port = start(c);
    QVERIFY(port);
    QCOMPARE(m_server->listenBacklogSize(), Server::kListenBacklog);
    // The server's thread (this one) runs no event loop meanwhile, as when it is busy: only
    // the kernel's accept queue can complete these connections. Past the backlog Linux drops
    // the SYN, and the client waits a second or more before it tries again.
    constexpr int kBurst = 100; // more than Qt's default backlog of 50
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(port);
    std::vector<pollfd> fds;
    for (int i = 0; i < kBurst; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        QVERIFY(fd >= 0);
        ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        fds.push_back({fd, POLLOUT, 0});
    }
    int connected = 0;
    for (int round = 0; round < 50 && connected < kBurst; ++round) {
        ::poll(fds.data(), fds.size(), 100);
        connected = 0;
        for (const pollfd &p : fds) {
            int error = 0;
            socklen_t len = sizeof error;
            if ((p.revents & POLLOUT) && ::getsockopt(p.fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0
                && error == 0)
                ++connected;
        }
    }
    for (const pollfd &p : fds)
        ::close(p.fd);
    QCOMPARE(connected, kBurst);
}

// ---- Password-protected share -----------------------------------------------------

void tst_Hostile::protectedShareListsNothingBeforeAuth()
{
    ServerConfig c = config();
    c.password = kPassword;
    RawClient peer(start(c));
    const auto hello = peer.readHello();
    QVERIFY(hello);
    QVERIFY(hello->flags & protocol::PasswordRequired);
    QCOMPARE(hello->nonce.size(), auth::kNonceSize);
    peer.send(protocol::encodeHello({}) + protocol::encodeFrame(FrameType::ListRequest)
        + protocol::encodeGetRequest(QStringLiteral("a.txt")));
    for (;;) {
        const RawFrame f = peer.next();
        QVERIFY(f.type >= 0);
        QVERIFY(!f.is(FrameType::ListEntries) && !f.is(FrameType::Offer) && !f.is(FrameType::Data));
        if (f.is(FrameType::Error)) {
            QCOMPARE(f.errorCode(), ErrorCode::ProtocolError);
            break;
        }
    }
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::protectedShareAcceptsTheRightPassword()
{
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 10000;
    const quint16 port = start(c);
    const ClientRun run = runClient(
        port,
        [&](ClientSession &s) {
            s.requestList();
            s.requestFiles({QStringLiteral("a.txt")}, {out(), ConflictPolicy::Fail, false});
        },
        kPassword);
    QVERIFY(!run.failure);
    QVERIFY(run.listed);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(md5OfFile(out(QStringLiteral("a.txt"))), m_smallMd5);
}

void tst_Hostile::wrongPasswordIsRefusedAndClosed()
{
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 10000;
    const quint16 port = start(c);
    const ClientRun run = runClient(
        port, [](ClientSession &s) { s.requestList(); }, QByteArrayLiteral("wrong"));
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::AuthFailed);
    QVERIFY(!run.listed);
    QVERIFY(waitForEvent(ServerEvent::Kind::Refused, ErrorCode::AuthFailed));
    QVERIFY(QTest::qWaitFor([&] { return m_server->activeSessions() == 0; }, kSlackMs));
}

void tst_Hostile::missingPasswordIsReportedAsAuthRequired()
{
    ServerConfig c = config();
    c.password = kPassword;
    const ClientRun run = runClient(start(c), [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::AuthRequired);
    QVERIFY(!run.listed);
}

void tst_Hostile::malformedAuthProofIsRejected()
{
    ServerConfig c = config();
    c.password = kPassword;
    RawClient peer(start(c));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({})
        + protocol::encodeAuthProof(QByteArray(15, 'n'), QByteArray(32, 'p')));
    QCOMPARE(peer.nextError(), ErrorCode::ProtocolError);
    QVERIFY(peer.waitClosed(kSlackMs));
}

void tst_Hostile::replayedAuthProofIsRejected()
{
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 10000;
    const quint16 port = start(c);
    const QByteArray key = auth::deriveKey(kPassword);
    const QByteArray clientNonce(auth::kNonceSize, 'c');

    RawClient first(port);
    const auto hello = first.readHello();
    QVERIFY(hello);
    const QByteArray proof
        = protocol::encodeAuthProof(clientNonce, auth::proof(key, hello->nonce, clientNonce));
    first.send(protocol::encodeHello({}) + proof);
    QVERIFY(first.next().is(FrameType::AuthResult));

    // The same bytes on a new connection answer a nonce that is no longer asked.
    RawClient second(port);
    const auto hello2 = second.readHello();
    QVERIFY(hello2);
    QVERIFY(hello2->nonce != hello->nonce);
    second.send(protocol::encodeHello({}) + proof);
    QCOMPARE(second.nextError(), ErrorCode::AuthFailed);
    QVERIFY(second.waitClosed(kSlackMs));
}

void tst_Hostile::repeatedAuthFailuresAreSlowedDown()
{
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 5000;
    c.authDelayMs = 200;
    c.authDelayCapMs = 400;
    const quint16 port = start(c);
    // Expected minimum wait before the k-th answer, one attempt at a time.
    const QList<int> minimum = {0, 200, 400, 400};
    for (int k = 0; k < minimum.size(); ++k) {
        RawClient peer(port);
        QVERIFY(peer.readHello());
        QElapsedTimer clock;
        clock.start();
        peer.send(protocol::encodeHello({})
            + protocol::encodeAuthProof(QByteArray(16, 'n'), QByteArray(32, char(k))));
        QCOMPARE(peer.nextError(c.authDelayCapMs + kSlackMs), ErrorCode::AuthFailed);
        // A lower bound only: the delay is a minimum, never a promise of speed.
        QVERIFY2(clock.elapsed() >= minimum.at(k) * 9 / 10,
            qPrintable(
                QStringLiteral("attempt %1 answered after %2 ms").arg(k + 1).arg(clock.elapsed())));
    }
}

void tst_Hostile::parallelGuessesFromOneAddressAreSpacedOut()
{
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 2000;
    c.authDelayMs = 100;
    c.authDelayCapMs = 400;
    const quint16 port = start(c);
    constexpr int kGuesses = 8;
    std::vector<std::unique_ptr<RawClient>> peers;
    for (int i = 0; i < kGuesses; ++i) {
        peers.push_back(std::make_unique<RawClient>(port));
        QVERIFY(peers.back()->readHello());
    }
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < kGuesses; ++i)
        peers[i]->send(protocol::encodeHello({})
            + protocol::encodeAuthProof(QByteArray(16, 'n'), QByteArray(32, char(i))));
    int failed = 0;
    int busy = 0;
    for (auto &p : peers) {
        const ErrorCode code = p->nextError(c.handshakeTimeoutMs + kSlackMs);
        failed += code == ErrorCode::AuthFailed;
        busy += code == ErrorCode::Busy;
    }
    // Answers are spaced 0, 100, 200, 400, 400...: 8 guesses can't all be answered within
    // the 2 s handshake; the rest are turned away unanswered.
    QCOMPARE(failed + busy, kGuesses);
    QVERIFY(failed < kGuesses);
    QVERIFY(busy > 0);
    QVERIFY(clock.elapsed() >= 900);
}

void tst_Hostile::passwordNeverAppearsOnTheWireOrInTheLog()
{
    QStringList log;
    static QStringList *s_log = nullptr;
    s_log = &log;
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*=true"));
    const auto previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &msg) { s_log->append(msg); });

    // A server that asks for a password and records everything the client sends.
    RawServer fake;
    fake.hello.flags = protocol::PasswordRequired;
    fake.hello.nonce = QByteArray(16, 's');
    fake.script = [](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::AuthProof))
            s.send(protocol::encodeError(ErrorCode::AuthFailed, {}));
    };
    const ClientRun run = runClient(
        fake.port(), [](ClientSession &s) { s.requestList(); }, kPassword);
    // And a real server that is given wrong and right proofs.
    ServerConfig c = config();
    c.password = kPassword;
    c.handshakeTimeoutMs = 10000;
    const quint16 port = start(c);
    runClient(
        port, [](ClientSession &s) { s.requestList(); }, "nope");
    runClient(
        port, [](ClientSession &s) { s.requestList(); }, kPassword);

    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
    QVERIFY(run.failure);
    QCOMPARE(fake.count(FrameType::AuthProof), 1);
    const QByteArray key = auth::deriveKey(kPassword);
    for (const RawFrame &f : std::as_const(fake.received)) {
        QVERIFY(!f.body.contains(kPassword));
        QVERIFY(!f.body.contains(key));
    }
    for (const ServerEvent &e : std::as_const(m_events))
        QVERIFY(!e.detail.toUtf8().contains(kPassword));
    QVERIFY(!log.isEmpty());
    for (const QString &line : std::as_const(log))
        QVERIFY2(!line.toUtf8().contains(kPassword), qPrintable(line));
}

// ---- Client against a hostile server ----------------------------------------------

void tst_Hostile::silentServerIsCutAtConnectDeadline()
{
    RawServer fake;
    fake.greet = false;
    QElapsedTimer clock;
    clock.start();
    const ClientRun run = runClient(
        fake.port(), [](ClientSession &s) { s.requestList(); }, {}, 20000, 500);
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::NoGreeting);
    QVERIFY(clock.elapsed() < 500 + kSlackMs);
}

void tst_Hostile::serverHelloFromOtherVersionIsRejected_data()
{
    QTest::addColumn<int>("version");
    QTest::newRow("v2, before folders") << 2;
    QTest::newRow("newer") << protocol::kProtocolVersion + 1;
}

void tst_Hostile::serverHelloFromOtherVersionIsRejected()
{
    QFETCH(int, version);
    RawServer fake;
    fake.hello.version = quint16(version);
    const ClientRun run = runClient(fake.port(), [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::VersionMismatch);
    QCOMPARE(fake.count(FrameType::ListRequest), 0);
}

void tst_Hostile::serverLengthOverBoundIsRejected()
{
    RawServer fake;
    fake.script = [](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::ListRequest))
            s.send(header(quint8(FrameType::ListEntries), 0x7fffffff));
    };
    const ClientRun run = runClient(fake.port(), [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
}

void tst_Hostile::unknownFrameFromServerIsRejected()
{
    RawServer fake;
    fake.script = [](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::ListRequest))
            s.send(header(0x55, 0));
    };
    const ClientRun run = runClient(fake.port(), [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
}

void tst_Hostile::unrequestedFrameFromServerIsRejected()
{
    RawServer fake;
    fake.script = [](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::ListRequest)) {
            s.send(protocol::encodeListEntries({}));
            s.send(protocol::encodeOffer({QStringLiteral("a.txt"), 3, 0}));
        }
    };
    ClientRun run;
    {
        ClientSession session;
        connect(&session, &ClientSession::failed, this, [&](const Failure &f) { run.failure = f; });
        connect(&session, &ClientSession::listReceived, this, [&] { run.listed = true; });
        session.connectToServer(QStringLiteral("127.0.0.1"), fake.port());
        session.requestList();
        QVERIFY(QTest::qWaitFor([&] { return run.failure.has_value(); }, 10000));
    }
    QVERIFY(run.listed);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
    QVERIFY(QDir(out()).isEmpty());
}

void tst_Hostile::perFileRefusalsFailOnlyTheirFile_data()
{
    QTest::addColumn<int>("code");
    // docs/protocol.md: codes 1-4 in place of an Offer answer one request.
    QTest::newRow("not found") << int(ErrorCode::NotFound);
    QTest::newRow("not a regular file") << int(ErrorCode::NotRegularFile);
    QTest::newRow("refused") << int(ErrorCode::Refused);
    QTest::newRow("read failed") << int(ErrorCode::ReadFailed);
}

void tst_Hostile::perFileRefusalsFailOnlyTheirFile()
{
    QFETCH(int, code);
    const QByteArray content = QByteArrayLiteral("the second file");
    const QByteArray md5 = QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex();
    RawServer fake;
    fake.script = [&](RawServer &s, const RawFrame &f) {
        if (!f.is(FrameType::GetRequest))
            return;
        const auto request = protocol::parseGetRequest(f.body);
        if (request && request->name == QStringLiteral("bad")) {
            s.send(protocol::encodeError(ErrorCode(code), QStringLiteral("bad")));
        } else if (request) {
            s.send(protocol::encodeOffer({request->name, content.size(), 0}));
            if (acceptedAt(f, content.size()))
                s.send(protocol::encodeFrame(FrameType::Data, content) + protocol::encodeEnd(md5));
        }
        if (request && request->acceptUpTo < content.size())
            QFAIL("the test expects small files to be accepted ahead");
    };
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("bad"), QStringLiteral("good.txt")},
            {out(), ConflictPolicy::Fail, false});
    });
    QVERIFY(!run.failure);
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results.at(0).outcome, FileResult::Outcome::Failed);
    QCOMPARE(int(run.results.at(0).failure.code), code);
    QCOMPARE(run.results.at(1).outcome, FileResult::Outcome::Verified);
    QCOMPARE(test::md5OfFile(out(QStringLiteral("good.txt"))), md5);
}

void tst_Hostile::offerForAnotherNameIsRejected()
{
    RawServer fake;
    fake.script = [](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::GetRequest))
            s.send(protocol::encodeOffer({QStringLiteral("../../etc/evil"), 3, 0}));
    };
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.txt")}, {out(), ConflictPolicy::Fail, false});
    });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
    QCOMPARE(fake.count(FrameType::Accept), 0);
    QVERIFY(QDir(out()).isEmpty());
}

void tst_Hostile::serverSendingMoreDataThanAnnouncedIsRejected_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("frameSize");
    QTest::addColumn<int>("frames");
    QTest::newRow("small file: 16 bytes for 10") << qint64(10) << 8 << 2;
    // Big enough to be read straight into the download's blocks.
    QTest::newRow("big file: 12 MiB for 9") << qint64(9 << 20) << (4 << 20) << 3;
}

void tst_Hostile::serverSendingMoreDataThanAnnouncedIsRejected()
{
    QFETCH(qint64, size);
    QFETCH(int, frameSize);
    QFETCH(int, frames);
    RawServer fake;
    fake.script = [=](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::GetRequest))
            s.send(protocol::encodeOffer({QStringLiteral("a.txt"), size, 0}));
        if (acceptedAt(f, size)) {
            for (int i = 0; i < frames; ++i)
                s.send(protocol::encodeFrame(FrameType::Data, QByteArray(frameSize, 'x')));
            s.send(protocol::encodeEnd(QByteArray(32, '0')));
        }
    };
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.txt")}, {out(), ConflictPolicy::Fail, false});
    });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
    QVERIFY(!QFile::exists(out(QStringLiteral("a.txt"))));
    QVERIFY(!QFile::exists(out(QStringLiteral("a.txt.part"))));
}

void tst_Hostile::bigFileInOddlySizedFramesIsVerified()
{
    // Frames of 1 byte, 4 MiB and odd sizes, some sent in pieces: the client must reassemble
    // exactly, whether a body goes through its frame buffer or straight into the file.
    QByteArray content(10 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < content.size(); ++i)
        content[i] = char((i * 131) ^ (i >> 11));
    const QByteArray md5 = QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex();
    RawServer fake;
    fake.script = [&](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::GetRequest))
            s.send(protocol::encodeOffer({QStringLiteral("a.bin"), content.size(), 0}));
        if (acceptedAt(f, content.size())) {
            const qint64 sizes[] = {1, 4 << 20, 12345, 3, 1 << 20, 777777};
            qint64 pos = 0;
            for (int i = 0; pos < content.size(); ++i) {
                const qint64 n = qMin(sizes[i % 6], content.size() - pos);
                const QByteArray frame
                    = protocol::encodeFrame(FrameType::Data, content.mid(pos, n));
                // Every third frame in two writes, split inside its header.
                if (i % 3 == 0) {
                    s.send(frame.left(3));
                    s.send(frame.mid(3));
                } else {
                    s.send(frame);
                }
                pos += n;
            }
            s.send(protocol::encodeEnd(md5));
        }
    };
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.bin")}, {out(), ConflictPolicy::Fail, false});
    });
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(test::md5OfFile(out(QStringLiteral("a.bin"))), md5);
}

void tst_Hostile::endWithMalformedMd5IsRejected_data()
{
    QTest::addColumn<QByteArray>("end");
    QTest::newRow("not hex") << protocol::encodeFrame(FrameType::End, QByteArray(32, 'z'));
    QTest::newRow("upper-case hex") << protocol::encodeFrame(FrameType::End, QByteArray(32, 'A'));
    QTest::newRow("31 digits") << protocol::encodeFrame(FrameType::End, QByteArray(31, 'a'));
    QTest::newRow("NUL bytes") << protocol::encodeFrame(FrameType::End, QByteArray(32, '\0'));
    QTest::newRow("wrong MD5") << protocol::encodeEnd(QByteArray(32, '0'));
}

void tst_Hostile::endWithMalformedMd5IsRejected()
{
    QFETCH(QByteArray, end);
    RawServer fake;
    fake.script = [end](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::GetRequest))
            s.send(protocol::encodeOffer({QStringLiteral("a.txt"), 4, 0}));
        if (acceptedAt(f, 4)) {
            s.send(protocol::encodeFrame(FrameType::Data, "abcd"));
            s.send(end);
        }
    };
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.txt")}, {out(), ConflictPolicy::Fail, false});
    });
    QCOMPARE(run.results.size(), 1);
    QVERIFY(run.results.first().outcome != FileResult::Outcome::Verified);
    // Nothing under the final name. (An End the decoder can't even frame ends the
    // connection like a cut cable, so that .part may stay for --resume, which re-verifies.)
    QVERIFY(!QFile::exists(out(QStringLiteral("a.txt"))));
}

void tst_Hostile::endlessListingIsCut()
{
    // 1 MiB frames of one-letter names, sent until the client gives up.
    QList<protocol::FileEntry> batch;
    for (int i = 0; i < 50000; ++i)
        batch.append({QStringLiteral("x"), 1, 0});
    QByteArray frames = protocol::encodeListEntries(batch);
    frames.chop(protocol::kHeaderSize); // no ListEnd
    RawServer fake;
    fake.script = [&frames](RawServer &s, const RawFrame &f) {
        if (f.is(FrameType::ListRequest)) {
            for (int i = 0; i < 25; ++i)
                s.send(frames);
        }
    };
    const ClientRun run = runClient(fake.port(), [](ClientSession &s) { s.requestList(); });
    QVERIFY(run.failure);
    QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
    QVERIFY(!run.listed);
}

void tst_Hostile::unsafeLocalNamesAreRefusedBeforeAsking_data()
{
    QTest::addColumn<QString>("name");
    for (const char *n : {"CON", "nul.txt", "Aux.tar.gz", "com1.log", "LPT9", "CONIN$", "dir/prn",
             "trailing.", "trailing ", "dir./x", "dir /x", "a:b", "../x", "a/../../x",
             "/etc/passwd", "C:\\x", "\\\\?\\x", "a\\b", "\x1b]0;title\x07", "a//b"})
        QTest::newRow(n) << QString::fromLatin1(n);
    QTest::newRow("over-long component") << QString(256, QLatin1Char('x'));
    QTest::newRow("over-long name")
        << QStringList(20, QString(250, QLatin1Char('y'))).join(QLatin1Char('/'));
}

void tst_Hostile::unsafeLocalNamesAreRefusedBeforeAsking()
{
    QFETCH(QString, name);
    RawServer fake;
    const ClientRun run = runClient(fake.port(), [&](ClientSession &s) {
        s.requestFiles({name}, {out(), ConflictPolicy::Fail, false});
    });
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().failure.code, ErrorCode::InvalidName);
    QCOMPARE(fake.count(FrameType::GetRequest), 0);
    QVERIFY(QDir(out()).isEmpty());
    QVERIFY(QDir(m_tmp->path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size() == 3);
}

void tst_Hostile::prePlantedSymlinkAtPartIsNotFollowed_data()
{
    QTest::addColumn<bool>("resume");
    QTest::newRow("fresh") << false;
    QTest::newRow("resume") << true;
}

void tst_Hostile::prePlantedSymlinkAtPartIsNotFollowed()
{
    QFETCH(bool, resume);
    const QString victim = m_tmp->filePath(QStringLiteral("outside/secret"));
    const QByteArray before = md5OfFile(victim);
    QVERIFY(QFile::link(victim, out(QStringLiteral("a.txt.part"))));
    if (resume) {
        // A matching record, so resume would try to continue "the .part".
        QFile meta(out(QStringLiteral("a.txt.part.meta")));
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(QByteArray::number(QFileInfo(m_share + QStringLiteral("/a.txt")).size()) + ' '
            + QByteArray::number(
                QFileInfo(m_share + QStringLiteral("/a.txt")).lastModified().toMSecsSinceEpoch())
            + '\n');
    }
    const ClientRun run = runClient(start(config()), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.txt")}, {out(), ConflictPolicy::Fail, resume});
    });
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(md5OfFile(victim), before);
    QCOMPARE(QFileInfo(victim).size(), 50);
    if (run.results.first().outcome == FileResult::Outcome::Verified) {
        // Allowed only if the link itself was replaced, never written through.
        QVERIFY(!QFileInfo(out(QStringLiteral("a.txt"))).isSymLink());
        QCOMPARE(md5OfFile(out(QStringLiteral("a.txt"))), m_smallMd5);
    } else {
        QVERIFY(!QFile::exists(out(QStringLiteral("a.txt"))));
    }
}

void tst_Hostile::prePlantedSymlinkAtFinalPathIsNotFollowed_data()
{
    QTest::addColumn<bool>("overwrite");
    QTest::newRow("fail if exists") << false;
    QTest::newRow("overwrite") << true;
}

void tst_Hostile::prePlantedSymlinkAtFinalPathIsNotFollowed()
{
    QFETCH(bool, overwrite);
    const QString victim = m_tmp->filePath(QStringLiteral("outside/secret"));
    const QByteArray before = md5OfFile(victim);
    QVERIFY(QFile::link(victim, out(QStringLiteral("a.txt"))));
    const ClientRun run = runClient(start(config()), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("a.txt")},
            {out(), overwrite ? ConflictPolicy::Overwrite : ConflictPolicy::Fail, false});
    });
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(md5OfFile(victim), before);
    if (overwrite) {
        QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
        QVERIFY(!QFileInfo(out(QStringLiteral("a.txt"))).isSymLink());
        QCOMPARE(md5OfFile(out(QStringLiteral("a.txt"))), m_smallMd5);
    } else {
        QCOMPARE(run.results.first().failure.code, ErrorCode::AlreadyExists);
        QVERIFY(QFileInfo(out(QStringLiteral("a.txt"))).isSymLink());
    }
}

void tst_Hostile::symlinkedOutputFolderIsNotFollowed()
{
    QVERIFY(QFile::link(m_tmp->filePath(QStringLiteral("outside")), out(QStringLiteral("d"))));
    const ClientRun run = runClient(start(config()), [&](ClientSession &s) {
        s.requestFiles({QStringLiteral("d/f.txt")}, {out(), ConflictPolicy::Overwrite, false});
    });
    QCOMPARE(run.results.size(), 1);
    QVERIFY(run.results.first().outcome != FileResult::Outcome::Verified);
    QCOMPARE(QFileInfo(m_tmp->filePath(QStringLiteral("outside/f.txt"))).size(), 60);
    QVERIFY(!QFile::exists(m_tmp->filePath(QStringLiteral("outside/f.txt.part"))));
}

QTEST_GUILESS_MAIN(tst_Hostile)
void tst_Hostile::hostileListedPathsCreateNothingOutside_data()
{
    QTest::addColumn<QString>("name");
    // InvalidName: the client refused it itself (it reached the folder fetch); otherwise the
    // session dropped it from the listing, or (ProtocolError) the listing itself was refused.
    QTest::addColumn<ErrorCode>("code");
    // OUTSIDE stands for the absolute path of a folder next to the output folder.
    QTest::newRow("a/../../x") << QStringLiteral("d/../../outside/planted") << ErrorCode::None;
    QTest::newRow("../x") << QStringLiteral("../outside/planted") << ErrorCode::None;
    QTest::newRow("absolute") << QStringLiteral("OUTSIDE/planted") << ErrorCode::None;
    QTest::newRow("absolute after the folder")
        << QStringLiteral("d/OUTSIDE/planted") << ErrorCode::None;
    QTest::newRow("escape sequence") << QStringLiteral("d/\x1b[31mred") << ErrorCode::None;
    QTest::newRow("newline") << QStringLiteral("d/a\nb") << ErrorCode::None;
    QTest::newRow("bidi override") << QStringLiteral("d/\u202etxt.exe") << ErrorCode::None;
    QTest::newRow("too deep") << QStringLiteral("d/") + QStringLiteral("a/").repeated(300)
            + QStringLiteral("x")
                              << ErrorCode::None;
    QTest::newRow("component too long")
        << QStringLiteral("d/") + QString(300, QLatin1Char('x')) << ErrorCode::None;
    QTest::newRow("name too long") << QStringLiteral("d/") + QStringLiteral("x/").repeated(2100)
            + QStringLiteral("x") << ErrorCode::ProtocolError;
    QTest::newRow("device name") << QStringLiteral("d/CON") << ErrorCode::InvalidName;
    QTest::newRow("drive letter") << QStringLiteral("d/c:x") << ErrorCode::InvalidName;
    QTest::newRow("trailing dot") << QStringLiteral("d/x.") << ErrorCode::InvalidName;
}

void tst_Hostile::hostileListedPathsCreateNothingOutside()
{
    QFETCH(QString, name);
    QFETCH(ErrorCode, code);
    name.replace(QStringLiteral("OUTSIDE"), m_tmp->filePath(QStringLiteral("outside")));
    const QStringList outsideBefore = tree(m_tmp->filePath(QStringLiteral("outside")));
    const QStringList baseBefore
        = QDir(m_tmp->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    FakeShare share;
    share.addFolder(QStringLiteral("d"));
    share.add(QStringLiteral("d/ok.txt"), "fine");
    share.add(name, "hostile");
    share.addFolder(name + QStringLiteral("/sub"));
    RawServer fake;
    share.serveOn(fake);

    const FolderRun run = fetchFolder(fake.port(), {QStringLiteral("d/")}, {out()});
    QVERIFY(run.finished);
    QCOMPARE(tree(m_tmp->filePath(QStringLiteral("outside"))), outsideBefore);
    QCOMPARE(QDir(m_tmp->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), baseBefore);
    if (code == ErrorCode::ProtocolError) {
        QVERIFY(run.failure);
        QCOMPARE(run.failure->code, ErrorCode::ProtocolError);
        QCOMPARE(tree(out()), QStringList());
        QCOMPARE(fake.count(FrameType::GetRequest), 0);
        return;
    }
    // Only the honest file was asked for, and only it exists.
    QCOMPARE(fake.count(FrameType::GetRequest), 1);
    QCOMPARE(tree(out()), (QStringList {QStringLiteral("d/"), QStringLiteral("d/ok.txt")}));
    QCOMPARE(run.summary.verified, 1);
    if (code == ErrorCode::InvalidName) {
        QCOMPARE(run.summary.failed, 2); // the file and the folder
        for (const FileResult &r : run.results) {
            if (r.remoteName != QLatin1String("d/ok.txt"))
                QCOMPARE(r.failure.code, ErrorCode::InvalidName);
        }
    }
}

void tst_Hostile::folderThatBecomesASymlinkIsNotFollowed_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("swapped while fetching") << QStringLiteral("during");
    QTest::newRow("planted before") << QStringLiteral("before");
    QTest::newRow("listed as a file first") << QStringLiteral("file");
}

void tst_Hostile::folderThatBecomesASymlinkIsNotFollowed()
{
    QFETCH(QString, when);
    const QString outside = m_tmp->filePath(QStringLiteral("outside"));
    const QStringList outsideBefore = tree(outside);
    FakeShare share;
    share.addFolder(QStringLiteral("d"));
    if (when == QLatin1String("file"))
        share.add(QStringLiteral("d/a"), "a file named like the folder");
    else
        share.addFolder(QStringLiteral("d/a"));
    share.add(QStringLiteral("d/a/b"), "written through the link?");
    if (when == QLatin1String("before")) {
        QVERIFY(QDir().mkpath(out(QStringLiteral("d"))));
        QVERIFY(QFile::link(outside, out(QStringLiteral("d/a"))));
    }
    share.beforeAnswer = [&](const QString &name) {
        if (when != QLatin1String("during") || name != QLatin1String("d/a/b"))
            return;
        // The folder the client made is now a link to outside: another local user's move.
        QVERIFY(
            QDir(out(QStringLiteral("d"))).rename(QStringLiteral("a"), QStringLiteral("a.orig")));
        QVERIFY(QFile::link(outside, out(QStringLiteral("d/a"))));
    };
    RawServer fake;
    share.serveOn(fake);

    const FolderRun run = fetchFolder(fake.port(), {QStringLiteral("d/")}, {out()});
    QVERIFY(run.finished);
    QCOMPARE(tree(outside), outsideBefore);
    QVERIFY(!QFile::exists(outside + QStringLiteral("/b")));
    bool sawB = false;
    for (const FileResult &r : run.results) {
        if (r.remoteName == QLatin1String("d/a/b")) {
            sawB = true;
            QCOMPARE(r.outcome, FileResult::Outcome::Failed);
            QCOMPARE(r.failure.code, ErrorCode::Refused);
        }
    }
    QVERIFY(sawB);
    QVERIFY(run.summary.failed >= 1);
}

void tst_Hostile::listingOfManyFilesComesInBoundedFrames()
{
    for (int i = 0; i < 5000; ++i)
        writeRandomFile(m_share + QStringLiteral("/many/%1/f%2").arg(i % 7).arg(i), 1, quint32(i));
    QVERIFY(QDir().mkpath(m_share + QStringLiteral("/many/empty")));
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeFrame(FrameType::ListRequest));
    int frames = 0;
    int files = 0;
    QStringList folders;
    for (;;) {
        const RawFrame f = peer.next();
        QVERIFY(f.type >= 0);
        if (f.is(FrameType::ListEnd))
            break;
        QVERIFY(f.is(FrameType::ListEntries));
        const auto entries = protocol::parseListEntries(f.body);
        QVERIFY(entries);
        QVERIFY(quint32(entries->size()) <= protocol::kMaxListEntries);
        ++frames;
        for (const protocol::FileEntry &e : *entries) {
            if (e.isFolder)
                folders.append(e.name);
            else
                ++files;
        }
    }
    QCOMPARE(files, 5000 + 2); // a.txt and d/f.txt too
    QVERIFY(frames >= 2);
    QVERIFY(folders.contains(QStringLiteral("many/empty")));
    QVERIFY(folders.contains(QStringLiteral("many/6")));
    QVERIFY(folders.contains(QStringLiteral("d")));
}

void tst_Hostile::hashQueryOfAFolderOrAnEscapeIsRefusedAlone()
{
    RawClient peer(start(config()));
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeHashRequest(QStringLiteral("d"))
        + protocol::encodeHashRequest(QStringLiteral("../outside/secret"))
        + protocol::encodeHashRequest(QStringLiteral("nope"))
        + protocol::encodeHashRequest(QStringLiteral("a.txt")));
    QCOMPARE(peer.next().errorCode(), ErrorCode::NotRegularFile);
    QCOMPARE(peer.next().errorCode(), ErrorCode::Refused);
    QCOMPARE(peer.next().errorCode(), ErrorCode::NotFound);
    const RawFrame f = peer.next();
    QVERIFY(f.is(FrameType::HashReply));
    const auto reply = protocol::parseHashReply(f.body);
    QVERIFY(reply);
    QCOMPARE(reply->md5Hex, m_smallMd5);
    QCOMPARE(reply->entry.size, 1000);
    QVERIFY(peer.isOpen());
}

void tst_Hostile::clientThatStopsReadingAListingIsCutAtTheDeadline()
{
    // 16,000 entries of about 420 bytes: more than every buffer between the two can hold.
    for (int d = 0; d < 8; ++d) {
        const QString folder = m_share + QLatin1Char('/') + QString(200, QLatin1Char('d'))
            + QString::number(d) + QLatin1Char('/');
        QVERIFY(QDir().mkpath(folder));
        for (int i = 0; i < 2000; ++i) {
            QFile f(folder + QString(200, QLatin1Char('f')) + QString::number(i));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
    }
    RawClient peer(start(config()));
    peer.socket().setReadBufferSize(16 * 1024);
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeFrame(FrameType::ListRequest));
    // The peer reads nothing more: the walk stops while the socket is full, then gives up.
    QVERIFY(waitForEvent(ServerEvent::Kind::Failed, ErrorCode::Timeout, 60000));
    bool listing = false;
    for (const ServerEvent &e : std::as_const(m_events))
        listing = listing || (e.code == ErrorCode::Timeout && e.detail == QLatin1String("listing"));
    QVERIFY(listing);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->activeSessions(), 0, 30000);
}

#include "tst_hostile.moc"
