// TransferQueue with a real server behind a proxy the test can cut: what a window row shows
// while its connection is dialled again, and that the same row then finishes the file.

#include "server/server.h"
#include "transfermodel.h"
#include "transferqueue.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ferry;

namespace {

constexpr int kWait = 60000;

/// Passes the server's bytes on at most 256 KiB per 10 ms; cut() drops every connection
/// and stops listening, resume() listens on the same port again.
class CuttableProxy : public QTcpServer
{
public:
    explicit CuttableProxy(quint16 target) : m_target(target)
    {
        connect(&m_tick, &QTimer::timeout, this, [this] {
            for (const auto &[client, server] : std::as_const(m_pairs))
                client->write(server->read(256 * 1024));
        });
        m_tick.start(10);
    }
    void cut()
    {
        close();
        for (const auto &[client, server] : std::as_const(m_pairs)) {
            client->abort();
            server->abort();
        }
        m_pairs.clear();
    }

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(fd);
        auto *server = new QTcpSocket(this);
        server->setReadBufferSize(1024 * 1024);
        server->connectToHost(QHostAddress::LocalHost, m_target);
        connect(client, &QTcpSocket::readyRead, server,
            [client, server] { server->write(client->readAll()); });
        m_pairs.append(std::make_pair(client, server));
    }

private:
    quint16 m_target;
    QTimer m_tick;
    QList<std::pair<QTcpSocket *, QTcpSocket *>> m_pairs;
};

QByteArray writeFile(const QString &path, qint64 size)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(i * 131 + (i >> 12));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

} // namespace

class tst_TransferQueue : public QObject
{
    Q_OBJECT
private slots:
    void rowShowsReconnectingAndFinishes();
};

void tst_TransferQueue::rowShowsReconnectingAndFinishes()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(share) && QDir().mkpath(out));
    const qint64 size = 40 * 1024 * 1024;
    const QByteArray md5 = writeFile(share + QStringLiteral("/big.bin"), size);

    Server server;
    ServerConfig config;
    config.root = share;
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure failure;
    QVERIFY(server.start(config, &failure));
    CuttableProxy proxy(server.serverPort());
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    const quint16 port = proxy.serverPort();

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = out;
    const quint64 id
        = queue.enqueue(QStringLiteral("127.0.0.1"), port, QStringLiteral("big.bin"), options);
    const QString part = out + QStringLiteral("/big.bin.part");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 2 * 1024 * 1024, kWait);
    QCOMPARE(model.find(id)->state, Transfer::State::Running);

    proxy.cut();
    QTRY_VERIFY_WITH_TIMEOUT(model.find(id)->state == Transfer::State::Connecting, kWait);
    QCOMPARE(TransferModel::stateText(*model.find(id)), QStringLiteral("Reconnecting"));
    QVERIFY(model.isActive(id));

    QVERIFY(proxy.listen(QHostAddress::LocalHost, port));
    QTRY_COMPARE_WITH_TIMEOUT(model.find(id)->state, Transfer::State::Verified, kWait);
    QVERIFY(model.find(id)->offset > 0); // Continued from the .part, not from byte 0.
    QCOMPARE(model.find(id)->localMd5, md5);
    QVERIFY(!QFile::exists(part));
}

QTEST_MAIN(tst_TransferQueue)
#include "tst_transferqueue.moc"
