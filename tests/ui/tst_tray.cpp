// Closing, quitting, the tray, notifications and "share on login" (issues 16.1 and 17).
// The offscreen platform has no tray, so the no-tray path runs for real; the tray path runs
// through the same window with MainWindow::setTrayAvailable(true).
#include "autostart.h"
#include "clienttab.h"
#include "closepolicy.h"
#include "hostilepeer.h"
#include "languages.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "servertab.h"
#include "testidentity.h"
#include "testutil.h"
#include "tls/tlsconfig.h"
#include "transfermodel.h"
#include "tray.h"
#include "uisettings.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslSocket>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ferry;

Q_DECLARE_METATYPE(ferry::CloseRequest)
Q_DECLARE_METATYPE(ferry::TrayPreference)
Q_DECLARE_METATYPE(ferry::CloseAction)

namespace {

/// Answers the next message box the window opens: keeps its text, clicks \a button
/// ("Cancel" or a button's text without its access key).
class BoxAnswer : public QObject
{
public:
    explicit BoxAnswer(const QString &button) : m_button(button)
    {
        connect(&m_poll, &QTimer::timeout, this, &BoxAnswer::poll);
        m_poll.start(10);
    }
    QString text;
    QString name;
    QStringList buttons;

private:
    void poll()
    {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        m_poll.stop();
        text = box->text();
        name = box->objectName();
        QAbstractButton *target = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            const QString plain = button->text().remove(QLatin1Char('&'));
            buttons << plain;
            if (plain == m_button)
                target = button;
        }
        if (!target)
            target = box->button(QMessageBox::Cancel);
        target->click();
    }
    QString m_button;
    QTimer m_poll;
};

QMenu *menuTitled(QMainWindow &window, const QString &title)
{
    for (QAction *action : window.menuBar()->actions()) {
        if (action->text() == title)
            return action->menu();
    }
    return nullptr;
}

QAction *actionTitled(QMenu *menu, const QString &text)
{
    for (QAction *action : menu->actions()) {
        if (action->text() == text)
            return action;
        if (action->menu()) {
            if (QAction *inner = actionTitled(action->menu(), text))
                return inner;
        }
    }
    return nullptr;
}

/// How many connections the server tab's log has recorded.
int connections(MainWindow &window)
{
    const LogModel *log = window.serverTab()->logModel();
    int count = 0;
    for (int row = 0; row < log->rowCount(); ++row)
        count += log->event(row).kind == ServerEvent::Kind::Connected ? 1 : 0;
    return count;
}

} // namespace

class tst_Tray : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void closePolicy_data();
    void closePolicy();
    void offscreenHasNoTray();
    void idleWindowClosesWithoutAsking();
    void quitDuringADownloadAsks();
    void closeWithoutTrayAsksLikeQuit();
    void firstCloseWhileSharingOffersTheTray();
    void trayMenuShowsSharingAndStops();
    void trayStopDuringASendAsks();
    void downloadNotificationsCanBeMuted();
    void incomingConnectionNotifiesWhenHidden();
    void launchMinimizedSharesTheLastFolder();
    void shareOnLoginWritesTheAutostartEntry();

private:
    /// Starts a download that stays "connecting": the server accepts and never greets.
    void startStuckDownload(MainWindow &window);
    void share(MainWindow &window);

    QTemporaryDir m_dir;
    QTcpServer m_silent;
    Languages m_languages;
};

void tst_Tray::initTestCase()
{
    m_languages.apply(QStringLiteral("en")); // the plural forms live in ferry_en.ts
}

void tst_Tray::init()
{
    UiSettings().clear();
    qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
    QFile::remove(Autostart::entryPath());
}

void tst_Tray::startStuckDownload(MainWindow &window)
{
    if (!m_silent.isListening())
        QVERIFY(m_silent.listen(QHostAddress::LocalHost));
    window.clientTab()->setDestination(m_dir.path());
    window.clientTab()->setHost(QStringLiteral("127.0.0.1"), m_silent.serverPort());
    window.clientTab()->request({QStringLiteral("big.bin")});
    QCOMPARE(window.activity().downloads, 1);
}

void tst_Tray::share(MainWindow &window)
{
    window.serverTab()->setFolder(m_dir.path());
    window.serverTab()->setPort(0);
    QVERIFY(window.serverTab()->start());
}

void tst_Tray::closePolicy_data()
{
    QTest::addColumn<CloseRequest>("request");
    QTest::addColumn<bool>("sharing");
    QTest::addColumn<int>("downloads");
    QTest::addColumn<bool>("tray");
    QTest::addColumn<TrayPreference>("preference");
    QTest::addColumn<CloseAction>("expected");
    const auto W = CloseRequest::Window;
    const auto Q = CloseRequest::Quit;
    const auto ask = TrayPreference::Ask;
    const auto keep = TrayPreference::Keep;
    const auto quit = TrayPreference::Quit;
    QTest::newRow("idle window") << W << false << 0 << true << ask << CloseAction::Close;
    QTest::newRow("idle quit") << Q << false << 0 << true << keep << CloseAction::Close;
    QTest::newRow("quit while downloading")
        << Q << false << 1 << true << keep << CloseAction::ConfirmQuit;
    QTest::newRow("quit while sharing only") << Q << true << 0 << true << ask << CloseAction::Close;
    QTest::newRow("no tray, downloading")
        << W << false << 2 << false << ask << CloseAction::ConfirmQuit;
    QTest::newRow("no tray, sharing only") << W << true << 0 << false << ask << CloseAction::Close;
    QTest::newRow("tray, first close while sharing")
        << W << true << 0 << true << ask << CloseAction::AskTray;
    QTest::newRow("tray, first close while downloading")
        << W << false << 1 << true << ask << CloseAction::AskTray;
    QTest::newRow("tray, remembered keep")
        << W << true << 1 << true << keep << CloseAction::HideToTray;
    QTest::newRow("tray, remembered quit, downloading")
        << W << true << 1 << true << quit << CloseAction::ConfirmQuit;
    QTest::newRow("tray, remembered quit, sharing")
        << W << true << 0 << true << quit << CloseAction::Close;
}

void tst_Tray::closePolicy()
{
    QFETCH(CloseRequest, request);
    QFETCH(bool, sharing);
    QFETCH(int, downloads);
    QFETCH(bool, tray);
    QFETCH(TrayPreference, preference);
    QFETCH(CloseAction, expected);
    Activity activity;
    activity.sharing = sharing;
    activity.downloads = downloads;
    QCOMPARE(closeAction(request, activity, tray, preference), expected);
}

void tst_Tray::offscreenHasNoTray()
{
    // The tests below rely on it: the window must take the no-tray path by itself.
    QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
    MainWindow window;
    QVERIFY(!window.trayAvailable());
    QVERIFY(!window.tray()->isVisible());
    QAction *keep = actionTitled(menuTitled(window, QStringLiteral("Sett&ings")),
        QStringLiteral("&Keep running in the tray when the window closes"));
    QVERIFY(keep);
    QVERIFY(!keep->isEnabled());
}

void tst_Tray::idleWindowClosesWithoutAsking()
{
    MainWindow window;
    window.show();
    QSignalSpy closed(&window, &MainWindow::quitAccepted);
    QVERIFY(window.close());
    QCOMPARE(closed.size(), 1);
    QVERIFY(!window.isVisible());
}

void tst_Tray::quitDuringADownloadAsks()
{
    MainWindow window;
    window.show();
    startStuckDownload(window);
    QSignalSpy closed(&window, &MainWindow::quitAccepted);
    {
        BoxAnswer answer(QStringLiteral("Cancel"));
        window.quit(); // File > Quit, Ctrl+Q
        QCOMPARE(answer.name, QStringLiteral("confirmQuit"));
        QCOMPARE(answer.text, QStringLiteral("1 download in progress. Quit anyway?"));
    }
    QVERIFY(window.isVisible());
    QCOMPARE(closed.size(), 0);
    QCOMPARE(window.activity().downloads, 1);
    {
        BoxAnswer answer(QStringLiteral("Quit"));
        QAction *quit
            = actionTitled(menuTitled(window, QStringLiteral("&File")), QStringLiteral("&Quit"));
        QCOMPARE(quit->shortcut(), QKeySequence(QKeySequence::Quit));
        quit->trigger();
        QCOMPARE(answer.name, QStringLiteral("confirmQuit"));
    }
    QCOMPARE(closed.size(), 1);
    QVERIFY(!window.isVisible());
}

void tst_Tray::closeWithoutTrayAsksLikeQuit()
{
    MainWindow window;
    window.show();
    share(window);
    startStuckDownload(window);
    BoxAnswer answer(QStringLiteral("Cancel"));
    QVERIFY(!window.close()); // the title bar's x
    QCOMPARE(answer.name, QStringLiteral("confirmQuit"));
    QVERIFY(answer.text.startsWith(QStringLiteral("1 download in progress.")));
    QVERIFY(window.isVisible());
    QVERIFY(window.serverTab()->isRunning());
}

void tst_Tray::firstCloseWhileSharingOffersTheTray()
{
    MainWindow window;
    window.setTrayAvailable(true);
    window.show();
    share(window);
    QSignalSpy closed(&window, &MainWindow::quitAccepted);
    {
        BoxAnswer answer(QStringLiteral("Keep running"));
        QVERIFY(!window.close());
        QCOMPARE(answer.name, QStringLiteral("askTray"));
        QVERIFY2(answer.text.contains(QStringLiteral("Keep it running in the tray?")),
            qPrintable(answer.text));
        QVERIFY(answer.buttons.contains(QStringLiteral("Quit")));
    }
    QVERIFY(!window.isVisible());
    QVERIFY(window.serverTab()->isRunning());
    QCOMPARE(closed.size(), 0);

    // The answer is remembered: the next close goes straight to the tray.
    window.showAndRaise();
    QVERIFY(window.isVisible());
    QVERIFY(!window.close());
    QVERIFY(!window.isVisible());
    QVERIFY(QApplication::activeModalWidget() == nullptr);
    QVERIFY(window.serverTab()->isRunning());

    // ... and shows in the Settings menu, where it can be changed.
    QAction *keep = actionTitled(menuTitled(window, QStringLiteral("Sett&ings")),
        QStringLiteral("&Keep running in the tray when the window closes"));
    QVERIFY(keep->isChecked());
    keep->trigger();
    window.showAndRaise();
    QVERIFY(window.close());
    QCOMPARE(closed.size(), 1);
}

void tst_Tray::trayMenuShowsSharingAndStops()
{
    MainWindow window;
    window.setTrayAvailable(true);
    QMenu *menu = window.tray()->menu();
    QStringList texts;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            texts << action->text();
    }
    QCOMPARE(texts,
        QStringList({QStringLiteral("Not sharing"), QStringLiteral("&Open Ferry"),
            QStringLiteral("&Stop sharing"), QStringLiteral("&Quit")}));
    QAction *stop = actionTitled(menu, QStringLiteral("&Stop sharing"));
    QVERIFY(!stop->isEnabled());

    share(window);
    const QString state = menu->actions().first()->text();
    QVERIFY2(state.startsWith(
                 QStringLiteral("Sharing \"%1\" on port ").arg(QFileInfo(m_dir.path()).fileName())),
        qPrintable(state));
    QVERIFY(stop->isEnabled());
    stop->trigger();
    QVERIFY(!window.serverTab()->isRunning());
    QCOMPARE(menu->actions().first()->text(), QStringLiteral("Not sharing"));

    actionTitled(menu, QStringLiteral("&Open Ferry"))->trigger();
    QVERIFY(window.isVisible());
    // Quit from the tray while the window is hidden there, with a download running.
    window.hide();
    startStuckDownload(window);
    QSignalSpy closed(&window, &MainWindow::quitAccepted);
    BoxAnswer answer(QStringLiteral("Quit"));
    actionTitled(menu, QStringLiteral("&Quit"))->trigger();
    QCOMPARE(answer.name, QStringLiteral("confirmQuit"));
    QCOMPARE(closed.size(), 1);
}

// The tray's Stop sharing aborts sends just as the button does: it asks the same question.
void tst_Tray::trayStopDuringASendAsks()
{
    QTemporaryDir big;
    test::writeRandomFile(big.filePath(QStringLiteral("big.bin")), 64 * 1024 * 1024, 3);
    MainWindow window;
    window.setTrayAvailable(true);
    window.serverTab()->setFolder(big.path());
    window.serverTab()->setPort(0);
    QVERIFY(window.serverTab()->start());
    // A client that asked for a big file and reads nothing keeps the send in flight.
    // Encrypted like any client of the window's share; it stops reading after the request.
    QSslSocket client;
    client.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    client.setReadBufferSize(64 * 1024);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), 20000);
    client.write(protocol::encodeHello({})
        + protocol::encodeGetRequest(QStringLiteral("big.bin"), Q_INT64_C(1) << 40));
    QTRY_COMPARE_WITH_TIMEOUT(window.serverTab()->activeSends(), 1, 20000);

    QAction *stop = actionTitled(window.tray()->menu(), QStringLiteral("&Stop sharing"));
    {
        BoxAnswer answer(QStringLiteral("Keep sharing"));
        stop->trigger();
        QCOMPARE(answer.name, QStringLiteral("confirmStopSharing"));
        QVERIFY(window.serverTab()->isRunning());
    }
    {
        BoxAnswer answer(QStringLiteral("Stop sharing"));
        stop->trigger();
        QCOMPARE(answer.name, QStringLiteral("confirmStopSharing"));
        QVERIFY(!window.serverTab()->isRunning());
    }
}

void tst_Tray::downloadNotificationsCanBeMuted()
{
    QTemporaryDir share;
    QTemporaryDir downloads;
    for (const char *name : {"a.txt", "b.txt"}) {
        QFile file(share.filePath(QLatin1String(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ferry\n");
    }
    MainWindow window;
    window.show(); // in view: the server's log, not a notification, reports the connection
    window.serverTab()->setFolder(share.path());
    window.serverTab()->setPort(0);
    QVERIFY(window.serverTab()->start());
    window.clientTab()->setDestination(downloads.path());
    window.clientTab()->setHost(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QSignalSpy notified(&window, &MainWindow::notified);
    window.clientTab()->request({QStringLiteral("a.txt")});
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Download verified"));

    QAction *finished = actionTitled(
        menuTitled(window, QStringLiteral("Sett&ings")), QStringLiteral("Finished &downloads"));
    QVERIFY(finished->isChecked());
    finished->trigger();
    window.clientTab()->request({QStringLiteral("b.txt")});
    QTRY_VERIFY(QFile::exists(downloads.filePath(QStringLiteral("b.txt"))));
    QTRY_COMPARE(window.activity().downloads, 0);
    QCOMPARE(notified.size(), 1);
    // The choice outlives the window.
    MainWindow again;
    QVERIFY(!actionTitled(
        menuTitled(again, QStringLiteral("Sett&ings")), QStringLiteral("Finished &downloads"))
                 ->isChecked());
}

void tst_Tray::incomingConnectionNotifiesWhenHidden()
{
    MainWindow window;
    window.show();
    share(window);
    QSignalSpy notified(&window, &MainWindow::notified);
    QSslSocket first; // the share is encrypted: a connection counts once TLS is up
    first.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    first.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_COMPARE(connections(window), 1);
    QCOMPARE(notified.size(), 0); // the window is in view: its log says it

    window.hide();
    QSslSocket second; // the share is encrypted: a connection counts once TLS is up
    second.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    second.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_COMPARE(notified.size(), 1);
    QCOMPARE(notified.at(0).at(0).toString(), QStringLiteral("Incoming connection"));
    QCOMPARE(notified.at(0).at(1).toString(), QStringLiteral("127.0.0.1 connected to your share."));

    // Every download is a connection: the same computer is announced once, not per file.
    QSslSocket again; // the share is encrypted: a connection counts once TLS is up
    again.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    again.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_COMPARE(connections(window), 3);
    QCOMPARE(notified.size(), 1);

    // A new absence announces the computer again...
    window.show();
    window.hide();
    QSslSocket later; // the share is encrypted: a connection counts once TLS is up
    later.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    later.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_COMPARE(notified.size(), 2);

    // ... unless muted.
    actionTitled(menuTitled(window, QStringLiteral("Sett&ings")),
        QStringLiteral("&Incoming connections while the window is hidden"))
        ->trigger();
    window.show();
    window.hide();
    QSslSocket muted; // the share is encrypted: a connection counts once TLS is up
    muted.setSslConfiguration(tlsConfiguration(test::identity(QStringLiteral("client"))));
    muted.connectToHostEncrypted(QStringLiteral("127.0.0.1"), window.serverTab()->listeningPort());
    QTRY_COMPARE(connections(window), 5);
    QCOMPARE(notified.size(), 2);
}

void tst_Tray::launchMinimizedSharesTheLastFolder()
{
    {
        UiSettings settings;
        settings.setValue(QStringLiteral("server/folder"), m_dir.path());
        settings.setValue(QStringLiteral("server/port"), 0);
    }
    {
        // No tray (offscreen): sharing, and the window is on the task bar, minimized.
        MainWindow window;
        window.launch(true, true);
        QVERIFY(window.serverTab()->isRunning());
        QVERIFY(window.isMinimized());
    }
    {
        MainWindow window;
        window.setTrayAvailable(true);
        window.launch(true, true);
        QVERIFY(window.serverTab()->isRunning());
        QVERIFY(!window.isVisible()); // only in the tray
        // The tray's Quit ends a window that was never shown.
        QSignalSpy closed(&window, &MainWindow::quitAccepted);
        actionTitled(window.tray()->menu(), QStringLiteral("&Quit"))->trigger();
        QCOMPARE(closed.size(), 1);
    }
    {
        // A share that can't start shows the window and its banner, even when minimized.
        UiSettings().setValue(
            QStringLiteral("server/folder"), m_dir.filePath(QStringLiteral("gone")));
        MainWindow window;
        window.setTrayAvailable(true);
        window.launch(true, true);
        QVERIFY(!window.serverTab()->isRunning());
        QVERIFY(window.isVisible());
        QVERIFY(!window.isMinimized());
        QVERIFY(!window.serverTab()->bannerText().isEmpty());
    }
}

void tst_Tray::shareOnLoginWritesTheAutostartEntry()
{
    const QString entry = m_dir.filePath(QStringLiteral("config/autostart/ferry.desktop"));
    QCOMPARE(Autostart::entryPath(), entry);
    MainWindow window;
    QAction *login = actionTitled(
        menuTitled(window, QStringLiteral("Sett&ings")), QStringLiteral("Share on &login"));
    QVERIFY(!login->isChecked());
    login->trigger();
    QVERIFY(login->isChecked());
    QFile file(entry);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.startsWith("[Desktop Entry]\n"));
    QVERIFY2(text.contains("Exec=" + QFile::encodeName(QCoreApplication::applicationFilePath())
                 + " --minimized --share-last\n"),
        text.constData());
    file.close();
    // desktop-file-utils (the packaging work's check) agrees it is a valid entry.
    const QString validate
        = QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate"));
    if (!validate.isEmpty()) {
        QProcess check;
        check.start(validate, {entry});
        QVERIFY(check.waitForFinished());
        QVERIFY2(check.exitCode() == 0, check.readAllStandardOutput().constData());
    }
    {
        MainWindow again; // reads the state back from the file
        QVERIFY(actionTitled(
            menuTitled(again, QStringLiteral("Sett&ings")), QStringLiteral("Share on &login"))
                    ->isChecked());
    }
    login->trigger();
    QVERIFY(!login->isChecked());
    QVERIFY(!QFile::exists(entry));

    // A path the desktop would split or expand is quoted.
    QVERIFY(Autostart::entry(QStringLiteral("/opt/my apps/ferry"))
                .contains("Exec=\"/opt/my apps/ferry\" --minimized --share-last\n"));
    QVERIFY(Autostart::entry(QStringLiteral("/opt/100%/ferry")).contains("Exec=/opt/100%%/ferry "));
}

QTEST_MAIN(tst_Tray)
#include "tst_tray.moc"
