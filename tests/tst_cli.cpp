// The real `ferry` binary (FERRY_BIN) run as a user would: exit codes, the lines it prints,
// and what it leaves on disk.

#include "protocol/decoder.h"
#include "protocol/messages.h"
#include "server/server.h"
#include "slowproxy.h"
#include "testidentity.h"
#include "testutil.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <arpa/inet.h>
#include <csignal>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace ferry;
using ferry::test::SlowProxy;

namespace {

constexpr int kWait = 30000;

QString ferryBin()
{
    return QString::fromLocal8Bit(qgetenv("FERRY_BIN"));
}

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The wording under test is the English source text.
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
    // Clients and servers each have an identity of their own, never the user's.
    env.insert(QStringLiteral("FERRY_DATA_DIR"), test::dataDir(QStringLiteral("client")));
    return env;
}

/// `list` and `get` trust a server on first contact (no terminal here), unless the test
/// runs them in plaintext against a hand-written peer.
QStringList trusting(const QStringList &args)
{
    const QString command = args.value(0);
    if ((command != QLatin1String("list") && command != QLatin1String("get"))
        || args.contains(QStringLiteral("--plaintext")) || args.contains(QStringLiteral("--help")))
        return args;
    return args + QStringList {QStringLiteral("--trust-new")};
}

struct Result
{
    int exitCode = -1;
    QProcess::ExitStatus status = QProcess::CrashExit;
    QByteArray out;
    QByteArray err;
    bool finished = false;
};

/// Runs ferry to its end while this thread's event loop keeps running (a fake server in the
/// test may need to answer it).
Result runProgram(const QString &program, const QStringList &args, int timeoutMs = 120000,
    const QProcessEnvironment &env = childEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Result r;
    r.finished = p.waitForStarted(kWait)
        && QTest::qWaitFor([&] { return p.state() == QProcess::NotRunning; }, timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(kWait);
    }
    r.exitCode = p.exitCode();
    r.status = p.exitStatus();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

Result runFerry(const QStringList &args, int timeoutMs = 120000,
    const QProcessEnvironment &env = childEnvironment())
{
    return runProgram(ferryBin(), trusting(args), timeoutMs, env);
}

/// The lines of \a text that start with \a prefix.
QList<QByteArray> linesStartingWith(const QByteArray &text, const QByteArray &prefix)
{
    QList<QByteArray> out;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(prefix))
            out.append(line);
    }
    return out;
}

/// A listening socket whose queue is full and never accepted: Linux drops further SYNs, so
/// a connect to it is never answered, like one to a host behind a dropping firewall.
class Blackhole
{
public:
    Blackhole()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a = {};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr *>(&a), len) != 0
            || ::listen(m_listener, 0) != 0
            || ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&a), &len) != 0)
            return;
        port = ntohs(a.sin_port);
        for (int &fd : m_fillers) {
            fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
            ::connect(fd, reinterpret_cast<sockaddr *>(&a), len);
        }
    }
    ~Blackhole()
    {
        for (int fd : m_fillers)
            ::close(fd);
        ::close(m_listener);
    }
    Blackhole(const Blackhole &) = delete;
    Blackhole &operator=(const Blackhole &) = delete;
    quint16 port = 0;

private:
    int m_listener = -1;
    int m_fillers[4] = {-1, -1, -1, -1};
};

/// A Ferry server in this process on \a address, port 0, sharing \a root.
std::unique_ptr<Server> startServer(const QString &root, const QHostAddress &address)
{
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = root;
    config.bindAddress = address;
    config.port = 0;
    auto server = std::make_unique<Server>();
    Failure failure;
    if (!server->start(config, &failure))
        return {};
    return server;
}

/// `ferry serve DIR` on 127.0.0.1 and a free port; killed on destruction.
class Serve
{
public:
    explicit Serve(const QString &dir, const QStringList &extra = {},
        const QProcessEnvironment &env = childEnvironment())
    {
        // A server identity of its own, unless the test chose a data folder for it.
        QProcessEnvironment serverEnv = env;
        if (serverEnv.value(QStringLiteral("FERRY_DATA_DIR"))
            == test::dataDir(QStringLiteral("client")))
            serverEnv.insert(
                QStringLiteral("FERRY_DATA_DIR"), test::dataDir(QStringLiteral("server")));
        m_proc.setProcessEnvironment(serverEnv);
        m_proc.start(ferryBin(),
            QStringList {QStringLiteral("serve"), dir, QStringLiteral("--bind"),
                QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0")}
                + extra);
    }
    ~Serve()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(kWait);
        }
    }
    /// Waits for "listening on 127.0.0.1:PORT" and returns PORT, or 0.
    quint16 waitListening()
    {
        static const QRegularExpression re(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
        QRegularExpressionMatch m;
        [[maybe_unused]] const bool seen = QTest::qWaitFor(
            [&] {
                m = re.match(QString::fromUtf8(log()));
                return m.hasMatch() || m_proc.state() == QProcess::NotRunning;
            },
            kWait);
        port = m.hasMatch() ? quint16(m.captured(1).toUInt()) : 0;
        return port;
    }
    /// Everything it printed so far.
    QByteArray log()
    {
        m_log += m_proc.readAllStandardOutput();
        return m_log;
    }
    /// Waits until the log contains \a text.
    bool waitLog(const QByteArray &text)
    {
        return QTest::qWaitFor([&] { return log().contains(text); }, kWait);
    }
    QProcess &process() { return m_proc; }
    QString portArg() const { return QString::number(port); }
    quint16 port = 0;

private:
    QProcess m_proc;
    QByteArray m_log;
};

QStringList getArgs(const QStringList &names, const Serve &serve, const QString &out)
{
    return QStringList {QStringLiteral("get")} + names
        + QStringList {QStringLiteral("--port"), serve.portArg(), QStringLiteral("--output"), out};
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A port nothing listens on.
quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

/// Starts `ferry get`, lets \a part grow past \a bytes, and returns the running process.
bool startGetAndWaitForPart(
    QProcess &get, const QStringList &args, const QString &part, qint64 bytes)
{
    get.setProcessEnvironment(childEnvironment());
    get.start(ferryBin(), trusting(args));
    if (!get.waitForStarted(kWait))
        return false;
    QElapsedTimer clock;
    clock.start();
    while (QFileInfo(part).size() < bytes) {
        if (get.state() == QProcess::NotRunning || clock.elapsed() > kWait)
            return false;
        QTest::qWait(2);
    }
    return true;
}

/// The shared objects \a pid has mapped, from /proc (Linux).
QByteArray mappedFiles(qint64 pid)
{
    return readAll(QStringLiteral("/proc/%1/maps").arg(pid));
}

} // namespace

class tst_Cli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void usage_data();
    void usage();
    void helpNamesFerryNotItsPath_data();
    void helpNamesFerryNotItsPath();
    void hostTakesAPort_data();
    void hostTakesAPort();
    void listPrintsSharedFiles();
    void getPrintsOneVerifiedLinePerFile();
    void getFolderFetchesTheSubtreeWithASummary_data();
    void getFolderFetchesTheSubtreeWithASummary();
    void getFolderResumeSkipsOnlyCompleteFiles();
    void getMissingFolderExitsOne();
    void missingFileExitsOne();
    void socketFileFailsAloneAsNotARegularFile();
    void existingFileNeedsOverwrite();
    void readOnlyOutputSaysOneLinePerFile();
    void outputFolder_data();
    void outputFolder();
    void serveRefusesAFile();
    void connectionRefused();
    void portInUse();
    void notAFerryServer();
    void silentServerIsNoGreeting_data();
    void silentServerIsNoGreeting();
    void unansweredConnectIsNoAnswer();
    void serverNamesTheClientWhenItStopsAnswering();
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();
    void resumesAfterClientKilled();
    void secondGetOfTheSameFileLeavesTheFirstAlone();
    void verifiedMeansOnDisk();
    void bigFilesSurviveFailedBufferAllocation();
    void resumesAfterServerKilled();
    void continuesAfterServerRestarted();
    void serveLogsRequestsAndSends();
    void escapesHostileNames();
    void followsTheLocale_data();
    void followsTheLocale();
    void firstContactWithoutTerminalShowsTheCodeAndRefuses();
    void identityReadableByOthersIsAnError();
    void plaintextWarnsOnBothSides();
    void noArgumentsOpensTheWindowFromItsModule();
    void commandLineLeavesTheWindowUnloaded();
    void missingWindowModuleIsExplained();
};

void tst_Cli::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
    QVERIFY2(QFileInfo(ferryBin()).isExecutable(), "FERRY_BIN must name the ferry binary");
}

void tst_Cli::usage_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("inStdout");
    QTest::addColumn<QStringList>("inStderr");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("--version") << QStringList {s("--version")} << 0
                               << QStringList {s("ferry 0.1.0\n")} << QStringList();
    QTest::newRow("--help") << QStringList {s("--help")} << 0
                            << QStringList {s("serve"), s("list"), s("get"), s("--version")}
                            << QStringList();
    QTest::newRow("help get") << QStringList {s("help"), s("get")} << 0
                              << QStringList {s("--resume"), s("--overwrite"), s("--output")}
                              << QStringList();
    QTest::newRow("help serve") << QStringList {s("help"), s("serve")} << 0
                                << QStringList {s("--port"), s("--bind")} << QStringList();
    QTest::newRow("unknown command") << QStringList {s("frobnicate")} << 2 << QStringList()
                                     << QStringList {s("frobnicate"), s("--help")};
    QTest::newRow("get without names")
        << QStringList {s("get")} << 2 << QStringList() << QStringList {s("ferry help get")};
    QTest::newRow("get with a bad port") << QStringList {s("get"), s("x"), s("--port"), s("abc")}
                                         << 2 << QStringList() << QStringList {s("abc")};
    QTest::newRow("get with port 70000") << QStringList {s("get"), s("x"), s("--port"), s("70000")}
                                         << 2 << QStringList() << QStringList {s("70000")};
    QTest::newRow("host with an empty port")
        << QStringList {s("get"), s("x"), s("--host"), s("nas.local:")} << 2 << QStringList()
        << QStringList {s("invalid host: nas.local:"), s("HOST:PORT")};
    QTest::newRow("host with port 99999")
        << QStringList {s("list"), s("--host"), s("127.0.0.1:99999")} << 2 << QStringList()
        << QStringList {s("invalid host: 127.0.0.1:99999")};
    QTest::newRow("host with an unclosed bracket") << QStringList {s("list"), s("-H"),
        s("[::1")} << 2 << QStringList() << QStringList {s("invalid host: [::1")};
    QTest::newRow("host as a URL")
        << QStringList {s("list"), s("--host"), s("http://127.0.0.1:6669")} << 2 << QStringList()
        << QStringList {s("invalid host: http://127.0.0.1:6669"), s("HOST:PORT")};
    QTest::newRow("discover with a bad wait")
        << QStringList {s("discover"), s("--wait"), s("abc")} << 2 << QStringList()
        << QStringList {s("invalid --wait: abc"), s("seconds"), s("ferry help discover")};
    QTest::newRow("unknown option") << QStringList {s("get"), s("x"), s("--frob")} << 2
                                    << QStringList() << QStringList {s("frob")};
    QTest::newRow("list with a name")
        << QStringList {s("list"), s("x")} << 2 << QStringList() << QStringList();
    QTest::newRow("serve without a folder")
        << QStringList {s("serve")} << 2 << QStringList() << QStringList();
}

void tst_Cli::usage()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QStringList, inStdout);
    QFETCH(QStringList, inStderr);
    const Result r = runFerry(args, kWait);
    QVERIFY(r.finished);
    QCOMPARE(r.status, QProcess::NormalExit);
    QCOMPARE(r.exitCode, exitCode);
    for (const QString &text : std::as_const(inStdout))
        QVERIFY2(r.out.contains(text.toUtf8()), r.out.constData());
    for (const QString &text : std::as_const(inStderr))
        QVERIFY2(r.err.contains(text.toUtf8()), r.err.constData());
    if (exitCode == 2)
        QVERIFY(!r.err.isEmpty()); // a usage error says what was wrong
}

void tst_Cli::listPrintsSharedFiles()
{
    QTemporaryDir dir;
    test::writeRandomFile(dir.filePath(QStringLiteral("share/a.txt")), 10);
    test::writeRandomFile(dir.filePath(QStringLiteral("share/photos/b.jpg")), 3000);
    Serve serve(dir.filePath(QStringLiteral("share")));
    QVERIFY(serve.waitListening());

    const Result r = runFerry({QStringLiteral("list"), QStringLiteral("--port"), serve.portArg()});
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // two files, their folder and a total
    QVERIFY2(lines.at(0).endsWith("  a.txt"), lines.at(0).constData());
    QVERIFY2(lines.at(1).endsWith("  photos/"), lines.at(1).constData());
    QVERIFY2(lines.at(2).endsWith("  photos/b.jpg"), lines.at(2).constData());
    QVERIFY2(lines.at(3).startsWith("2 file"), lines.at(3).constData());
}

void tst_Cli::getPrintsOneVerifiedLinePerFile()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5a = test::writeRandomFile(share + QStringLiteral("/a.txt"), 1000, 1);
    const QByteArray md5b = test::writeRandomFile(share + QStringLiteral("/b.txt"), 2500000, 2);
    const QByteArray md5c = test::writeRandomFile(share + QStringLiteral("/photos/c.jpg"), 7, 3);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r = runFerry(
        getArgs({QStringLiteral("a.txt"), QStringLiteral("b.txt"), QStringLiteral("photos/c.jpg")},
            serve, out));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out,
        "a.txt  1000  " + md5a + "  verified\n" //
            + "b.txt  2500000  " + md5b + "  verified\n" //
            + "photos/c.jpg  7  " + md5c + "  verified\n");
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/a.txt")), md5a);
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/b.txt")), md5b);
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/photos/c.jpg")), md5c);
}

void tst_Cli::getFolderFetchesTheSubtreeWithASummary_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::newRow("a name ending in /") << QStringList {QStringLiteral("photos/")};
    QTest::newRow("--recursive") << QStringList {
        QStringLiteral("photos"), QStringLiteral("--recursive")};
}

void tst_Cli::getFolderFetchesTheSubtreeWithASummary()
{
    QFETCH(QStringList, names);
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5a = test::writeRandomFile(share + QStringLiteral("/photos/a.jpg"), 1000, 1);
    const QByteArray md5b
        = test::writeRandomFile(share + QStringLiteral("/photos/2024/b.jpg"), 2500000, 2);
    const QByteArray md5c
        = test::writeRandomFile(share + QStringLiteral("/photos/2024/deep/c.raw"), 0, 3);
    QVERIFY(QDir().mkpath(share + QStringLiteral("/photos/2024/empty")));
    test::writeRandomFile(share + QStringLiteral("/other.txt"), 10, 4);
    // A sibling whose name starts like the folder: not part of it.
    test::writeRandomFile(share + QStringLiteral("/photos-old/x.jpg"), 10, 5);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r = runFerry(getArgs(names, serve, out));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 4); // one per file, then the summary
    QVERIFY(lines.contains("photos/a.jpg  1000  " + md5a + "  verified"));
    QVERIFY(lines.contains("photos/2024/b.jpg  2500000  " + md5b + "  verified"));
    QVERIFY(lines.contains("photos/2024/deep/c.raw  0  " + md5c + "  verified"));
    QCOMPARE(lines.last(),
        QByteArray("summary: 3 files, 2501000 bytes, 3 verified, 0 failed, 0 skipped"));
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/photos/2024/b.jpg")), md5b);
    QVERIFY(QFileInfo(out + QStringLiteral("/photos/2024/empty")).isDir());
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/other.txt")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/photos-old")));
}

void tst_Cli::getFolderResumeSkipsOnlyCompleteFiles()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5a = test::writeRandomFile(share + QStringLiteral("/d/a.bin"), 5000, 1);
    const QByteArray md5b = test::writeRandomFile(share + QStringLiteral("/d/b.bin"), 6000, 2);
    const QByteArray md5c = test::writeRandomFile(share + QStringLiteral("/d/e/c.bin"), 7000, 3);
    Serve serve(share);
    QVERIFY(serve.waitListening());
    const QStringList args
        = getArgs({QStringLiteral("d/"), QStringLiteral("--resume")}, serve, out);
    QCOMPARE(runFerry(args).exitCode, 0);

    // a.bin stays complete; b.bin is gone; c.bin has the same size but other bytes.
    QVERIFY(QFile::remove(out + QStringLiteral("/d/b.bin")));
    test::writeRandomFile(out + QStringLiteral("/d/e/c.bin"), 7000, 99);
    const Result r = runFerry(args);
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.contains("d/a.bin  5000  " + md5a + "  skipped"));
    QVERIFY(lines.contains("d/b.bin  6000  " + md5b + "  verified"));
    QCOMPARE(
        lines.last(), QByteArray("summary: 3 files, 18000 bytes, 1 verified, 1 failed, 1 skipped"));
    // Never replaced silently: the different file stays as it was.
    QVERIFY2(r.err.contains("d/e/c.bin already exists"), r.err.constData());
    QVERIFY(test::md5OfFile(out + QStringLiteral("/d/e/c.bin")) != md5c);

    // --overwrite replaces it, after verification; the others are skipped.
    const Result again = runFerry(args + QStringList {QStringLiteral("--overwrite")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains("d/e/c.bin  7000  " + md5c + "  verified"));
    QVERIFY(again.out.endsWith("3 files, 18000 bytes, 1 verified, 0 failed, 2 skipped\n"));
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/d/e/c.bin")), md5c);
}

void tst_Cli::getMissingFolderExitsOne()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    test::writeRandomFile(share + QStringLiteral("/a.txt"), 100);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r = runFerry(getArgs({QStringLiteral("nope/")}, serve, out));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not found on the server: nope"), r.err.constData());
    QVERIFY(r.out.endsWith("summary: 1 files, 0 bytes, 0 verified, 1 failed, 0 skipped\n"));
}

void tst_Cli::missingFileExitsOne()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/a.txt"), 100);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r
        = runFerry(getArgs({QStringLiteral("nope.txt"), QStringLiteral("a.txt")}, serve, out));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not found on the server: nope.txt"), r.err.constData());
    // The other file still arrives.
    QCOMPARE(r.out, "a.txt  100  " + md5 + "  verified\n");
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/nope.txt")));
}

void tst_Cli::socketFileFailsAloneAsNotARegularFile()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/ok.txt"), 100);
    // A real AF_UNIX socket file in the share: open() on it fails with ENXIO.
    const int sock = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    QVERIFY(sock >= 0);
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    const QByteArray path = QFile::encodeName(share + QStringLiteral("/sock"));
    QVERIFY(size_t(path.size()) < sizeof address.sun_path);
    memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(sock, reinterpret_cast<sockaddr *>(&address), sizeof address), 0);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r
        = runFerry(getArgs({QStringLiteral("sock"), QStringLiteral("ok.txt")}, serve, out));
    ::close(sock);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("not a regular file on the server: sock"), r.err.constData());
    // The socket fails alone: the next file of the batch still arrives, verified.
    QCOMPARE(r.out, "ok.txt  100  " + md5 + "  verified\n");
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/ok.txt")), md5);
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/sock")));
}

void tst_Cli::existingFileNeedsOverwrite()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/a.txt"), 4000);
    QVERIFY(QDir().mkpath(out));
    const QByteArray mine = "notes I wrote myself\n";
    {
        QFile f(out + QStringLiteral("/a.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(mine);
    }
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result refused = runFerry(getArgs({QStringLiteral("a.txt")}, serve, out));
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("a.txt already exists in"), refused.err.constData());
    QVERIFY2(refused.err.contains("--overwrite"), refused.err.constData());
    QCOMPARE(readAll(out + QStringLiteral("/a.txt")), mine);

    const Result replaced
        = runFerry(getArgs({QStringLiteral("a.txt"), QStringLiteral("--overwrite")}, serve, out));
    QVERIFY2(replaced.exitCode == 0, replaced.err.constData());
    QCOMPARE(replaced.out, "a.txt  4000  " + md5 + "  verified\n");
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/a.txt")), md5);
}

void tst_Cli::connectionRefused()
{
    QTemporaryDir dir;
    const quint16 port = closedPort();
    const Result r = runFerry({QStringLiteral("get"), QStringLiteral("a.txt"),
        QStringLiteral("--port"), QString::number(port), QStringLiteral("--output"), dir.path()});
    QCOMPARE(r.exitCode, 1);
    const QByteArray expected = "no Ferry server at 127.0.0.1:" + QByteArray::number(port);
    QVERIFY2(r.err.contains(expected), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void tst_Cli::portInUse()
{
    QTemporaryDir dir;
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(squatter.serverPort());
    const Result r = runFerry({QStringLiteral("serve"), dir.path(), QStringLiteral("--bind"),
        QStringLiteral("127.0.0.1"), QStringLiteral("--port"), port});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("port " + port.toUtf8() + " is already in use; try --port"),
        r.err.constData());
}

void tst_Cli::notAFerryServer()
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
    const QByteArray peer = "127.0.0.1:" + QByteArray::number(http.serverPort());
    const Result r = runFerry({QStringLiteral("list"), QStringLiteral("--plaintext"),
        QStringLiteral("--port"), QString::number(http.serverPort())});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(peer + " is not a Ferry server"), r.err.constData());
}

void tst_Cli::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void tst_Cli::stopsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dir;
    Serve serve(dir.path(), {QStringLiteral("--plaintext")});
    QVERIFY(serve.waitListening());
    // A client that is connected and idle must not hold the server up.
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), serve.port);
    QVERIFY(client.waitForConnected(kWait));
    client.write(protocol::encodeHello({}));
    QVERIFY(serve.waitLog(" connected"));

    ::kill(pid_t(serve.process().processId()), signalNumber);
    QVERIFY(serve.process().waitForFinished(kWait));
    QCOMPARE(serve.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(serve.process().exitCode(), 0);
}

void tst_Cli::resumesAfterClientKilled()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const qint64 size = 300 * 1024 * 1024;
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/big.iso"), size, 9);
    Serve serve(share);
    QVERIFY(serve.waitListening());
    const QString part = out + QStringLiteral("/big.iso.part");

    {
        QProcess get;
        QVERIFY(startGetAndWaitForPart(
            get, getArgs({QStringLiteral("big.iso")}, serve, out), part, 8 * 1024 * 1024));
        get.kill(); // kill -9: no chance to tidy up
        QVERIFY(get.waitForFinished(kWait));
        QCOMPARE(get.exitStatus(), QProcess::CrashExit);
    }
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/big.iso")));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));
    // The server's log says what happened; how to resume is the client's business.
    QVERIFY(serve.waitLog("aborted big.iso after "));
    QVERIFY(serve.waitLog(" bytes: the client disconnected"));
    QVERIFY2(!serve.log().contains("--resume"), serve.log().constData());

    const Result r
        = runFerry(getArgs({QStringLiteral("big.iso"), QStringLiteral("--resume")}, serve, out));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, "big.iso  " + QByteArray::number(size) + "  " + md5 + "  verified\n");
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/big.iso")), md5);
    QVERIFY(!QFileInfo::exists(part));
    // Only the missing tail travelled the second time.
    QVERIFY(serve.waitLog("sent big.iso (" + QByteArray::number(size - kept) + " bytes)"));
}

void tst_Cli::secondGetOfTheSameFileLeavesTheFirstAlone()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    // Under 8 MiB: no .part.meta, so a --resume can't tell whose .part it found.
    const qint64 size = 3 * 1024 * 1024;
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/x.bin"), size, 5);
    Serve serve(share);
    QVERIFY(serve.waitListening());
    SlowProxy proxy(serve.port, 16 * 1024); // about 1.6 MB/s: A takes about two seconds
    QVERIFY(proxy.isListening());
    const QStringList args
        = {QStringLiteral("get"), QStringLiteral("x.bin"), QStringLiteral("--port"),
            QString::number(proxy.serverPort()), QStringLiteral("--output"), out};
    const QString part = out + QStringLiteral("/x.bin.part");

    QProcess a;
    QVERIFY(startGetAndWaitForPart(a, args, part, 256 * 1024));
    // B: the same file into the same folder while A is writing it.
    QProcess b;
    b.setProcessEnvironment(childEnvironment());
    b.start(ferryBin(), args + QStringList {QStringLiteral("--resume")});
    // The proxy runs on this thread's event loop: wait with it running.
    QVERIFY(QTest::qWaitFor(
        [&] { return a.state() == QProcess::NotRunning && b.state() == QProcess::NotRunning; },
        kWait));
    const QByteArray bErr = b.readAllStandardError();
    QCOMPARE(b.exitCode(), 1);
    QVERIFY2(bErr.contains("x.bin.part in " + QFile::encodeName(out)
                 + " is being written by another download right now"),
        bErr.constData());

    const QByteArray aOut = a.readAllStandardOutput();
    QVERIFY2(a.exitCode() == 0, a.readAllStandardError().constData());
    QCOMPARE(aOut, "x.bin  " + QByteArray::number(size) + "  " + md5 + "  verified\n");
    // "verified" is true of what is on disk under the final name.
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/x.bin")), md5);
    QVERIFY(!QFileInfo::exists(part));
}

void tst_Cli::verifiedMeansOnDisk()
{
    const QString spy = QString::fromLocal8Bit(qgetenv("FERRY_SYNCSPY"));
    if (spy.isEmpty())
        QSKIP("FERRY_SYNCSPY is not set (sanitized builds don't build the shim)");
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    test::writeRandomFile(share + QStringLiteral("/a.txt"), 1000);
    test::writeRandomFile(share + QStringLiteral("/sub/b.bin"), 9 * 1024 * 1024, 2);
    Serve serve(share);
    QVERIFY(serve.waitListening());
    const QString log = dir.filePath(QStringLiteral("sync.log"));
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("LD_PRELOAD"), spy);
    env.insert(QStringLiteral("FERRY_SYNCSPY_LOG"), log);

    const Result r = runFerry(
        getArgs({QStringLiteral("a.txt"), QStringLiteral("sub/b.bin")}, serve, out), 120000, env);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out.count("verified"), 2);
    // As with QSaveFile: the data is synced before the rename, the folder after it.
    const QList<QByteArray> calls = readAll(log).split('\n');
    const QByteArray base = QFile::encodeName(QFileInfo(out).canonicalFilePath());
    for (const auto &[folder, leaf] :
        {std::pair {base, QByteArray("a.txt")}, std::pair {base + "/sub", QByteArray("b.bin")}}) {
        const qsizetype data = calls.indexOf("fdatasync " + folder + '/' + leaf + ".part");
        const qsizetype name = calls.indexOf("renameat2 " + leaf + ".part " + leaf);
        const qsizetype entry = calls.indexOf("fsync " + folder, name);
        QVERIFY2(data >= 0 && name > data && entry > name, readAll(log).constData());
    }
}

void tst_Cli::bigFilesSurviveFailedBufferAllocation()
{
    const QString spy = QString::fromLocal8Bit(qgetenv("FERRY_SYNCSPY"));
    if (spy.isEmpty())
        QSKIP("FERRY_SYNCSPY is not set (sanitized builds don't build the shim)");
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    // Big enough for the read-ahead (server) and write-behind (client) buffers.
    const qint64 size = 9 * 1024 * 1024;
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/big.bin"), size);
    const QByteArray smallMd5 = test::writeRandomFile(share + QStringLiteral("/a.txt"), 10, 2);
    QProcessEnvironment noMemory = childEnvironment();
    noMemory.insert(QStringLiteral("LD_PRELOAD"), spy);
    noMemory.insert(QStringLiteral("FERRY_SYNCSPY_NO_ALIGNED_ALLOC"), QStringLiteral("1"));

    // The client: it writes without its buffers, and the file still arrives verified.
    {
        Serve serve(share);
        QVERIFY(serve.waitListening());
        const QString out = dir.filePath(QStringLiteral("client"));
        const Result r
            = runFerry(getArgs({QStringLiteral("big.bin")}, serve, out), 120000, noMemory);
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, "big.bin  " + QByteArray::number(size) + "  " + md5 + "  verified\n");
    }
    // The server: it can't read ahead, says so, and keeps serving.
    Serve serve(share, {}, noMemory);
    QVERIFY(serve.waitListening());
    const QString out = dir.filePath(QStringLiteral("server"));
    const Result r = runFerry(getArgs({QStringLiteral("big.bin")}, serve, out));
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the server could not read the file: big.bin"), r.err.constData());
    const Result again = runFerry(getArgs({QStringLiteral("a.txt")}, serve, out));
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(again.out, "a.txt  10  " + smallMd5 + "  verified\n");
    QCOMPARE(serve.process().state(), QProcess::Running);
}

void tst_Cli::resumesAfterServerKilled()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const qint64 size = 300 * 1024 * 1024;
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/big.iso"), size, 10);
    const QString part = out + QStringLiteral("/big.iso.part");

    auto first = std::make_unique<Serve>(share);
    QVERIFY(first->waitListening());
    QProcess get;
    // Without reconnecting, so the run ends and the next one resumes.
    QVERIFY(startGetAndWaitForPart(get,
        getArgs({QStringLiteral("big.iso"), QStringLiteral("--retry-for"), QStringLiteral("0")},
            *first, out),
        part, 8 * 1024 * 1024));
    first->process().kill();
    QVERIFY(first->process().waitForFinished(kWait));
    first.reset();

    QVERIFY(get.waitForFinished(kWait));
    QCOMPARE(get.exitStatus(), QProcess::NormalExit);
    QCOMPARE(get.exitCode(), 1);
    const QByteArray err = get.readAllStandardError();
    QVERIFY2(err.contains("--resume"), err.constData());
    QVERIFY(get.readAllStandardOutput().isEmpty());
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/big.iso")));
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));

    Serve second(share);
    QVERIFY(second.waitListening());
    const Result r
        = runFerry(getArgs({QStringLiteral("big.iso"), QStringLiteral("--resume")}, second, out));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, "big.iso  " + QByteArray::number(size) + "  " + md5 + "  verified\n");
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/big.iso")), md5);
    QVERIFY(second.waitLog("sent big.iso (" + QByteArray::number(size - kept) + " bytes)"));
}

void tst_Cli::continuesAfterServerRestarted()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("downloads"));
    const qint64 size = 300 * 1024 * 1024;
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/big.iso"), size, 11);
    const QString part = out + QStringLiteral("/big.iso.part");

    auto first = std::make_unique<Serve>(share);
    const quint16 port = first->waitListening();
    QVERIFY(port);
    QProcess get;
    QVERIFY(startGetAndWaitForPart(
        get, getArgs({QStringLiteral("big.iso")}, *first, out), part, 8 * 1024 * 1024));
    first->process().kill();
    QVERIFY(first->process().waitForFinished(kWait));
    first.reset();

    // The run says once that it is waiting, and keeps what it has.
    QByteArray err;
    QVERIFY(QTest::qWaitFor(
        [&] {
            err += get.readAllStandardError();
            return err.contains("reconnecting") || get.state() == QProcess::NotRunning;
        },
        kWait));
    QVERIFY2(err.contains("was lost; reconnecting for up to"), err.constData());
    const qint64 kept = QFileInfo(part).size();
    QVERIFY2(kept > 0 && kept < size, qPrintable(QString::number(kept)));

    // The same server comes back on the same port: the same run finishes the file.
    Serve second(share, {QStringLiteral("--port"), QString::number(port)});
    QCOMPARE(second.waitListening(), port);
    QVERIFY(get.waitForFinished(120000));
    err += get.readAllStandardError();
    QVERIFY2(get.exitCode() == 0, err.constData());
    QCOMPARE(get.readAllStandardOutput(),
        "big.iso  " + QByteArray::number(size) + "  " + md5 + "  verified\n");
    QCOMPARE(err.count("reconnecting"), 1);
    QVERIFY2(err.contains("reconnected"), err.constData());
    QCOMPARE(test::md5OfFile(out + QStringLiteral("/big.iso")), md5);
    // Only the missing bytes crossed the network again.
    QVERIFY(second.waitLog("sent big.iso (" + QByteArray::number(size - kept) + " bytes)"));
}

void tst_Cli::serveLogsRequestsAndSends()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    test::writeRandomFile(share + QStringLiteral("/a.txt"), 1234);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const Result r = runFerry(getArgs({QStringLiteral("a.txt"), QStringLiteral("nope.txt")}, serve,
        dir.filePath(QStringLiteral("out"))));
    QCOMPARE(r.exitCode, 1);
    QVERIFY(serve.waitLog(" disconnected"));
    const QList<QByteArray> lines = serve.log().split('\n');
    const auto count = [&](const QByteArray &text) {
        return std::count_if(
            lines.begin(), lines.end(), [&](const QByteArray &l) { return l.contains(text); });
    };
    QCOMPARE(count(" connected"), 1);
    QCOMPARE(count("requested a.txt"), 1);
    QCOMPARE(count("sent a.txt (1234 bytes)"), 1);
    QCOMPARE(count("requested nope.txt"), 1);
    QCOMPARE(count("refused nope.txt"), 1);
    QCOMPARE(count(" disconnected"), 1);
    // Every event line names the peer.
    for (const QByteArray &l : lines) {
        if (l.contains("requested") || l.contains("sent"))
            QVERIFY2(l.contains(" 127.0.0.1:"), l.constData());
    }
}

void tst_Cli::escapesHostileNames()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString hostile = QStringLiteral("red\x1b[31m.txt");
    test::writeRandomFile(share + QStringLiteral("/plain.txt"), 10);
    QVERIFY(!test::writeRandomFile(share + QLatin1Char('/') + hostile, 10).isEmpty());
    // The raw client below speaks plaintext, so this share does too.
    Serve serve(share, {QStringLiteral("--plaintext")});
    QVERIFY(serve.waitListening());

    const Result list = runFerry({QStringLiteral("list"), QStringLiteral("--plaintext"),
        QStringLiteral("--port"), serve.portArg()});
    QCOMPARE(list.exitCode, 0);
    QVERIFY(list.out.contains("plain.txt"));
    QVERIFY2(!list.out.contains('\x1b'), list.out.toHex(' ').constData());

    // The client refuses the name and says so without replaying the escape.
    const Result get = runFerry(getArgs({hostile}, serve, dir.filePath(QStringLiteral("out")))
        + QStringList {QStringLiteral("--plaintext")});
    QCOMPARE(get.exitCode, 1);
    QVERIFY2(get.err.contains("red\\x1b[31m.txt"), get.err.constData());
    QVERIFY(!get.err.contains('\x1b'));
    QVERIFY(!get.out.contains('\x1b'));

    // A client that does send it: the server's log shows it escaped.
    QTcpSocket raw;
    raw.connectToHost(QStringLiteral("127.0.0.1"), serve.port);
    QVERIFY(raw.waitForConnected(kWait));
    raw.write(protocol::encodeHello({}));
    raw.write(protocol::encodeGetRequest(hostile));
    QVERIFY(serve.waitLog("requested red\\x1b[31m.txt"));
    raw.abort();
    QVERIFY(serve.waitLog(" disconnected"));
    QVERIFY2(!serve.log().contains('\x1b'), serve.log().constData());
}

void tst_Cli::followsTheLocale_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected");
    const QString zh = QStringLiteral("zh_CN.UTF-8");
    const QString c = QStringLiteral("C");
    const QStringList help {QStringLiteral("--help")};
    const QStringList noNames {QStringLiteral("get")};
    const QStringList refused {QStringLiteral("get"), QStringLiteral("a.txt"),
        QStringLiteral("--port"), QString::number(closedPort())};
    const QStringList lang {QStringLiteral("--lang"), QStringLiteral("zh_CN")};
    // Chinese usage text (Qt's own words and ours), Chinese errors; the same exit codes.
    QTest::newRow("zh help") << zh << QStringList() << help << 0 << QString::fromUtf8("用法");
    QTest::newRow("zh commands") << zh << QStringList() << help << 0
                                 << QString::fromUtf8("共享一个文件夹");
    QTest::newRow("zh usage error")
        << zh << QStringList() << noNames << 2 << QString::fromUtf8("请至少指定");
    QTest::newRow("zh refused") << zh << QStringList() << refused << 1
                                << QString::fromUtf8("没有 Ferry 服务端");
    QTest::newRow("C help") << c << QStringList() << help << 0 << QStringLiteral("Usage:");
    QTest::newRow("C usage error")
        << c << QStringList() << noNames << 2 << QStringLiteral("name at least one file to get");
    QTest::newRow("C refused") << c << QStringList() << refused << 1
                               << QStringLiteral("no Ferry server at");
    QTest::newRow("--lang beats LANG")
        << c << lang << refused << 1 << QString::fromUtf8("没有 Ferry 服务端");
}

void tst_Cli::followsTheLocale()
{
    QFETCH(QString, lang);
    QFETCH(QStringList, extra);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("LC_ALL"));
    env.remove(QStringLiteral("LC_MESSAGES"));
    env.remove(QStringLiteral("LANGUAGE"));
    env.insert(QStringLiteral("LANG"), lang);
    const Result r = runFerry(extra + args, 60000, env);
    QCOMPARE(r.exitCode, exitCode);
    const QString text = QString::fromUtf8(r.out + r.err);
    QVERIFY2(text.contains(expected), qPrintable(text));
}

void tst_Cli::helpNamesFerryNotItsPath_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("usage");
    const auto s = [](const char *text) { return QString::fromLatin1(text); };
    QTest::newRow("--help") << QStringList {s("--help")}
                            << QByteArray("Usage: ferry [options] command");
    QTest::newRow("help get") << QStringList {s("help"), s("get")}
                              << QByteArray("Usage: ferry get [options] NAME...");
    QTest::newRow("get --help") << QStringList {s("get"), s("--help")}
                                << QByteArray("Usage: ferry get [options] NAME...");
    QTest::newRow("help list") << QStringList {s("help"), s("list")}
                               << QByteArray("Usage: ferry list [options]");
    QTest::newRow("help serve") << QStringList {s("help"), s("serve")}
                                << QByteArray("Usage: ferry serve [options] DIR");
    QTest::newRow("help discover")
        << QStringList {s("help"), s("discover")} << QByteArray("Usage: ferry discover [options]");
    QTest::newRow("discover --help") << QStringList {s("discover"), s("--help")}
                                     << QByteArray("Usage: ferry discover [options]");
}

void tst_Cli::helpNamesFerryNotItsPath()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, usage);
    const Result r = runFerry(args, kWait);
    QCOMPARE(r.exitCode, 0);
    const QList<QByteArray> lines = r.out.split('\n');
    QCOMPARE(lines.first(), usage);
    QVERIFY2(!r.out.contains(ferryBin().toUtf8()), r.out.constData());
    // Every argument listed says what it is.
    const qsizetype at = lines.indexOf("Arguments:");
    for (qsizetype i = at + 1; at >= 0 && i < lines.size() && !lines.at(i).isEmpty(); ++i)
        QVERIFY2(lines.at(i).simplified().contains(' '), lines.at(i).constData());
}

void tst_Cli::hostTakesAPort_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("v6");
    QTest::addColumn<QString>("host"); // %1: the server's port
    QTest::newRow("list host:port")
        << QStringLiteral("list") << false << QStringLiteral("127.0.0.1:%1");
    QTest::newRow("get host:port")
        << QStringLiteral("get") << false << QStringLiteral("127.0.0.1:%1");
    QTest::newRow("list [v6]:port") << QStringLiteral("list") << true << QStringLiteral("[::1]:%1");
    QTest::newRow("get [v6]:port") << QStringLiteral("get") << true << QStringLiteral("[::1]:%1");
}

void tst_Cli::hostTakesAPort()
{
    QFETCH(QString, command);
    QFETCH(bool, v6);
    QFETCH(QString, host);
    QTemporaryDir dir;
    const QByteArray md5 = test::writeRandomFile(dir.filePath(QStringLiteral("share/a.txt")), 10);
    const auto server = startServer(dir.filePath(QStringLiteral("share")),
        v6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
    if (!server)
        QSKIP("This machine can't listen on that loopback address.");
    // --port names a port nothing listens on: the one in --host wins, as in the window.
    QStringList args {command, QStringLiteral("--port"), QString::number(closedPort()),
        QStringLiteral("--host"), host.arg(server->serverPort())};
    if (command == QLatin1String("get"))
        args << QStringLiteral("a.txt") << QStringLiteral("-o")
             << dir.filePath(QStringLiteral("out"));
    const Result r = runFerry(args);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    if (command == QLatin1String("get"))
        QCOMPARE(r.out, "a.txt  10  " + md5 + "  verified\n");
    else
        QVERIFY2(r.out.contains("  a.txt\n"), r.out.constData());
}

void tst_Cli::readOnlyOutputSaysOneLinePerFile()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("out"));
    test::writeRandomFile(share + QStringLiteral("/a.txt"), 1000, 1);
    // Past the size a request accepts in advance: declined rather than read past.
    test::writeRandomFile(share + QStringLiteral("/b.bin"), 9 * 1024 * 1024, 2);
    test::writeRandomFile(share + QStringLiteral("/photos/c.jpg"), 7, 3);
    QVERIFY(QDir().mkpath(out));
    Serve serve(share);
    QVERIFY(serve.waitListening());
    const QStringList names {
        QStringLiteral("a.txt"), QStringLiteral("b.bin"), QStringLiteral("photos/c.jpg")};
    const QStringList args = getArgs(names, serve, out);

    Result r;
    if (::geteuid() == 0) {
        // Root writes through mode bits: make the folder a read-only mount, in a mount
        // namespace of its own so nothing outside the test sees it.
        r = runProgram(QStringLiteral("unshare"),
            QStringList {QStringLiteral("-m"), QStringLiteral("sh"), QStringLiteral("-c"),
                QStringLiteral("mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" "
                               "&& exec \"$@\""),
                out, ferryBin()}
                + args);
        if (!r.err.contains("ferry get: "))
            QSKIP(qPrintable(
                QStringLiteral("No read-only mount here: ") + QString::fromLocal8Bit(r.err)));
    } else {
        QVERIFY(QFile::setPermissions(out, QFile::ReadOwner | QFile::ExeOwner));
        r = runFerry(args);
        QFile::setPermissions(out, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    QCOMPARE(r.exitCode, 1);
    QVERIFY(r.out.isEmpty());
    // One line per file, in order, each saying which file failed.
    const QList<QByteArray> lines = linesStartingWith(r.err, "ferry get: ");
    QCOMPARE(lines.size(), names.size());
    for (int i = 0; i < names.size(); ++i) {
        QVERIFY2(lines.at(i).startsWith("ferry get: failed: "), lines.at(i).constData());
        QVERIFY2(lines.at(i).contains(names.at(i).toUtf8()), lines.at(i).constData());
        // The fault is on this side: the server read its files fine.
        QVERIFY2(!lines.at(i).contains("the server"), lines.at(i).constData());
    }
    QCOMPARE(QDir(out).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
}

void tst_Cli::outputFolder_data()
{
    QTest::addColumn<QString>("output"); // under a fresh temporary folder
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("said");
    QTest::addColumn<bool>("created");
    QTest::newRow("exists") << QStringLiteral("here") << 0 << QByteArray() << false;
    QTest::newRow("last component missing")
        << QStringLiteral("new") << 0 << QByteArray("created the folder ") << true;
    QTest::newRow("parent missing") << QStringLiteral("no/such/dir") << 2
                                    << QByteArray("does not exist; create it first") << false;
    QTest::newRow("a file") << QStringLiteral("file.txt") << 2 << QByteArray("is not a folder")
                            << false;
}

void tst_Cli::outputFolder()
{
    QFETCH(QString, output);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, said);
    QFETCH(bool, created);
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QByteArray md5 = test::writeRandomFile(share + QStringLiteral("/a.txt"), 10);
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("base/here"))));
    test::writeRandomFile(dir.filePath(QStringLiteral("base/file.txt")), 1);
    const QString base = dir.filePath(QStringLiteral("base"));
    const QStringList before = QDir(base).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
    Serve serve(share);
    QVERIFY(serve.waitListening());

    const QString out = base + QLatin1Char('/') + output;
    const Result r = runFerry(getArgs({QStringLiteral("a.txt")}, serve, out));
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(said), r.err.constData());
    if (exitCode == 0) {
        QCOMPARE(r.out, "a.txt  10  " + md5 + "  verified\n");
        QCOMPARE(test::md5OfFile(out + QStringLiteral("/a.txt")), md5);
        if (created)
            QVERIFY2(r.err.contains(out.toUtf8()), r.err.constData());
    } else {
        // Refused: nothing was created anywhere under the base folder.
        QCOMPARE(QDir(base).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), before);
        QVERIFY(r.out.isEmpty());
    }
}

void tst_Cli::serveRefusesAFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("notes.txt"));
    test::writeRandomFile(file, 10);
    const Result r
        = runFerry({QStringLiteral("serve"), file, QStringLiteral("--bind"),
                       QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0")},
            kWait);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(file.toUtf8() + " is not a folder"), r.err.constData());
    QVERIFY2(!r.err.contains("does not exist"), r.err.constData());
}

void tst_Cli::silentServerIsNoGreeting_data()
{
    QTest::addColumn<bool>("frozenFerry");
    QTest::newRow("a program that says nothing") << false;
    QTest::newRow("a stopped Ferry server") << true;
}

void tst_Cli::silentServerIsNoGreeting()
{
    QFETCH(bool, frozenFerry);
    QTemporaryDir dir;
    QTcpServer silent;
    std::unique_ptr<Serve> serve;
    quint16 port = 0;
    if (frozenFerry) {
        serve = std::make_unique<Serve>(dir.path());
        port = serve->waitListening();
        QVERIFY(port);
        // The kernel still completes the connection; the program never answers it.
        QVERIFY(::kill(pid_t(serve->process().processId()), SIGSTOP) == 0);
    } else {
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        port = silent.serverPort();
    }
    const Result r
        = runFerry({QStringLiteral("list"), QStringLiteral("--port"), QString::number(port)});
    if (frozenFerry)
        ::kill(pid_t(serve->process().processId()), SIGCONT);
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QByteArray peer = "127.0.0.1:" + QByteArray::number(port);
    QVERIFY2(r.err.contains("no Ferry greeting from " + peer), r.err.constData());
    QVERIFY2(!r.err.contains("not a Ferry server"), r.err.constData());
}

void tst_Cli::unansweredConnectIsNoAnswer()
{
    Blackhole hole;
    QVERIFY(hole.port);
    // Waits out the 10 s connect deadline: the command line has no option to shorten it.
    const Result r
        = runFerry({QStringLiteral("list"), QStringLiteral("--port"), QString::number(hole.port)});
    QVERIFY(r.finished);
    QCOMPARE(r.exitCode, 1);
    const QByteArray peer = "127.0.0.1:" + QByteArray::number(hole.port);
    QVERIFY2(r.err.contains(
                 "no answer from " + peer + "; check the address, the firewall and the network"),
        r.err.constData());
    QVERIFY2(!r.err.contains("stopped answering"), r.err.constData());
}

void tst_Cli::serverNamesTheClientWhenItStopsAnswering()
{
    QTemporaryDir dir;
    Serve serve(dir.path(),
        {QStringLiteral("--request-timeout"), QStringLiteral("1.5"),
            QStringLiteral("--plaintext")});
    QVERIFY(serve.waitListening());
    // Says hello, then nothing: the server gives up on it.
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), serve.port);
    QVERIFY(client.waitForConnected(kWait));
    client.write(protocol::encodeHello({}));
    const QByteArray peer = "127.0.0.1:" + QByteArray::number(client.localPort());
    // Words for the wait that ran out, never the server's state number.
    QVERIFY(serve.waitLog("the client at " + peer + " stopped answering: no request came in time"));
    // A second, well-behaved client closes normally; by then the first is long gone.
    QTcpSocket second;
    second.connectToHost(QStringLiteral("127.0.0.1"), serve.port);
    QVERIFY(second.waitForConnected(kWait));
    second.write(protocol::encodeHello({}));
    QVERIFY(serve.waitLog(" connected"));
    QTRY_VERIFY(client.state() == QAbstractSocket::UnconnectedState);
    second.disconnectFromHost();
    QVERIFY(serve.waitLog(" disconnected"));
    const QByteArray log = serve.log();
    QVERIFY2(!log.contains("the server at " + peer), log.constData());
    // One outcome for the first client: the error, not the error and then "disconnected".
    const QList<QByteArray> first = [&] {
        QList<QByteArray> lines;
        for (const QByteArray &l : log.split('\n')) {
            if (l.contains(" " + peer + " "))
                lines.append(l);
        }
        return lines;
    }();
    QCOMPARE(first.size(), 2); // connected, then the error
    QVERIFY2(first.last().contains("stopped answering"), log.constData());
}

void tst_Cli::noArgumentsOpensTheWindowFromItsModule()
{
    QTemporaryDir home;
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path()); // no settings of the user's
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(ferryBin(), {});
    QVERIFY(p.waitForStarted(kWait));
    const bool loaded = QTest::qWaitFor(
        [&] {
            return p.state() == QProcess::NotRunning
                || mappedFiles(p.processId()).contains("libQt6Widgets");
        },
        kWait);
    const bool running = p.state() == QProcess::Running;
    const QByteArray maps = running ? mappedFiles(p.processId()) : QByteArray();
    p.kill();
    p.waitForFinished(kWait);
    QVERIFY2(loaded && running, p.readAllStandardError().constData());
    QVERIFY(maps.contains("libferry_gui.so"));
}

void tst_Cli::commandLineLeavesTheWindowUnloaded()
{
    // Each `ferry get` would otherwise spend most of its start-up loading Qt's GUI.
    QTemporaryDir dir;
    Serve serve(dir.path());
    QVERIFY(serve.waitListening());
    const QByteArray maps = mappedFiles(serve.process().processId());
    QVERIFY(maps.contains("libQt6Network"));
    QVERIFY(!maps.contains("libQt6Gui"));
    QVERIFY(!maps.contains("libQt6Widgets"));
    QVERIFY(!maps.contains("libferry_gui"));
}

void tst_Cli::missingWindowModuleIsExplained()
{
    // The executable copied alone, without libferry_gui.so beside it.
    QTemporaryDir dir;
    const QString lone = dir.filePath(QStringLiteral("ferry"));
    QVERIFY(QFile::copy(ferryBin(), lone));
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(lone, {});
    QVERIFY(p.waitForFinished(kWait));
    QCOMPARE(p.exitCode(), 1);
    const QByteArray err = p.readAllStandardError();
    QVERIFY2(err.contains("cannot open the window") && err.contains("libferry_gui.so")
            && err.contains("ferry get"),
        err.constData());
    // The command line still works from the lone copy.
    p.start(lone, {QStringLiteral("--version")});
    QVERIFY(p.waitForFinished(kWait));
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Cli)
void tst_Cli::firstContactWithoutTerminalShowsTheCodeAndRefuses()
{
    QTemporaryDir dir;
    test::writeRandomFile(dir.filePath(QStringLiteral("share/a.txt")), 10);
    Serve serve(dir.filePath(QStringLiteral("share")));
    QVERIFY(serve.waitListening());
    static const QRegularExpression fp(QStringLiteral("fingerprint: ([0-9a-f]{64})"));
    const QString serverFp = fp.match(QString::fromUtf8(serve.log())).captured(1);
    QCOMPARE(serverFp.size(), 64);
    // A client that has never seen this server, and no terminal to ask on.
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("FERRY_DATA_DIR"), dir.filePath(QStringLiteral("newclient")));
    const QStringList list {QStringLiteral("list"), QStringLiteral("--port"), serve.portArg()};
    const Result refused = runProgram(ferryBin(), list, kWait, env);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(
        refused.err.contains("has not trusted yet; nothing was sent"), refused.err.constData());
    QVERIFY(refused.err.contains(serverFp.toLatin1()));
    QVERIFY(refused.err.contains("comparison code: "));
    QVERIFY(refused.out.isEmpty());
    QVERIFY(!serve.log().contains("listed"));
    // The server printed the same code.
    static const QRegularExpression code(
        QStringLiteral("comparison code:? (\\d{5} \\d{5} \\d{5} \\d{5})"));
    const QString clientCode = code.match(QString::fromUtf8(refused.err)).captured(1);
    QVERIFY(!clientCode.isEmpty());
    QVERIFY(serve.waitLog(clientCode.toLatin1()));

    const Result wrong = runProgram(ferryBin(),
        list
            + QStringList {QStringLiteral("--fingerprint"), QStringLiteral("00112233445566778899")},
        kWait, env);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("does not match --fingerprint"), wrong.err.constData());

    const Result pinned = runProgram(ferryBin(),
        list + QStringList {QStringLiteral("--fingerprint"), serverFp.left(16)}, kWait, env);
    QCOMPARE(pinned.exitCode, 0);
    QVERIFY(pinned.out.contains("a.txt"));
    // Remembered: no flag needed any more, and `ferry devices` lists and forgets it.
    QCOMPARE(runProgram(ferryBin(), list, kWait, env).exitCode, 0);
    const Result devices = runProgram(ferryBin(), {QStringLiteral("devices")}, kWait, env);
    QCOMPARE(devices.exitCode, 0);
    QVERIFY2(devices.out.contains(
                 serverFp.left(16).toLatin1() + "  127.0.0.1:" + serve.portArg().toLatin1()),
        devices.out.constData());
    const Result forget = runProgram(ferryBin(),
        {QStringLiteral("devices"), QStringLiteral("--forget"), serverFp.left(8)}, kWait, env);
    QCOMPARE(forget.exitCode, 0);
    QVERIFY(forget.out.contains("forgot 1 device"));
    QCOMPARE(runProgram(ferryBin(), list, kWait, env).exitCode, 1);
}

void tst_Cli::identityReadableByOthersIsAnError()
{
    QTemporaryDir dir;
    QProcessEnvironment env = childEnvironment();
    env.insert(QStringLiteral("FERRY_DATA_DIR"), dir.path());
    QCOMPARE(runProgram(ferryBin(), {QStringLiteral("devices")}, kWait, env).exitCode, 0);
    const QString key = dir.filePath(QStringLiteral("identity.pem"));
    const QByteArray before = readAll(key);
    QVERIFY(QFile::setPermissions(key,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther));
    const Result r = runProgram(ferryBin(),
        {QStringLiteral("list"), QStringLiteral("--port"), QString::number(closedPort())}, kWait,
        env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("can be read by other users"), r.err.constData());
    QVERIFY(r.err.contains("chmod 600"));
    QCOMPARE(readAll(key), before); // never silently replaced
}

void tst_Cli::plaintextWarnsOnBothSides()
{
    QTemporaryDir dir;
    test::writeRandomFile(dir.filePath(QStringLiteral("a.txt")), 10);
    Serve serve(dir.path(), {QStringLiteral("--plaintext")});
    QVERIFY(serve.waitListening());
    QVERIFY(serve.process().readAllStandardError().contains("warning: --plaintext"));
    const Result plain = runFerry({QStringLiteral("list"), QStringLiteral("--plaintext"),
        QStringLiteral("--port"), serve.portArg()});
    QCOMPARE(plain.exitCode, 0);
    QVERIFY(plain.err.contains("warning: --plaintext"));
    // An encrypted client is told what is wrong, not that this isn't Ferry.
    const Result tls
        = runFerry({QStringLiteral("list"), QStringLiteral("--port"), serve.portArg()});
    QCOMPARE(tls.exitCode, 1);
    QVERIFY2(tls.err.contains("runs without encryption (--plaintext)"), tls.err.constData());
    QVERIFY(serve.waitLog("wants encryption, but this server runs with --plaintext"));
}

#include "tst_cli.moc"
