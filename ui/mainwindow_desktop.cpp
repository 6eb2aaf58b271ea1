// The window's life on the desktop: closing and quitting, the tray, notifications and
// "share on login". The menus and tabs are in mainwindow.cpp.
#include "mainwindow.h"

#include "autostart.h"
#include "clienttab.h"
#include "logmodel.h"
#include "servertab.h"
#include "transfermodel.h"
#include "tray.h"
#include "uisettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>

namespace ferry {
namespace {

const QString trayKey = QStringLiteral("window/closeToTray");
const QString notifyDownloadsKey = QStringLiteral("notify/downloads");
const QString notifyConnectionsKey = QStringLiteral("notify/connections");

} // namespace

void MainWindow::buildSettingsMenu()
{
    UiSettings settings;
    m_settingsMenu = menuBar()->addMenu(QString());
    m_keepInTray = m_settingsMenu->addAction(QString());
    m_keepInTray->setCheckable(true);
    m_keepInTray->setChecked(trayPreference() == TrayPreference::Keep);
    m_keepInTray->setEnabled(m_trayAvailable);
    connect(m_keepInTray, &QAction::triggered, this, [this](bool keep) {
        setTrayPreference(keep ? TrayPreference::Keep : TrayPreference::Quit);
    });
    m_shareOnLogin = m_settingsMenu->addAction(QString());
    m_shareOnLogin->setCheckable(true);
    m_shareOnLogin->setChecked(Autostart::isEnabled());
    connect(m_shareOnLogin, &QAction::triggered, this, &MainWindow::setShareOnLogin);

    m_notifyMenu = m_settingsMenu->addMenu(QString());
    m_notifyDownloads = m_notifyMenu->addAction(QString());
    m_notifyConnections = m_notifyMenu->addAction(QString());
    for (auto [action, key] : {std::pair {m_notifyDownloads, notifyDownloadsKey},
             std::pair {m_notifyConnections, notifyConnectionsKey}}) {
        action->setCheckable(true);
        action->setChecked(settings.value(key, true).toBool());
        connect(action, &QAction::toggled, this,
            [key = key](bool on) { UiSettings().setValue(key, on); });
    }
}

TrayPreference MainWindow::trayPreference() const
{
    const QString value = UiSettings().value(trayKey).toString();
    if (value == QLatin1String("keep"))
        return TrayPreference::Keep;
    if (value == QLatin1String("quit"))
        return TrayPreference::Quit;
    return TrayPreference::Ask;
}

void MainWindow::setTrayPreference(TrayPreference preference)
{
    UiSettings().setValue(trayKey,
        preference == TrayPreference::Keep ? QStringLiteral("keep") : QStringLiteral("quit"));
    m_keepInTray->setChecked(preference == TrayPreference::Keep);
}

void MainWindow::setTrayAvailable(bool available)
{
    m_trayAvailable = available;
    m_keepInTray->setEnabled(available);
    m_tray->setVisible(available);
    retranslateUi();
}

Activity MainWindow::activity() const
{
    Activity now;
    now.sharing = m_serverTab->isRunning();
    const TransferModel *downloads = m_clientTab->transferModel();
    // A folder counts once, whether or not its files are shown.
    for (quint64 id : downloads->topLevel())
        now.downloads += downloads->isActive(id) ? 1 : 0;
    now.sends = m_serverTab->activeSends();
    return now;
}

void MainWindow::quit()
{
    m_quitRequested = true;
    close();
    m_quitRequested = false;
}

void MainWindow::showAndRaise()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::launch(bool minimized, bool shareLast)
{
    const bool started = !shareLast || m_serverTab->start();
    if (minimized && started && m_trayAvailable)
        return; // in the tray only
    if (minimized && started)
        showMinimized();
    else
        show();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const CloseRequest request = m_quitRequested ? CloseRequest::Quit : CloseRequest::Window;
    const Activity now = activity();
    CloseAction action = closeAction(request, now, m_trayAvailable, trayPreference());
    if (action == CloseAction::AskTray)
        action = askTray(now);
    saveWindowState();
    switch (action) {
    case CloseAction::AskTray: // cancelled
        event->ignore();
        return;
    case CloseAction::HideToTray:
        event->ignore();
        hideToTray();
        return;
    case CloseAction::ConfirmQuit:
        if (!confirmQuit(now)) {
            event->ignore();
            return;
        }
        break;
    case CloseAction::Close:
        break;
    }
    m_tray->setVisible(false);
    QMainWindow::closeEvent(event);
    emit quitAccepted();
}

void MainWindow::saveWindowState() const
{
    UiSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/tab"), m_tabs->currentIndex());
    settings.setValue(QStringLiteral("window/statusBar"), m_showStatusBar->isChecked());
}

/// Two sentences in a row: English puts a space between them, Chinese does not.
static QString sentences(const QString &first, const QString &second)
{
    if (first.isEmpty() || second.isEmpty())
        return first + second;
    return MainWindow::tr("%1 %2", "two sentences in a row").arg(first, second);
}

/// "1 download in progress. 2 files being sent." for the prompts.
static QString inFlightText(const Activity &now)
{
    return sentences(now.downloads > 0
            ? MainWindow::tr("%n download(s) in progress.", nullptr, now.downloads)
            : QString(),
        now.sends > 0 ? MainWindow::tr("%n file(s) being sent.", nullptr, now.sends) : QString());
}

bool MainWindow::confirmQuit(const Activity &now)
{
    QMessageBox box(QMessageBox::Warning, tr("Quit Ferry"),
        sentences(inFlightText(now), tr("Quit anyway?")), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmQuit"));
    if (now.downloads > 0)
        box.setInformativeText(tr("An unfinished download keeps its .part file, so it can be "
                                  "resumed later."));
    QPushButton *quit = box.addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == quit;
}

CloseAction MainWindow::askTray(const Activity &now)
{
    QString text = now.sharing
        ? tr("Ferry is sharing %1.").arg(QDir::toNativeSeparators(m_serverTab->folder()))
        : QString();
    text = sentences(text, inFlightText(now));
    QMessageBox box(QMessageBox::Question, tr("Keep Ferry running?"),
        sentences(text, tr("Keep it running in the tray?")), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("askTray"));
    box.setInformativeText(tr("The tray icon opens the window again. Ferry remembers your "
                              "answer; change it under Settings."));
    QPushButton *keep = box.addButton(tr("&Keep running"), QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(tr("&Quit"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep) {
        setTrayPreference(TrayPreference::Keep);
        return CloseAction::HideToTray;
    }
    if (box.clickedButton() == quit) {
        setTrayPreference(TrayPreference::Quit);
        return CloseAction::Close; // the question already said what is in flight
    }
    return CloseAction::AskTray;
}

void MainWindow::hideToTray()
{
    hide();
    if (!m_toldAboutTray) {
        m_toldAboutTray = true;
        m_tray->showMessage(tr("Ferry is still running"),
            tr("Ferry keeps sharing and downloading in the tray. Click its icon to open the "
               "window."),
            true);
    }
}

void MainWindow::notify(const QString &title, const QString &message, bool ok)
{
    statusBar()->showMessage(message, 10000);
    m_tray->showMessage(title, message, ok);
    emit notified(title, message);
}

void MainWindow::showEvent(QShowEvent *event)
{
    m_notifiedPeers.clear(); // the log is in view again; the next absence starts afresh
    QMainWindow::showEvent(event);
}

void MainWindow::onLogRows(int first, int last)
{
    if (!m_notifyConnections->isChecked() || (isVisible() && !isMinimized()))
        return;
    const LogModel *log = m_serverTab->logModel();
    for (int row = first; row <= last && row < log->rowCount(); ++row) {
        const ServerEvent event = log->event(row);
        if (event.kind != ServerEvent::Kind::Connected)
            continue;
        // Each download is its own connection: say so once per computer, not once per file.
        const int colon = int(event.peer.lastIndexOf(QLatin1Char(':')));
        const QString host = colon > 0 ? event.peer.left(colon) : event.peer;
        if (m_notifiedPeers.contains(host))
            continue;
        m_notifiedPeers.insert(host);
        notify(tr("Incoming connection"), tr("%1 connected to your share.").arg(host), true);
    }
}

void MainWindow::setShareOnLogin(bool enabled)
{
    QString error;
    if (Autostart::setEnabled(enabled, QCoreApplication::applicationFilePath(), &error))
        return;
    m_shareOnLogin->setChecked(Autostart::isEnabled());
    QMessageBox::warning(this, tr("Share on login"),
        tr("Could not change %1: %2").arg(QDir::toNativeSeparators(Autostart::entryPath()), error));
}

} // namespace ferry
