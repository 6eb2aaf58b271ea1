// TransferQueue with a real server behind a proxy the test can cut: what a window row shows
// while its connection is dialled again, and that the same row then finishes the file; and
// that a folder row's files share one connection, counted on the server.

#include "server/server.h"
#include "server/serverevent.h"
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

/// Passes the server's bytes on at most \a bytesPerTick per 10 ms; cut() drops every
/// connection and stops listening; listen() on the same port again resumes.
class CuttableProxy : public QTcpServer
{
public:
    explicit CuttableProxy(quint16 target, qint64 bytesPerTick = 256 * 1024) : m_target(target)
    {
        connect(&m_tick, &QTimer::timeout, this, [this, bytesPerTick] {
            for (const auto &[client, server] : std::as_const(m_pairs))
                client->write(server->read(bytesPerTick));
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

QByteArray writeFile(const QString &path, qint64 size, int seed = 0)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        data[i] = char(i * 131 + (i >> 12) + seed);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return QCryptographicHash::hash(data, QCryptographicHash::Md5).toHex();
}

QByteArray md5OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&f);
    return hash.result().toHex();
}

/// A server on 127.0.0.1 that counts the connections it accepted.
struct CountingServer
{
    explicit CountingServer(const QString &root)
    {
        ServerConfig config;
        config.root = root;
        config.bindAddress = QHostAddress::LocalHost;
        config.port = 0;
        Failure failure;
        started = server.start(config, &failure);
        QObject::connect(&server, &Server::event, &server, [this](const ServerEvent &e) {
            if (e.kind == ServerEvent::Kind::Connected)
                ++connections;
        });
    }
    Server server;
    bool started = false;
    int connections = 0;
};

/// Writes \a count files of \a size under share/album (a third in album/sub) and returns
/// them as the listing gives them, with their MD5s in \a md5.
QList<protocol::FileEntry> writeAlbum(
    const QString &share, int count, qint64 size, QHash<QString, QByteArray> *md5)
{
    QList<protocol::FileEntry> files;
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("album/%1%2.bin")
                                 .arg(i % 3 == 0 ? QStringLiteral("sub/") : QString())
                                 .arg(i, 4, 10, QLatin1Char('0'));
        md5->insert(name, writeFile(share + QLatin1Char('/') + name, size, i));
        files.append({name, size, 0});
    }
    return files;
}

/// A shared folder and an output folder, both made, in one temporary folder.
struct ShareAndOutput
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("out"));
    const bool made = QDir().mkpath(share) && QDir().mkpath(out);
};
} // namespace

class tst_TransferQueue : public QObject
{
    Q_OBJECT
private slots:
    void rowShowsReconnectingAndFinishes();
    void folderGoesOverOneConnection();
    void cancelledFolderKeepsPartsAndResumes_data();
    void cancelledFolderKeepsPartsAndResumes();
    void folderRowShowsReconnecting();
    void singleFilesShareOneConnection();
    void cancelOneOfThreeOnASharedConnection_data();
    void cancelOneOfThreeOnASharedConnection();
    void dropShowsReconnectingOnEveryRow();
    void bigFolderIsAddedInParts_data();
    void bigFolderIsAddedInParts();
};

void tst_TransferQueue::rowShowsReconnectingAndFinishes()
{
    const ShareAndOutput folders;
    QVERIFY(folders.made);
    const QString &share = folders.share;
    const QString &out = folders.out;
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

void tst_TransferQueue::folderGoesOverOneConnection()
{
    const ShareAndOutput folders;
    QVERIFY(folders.made);
    const QString &share = folders.share;
    const QString &out = folders.out;
    QHash<QString, QByteArray> md5;
    const QList<protocol::FileEntry> files = writeAlbum(share, 200, 4096, &md5);
    CountingServer server(share);
    QVERIFY(server.started);

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = out;
    const quint64 folder = queue.enqueueFolder(QStringLiteral("127.0.0.1"),
        server.server.serverPort(), QStringLiteral("album"), files, {}, options);
    QCOMPARE(queue.running(), 200); // all asked for at once, on one connection
    QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(folder), kWait);
    QCOMPARE(model.find(folder)->state, Transfer::State::Verified);
    QCOMPARE(model.find(folder)->counts.verified, 200);
    // One handshake for 200 files, not one each.
    QCOMPARE(server.connections, 1);
    for (const protocol::FileEntry &file : files) {
        QCOMPARE(md5OfFile(out + QLatin1Char('/') + file.name), md5.value(file.name));
    }
    for (quint64 id : model.filesOf(folder))
        QCOMPARE(model.find(id)->localMd5, md5.value(model.find(id)->remoteName));
    QCOMPARE(queue.running(), 0);
}

void tst_TransferQueue::cancelledFolderKeepsPartsAndResumes_data()
{
    QTest::addColumn<bool>("cancelAFile");
    QTest::newRow("cancel the folder row") << false;
    // Its files share one connection: cancelling the running one leaves the others going.
    QTest::newRow("cancel one of its files") << true;
}

void tst_TransferQueue::cancelledFolderKeepsPartsAndResumes()
{
    QFETCH(bool, cancelAFile);
    const ShareAndOutput folders;
    QVERIFY(folders.made);
    const QString &share = folders.share;
    const QString &out = folders.out;
    QHash<QString, QByteArray> md5;
    const QList<protocol::FileEntry> files = writeAlbum(share, 4, 4 * 1024 * 1024, &md5);
    CountingServer server(share);
    QVERIFY(server.started);
    CuttableProxy proxy(server.server.serverPort(), 32 * 1024);
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = out;
    const quint64 folder = queue.enqueueFolder(QStringLiteral("127.0.0.1"), proxy.serverPort(),
        QStringLiteral("album"), files, {}, options);
    const QList<quint64> ids = model.filesOf(folder);
    const QString part = out + QLatin1Char('/') + files.first().name + QStringLiteral(".part");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 512 * 1024, kWait);
    QCOMPARE(model.find(ids.first())->state, Transfer::State::Running);

    if (cancelAFile) {
        queue.cancel(ids.first());
        QCOMPARE(model.find(ids.first())->state, Transfer::State::Cancelled);
        QVERIFY(model.isActive(folder));
        QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(folder), kWait);
        for (quint64 id : ids.mid(1))
            QCOMPARE(model.find(id)->state, Transfer::State::Verified);
        QCOMPARE(model.find(folder)->state, Transfer::State::Cancelled);
    } else {
        queue.cancel(folder);
        QCOMPARE(model.find(folder)->state, Transfer::State::Cancelled);
        for (quint64 id : ids)
            QCOMPARE(model.find(id)->state, Transfer::State::Cancelled);
    }
    QVERIFY(!model.isActive(folder));
    QCOMPARE(queue.running(), 0);
    QTRY_VERIFY(queue.hasPart(folder));
    QVERIFY(QFileInfo(part).size() > 0);
    QVERIFY(!QFile::exists(out + QLatin1Char('/') + files.first().name));

    queue.retry(folder, true);
    QVERIFY(queue.running() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(folder), kWait);
    QCOMPARE(model.find(folder)->state, Transfer::State::Verified);
    QVERIFY(model.find(ids.first())->offset > 0); // went on from its .part
    for (const protocol::FileEntry &file : files)
        QCOMPARE(md5OfFile(out + QLatin1Char('/') + file.name), md5.value(file.name));
    QVERIFY(!QFile::exists(part));
    // Cancelling the whole folder closes its connection; one file alone does not.
    QCOMPARE(server.connections, cancelAFile ? 1 : 2);
}

void tst_TransferQueue::folderRowShowsReconnecting()
{
    const ShareAndOutput folders;
    QVERIFY(folders.made);
    const QString &share = folders.share;
    const QString &out = folders.out;
    QHash<QString, QByteArray> md5;
    const QList<protocol::FileEntry> files = writeAlbum(share, 3, 16 * 1024 * 1024, &md5);
    CountingServer server(share);
    QVERIFY(server.started);
    CuttableProxy proxy(server.server.serverPort());
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    const quint16 port = proxy.serverPort();

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = out;
    const quint64 folder = queue.enqueueFolder(
        QStringLiteral("127.0.0.1"), port, QStringLiteral("album"), files, {}, options);
    const QString part = out + QLatin1Char('/') + files.first().name + QStringLiteral(".part");
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(part).size() > 2 * 1024 * 1024, kWait);

    proxy.cut();
    QTRY_VERIFY_WITH_TIMEOUT(model.find(folder)->state == Transfer::State::Connecting, kWait);
    QCOMPARE(TransferModel::stateText(*model.find(folder)), QStringLiteral("Reconnecting"));
    QVERIFY(model.isActive(folder));

    QVERIFY(proxy.listen(QHostAddress::LocalHost, port));
    QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(folder), kWait);
    QCOMPARE(model.find(folder)->state, Transfer::State::Verified);
    QVERIFY(model.find(model.filesOf(folder).first())->offset > 0);
    for (const protocol::FileEntry &file : files)
        QCOMPARE(md5OfFile(out + QLatin1Char('/') + file.name), md5.value(file.name));
    QCOMPARE(server.connections, 2); // the first, and the one after the cut
}

namespace {

struct ThreeFiles
{
    QTemporaryDir dir;
    QString share = dir.filePath(QStringLiteral("share"));
    QString out = dir.filePath(QStringLiteral("out"));
    QStringList names {
        QStringLiteral("one.bin"), QStringLiteral("two.bin"), QStringLiteral("three.bin")};
    QHash<QString, QByteArray> md5;

    explicit ThreeFiles(qint64 size)
    {
        QDir().mkpath(out);
        for (int i = 0; i < names.size(); ++i)
            md5.insert(names[i], writeFile(share + QLatin1Char('/') + names[i], size, i));
    }
    QString part(int i) const
    {
        return out + QLatin1Char('/') + names[i] + QStringLiteral(".part");
    }
};

} // namespace

void tst_TransferQueue::singleFilesShareOneConnection()
{
    QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    const QString out = dir.filePath(QStringLiteral("out"));
    QVERIFY(QDir().mkpath(out));
    QHash<QString, QByteArray> md5;
    for (int i = 0; i < 20; ++i) {
        const QString name = QStringLiteral("f%1.bin").arg(i);
        md5.insert(name, writeFile(share + QLatin1Char('/') + name, 100000 + i, i));
    }
    CountingServer server(share);
    QVERIFY(server.started);

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = out;
    QList<quint64> ids;
    for (auto it = md5.cbegin(); it != md5.cend(); ++it)
        ids << queue.enqueue(
            QStringLiteral("127.0.0.1"), server.server.serverPort(), it.key(), options);
    QCOMPARE(queue.running(), 20); // all asked for at once: the connection pipelines them
    for (quint64 id : std::as_const(ids)) {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(id), kWait);
        const Transfer *t = model.find(id);
        QCOMPARE(t->state, Transfer::State::Verified);
        QCOMPARE(t->localMd5, md5.value(t->remoteName));
        QCOMPARE(md5OfFile(out + QLatin1Char('/') + t->remoteName), md5.value(t->remoteName));
    }
    // One handshake for twenty rows of their own, not one each.
    QCOMPARE(server.connections, 1);
    QCOMPARE(queue.running(), 0);

    // A row added while the connection is still open joins it.
    QFile::remove(out + QStringLiteral("/f0.bin"));
    const quint64 again = queue.enqueue(
        QStringLiteral("127.0.0.1"), server.server.serverPort(), QStringLiteral("f0.bin"), options);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(again), kWait);
    QCOMPARE(model.find(again)->state, Transfer::State::Verified);
    QCOMPARE(server.connections, 1);
}

void tst_TransferQueue::cancelOneOfThreeOnASharedConnection_data()
{
    QTest::addColumn<int>("which");
    QTest::addColumn<bool>("keepsPart");
    QTest::newRow("the running one") << 0 << true;
    QTest::newRow("one asked for, waiting its turn") << 1 << false;
    QTest::newRow("the last one") << 2 << false;
}

void tst_TransferQueue::cancelOneOfThreeOnASharedConnection()
{
    QFETCH(int, which);
    QFETCH(bool, keepsPart);
    ThreeFiles f(4 * 1024 * 1024);
    CountingServer server(f.share);
    QVERIFY(server.started);
    CuttableProxy proxy(server.server.serverPort(), 32 * 1024);
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = f.out;
    QList<quint64> ids;
    for (const QString &name : std::as_const(f.names))
        ids << queue.enqueue(QStringLiteral("127.0.0.1"), proxy.serverPort(), name, options);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(f.part(0)).size() > 512 * 1024, kWait);
    QCOMPARE(model.find(ids[0])->state, Transfer::State::Running);
    QCOMPARE(model.find(ids[1])->state, Transfer::State::Connecting);

    queue.cancel(ids[which]);
    QCOMPARE(model.find(ids[which])->state, Transfer::State::Cancelled);
    QCOMPARE(model.index(which, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Cancelled."));
    for (int i = 0; i < 3; ++i) {
        if (i == which)
            continue;
        QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(ids[i]), kWait);
        QCOMPARE(model.find(ids[i])->state, Transfer::State::Verified);
        QCOMPARE(md5OfFile(f.out + QLatin1Char('/') + f.names[i]), f.md5.value(f.names[i]));
    }
    QCOMPARE(model.find(ids[which])->state, Transfer::State::Cancelled);
    QVERIFY(!QFile::exists(f.out + QLatin1Char('/') + f.names[which]));
    QCOMPARE(QFileInfo(f.part(which)).size() > 0, keepsPart);
    QCOMPARE(queue.hasPart(ids[which]), keepsPart);
    QCOMPARE(server.connections, 1);
}

void tst_TransferQueue::dropShowsReconnectingOnEveryRow()
{
    ThreeFiles f(16 * 1024 * 1024);
    CountingServer server(f.share);
    QVERIFY(server.started);
    CuttableProxy proxy(server.server.serverPort());
    QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
    const quint16 port = proxy.serverPort();

    TransferModel model;
    TransferQueue queue(&model);
    GetOptions options;
    options.outputDir = f.out;
    QList<quint64> ids;
    for (const QString &name : std::as_const(f.names))
        ids << queue.enqueue(QStringLiteral("127.0.0.1"), port, name, options);
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(f.part(0)).size() > 2 * 1024 * 1024, kWait);

    // The server goes away: every row on its connection waits, and says so.
    proxy.cut();
    for (int row = 0; row < 3; ++row) {
        QTRY_COMPARE_WITH_TIMEOUT(model.index(row, TransferModel::StateColumn).data().toString(),
            QStringLiteral("Reconnecting"), kWait);
        QVERIFY(model.isActive(ids[row]));
    }

    QVERIFY(proxy.listen(QHostAddress::LocalHost, port));
    for (int i = 0; i < 3; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(ids[i]), kWait);
        QCOMPARE(model.find(ids[i])->state, Transfer::State::Verified);
        QCOMPARE(md5OfFile(f.out + QLatin1Char('/') + f.names[i]), f.md5.value(f.names[i]));
    }
    QVERIFY(model.find(ids[0])->offset > 0); // the running one went on from its .part
    QCOMPARE(server.connections, 2); // the first, and the one after the drop
}

void tst_TransferQueue::bigFolderIsAddedInParts_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::newRow("downloaded") << false;
    QTest::newRow("cancelled while being added") << true;
}

void tst_TransferQueue::bigFolderIsAddedInParts()
{
    QFETCH(bool, cancel);
    const ShareAndOutput folders;
    QVERIFY(folders.made);
    const QString &share = folders.share;
    const QString &out = folders.out;
    QHash<QString, QByteArray> md5;
    const QList<protocol::FileEntry> files = writeAlbum(share, 2500, 100, &md5);
    CountingServer server(share);
    QVERIFY(server.started);

    TransferModel model;
    TransferQueue queue(&model);
    queue.setMaxRunning(400);
    GetOptions options;
    options.outputDir = out;
    const quint64 folder = queue.enqueueFolder(QStringLiteral("127.0.0.1"),
        server.server.serverPort(), QStringLiteral("album"), files, {}, options);
    // The window gets the folder row at once; its files follow a part per event.
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.filesOf(folder).size() < files.size());
    QVERIFY(queue.running() <= 400);
    if (cancel)
        queue.cancel(folder);
    QTRY_COMPARE_WITH_TIMEOUT(model.filesOf(folder).size(), files.size(), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!model.isActive(folder), kWait);
    const Transfer *f = model.find(folder);
    if (cancel) {
        QCOMPARE(f->state, Transfer::State::Cancelled);
        QCOMPARE(f->counts.cancelled + f->counts.verified, 2500);
        QVERIFY(f->counts.cancelled > 1000);
        return;
    }
    QCOMPARE(f->state, Transfer::State::Verified);
    QCOMPARE(f->counts.verified, 2500);
    QCOMPARE(server.connections, 1);
    for (const protocol::FileEntry &file : files)
        QCOMPARE(md5OfFile(out + QLatin1Char('/') + file.name), md5.value(file.name));
}

QTEST_MAIN(tst_TransferQueue)
#include "tst_transferqueue.moc"
