// Server: every accepted descriptor is closed once its connection ends, whichever way it
// ends (issue 12, defect 4). Counts /proc/self/fd before and after.

#include "fdcount.h"
#include "hostilepeer.h"
#include "server/server.h"
#include "testutil.h"

#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

using namespace ferry;

namespace {
/// Lets a test hand the server a descriptor as QTcpServer would after accept().
class OpenServer : public Server
{
public:
    using Server::incomingConnection;
};
} // namespace

class tst_Server : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void connectionsLeaveNoDescriptor_data();
    void connectionsLeaveNoDescriptor();
    void eachPhaseHasItsOwnDeadline_data();
    void eachPhaseHasItsOwnDeadline();
    void stoppingClosesEveryConnection();
    void aDescriptorWithNoWorkerIsClosed();

private:
    ServerConfig config(int maxConnections) const;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_Server::initTestCase()
{
    // One line per refused or timed-out connection would only bury the results.
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));
}

void tst_Server::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

ServerConfig tst_Server::config(int maxConnections) const
{
    ServerConfig c;
    c.root = m_dir->path();
    c.bindAddress = QHostAddress::LocalHost;
    c.port = 0;
    c.workerThreads = 2;
    c.maxConnections = maxConnections;
    c.maxPerPeer = maxConnections;
    c.handshakeTimeoutMs = 300; // a peer that says nothing is closed soon
    return c;
}

void tst_Server::connectionsLeaveNoDescriptor_data()
{
    QTest::addColumn<int>("clients");
    QTest::addColumn<int>("maxConnections");
    QTest::addColumn<bool>("clientsHangUp");
    QTest::newRow("greeted, client hangs up") << 20 << 1024 << true;
    QTest::newRow("refused, over the limit") << 40 << 1 << true;
    QTest::newRow("silent, timed out by the server") << 20 << 1024 << false;
}

void tst_Server::connectionsLeaveNoDescriptor()
{
    QFETCH(int, clients);
    QFETCH(int, maxConnections);
    QFETCH(bool, clientsHangUp);
    Server server;
    Failure failure;
    QVERIFY(server.start(config(maxConnections), &failure));
    // Each worker thread opens its event loop's descriptor when it first runs.
    for (int i = 0; i < 2; ++i) {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QTRY_VERIFY(s.bytesAvailable() > 0 || s.state() == QAbstractSocket::UnconnectedState);
    }
    QTRY_COMPARE(server.activeSessions(), 0);
    const int before = test::openDescriptorCount();
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < clients; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
    }
    // Each one hears something: a greeting, or the refusal.
    for (const auto &s : sockets)
        QTRY_VERIFY(s->bytesAvailable() > 0 || s->state() != QAbstractSocket::ConnectedState);
    if (!clientsHangUp) {
        for (const auto &s : sockets)
            QTRY_COMPARE(s->state(), QAbstractSocket::UnconnectedState);
    }
    sockets.clear();
    QTRY_COMPARE(server.activeSessions(), 0);
    QTRY_COMPARE(test::openDescriptorCount(), before);
}

void tst_Server::eachPhaseHasItsOwnDeadline_data()
{
    QTest::addColumn<int>("handshakeMs");
    QTest::addColumn<int>("requestMs");
    QTest::addColumn<int>("transferMs");
    QTest::addColumn<bool>("password");
    QTest::addColumn<int>("steps"); // 0: say nothing, 1: Hello, 2: Hello and a GetRequest
    QTest::addColumn<QString>("phase");
    // Only the phase under test has a short deadline: the Timeout comes from that one.
    const int never = 600000;
    QTest::newRow("hello") << 300 << never << never << false << 0 << QStringLiteral("hello");
    QTest::newRow("password") << 300 << never << never << true << 1 << QStringLiteral("password");
    QTest::newRow("request") << never << 300 << never << false << 1 << QStringLiteral("request");
    QTest::newRow("accept") << never << never << 300 << false << 2 << QStringLiteral("accept");
}

void tst_Server::eachPhaseHasItsOwnDeadline()
{
    QFETCH(int, handshakeMs);
    QFETCH(int, requestMs);
    QFETCH(int, transferMs);
    QFETCH(bool, password);
    QFETCH(int, steps);
    QFETCH(QString, phase);
    test::writeRandomFile(m_dir->filePath(QStringLiteral("big.bin")), 1 << 20);
    ServerConfig c = config(1024);
    c.handshakeTimeoutMs = handshakeMs;
    c.requestTimeoutMs = requestMs;
    c.transferTimeoutMs = transferMs;
    if (password)
        c.password = "secret";
    Server server;
    Failure failure;
    QVERIFY(server.start(c, &failure));
    test::RawClient client(server.serverPort());
    QVERIFY(client.readHello());
    if (steps >= 1)
        client.send(protocol::encodeHello(protocol::Hello {}));
    if (steps >= 2) {
        client.send(protocol::encodeGetRequest(QStringLiteral("big.bin")));
        QVERIFY(client.next().is(protocol::FrameType::Offer));
    }
    const test::RawFrame f = client.next();
    QVERIFY(f.is(protocol::FrameType::Error));
    const auto error = protocol::parseError(f.body);
    QVERIFY(error);
    QCOMPARE(error->code, ErrorCode::Timeout);
    QCOMPARE(error->detail, phase);
}

void tst_Server::stoppingClosesEveryConnection()
{
    const int before = test::openDescriptorCount();
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    {
        Server server;
        Failure failure;
        QVERIFY(server.start(config(1024), &failure));
        for (int i = 0; i < 20; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, server.serverPort());
        }
        for (const auto &s : sockets)
            QTRY_COMPARE(s->state(), QAbstractSocket::ConnectedState);
        server.stop();
        for (const auto &s : sockets)
            QTRY_COMPARE(s->state(), QAbstractSocket::UnconnectedState);
    }
    sockets.clear();
    QTRY_COMPARE(test::openDescriptorCount(), before);
}

void tst_Server::aDescriptorWithNoWorkerIsClosed()
{
    OpenServer server; // not started: no worker to take the connection
    const int before = test::openDescriptorCount();
    for (int i = 0; i < 10; ++i) {
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
        ::close(fds[1]);
        server.incomingConnection(fds[0]);
    }
    QCOMPARE(test::openDescriptorCount(), before);
}

QTEST_GUILESS_MAIN(tst_Server)
#include "tst_server.moc"
