// The transfer list across a restart: a real server, a real ClientTab destroyed halfway
// through a download, and a new one built on the same data folder.
#include "clienttab.h"
#include "languages.h"
#include "server/server.h"
#include "slowproxy.h"
#include "testidentity.h"
#include "testutil.h"
#include "tls/truststore.h"
#include "transferhistory.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "transferview.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace ferry;
using ferry::test::SlowProxy;

namespace {

Transfer finishedRow(const QString &name)
{
    Transfer t;
    t.host = QStringLiteral("127.0.0.1");
    t.port = 6669;
    t.remoteName = name;
    t.options.outputDir = QDir::tempPath();
    t.state = Transfer::State::Verified;
    t.total = 10;
    t.done = 10;
    t.localMd5 = QByteArray(16, '\x5a');
    return t;
}

ino_t inode(const QString &path)
{
    struct stat st
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class tst_History : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void interruptedFileComesBackAndResumes();
    void interruptedFolderComesBackAndResumes();
    void resumedFolderSkipsFilesAlreadyHere();
    void cancelledFolderResumeCountsNoFailures();
    void folderVerdictNamesTheFailedFile_data();
    void folderVerdictNamesTheFailedFile();
    void folderLeavesOutNamesOutsideIt();
    void arrowAndKeysOpenAFolder();
    void badFileGivesAnEmptyList_data();
    void badFileGivesAnEmptyList();
    void keepsTheLast1000Rows();
    void burstOfChangesIsWrittenFewTimes();
    void oldFormatFolderLoadsCompact();
    void clearFinishedIsSaved();

private:
    void startTab();
    /// Destroys the tab as quitting does, once \a id has bytes on disk.
    void quitHalfway(quint64 id);
    void waitForEnd(quint64 id);
    QString destPath(const QString &name) const { return m_dest.filePath(name); }
    /// Writes a saved list with one interrupted compact row for "album" from \a port.
    void writeSavedFolder(quint16 port);

    QTemporaryDir m_share;
    QTemporaryDir m_dest;
    Server m_server;
    QHash<QString, QByteArray> m_md5;
    std::unique_ptr<ClientTab> m_tab;
};

void tst_History::initTestCase()
{
    const QList<QPair<QString, qint64>> files = {
        {QStringLiteral("large.bin"), qint64(3) << 20},
        {QStringLiteral("album/one.bin"), qint64(1) << 20},
        {QStringLiteral("album/sub/two.bin"), qint64(1) << 20},
        {QStringLiteral("album/three.txt"), 5000},
    };
    for (int i = 0; i < files.size(); ++i)
        m_md5.insert(files[i].first,
            test::writeRandomFile(m_share.filePath(files[i].first), files[i].second, i + 3));
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = m_share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY2(m_server.start(config, &error), qPrintable(error.detail));
    TrustStore(Identity::dataDir())
        .trust({config.identity.fingerprint(), QStringLiteral("test server"), QString()});
}

void tst_History::init()
{
    QFile::remove(TransferHistory::defaultPath());
    QDir(m_dest.path()).removeRecursively();
    QDir().mkpath(m_dest.path());
}

void tst_History::cleanup()
{
    m_tab.reset();
}

void tst_History::startTab()
{
    m_tab.reset(); // quit first: the saved list is written as the tab goes
    m_tab = std::make_unique<ClientTab>();
    m_tab->setDestination(m_dest.path());
    m_tab->resize(1000, 600);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_History::quitHalfway(quint64 id)
{
    TransferModel *model = m_tab->transferModel();
    bool quit = false;
    connect(model, &QAbstractItemModel::dataChanged, m_tab.get(), [&, model, id] {
        const Transfer *t = model->find(id);
        if (!quit && t && t->done > 0) {
            quit = true;
            QTimer::singleShot(0, this, [this] { m_tab.reset(); });
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab, 30000);
}

void tst_History::waitForEnd(quint64 id)
{
    TransferModel *model = m_tab->transferModel();
    QTRY_VERIFY_WITH_TIMEOUT(!model->isActive(id), 60000);
}

void tst_History::writeSavedFolder(quint16 port)
{
    // A saved list from before a restart: the folder row, interrupted, without its files.
    QJsonObject counts {{QStringLiteral("files"), 3}, {QStringLiteral("verified"), 1},
        {QStringLiteral("failed"), 0}, {QStringLiteral("cancelled"), 0},
        {QStringLiteral("interrupted"), 2}, {QStringLiteral("failedNames"), QJsonArray()}};
    QJsonObject row {{QStringLiteral("name"), QStringLiteral("album")},
        {QStringLiteral("local"), QStringLiteral("album")},
        {QStringLiteral("state"), int(Transfer::State::Interrupted)},
        {QStringLiteral("done"), 305000}, {QStringLiteral("total"), 2 * (1 << 20) + 5000},
        {QStringLiteral("host"), QStringLiteral("127.0.0.1")}, {QStringLiteral("port"), int(port)},
        {QStringLiteral("output"), m_dest.path()}, {QStringLiteral("conflict"), 0},
        {QStringLiteral("folder"), counts}};
    QDir().mkpath(QFileInfo(TransferHistory::defaultPath()).path());
    writeFile(TransferHistory::defaultPath(),
        QJsonDocument(
            QJsonObject {{QStringLiteral("format"), 2}, {QStringLiteral("rows"), QJsonArray {row}}})
            .toJson());
}

void tst_History::interruptedFileComesBackAndResumes()
{
    SlowProxy proxy(m_server.serverPort(), 16 * 1024);
    startTab();
    m_tab->setHost(QStringLiteral("127.0.0.1"), proxy.serverPort());
    m_tab->request({QStringLiteral("large.bin")});
    quitHalfway(m_tab ? m_tab->transferModel()->idAt(0) : 0);
    QVERIFY(!QFile::exists(destPath(QStringLiteral("large.bin"))));
    QVERIFY(QFile::exists(destPath(QStringLiteral("large.bin.part"))));

    // Started again: the row is back, interrupted, and Resume is there for it.
    startTab();
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Interrupted"));
    // How far it got is shown, out of the file's size.
    QVERIFY(model->index(0, TransferModel::BytesColumn)
                .data()
                .toString()
                .endsWith(QLocale().formattedDataSize(qint64(3) << 20)));
    QVERIFY(model->index(0, TransferModel::ProgressColumn).data(TransferModel::PermilleRole).toInt()
        > 0);
    m_tab->findChild<TransferView *>(QStringLiteral("transfers"))->selectRow(0);
    auto *resume = m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer"));
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    const quint64 id = model->idAt(0);
    waitForEnd(id);
    const Transfer *t = model->find(id);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QVERIFY(t->offset > 0); // it went on from the .part, not from byte 0
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("large.bin"))),
        m_md5.value(QStringLiteral("large.bin")));
}

void tst_History::interruptedFolderComesBackAndResumes()
{
    SlowProxy proxy(m_server.serverPort(), 16 * 1024);
    startTab();
    const QList<protocol::FileEntry> files = {
        {QStringLiteral("album/one.bin"), qint64(1) << 20, 0},
        {QStringLiteral("album/sub/two.bin"), qint64(1) << 20, 0},
        {QStringLiteral("album/three.txt"), 5000, 0},
    };
    GetOptions options;
    options.outputDir = m_dest.path();
    m_tab->queue()->setMaxRunning(1);
    const quint64 folder
        = m_tab->queue()->enqueueFolder(QStringLiteral("127.0.0.1"), proxy.serverPort(),
            QStringLiteral("album"), files, {QStringLiteral("album/empty")}, options);
    QCOMPARE(m_tab->transferModel()->rowCount(), 1);
    QVERIFY(QFileInfo(destPath(QStringLiteral("album/empty"))).isDir());
    quitHalfway(folder);

    startTab();
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->rowCount(), 1); // one row for the folder
    QCOMPARE(model->index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Interrupted"));
    QCOMPARE(model->index(0, TransferModel::NameColumn).data().toString(),
        QString(QChar(0x25B8)) + QStringLiteral(" album/"));
    // The saved list holds the folder as one row, not its files; it comes back so.
    const QJsonArray saved
        = readJson(TransferHistory::defaultPath()).value(QStringLiteral("rows")).toArray();
    QCOMPARE(saved.size(), 1);
    QVERIFY(!saved.at(0).toObject().contains(QStringLiteral("files")));
    QCOMPARE(saved.at(0)
                 .toObject()
                 .value(QStringLiteral("folder"))
                 .toObject()
                 .value(QStringLiteral("files"))
                 .toInt(),
        3);
    QVERIFY(model->find(model->idAt(0))->compact);
    model->setExpanded(model->idAt(0), true);
    QCOMPARE(model->rowCount(), 1);

    int connections = 0;
    connect(&m_server, &Server::event, m_tab.get(), [&connections](const ServerEvent &e) {
        if (e.kind == ServerEvent::Kind::Connected)
            ++connections;
    });
    m_tab->findChild<TransferView *>(QStringLiteral("transfers"))->selectRow(0);
    auto *resume = m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer"));
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(model->isActive(model->idAt(0)));
    waitForEnd(model->idAt(0));
    QCOMPARE(connections, 1); // listed again and fetched over one connection
    QCOMPARE(int(model->find(model->idAt(0))->state), int(Transfer::State::Verified));
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2713)) + QStringLiteral(" 3 of 3 verified"));
    for (const protocol::FileEntry &file : files) {
        QCOMPARE(test::md5OfFile(destPath(file.name)), m_md5.value(file.name));
        QVERIFY(!QFile::exists(destPath(file.name + QStringLiteral(".part"))));
    }
    QVERIFY(QFileInfo(destPath(QStringLiteral("album/empty"))).isDir());
}

void tst_History::resumedFolderSkipsFilesAlreadyHere()
{
    // Left by an earlier run: one file complete, one half there as a .part, one missing.
    QDir().mkpath(destPath(QStringLiteral("album/sub")));
    QVERIFY(QFile::copy(m_share.filePath(QStringLiteral("album/three.txt")),
        destPath(QStringLiteral("album/three.txt"))));
    const ino_t complete = inode(destPath(QStringLiteral("album/three.txt")));
    {
        QFile source(m_share.filePath(QStringLiteral("album/one.bin")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        writeFile(destPath(QStringLiteral("album/one.bin.part")), source.read(300000));
    }
    writeSavedFolder(m_server.serverPort());
    startTab();
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TransferModel::StateColumn).data().toString(),
        QStringLiteral("Interrupted"));
    m_tab->findChild<TransferView *>(QStringLiteral("transfers"))->selectRow(0);
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer")), Qt::LeftButton);
    waitForEnd(model->idAt(0));
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2713)) + QStringLiteral(" 3 of 3 verified"));
    for (const QString &name : {QStringLiteral("album/one.bin"),
             QStringLiteral("album/sub/two.bin"), QStringLiteral("album/three.txt")})
        QCOMPARE(test::md5OfFile(destPath(name)), m_md5.value(name));
    // The complete file was checked against the server's MD5 and left alone, not fetched.
    QCOMPARE(inode(destPath(QStringLiteral("album/three.txt"))), complete);
    QVERIFY(!QFile::exists(destPath(QStringLiteral("album/one.bin.part"))));
}

void tst_History::cancelledFolderResumeCountsNoFailures()
{
    SlowProxy proxy(m_server.serverPort(), 16 * 1024);
    writeSavedFolder(proxy.serverPort());
    startTab();
    TransferModel *model = m_tab->transferModel();
    const quint64 id = model->idAt(0);
    m_tab->findChild<TransferView *>(QStringLiteral("transfers"))->selectRow(0);
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->find(id)->done > 0, 30000);
    auto *cancel = m_tab->findChild<QPushButton *>(QStringLiteral("cancelTransfer"));
    QVERIFY(cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    waitForEnd(id);
    // Cancelled, and the files it didn't get to are not failures: Resume picks them up.
    QCOMPARE(int(model->find(id)->state), int(Transfer::State::Cancelled));
    QCOMPARE(model->find(id)->counts.failed, 0);
    QVERIFY(!model->index(0, TransferModel::Md5Column)
                 .data()
                 .toString()
                 .contains(QStringLiteral("failed")));
    QVERIFY(QFile::exists(destPath(QStringLiteral("album/one.bin.part"))));
}

void tst_History::folderVerdictNamesTheFailedFile_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("verdict");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("1 file failed")
                        << QStringLiteral("1 failed: gone.bin");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN")
                           << QStringLiteral("1 \u4e2a\u6587\u4ef6\u5931\u8d25")
                           << QStringLiteral("1 \u4e2a\u5931\u8d25\uff1agone.bin");
}

void tst_History::folderVerdictNamesTheFailedFile()
{
    QFETCH(QString, language);
    QFETCH(QString, state);
    QFETCH(QString, verdict);
    Languages languages;
    languages.apply(language);
    startTab();
    GetOptions options;
    options.outputDir = m_dest.path();
    // The listing said so, but the file went away before it was fetched.
    const QList<protocol::FileEntry> files = {
        {QStringLiteral("album/one.bin"), qint64(1) << 20, 0},
        {QStringLiteral("album/gone.bin"), 100, 0},
        {QStringLiteral("album/three.txt"), 5000, 0},
    };
    const quint64 folder = m_tab->queue()->enqueueFolder(QStringLiteral("127.0.0.1"),
        m_server.serverPort(), QStringLiteral("album"), files, {}, options);
    waitForEnd(folder);
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->index(0, TransferModel::StateColumn).data().toString(), state);
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2717)) + QLatin1Char(' ') + verdict);
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("album/one.bin"))),
        m_md5.value(QStringLiteral("album/one.bin")));

    // After a restart the folder is one compact row with the same verdict and the same
    // failed file named.
    startTab();
    model = m_tab->transferModel();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->find(model->idAt(0))->compact);
    QCOMPARE(model->index(0, TransferModel::StateColumn).data().toString(), state);
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2717)) + QLatin1Char(' ') + verdict);
    QCOMPARE(model->index(0, TransferModel::Md5Column).data(Qt::ToolTipRole).toString(),
        QStringLiteral("gone.bin"));
    languages.apply(QStringLiteral("en"));
}

void tst_History::folderLeavesOutNamesOutsideIt()
{
    startTab();
    GetOptions options;
    options.outputDir = m_dest.path() + QStringLiteral("/out");
    const QList<protocol::FileEntry> files = {
        {QStringLiteral("album/../large.bin"), 10, 0},
        {QStringLiteral("other/three.txt"), 10, 0},
        {QStringLiteral("/album/three.txt"), 10, 0},
        {QStringLiteral("album/three.txt"), 5000, 0},
    };
    const QStringList folders = {QStringLiteral("album/../../escaped"), QStringLiteral("album/e/f"),
        QStringLiteral("elsewhere")};
    const quint64 folder = m_tab->queue()->enqueueFolder(QStringLiteral("127.0.0.1"),
        m_server.serverPort(), QStringLiteral("album"), files, folders, options);
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->filesOf(folder).size(), 1);
    QVERIFY(QFileInfo(options.outputDir + QStringLiteral("/album/e/f")).isDir());
    QVERIFY(!QFileInfo::exists(m_dest.path() + QStringLiteral("/escaped")));
    QVERIFY(!QFileInfo::exists(options.outputDir + QStringLiteral("/elsewhere")));
    waitForEnd(folder);
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2713)) + QStringLiteral(" 1 of 1 verified"));
}

void tst_History::arrowAndKeysOpenAFolder()
{
    startTab();
    GetOptions options;
    options.outputDir = m_dest.path();
    const QList<protocol::FileEntry> files = {
        {QStringLiteral("album/three.txt"), 5000, 0},
        {QStringLiteral("album/one.bin"), qint64(1) << 20, 0},
    };
    const quint64 folder = m_tab->queue()->enqueueFolder(QStringLiteral("127.0.0.1"),
        m_server.serverPort(), QStringLiteral("album"), files, {}, options);
    waitForEnd(folder);
    TransferModel *model = m_tab->transferModel();
    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    const QRect name = view->visualRect(model->index(0, TransferModel::NameColumn));
    const QPoint arrow(name.left() + 4, name.center().y());

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, arrow);
    QCOMPARE(model->rowCount(), 3);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, arrow);
    QCOMPARE(model->rowCount(), 3); // closed and opened again; no file manager
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, arrow);
    QCOMPARE(model->rowCount(), 1);

    // A click on the name itself selects the row; then Right opens it and Left closes it.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, name.center());
    QCOMPARE(model->rowCount(), 1);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(model->rowCount(), 3);
    QTest::keyClick(view, Qt::Key_Left);
    QCOMPARE(model->rowCount(), 1);
}

void tst_History::badFileGivesAnEmptyList_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<qint64>("size"); ///< Padded with spaces up to this size.
    const QByteArray good = R"({"format":1,"rows":[{"name":"a.bin","host":"127.0.0.1",)"
                            R"("port":6669,"output":"/tmp","conflict":0,"state":3}]})";
    QTest::newRow("not json") << QByteArray("\x00\xff garbage", 10) << qint64(0);
    QTest::newRow("cut short") << good.left(good.size() / 2) << qint64(0);
    QTest::newRow("other format") << QByteArray(good).replace("\"format\":1", "\"format\":9")
                                  << qint64(0);
    QTest::newRow("name leaves the folder")
        << QByteArray(good).replace("a.bin", "../a.bin") << qint64(0);
    QTest::newRow("port out of range") << QByteArray(good).replace("6669", "70000") << qint64(0);
    QTest::newRow("unknown state")
        << QByteArray(good).replace("\"state\":3", "\"state\":42") << qint64(0);
    QTest::newRow("folder with a stranger") << QByteArray(good).replace(
        "\"state\":3}", "\"state\":3,\"files\":[{\"name\":\"b/x\",\"state\":3}]}")
                                            << qint64(0);
    const QByteArray good2 = QByteArray(good).replace("\"format\":1", "\"format\":2");
    const QByteArray folder = R"(,"folder":{"files":3,"verified":1,"failed":1,"cancelled":0,)"
                              R"("interrupted":1,"failedNames":["b.bin"]}})";
    QTest::newRow("folder: failed name leaves it") << QByteArray(good2).replace(
        "\"state\":3}", "\"state\":3" + QByteArray(folder).replace("b.bin", "../b.bin"))
                                                   << qint64(0);
    QTest::newRow("folder: counts over its files") << QByteArray(good2).replace(
        "\"state\":3}", "\"state\":3" + QByteArray(folder).replace("\"files\":3", "\"files\":2"))
                                                   << qint64(0);
    QTest::newRow("folder: negative count") << QByteArray(good2).replace(
        "\"state\":3}", "\"state\":3" + QByteArray(folder).replace("\"failed\":1", "\"failed\":-1"))
                                            << qint64(0);
    QTest::newRow("folder: format 1 files in format 2")
        << QByteArray(good2).replace("\"state\":3}", "\"state\":3,\"files\":[]}") << qint64(0);
    QTest::newRow("too large") << good << TransferHistory::kMaxBytes + 1;
}

void tst_History::badFileGivesAnEmptyList()
{
    QFETCH(QByteArray, content);
    QFETCH(qint64, size);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transfers.json"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        if (size > content.size())
            QVERIFY(file.resize(size));
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("transfer list")));
    TransferModel model;
    TransferHistory history(&model, path);
    QCOMPARE(model.rowCount(), 0);

    // The good file itself comes back: the cases above fail for their reason alone.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QByteArray good = R"({"format":1,"rows":[{"name":"a.bin","host":"127.0.0.1",)"
                            R"("port":6669,"output":"/tmp","conflict":0,"state":3}]})";
    file.write(good);
    file.close();
    TransferModel again;
    QCOMPARE(TransferHistory::load(&again, path), 1);
    QCOMPARE(again.index(0, TransferModel::StateColumn).data().toString(), QStringLiteral("Done"));
}

void tst_History::keepsTheLast1000Rows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transfers.json"));
    {
        TransferModel model;
        TransferHistory history(&model, path);
        for (int i = 0; i < TransferHistory::kMaxRows + 5; ++i)
            model.add(finishedRow(QStringLiteral("file%1.bin").arg(i, 4, 10, QLatin1Char('0'))));
        QVERIFY(history.save());
    }
    TransferModel model;
    TransferHistory history(&model, path);
    QCOMPARE(model.rowCount(), TransferHistory::kMaxRows);
    QCOMPARE(model.find(model.idAt(0))->remoteName, QStringLiteral("file0005.bin"));
    QCOMPARE(
        model.find(model.idAt(model.rowCount() - 1))->remoteName, QStringLiteral("file1004.bin"));
}

void tst_History::burstOfChangesIsWrittenFewTimes()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transfers.json"));
    TransferModel model;
    TransferHistory history(&model, path);
    // 2,000 changes over about three seconds, the window's loop running between them.
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 2000; ++i) {
        model.add(finishedRow(QStringLiteral("file%1.bin").arg(i, 4, 10, QLatin1Char('0'))));
        if (i % 20 == 19)
            QTest::qWait(30);
    }
    const qint64 ms = clock.elapsed();
    // The last state reaches the disk without a save() from here.
    const auto last = [&path] {
        TransferModel loaded;
        TransferHistory::load(&loaded, path);
        return loaded.rowCount() == 0 ? QString()
                                      : loaded.find(loaded.idAt(loaded.rowCount() - 1))->remoteName;
    };
    QTRY_COMPARE_WITH_TIMEOUT(last(), QStringLiteral("file1999.bin"), 10000);
    // One write a second at most, plus the one pending at the end.
    QVERIFY2(history.writes() <= int(ms / 1000) + 2,
        qPrintable(QStringLiteral("%1 writes in %2 ms").arg(history.writes()).arg(ms)));
    QVERIFY(history.writes() >= 1);
}

void tst_History::oldFormatFolderLoadsCompact()
{
    // Format 1 kept a folder's files in its row; it comes back as one compact row.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("transfers.json"));
    writeFile(path,
        R"({"format":1,"rows":[{"name":"album","local":"album","host":"127.0.0.1",)"
        R"("port":6669,"output":"/tmp","conflict":0,"state":5,"done":30,"total":30,)"
        R"("files":[{"name":"album/a.bin","local":"album/a.bin","state":3,"done":10,)"
        R"("total":10},{"name":"album/sub/b.bin","state":5,"done":0,"total":10,)"
        R"("error":2,"detail":"album/sub/b.bin"},{"name":"album/c.bin","state":7,)"
        R"("done":5,"total":10}]},{"name":"x.bin","host":"127.0.0.1","port":6669,)"
        R"("output":"/tmp","conflict":0,"state":3}]})");
    {
        TransferModel model;
        TransferHistory history(&model, path);
        QCOMPARE(model.rowCount(), 2);
        const Transfer *folder = model.find(model.idAt(0));
        QVERIFY(folder->compact);
        QCOMPARE(folder->counts.files, 3);
        QCOMPARE(folder->counts.verified, 1);
        QCOMPARE(folder->counts.failed, 1);
        QCOMPARE(folder->counts.interrupted, 1);
        QCOMPARE(folder->total, qint64(30));
        QCOMPARE(folder->done, qint64(15));
        QCOMPARE(folder->failedNames, QStringList {QStringLiteral("sub/b.bin")});
        QCOMPARE(model.index(0, TransferModel::Md5Column).data().toString(),
            QString(QChar(0x2717)) + QStringLiteral(" 1 failed: b.bin"));
        QVERIFY(history.save());
    }
    // Saved again in the compact form, and that loads the same.
    const QJsonObject root = readJson(path);
    QCOMPARE(root.value(QStringLiteral("format")).toInt(), 2);
    const QJsonObject row = root.value(QStringLiteral("rows")).toArray().at(0).toObject();
    QVERIFY(!row.contains(QStringLiteral("files")));
    TransferModel model;
    QCOMPARE(TransferHistory::load(&model, path), 2);
    QCOMPARE(model.find(model.idAt(0))->counts.failed, 1);
    QCOMPARE(model.index(0, TransferModel::Md5Column).data().toString(),
        QString(QChar(0x2717)) + QStringLiteral(" 1 failed: b.bin"));
}

void tst_History::clearFinishedIsSaved()
{
    startTab();
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    m_tab->request({QStringLiteral("album/three.txt")});
    waitForEnd(m_tab->transferModel()->idAt(0));
    const QString verdict
        = m_tab->transferModel()->index(0, TransferModel::Md5Column).data().toString();
    QVERIFY(verdict.contains(QStringLiteral("verified")));

    // A finished row keeps its verdict across a restart...
    startTab();
    QCOMPARE(m_tab->transferModel()->rowCount(), 1);
    QCOMPARE(m_tab->transferModel()->index(0, TransferModel::Md5Column).data().toString(), verdict);

    // ...until Clear finished, which clears it from the saved list too.
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("clearFinished")), Qt::LeftButton);
    QCOMPARE(m_tab->transferModel()->rowCount(), 0);
    startTab();
    QCOMPARE(m_tab->transferModel()->rowCount(), 0);
}

QTEST_MAIN(tst_History)
#include "tst_history.moc"
