// The listing's tree as the client tab shows it: folders with what is beneath them, the
// filter, the sort, and what "Download folder" gets. The model's work runs on its worker
// thread, so each step waits until the model says it is shown.

#include "remotelistmodel.h"
#include "remotetree.h"

#include <QLocale>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

using namespace ferry;

namespace {

protocol::FileEntry file(const QString &name, qint64 size, qint64 mtimeMs = 1000)
{
    protocol::FileEntry e;
    e.name = name;
    e.size = size;
    e.mtimeMs = mtimeMs;
    return e;
}

protocol::FileEntry folder(const QString &name)
{
    protocol::FileEntry e;
    e.name = name;
    e.isFolder = true;
    return e;
}

/// A share as a server lists it: a file at the top, an album two levels deep, an empty
/// folder, and a name that is not a path.
QList<protocol::FileEntry> sampleEntries()
{
    return {
        file(QStringLiteral("readme.txt"), 10, 5000),
        file(QStringLiteral("album/2019/b.jpg"), 200, 7000),
        file(QStringLiteral("album/2019/A.jpg"), 100, 6000),
        file(QStringLiteral("album/cover.png"), 30, 2000),
        folder(QStringLiteral("album/empty")),
        folder(QStringLiteral("blank")),
        file(QStringLiteral("bad//name"), 1),
    };
}

QStringList rowNames(const QAbstractItemModel &model, const QModelIndex &parent = {})
{
    QStringList names;
    for (int row = 0; row < model.rowCount(parent); ++row)
        names << model.index(row, RemoteListModel::NameColumn, parent).data().toString();
    return names;
}

} // namespace

class tst_RemoteTree : public QObject
{
    Q_OBJECT
private slots:
    void foldersAddUpWhatIsBeneath();
    void contentsAreWhatAFolderDownloadGets_data();
    void contentsAreWhatAFolderDownloadGets();
    void modelShowsFoldersFirst();
    void filterShowsMatchesWithTheirFolders_data();
    void filterShowsMatchesWithTheirFolders();
    void sortKeepsExpandedFolders();
    void folderRowsDragWithASlash();
    void newerRequestStopsOlderWork();
    void clearingIsImmediate();

private:
    void waitSettled(RemoteListModel &model);
};

void tst_RemoteTree::waitSettled(RemoteListModel &model)
{
    QTRY_VERIFY_WITH_TIMEOUT(model.isSettled(), 10000);
}

void tst_RemoteTree::foldersAddUpWhatIsBeneath()
{
    const RemoteTree tree(sampleEntries());
    const int album = tree.find(u"album");
    QVERIFY(album > 0);
    QVERIFY(tree.node(album).isFolder);
    QCOMPARE(tree.node(album).files, 3);
    QCOMPARE(tree.node(album).size, qint64(330));
    QCOMPARE(tree.node(album).mtimeMs, qint64(7000)); // its newest file
    const int year = tree.find(u"album/2019/");
    QCOMPARE(tree.node(year).files, 2);
    QCOMPARE(tree.node(year).size, qint64(300));
    QCOMPARE(tree.name(year).toString(), QStringLiteral("2019"));
    QCOMPARE(tree.node(tree.find(u"album/empty")).files, 0);
    QCOMPARE(tree.node(0).files, 4); // the malformed name is left out
    QCOMPARE(tree.find(u"bad//name"), -1);
    QCOMPARE(tree.find(u"album/nothing"), -1);
    QCOMPARE(tree.find(u"readme.txt/x"), -1);
}

void tst_RemoteTree::contentsAreWhatAFolderDownloadGets_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<QStringList>("empty");
    QTest::newRow("album") << QStringLiteral("album")
                           << QStringList {QStringLiteral("album/2019/b.jpg"),
                                  QStringLiteral("album/2019/A.jpg"),
                                  QStringLiteral("album/cover.png")}
                           << QStringList {QStringLiteral("album/empty")};
    QTest::newRow("nested, slash")
        << QStringLiteral("album/2019/")
        << QStringList {QStringLiteral("album/2019/b.jpg"), QStringLiteral("album/2019/A.jpg")}
        << QStringList {};
    QTest::newRow("empty folder") << QStringLiteral("blank") << QStringList {}
                                  << QStringList {QStringLiteral("blank")};
}

void tst_RemoteTree::contentsAreWhatAFolderDownloadGets()
{
    QFETCH(QString, path);
    QFETCH(QStringList, files);
    QFETCH(QStringList, empty);
    RemoteListModel model;
    model.setEntries(sampleEntries());
    waitSettled(model);
    QVERIFY(model.isFolder(path));
    QList<protocol::FileEntry> got;
    QStringList gotEmpty;
    QVERIFY(model.folderContents(path, &got, &gotEmpty));
    QStringList names;
    for (const protocol::FileEntry &e : got)
        names << e.name;
    names.sort();
    files.sort();
    QCOMPARE(names, files);
    QCOMPARE(gotEmpty, empty);
    QVERIFY(!model.isFolder(QStringLiteral("readme.txt")));
    QVERIFY(!model.folderContents(QStringLiteral("readme.txt"), &got, &gotEmpty));
}

void tst_RemoteTree::modelShowsFoldersFirst()
{
    RemoteListModel model;
    QSignalSpy ready(&model, &RemoteListModel::treeReady);
    model.setEntries(sampleEntries());
    QCOMPARE(model.fileCount(), 5);
    QVERIFY(ready.wait(10000));
    QCOMPARE(rowNames(model),
        QStringList(
            {QStringLiteral("album"), QStringLiteral("blank"), QStringLiteral("readme.txt")}));
    const QModelIndex album = model.index(0, 0);
    QCOMPARE(model.index(0, RemoteListModel::FilesColumn).data().toString(), QLocale().toString(3));
    QCOMPARE(model.index(0, RemoteListModel::SizeColumn).data().toString(),
        QLocale().formattedDataSize(330));
    QVERIFY(model.index(2, RemoteListModel::FilesColumn).data().toString().isEmpty());
    QCOMPARE(rowNames(model, album),
        QStringList(
            {QStringLiteral("2019"), QStringLiteral("empty"), QStringLiteral("cover.png")}));
    const QModelIndex year = model.index(0, 0, album);
    QCOMPARE(year.parent(), album);
    QCOMPARE(
        rowNames(model, year), QStringList({QStringLiteral("A.jpg"), QStringLiteral("b.jpg")}));
    QCOMPARE(model.index(0, 0, year).data(RemoteListModel::NameRole).toString(),
        QStringLiteral("album/2019/A.jpg"));
    QVERIFY(!model.hasChildren(model.index(1, 0, album))); // the empty folder: no arrow

    model.sort(RemoteListModel::SizeColumn, Qt::DescendingOrder);
    waitSettled(model);
    QCOMPARE(rowNames(model, model.indexOf(QStringLiteral("album/2019"))),
        QStringList({QStringLiteral("b.jpg"), QStringLiteral("A.jpg")}));
}

void tst_RemoteTree::filterShowsMatchesWithTheirFolders_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("visible");
    QTest::newRow("a file deep down")
        << QStringLiteral("A.JPG")
        << QStringList {QStringLiteral("album"), QStringLiteral("album/2019"),
               QStringLiteral("album/2019/A.jpg")};
    QTest::newRow("a folder's name shows what is in it")
        << QStringLiteral("2019")
        << QStringList {QStringLiteral("album"), QStringLiteral("album/2019"),
               QStringLiteral("album/2019/A.jpg"), QStringLiteral("album/2019/b.jpg")};
    QTest::newRow("an empty folder")
        << QStringLiteral("blan") << QStringList {QStringLiteral("blank")};
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList {};
}

void tst_RemoteTree::filterShowsMatchesWithTheirFolders()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, visible);
    RemoteListModel model;
    model.setEntries(sampleEntries());
    waitSettled(model);
    QSignalSpy applied(&model, &RemoteListModel::layoutApplied);
    model.setFilter(filter);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.first().first().toBool(), true);
    QStringList shown;
    const std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            shown << index.data(RemoteListModel::NameRole).toString();
            walk(index);
        }
    };
    walk({});
    shown.sort();
    visible.sort();
    QCOMPARE(shown, visible);
    QCOMPARE(model.visibleNodes(), int(visible.size()));

    model.setFilter(QString());
    waitSettled(model);
    QCOMPARE(model.rowCount(), 3);
}

void tst_RemoteTree::sortKeepsExpandedFolders()
{
    // A view's expanded folders and selection are persistent indexes: they must follow
    // their rows through a sort and a filter, and end when the row is filtered away.
    RemoteListModel model;
    model.setEntries(sampleEntries());
    waitSettled(model);
    const QPersistentModelIndex year = model.indexOf(QStringLiteral("album/2019"));
    const QPersistentModelIndex readme = model.indexOf(QStringLiteral("readme.txt"));
    QVERIFY(year.isValid() && readme.isValid());
    model.sort(RemoteListModel::NameColumn, Qt::DescendingOrder);
    waitSettled(model);
    QCOMPARE(year.data(RemoteListModel::NameRole).toString(), QStringLiteral("album/2019"));
    QCOMPARE(year.row(), 1); // "empty", "2019": folders first, then names backwards
    model.setFilter(QStringLiteral("jpg"));
    waitSettled(model);
    QVERIFY(year.isValid());
    QVERIFY(!readme.isValid());
}

void tst_RemoteTree::folderRowsDragWithASlash()
{
    RemoteListModel model;
    model.setEntries(sampleEntries());
    waitSettled(model);
    const QModelIndex album = model.indexOf(QStringLiteral("album"));
    const QModelIndex readme = model.indexOf(QStringLiteral("readme.txt"));
    std::unique_ptr<QMimeData> mime(model.mimeData({album, album.siblingAtColumn(1), readme}));
    QCOMPARE(mime->text(), QStringLiteral("album/\nreadme.txt"));
    QVERIFY(model.folderNames().contains(QStringLiteral("album/2019/")));
}

void tst_RemoteTree::newerRequestStopsOlderWork()
{
    // Typing fast: each letter asks again; only the last filter may be shown.
    QList<protocol::FileEntry> many;
    for (int i = 0; i < 50000; ++i)
        many << file(QStringLiteral("f%1.bin").arg(i), i);
    RemoteListModel model;
    model.setEntries(many);
    const QString typed = QStringLiteral("f4999");
    for (int i = 1; i <= typed.size(); ++i)
        model.setFilter(typed.left(i));
    waitSettled(model);
    QCOMPARE(model.filter(), typed);
    QCOMPARE(model.visibleNodes(), 11); // f4999 and f49990 to f49999
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("f4999.bin"));
}

void tst_RemoteTree::clearingIsImmediate()
{
    RemoteListModel model;
    model.setEntries(sampleEntries());
    model.setEntries({});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.fileCount(), 0);
    // The first listing's work, ending now, must not bring its rows back.
    QTest::qWait(200);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_RemoteTree)
#include "tst_remotetree.moc"
