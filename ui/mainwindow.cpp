#include "mainwindow.h"

#include "appicon.h"
#include "clienttab.h"
#include "devicesdialog.h"
#include "logmodel.h"
#include "remotelistmodel.h"
#include "servertab.h"
#include "tray.h"
#include "uisettings.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>

namespace ferry {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_serverTab(new ServerTab(m_tabs))
    , m_clientTab(new ClientTab(m_tabs))
    , m_tray(new Tray(this))
    , m_trayAvailable(QSystemTrayIcon::isSystemTrayAvailable())
    , m_serverStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(AppIcon::icon());
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_serverTab, QString());
    m_tabs->addTab(m_clientTab, QString());
    setCentralWidget(m_tabs);
    statusBar()->addPermanentWidget(m_serverStatus);
    buildMenus();

    connect(m_tray, &Tray::openRequested, this, &MainWindow::showAndRaise);
    connect(m_tray, &Tray::stopSharingRequested, m_serverTab, &ServerTab::requestStop);
    connect(m_tray, &Tray::quitRequested, this, &MainWindow::quit);
    m_tray->setVisible(m_trayAvailable);
    const auto status = [this](const QString &text) { statusBar()->showMessage(text, 8000); };
    connect(m_serverTab, &ServerTab::statusMessage, this, status);
    connect(m_clientTab, &ClientTab::statusMessage, this, status);
    connect(m_serverTab, &ServerTab::runningChanged, this, &MainWindow::updateServerStatus);
    connect(m_clientTab, &ClientTab::notice, this,
        [this](const QString &title, const QString &message, bool ok) {
            if (m_notifyDownloads->isChecked())
                notify(title, message, ok);
        });
    connect(m_serverTab->logModel(), &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { onLogRows(first, last); });

    UiSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(960, 640);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("window/tab"), 0).toInt());
    m_showStatusBar->setChecked(settings.value(QStringLiteral("window/statusBar"), true).toBool());
    const QString language = settings.value(QStringLiteral("ui/language")).toString();
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == language);
    retranslateUi();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_devices = m_fileMenu->addAction(QString(), this, [this] {
        DevicesDialog dialog(this);
        dialog.exec();
    });
    m_devices->setObjectName(QStringLiteral("devicesAction"));
    m_fileMenu->addSeparator();
    m_quit = m_fileMenu->addAction(QString(), this, &MainWindow::quit);
    m_quit->setShortcut(QKeySequence::Quit);
    m_quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(QString());
    m_showServer = m_viewMenu->addAction(QString(), this, [this] { showTab(0); });
    m_showServer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_showClient = m_viewMenu->addAction(QString(), this, [this] { showTab(1); });
    m_showClient->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_viewMenu->addSeparator();
    m_showStatusBar = m_viewMenu->addAction(QString());
    m_showStatusBar->setCheckable(true);
    connect(m_showStatusBar, &QAction::toggled, statusBar(), &QWidget::setVisible);

    m_languageMenu = menuBar()->addMenu(QString());
    m_languages = new QActionGroup(this);
    m_languages->setExclusive(true);
    m_langSystem = m_languageMenu->addAction(QString());
    m_langSystem->setData(QString());
    m_langEnglish = m_languageMenu->addAction(QStringLiteral("English"));
    m_langEnglish->setData(QStringLiteral("en"));
    // Each language is named in itself, so nobody needs to read the current one to switch.
    m_langChinese = m_languageMenu->addAction(QString::fromUtf8("\u7b80\u4f53\u4e2d\u6587"));
    m_langChinese->setData(QStringLiteral("zh_CN"));
    for (QAction *action : {m_langSystem, m_langEnglish, m_langChinese}) {
        action->setCheckable(true);
        m_languages->addAction(action);
    }
    connect(m_languages, &QActionGroup::triggered, this, [this](QAction *action) {
        const QString name = action->data().toString();
        UiSettings().setValue(QStringLiteral("ui/language"), name);
        emit languageRequested(name);
    });

    buildSettingsMenu();

    m_helpMenu = menuBar()->addMenu(QString());
    m_about = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_about->setMenuRole(QAction::AboutRole);
    m_aboutQt = m_helpMenu->addAction(QString(), qApp, &QApplication::aboutQt);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Ferry"));
    m_tabs->setTabText(0, tr("&Server"));
    m_tabs->setTabToolTip(0, tr("Share a folder with computers on your network"));
    m_tabs->setTabText(1, tr("&Client"));
    m_tabs->setTabToolTip(1, tr("Download files from another computer running Ferry"));
    m_fileMenu->setTitle(tr("&File"));
    m_devices->setText(tr("&Devices..."));
    m_quit->setText(tr("&Quit"));
    m_viewMenu->setTitle(tr("&View"));
    m_showServer->setText(tr("&Server tab"));
    m_showClient->setText(tr("&Client tab"));
    m_showStatusBar->setText(tr("Status &bar"));
    m_languageMenu->setTitle(tr("&Language"));
    m_langSystem->setText(tr("&System language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_about->setText(tr("&About Ferry"));
    m_aboutQt->setText(tr("About &Qt"));
    m_settingsMenu->setTitle(tr("Sett&ings"));
    m_keepInTray->setText(tr("&Keep running in the tray when the window closes"));
    m_keepInTray->setToolTip(m_trayAvailable
            ? QString()
            : tr("This desktop has no system tray: closing the window quits Ferry."));
    m_shareOnLogin->setText(tr("Share on &login"));
    m_shareOnLogin->setToolTip(tr("Start Ferry in the tray when you log in, sharing the "
                                  "last folder"));
    m_notifyMenu->setTitle(tr("&Notifications"));
    m_notifyDownloads->setText(tr("Finished &downloads"));
    m_notifyConnections->setText(tr("&Incoming connections while the window is hidden"));
    m_tray->retranslate();
    updateServerStatus(m_serverTab->isRunning());
}

void MainWindow::updateServerStatus(bool running)
{
    m_serverStatus->setText(
        running ? tr("Sharing on port %1").arg(m_serverTab->listeningPort()) : tr("Not sharing"));
    m_tray->setSharing(running ? m_serverTab->folder() : QString(), m_serverTab->listeningPort());
}

void MainWindow::showTab(int index)
{
    m_tabs->setCurrentIndex(index);
    // Ctrl+1 / Ctrl+2 lead somewhere to type: the folder on the server tab; the host on the
    // client tab, or the name box once a listing is shown.
    QStringList fields;
    if (index == 0)
        fields = {QStringLiteral("sharedFolder"), QStringLiteral("startStop")};
    else if (m_clientTab->listModel()->rowCount() > 0)
        fields = {QStringLiteral("remoteName"), QStringLiteral("host")};
    else
        fields = {QStringLiteral("host"), QStringLiteral("remoteName")};
    for (const QString &name : std::as_const(fields)) {
        auto *field = m_tabs->widget(index)->findChild<QWidget *>(name);
        if (field && field->isEnabled() && field->focusPolicy() != Qt::NoFocus) {
            field->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Ferry"),
        tr("<h3>Ferry %1</h3>"
           "<p>Share a folder on your local network and fetch files from it, "
           "each one checked with MD5.</p>"
           "<p>Built with Qt %2 (running on Qt %3).</p>"
           "<p>Released under the MIT license.</p>")
            .arg(QStringLiteral(FERRY_VERSION), QStringLiteral(QT_VERSION_STR),
                QString::fromLatin1(qVersion())));
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

} // namespace ferry
