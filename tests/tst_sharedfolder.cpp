#include "fs/containedfs.h"
#include "fs/sharedfolder.h"
#include "testutil.h"

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
#include "tst_sharedfolder.moc"
