#include "fs/containedfs.h"
#include "fs/folderwalk.h"
#include "fs/sharedfolder.h"
#include "testutil.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;

class tst_SharedFolder : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void listsRegularFilesRecursively();
    void opensAFileAndReportsItsSizeAndTime();
    void refusesEscapes_data();
    void refusesEscapes();
    void followsSymlinksThatStayInside();
    void missingFolderIsReported();
    void walkListsFoldersEmptyOnesToo();
    void walkNeverLoopsOnASymlinkCycle();
    void walkFollowsAFolderLinkInsideOnly();
    void secondWalkSeesTheSameTree();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_share;
};

void tst_SharedFolder::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_share = m_tmp->filePath(QStringLiteral("share"));
    test::writeRandomFile(m_share + QStringLiteral("/a.txt"), 10);
    test::writeRandomFile(m_share + QStringLiteral("/photos/b.jpg"), 2000);
    test::writeRandomFile(m_share + QStringLiteral("/photos/deep/c.bin"), 0);
    // A sibling whose name starts like the share: a prefix check would let it through.
    test::writeRandomFile(m_tmp->filePath(QStringLiteral("share_evil/secret")), 5);
    QFile::link(m_tmp->filePath(QStringLiteral("share_evil/secret")),
        m_share + QStringLiteral("/evil-link"));
    QFile::link(
        m_tmp->filePath(QStringLiteral("share_evil")), m_share + QStringLiteral("/evil-dir"));
    QFile::link(QStringLiteral("a.txt"), m_share + QStringLiteral("/inside-link"));
}

void tst_SharedFolder::listsRegularFilesRecursively()
{
    SharedFolder folder(m_share);
    QVERIFY(folder.isOpen());
    QStringList names;
    for (const auto &e : folder.list())
        names.append(e.name);
    QCOMPARE(names,
        (QStringList {QStringLiteral("a.txt"), QStringLiteral("inside-link"),
            QStringLiteral("photos/b.jpg"), QStringLiteral("photos/deep/c.bin")}));
}

void tst_SharedFolder::opensAFileAndReportsItsSizeAndTime()
{
    SharedFolder folder(m_share);
    protocol::FileEntry entry;
    Failure failure;
    QVERIFY(folder.open(QStringLiteral("photos/b.jpg"), &entry, &failure));
    QCOMPARE(entry.size, 2000);
    const QFileInfo info(m_share + QStringLiteral("/photos/b.jpg"));
    QCOMPARE(entry.mtimeMs, info.lastModified().toMSecsSinceEpoch());
}

void tst_SharedFolder::refusesEscapes_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<ErrorCode>("code");
    QTest::newRow("dotdot") << QStringLiteral("../share_evil/secret") << ErrorCode::Refused;
    QTest::newRow("absolute") << QStringLiteral("/etc/passwd") << ErrorCode::Refused;
    QTest::newRow("symlink out") << QStringLiteral("evil-link") << ErrorCode::Refused;
    QTest::newRow("through dir link") << QStringLiteral("evil-dir/secret") << ErrorCode::Refused;
    QTest::newRow("directory") << QStringLiteral("photos") << ErrorCode::NotRegularFile;
    QTest::newRow("missing") << QStringLiteral("nope.txt") << ErrorCode::NotFound;
    QTest::newRow("missing dir") << QStringLiteral("nope/x") << ErrorCode::NotFound;
}

void tst_SharedFolder::refusesEscapes()
{
    QFETCH(QString, name);
    QFETCH(ErrorCode, code);
    SharedFolder folder(m_share);
    protocol::FileEntry entry;
    Failure failure;
    QVERIFY(!folder.open(name, &entry, &failure));
    QCOMPARE(failure.code, code);
}

void tst_SharedFolder::followsSymlinksThatStayInside()
{
    SharedFolder folder(m_share);
    protocol::FileEntry entry;
    Failure failure;
    QVERIFY2(
        folder.open(QStringLiteral("inside-link"), &entry, &failure), qPrintable(failure.detail));
    QCOMPARE(entry.size, 10);
}

void tst_SharedFolder::missingFolderIsReported()
{
    SharedFolder folder(m_tmp->filePath(QStringLiteral("gone")));
    QVERIFY(!folder.isOpen());
    QCOMPARE(folder.openError().code, ErrorCode::FolderMissing);
    QVERIFY(folder.list().isEmpty());
}

QTEST_APPLESS_MAIN(tst_SharedFolder)
namespace {
/// Every entry of a walk, folders with a trailing '/'.
QStringList walked(const SharedFolder &folder)
{
    QStringList names;
    FolderWalk walk(folder.rootFd());
    protocol::FileEntry e;
    while (walk.next(&e))
        names.append(e.isFolder ? e.name + QLatin1Char('/') : e.name);
    return names;
}
} // namespace

void tst_SharedFolder::walkListsFoldersEmptyOnesToo()
{
    QVERIFY(QDir().mkpath(m_share + QStringLiteral("/photos/empty")));
    SharedFolder folder(m_share);
    const QStringList names = walked(folder);
    QVERIFY(names.contains(QStringLiteral("photos/")));
    QVERIFY(names.contains(QStringLiteral("photos/deep/")));
    QVERIFY(names.contains(QStringLiteral("photos/empty/")));
    // Depth first: a folder comes before what it holds.
    QVERIFY(
        names.indexOf(QStringLiteral("photos/")) < names.indexOf(QStringLiteral("photos/b.jpg")));
    QVERIFY(names.indexOf(QStringLiteral("photos/deep/"))
        < names.indexOf(QStringLiteral("photos/deep/c.bin")));
}

void tst_SharedFolder::walkNeverLoopsOnASymlinkCycle()
{
    // A link back to the share and one back to its own folder: both lead up, both are left out.
    QVERIFY(QFile::link(QStringLiteral(".."), m_share + QStringLiteral("/photos/up")));
    QVERIFY(QFile::link(QStringLiteral("."), m_share + QStringLiteral("/photos/deep/self")));
    SharedFolder folder(m_share);
    FolderWalk walk(folder.rootFd());
    protocol::FileEntry e;
    int n = 0;
    while (walk.next(&e) && n < 1000)
        ++n;
    QVERIFY(n < 1000);
    QCOMPARE(walk.cyclesSkipped(), 2);
    const QStringList names = walked(folder);
    QVERIFY(!names.contains(QStringLiteral("photos/up/")));
    QVERIFY(!names.contains(QStringLiteral("photos/deep/self/")));
}

void tst_SharedFolder::walkFollowsAFolderLinkInsideOnly()
{
    QVERIFY(QFile::link(QStringLiteral("photos/deep"), m_share + QStringLiteral("/deep-link")));
    SharedFolder folder(m_share);
    const QStringList names = walked(folder);
    // Inside: listed as a folder under its own name, as a get would find it.
    QVERIFY(names.contains(QStringLiteral("deep-link/")));
    QVERIFY(names.contains(QStringLiteral("deep-link/c.bin")));
    // Outside: neither the folder nor what it holds.
    QVERIFY(!names.contains(QStringLiteral("evil-dir/")));
    QVERIFY(!names.contains(QStringLiteral("evil-dir/secret")));
    QVERIFY(!names.contains(QStringLiteral("evil-link")));
}

void tst_SharedFolder::secondWalkSeesTheSameTree()
{
    SharedFolder folder(m_share);
    const QStringList first = walked(folder);
    QVERIFY(first.size() >= 6);
    QCOMPARE(walked(folder), first);
}

#include "tst_sharedfolder.moc"
