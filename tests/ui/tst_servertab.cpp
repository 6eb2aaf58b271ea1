#include "client/clientsession.h"
#include "hostilepeer.h"
#include "logmodel.h"
#include "server/server.h"
#include "servertab.h"
#include "servertransfermodel.h"
#include "testidentity.h"
#include "testutil.h"
#include "tls/tlsconfig.h"
#include "uisettings.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSplitter>
#include <QSslSocket>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>

using namespace ferry;

namespace {
/// A test client of the tab's encrypted share: an identity of its own, trusting on first use.
void trustOnFirstUse(ferry::ClientSession &session)
{
    ferry::TlsClientOptions tls;
    tls.identity = ferry::test::identity(QStringLiteral("client"));
    tls.storeDir = ferry::test::dataDir(QStringLiteral("client"));
    tls.trustNew = true;
    session.setTls(tls);
}
} // namespace

class tst_ServerTab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startShowsAddressesAndTotals();
    void downloadAppearsInTheLog();
    void refusalAppearsInTheLog();
    void portInUseShowsABanner();
    void missingFolderShowsABanner();
    void droppedFolderIsChosen();
    void droppedFileIsRefused();
    void languageSwitchRerendersOldRows();
    void passwordProtectsTheShare();
    void stopDuringASendAsksAndLogsAborted();
    void wrongPasswordIsLoggedAsRefused();
    void logFollowsNewRowsOnlyAtTheBottom();
    void choosingAFolderClearsTheHint();
    void aFileIsNotAFolder();
    void saveDialogSpeaksTheAppLanguage();

private:
    void startFromUi(const QString &folder = {});
    void fetch(const QString &name, const QString &outputDir);

    QTemporaryDir m_share;
    std::unique_ptr<ServerTab> m_tab;
};

void tst_ServerTab::initTestCase()
{
    QVERIFY(m_share.isValid());
    test::writeRandomFile(m_share.filePath(QStringLiteral("a.bin")), 300000, 1);
    test::writeRandomFile(m_share.filePath(QStringLiteral("b.txt")), 1000, 2);
}

void tst_ServerTab::init()
{
    m_tab = std::make_unique<ServerTab>();
    m_tab->resize(800, 600);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_ServerTab::cleanup()
{
    m_tab.reset();
}

void tst_ServerTab::startFromUi(const QString &path)
{
    auto *folder = m_tab->findChild<QLineEdit *>(QStringLiteral("sharedFolder"));
    folder->clear();
    QTest::keyClicks(folder, path.isEmpty() ? m_share.path() : path);
    auto *port = m_tab->findChild<QSpinBox *>(QStringLiteral("serverPort"));
    port->setValue(0);
    QTest::mouseClick(
        m_tab->findChild<QRadioButton *>(QStringLiteral("localOnly")), Qt::LeftButton);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY2(m_tab->isRunning(), qPrintable(m_tab->bannerText()));
    QVERIFY(m_tab->listeningPort() != 0);
}

void tst_ServerTab::fetch(const QString &name, const QString &outputDir)
{
    ClientSession session;
    trustOnFirstUse(session);
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    session.connectToServer(QStringLiteral("127.0.0.1"), m_tab->listeningPort());
    GetOptions options;
    options.outputDir = outputDir;
    session.requestFile(name, {}, options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
}

void tst_ServerTab::startShowsAddressesAndTotals()
{
    startFromUi();
    const QString address = QStringLiteral("127.0.0.1:%1").arg(m_tab->listeningPort());
    auto *shown = m_tab->findChild<QLineEdit *>(QStringLiteral("address0"));
    QVERIFY(shown);
    QCOMPARE(shown->text(), address);
    auto *stats = m_tab->findChild<QLabel *>(QStringLiteral("shareStats"));
    // Until an English .qm supplies plural forms, %n reads "2 file(s)".
    QTRY_VERIFY_WITH_TIMEOUT(stats->text().startsWith(QStringLiteral("2 file")), 20000);
    QVERIFY2(
        stats->text().contains(QLocale().formattedDataSize(301000)), qPrintable(stats->text()));
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
}

void tst_ServerTab::downloadAppearsInTheLog()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("a.bin"), out.path());
    LogModel *log = m_tab->logModel();
    const auto hasSent = [log] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::RequestColumn).data().toString()
                    == QStringLiteral("a.bin")
                && log->index(row, LogModel::ResultColumn).data().toString()
                    == QStringLiteral("done, verified sent"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasSent(), 20000);
    QVERIFY(log->index(0, LogModel::PeerColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("127.0.0.1:")));
}

void tst_ServerTab::refusalAppearsInTheLog()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("nothing-here.txt"), out.path());
    LogModel *log = m_tab->logModel();
    const QString expected
        = QStringLiteral("refused: The server has no file named \"nothing-here.txt\".");
    const auto hasRefusal = [&] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::ResultColumn).data().toString() == expected)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasRefusal(), 20000);
}

void tst_ServerTab::portInUseShowsABanner()
{
    Server other;
    ServerConfig config;
    config.root = m_share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY(other.start(config, &error));
    m_tab->setFolder(m_share.path());
    m_tab->setLocalOnly(true);
    m_tab->setPort(other.serverPort());
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QVERIFY2(
        m_tab->bannerText().startsWith(
            QStringLiteral("Port %1 is already in use by another program").arg(other.serverPort())),
        qPrintable(m_tab->bannerText()));
    // ...and says what to do about it.
    QVERIFY2(m_tab->bannerText().contains(QStringLiteral("any free port")),
        qPrintable(m_tab->bannerText()));
    QVERIFY(other.isRunning());
}

void tst_ServerTab::missingFolderShowsABanner()
{
    m_tab->setFolder(m_share.filePath(QStringLiteral("gone")));
    m_tab->setPort(0);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QVERIFY2(m_tab->bannerText().startsWith(QStringLiteral("The shared folder does not exist")),
        qPrintable(m_tab->bannerText()));
}

void tst_ServerTab::droppedFolderIsChosen()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_share.path())});
    const QPoint pos(20, 20);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(m_tab->findChild<QLabel *>(QStringLiteral("dropHint"))->isVisible());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!m_tab->findChild<QLabel *>(QStringLiteral("dropHint"))->isVisible());
    QCOMPARE(m_tab->folder(), m_share.path());
}

void tst_ServerTab::droppedFileIsRefused()
{
    m_tab->setFolder(QStringLiteral("/before"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_share.filePath(QStringLiteral("a.bin")))});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(m_tab->folder(), QStringLiteral("/before"));
}

namespace {

/// Stands in for a loaded .qm: upper-cases two of the tab's strings.
class ShoutingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArray text(source);
        if (text == "done, verified sent" || text == "Stop sharing")
            return QString::fromLatin1(text.toUpper());
        Q_UNUSED(context);
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void tst_ServerTab::languageSwitchRerendersOldRows()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("b.txt"), out.path());
    LogModel *log = m_tab->logModel();
    const auto sentRow = [log] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::RequestColumn).data().toString()
                    == QStringLiteral("b.txt")
                && log->index(row, LogModel::ResultColumn)
                       .data()
                       .toString()
                       .startsWith(QStringLiteral("done")))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sentRow() >= 0, 20000);
    const int row = sentRow();

    ShoutingTranslator translator;
    QSignalSpy repaint(log, &QAbstractItemModel::dataChanged);
    QCoreApplication::installTranslator(&translator); // sends LanguageChange to every widget
    QTRY_COMPARE(log->index(row, LogModel::ResultColumn).data().toString(),
        QStringLiteral("DONE, VERIFIED SENT"));
    QTRY_VERIFY(repaint.size() > 0);
    QCOMPARE(m_tab->findChild<QPushButton *>(QStringLiteral("startStop"))->text(),
        QStringLiteral("STOP SHARING"));
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(m_tab->findChild<QPushButton *>(QStringLiteral("startStop"))->text(),
        QStringLiteral("Stop sharing"));
}

namespace {

struct ListOutcome
{
    bool done = false;
    ErrorCode failure = ErrorCode::None;
    QStringList names;
};

/// Lists the share at \a port over a real connection, proving \a password if the share asks.
ListOutcome listShare(quint16 port, const QByteArray &password)
{
    ListOutcome outcome;
    ClientSession session;
    trustOnFirstUse(session);
    session.setPassword(password);
    QObject::connect(&session, &ClientSession::ready, &session, &ClientSession::requestList);
    QObject::connect(
        &session, &ClientSession::listReceived, [&](const QList<protocol::FileEntry> &entries) {
            for (const protocol::FileEntry &entry : entries)
                outcome.names << entry.name;
            outcome.done = true;
        });
    QObject::connect(&session, &ClientSession::failed, [&](const Failure &failure) {
        outcome.failure = failure.code;
        outcome.done = true;
    });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    QTest::qWaitFor([&] { return outcome.done; }, 20000);
    return outcome;
}

} // namespace

void tst_ServerTab::passwordProtectsTheShare()
{
    const QString secret = QStringLiteral("correct horse 42");
    auto *password = m_tab->findChild<QLineEdit *>(QStringLiteral("sharePassword"));
    auto *note = m_tab->findChild<QLabel *>(QStringLiteral("sharePasswordNote"));
    QVERIFY(password && note);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(!note->isVisible());
    QTest::keyClicks(password, secret);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("encrypted")), qPrintable(note->text()));
    startFromUi();
    QVERIFY(!password->isEnabled());

    const ListOutcome without = listShare(m_tab->listeningPort(), {});
    QVERIFY(without.done);
    QCOMPARE(without.failure, ErrorCode::AuthRequired);
    QVERIFY(without.names.isEmpty());

    const ListOutcome with = listShare(m_tab->listeningPort(), secret.toUtf8());
    QVERIFY(with.done);
    QCOMPARE(with.failure, ErrorCode::None);
    QStringList names = with.names;
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("a.bin"), QStringLiteral("b.txt")}));

    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(password->isEnabled());
    QVERIFY(note->isVisible());
    password->clear();
    QVERIFY(!note->isVisible());
    QTest::keyClicks(password, secret);

    // Closing the tab saves its settings; the password must not be among them.
    m_tab.reset();
    UiSettings settings;
    const QStringList keys = settings.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys)
        QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));
}

namespace {

/// Runs \a act on the next modal dialog once it is up (exec() blocks the test meanwhile).
void onNextDialog(std::function<void(QWidget *)> act)
{
    QTimer::singleShot(0, qApp, [act] {
        QWidget *dialog = nullptr;
        QTest::qWaitFor([&] { return (dialog = QApplication::activeModalWidget()) != nullptr; });
        act(dialog);
    });
}

/// The Result cell of the newest row about \a name, or "".
QString lastResultFor(LogModel *log, const QString &name)
{
    for (int row = log->rowCount() - 1; row >= 0; --row) {
        if (log->index(row, LogModel::RequestColumn).data().toString() == name)
            return log->index(row, LogModel::ResultColumn).data().toString();
    }
    return {};
}

} // namespace

// A client that asked for a big file and reads nothing keeps the send in flight.
void tst_ServerTab::stopDuringASendAsksAndLogsAborted()
{
    QTemporaryDir big;
    test::writeRandomFile(big.filePath(QStringLiteral("big.bin")), 64 * 1024 * 1024, 3);
    startFromUi(big.path());
    // Encrypted like any client of the tab, then it stops reading.
    QSslSocket client;
    client.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    client.setReadBufferSize(64 * 1024);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_tab->listeningPort());
    QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), 20000);
    client.write(protocol::encodeHello({})
        + protocol::encodeGetRequest(QStringLiteral("big.bin"), Q_INT64_C(1) << 40));
    QTRY_COMPARE_WITH_TIMEOUT(m_tab->activeSends(), 1, 20000);
    LogModel *log = m_tab->logModel();
    QCOMPARE(lastResultFor(log, QStringLiteral("big.bin")), QStringLiteral("requested"));

    auto *startStop = m_tab->findChild<QPushButton *>(QStringLiteral("startStop"));
    QString question;
    onNextDialog([&](QWidget *dialog) {
        question = static_cast<QMessageBox *>(dialog)->text();
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("keepSharing")), Qt::LeftButton);
    });
    QTest::mouseClick(startStop, Qt::LeftButton);
    QCOMPARE(question, QStringLiteral("1 file(s) being sent. Stop sharing anyway?"));
    QVERIFY(m_tab->isRunning());

    onNextDialog([](QWidget *dialog) {
        QTest::mouseClick(
            dialog->findChild<QPushButton *>(QStringLiteral("confirmStop")), Qt::LeftButton);
    });
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QTRY_COMPARE(lastResultFor(log, QStringLiteral("big.bin")),
        QStringLiteral("aborted: sharing was stopped"));
    // It went out partly at most: the client read nothing, so the kernel holds the rest.
    const int row = log->rowCount() - 1;
    QVERIFY(log->event(row).bytes < 64 * 1024 * 1024);
    QCOMPARE(m_tab->transferModel()->rowCount(), 0);
}

void tst_ServerTab::wrongPasswordIsLoggedAsRefused()
{
    m_tab->setPassword(QStringLiteral("right"));
    startFromUi();
    const ListOutcome outcome = listShare(m_tab->listeningPort(), "wrong");
    QCOMPARE(outcome.failure, ErrorCode::AuthFailed);
    LogModel *log = m_tab->logModel();
    const auto refused = [log] {
        for (int row = 0; row < log->rowCount(); ++row) {
            const QString result = log->index(row, LogModel::ResultColumn).data().toString();
            if (result.startsWith(QStringLiteral("error")))
                return result;
            if (result == QStringLiteral("refused: wrong password"))
                return result;
        }
        return QString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(refused(), QStringLiteral("refused: wrong password"), 20000);
}

void tst_ServerTab::logFollowsNewRowsOnlyAtTheBottom()
{
    startFromUi();
    auto *view = m_tab->findChild<QTableView *>(QStringLiteral("logView"));
    QScrollBar *bar = view->verticalScrollBar();
    const auto addRows = [this](int n) {
        for (int i = 0; i < n; ++i) {
            const ListOutcome outcome = listShare(m_tab->listeningPort(), {});
            QVERIFY(outcome.done);
        }
    };
    addRows(15); // three rows each: more than the view shows
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    const int before = m_tab->logModel()->rowCount();
    addRows(2);
    QTRY_VERIFY(m_tab->logModel()->rowCount() >= before + 6);
    QTRY_COMPARE(bar->value(), bar->maximum());

    // A smaller log (splitter, window) still ends at the newest row, and keeps following.
    auto *splitter = m_tab->splitter();
    splitter->setSizes({splitter->height() - 120, 120});
    QTRY_VERIFY(view->height() < 160);
    QTRY_COMPARE(bar->value(), bar->maximum());
    addRows(1);
    QTRY_VERIFY(m_tab->logModel()->rowCount() >= before + 9);
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(0); // the user scrolled up to read
    addRows(2);
    QTRY_VERIFY(m_tab->logModel()->rowCount() >= before + 15);
    QCOMPARE(bar->value(), 0);
}

void tst_ServerTab::choosingAFolderClearsTheHint()
{
    m_tab->setFolder({});
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QCOMPARE(m_tab->bannerText(), QStringLiteral("Choose a folder to share first."));
    auto *folder = m_tab->findChild<QLineEdit *>(QStringLiteral("sharedFolder"));
    QTest::keyClicks(folder, m_share.path());
    QCOMPARE(m_tab->bannerText(), QString());
}

void tst_ServerTab::aFileIsNotAFolder()
{
    const QString file = m_share.filePath(QStringLiteral("b.txt"));
    m_tab->setFolder(file);
    m_tab->setPort(0);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QCOMPARE(m_tab->bannerText(),
        QStringLiteral("%1 is a file, not a folder. Choose the folder to share.").arg(file));
}

// Under Chinese the dialog must say 文件夹, not "Folder", and date files the Chinese way.
void tst_ServerTab::saveDialogSpeaksTheAppLanguage()
{
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    test::writeRandomFile(dir.filePath(QStringLiteral("old.txt")), 10, 4);
    const QLocale before;
    const QLocale chinese(QLocale::Chinese, QLocale::China);
    QLocale::setDefault(chinese);
    QTranslator qt;
    QVERIFY(qt.load(chinese, QStringLiteral("qtbase"), QStringLiteral("_"),
        QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCoreApplication::installTranslator(&qt);
    QString type;
    QString date;
    QString expectedDate;
    onNextDialog([&](QWidget *widget) {
        auto *dialog = qobject_cast<QFileDialog *>(widget);
        QVERIFY(dialog);
        dialog->setDirectory(dir.path());
        auto *view = dialog->findChild<QTreeView *>();
        QVERIFY(view);
        QTRY_COMPARE(view->model()->rowCount(view->rootIndex()), 2);
        for (int row = 0; row < 2; ++row) {
            const QModelIndex name = view->model()->index(row, 0, view->rootIndex());
            if (name.data().toString() == QStringLiteral("sub"))
                type = name.siblingAtColumn(2).data().toString();
            else
                date = name.siblingAtColumn(3).data().toString();
        }
        expectedDate
            = chinese.toString(QFileInfo(dir.filePath(QStringLiteral("old.txt"))).lastModified(),
                QLocale::ShortFormat);
        dialog->reject();
    });
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("saveLog")), Qt::LeftButton);
    QCoreApplication::removeTranslator(&qt);
    QLocale::setDefault(before);
    QCOMPARE(type, QStringLiteral("\u6587\u4ef6\u5939")); // 文件夹
    QCOMPARE(date, expectedDate);
}

QTEST_MAIN(tst_ServerTab)
#include "tst_servertab.moc"
