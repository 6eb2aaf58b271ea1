#include "client/clientsession.h"
#include "clienttab.h"
#include "deviceidentity.h"
#include "diagnosisdialog.h"
#include "errortext.h"
#include "nearbypanel.h"
#include "remotelistmodel.h"
#include "server/server.h"
#include "testidentity.h"
#include "testutil.h"
#include "tls/truststore.h"
#include "transferhistory.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "transferview.h"
#include "uilog.h"
#include "uisettings.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using namespace ferry;

class tst_ClientTab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void connectListsTheShare();
    void treeShowsFoldersWithSizesAndCounts();
    void filterShowsMatchesInTheirFolders();
    void folderDownloadsWhole_data();
    void folderDownloadsWhole();
    void firstContactAsksAndShowsTheDevice_data();
    void firstContactAsksAndShowsTheDevice();
    void doubleClickDownloadsAndVerifies();
    void selectionAndEnterDownload();
    void typedNameDownloads();
    void droppedTextRequestsEachLine();
    void listingRowsDragOntoTransfers();
    void droppedDesktopFileRequestsItsName();
    void refusedRequestsShowTheirReason();
    void existingFileAsks_data();
    void existingFileAsks();
    void queuedRowsCanBeCancelled();
    void interruptedDownloadResumes();
    void protectedShareAsksForThePassword();
    void hostEnterConnectsToWhatIsTyped();
    void startOverRemovesOnlyThatPart();
    void verifiedRowsKeepTheirVerdict();
    void openFolderWithoutLauncherSaysWhere();
    void transferColumnsFitTheirText();
    void uiLogIsQuietByDefault();
    void failedConnectClearsTheOldListing_data();
    void failedConnectClearsTheOldListing();
    void rescanListsAShareOnce();
    void malformedHostNamesTheForms_data();
    void malformedHostNamesTheForms();

private:
    QString sharePath(const QString &name) const { return m_share.filePath(name); }
    QString destPath(const QString &name) const { return m_dest->filePath(name); }
    void enterServer(quint16 port);
    void connectToServer();
    const Transfer *waitForEnd(int row);
    void drop(const QMimeData *mime);
    /// Types as a person does: to the completion popup when one is open, else to \a widget.
    void typeKey(QWidget *widget, Qt::Key key);
    /// The listing's index of \a path once the tree shows it.
    QModelIndex listed(const QString &path);
    /// Waits until every transfer row has ended; false on a timeout.
    bool allEnded();

    QTemporaryDir m_share;
    std::unique_ptr<QTemporaryDir> m_dest;
    Server m_server;
    QHash<QString, QByteArray> m_md5;
    std::unique_ptr<ClientTab> m_tab;
};

void tst_ClientTab::initTestCase()
{
    QVERIFY(m_share.isValid());
    const QStringList names = {QStringLiteral("hello.txt"), QStringLiteral("big.bin"),
        QStringLiteral("sub/inner.dat"), QStringLiteral("sub/deeper/two.dat")};
    const QList<qint64> sizes = {100 * 1024, 6 * 1024 * 1024, 4096, 8192};
    for (int i = 0; i < names.size(); ++i)
        m_md5.insert(names[i], test::writeRandomFile(sharePath(names[i]), sizes[i], i + 7));
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = m_share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY2(m_server.start(config, &error), qPrintable(error.detail));
    // The tab trusts the test's servers already (first contact has its own test).
    TrustStore(Identity::dataDir())
        .trust({config.identity.fingerprint(), QStringLiteral("test server"), QString()});
}

void tst_ClientTab::init()
{
    // Each test starts with an empty transfer list, not the last test's saved one.
    QFile::remove(TransferHistory::defaultPath());
    m_dest = std::make_unique<QTemporaryDir>();
    m_tab = std::make_unique<ClientTab>();
    m_tab->setDestination(m_dest->path());
    m_tab->resize(900, 650);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_ClientTab::cleanup()
{
    m_tab.reset();
    m_dest.reset();
}

void tst_ClientTab::enterServer(quint16 serverPort)
{
    auto *host = m_tab->findChild<QComboBox *>(QStringLiteral("host"));
    auto *port = m_tab->findChild<QSpinBox *>(QStringLiteral("clientPort"));
    QVERIFY(host && port);
    host->lineEdit()->clear();
    QTest::keyClicks(host->lineEdit(), QStringLiteral("127.0.0.1"));
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QString::number(serverPort));
    QCOMPARE(port->value(), int(serverPort));
}

void tst_ClientTab::connectToServer()
{
    enterServer(m_server.serverPort());
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->rowCount(), 3, 20000);
}

const Transfer *tst_ClientTab::waitForEnd(int row)
{
    TransferModel *model = m_tab->transferModel();
    const auto ended
        = [&] { return model->rowCount() > row && !model->isActive(model->idAt(row)); };
    if (!QTest::qWaitFor(ended, 20000))
        return nullptr;
    return model->find(model->idAt(row));
}

void tst_ClientTab::drop(const QMimeData *mime)
{
    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    QWidget *target = view->viewport();
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(view->isDropHighlighted());
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    QVERIFY(dropEvent.isAccepted());
    QVERIFY(!view->isDropHighlighted());
}

void tst_ClientTab::typeKey(QWidget *widget, Qt::Key key)
{
    QWidget *popup = QApplication::activePopupWidget();
    QTest::keyClick(popup ? popup : widget, key);
}

QModelIndex tst_ClientTab::listed(const QString &path)
{
    QModelIndex index;
    (void)QTest::qWaitFor(
        [&] { return (index = m_tab->listModel()->indexOf(path)).isValid(); }, 20000);
    return index;
}

bool tst_ClientTab::allEnded()
{
    TransferModel *model = m_tab->transferModel();
    return QTest::qWaitFor(
        [model] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->isActive(model->idAt(row)))
                    return false;
            }
            return model->rowCount() > 0;
        },
        20000);
}

void tst_ClientTab::connectListsTheShare()
{
    connectToServer();
    QCOMPARE(m_tab->listModel()->names(),
        QStringList({QStringLiteral("big.bin"), QStringLiteral("hello.txt"),
            QStringLiteral("sub/deeper/two.dat"), QStringLiteral("sub/inner.dat")}));
    auto *filter = m_tab->findChild<QLineEdit *>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("HELLO"));
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("hello.txt"));
}

void tst_ClientTab::treeShowsFoldersWithSizesAndCounts()
{
    connectToServer();
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    QAbstractItemModel *model = view->model();
    // Folders first, each with what is beneath it: sub holds 4 KiB + 8 KiB in two files.
    QTRY_COMPARE(model->index(0, 0).data().toString(), QStringLiteral("sub"));
    QCOMPARE(model->index(0, RemoteListModel::SizeColumn).data().toString(),
        QLocale().formattedDataSize(4096 + 8192));
    QCOMPARE(
        model->index(0, RemoteListModel::FilesColumn).data().toString(), QLocale().toString(2));
    QVERIFY(model->index(1, RemoteListModel::FilesColumn).data().toString().isEmpty());
    QCOMPARE(model->headerData(RemoteListModel::FilesColumn, Qt::Horizontal).toString(),
        QStringLiteral("Files"));
    // Closed until opened; its arrow opens it as the Right key does.
    const QModelIndex sub = model->index(0, 0);
    QVERIFY(!view->isExpanded(sub));
    view->setFocus();
    view->setCurrentIndex(sub);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(view->isExpanded(sub));
    QCOMPARE(model->rowCount(sub), 2);
    QCOMPARE(model->index(0, 0, sub).data().toString(), QStringLiteral("deeper"));
    QCOMPARE(model->index(0, RemoteListModel::FilesColumn, sub).data().toString(),
        QLocale().toString(1));
    QCOMPARE(model->index(1, 0, sub).data().toString(), QStringLiteral("inner.dat"));
    QVERIFY(view->visualRect(model->index(1, 0, sub)).isValid());
    // The status line counts files, not rows.
    QTRY_VERIFY(m_tab->listModel()->isSettled());
    QCOMPARE(m_tab->listModel()->fileCount(), 4);
}

void tst_ClientTab::filterShowsMatchesInTheirFolders()
{
    connectToServer();
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    QAbstractItemModel *model = view->model();
    // The user opens sub, and leaves sub/deeper closed.
    const QModelIndex opened = listed(QStringLiteral("sub"));
    view->setFocus();
    view->setCurrentIndex(opened);
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(view->isExpanded(opened));
    auto *filter = m_tab->findChild<QLineEdit *>(QStringLiteral("filter"));
    QTest::keyClicks(filter, QStringLiteral("two"));
    // Only the match and the folders above it, opened so the match shows.
    QTRY_COMPARE(model->rowCount(), 1);
    const QModelIndex sub = model->index(0, 0);
    QCOMPARE(sub.data().toString(), QStringLiteral("sub"));
    QTRY_VERIFY(view->isExpanded(sub));
    QCOMPARE(model->rowCount(sub), 1);
    const QModelIndex deeper = model->index(0, 0, sub);
    QVERIFY(view->isExpanded(deeper));
    const QModelIndex two = model->index(0, 0, deeper);
    QCOMPARE(two.data(RemoteListModel::NameRole).toString(), QStringLiteral("sub/deeper/two.dat"));
    QVERIFY(view->visualRect(two).isValid());
    // The folder still says what a download of it gets: all of it.
    QCOMPARE(
        model->index(0, RemoteListModel::FilesColumn).data().toString(), QLocale().toString(2));
    // Cleared: everything again, with the folders the user opened, and only those, open.
    filter->clear();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_VERIFY(m_tab->listModel()->isSettled());
    QVERIFY(view->isExpanded(m_tab->listModel()->indexOf(QStringLiteral("sub"))));
    QVERIFY(!view->isExpanded(m_tab->listModel()->indexOf(QStringLiteral("sub/deeper"))));
}

void tst_ClientTab::folderDownloadsWhole_data()
{
    QTest::addColumn<QString>("how");
    QTest::newRow("Enter") << QStringLiteral("enter");
    QTest::newRow("double-click") << QStringLiteral("double-click");
    QTest::newRow("context menu") << QStringLiteral("menu");
    QTest::newRow("row dragged onto the transfers") << QStringLiteral("drag");
    QTest::newRow("name dropped before listing") << QStringLiteral("dropped name");
}

void tst_ClientTab::folderDownloadsWhole()
{
    QFETCH(QString, how);
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    if (how == QLatin1String("dropped name")) {
        // Nothing listed yet: the tab lists the share to learn what "sub/" holds.
        m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
        QMimeData mime;
        mime.setText(QStringLiteral("sub/"));
        drop(&mime);
    } else {
        connectToServer();
        const QModelIndex sub = listed(QStringLiteral("sub"));
        QVERIFY(sub.isValid());
        const QRect rect = view->visualRect(sub);
        if (how == QLatin1String("enter")) {
            view->setFocus();
            view->setCurrentIndex(sub);
            QTest::keyClick(view, Qt::Key_Return);
        } else if (how == QLatin1String("double-click")) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
            QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
            QVERIFY(!view->isExpanded(sub)); // it downloads rather than opens
        } else if (how == QLatin1String("menu")) {
            QString itemText;
            QTimer::singleShot(0, this, [&itemText] {
                QWidget *popup = nullptr;
                (void)QTest::qWaitFor([&] { return (popup = QApplication::activePopupWidget()); });
                auto *menu = qobject_cast<QMenu *>(popup);
                if (!menu)
                    return;
                itemText = menu->actions().first()->text();
                QTest::keyClick(menu, Qt::Key_D); // its access key
            });
            emit view->customContextMenuRequested(rect.center());
            QCOMPARE(itemText, QStringLiteral("&Download folder"));
        } else {
            view->setCurrentIndex(sub);
            std::unique_ptr<QMimeData> mime(
                view->model()->mimeData(view->selectionModel()->selectedIndexes()));
            QCOMPARE(mime->text(), QStringLiteral("sub/"));
            drop(mime.get());
        }
    }
    // Every file of the folder, at its path under the destination, verified.
    QVERIFY(allEnded());
    for (const QString &name :
        {QStringLiteral("sub/inner.dat"), QStringLiteral("sub/deeper/two.dat")})
        QCOMPARE(test::md5OfFile(destPath(name)), m_md5[name]);
    QVERIFY(!QFile::exists(destPath(QStringLiteral("hello.txt"))));
    TransferModel *model = m_tab->transferModel();
    for (int row = 0; row < model->rowCount(); ++row)
        QCOMPARE(int(model->find(model->idAt(row))->state), int(Transfer::State::Verified));
}

void tst_ClientTab::firstContactAsksAndShowsTheDevice_data()
{
    QTest::addColumn<bool>("trust");
    QTest::newRow("trusted") << true;
    QTest::newRow("refused") << false;
}

void tst_ClientTab::firstContactAsksAndShowsTheDevice()
{
    QFETCH(bool, trust);
    // A device this tab has never seen, with an identity of its own.
    QTemporaryDir dir;
    Identity::Status status;
    Identity identity = Identity::create(dir.filePath(QStringLiteral("id")), &status);
    identity.setName(QStringLiteral("Kitchen"));
    Server server;
    ServerConfig config;
    config.identity = identity;
    config.root = m_share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY(server.start(config, &error));
    QString shown;
    // Polls without blocking: the dialog's exec() runs inside this test's event loop.
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll.stop();
        shown = box->text() + QLatin1Char('\n') + box->informativeText();
        for (QAbstractButton *b : box->buttons()) {
            if (box->buttonRole(b) == (trust ? QMessageBox::AcceptRole : QMessageBox::RejectRole))
                b->click();
        }
    });
    poll.start();
    enterServer(server.serverPort());
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
    const QString code
        = comparisonCode(identity.fingerprint(), DeviceIdentity::get(nullptr).fingerprint());
    auto *secure = m_tab->findChild<QLabel *>(QStringLiteral("secureLabel"));
    QVERIFY(secure);
    if (trust) {
        QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->rowCount(), 3, 20000);
        QCOMPARE(secure->text(), QStringLiteral("Encrypted, talking to Kitchen"));
        QVERIFY(secure->isVisible());
    } else {
        QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_tab->bannerText().contains(QStringLiteral("not trusted")), 20000);
        QVERIFY(!secure->isVisible());
    }
    QVERIFY2(shown.contains(QStringLiteral("Kitchen")), qPrintable(shown));
    QVERIFY2(shown.contains(code), qPrintable(shown));
}

void tst_ClientTab::doubleClickDownloadsAndVerifies()
{
    connectToServer();
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    const QRect rect = view->visualRect(listed(QStringLiteral("hello.txt")));
    // As in Qt's own view tests: the press that starts a double-click, then the double-click.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QCOMPARE(
        test::md5OfFile(destPath(QStringLiteral("hello.txt"))), m_md5[QStringLiteral("hello.txt")]);
    const QString md5Cell
        = m_tab->transferModel()->index(0, TransferModel::Md5Column).data().toString();
    QVERIFY2(md5Cell.endsWith(QString::fromLatin1(m_md5[QStringLiteral("hello.txt")])),
        qPrintable(md5Cell));
    QVERIFY(md5Cell.contains(QChar(0x2713)));
}

void tst_ClientTab::selectionAndEnterDownload()
{
    connectToServer();
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    view->setFocus();
    view->selectionModel()->select(
        listed(QStringLiteral("big.bin")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(listed(QStringLiteral("hello.txt")),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTest::keyClick(view, Qt::Key_Return);
    QTRY_COMPARE(m_tab->transferModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const Transfer *t = waitForEnd(row);
        QVERIFY(t);
        QCOMPARE(int(t->state), int(Transfer::State::Verified));
        QCOMPARE(test::md5OfFile(destPath(t->remoteName)), m_md5[t->remoteName]);
    }
}

void tst_ClientTab::typedNameDownloads()
{
    connectToServer();
    auto *name = m_tab->findChild<QLineEdit *>(QStringLiteral("remoteName"));
    QVERIFY(name->completer());
    QTest::keyClicks(name, QStringLiteral("sub/inner.dat"));
    QTest::keyClick(name, Qt::Key_Return);
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("sub/inner.dat"))),
        m_md5[QStringLiteral("sub/inner.dat")]);
}

void tst_ClientTab::droppedTextRequestsEachLine()
{
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    QMimeData mime;
    mime.setText(QStringLiteral("hello.txt\nbig.bin\n"));
    drop(&mime);
    QCOMPARE(m_tab->transferModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const Transfer *t = waitForEnd(row);
        QVERIFY(t);
        QCOMPARE(int(t->state), int(Transfer::State::Verified));
        QCOMPARE(test::md5OfFile(destPath(t->remoteName)), m_md5[t->remoteName]);
    }
}

void tst_ClientTab::listingRowsDragOntoTransfers()
{
    connectToServer();
    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    view->selectionModel()->select(
        listed(QStringLiteral("big.bin")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(listed(QStringLiteral("hello.txt")),
        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    // What the view's own drag would carry.
    std::unique_ptr<QMimeData> mime(
        view->model()->mimeData(view->selectionModel()->selectedIndexes()));
    QCOMPARE(mime->text(), QStringLiteral("big.bin\nhello.txt"));
    drop(mime.get());
    QCOMPARE(m_tab->transferModel()->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        const Transfer *t = waitForEnd(row);
        QVERIFY(t);
        QCOMPARE(int(t->state), int(Transfer::State::Verified));
    }
}

void tst_ClientTab::droppedDesktopFileRequestsItsName()
{
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(QStringLiteral("/home/someone/Desktop/hello.txt"))});
    drop(&mime);
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(t->remoteName, QStringLiteral("hello.txt"));
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QCOMPARE(
        test::md5OfFile(destPath(QStringLiteral("hello.txt"))), m_md5[QStringLiteral("hello.txt")]);
}

void tst_ClientTab::refusedRequestsShowTheirReason()
{
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    QMimeData mime;
    mime.setText(QStringLiteral("../etc/passwd\nmissing.txt"));
    drop(&mime);
    TransferModel *model = m_tab->transferModel();
    for (int row = 0; row < 2; ++row) {
        const Transfer *t = waitForEnd(row);
        QVERIFY(t);
        QCOMPARE(int(t->state), int(Transfer::State::Failed));
        QVERIFY(!t->failure.ok());
        const QString state = model->index(row, TransferModel::StateColumn).data().toString();
        QCOMPARE(state, ErrorText::describe(t->failure));
        QVERIFY(!QFile::exists(destPath(t->remoteName)));
    }
    QCOMPARE(model->find(model->idAt(1))->failure.code, ErrorCode::NotFound);
    QCOMPARE(model->index(1, TransferModel::StateColumn).data().toString(),
        QStringLiteral("The server has no file named \"missing.txt\"."));
}

void tst_ClientTab::existingFileAsks_data()
{
    QTest::addColumn<QString>("button");
    QTest::addColumn<QString>("fileWithNewContent");
    QTest::addColumn<bool>("oldKept");
    QTest::newRow("replace") << QStringLiteral("replaceButton") << QStringLiteral("hello.txt")
                             << false;
    QTest::newRow("keep both") << QStringLiteral("keepBothButton")
                               << QStringLiteral("hello (1).txt") << true;
    QTest::newRow("cancel") << QStringLiteral("cancelButton") << QString() << true;
}

void tst_ClientTab::existingFileAsks()
{
    QFETCH(QString, button);
    QFETCH(QString, fileWithNewContent);
    QFETCH(bool, oldKept);
    const QByteArray oldMd5
        = test::writeRandomFile(destPath(QStringLiteral("hello.txt")), 5000, 99);
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());

    bool asked = false;
    QTimer clicker;
    clicker.setInterval(50);
    connect(&clicker, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = true;
        clicker.stop();
        QTest::mouseClick(box->findChild<QPushButton *>(button), Qt::LeftButton);
    });
    clicker.start();
    QMimeData mime;
    mime.setText(QStringLiteral("hello.txt"));
    QSignalSpy notices(m_tab.get(), &ClientTab::notice);
    drop(&mime);
    QTRY_VERIFY_WITH_TIMEOUT(asked, 20000);
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    if (fileWithNewContent.isEmpty()) {
        QCOMPARE(t->failure.code, ErrorCode::AlreadyExists);
        QCOMPARE(
            QDir(m_dest->path()).entryList(QDir::Files), QStringList(QStringLiteral("hello.txt")));
    } else {
        QCOMPARE(int(t->state), int(Transfer::State::Verified));
        QCOMPARE(test::md5OfFile(destPath(fileWithNewContent)), m_md5[QStringLiteral("hello.txt")]);
    }
    if (oldKept)
        QCOMPARE(test::md5OfFile(destPath(QStringLiteral("hello.txt"))), oldMd5);
    // The row and the notice (the status bar) name the file that was actually written.
    if (!fileWithNewContent.isEmpty()) {
        QCOMPARE(m_tab->transferModel()->index(0, TransferModel::NameColumn).data().toString(),
            fileWithNewContent);
        QCOMPARE(notices.size(), 1);
        const QString message = notices.first().at(1).toString();
        QVERIFY2(message.contains(fileWithNewContent), qPrintable(message));
    }
}

void tst_ClientTab::queuedRowsCanBeCancelled()
{
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    m_tab->queue()->setMaxRunning(1);
    m_tab->request({QStringLiteral("big.bin"), QStringLiteral("hello.txt")});
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(model->rowCount(), 2);
    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    view->selectRow(1);
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("cancelTransfer")), Qt::LeftButton);
    QCOMPARE(int(model->find(model->idAt(1))->state), int(Transfer::State::Cancelled));
    QVERIFY(waitForEnd(0));
    QCOMPARE(int(model->find(model->idAt(0))->state), int(Transfer::State::Verified));
    QVERIFY(!QFile::exists(destPath(QStringLiteral("hello.txt"))));

    view->selectRow(1);
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("retryTransfer")), Qt::LeftButton);
    const Transfer *t = waitForEnd(1);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
}

void tst_ClientTab::interruptedDownloadResumes()
{
    // A share of its own, so the other tests' listing stays as it is.
    QTemporaryDir share;
    const QByteArray md5
        = test::writeRandomFile(share.filePath(QStringLiteral("large.bin")), qint64(64) << 20, 42);
    Server server;
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY(server.start(config, &error));

    // A real interruption: a session aborted once bytes have arrived keeps its .part.
    {
        ClientSession session;
        TlsClientOptions tls;
        tls.identity = test::identity(QStringLiteral("client"));
        tls.storeDir = test::dataDir(QStringLiteral("client"));
        tls.trustNew = true;
        session.setTls(tls);
        bool aborting = false;
        bool finished = false;
        connect(&session, &ClientSession::fileProgress, this, [&](quint64, qint64 done, qint64) {
            if (done > 0 && !aborting) {
                aborting = true;
                QMetaObject::invokeMethod(&session, &ClientSession::abort, Qt::QueuedConnection);
            }
        });
        connect(&session, &ClientSession::fileFinished, this, [&] { finished = true; });
        session.connectToServer(QStringLiteral("127.0.0.1"), server.serverPort());
        GetOptions options;
        options.outputDir = m_dest->path();
        session.requestFile(QStringLiteral("large.bin"), {}, options);
        QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
    }
    if (QFile::exists(destPath(QStringLiteral("large.bin"))))
        QSKIP("The download finished before it could be interrupted.");
    QVERIFY(QFile::exists(destPath(QStringLiteral("large.bin.part"))));

    m_tab->setHost(QStringLiteral("127.0.0.1"), server.serverPort());
    m_tab->request({QStringLiteral("large.bin")});
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(t->failure.code, ErrorCode::PartExists);
    QCOMPARE(m_tab->transferModel()->index(0, TransferModel::StateColumn).data().toString(),
        ErrorText::describe(t->failure));

    m_tab->findChild<TransferView *>(QStringLiteral("transfers"))->selectRow(0);
    QTest::mouseClick(
        m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer")), Qt::LeftButton);
    t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QVERIFY(t->offset > 0);
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("large.bin"))), md5);
}

void tst_ClientTab::protectedShareAsksForThePassword()
{
    // A share of its own, so the other tests' server stays open.
    QTemporaryDir share;
    const QByteArray md5
        = test::writeRandomFile(share.filePath(QStringLiteral("secret.bin")), 200 * 1024, 5);
    const QString secret = QStringLiteral("open sesame 7");
    Server server;
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    config.password = secret.toUtf8();
    Failure error;
    QVERIFY2(server.start(config, &error), qPrintable(error.detail));

    auto *password = m_tab->findChild<QLineEdit *>(QStringLiteral("clientPassword"));
    QVERIFY(password);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    auto *connectButton = m_tab->findChild<QPushButton *>(QStringLiteral("connect"));
    const QString needsPassword = ErrorText::describe({ErrorCode::AuthRequired, {}});
    const QString wrongPassword = ErrorText::describe({ErrorCode::AuthFailed, {}});

    // A download without a password fails with the reason, and the cursor goes to the field.
    enterServer(server.serverPort());
    m_tab->request({QStringLiteral("secret.bin")});
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(t->failure.code, ErrorCode::AuthRequired);
    QCOMPARE(m_tab->bannerText(), needsPassword);
    QCOMPARE(m_tab->focusWidget(), password);
    QVERIFY(!QFile::exists(destPath(QStringLiteral("secret.bin"))));

    // The listing without a password: the same reason, nothing listed.
    connectButton->setFocus();
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(connectButton->isEnabled(), 20000);
    QCOMPARE(m_tab->bannerText(), needsPassword);
    QCOMPARE(m_tab->listModel()->rowCount(), 0);
    QCOMPARE(m_tab->focusWidget(), password);

    // A wrong password (one failure, so the server's slow-down stays at 250 ms).
    QTest::keyClicks(password, QStringLiteral("guess"));
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(connectButton->isEnabled(), 20000);
    QCOMPARE(m_tab->bannerText(), wrongPassword);
    QCOMPARE(m_tab->listModel()->rowCount(), 0);
    QCOMPARE(m_tab->focusWidget(), password);
    QCOMPARE(password->selectedText(), QStringLiteral("guess"));

    // The right one, typed over the selected wrong one, then Refresh.
    QTest::keyClicks(password, secret);
    QCOMPARE(password->text(), secret);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->rowCount(), 1, 20000);
    QCOMPARE(m_tab->listModel()->names(), QStringList(QStringLiteral("secret.bin")));
    QVERIFY(m_tab->bannerText().isEmpty());

    auto *view = m_tab->findChild<QTreeView *>(QStringLiteral("listing"));
    const QRect rect = view->visualRect(listed(QStringLiteral("secret.bin")));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    TransferModel *model = m_tab->transferModel();
    QTRY_COMPARE(model->rowCount(), 2);
    t = waitForEnd(1);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("secret.bin"))), md5);
    const QString md5Cell = model->index(1, TransferModel::Md5Column).data().toString();
    QVERIFY2(md5Cell.endsWith(QString::fromLatin1(md5)), qPrintable(md5Cell));

    // Another share (Nearby, a favourite) does not get the password this one accepted.
    enterServer(m_server.serverPort());
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->fileCount(), 4, 20000);
    QVERIFY(password->text().isEmpty());
    // Typed anew, a password is kept for the share it is typed for.
    enterServer(server.serverPort());
    QTest::keyClicks(password, secret);
    QTest::mouseClick(connectButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->fileCount(), 1, 20000);
    QCOMPARE(password->text(), secret);

    // Closing the tab saves its settings; the password must not be among them.
    m_tab.reset();
    UiSettings settings;
    const QStringList keys = settings.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys)
        QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));
}

void tst_ClientTab::hostEnterConnectsToWhatIsTyped()
{
    // Another server, used once as "127.0.0.1:PORT", so the Host box remembers that text.
    QTemporaryDir share;
    test::writeRandomFile(share.filePath(QStringLiteral("other.txt")), 10, 3);
    Server other;
    ServerConfig config;
    config.identity = test::identity(QStringLiteral("server"));
    config.root = share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY2(other.start(config, &error), qPrintable(error.detail));
    auto *host = m_tab->findChild<QComboBox *>(QStringLiteral("host"));
    auto *port = m_tab->findChild<QSpinBox *>(QStringLiteral("clientPort"));
    const QString remembered = QStringLiteral("127.0.0.1:%1").arg(other.serverPort());
    host->setFocus();
    host->lineEdit()->clear();
    QTest::keyClicks(host->lineEdit(), remembered);
    typeKey(host->lineEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_tab->listModel()->names(), QStringList(QStringLiteral("other.txt")), 20000);
    QCOMPARE(host->itemText(0), remembered);

    // Now "127.0.0.1" with the Port box at the first server's port, then Enter.
    port->setValue(m_server.serverPort());
    host->setFocus();
    host->lineEdit()->clear();
    for (const QChar c : QStringLiteral("127.0.0.1"))
        QTest::keyClicks(QApplication::activePopupWidget() ? QApplication::activePopupWidget()
                                                           : host->lineEdit(),
            QString(c));
    // The remembered host is offered in a popup, not written into the box.
    QCOMPARE(host->currentText(), QStringLiteral("127.0.0.1"));
    QVERIFY(host->completer());
    QCOMPARE(host->completer()->completionMode(), QCompleter::PopupCompletion);
    QVERIFY(host->completer()->popup()->isVisible());
    QCOMPARE(host->completer()->currentCompletion(), remembered);
    typeKey(host->lineEdit(), Qt::Key_Return);
    QCOMPARE(host->currentText(), QStringLiteral("127.0.0.1"));
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->rowCount(), 3, 20000);
    QVERIFY(m_tab->listModel()->names().contains(QStringLiteral("hello.txt")));
    QCOMPARE(port->value(), int(m_server.serverPort()));
}

void tst_ClientTab::malformedHostNamesTheForms_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("pasted URL") << QStringLiteral("http://127.0.0.1:%1");
    QTest::newRow("port forgotten") << QStringLiteral("127.0.0.1:");
}

void tst_ClientTab::malformedHostNamesTheForms()
{
    // Used to be looked up whole and end in "Host not found".
    QFETCH(QString, typed);
    auto *host = m_tab->findChild<QComboBox *>(QStringLiteral("host"));
    host->lineEdit()->clear();
    const QString text
        = typed.contains(QLatin1String("%1")) ? typed.arg(m_server.serverPort()) : typed;
    QTest::keyClicks(host->lineEdit(), text);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("connect")), Qt::LeftButton);
    const QString banner = m_tab->bannerText();
    QVERIFY2(
        banner.contains(text) && banner.contains(QStringLiteral("HOST:PORT")), qPrintable(banner));
    QCOMPARE(m_tab->listModel()->rowCount(), 0);
    // The same text in Get says the same, and queues nothing.
    m_tab->request({QStringLiteral("hello.txt")});
    QCOMPARE(m_tab->transferModel()->rowCount(), 0);
    QVERIFY(m_tab->bannerText().contains(QStringLiteral("HOST:PORT")));
    // A good address clears it.
    connectToServer();
    QVERIFY(m_tab->bannerText().isEmpty());
}

void tst_ClientTab::failedConnectClearsTheOldListing_data()
{
    QTest::addColumn<bool>("http");
    QTest::newRow("nothing listening") << false;
    QTest::newRow("an HTTP server") << true;
}

void tst_ClientTab::failedConnectClearsTheOldListing()
{
    QFETCH(bool, http);
    QTcpServer wrong;
    QVERIFY(wrong.listen(QHostAddress::LocalHost));
    const quint16 wrongPort = wrong.serverPort();
    if (http) {
        connect(&wrong, &QTcpServer::newConnection, this, [&wrong] {
            while (QTcpSocket *socket = wrong.nextPendingConnection()) {
                socket->write("HTTP/1.0 200 OK\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
    } else {
        wrong.close();
    }
    connectToServer();
    auto *button = m_tab->findChild<QPushButton *>(QStringLiteral("connect"));
    QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Refresh"));

    m_tab->findChild<QSpinBox *>(QStringLiteral("clientPort"))->setValue(wrongPort);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_tab->bannerText().isEmpty(), 20000);
    QTRY_VERIFY(button->isEnabled());
    QCOMPARE(m_tab->listModel()->rowCount(), 0);
    QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Connect"));

    // Back to the right port: the share is listed again.
    m_tab->findChild<QSpinBox *>(QStringLiteral("clientPort"))->setValue(m_server.serverPort());
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->listModel()->rowCount(), 3, 20000);
    QCOMPARE(button->text().remove(QLatin1Char('&')), QStringLiteral("Refresh"));
}

void tst_ClientTab::verifiedRowsKeepTheirVerdict()
{
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    m_tab->request({QStringLiteral("hello.txt"), QStringLiteral("missing.txt")});
    QVERIFY(waitForEnd(0));
    QVERIFY(waitForEnd(1));
    TransferModel *model = m_tab->transferModel();
    QCOMPARE(int(model->find(model->idAt(0))->state), int(Transfer::State::Verified));
    const QString verdict = model->index(0, TransferModel::Md5Column).data().toString();
    QVERIFY2(verdict.contains(QStringLiteral("verified")), qPrintable(verdict));

    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    auto *retry = m_tab->findChild<QPushButton *>(QStringLiteral("retryTransfer"));
    auto *resume = m_tab->findChild<QPushButton *>(QStringLiteral("resumeTransfer"));
    view->selectRow(0);
    QVERIFY(!retry->isEnabled());
    QVERIFY(!resume->isEnabled());
    view->selectRow(1);
    QVERIFY(retry->isEnabled());
    QVERIFY(resume->isEnabled());

    // Both selected: Resume asks again for the failed row only.
    view->selectAll();
    QVERIFY(resume->isEnabled());
    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(waitForEnd(1));
    QVERIFY(!QApplication::activeModalWidget());
    QCOMPARE(int(model->find(model->idAt(0))->state), int(Transfer::State::Verified));
    QCOMPARE(model->index(0, TransferModel::Md5Column).data().toString(), verdict);
}

void tst_ClientTab::startOverRemovesOnlyThatPart()
{
    // Leftovers of earlier attempts: big.bin's .part and its record, and another file's.
    test::writeRandomFile(destPath(QStringLiteral("big.bin.part")), 4096, 11);
    test::writeRandomFile(destPath(QStringLiteral("big.bin.part.meta")), 40, 12);
    const QByteArray otherPart
        = test::writeRandomFile(destPath(QStringLiteral("hello.txt.part")), 100, 13);
    m_tab->setHost(QStringLiteral("127.0.0.1"), m_server.serverPort());
    m_tab->request({QStringLiteral("big.bin")});
    const Transfer *t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(t->failure.code, ErrorCode::PartExists);
    // The row's message names the buttons that deal with the .part.
    const QString said = ErrorText::describe(t->failure);
    QVERIFY2(said.contains(QStringLiteral("Start over")), qPrintable(said));

    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    auto *retry = m_tab->findChild<QPushButton *>(QStringLiteral("retryTransfer"));
    auto *startOver = m_tab->findChild<QPushButton *>(QStringLiteral("startOverTransfer"));
    QVERIFY(startOver);
    view->selectRow(0);
    // Retry alone can't get past the .part...
    QTest::mouseClick(retry, Qt::LeftButton);
    t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(t->failure.code, ErrorCode::PartExists);
    // ...Start over can.
    QVERIFY(startOver->isEnabled());
    QTest::mouseClick(startOver, Qt::LeftButton);
    t = waitForEnd(0);
    QVERIFY(t);
    QCOMPARE(int(t->state), int(Transfer::State::Verified));
    QCOMPARE(t->offset, qint64(0));
    QCOMPARE(
        test::md5OfFile(destPath(QStringLiteral("big.bin"))), m_md5[QStringLiteral("big.bin")]);
    QVERIFY(!QFile::exists(destPath(QStringLiteral("big.bin.part"))));
    QVERIFY(!QFile::exists(destPath(QStringLiteral("big.bin.part.meta"))));
    QCOMPARE(test::md5OfFile(destPath(QStringLiteral("hello.txt.part"))), otherPart);
    QVERIFY(!startOver->isEnabled());
}

void tst_ClientTab::openFolderWithoutLauncherSaysWhere()
{
    // The offscreen platform opens nothing. Under X, Qt looks for xdg-open and its kin on
    // PATH: with an empty one it finds none.
    QTemporaryDir emptyBin;
    const QByteArray path = qgetenv("PATH");
    qputenv("PATH", QFile::encodeName(emptyBin.path()));
    auto *open = m_tab->findChild<QPushButton *>(QStringLiteral("openFolder"));
    QVERIFY(open);
    QVERIFY(m_tab->bannerText().isEmpty());
    QTest::mouseClick(open, Qt::LeftButton);
    qputenv("PATH", path);
    const QString banner = m_tab->bannerText();
    QVERIFY2(banner.contains(QDir::toNativeSeparators(m_dest->path())), qPrintable(banner));
}

void tst_ClientTab::transferColumnsFitTheirText()
{
    // The figures from the report: a resume at 96 MiB of 300 MiB running at 303.80 MiB/s.
    TransferModel *model = m_tab->transferModel();
    Transfer row;
    row.remoteName = QStringLiteral("big.iso");
    row.state = Transfer::State::Running;
    row.total = qint64(300) << 20;
    row.done = qint64(96) << 20;
    row.rate = 303.8 * 1024 * 1024;
    row.rateSamples = 10;
    model->add(row);
    // Seen at 70% of the same file: "M" is wider than "G", so MiB figures need the most room.
    row.total = qint64(888.88 * 1024 * 1024);
    row.done = row.total - 1;
    row.rate = 888.88 * 1024 * 1024;
    model->add(row);
    // The font a Chinese desktop uses (tools/deps.sh installs it); its "M" is wider still.
    m_tab->setFont(QFont(QStringLiteral("WenQuanYi Micro Hei")));
    QEvent retranslate(QEvent::LanguageChange);
    QCoreApplication::sendEvent(m_tab.get(), &retranslate);
    auto *view = m_tab->findChild<TransferView *>(QStringLiteral("transfers"));
    const int margin = view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
    for (const int r : {0, 1})
        for (const int column :
            {TransferModel::BytesColumn, TransferModel::RateColumn, TransferModel::EtaColumn}) {
            const QString text = model->index(r, column).data().toString();
            QVERIFY(!text.isEmpty());
            const int needed = view->fontMetrics().horizontalAdvance(text) + 2 * margin;
            QVERIFY2(view->horizontalHeader()->sectionSize(column) >= needed,
                qPrintable(QStringLiteral("%1: %2 < %3")
                               .arg(text)
                               .arg(view->horizontalHeader()->sectionSize(column))
                               .arg(needed)));
        }
}

void tst_ClientTab::uiLogIsQuietByDefault()
{
    // Per-transfer lines are not for a window user's stderr, but can be turned on.
    QVERIFY(!lcUi().isDebugEnabled());
    QVERIFY(!lcUi().isInfoEnabled());
    QVERIFY(lcUi().isWarningEnabled());
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.ui=true"));
    const bool enabled = lcUi().isDebugEnabled() && lcUi().isInfoEnabled();
    QLoggingCategory::setFilterRules(QString());
    QVERIFY(enabled);
}

void tst_ClientTab::rescanListsAShareOnce()
{
    ClientTab tab;
    tab.show();
    NearbyPanel *nearby = tab.nearbyPanel();
    nearby->showDiagnosis();
    auto *dialog = tab.findChild<DiagnosisDialog *>();
    QVERIFY(dialog);
    // Two presses of "Scan my network" that both reach the same share, which then asks for a
    // password: one row, showing what the latest scan said.
    const discovery::ScanHit hit {QHostAddress(QStringLiteral("192.0.2.7")), 6669, false};
    emit dialog->found(hit);
    emit dialog->found({hit.address, hit.port, true});
    emit dialog->found({QHostAddress(QStringLiteral("192.0.2.8")), 6669, false});
    dialog->close();
    QTreeWidget *view = nearby->view();
    QCOMPARE(view->topLevelItemCount(), 2);
    QCOMPARE(view->topLevelItem(0)->text(NearbyPanel::AddressColumn), QStringLiteral("192.0.2.7"));
    QVERIFY(!view->topLevelItem(0)->text(NearbyPanel::PasswordColumn).isEmpty());
}

QTEST_MAIN(tst_ClientTab)
#include "tst_clienttab.moc"
