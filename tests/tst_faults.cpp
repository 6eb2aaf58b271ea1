// Faults on either side of a transfer: a receiver that can't write, a source that changes
// while it is sent. The receiver runs as the real ferry binary (FERRY_BIN) where a process
// limit is needed; everything else runs in process.

#include "hostilepeer.h"
#include "server/server.h"
#include "testidentity.h"
#include "testutil.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <QSignalSpy>

#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>

using namespace ferry;
using namespace ferry::test;
using protocol::FrameType;

class tst_Faults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void diskFullOnReceiverFailsCleanly();
    void diskFullSaysOneLinePerFile();
    void sourceTruncatedWhileSentFails();
    void sourceChangedWhileSentFails();
    void sourceTruncatedWhileSentIsNeverEndedWithAnMd5();
    void halfClosedClientIsLoggedWithWhatReachedIt();

private:
    /// \a tls: the server has an identity (for the ferry binary); raw peers speak plaintext.
    quint16 start(bool tls = false);
    QString out(const QString &name = {}) const
    {
        return m_tmp->filePath(QStringLiteral("out/") + name);
    }

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_share;
    std::unique_ptr<Server> m_server;
};

void tst_Faults::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
}

void tst_Faults::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_share = m_tmp->filePath(QStringLiteral("share"));
    writeRandomFile(m_share + QStringLiteral("/big.bin"), 48 << 20, 11);
    QDir().mkpath(out());
}

void tst_Faults::cleanup()
{
    m_server.reset();
    m_tmp.reset();
}

quint16 tst_Faults::start(bool tls)
{
    ServerConfig c;
    if (tls)
        c.identity = test::identity(QStringLiteral("server"));
    c.root = m_share;
    c.bindAddress = QHostAddress::LocalHost;
    c.port = 0;
    c.transferTimeoutMs = 5000;
    m_server = std::make_unique<Server>();
    Failure failure;
    if (!m_server->start(c, &failure))
        return 0;
    return m_server->serverPort();
}

namespace {

// Sets up \a get as a `ferry get` in English whose writes past 1 MiB fail with EFBIG, as on a
// full disk (a file-size limit in the child).
void onAFullDisk(QProcess &get)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("FERRY_DATA_DIR"), test::dataDir(QStringLiteral("client")));
    get.setProcessEnvironment(env);
    get.setChildProcessModifier([] {
        rlimit limit = {1 << 20, 1 << 20};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
}

} // namespace

void tst_Faults::diskFullOnReceiverFailsCleanly()
{
    const QString bin = qEnvironmentVariable("FERRY_BIN");
    if (bin.isEmpty())
        QSKIP("FERRY_BIN is not set");
    const quint16 port = start(true);
    // Something that was already there must survive the failed download untouched.
    const QByteArray keepMd5 = writeRandomFile(out(QStringLiteral("keep.bin")), 300000, 12);

    QProcess get;
    onAFullDisk(get);
    get.start(bin,
        {QStringLiteral("get"), QStringLiteral("big.bin"), QStringLiteral("-p"),
            QString::number(port), QStringLiteral("-o"), out(), QStringLiteral("--trust-new")});
    QVERIFY(get.waitForStarted());
    // The server lives in this thread, so wait with the event loop running.
    QVERIFY(QTest::qWaitFor([&] { return get.state() == QProcess::NotRunning; }, 60000));
    const QString err = QString::fromLocal8Bit(get.readAllStandardError());
    QCOMPARE(get.exitStatus(), QProcess::NormalExit);
    QCOMPARE(get.exitCode(), 1);
    QVERIFY2(err.contains(QLatin1String("could not write")), qPrintable(err));
    QVERIFY(!QFile::exists(out(QStringLiteral("big.bin"))));
    QVERIFY(QFileInfo(out(QStringLiteral("big.bin.part"))).size() <= 1 << 20);
    QCOMPARE(md5OfFile(out(QStringLiteral("keep.bin"))), keepMd5);
    QCOMPARE(QDir(out()).entryList(QDir::Files).size() <= 3, true); // keep, .part, .part.meta
}

void tst_Faults::diskFullSaysOneLinePerFile()
{
    const QString bin = qEnvironmentVariable("FERRY_BIN");
    if (bin.isEmpty())
        QSKIP("FERRY_BIN is not set");
    writeRandomFile(m_share + QStringLiteral("/b.bin"), 300000, 13);
    writeRandomFile(m_share + QStringLiteral("/c.bin"), 3000, 14);
    const quint16 port = start(true);

    QProcess get;
    onAFullDisk(get);
    const QStringList names {
        QStringLiteral("big.bin"), QStringLiteral("b.bin"), QStringLiteral("c.bin")};
    get.start(bin,
        QStringList {QStringLiteral("get")} + names
            + QStringList {QStringLiteral("-p"), QString::number(port), QStringLiteral("-o"), out(),
                QStringLiteral("--trust-new")});
    QVERIFY(get.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return get.state() == QProcess::NotRunning; }, 60000));
    QCOMPARE(get.exitCode(), 1);
    QVERIFY(get.readAllStandardOutput().isEmpty());
    const QString err = QString::fromLocal8Bit(get.readAllStandardError());
    QStringList lines = err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    lines.removeIf([](const QString &l) { return !l.startsWith(QLatin1String("ferry get: ")); });
    // Exactly one line per requested file, in order; the reason is said once.
    QCOMPARE(lines.size(), names.size());
    QCOMPARE(err.count(QLatin1String("could not write")), 1);
    const QString part = out(QStringLiteral("big.bin.part"));
    QVERIFY2(lines.at(0).startsWith(QLatin1String("ferry get: failed: could not write big.bin")),
        qPrintable(err));
    // The kept .part is named with where it is, how to continue and how to start over.
    QVERIFY2(lines.at(0).contains(part + QLatin1String(" is kept")), qPrintable(err));
    QVERIFY2(lines.at(0).contains(QLatin1String("--resume")), qPrintable(err));
    QVERIFY2(lines.at(0).contains(part + QLatin1String(".meta")), qPrintable(err));
    QVERIFY(QFile::exists(part));
    for (int i = 1; i < names.size(); ++i) {
        QVERIFY2(lines.at(i).startsWith(QLatin1String("ferry get: skipped: ") + names.at(i)),
            qPrintable(err));
    }
}

void tst_Faults::sourceTruncatedWhileSentFails()
{
    const quint16 port = start();
    const QString source = m_share + QStringLiteral("/big.bin");
    bool truncated = false;
    ClientRun run;
    ClientSession session;
    connect(&session, &ClientSession::fileProgress, this, [&](quint64, qint64 done, qint64) {
        if (!truncated && done > 0) {
            truncated = QFile::resize(source, 4 << 20);
        }
    });
    connect(&session, &ClientSession::fileFinished, this,
        [&](const FileResult &r) { run.results.append(r); });
    connect(&session, &ClientSession::failed, this, [&](const Failure &f) { run.failure = f; });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    session.requestFiles({QStringLiteral("big.bin")}, {out(), ConflictPolicy::Fail, false});
    QVERIFY(QTest::qWaitFor([&] { return !run.results.isEmpty(); }, 60000));
    QVERIFY(truncated);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Failed);
    QCOMPARE(run.results.first().failure.code, ErrorCode::FileChanged);
    QVERIFY(!QFile::exists(out(QStringLiteral("big.bin"))));
    QVERIFY(!QFile::exists(out(QStringLiteral("big.bin.part"))));
}

void tst_Faults::sourceChangedWhileSentFails()
{
    const quint16 port = start();
    const QString source = m_share + QStringLiteral("/big.bin");
    bool changed = false;
    ClientRun run;
    ClientSession session;
    connect(&session, &ClientSession::fileProgress, this, [&](quint64, qint64 done, qint64) {
        if (changed || done == 0)
            return;
        // Same size, new bytes near the end, and a new mtime: what an editor's save does.
        QFile f(source);
        if (!f.open(QIODevice::ReadWrite))
            return;
        f.seek(f.size() - 4096);
        f.write(QByteArray(4096, 'Z'));
        f.close();
        struct timeval times[2] = {{0, 0}, {0, 0}};
        ::gettimeofday(&times[0], nullptr);
        times[0].tv_sec += 5;
        times[1] = times[0];
        changed = ::utimes(QFile::encodeName(source).constData(), times) == 0;
    });
    connect(&session, &ClientSession::fileFinished, this,
        [&](const FileResult &r) { run.results.append(r); });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    session.requestFiles({QStringLiteral("big.bin")}, {out(), ConflictPolicy::Fail, false});
    QVERIFY(QTest::qWaitFor([&] { return !run.results.isEmpty(); }, 60000));
    QVERIFY(changed);
    QCOMPARE(run.results.first().outcome, FileResult::Outcome::Failed);
    QCOMPARE(run.results.first().failure.code, ErrorCode::FileChanged);
    QVERIFY(!QFile::exists(out(QStringLiteral("big.bin"))));
}

void tst_Faults::sourceTruncatedWhileSentIsNeverEndedWithAnMd5()
{
    // The same fault seen on the wire: the server must answer FileChanged, not End.
    const QString source = m_share + QStringLiteral("/big.bin");
    RawClient peer(start());
    peer.socket().setReadBufferSize(256 * 1024);
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({}) + protocol::encodeGetRequest(QStringLiteral("big.bin")));
    QVERIFY(peer.next().is(FrameType::Offer));
    peer.send(protocol::encodeAccept(0));
    QVERIFY(peer.next().is(FrameType::Data));
    QVERIFY(QFile::resize(source, 1 << 20));
    for (;;) {
        const RawFrame f = peer.next(20000);
        QVERIFY2(f.type >= 0, "closed without an error");
        QVERIFY(!f.is(FrameType::End));
        if (f.is(FrameType::Error)) {
            QCOMPARE(f.errorCode(), ErrorCode::FileChanged);
            break;
        }
    }
}

// A client that asks and at once shuts its side (issue 12, defect 8): the server's log must
// claim a sent file only if the file went out, and otherwise say it aborted, with the bytes.
void tst_Faults::halfClosedClientIsLoggedWithWhatReachedIt()
{
    writeRandomFile(m_share + QStringLiteral("/ok.txt"), 1000, 12);
    RawClient peer(start());
    QSignalSpy events(m_server.get(), &Server::event);
    QVERIFY(peer.waitConnected());
    QVERIFY(peer.readHello());
    peer.send(protocol::encodeHello({})
        + protocol::encodeGetRequest(QStringLiteral("ok.txt"), Q_INT64_C(1) << 40));
    QCOMPARE(::shutdown(int(peer.socket().socketDescriptor()), SHUT_WR), 0);
    qint64 received = 0;
    bool ended = false;
    for (;;) {
        const RawFrame f = peer.next(10000);
        if (f.type < 0)
            break;
        if (f.is(FrameType::Data))
            received += f.body.size();
        ended = ended || f.is(FrameType::End);
    }
    const auto outcome = [&]() -> std::optional<ServerEvent> {
        for (const QList<QVariant> &args : std::as_const(events)) {
            const auto e = args.at(0).value<ServerEvent>();
            if (e.kind == ServerEvent::Kind::Sent || e.kind == ServerEvent::Kind::Aborted
                || e.kind == ServerEvent::Kind::Failed)
                return e;
        }
        return std::nullopt;
    };
    QTRY_VERIFY_WITH_TIMEOUT(outcome().has_value(), 10000);
    const ServerEvent e = *outcome();
    QCOMPARE(e.name, QStringLiteral("ok.txt"));
    if (ended) {
        QCOMPARE(int(e.kind), int(ServerEvent::Kind::Sent));
        QCOMPARE(e.bytes, 1000);
    } else {
        QCOMPARE(int(e.kind), int(ServerEvent::Kind::Aborted));
        QVERIFY2(e.bytes <= received, qPrintable(QString::number(e.bytes)));
    }
}

QTEST_GUILESS_MAIN(tst_Faults)
#include "tst_faults.moc"
