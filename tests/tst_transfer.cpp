// End to end: a real ferry::Server and ferry::ClientSession (or a hand-written peer) talking
// over 127.0.0.1, with real files in temporary folders.

#include "client/clientsession.h"
#include "client/folderfetch.h"
#include "protocol/decoder.h"
#include "protocol/messages.h"
#include "server/server.h"
#include "slowproxy.h"
#include "testidentity.h"
#include "testutil.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <vector>

using namespace ferry;
using protocol::FrameType;

namespace {

const QString kLocalHost = QStringLiteral("127.0.0.1");
constexpr int kWait = 30000;

/// How long get() waits for every answer: 2 minutes, times FERRY_TEST_TIME_FACTOR, which
/// tools/sanitize.sh sets, since a sanitizer makes the 4 GiB download several times slower.
int getWaitMs()
{
    return 120000 * qMax(1, qEnvironmentVariableIntValue("FERRY_TEST_TIME_FACTOR"));
}

/// A temporary folder holding share/ (served) and out/ (downloads), and a server on port 0.
class Fixture
{
public:
    explicit Fixture(const QString &shareName = QStringLiteral("share"))
        : m_share(m_base.filePath(shareName)), m_out(m_base.filePath(QStringLiteral("out")))
    {
        QDir().mkpath(m_share);
        QDir().mkpath(m_out);
    }
    /// Encrypted, with the test's server identity: what two Ferry instances speak.
    bool start(ServerConfig config = {})
    {
        config.identity = test::identity(QStringLiteral("server"));
        return startPlaintext(config);
    }
    /// For hand-written raw peers that speak frames directly.
    bool startPlaintext(ServerConfig config = {})
    {
        config.root = m_share;
        config.bindAddress = QHostAddress::LocalHost;
        config.port = 0;
        Failure failure;
        const bool ok = server.start(config, &failure);
        if (!ok)
            qWarning() << "server did not start:" << int(failure.code) << failure.detail;
        return ok;
    }
    quint16 port() const { return server.serverPort(); }
    QString base(const QString &rel = {}) const { return m_base.filePath(rel); }
    QString share(const QString &rel = {}) const { return m_share + QLatin1Char('/') + rel; }
    QString out(const QString &rel = {}) const { return m_out + QLatin1Char('/') + rel; }
    QByteArray write(const QString &rel, qint64 size, quint32 seed = 1)
    {
        return test::writeRandomFile(share(rel), size, seed);
    }
    /// Every file and folder below the base folder except the share itself.
    QStringList everythingOutsideShare() const
    {
        QStringList found;
        QDirIterator it(m_base.path(),
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
            QDirIterator::Subdirectories);
        const QDir base(m_base.path());
        while (it.hasNext()) {
            const QString rel = base.relativeFilePath(it.next());
            if (rel != QLatin1String("out") && !rel.startsWith(QLatin1String("share/"))
                && rel != QLatin1String("share"))
                found.append(rel);
        }
        found.sort();
        return found;
    }

    Server server;

private:
    QTemporaryDir m_base;
    QString m_share;
    QString m_out;
};

/// What one client session produced.
struct Run
{
    QList<FileResult> results;
    QList<Failure> failures;
};

/// Makes \a session speak TLS with the test's client identity, trusting a new server (the
/// test has no one to ask).
void trustOnFirstUse(ClientSession &session)
{
    TlsClientOptions tls;
    tls.identity = test::identity(QStringLiteral("client"));
    tls.storeDir = test::dataDir(QStringLiteral("client"));
    tls.trustNew = true;
    session.setTls(tls);
}

/// Gets \a files (remote name, local name) in one session and waits for every answer.
Run get(quint16 port, const QList<QPair<QString, QString>> &files, const GetOptions &options,
    int connectMs = 10000, int stallMs = 30000, bool tls = true)
{
    ClientSession session;
    if (tls)
        trustOnFirstUse(session);
    session.setTimeouts(connectMs, stallMs);
    Run run;
    QObject::connect(&session, &ClientSession::fileFinished, &session,
        [&](const FileResult &r) { run.results.append(r); });
    QObject::connect(&session, &ClientSession::failed, &session,
        [&](const Failure &f) { run.failures.append(f); });
    session.connectToServer(kLocalHost, port);
    for (const auto &f : files)
        session.requestFile(f.first, f.second, options);
    // The caller compares the count; a timeout shows up there.
    [[maybe_unused]] const bool done
        = QTest::qWaitFor([&] { return run.results.size() == files.size(); }, getWaitMs());
    return run;
}

/// What a fresh client session lists from the server at \a port (empty on a timeout).
/// The whole listing, folders included.
QList<protocol::FileEntry> fullListing(quint16 port)
{
    ClientSession session;
    trustOnFirstUse(session);
    QSignalSpy listed(&session, &ClientSession::listReceived);
    session.connectToServer(kLocalHost, port);
    session.requestList();
    if (!listed.wait(kWait))
        return {};
    return listed.at(0).at(0).value<QList<protocol::FileEntry>>();
}

/// The files of the listing, sorted by name.
QList<protocol::FileEntry> listing(quint16 port)
{
    QList<protocol::FileEntry> files;
    for (const protocol::FileEntry &e : fullListing(port)) {
        if (!e.isFolder)
            files.append(e);
    }
    std::sort(
        files.begin(), files.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    return files;
}

Run get(quint16 port, const QString &name, const GetOptions &options)
{
    return get(port, {{name, QString()}}, options);
}

GetOptions into(
    const QString &dir, ConflictPolicy conflict = ConflictPolicy::Fail, bool resume = false)
{
    GetOptions o;
    o.outputDir = dir;
    o.conflict = conflict;
    o.resume = resume;
    return o;
}

/// A folder fetch to its end: each file's result (and whether it was skipped), the summary.
struct FolderRun
{
    QHash<QString, FileResult> results;
    QHash<QString, bool> skipped;
    FolderSummary summary;
    int planned = -1;
    qint64 lastBytesDone = 0;
    bool finished = false;
};

FolderRun fetchFolder(quint16 port, const QStringList &names, const GetOptions &options,
    const std::function<void(ClientSession &)> &setUp = {})
{
    FolderRun run;
    ClientSession session;
    trustOnFirstUse(session);
    FolderFetch fetch(&session);
    QObject::connect(
        &fetch, &FolderFetch::planned, &session, [&](int files, qint64) { run.planned = files; });
    QObject::connect(&fetch, &FolderFetch::progress, &session,
        [&](int, qint64 bytes) { run.lastBytesDone = bytes; });
    QObject::connect(&fetch, &FolderFetch::fileDone, &session, [&](const FileResult &r, bool s) {
        run.results.insert(r.remoteName, r);
        run.skipped.insert(r.remoteName, s);
    });
    QObject::connect(&fetch, &FolderFetch::finished, &session, [&](const FolderSummary &s) {
        run.summary = s;
        run.finished = true;
    });
    if (setUp)
        setUp(session);
    session.connectToServer(kLocalHost, port);
    fetch.start(names, false, options);
    (void)QTest::qWaitFor([&] { return run.finished; }, kWait);
    return run;
}

bool setMtime(const QString &path, const QDateTime &when)
{
    QFile f(path);
    return f.open(QIODevice::ReadWrite) && f.setFileTime(when, QFileDevice::FileModificationTime);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Frame
{
    FrameType type;
    QByteArray body;
};

/// Takes every complete frame off the front of \a buffer; false on a malformed stream.
bool takeFrames(QByteArray *buffer, QList<Frame> *frames)
{
    for (;;) {
        const auto r = protocol::decodeFrame(*buffer);
        if (r.status == protocol::DecodeResult::Status::NeedMore)
            return true;
        if (r.status == protocol::DecodeResult::Status::Error)
            return false;
        frames->append({r.type, r.body.toByteArray()});
        buffer->remove(0, r.consumed);
    }
}

/// A peer that speaks the protocol by hand, as a hostile or broken client would.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            m_buffer += socket.readAll();
            m_ok = takeFrames(&m_buffer, &frames) && m_ok;
        });
        socket.connectToHost(kLocalHost, port);
    }
    bool waitFrames(int count)
    {
        return QTest::qWaitFor([&] { return frames.size() >= count; }, kWait);
    }
    bool waitClosed()
    {
        return QTest::qWaitFor(
            [&] { return socket.state() == QAbstractSocket::UnconnectedState; }, kWait);
    }
    bool streamOk() const { return m_ok; }

    QTcpSocket socket;
    QList<Frame> frames;

private:
    QByteArray m_buffer;
    bool m_ok = true;
};

/// A server written by hand: it says Hello, then lets \a onFrame answer each client frame.
class FakeServer : public QTcpServer
{
public:
    using Handler = std::function<void(QTcpSocket *, const Frame &)>;
    explicit FakeServer(Handler onFrame) : m_onFrame(std::move(onFrame))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                s->write(protocol::encodeHello({}));
                connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    *buffer += s->readAll();
                    QList<Frame> frames;
                    takeFrames(buffer.get(), &frames);
                    for (const Frame &f : std::as_const(frames))
                        m_onFrame(s, f);
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

private:
    Handler m_onFrame;
};

QByteArray dataFrame(const QByteArray &bytes)
{
    return protocol::encodeFrame(FrameType::Data, bytes);
}

/// Starts downloading \a name and pulls the plug as soon as some data is on disk, like a
/// closed laptop lid. Returns the one result the session reported.
FileResult interruptAfterFirstData(quint16 port, const QString &name, const QString &outDir)
{
    // Throttled: unthrottled, a big file can arrive whole between two progress reports.
    test::SlowProxy proxy(port, 256 * 1024);
    port = proxy.serverPort();
    ClientSession session;
    trustOnFirstUse(session);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    QObject::connect(
        &session, &ClientSession::fileProgress, &session, [&](quint64, qint64 done, qint64) {
            if (done > 0)
                session.abort();
        });
    session.connectToServer(kLocalHost, port);
    session.requestFile(name, {}, into(outDir));
    if (!QTest::qWaitFor([&] { return finished.count() == 1; }, kWait))
        return {};
    return finished.at(0).at(0).value<FileResult>();
}

QByteArray hexMd5(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex();
}

/// A name of exactly \a bytes: folders of up to 200 bytes, then a 150-byte file name, so
/// that its folder is within PATH_MAX below a short share while the whole path is past it.
QString nameOfLength(int bytes)
{
    const QString leaf = QString(146, QLatin1Char('f')) + QStringLiteral(".bin");
    const int folders = bytes - int(leaf.size());
    const int full = (folders - 2) / 201;
    QString name;
    for (int i = 0; i < full; ++i)
        name += QString(200, QLatin1Char('d')) + QLatin1Char('/');
    name += QString(folders - 201 * full - 1, QLatin1Char('e')) + QLatin1Char('/') + leaf;
    return name;
}

/// Opens \a name below \a root one component at a time, creating folders (and the file,
/// with \a content) when \a content is given: paths past PATH_MAX need this.
QByteArray walk(const QString &root, const QString &name, const QByteArray *content = nullptr)
{
    int dir = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const QStringList parts = name.split(QLatin1Char('/'));
    for (int i = 0; dir >= 0 && i < parts.size() - 1; ++i) {
        const QByteArray c = QFile::encodeName(parts.at(i));
        if (content)
            ::mkdirat(dir, c.constData(), 0777);
        const int next = ::openat(dir, c.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        ::close(dir);
        dir = next;
    }
    if (dir < 0)
        return {};
    const QByteArray leaf = QFile::encodeName(parts.last());
    const int fd = ::openat(dir, leaf.constData(),
        content ? O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC : O_RDONLY | O_CLOEXEC, 0666);
    ::close(dir);
    if (fd < 0)
        return {};
    QByteArray bytes;
    if (content) {
        bytes = *content;
        if (::write(fd, content->constData(), size_t(content->size())) != content->size())
            bytes.clear();
    } else {
        char buf[4096];
        ssize_t n;
        while ((n = ::read(fd, buf, sizeof buf)) > 0)
            bytes.append(buf, n);
    }
    ::close(fd);
    return bytes;
}

} // namespace

class tst_Transfer : public QObject
{
    Q_OBJECT
private slots:
    void getsOneFileVerified();
    void getsSeveralFilesPipelinedIntoSubfolders();
    void listsSharedFilesRecursively();
    void listsFoldersEmptyOnesToo();
    void folderFetchGetsTheSubtreeOverOneConnection();
    void folderResumeSkipsCompleteFilesAndContinuesParts();
    void fileChangingDuringAFolderFetchFailsAlone();
    void hashQueryAnswersWithoutTheFile();
    void missingFileIsNotFound();
    void namesPastThePathLimitAreListedAndFetched_data();
    void namesPastThePathLimitAreListedAndFetched();
    void refusesBadNamesBeforeAsking_data();
    void refusesBadNamesBeforeAsking();
    void serverRefusesBadNames_data();
    void serverRefusesBadNames();
    void refusesSymlinkToFileOutside();
    void refusesFileThroughSymlinkedFolder();
    void refusesSiblingFolderWithSamePrefix();
    void existingFinalFile_data();
    void existingFinalFile();
    void resumesAfterClientAbort();
    void smallFilesComeWithoutARoundTrip();
    void bigDownloadHashesAndWritesAtLowPriority();
    void uncachedBigFileIsServedWithoutFillingTheCache();
    void clientsOfOneUncachedFileShareTheCache();
    void smallPartIsResumedNotAcceptedAhead();
    void acceptedAheadButUnsavableFileIsSkipped();
    void startsOverWhenSourceChangedBeforeResume();
    void twentyClientsAtOnce();
    void survivesAbruptDisconnects();
    void answersGarbageWithErrorOrClose_data();
    void answersGarbageWithErrorOrClose();
    void httpServerIsNotFerry();
    void silentServerTimesOut();
    void connectionRefused();
    void transfersFileOver4GiB();
    void fileChangingWhileSentFails_data();
    void fileChangingWhileSentFails();
    void lyingServerLeavesNoFile_data();
    void lyingServerLeavesNoFile();
};

void tst_Transfer::getsOneFileVerified()
{
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("report.pdf"), 3 * 1024 * 1024 + 17);
    QVERIFY(fx.start());

    const Run run = get(fx.port(), QStringLiteral("report.pdf"), into(fx.out()));
    QCOMPARE(run.results.size(), 1);
    const FileResult &r = run.results.first();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.failure.code, ErrorCode::None);
    QCOMPARE(r.size, 3 * 1024 * 1024 + 17);
    QCOMPARE(r.offset, 0);
    QCOMPARE(r.localMd5, md5);
    QCOMPARE(r.remoteMd5, md5);
    QCOMPARE(QFileInfo(r.localPath).canonicalFilePath(),
        QFileInfo(fx.out(QStringLiteral("report.pdf"))).canonicalFilePath());
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("report.pdf"))), md5);
    QCOMPARE(readAll(fx.out(QStringLiteral("report.pdf"))),
        readAll(fx.share(QStringLiteral("report.pdf"))));
    // Only the file itself: no .part or .part.meta left behind.
    QCOMPARE(QDir(fx.out()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList {QStringLiteral("report.pdf")});
}

void tst_Transfer::getsSeveralFilesPipelinedIntoSubfolders()
{
    Fixture fx;
    const QStringList names = {QStringLiteral("a.txt"), QStringLiteral("photos/a.jpg"),
        QStringLiteral("empty.bin"), QStringLiteral("photos/2024/b.jpg"), QStringLiteral("c.dat")};
    const QList<qint64> sizes = {10, 500 * 1024, 0, 2 * 1024 * 1024 + 1, 1};
    QList<QByteArray> md5s;
    for (int i = 0; i < names.size(); ++i)
        md5s.append(fx.write(names.at(i), sizes.at(i), quint32(i + 1)));
    QVERIFY(fx.start());
    QList<int> connectedPeers;
    connect(&fx.server, &Server::event, this, [&](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Connected)
            connectedPeers.append(int(e.sessionId));
    });

    ClientSession session;
    trustOnFirstUse(session);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    QSignalSpy idle(&session, &ClientSession::idle);
    session.connectToServer(kLocalHost, fx.port());
    const QList<quint64> ids = session.requestFiles(names, into(fx.out()));
    QCOMPARE(ids.size(), names.size());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), names.size(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, kWait);

    for (int i = 0; i < names.size(); ++i) {
        const auto r = finished.at(i).at(0).value<FileResult>();
        QCOMPARE(r.id, ids.at(i)); // answered in the order asked
        QCOMPARE(r.remoteName, names.at(i));
        QCOMPARE(r.outcome, FileResult::Outcome::Verified);
        QCOMPARE(r.size, sizes.at(i));
        QCOMPARE(r.localMd5, md5s.at(i));
        QCOMPARE(r.remoteMd5, md5s.at(i));
        QCOMPARE(test::md5OfFile(fx.out(names.at(i))), md5s.at(i));
    }
    QVERIFY(QFileInfo(fx.out(QStringLiteral("photos"))).isDir());
    QVERIFY(QFileInfo(fx.out(QStringLiteral("photos/2024"))).isDir());
    QCOMPARE(connectedPeers.size(), 1); // one connection for all five files
}

void tst_Transfer::listsSharedFilesRecursively()
{
    Fixture fx;
    fx.write(QStringLiteral("b.txt"), 1234);
    fx.write(QStringLiteral("a.txt"), 0);
    fx.write(QStringLiteral("photos/a.jpg"), 4321);
    fx.write(QStringLiteral("photos/deep/x.bin"), 1);
    QVERIFY(setMtime(fx.share(QStringLiteral("b.txt")),
        QDateTime(QDate(2020, 2, 29), QTime(12, 34, 56, 789), Qt::UTC)));
    QVERIFY(QDir().mkpath(fx.share(QStringLiteral("empty-folder"))));
    test::writeRandomFile(fx.base(QStringLiteral("outside/secret.txt")), 5);
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), fx.share(QStringLiteral("evil"))));
    QVERIFY(QFile::link(fx.base(QStringLiteral("outside")), fx.share(QStringLiteral("evildir"))));
    QVERIFY(QFile::link(
        fx.base(QStringLiteral("outside/secret.txt")), fx.share(QStringLiteral("photos/evil2"))));
    QVERIFY(fx.start());

    const auto entries = listing(fx.port());

    QStringList names;
    for (const auto &e : entries)
        names.append(e.name);
    QCOMPARE(names,
        (QStringList {QStringLiteral("a.txt"), QStringLiteral("b.txt"),
            QStringLiteral("photos/a.jpg"), QStringLiteral("photos/deep/x.bin")}));
    for (const auto &e : entries) {
        const QFileInfo info(fx.share(e.name));
        QCOMPARE(e.size, info.size());
        QCOMPARE(e.mtimeMs, info.lastModified().toMSecsSinceEpoch());
    }
    QCOMPARE(entries.at(1).size, 1234);
    QCOMPARE(entries.at(1).mtimeMs,
        QDateTime(QDate(2020, 2, 29), QTime(12, 34, 56, 789), Qt::UTC).toMSecsSinceEpoch());
}

void tst_Transfer::missingFileIsNotFound()
{
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("here.txt"), 100);
    QVERIFY(fx.start());

    // The miss answers its own request; the session goes on to the next file.
    const Run run = get(fx.port(),
        {{QStringLiteral("nope.txt"), {}}, {QStringLiteral("dir/nope"), {}},
            {QStringLiteral("here.txt"), {}}},
        into(fx.out()));
    QCOMPARE(run.results.size(), 3);
    QCOMPARE(run.results.at(0).outcome, FileResult::Outcome::Failed);
    QCOMPARE(run.results.at(0).failure.code, ErrorCode::NotFound);
    QCOMPARE(run.results.at(0).failure.detail, QStringLiteral("nope.txt"));
    QCOMPARE(run.results.at(1).failure.code, ErrorCode::NotFound);
    QCOMPARE(run.results.at(2).outcome, FileResult::Outcome::Verified);
    QCOMPARE(run.results.at(2).localMd5, md5);
    QVERIFY(run.failures.isEmpty());
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("nope.txt"))));
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("nope.txt.part"))));
}

namespace {
void addBadNames()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("fitsInRequest"); // false: longer than a request frame may be
    QTest::newRow("dotdot") << QStringLiteral("..") << true;
    QTest::newRow("a/../..") << QStringLiteral("a/../..") << true;
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << true;
    QTest::newRow("drive") << QStringLiteral("C:\\x") << true;
    QTest::newRow("backslash") << QStringLiteral("a\\b") << true;
    QTest::newRow("empty component") << QStringLiteral("a//b") << true;
    QTest::newRow("dot component") << QStringLiteral("./a") << true;
    QTest::newRow("trailing slash") << QStringLiteral("a/") << true;
    QTest::newRow("NUL") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b")) << true;
    QTest::newRow("ANSI escape") << QStringLiteral("red\x1b[31m.txt") << true;
    QTest::newRow("newline") << QStringLiteral("a\nb.txt") << true;
    QTest::newRow("5000-byte name") << QString(5000, QLatin1Char('a')) << false;
    QTest::newRow("300-byte component")
        << (QStringLiteral("dir/") + QString(300, QLatin1Char('b'))) << true;
}

} // namespace

void tst_Transfer::namesPastThePathLimitAreListedAndFetched_data()
{
    QTest::addColumn<int>("bytes");
    // With the share's own path in front, every one of these is past PATH_MAX (4096).
    QTest::newRow("4089 bytes") << 4089;
    QTest::newRow("4095 bytes") << 4095;
    QTest::newRow("4096 bytes, the longest valid name") << 4096;
}

void tst_Transfer::namesPastThePathLimitAreListedAndFetched()
{
    QFETCH(int, bytes);
    Fixture fx;
    Fixture empty;
    const QString name = nameOfLength(bytes);
    const auto cleanup = qScopeGuard([&] {
        // QTemporaryDir removes by full path, which fails this deep; rm walks with openat.
        const QString top = name.section(QLatin1Char('/'), 0, 0);
        for (const QString &dir : {fx.share(top), fx.out(top), empty.out(top)})
            QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), dir});
    });
    QCOMPARE(name.toUtf8().size(), bytes);
    const QByteArray content = QByteArrayLiteral("deep inside the share");
    QCOMPARE(walk(fx.share(), name, &content), content);
    QVERIFY(QFile::encodeName(fx.share(name)).size() > 4096);
    QVERIFY(fx.start());

    const auto entries = listing(fx.port());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().name, name);
    // Its real size and time, not "0 bytes, 1970-01-01" from a stat that failed.
    QCOMPARE(entries.first().size, content.size());
    QVERIFY(
        entries.first().mtimeMs > QDateTime(QDate(2020, 1, 1), QTime(0, 0)).toMSecsSinceEpoch());

    // What is listed can be fetched, and one that isn't there leaves no folders behind.
    const QString missing = name.section(QLatin1Char('/'), 0, -2) + QStringLiteral("/g.bin");
    const Run run = get(fx.port(), {{missing, QString()}, {name, QString()}}, into(fx.out()));
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results.at(0).failure.code, ErrorCode::NotFound);
    QCOMPARE(run.results.at(1).outcome, FileResult::Outcome::Verified);
    QCOMPARE(walk(fx.out(), name), content);
    QVERIFY(run.failures.isEmpty());

    QVERIFY(empty.start());
    const Run refused = get(empty.port(), {{name, QString()}}, into(empty.out()));
    QCOMPARE(refused.results.size(), 1);
    QCOMPARE(refused.results.first().failure.code, ErrorCode::NotFound);
    QCOMPARE(QDir(empty.out()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void tst_Transfer::refusesBadNamesBeforeAsking_data()
{
    addBadNames();
}

void tst_Transfer::refusesBadNamesBeforeAsking()
{
    QFETCH(QString, name);
    Fixture fx;
    fx.write(QStringLiteral("a/b"), 10);
    QVERIFY(fx.start());
    QStringList requested;
    connect(&fx.server, &Server::event, this, [&](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Requested)
            requested.append(e.name);
    });

    // The local name is the remote name, as with `ferry get NAME`.
    const Run run = get(fx.port(), name, into(fx.out()));
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Failed);
    QCOMPARE(run.results.first().failure.code, ErrorCode::InvalidName);
    QVERIFY(run.results.first().localPath.isEmpty());
    QCOMPARE(fx.everythingOutsideShare(), QStringList());
    QCOMPARE(QDir(fx.out()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList());
    QVERIFY(requested.isEmpty());
}

void tst_Transfer::serverRefusesBadNames_data()
{
    addBadNames();
}

void tst_Transfer::serverRefusesBadNames()
{
    // A client that doesn't check names itself: the server is the last line of defence.
    QFETCH(QString, name);
    QFETCH(bool, fitsInRequest);
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("a/b"), 10);
    QVERIFY(fx.startPlaintext());

    if (fitsInRequest) {
        // A hand-written client: ClientSession itself refuses these names before asking.
        RawClient raw(fx.port());
        raw.socket.write(protocol::encodeHello({}));
        raw.socket.write(protocol::encodeGetRequest(name));
        raw.socket.write(protocol::encodeGetRequest(QStringLiteral("a/b")));
        QVERIFY(raw.waitFrames(3));
        QVERIFY(raw.streamOk());
        QCOMPARE(raw.frames.at(0).type, FrameType::Hello);
        QCOMPARE(raw.frames.at(1).type, FrameType::Error);
        QCOMPARE(protocol::parseError(raw.frames.at(1).body)->code, ErrorCode::Refused);
        // The refusal ends that request, not the connection: the next one is offered.
        QCOMPARE(raw.frames.at(2).type, FrameType::Offer);
        QCOMPARE(protocol::parseOffer(raw.frames.at(2).body)->name, QStringLiteral("a/b"));
        Q_UNUSED(md5);
    } else {
        // Too long for a request frame: the server must drop the peer, not serve anything.
        RawClient raw(fx.port());
        raw.socket.write(protocol::encodeHello({}));
        raw.socket.write(protocol::encodeGetRequest(name));
        QVERIFY(raw.waitClosed());
        QVERIFY(raw.streamOk());
        QVERIFY(!raw.frames.isEmpty());
        QCOMPARE(raw.frames.first().type, FrameType::Hello);
        for (const Frame &f : std::as_const(raw.frames))
            QVERIFY(f.type == FrameType::Hello || f.type == FrameType::Error);
    }
    // Nothing landed outside the share.
    QCOMPARE(fx.everythingOutsideShare(), QStringList());
}

void tst_Transfer::refusesSymlinkToFileOutside()
{
    Fixture fx;
    QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), fx.share(QStringLiteral("evil"))));
    test::writeRandomFile(fx.base(QStringLiteral("secret.txt")), 64);
    QVERIFY(QFile::link(fx.base(QStringLiteral("secret.txt")), fx.share(QStringLiteral("evil2"))));
    QVERIFY(fx.start());

    const Run run = get(
        fx.port(), {{QStringLiteral("evil"), {}}, {QStringLiteral("evil2"), {}}}, into(fx.out()));
    QCOMPARE(run.results.size(), 2);
    for (const FileResult &r : run.results) {
        QCOMPARE(r.outcome, FileResult::Outcome::Failed);
        QCOMPARE(r.failure.code, ErrorCode::Refused);
    }
    QCOMPARE(QDir(fx.out()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList());
}

void tst_Transfer::refusesFileThroughSymlinkedFolder()
{
    Fixture fx;
    test::writeRandomFile(fx.base(QStringLiteral("outside/secret.txt")), 64);
    QVERIFY(QFile::link(fx.base(QStringLiteral("outside")), fx.share(QStringLiteral("docs"))));
    QVERIFY(QFile::link(QStringLiteral("/etc"), fx.share(QStringLiteral("etc"))));
    QVERIFY(fx.start());

    const Run run = get(fx.port(),
        {{QStringLiteral("docs/secret.txt"), {}}, {QStringLiteral("etc/passwd"), {}}},
        into(fx.out()));
    QCOMPARE(run.results.size(), 2);
    for (const FileResult &r : run.results) {
        QCOMPARE(r.outcome, FileResult::Outcome::Failed);
        QCOMPARE(r.failure.code, ErrorCode::Refused);
    }
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("docs/secret.txt"))));
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("etc/passwd"))));
}

void tst_Transfer::refusesSiblingFolderWithSamePrefix()
{
    Fixture fx; // base/share and base/share_evil
    test::writeRandomFile(fx.base(QStringLiteral("share_evil/f")), 64);
    QVERIFY(fx.startPlaintext());

    // The client refuses ".." itself, so ask by hand, as a hostile client would.
    RawClient raw(fx.port());
    raw.socket.write(protocol::encodeHello({}));
    raw.socket.write(protocol::encodeGetRequest(QStringLiteral("../share_evil/f")));
    QVERIFY(raw.waitFrames(2));
    QCOMPARE(raw.frames.at(1).type, FrameType::Error);
    QCOMPARE(protocol::parseError(raw.frames.at(1).body)->code, ErrorCode::Refused);
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("f"))));
}

void tst_Transfer::existingFinalFile_data()
{
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<FileResult::Outcome>("outcome");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<bool>("replaced");
    QTest::addColumn<QString>("savedAs");
    QTest::newRow("fail") << ConflictPolicy::Fail << FileResult::Outcome::Failed
                          << ErrorCode::AlreadyExists << false << QString();
    QTest::newRow("overwrite") << ConflictPolicy::Overwrite << FileResult::Outcome::Verified
                               << ErrorCode::None << true << QStringLiteral("photo.jpg");
    QTest::newRow("keep both") << ConflictPolicy::KeepBoth << FileResult::Outcome::Verified
                               << ErrorCode::None << false << QStringLiteral("photo (1).jpg");
}

void tst_Transfer::existingFinalFile()
{
    QFETCH(ConflictPolicy, policy);
    QFETCH(FileResult::Outcome, outcome);
    QFETCH(ErrorCode, code);
    QFETCH(bool, replaced);
    QFETCH(QString, savedAs);
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("photo.jpg"), 200 * 1024, 7);
    const QByteArray mine = "my own photo, not the server's";
    {
        QFile f(fx.out(QStringLiteral("photo.jpg")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(mine);
    }
    QVERIFY(fx.start());

    const Run run = get(fx.port(), QStringLiteral("photo.jpg"), into(fx.out(), policy));
    QCOMPARE(run.results.size(), 1);
    const FileResult &r = run.results.first();
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.failure.code, code);
    QCOMPARE(readAll(fx.out(QStringLiteral("photo.jpg"))) == mine, !replaced);
    if (replaced)
        QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("photo.jpg"))), md5);
    if (!savedAs.isEmpty()) {
        QCOMPARE(QFileInfo(r.localPath).fileName(), savedAs);
        QCOMPARE(test::md5OfFile(fx.out(savedAs)), md5);
    }
    QStringList expected {QStringLiteral("photo.jpg")};
    if (!savedAs.isEmpty() && savedAs != expected.first())
        expected.append(savedAs);
    expected.sort();
    QCOMPARE(QDir(fx.out()).entryList(
                 QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
        expected);
}

void tst_Transfer::resumesAfterClientAbort()
{
    Fixture fx;
    const qint64 size = 128 * 1024 * 1024;
    const QByteArray md5 = fx.write(QStringLiteral("big.iso"), size, 3);
    QVERIFY(fx.start());
    const QString part = fx.out(QStringLiteral("big.iso.part"));

    {
        const FileResult r
            = interruptAfterFirstData(fx.port(), QStringLiteral("big.iso"), fx.out());
        QCOMPARE(r.outcome, FileResult::Outcome::Failed);
        QCOMPARE(r.failure.code, ErrorCode::Cancelled);
    }
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("big.iso"))));
    QVERIFY(QFileInfo::exists(fx.out(QStringLiteral("big.iso.part.meta"))));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));

    // Without --resume the leftover .part is not silently clobbered.
    const Run refused = get(fx.port(), QStringLiteral("big.iso"), into(fx.out()));
    QCOMPARE(refused.results.first().failure.code, ErrorCode::PartExists);
    QCOMPARE(QFileInfo(part).size(), kept);

    QList<qint64> sentBytes;
    connect(&fx.server, &Server::event, this, [&](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Sent)
            sentBytes.append(e.bytes);
    });
    const Run resumed
        = get(fx.port(), QStringLiteral("big.iso"), into(fx.out(), ConflictPolicy::Fail, true));
    QCOMPARE(resumed.results.size(), 1);
    const FileResult &r = resumed.results.first();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.offset, kept);
    QCOMPARE(r.localMd5, md5);
    QCOMPARE(r.remoteMd5, md5);
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("big.iso"))), md5);
    QVERIFY(!QFileInfo::exists(part));
    QVERIFY(!QFileInfo::exists(part + QStringLiteral(".meta")));
    QTRY_COMPARE_WITH_TIMEOUT(sentBytes, QList<qint64> {size - kept}, kWait);
}

void tst_Transfer::smallFilesComeWithoutARoundTrip()
{
    Fixture fx;
    const QByteArray small = fx.write(QStringLiteral("small"), 1000, 4);
    fx.write(QStringLiteral("larger"), 2000, 5);
    QVERIFY(fx.startPlaintext());
    RawClient raw(fx.port());
    raw.socket.write(protocol::encodeHello({}));
    // Accepted in advance: the data follows the Offer with no Accept.
    raw.socket.write(protocol::encodeGetRequest(QStringLiteral("small"), 1000));
    // Over the limit: the server waits for the client's answer.
    raw.socket.write(protocol::encodeGetRequest(QStringLiteral("larger"), 1999));
    QVERIFY(raw.waitFrames(5));
    QVERIFY(raw.streamOk());
    QCOMPARE(raw.frames.at(1).type, FrameType::Offer);
    QCOMPARE(raw.frames.at(2).type, FrameType::Data);
    QCOMPARE(raw.frames.at(3).type, FrameType::End);
    QCOMPARE(*protocol::parseEnd(raw.frames.at(3).body), small);
    QCOMPARE(raw.frames.at(4).type, FrameType::Offer);
    QCOMPARE(protocol::parseOffer(raw.frames.at(4).body)->name, QStringLiteral("larger"));
    QTest::qWait(300);
    QCOMPARE(raw.frames.size(), 5);
    raw.socket.write(protocol::encodeAccept(0));
    QVERIFY(raw.waitFrames(7));
    QCOMPARE(raw.frames.at(5).type, FrameType::Data);
    QCOMPARE(raw.frames.at(6).type, FrameType::End);
}

/// Writes \a path's pages back and drops them from the page cache.
bool evictFromCache(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return false;
    const bool ok = ::fdatasync(fd) == 0 && ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
    ::close(fd);
    return ok;
}

/// The fraction of \a path's pages in the page cache, or -1.
double cachedFraction(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly) || f.size() == 0)
        return -1;
    void *map = ::mmap(nullptr, size_t(f.size()), PROT_READ, MAP_SHARED, f.handle(), 0);
    if (map == MAP_FAILED)
        return -1;
    std::vector<unsigned char> pages(size_t((f.size() + 4095) / 4096));
    const bool ok = ::mincore(map, size_t(f.size()), pages.data()) == 0;
    ::munmap(map, size_t(f.size()));
    if (!ok)
        return -1;
    qint64 cached = 0;
    for (const unsigned char p : pages)
        cached += p & 1;
    return double(cached) / double(pages.size());
}

/// Whether the filesystem under \a path takes O_DIRECT (tmpfs, for one, may not).
bool takesDirectIo(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECT);
    if (fd >= 0)
        ::close(fd);
    return fd >= 0;
}

/// Name and nice value of each of this process's threads, from /proc (Linux).
QList<QPair<QByteArray, int>> threadPriorities()
{
    QList<QPair<QByteArray, int>> threads;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs);
    for (const QString &tid : tasks) {
        const QByteArray stat = readAll(QStringLiteral("/proc/self/task/%1/stat").arg(tid));
        const qsizetype open = stat.indexOf('(');
        const qsizetype close = stat.lastIndexOf(')');
        // After "pid (comm) ": state is field 3, nice field 19.
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        if (open > 0 && fields.size() > 16)
            threads.append({stat.mid(open + 1, close - open - 1), fields.at(16).toInt()});
    }
    return threads;
}

void tst_Transfer::bigDownloadHashesAndWritesAtLowPriority()
{
    // The window's thread stays at normal priority; the hashing and writing of a big file
    // give way to it, and to small requests, on a busy machine.
    Fixture fx;
    // Where the test itself runs (under `nice`, say): the other threads stay there.
    errno = 0;
    const int base = ::getpriority(PRIO_PROCESS, 0);
    QCOMPARE(errno, 0);
    const QByteArray md5 = fx.write(QStringLiteral("big.bin"), 64 * 1024 * 1024, 8);
    QVERIFY(fx.start());
    ClientSession session;
    trustOnFirstUse(session);
    QList<QPair<QByteArray, int>> seen;
    QList<FileResult> results;
    connect(&session, &ClientSession::fileProgress, &session, [&] { seen += threadPriorities(); });
    connect(&session, &ClientSession::fileFinished, &session,
        [&](const FileResult &r) { results.append(r); });
    // Throttled (about 1.3 s): unthrottled, 64 MiB can arrive between two progress reports,
    // and the threads are looked at only then.
    test::SlowProxy proxy(fx.port(), 512 * 1024);
    session.connectToServer(kLocalHost, proxy.serverPort());
    session.requestFile(QStringLiteral("big.bin"), {}, into(fx.out()));
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 1, kWait);
    QCOMPARE(results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(results.first().localMd5, md5);
    QVERIFY2(seen.contains({"ferry-hash", 10}), "no hasher at nice 10 during the download");
    QVERIFY2(seen.contains({"ferry-write", 10}), "no writer at nice 10 during the download");
    for (const auto &[name, nice] : std::as_const(seen)) {
        // The in-process server's read-ahead threads are bulk threads too.
        if (name != "ferry-hash" && name != "ferry-write" && name != "ferry-read"
            && name != "ferry-sendhash")
            QVERIFY2(nice == base, name.constData()); // the session's own thread among them
    }
    // Gone with the download.
    for (const auto &thread : threadPriorities())
        QVERIFY2(thread.first != "ferry-hash" && thread.first != "ferry-write",
            thread.first.constData());
}

void tst_Transfer::uncachedBigFileIsServedWithoutFillingTheCache()
{
    // Serving a big file nobody read lately reads it with O_DIRECT: it doesn't push the
    // user's other files out of the page cache, and it costs less CPU than filling it.
    Fixture fx;
    const QString source = fx.share(QStringLiteral("movie.mkv"));
    const QByteArray md5 = fx.write(QStringLiteral("movie.mkv"), 48 * 1024 * 1024 + 123, 12);
    if (!takesDirectIo(source))
        QSKIP("this filesystem refuses O_DIRECT; the server reads through the cache");
    QVERIFY(evictFromCache(source));
    QCOMPARE(cachedFraction(source), 0.0);
    QVERIFY(fx.start());
    const Run run = get(fx.port(), QStringLiteral("movie.mkv"), into(fx.out()));
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(run.results.first().remoteMd5, md5);
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("movie.mkv"))), md5);
    QVERIFY2(cachedFraction(source) < 0.1, qPrintable(QString::number(cachedFraction(source))));

    // A file in the cache is read through it, as before; the second send reuses the cache.
    QFile warm(source);
    QVERIFY(warm.open(QIODevice::ReadOnly));
    while (!warm.read(1 << 20).isEmpty()) { }
    QVERIFY(cachedFraction(source) > 0.9);
    const Run again = get(
        fx.port(), {{QStringLiteral("movie.mkv"), QStringLiteral("copy.mkv")}}, into(fx.out()));
    QCOMPARE(again.results.size(), 1);
    QCOMPARE(again.results.first().outcome, FileResult::Outcome::Verified);
    QVERIFY(cachedFraction(source) > 0.9);
}

void tst_Transfer::clientsOfOneUncachedFileShareTheCache()
{
    // Only a lone send reads around the page cache: when several people fetch the same big
    // file at once, the others read through the cache, so the disk isn't read once per client.
    Fixture fx;
    const QString source = fx.share(QStringLiteral("class.iso"));
    const QByteArray md5 = fx.write(QStringLiteral("class.iso"), 48 * 1024 * 1024, 13);
    if (!takesDirectIo(source))
        QSKIP("this filesystem refuses O_DIRECT; the server reads through the cache");
    QVERIFY(evictFromCache(source));
    QVERIFY(fx.start());
    std::vector<std::unique_ptr<ClientSession>> sessions;
    QList<FileResult> results;
    for (int i = 0; i < 3; ++i) {
        auto session = std::make_unique<ClientSession>();
        trustOnFirstUse(*session);
        connect(session.get(), &ClientSession::fileFinished, this,
            [&](const FileResult &r) { results.append(r); });
        session->connectToServer(kLocalHost, fx.port());
        session->requestFile(
            QStringLiteral("class.iso"), QStringLiteral("copy%1.iso").arg(i), into(fx.out()));
        sessions.push_back(std::move(session));
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, kWait);
    for (const FileResult &r : std::as_const(results)) {
        QCOMPARE(r.outcome, FileResult::Outcome::Verified);
        QCOMPARE(r.localMd5, md5);
    }
    QVERIFY2(cachedFraction(source) > 0.9, qPrintable(QString::number(cachedFraction(source))));
}

void tst_Transfer::smallPartIsResumedNotAcceptedAhead()
{
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("notes.txt"), 100000, 6);
    QVERIFY(fx.start());
    // What an interrupted download leaves: the head of the file and its record.
    const QByteArray head = readAll(fx.share(QStringLiteral("notes.txt"))).left(40000);
    QVERIFY(QDir().mkpath(fx.out()));
    QFile part(fx.out(QStringLiteral("notes.txt.part")));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(head);
    part.close();
    const qint64 mtimeMs
        = QFileInfo(fx.share(QStringLiteral("notes.txt"))).lastModified().toMSecsSinceEpoch();
    QFile meta(fx.out(QStringLiteral("notes.txt.part.meta")));
    QVERIFY(meta.open(QIODevice::WriteOnly));
    meta.write("100000 " + QByteArray::number(mtimeMs) + "\n");
    meta.close();

    const Run run
        = get(fx.port(), QStringLiteral("notes.txt"), into(fx.out(), ConflictPolicy::Fail, true));
    QCOMPARE(run.results.size(), 1);
    const FileResult &r = run.results.first();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.offset, 40000);
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("notes.txt"))), md5);
    QCOMPARE(QDir(fx.out()).entryList(QDir::Files | QDir::Hidden),
        QStringList {QStringLiteral("notes.txt")});
}

void tst_Transfer::acceptedAheadButUnsavableFileIsSkipped()
{
    // The .part appears between the request and the Offer, when the bytes are already coming.
    QTemporaryDir base;
    const QString out = base.filePath(QStringLiteral("out"));
    const QByteArray a = "first file";
    const QByteArray b = "second file";
    FakeServer server([&](QTcpSocket *s, const Frame &f) {
        if (f.type != FrameType::GetRequest)
            return;
        const auto request = protocol::parseGetRequest(f.body);
        const QByteArray body = request->name == QLatin1String("a.txt") ? a : b;
        if (request->name == QLatin1String("a.txt")) {
            QFile planted(out + QStringLiteral("/a.txt.part"));
            QVERIFY(planted.open(QIODevice::WriteOnly));
            planted.write("someone else's");
        }
        QVERIFY(body.size() <= request->acceptUpTo);
        s->write(protocol::encodeOffer({request->name, body.size(), 1700000000000}));
        s->write(dataFrame(body));
        s->write(protocol::encodeEnd(hexMd5(body)));
    });
    QVERIFY(server.isListening());
    const Run run
        = get(server.serverPort(), {{QStringLiteral("a.txt"), {}}, {QStringLiteral("b.txt"), {}}},
            into(out), 10000, 30000, false);
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.results.at(0).outcome, FileResult::Outcome::Failed);
    QCOMPARE(run.results.at(0).failure.code, ErrorCode::PartExists);
    QCOMPARE(run.results.at(1).outcome, FileResult::Outcome::Verified);
    QCOMPARE(readAll(out + QStringLiteral("/b.txt")), b);
    QCOMPARE(readAll(out + QStringLiteral("/a.txt.part")), QByteArray("someone else's"));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/a.txt")));
    QVERIFY(run.failures.isEmpty());
}

void tst_Transfer::startsOverWhenSourceChangedBeforeResume()
{
    Fixture fx;
    const qint64 size = 128 * 1024 * 1024;
    fx.write(QStringLiteral("big.iso"), size, 3);
    QVERIFY(fx.start());
    interruptAfterFirstData(fx.port(), QStringLiteral("big.iso"), fx.out());
    QVERIFY(QFileInfo(fx.out(QStringLiteral("big.iso.part"))).size() > 0);

    // New content of the same size, and a different mtime: the .part is worthless now.
    const QByteArray md5 = fx.write(QStringLiteral("big.iso"), size, 99);
    QVERIFY(setMtime(
        fx.share(QStringLiteral("big.iso")), QDateTime::currentDateTimeUtc().addSecs(-3600)));
    const Run resumed
        = get(fx.port(), QStringLiteral("big.iso"), into(fx.out(), ConflictPolicy::Fail, true));
    QCOMPARE(resumed.results.size(), 1);
    const FileResult &r = resumed.results.first();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.offset, 0);
    QCOMPARE(r.localMd5, md5);
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("big.iso"))), md5);
}

void tst_Transfer::twentyClientsAtOnce()
{
    Fixture fx;
    constexpr int kClients = 20;
    QList<QByteArray> md5s;
    for (int i = 0; i < kClients; ++i)
        md5s.append(fx.write(QStringLiteral("f%1.bin").arg(i), 1024 * 1024 + i, quint32(i + 1)));
    QVERIFY(fx.start());

    std::vector<std::unique_ptr<ClientSession>> sessions;
    QList<FileResult> results;
    for (int i = 0; i < kClients; ++i) {
        sessions.push_back(std::make_unique<ClientSession>());
        trustOnFirstUse(*sessions.back());
        ClientSession *s = sessions.back().get();
        connect(
            s, &ClientSession::fileFinished, this, [&](const FileResult &r) { results.append(r); });
        s->connectToServer(kLocalHost, fx.port());
        s->requestFile(
            QStringLiteral("f%1.bin").arg(i), {}, into(fx.out(QStringLiteral("client%1").arg(i))));
    }
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), kClients, kWait);
    for (const FileResult &r : std::as_const(results)) {
        const int i = r.remoteName.mid(1).section(QLatin1Char('.'), 0, 0).toInt();
        QCOMPARE(r.outcome, FileResult::Outcome::Verified);
        QCOMPARE(r.localMd5, md5s.at(i));
        QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("client%1/f%1.bin").arg(i))), md5s.at(i));
    }
}

void tst_Transfer::survivesAbruptDisconnects()
{
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("big.bin"), 32 * 1024 * 1024, 5);
    QVERIFY(fx.startPlaintext());
    int connected = 0;
    connect(&fx.server, &Server::event, this, [&](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Connected)
            ++connected;
    });

    constexpr int kPeers = 50;
    std::vector<std::unique_ptr<RawClient>> peers;
    QRandomGenerator rng(42);
    for (int i = 0; i < kPeers; ++i) {
        peers.push_back(std::make_unique<RawClient>(fx.port()));
        QTcpSocket &s = peers.back()->socket;
        switch (i % 5) {
        case 0: // nothing at all
            break;
        case 1: { // garbage
            QByteArray junk(1000, Qt::Uninitialized);
            for (char &c : junk)
                c = char(rng.bounded(256));
            s.write(junk);
            break;
        }
        case 2: // half a hello
            s.write(protocol::encodeHello({}).left(7));
            break;
        case 3: // a hello and a request whose header promises more than comes
            s.write(protocol::encodeHello({}));
            s.write(protocol::encodeGetRequest(QStringLiteral("big.bin")).left(8));
            break;
        case 4: // a real request, accepted: the server starts sending
            s.write(protocol::encodeHello({}));
            s.write(protocol::encodeGetRequest(QStringLiteral("big.bin")));
            break;
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(connected, kPeers, kWait);
    for (int i = 4; i < kPeers; i += 5) {
        RawClient &p = *peers.at(i);
        QVERIFY(p.waitFrames(2)); // Hello, Offer
        QCOMPARE(p.frames.at(1).type, FrameType::Offer);
        p.socket.write(protocol::encodeAccept(0));
        QVERIFY(QTest::qWaitFor([&] { return p.frames.size() > 3; }, kWait)); // data flows
    }
    for (auto &p : peers)
        p->socket.abort();
    QTRY_COMPARE_WITH_TIMEOUT(fx.server.activeSessions(), 0, kWait);

    const Run run = get(
        fx.port(), {{QStringLiteral("big.bin"), QString()}}, into(fx.out()), 10000, 30000, false);
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Verified);
    QCOMPARE(run.results.first().localMd5, md5);
}

void tst_Transfer::answersGarbageWithErrorOrClose_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QByteArray hello = protocol::encodeHello({});
    QByteArray badMagic = hello;
    badMagic.replace(protocol::kHeaderSize, protocol::kMagicSize, "HTTPS");
    protocol::Hello future;
    future.version = 99;
    QByteArray huge(protocol::kHeaderSize, Qt::Uninitialized);
    protocol::writeHeader(huge.data(), FrameType::Data, 0xffffffffu);
    QByteArray unknownType = protocol::encodeFrame(FrameType::ListEnd);
    unknownType[0] = char(0x55);
    QByteArray noise(4096, Qt::Uninitialized);
    QRandomGenerator rng(7);
    for (char &c : noise)
        c = char(rng.bounded(256));
    noise[0] = char(0xee); // not a frame type

    QTest::newRow("http request") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QTest::newRow("noise") << noise;
    QTest::newRow("huge declared length") << huge;
    QTest::newRow("data before hello") << dataFrame("0123456789");
    QTest::newRow("wrong magic") << badMagic;
    QTest::newRow("future version") << protocol::encodeHello(future);
    QTest::newRow("unknown type after hello") << hello + unknownType;
    QTest::newRow("accept without offer") << hello + protocol::encodeAccept(0);
    QTest::newRow("end from the client") << hello + protocol::encodeEnd(hexMd5("x"));
    QTest::newRow("malformed request") << hello
            + protocol::encodeFrame(FrameType::GetRequest,
                QByteArray("\x00\x09"
                           "ab",
                    4));
}

void tst_Transfer::answersGarbageWithErrorOrClose()
{
    QFETCH(QByteArray, bytes);
    Fixture fx;
    fx.write(QStringLiteral("a.txt"), 10);
    ServerConfig config;
    // Long deadlines: a close within kWait is the server's answer, not its idle timeout.
    config.handshakeTimeoutMs = 10 * kWait;
    config.requestTimeoutMs = 10 * kWait;
    QVERIFY(fx.startPlaintext(config));

    RawClient raw(fx.port());
    raw.socket.write(bytes);
    QVERIFY2(raw.waitClosed(), "the server kept a peer that sent garbage");
    QVERIFY(raw.streamOk());
    QVERIFY(!raw.frames.isEmpty());
    QCOMPARE(raw.frames.first().type, FrameType::Hello);
    // After the hello, nothing but (at most) one error frame.
    QVERIFY(raw.frames.size() <= 2);
    if (raw.frames.size() == 2) {
        QCOMPARE(raw.frames.at(1).type, FrameType::Error);
        const auto failure = protocol::parseError(raw.frames.at(1).body);
        QVERIFY(failure);
        QVERIFY(failure->code == ErrorCode::ProtocolError
            || failure->code == ErrorCode::VersionMismatch);
    }
}

void tst_Transfer::httpServerIsNotFerry()
{
    QTcpServer http;
    QVERIFY(http.listen(QHostAddress::LocalHost, 0));
    connect(&http, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = http.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            s->disconnectFromHost();
        });
    });
    QTemporaryDir out;
    ClientSession session;
    session.setTimeouts(kWait, kWait);
    QSignalSpy failed(&session, &ClientSession::failed);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    session.connectToServer(kLocalHost, http.serverPort());
    session.requestFile(QStringLiteral("a.txt"), {}, into(out.path()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, ErrorCode::NotFerryServer);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<FileResult>().failure.code, ErrorCode::NotFerryServer);
    QCOMPARE(QDir(out.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList());
}

void tst_Transfer::silentServerTimesOut()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    ClientSession session;
    session.setTimeouts(2000, 2000);
    QSignalSpy failed(&session, &ClientSession::failed);
    session.connectToServer(kLocalHost, silent.serverPort());
    session.requestList();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
    // Silence is not proof of another program: a frozen Ferry server is silent too.
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, ErrorCode::NoGreeting);
    QCOMPARE(silent.hasPendingConnections(), true); // it did connect; the peer just said nothing
}

void tst_Transfer::connectionRefused()
{
    quint16 port = 0;
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        port = closed.serverPort();
    }
    QTemporaryDir out;
    ClientSession session;
    QSignalSpy failed(&session, &ClientSession::failed);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    session.connectToServer(kLocalHost, port);
    session.requestFile(QStringLiteral("a.txt"), {}, into(out.path()));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWait);
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, ErrorCode::ConnectionRefused);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
    QCOMPARE(finished.at(0).at(0).value<FileResult>().outcome, FileResult::Outcome::Failed);
}

void tst_Transfer::transfersFileOver4GiB()
{
    Fixture fx;
    const qint64 size = (qint64(1) << 32) + 1;
    // Sparse, with markers at the start, across the 4 GiB line and at the very end: a 32-bit
    // offset anywhere would misplace or lose them.
    const QList<QPair<qint64, QByteArray>> markers
        = {{0, "HEAD"}, {(qint64(1) << 32) - 3, "MID"}, {size - 1, "T"}};
    {
        QFile f(fx.share(QStringLiteral("big.img")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(size));
        for (const auto &m : markers) {
            QVERIFY(f.seek(m.first));
            QCOMPARE(f.write(m.second), m.second.size());
        }
    }
    QCOMPARE(QFileInfo(fx.share(QStringLiteral("big.img"))).size(), size);
    QVERIFY(fx.start());

    QElapsedTimer clock;
    clock.start();
    const Run run = get(fx.port(), QStringLiteral("big.img"), into(fx.out()));
    qInfo("4 GiB + 1 byte in %lld ms", clock.elapsed());
    QCOMPARE(run.results.size(), 1);
    const FileResult &r = run.results.first();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.size, size);
    QCOMPARE(r.localMd5, r.remoteMd5);
    QFile got(fx.out(QStringLiteral("big.img")));
    QCOMPARE(got.size(), size);
    QVERIFY(got.open(QIODevice::ReadOnly));
    for (const auto &m : markers) {
        QVERIFY(got.seek(m.first));
        QCOMPARE(got.read(m.second.size()), m.second);
    }
}

void tst_Transfer::fileChangingWhileSentFails_data()
{
    QTest::addColumn<bool>("truncate");
    QTest::addColumn<bool>("cold"); // read ahead with O_DIRECT, not through the page cache
    QTest::newRow("appended") << false << false;
    QTest::newRow("truncated") << true << false;
    QTest::newRow("appended, not cached") << false << true;
    QTest::newRow("truncated, not cached") << true << true;
}

void tst_Transfer::fileChangingWhileSentFails()
{
    QFETCH(bool, truncate);
    QFETCH(bool, cold);
    Fixture fx;
    const qint64 size = 200 * 1024 * 1024;
    fx.write(QStringLiteral("live.log"), size, 11);
    if (cold)
        QVERIFY(evictFromCache(fx.share(QStringLiteral("live.log"))));
    QVERIFY(fx.start());

    ClientSession session;
    trustOnFirstUse(session);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    bool changed = false;
    connect(&session, &ClientSession::fileProgress, &session, [&](quint64, qint64 done, qint64) {
        if (done == 0 || changed)
            return;
        changed = true;
        QFile f(fx.share(QStringLiteral("live.log")));
        if (truncate) {
            QVERIFY(f.resize(size / 2));
        } else {
            QVERIFY(f.open(QIODevice::Append));
            f.write("one more line\n");
        }
    });
    // Throttled (about 2 s): unthrottled, the server can have read the whole file before
    // the first progress report, and then the change comes too late to be seen.
    test::SlowProxy proxy(fx.port(), 1024 * 1024);
    session.connectToServer(kLocalHost, proxy.serverPort());
    session.requestFile(QStringLiteral("live.log"), {}, into(fx.out()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
    QVERIFY(changed);
    const auto r = finished.at(0).at(0).value<FileResult>();
    QCOMPARE(r.outcome, FileResult::Outcome::Failed);
    QCOMPARE(r.failure.code, ErrorCode::FileChanged);
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("live.log"))));
}

void tst_Transfer::lyingServerLeavesNoFile_data()
{
    QTest::addColumn<QString>("lie");
    QTest::addColumn<FileResult::Outcome>("outcome");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("more data than offered")
        << QStringLiteral("overrun") << FileResult::Outcome::Failed << ErrorCode::ProtocolError;
    QTest::newRow("less data than offered")
        << QStringLiteral("short") << FileResult::Outcome::Failed << ErrorCode::ProtocolError;
    QTest::newRow("wrong MD5") << QStringLiteral("md5") << FileResult::Outcome::Mismatch
                               << ErrorCode::Mismatch;
    QTest::newRow("offer for another name")
        << QStringLiteral("rename") << FileResult::Outcome::Failed << ErrorCode::ProtocolError;
}

void tst_Transfer::lyingServerLeavesNoFile()
{
    QFETCH(QString, lie);
    QFETCH(FileResult::Outcome, outcome);
    QFETCH(ErrorCode, code);
    QTemporaryDir base;
    const QString out = base.filePath(QStringLiteral("out/deeper"));
    const QByteArray payload = "0123456789abcdefghij"; // 20 bytes
    FakeServer server([&](QTcpSocket *s, const Frame &f) {
        if (f.type != FrameType::GetRequest)
            return;
        const QString name = protocol::parseGetRequest(f.body)->name;
        protocol::FileEntry offer {name, 10, 1700000000000};
        if (lie == QLatin1String("rename"))
            offer.name = QStringLiteral("../../evil");
        s->write(protocol::encodeOffer(offer));
        if (lie == QLatin1String("overrun")) {
            s->write(dataFrame(payload)); // 20 bytes for a 10-byte file
            s->write(protocol::encodeEnd(hexMd5(payload)));
        } else if (lie == QLatin1String("short")) {
            s->write(dataFrame(payload.left(5)));
            s->write(protocol::encodeEnd(hexMd5(payload.left(5))));
        } else if (lie == QLatin1String("md5")) {
            s->write(dataFrame(payload.left(10)));
            s->write(protocol::encodeEnd(hexMd5("something else")));
        } else {
            s->write(dataFrame(payload.left(10)));
            s->write(protocol::encodeEnd(hexMd5(payload.left(10))));
        }
    });
    QVERIFY(server.isListening());

    ClientSession session;
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    session.connectToServer(kLocalHost, server.serverPort());
    session.requestFile(QStringLiteral("f.bin"), {}, into(out));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kWait);
    const auto r = finished.at(0).at(0).value<FileResult>();
    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.failure.code, code);
    QVERIFY(r.localPath.isEmpty());
    QVERIFY(!QFileInfo::exists(base.filePath(QStringLiteral("evil"))));
    QVERIFY(!QFileInfo::exists(base.filePath(QStringLiteral("out/evil"))));
    // No final file, and no .part a resume would take for a good start.
    QCOMPARE(
        QDir(out).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
}

QTEST_GUILESS_MAIN(tst_Transfer)
void tst_Transfer::listsFoldersEmptyOnesToo()
{
    Fixture fx;
    fx.write(QStringLiteral("photos/a.jpg"), 10);
    QVERIFY(QDir().mkpath(fx.share(QStringLiteral("photos/empty/deeper"))));
    QVERIFY(fx.start());
    QStringList folders;
    for (const protocol::FileEntry &e : fullListing(fx.port())) {
        if (e.isFolder)
            folders.append(e.name);
    }
    folders.sort();
    QCOMPARE(folders,
        (QStringList {QStringLiteral("photos"), QStringLiteral("photos/empty"),
            QStringLiteral("photos/empty/deeper")}));
}

void tst_Transfer::folderFetchGetsTheSubtreeOverOneConnection()
{
    Fixture fx;
    QHash<QString, QByteArray> md5s;
    for (int i = 0; i < 150; ++i) {
        const QString name = QStringLiteral("album/%1/p%2.jpg").arg(i % 5).arg(i);
        md5s.insert(name, fx.write(name, 1000 + i, quint32(i + 1)));
    }
    md5s.insert(QStringLiteral("album/big.raw"),
        fx.write(QStringLiteral("album/big.raw"), 12 * 1024 * 1024, 77));
    QVERIFY(QDir().mkpath(fx.share(QStringLiteral("album/empty"))));
    fx.write(QStringLiteral("elsewhere.txt"), 5);
    QVERIFY(fx.start());
    QSignalSpy connected(&fx.server, &Server::event);

    const FolderRun run = fetchFolder(fx.port(), {QStringLiteral("album/")}, into(fx.out()));
    QVERIFY(run.finished);
    QCOMPARE(run.planned, 151);
    QCOMPARE(run.summary.files, 151);
    QCOMPARE(run.summary.verified, 151);
    QCOMPARE(run.summary.failed, 0);
    QCOMPARE(run.summary.skipped, 0);
    QCOMPARE(run.lastBytesDone, run.summary.bytes);
    for (auto it = md5s.cbegin(); it != md5s.cend(); ++it) {
        QCOMPARE(run.results.value(it.key()).outcome, FileResult::Outcome::Verified);
        QCOMPARE(test::md5OfFile(fx.out(it.key())), it.value());
    }
    QVERIFY(QFileInfo(fx.out(QStringLiteral("album/empty"))).isDir());
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("elsewhere.txt"))));
    // One connection for the listing and every file.
    int connections = 0;
    for (const QList<QVariant> &args : std::as_const(connected))
        connections += args.at(0).value<ServerEvent>().kind == ServerEvent::Kind::Connected;
    QCOMPARE(connections, 1);
}

void tst_Transfer::folderResumeSkipsCompleteFilesAndContinuesParts()
{
    Fixture fx;
    const QByteArray md5a = fx.write(QStringLiteral("d/a.bin"), 3000, 1);
    const QByteArray md5b = fx.write(QStringLiteral("d/b.bin"), 64 * 1024 * 1024, 2);
    const QByteArray md5c = fx.write(QStringLiteral("d/c.bin"), 4000, 3);
    QVERIFY(fx.start());
    QVERIFY(fetchFolder(fx.port(), {QStringLiteral("d/")}, into(fx.out())).summary.verified == 3);

    // b.bin is interrupted half way (a .part with its record); c.bin differs, same size.
    QVERIFY(QFile::remove(fx.out(QStringLiteral("d/b.bin"))));
    interruptAfterFirstData(fx.port(), QStringLiteral("d/b.bin"), fx.out());
    const qint64 partSize = QFileInfo(fx.out(QStringLiteral("d/b.bin.part"))).size();
    QVERIFY(partSize > 0);
    test::writeRandomFile(fx.out(QStringLiteral("d/c.bin")), 4000, 99);

    const FolderRun run = fetchFolder(
        fx.port(), {QStringLiteral("d/")}, into(fx.out(), ConflictPolicy::Fail, true));
    QVERIFY(run.finished);
    QCOMPARE(run.summary.skipped, 1);
    QVERIFY(run.skipped.value(QStringLiteral("d/a.bin")));
    QCOMPARE(run.results.value(QStringLiteral("d/a.bin")).localMd5, md5a);
    const FileResult b = run.results.value(QStringLiteral("d/b.bin"));
    QCOMPARE(b.outcome, FileResult::Outcome::Verified);
    QCOMPARE(b.offset, partSize); // continued, not started over
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("d/b.bin"))), md5b);
    // A different file is never replaced silently.
    QCOMPARE(run.results.value(QStringLiteral("d/c.bin")).failure.code, ErrorCode::AlreadyExists);
    QVERIFY(test::md5OfFile(fx.out(QStringLiteral("d/c.bin"))) != md5c);
    QCOMPARE(run.summary.failed, 1);
}

void tst_Transfer::fileChangingDuringAFolderFetchFailsAlone()
{
    Fixture fx;
    const QByteArray md5a = fx.write(QStringLiteral("d/a.txt"), 1000, 1);
    const qint64 size = 96 * 1024 * 1024;
    fx.write(QStringLiteral("d/live.log"), size, 2);
    const QByteArray md5z = fx.write(QStringLiteral("d/z.txt"), 2000, 3);
    QVERIFY(fx.start());
    // Throttled, so the change lands while the server is still reading the file.
    test::SlowProxy proxy(fx.port(), 512 * 1024);
    bool changed = false;
    const FolderRun run = fetchFolder(
        proxy.serverPort(), {QStringLiteral("d/")}, into(fx.out()), [&](ClientSession &s) {
            QObject::connect(
                &s, &ClientSession::fileProgress, &s, [&](quint64, qint64 done, qint64 total) {
                    if (changed || done == 0 || total != size)
                        return;
                    changed = QFile::resize(fx.share(QStringLiteral("d/live.log")), size / 2);
                });
        });
    QVERIFY(run.finished);
    QVERIFY(changed);
    const FileResult live = run.results.value(QStringLiteral("d/live.log"));
    QCOMPARE(live.outcome, FileResult::Outcome::Failed);
    QCOMPARE(live.failure.code, ErrorCode::FileChanged);
    // Never a mixed file: neither under its name nor as a .part to resume.
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("d/live.log"))));
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("d/live.log.part"))));
    // The connection went on: the files around it are verified.
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("d/a.txt"))), md5a);
    QCOMPARE(test::md5OfFile(fx.out(QStringLiteral("d/z.txt"))), md5z);
    QCOMPARE(run.summary.verified, 2);
    QCOMPARE(run.summary.failed, 1);
}

void tst_Transfer::hashQueryAnswersWithoutTheFile()
{
    Fixture fx;
    const QByteArray md5 = fx.write(QStringLiteral("d/big.bin"), 9 * 1024 * 1024, 5);
    QVERIFY(fx.start());
    ClientSession session;
    trustOnFirstUse(session);
    QList<HashResult> results;
    connect(&session, &ClientSession::hashReceived, this,
        [&](const HashResult &r) { results.append(r); });
    QSignalSpy files(&session, &ClientSession::fileStarted);
    session.connectToServer(kLocalHost, fx.port());
    const quint64 first = session.requestHash(QStringLiteral("d/big.bin"));
    session.requestHash(QStringLiteral("d"));
    session.requestHash(QStringLiteral("gone.bin"));
    session.requestHash(QStringLiteral("d/big.bin")); // from the server's cache now
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 4, kWait);
    QCOMPARE(results.at(0).id, first);
    QCOMPARE(results.at(0).md5, md5);
    QCOMPARE(results.at(0).size, 9 * 1024 * 1024);
    QCOMPARE(results.at(1).failure.code, ErrorCode::NotRegularFile);
    QCOMPARE(results.at(2).failure.code, ErrorCode::NotFound);
    QCOMPARE(results.at(3).md5, md5);
    QCOMPARE(files.count(), 0);
    QVERIFY(!QFileInfo::exists(fx.out(QStringLiteral("d/big.bin"))));
    QCOMPARE(session.state(), ClientSession::State::Ready);
}

#include "tst_transfer.moc"
