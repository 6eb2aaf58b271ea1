// ClientConnection on its own, over a socketpair: the test plays the server frame by frame,
// so each row shows what the client does with one kind of answer, and a drop can be made
// exactly where a test wants it.

#include "client/clientconnection.h"
#include "client/clienttransport.h"
#include "fs/datasync.h"
#include "protocol/auth.h"
#include "protocol/decoder.h"
#include "protocol/messages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using namespace ferry;
using protocol::FrameType;

namespace {

constexpr int kWait = 10000;

/// Each open() is a new socketpair: the client's end is the device, the other end goes to
/// the test. Dials can be made to fail, as an address where nothing listens would.
class PairTransport : public ClientTransport
{
    Q_OBJECT
public:
    int refuse = 0; ///< Fail this many dials with ConnectionRefused.
    int dials = 0;
    QLocalSocket *server = nullptr; ///< The test's end of the newest connection.

    void open(const QString &, quint16) override
    {
        close();
        ++dials;
        if (refuse > 0) {
            --refuse;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    emit lost({ErrorCode::ConnectionRefused, QStringLiteral("pair")});
                },
                Qt::QueuedConnection);
            return;
        }
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
            qFatal("socketpair");
        m_client = new QLocalSocket(this);
        m_client->setSocketDescriptor(fds[0]);
        server = new QLocalSocket(this);
        server->setSocketDescriptor(fds[1]);
        connect(m_client, &QLocalSocket::disconnected, this, [this] {
            m_client->disconnect(this);
            m_client->deleteLater();
            m_client = nullptr;
            emit lost({ErrorCode::ConnectionLost, QStringLiteral("pair")});
        });
        QMetaObject::invokeMethod(this, &ClientTransport::opened, Qt::QueuedConnection);
    }
    void close() override
    {
        if (!m_client)
            return;
        m_client->disconnect(this);
        m_client->abort();
        m_client->deleteLater();
        m_client = nullptr;
    }
    QIODevice *device() const override { return m_client; }
    QByteArray peerFingerprint() const override { return {}; }
    bool isTls() const override { return false; }

private:
    QLocalSocket *m_client = nullptr;
};

struct Frame
{
    FrameType type;
    QByteArray body;
};

/// Waits for the next complete frame the client sent on \a socket.
std::optional<Frame> nextFrame(QLocalSocket *socket, QByteArray *buffer)
{
    for (int waited = 0; waited < kWait; waited += 10) {
        const auto r = protocol::decodeFrame(*buffer);
        if (r.status == protocol::DecodeResult::Status::Frame) {
            Frame f {r.type, r.body.toByteArray()};
            buffer->remove(0, r.consumed);
            return f;
        }
        if (r.status == protocol::DecodeResult::Status::Error)
            return std::nullopt;
        QTest::qWait(10);
        buffer->append(socket->readAll());
    }
    return std::nullopt;
}

QByteArray md5Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

/// A connection with its transport, set up as the product sets it up.
struct Client
{
    PairTransport *pair = new PairTransport;
    ClientConnection connection {pair};
    QByteArray fromClient; ///< What the test has read but not yet decoded.

    Client(int retryForMs = 0)
    {
        connection.setTimeouts(kWait, kWait);
        connection.setRetryFor(retryForMs);
    }
    std::optional<Frame> next() { return nextFrame(pair->server, &fromClient); }
    void say(const QByteArray &frames) { pair->server->write(frames); }
    /// Waits for the client's Hello, then greets.
    bool greet(const protocol::Hello &hello = {})
    {
        if (!QTest::qWaitFor(
                [&] {
                    return pair->server && pair->server->state() == QLocalSocket::ConnectedState;
                },
                kWait))
            return false;
        const auto h = next();
        if (!h || h->type != FrameType::Hello)
            return false;
        say(protocol::encodeHello(hello));
        return true;
    }
};

} // namespace

Q_DECLARE_METATYPE(ferry::ErrorCode)

class tst_ClientConnection : public QObject
{
    Q_OBJECT
private slots:
    void greeting_data();
    void greeting();
    void listing();
    void passwordProofOncePerConnection();
    void pipelinesSmallFiles();
    void verifiedOnlyOnceOnDisk();
    void cancelWhileSyncingLeavesOnlyParts();
    void cancelsOneFileOthersGoOn_data();
    void cancelsOneFileOthersGoOn();
    void reconnectsAndContinuesFromThePart();
    void wrongAddressFailsFast();
    void givesUpAfterTheRetryTime();
};

void tst_ClientConnection::greeting_data()
{
    QTest::addColumn<QByteArray>("serverSays");
    QTest::addColumn<bool>("closeAfter");
    QTest::addColumn<ErrorCode>("code");

    protocol::Hello tls;
    tls.flags = protocol::EncryptionRequired;
    protocol::Hello future;
    future.version = protocol::kProtocolVersion + 1;
    protocol::Hello locked;
    locked.flags = protocol::PasswordRequired;
    locked.nonce = QByteArray(auth::kNonceSize, 'n');
    QTest::newRow("a web server") << QByteArray("HTTP/1.1 400 Bad Request\r\n\r\n") << false
                                  << ErrorCode::NotFerryServer;
    QTest::newRow("closes at once") << QByteArray() << true << ErrorCode::NotFerryServer;
    QTest::newRow("wants TLS") << protocol::encodeHello(tls) << false << ErrorCode::PeerWantsTls;
    QTest::newRow("newer version")
        << protocol::encodeHello(future) << false << ErrorCode::VersionMismatch;
    QTest::newRow("password, none given")
        << protocol::encodeHello(locked) << false << ErrorCode::AuthRequired;
    QTest::newRow("busy") << protocol::encodeError(ErrorCode::Busy, {}) << false << ErrorCode::Busy;
}

void tst_ClientConnection::greeting()
{
    QFETCH(QByteArray, serverSays);
    QFETCH(bool, closeAfter);
    QFETCH(ErrorCode, code);

    // Reconnecting is on: a server that never greeted is not dialled again.
    Client c(60000);
    QSignalSpy failed(&c.connection, &ClientConnection::failed);
    QSignalSpy reconnecting(&c.connection, &ClientConnection::reconnecting);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QTRY_VERIFY_WITH_TIMEOUT(c.pair->server, kWait);
    c.say(serverSays);
    if (closeAfter)
        c.pair->server->close();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, code);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(c.pair->dials, 1);
    QCOMPARE(c.connection.state(), ClientConnection::State::Closed);
}

void tst_ClientConnection::listing()
{
    Client c;
    QSignalSpy listed(&c.connection, &ClientConnection::listReceived);
    QSignalSpy idle(&c.connection, &ClientConnection::idle);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    c.connection.requestList();
    QVERIFY(c.greet());
    const auto request = c.next();
    QVERIFY(request);
    QCOMPARE(request->type, FrameType::ListRequest);
    c.say(protocol::encodeListEntries({{QStringLiteral("a"), 1, 0},
        {QStringLiteral("../evil"), 1, 0}, {QStringLiteral("b/c"), 2, 0}}));
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, kWait);
    const auto entries = listed.at(0).at(0).value<QList<protocol::FileEntry>>();
    // A name that isn't canonical and relative never reaches the user.
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(1).name, QStringLiteral("b/c"));
    QTRY_VERIFY_WITH_TIMEOUT(idle.size() >= 1, kWait);
}

void tst_ClientConnection::passwordProofOncePerConnection()
{
    Client c(60000);
    const QByteArray password("secret");
    c.connection.setPassword(password);
    QSignalSpy ready(&c.connection, &ClientConnection::ready);
    QSignalSpy reconnected(&c.connection, &ClientConnection::reconnected);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    c.connection.requestList();
    const QByteArray key = auth::deriveKey(password);
    for (int round = 0; round < 2; ++round) {
        protocol::Hello locked;
        locked.flags = protocol::PasswordRequired;
        locked.nonce = auth::randomNonce();
        QVERIFY(c.greet(locked));
        const auto proof = c.next();
        QVERIFY(proof);
        QCOMPARE(proof->type, FrameType::AuthProof);
        const auto parsed = protocol::parseAuthProof(proof->body);
        QVERIFY(parsed);
        QCOMPARE(parsed->proof, auth::proof(key, locked.nonce, parsed->clientNonce, {}));
        c.say(protocol::encodeFrame(FrameType::AuthResult));
        const auto list = c.next();
        QVERIFY(list);
        QCOMPARE(list->type, FrameType::ListRequest);
        if (round == 0) {
            // Dropped with the listing unanswered: the next connection proves again.
            QLocalSocket *old = c.pair->server;
            old->abort();
            QTRY_VERIFY_WITH_TIMEOUT(c.pair->server != old, kWait);
            c.fromClient.clear();
        }
    }
    QCOMPARE(ready.size(), 1);
    QCOMPARE(reconnected.size(), 1);
}

void tst_ClientConnection::pipelinesSmallFiles()
{
    QTemporaryDir dir;
    Client c;
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    GetOptions options;
    options.outputDir = dir.path();
    QStringList names;
    for (int i = 0; i < 100; ++i)
        names << QStringLiteral("f%1").arg(i);
    for (const QString &n : names)
        c.connection.requestFile(n, n, options);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    // Many requests go out before any answer: the pipeline, 64 deep.
    for (int i = 0; i < 64; ++i) {
        const auto get = c.next();
        QVERIFY(get);
        QCOMPARE(get->type, FrameType::GetRequest);
        QCOMPARE(protocol::parseGetRequest(get->body)->name, names.at(i));
    }
    QTest::qWait(50);
    QVERIFY(c.pair->server->bytesAvailable() == 0);
    const auto answerOf = [&](int i) {
        const QByteArray body = names.at(i).toUtf8();
        return protocol::encodeOffer({names.at(i), body.size(), 0})
            + protocol::encodeFrame(FrameType::Data, body) + protocol::encodeEnd(md5Hex(body));
    };
    for (int i = 0; i < 64; ++i)
        c.say(answerOf(i));
    // As files are saved, the rest are asked for (a server answers only what was asked).
    for (int i = 64; i < 100; ++i) {
        const auto get = c.next();
        QVERIFY(get);
        QCOMPARE(protocol::parseGetRequest(get->body)->name, names.at(i));
        c.say(answerOf(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 100, kWait);
    for (int i = 0; i < 100; ++i) {
        const auto r = finished.at(i).at(0).value<FileResult>();
        QCOMPARE(r.remoteName, names.at(i));
        QCOMPARE(r.outcome, FileResult::Outcome::Verified);
        QFile saved(dir.filePath(names.at(i)));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), names.at(i).toUtf8());
    }
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.part")}, QDir::Files).size(), 0);
}

namespace {

/// Keeps the sync threads from starting a sync while it lives.
struct HeldSyncs
{
    HeldSyncs() { DataSync::holdForTest(true); }
    ~HeldSyncs() { DataSync::holdForTest(false); }
};

/// The client has read all of file \a id: its last progress says so.
bool receivedWhole(const QSignalSpy &progress, quint64 id)
{
    for (const QList<QVariant> &p : progress) {
        if (p.at(0).toULongLong() == id && p.at(1).toLongLong() == p.at(2).toLongLong())
            return true;
    }
    return false;
}

QByteArray answer(const QString &name)
{
    const QByteArray body = name.toUtf8().repeated(100);
    return protocol::encodeOffer({name, body.size(), 0})
        + protocol::encodeFrame(FrameType::Data, body) + protocol::encodeEnd(md5Hex(body));
}

/// Asks for \a count files named PREFIX0, PREFIX1, ... into \a options' folder; returns their
/// names, and their request ids in \a ids.
QStringList requestMany(ClientConnection &connection, int count, const QString &prefix,
    const GetOptions &options, QList<quint64> *ids)
{
    QStringList names;
    for (int i = 0; i < count; ++i) {
        names << prefix + QString::number(i);
        *ids << connection.requestFile(names.last(), names.last(), options);
    }
    return names;
}

} // namespace

void tst_ClientConnection::verifiedOnlyOnceOnDisk()
{
    QTemporaryDir dir;
    Client c;
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QSignalSpy progress(&c.connection, &ClientConnection::fileProgress);
    GetOptions options;
    options.outputDir = dir.path();
    QList<quint64> ids;
    const QStringList names = requestMany(c.connection, 100, QStringLiteral("d/f"), options, &ids);
    auto held = std::make_unique<HeldSyncs>();
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    for (int i = 0; i < 64; ++i)
        QCOMPARE(c.next()->type, FrameType::GetRequest);
    for (int i = 0; i < 64; ++i)
        c.say(answer(names.at(i)));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWhole(progress, ids.at(63)), kWait);

    // Every byte is in and matches, but none is on disk: none is verified or named yet,
    // and no more is asked for while 64 wait (each holds its .part open).
    QTest::qWait(100);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(QDir(dir.filePath(QStringLiteral("d"))).entryList(QDir::Files).size(), 64);
    QCOMPARE(QDir(dir.filePath(QStringLiteral("d")))
                 .entryList({QStringLiteral("*.part")}, QDir::Files)
                 .size(),
        64);
    QCOMPARE(c.pair->server->bytesAvailable(), 0);

    held.reset();
    for (int i = 64; i < 100; ++i) {
        const auto get = c.next();
        QVERIFY(get);
        QCOMPARE(protocol::parseGetRequest(get->body)->name, names.at(i));
        c.say(answer(names.at(i)));
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 100, kWait);
    for (int i = 0; i < 100; ++i) {
        const auto r = finished.at(i).at(0).value<FileResult>();
        QCOMPARE(r.remoteName, names.at(i)); // In the order asked, as the CLI prints them.
        QCOMPARE(r.outcome, FileResult::Outcome::Verified);
        QFile saved(dir.filePath(names.at(i)));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), names.at(i).toUtf8().repeated(100));
    }
    QCOMPARE(QDir(dir.filePath(QStringLiteral("d")))
                 .entryList({QStringLiteral("*.part")}, QDir::Files)
                 .size(),
        0);
}

void tst_ClientConnection::cancelWhileSyncingLeavesOnlyParts()
{
    QTemporaryDir dir;
    Client c;
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QSignalSpy progress(&c.connection, &ClientConnection::fileProgress);
    GetOptions options;
    options.outputDir = dir.path();
    QList<quint64> ids;
    const QStringList names = requestMany(c.connection, 10, QStringLiteral("f"), options, &ids);
    auto held = std::make_unique<HeldSyncs>();
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    for (int i = 0; i < 10; ++i)
        QCOMPARE(c.next()->type, FrameType::GetRequest);
    for (int i = 0; i < 10; ++i)
        c.say(answer(names.at(i)));
    QTRY_VERIFY_WITH_TIMEOUT(receivedWhole(progress, ids.at(9)), kWait);

    c.connection.abort();
    QCOMPARE(finished.size(), 10);
    for (int i = 0; i < 10; ++i) {
        const auto r = finished.at(i).at(0).value<FileResult>();
        QCOMPARE(r.outcome, FileResult::Outcome::Failed);
        QCOMPARE(r.failure.code, ErrorCode::Cancelled);
    }
    // The syncs that were waiting run now; the cancelled files still get no name.
    held.reset();
    QTest::qWait(200);
    for (const QString &n : std::as_const(names)) {
        QVERIFY(!QFile::exists(dir.filePath(n)));
        QVERIFY(QFile::exists(dir.filePath(n + QStringLiteral(".part"))));
    }
}

void tst_ClientConnection::cancelsOneFileOthersGoOn_data()
{
    QTest::addColumn<QString>("when");
    QTest::newRow("not asked for yet") << QStringLiteral("unsent");
    QTest::newRow("asked for, too big to accept ahead") << QStringLiteral("declined");
    QTest::newRow("asked for, accepted ahead") << QStringLiteral("accepted");
    QTest::newRow("halfway through its data") << QStringLiteral("receiving");
}

void tst_ClientConnection::cancelsOneFileOthersGoOn()
{
    QFETCH(QString, when);
    QTemporaryDir dir;
    Client c;
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QSignalSpy failed(&c.connection, &ClientConnection::failed);
    GetOptions options;
    options.outputDir = dir.path();
    const QByteArray a("first file"), c3("third file");
    QByteArray b(200000, Qt::Uninitialized);
    for (int i = 0; i < b.size(); ++i)
        b[i] = char(i * 31 + 7);
    const quint64 idA = c.connection.requestFile(QStringLiteral("a"), {}, options);
    const quint64 idB = c.connection.requestFile(QStringLiteral("b"), {}, options);
    const quint64 idC = c.connection.requestFile(QStringLiteral("c"), {}, options);
    if (when == QStringLiteral("unsent")) {
        c.connection.cancel(idB);
        QCOMPARE(finished.size(), 1); // answered at once, out of turn
    }
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    QStringList asked;
    for (int i = when == QStringLiteral("unsent") ? 1 : 0; i < 3; ++i) {
        const auto get = c.next();
        QVERIFY(get && get->type == FrameType::GetRequest);
        asked << protocol::parseGetRequest(get->body)->name;
    }
    QCOMPARE(asked.contains(QStringLiteral("b")), when != QStringLiteral("unsent"));
    const auto send = [&c](const QString &name, const QByteArray &body) {
        c.say(protocol::encodeOffer({name, body.size(), 0})
            + protocol::encodeFrame(FrameType::Data, body) + protocol::encodeEnd(md5Hex(body)));
    };
    send(QStringLiteral("a"), a);
    if (when == QStringLiteral("declined")) {
        c.connection.cancel(idB);
        c.say(protocol::encodeOffer({QStringLiteral("b"), qint64(64) << 20, 0}));
        const auto decline = c.next();
        QVERIFY(decline);
        QCOMPARE(decline->type, FrameType::Decline);
    } else if (when == QStringLiteral("accepted")) {
        c.connection.cancel(idB);
        send(QStringLiteral("b"), b);
    } else if (when == QStringLiteral("receiving")) {
        c.say(protocol::encodeOffer({QStringLiteral("b"), b.size(), 0})
            + protocol::encodeFrame(FrameType::Data, b.left(70000)));
        QTRY_COMPARE_WITH_TIMEOUT(
            QFileInfo(dir.filePath(QStringLiteral("b.part"))).size(), 70000, kWait);
        c.connection.cancel(idB);
        c.say(
            protocol::encodeFrame(FrameType::Data, b.mid(70000)) + protocol::encodeEnd(md5Hex(b)));
    }
    send(QStringLiteral("c"), c3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWait);
    QHash<quint64, FileResult> results;
    for (const auto &args : std::as_const(finished)) {
        const auto r = args.at(0).value<FileResult>();
        results.insert(r.id, r);
    }
    QCOMPARE(results.value(idA).outcome, FileResult::Outcome::Verified);
    QCOMPARE(results.value(idC).outcome, FileResult::Outcome::Verified);
    QCOMPARE(results.value(idB).outcome, FileResult::Outcome::Failed);
    QCOMPARE(results.value(idB).failure.code, ErrorCode::Cancelled);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("b"))));
    // What arrived before the cancel stays for a resume.
    QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("b.part"))).size(),
        when == QStringLiteral("receiving") ? 70000 : 0);
    QVERIFY(failed.isEmpty());
    QCOMPARE(c.connection.state(), ClientConnection::State::Ready);
}

void tst_ClientConnection::reconnectsAndContinuesFromThePart()
{
    QTemporaryDir dir;
    Client c(60000);
    QSignalSpy started(&c.connection, &ClientConnection::fileStarted);
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QSignalSpy reconnecting(&c.connection, &ClientConnection::reconnecting);
    QSignalSpy reconnected(&c.connection, &ClientConnection::reconnected);
    QSignalSpy failed(&c.connection, &ClientConnection::failed);
    GetOptions options;
    options.outputDir = dir.path();
    QByteArray body(200000, Qt::Uninitialized);
    for (int i = 0; i < body.size(); ++i)
        body[i] = char(i * 31 + 7);
    const protocol::FileEntry entry {QStringLiteral("big.bin"), body.size(), 1700000000000};
    c.connection.requestFile(entry.name, entry.name, options);
    c.connection.requestFile(QStringLiteral("next.txt"), {}, options);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    QCOMPARE(c.next()->type, FrameType::GetRequest);
    QCOMPARE(c.next()->type, FrameType::GetRequest);
    c.say(protocol::encodeOffer(entry) + protocol::encodeFrame(FrameType::Data, body.left(70000)));
    QTRY_COMPARE_WITH_TIMEOUT(started.size(), 1, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(
        QFileInfo(dir.filePath(QStringLiteral("big.bin.part"))).size(), 70000, kWait);

    // The network goes; the first dial after it finds nothing listening.
    c.pair->refuse = 1;
    c.pair->server->abort();
    QTRY_COMPARE_WITH_TIMEOUT(reconnecting.size(), 2, kWait);
    QCOMPARE(reconnecting.at(0).at(0).value<Failure>().code, ErrorCode::ConnectionLost);
    QCOMPARE(reconnecting.at(1).at(0).value<Failure>().code, ErrorCode::ConnectionRefused);
    QVERIFY(failed.isEmpty());
    c.fromClient.clear();
    QVERIFY(c.greet());
    // The file is asked for again and continued from its .part.
    const auto again = c.next();
    QVERIFY(again);
    QCOMPARE(protocol::parseGetRequest(again->body)->name, entry.name);
    QCOMPARE(protocol::parseGetRequest(again->body)->acceptUpTo, -1);
    c.say(protocol::encodeOffer(entry));
    std::optional<Frame> accept;
    while ((accept = c.next()) && accept->type == FrameType::GetRequest) { }
    QVERIFY(accept);
    QCOMPARE(accept->type, FrameType::Accept);
    QCOMPARE(protocol::parseAccept(accept->body), qint64(70000));
    QTRY_COMPARE_WITH_TIMEOUT(reconnected.size(), 1, kWait);
    c.say(protocol::encodeFrame(FrameType::Data, body.mid(70000))
        + protocol::encodeEnd(md5Hex(body))
        + protocol::encodeError(ErrorCode::NotFound, QStringLiteral("next.txt")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWait);
    const auto r = finished.at(0).at(0).value<FileResult>();
    QCOMPARE(r.outcome, FileResult::Outcome::Verified);
    QCOMPARE(r.offset, 70000);
    QCOMPARE(r.localMd5, md5Hex(body));
    QFile saved(dir.filePath(entry.name));
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), body);
    QCOMPARE(finished.at(1).at(0).value<FileResult>().failure.code, ErrorCode::NotFound);
    QCOMPARE(started.size(), 2);
    QCOMPARE(started.at(1).at(3).toLongLong(), 70000);
    QVERIFY(failed.isEmpty());
}

void tst_ClientConnection::wrongAddressFailsFast()
{
    Client c(60000);
    c.pair->refuse = 100;
    QSignalSpy failed(&c.connection, &ClientConnection::failed);
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QSignalSpy reconnecting(&c.connection, &ClientConnection::reconnecting);
    c.connection.requestFile(QStringLiteral("a"), {}, {});
    c.connection.connectToServer(QStringLiteral("nowhere"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, ErrorCode::ConnectionRefused);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(c.pair->dials, 1);
}

void tst_ClientConnection::givesUpAfterTheRetryTime()
{
    Client c(1500);
    QSignalSpy failed(&c.connection, &ClientConnection::failed);
    QSignalSpy finished(&c.connection, &ClientConnection::fileFinished);
    QTemporaryDir dir;
    GetOptions options;
    options.outputDir = dir.path();
    c.connection.requestFile(QStringLiteral("a"), {}, options);
    c.connection.connectToServer(QStringLiteral("pair"), 1);
    QVERIFY(c.greet());
    QVERIFY(c.next());
    c.pair->refuse = 1000;
    c.pair->server->abort();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWait);
    // The reason given is the drop itself, not the last refused dial.
    QCOMPARE(failed.at(0).at(0).value<Failure>().code, ErrorCode::ConnectionLost);
    QCOMPARE(finished.size(), 1);
    QVERIFY(c.pair->dials > 2);
}

QTEST_GUILESS_MAIN(tst_ClientConnection)
#include "tst_clientconnection.moc"
