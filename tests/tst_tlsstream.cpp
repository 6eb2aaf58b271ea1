// TlsStream on its own: two ends over a loopback TCP pair, or one end and a raw socket that
// plays a broken or hostile peer.
#include "testidentity.h"
#include "tls/tlsconfig.h"
#include "tls/tlsstream.h"

#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ferry;

namespace {
constexpr int kWait = 10000;

/// Both ends of a connected loopback TCP connection.
std::pair<int, int> tcpPair()
{
    const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof address);
    ::listen(listener, 1);
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&address), &length);
    const int client = ::socket(AF_INET, SOCK_STREAM, 0);
    ::connect(client, reinterpret_cast<sockaddr *>(&address), sizeof address);
    const int server = ::accept(listener, nullptr, nullptr);
    ::close(listener);
    return {server, client};
}

QByteArray pattern(qint64 size, int seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 131 + seed) >> 3);
    return bytes;
}

/// Reads everything \a from says until \a size bytes came, or it ends.
QByteArray readAll(TlsStream &from, qint64 size)
{
    QByteArray got;
    QByteArray buffer(256 * 1024, Qt::Uninitialized);
    (void)QTest::qWaitFor(
        [&] {
            while (from.isOpen()) {
                const qint64 n = from.read(buffer.data(), buffer.size());
                if (n <= 0)
                    break;
                got.append(buffer.constData(), n);
            }
            return got.size() >= size || from.state() == TlsStream::State::Closed;
        },
        kWait);
    return got;
}

/// A TLS 1.3 application-data record header for \a length bytes.
QByteArray recordHeader(int length)
{
    return QByteArray("\x17\x03\x03", 3) + char(length >> 8) + char(length & 0xff);
}
} // namespace

class tst_TlsStream : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void handshakeReturnsBothCertificates();
    void bytesGoBothWays_data();
    void bytesGoBothWays();
    void interoperatesWithQSslSocket();
    void queuedBytesLeaveBeforeTheClose();
    void stalledReaderHoldsTheRestUntilItReads();
    void peerClosingMidRecordIsAnError();
    void peerGoneWhileWritingIsADisconnect();
    void garbageRecordIsFatal();
    void garbageInsteadOfClientHelloFailsTheHandshake();
    void plaintextPeerIsToldInClear();
    void stalledHandshakeWaitsForTheCaller();

private:
    struct Pair
    {
        TlsStream server;
        TlsStream client;
        int rawServer = -1; ///< A second descriptor of the server's end, for raw bytes.
    };
    bool connectPair(Pair &pair, bool keepRaw = false);
    Identity m_serverIdentity;
    Identity m_clientIdentity;
};

void tst_TlsStream::initTestCase()
{
    m_serverIdentity = test::identity(QStringLiteral("server"));
    m_clientIdentity = test::identity(QStringLiteral("client"));
    QVERIFY(!m_serverIdentity.isNull());
    QVERIFY(!m_clientIdentity.isNull());
}

bool tst_TlsStream::connectPair(Pair &pair, bool keepRaw)
{
    const auto [server, client] = tcpPair();
    if (keepRaw)
        pair.rawServer = ::dup(server);
    if (!pair.server.start(server, TlsStream::Role::Server, m_serverIdentity)
        || !pair.client.start(client, TlsStream::Role::Client, m_clientIdentity))
        return false;
    return QTest::qWaitFor(
        [&] { return pair.server.isEncrypted() && pair.client.isEncrypted(); }, kWait);
}

void tst_TlsStream::handshakeReturnsBothCertificates()
{
    Pair pair;
    QSignalSpy serverUp(&pair.server, &TlsStream::encrypted);
    QVERIFY(connectPair(pair));
    QCOMPARE(serverUp.count(), 1);
    QCOMPARE(fingerprintOf(pair.client.peerCertificate()), m_serverIdentity.fingerprint());
    QCOMPARE(fingerprintOf(pair.server.peerCertificate()), m_clientIdentity.fingerprint());
}

void tst_TlsStream::bytesGoBothWays_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("withHead");
    QTest::newRow("one byte") << qint64(1) << false;
    QTest::newRow("one full record") << qint64(16 * 1024) << false;
    QTest::newRow("frame header and a record's worth") << qint64(16 * 1024) << true;
    // More than the kernel holds: the rest waits in the stream and follows in order.
    QTest::newRow("16 MiB with a header") << qint64(16 * 1024 * 1024) << true;
}

void tst_TlsStream::bytesGoBothWays()
{
    QFETCH(qint64, size);
    QFETCH(bool, withHead);
    Pair pair;
    QVERIFY(connectPair(pair));
    const QByteArray head = withHead ? QByteArray("HEAD!") : QByteArray();
    const QByteArray down = pattern(size, 1);
    const QByteArray up = pattern(size, 2);
    QSignalSpy written(&pair.server, &QIODevice::bytesWritten);
    QCOMPARE(pair.server.writeTwo(head, down), head.size() + size);
    QCOMPARE(pair.client.write(up), size);
    const QByteArray gotDown = readAll(pair.client, head.size() + size);
    const QByteArray gotUp = readAll(pair.server, size);
    QCOMPARE(gotDown.size(), head.size() + size);
    QVERIFY(gotDown == head + down);
    QVERIFY(gotUp == up);
    QTRY_COMPARE(pair.server.bytesToWrite(), 0);
    QTRY_COMPARE(pair.server.bytesFlushed(), head.size() + size);
    // bytesWritten() accounts for every byte, sent at once or later from the queue.
    const auto reported = [&] {
        qint64 sum = 0;
        for (const QList<QVariant> &args : std::as_const(written))
            sum += args.at(0).toLongLong();
        return sum;
    };
    QTRY_COMPARE(reported(), head.size() + size);
}

void tst_TlsStream::interoperatesWithQSslSocket()
{
    // What an older Ferry, on QSslSocket, looks like to this one.
    const auto [server, client] = tcpPair();
    TlsStream stream;
    QVERIFY(stream.start(server, TlsStream::Role::Server, m_serverIdentity));
    QSslSocket old;
    old.setSslConfiguration(tlsConfiguration(m_clientIdentity));
    QVERIFY(old.setSocketDescriptor(client));
    old.startClientEncryption();
    QTRY_VERIFY_WITH_TIMEOUT(old.isEncrypted() && stream.isEncrypted(), kWait);
    QCOMPARE(fingerprintOf(old.peerCertificate()), m_serverIdentity.fingerprint());
    QCOMPARE(fingerprintOf(stream.peerCertificate()), m_clientIdentity.fingerprint());
    const QByteArray down = pattern(3 * 1024 * 1024 + 7, 3);
    stream.write(down);
    QByteArray got;
    QTRY_VERIFY_WITH_TIMEOUT((got += old.readAll()).size() >= down.size(), kWait);
    QVERIFY(got == down);
    old.write("from the old side");
    QCOMPARE(readAll(stream, 17), QByteArray("from the old side"));
}

void tst_TlsStream::queuedBytesLeaveBeforeTheClose()
{
    Pair pair;
    QVERIFY(connectPair(pair));
    const QByteArray down = pattern(8 * 1024 * 1024, 4);
    pair.server.write(down);
    QVERIFY(pair.server.bytesToWrite() > 0); // more than the kernel holds
    QSignalSpy serverClosed(&pair.server, &TlsStream::disconnected);
    QSignalSpy clientClosed(&pair.client, &TlsStream::disconnected);
    pair.server.disconnectFromHost();
    QCOMPARE(pair.server.state(), TlsStream::State::Closing);
    QVERIFY(readAll(pair.client, down.size()) == down);
    QTRY_COMPARE(serverClosed.count(), 1);
    // close_notify: the reader sees a clean end, not an error.
    QSignalSpy clientError(&pair.client, &TlsStream::errorOccurred);
    char c;
    QTRY_VERIFY_WITH_TIMEOUT(
        (pair.client.isOpen() && pair.client.read(&c, 1), clientClosed.count() == 1), kWait);
    QCOMPARE(clientError.count(), 0);
}

void tst_TlsStream::stalledReaderHoldsTheRestUntilItReads()
{
    Pair pair;
    QVERIFY(connectPair(pair));
    const QByteArray down = pattern(12 * 1024 * 1024, 5);
    pair.server.write(down);
    // The reader takes nothing for a while: the writer keeps the rest, and loses none.
    QTest::qWait(200);
    QVERIFY(pair.server.bytesToWrite() > 0);
    QVERIFY(pair.server.bytesToWrite() < down.size());
    QCOMPARE(pair.server.state(), TlsStream::State::Encrypted);
    QVERIFY(readAll(pair.client, down.size()) == down);
    QTRY_COMPARE(pair.server.bytesToWrite(), 0);
}

void tst_TlsStream::peerClosingMidRecordIsAnError()
{
    Pair pair;
    QVERIFY(connectPair(pair, true));
    pair.server.abort(); // the raw descriptor keeps the connection
    const QByteArray half = recordHeader(1000) + QByteArray(300, 'x');
    QCOMPARE(::send(pair.rawServer, half.constData(), size_t(half.size()), MSG_NOSIGNAL),
        ssize_t(half.size()));
    ::close(pair.rawServer);
    QSignalSpy error(&pair.client, &TlsStream::errorOccurred);
    QSignalSpy closed(&pair.client, &TlsStream::disconnected);
    QCOMPARE(readAll(pair.client, 1), QByteArray()); // no byte of the torn record
    QTRY_COMPARE(error.count(), 1);
    QCOMPARE(pair.client.error(), TlsStream::Error::RemoteClosed);
    QTRY_COMPARE(closed.count(), 1);
}

void tst_TlsStream::peerGoneWhileWritingIsADisconnect()
{
    // A client killed mid-download: the server learns it from a failed send, and must report
    // it as the peer leaving (the log says "the client disconnected"), not as a TLS error.
    Pair pair;
    QVERIFY(connectPair(pair));
    pair.client.abort();
    QSignalSpy closed(&pair.server, &TlsStream::disconnected);
    const QByteArray block = pattern(1024 * 1024, 6);
    QTRY_VERIFY_WITH_TIMEOUT(
        (pair.server.isEncrypted() && pair.server.write(block), closed.count() == 1), kWait);
    QCOMPARE(pair.server.error(), TlsStream::Error::RemoteClosed);
}

void tst_TlsStream::garbageRecordIsFatal()
{
    Pair pair;
    QVERIFY(connectPair(pair, true));
    const QByteArray garbage = recordHeader(64) + QByteArray(64, '\xee');
    QCOMPARE(::send(pair.rawServer, garbage.constData(), size_t(garbage.size()), MSG_NOSIGNAL),
        ssize_t(garbage.size()));
    QSignalSpy error(&pair.client, &TlsStream::errorOccurred);
    QCOMPARE(readAll(pair.client, 1), QByteArray());
    QTRY_COMPARE(error.count(), 1);
    QCOMPARE(pair.client.error(), TlsStream::Error::BadRecord);
    QVERIFY(!pair.client.errorString().isEmpty());
    QCOMPARE(pair.client.state(), TlsStream::State::Closed);
    QCOMPARE(pair.client.socketDescriptor(), -1); // the descriptor is closed at once
    ::close(pair.rawServer);
}

void tst_TlsStream::garbageInsteadOfClientHelloFailsTheHandshake()
{
    const auto [server, client] = tcpPair();
    TlsStream stream;
    QSignalSpy error(&stream, &TlsStream::errorOccurred);
    QVERIFY(stream.start(server, TlsStream::Role::Server, m_serverIdentity));
    const QByteArray garbage = QByteArray("\x16\x03\x01\x00\x20", 5) + QByteArray(32, '\xee');
    QCOMPARE(::send(client, garbage.constData(), size_t(garbage.size()), MSG_NOSIGNAL),
        ssize_t(garbage.size()));
    QTRY_COMPARE_WITH_TIMEOUT(error.count(), 1, kWait);
    QCOMPARE(stream.error(), TlsStream::Error::HandshakeFailed);
    QVERIFY(!stream.isEncrypted());
    ::close(client);
}

void tst_TlsStream::plaintextPeerIsToldInClear()
{
    const auto [server, client] = tcpPair();
    TlsStream stream;
    QSignalSpy notTls(&stream, &TlsStream::notTls);
    QSignalSpy closed(&stream, &TlsStream::disconnected);
    QVERIFY(stream.start(server, TlsStream::Role::Server, m_serverIdentity));
    QCOMPARE(::send(client, "\x01hello", 6, MSG_NOSIGNAL), ssize_t(6));
    QTRY_COMPARE_WITH_TIMEOUT(notTls.count(), 1, kWait);
    QCOMPARE(stream.firstByte(), '\x01');
    stream.writeClearAndClose("in clear");
    QTRY_COMPARE(closed.count(), 1);
    char answer[16] = {};
    QCOMPARE(::recv(client, answer, sizeof answer, MSG_WAITALL), ssize_t(8));
    QCOMPARE(QByteArray(answer), QByteArray("in clear"));
    ::close(client);
}

void tst_TlsStream::stalledHandshakeWaitsForTheCaller()
{
    // Half a ClientHello and silence: no error and no busy loop; the caller's deadline acts.
    const auto [server, client] = tcpPair();
    TlsStream stream;
    QSignalSpy error(&stream, &TlsStream::errorOccurred);
    QVERIFY(stream.start(server, TlsStream::Role::Server, m_serverIdentity));
    const QByteArray half = QByteArray("\x16\x03\x01\x02\x00", 5) + QByteArray(10, '\x01');
    QCOMPARE(
        ::send(client, half.constData(), size_t(half.size()), MSG_NOSIGNAL), ssize_t(half.size()));
    QTRY_COMPARE(stream.state(), TlsStream::State::Handshaking);
    QTest::qWait(200);
    QCOMPARE(stream.state(), TlsStream::State::Handshaking);
    QCOMPARE(error.count(), 0);
    ::close(client);
    QTRY_COMPARE_WITH_TIMEOUT(error.count(), 1, kWait);
    QCOMPARE(stream.error(), TlsStream::Error::RemoteClosed);
}

QTEST_MAIN(tst_TlsStream)
#include "tst_tlsstream.moc"
