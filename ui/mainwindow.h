#pragma once

#include "closepolicy.h"

#include <QMainWindow>
#include <QSet>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QTabWidget;

namespace ferry {

class ClientTab;
class ServerTab;
class Tray;

/// Ferry's window: a Server tab and a Client tab, menus, a status bar, the tray icon and
/// desktop notifications.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerTab *serverTab() const { return m_serverTab; }
    ClientTab *clientTab() const { return m_clientTab; }
    QTabWidget *tabs() const { return m_tabs; }
    Tray *tray() const { return m_tray; }

    /// Whether closing may keep Ferry in the tray: the desktop's answer unless overridden
    /// (a test on a platform without a tray, or a desktop that misreports it).
    bool trayAvailable() const { return m_trayAvailable; }
    void setTrayAvailable(bool available);
    /// What closing now would end.
    Activity activity() const;
    /// Quit, as File > Quit and the tray's Quit do: asks first while files are in flight.
    void quit();
    /// Shows the window (from the tray, or for a second launch) and brings it to the front.
    void showAndRaise();
    /// Starts the window as `ferry [--minimized] [--share-last]` asks: \a shareLast starts
    /// the saved folder's share; \a minimized then stays in the tray (or starts minimized
    /// where there is none). A share that fails to start shows the window with its banner.
    void launch(bool minimized, bool shareLast);

signals:
    /// The user picked a language: "" for the system's, else a locale name such as "zh_CN".
    /// The localization work loads the translators and answers with a LanguageChange.
    void languageRequested(const QString &localeName);
    /// The window closed for good (not into the tray): the application should end.
    void quitAccepted();
    /// A desktop notification was raised (shown in the tray where there is one).
    void notified(const QString &title, const QString &message);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildMenus();
    void buildSettingsMenu();
    void retranslateUi();
    void showAbout();
    void notify(const QString &title, const QString &message, bool ok);
    void onLogRows(int first, int last);
    void updateServerStatus(bool running);
    void showTab(int index);
    void saveWindowState() const;
    bool confirmQuit(const Activity &activity);
    CloseAction askTray(const Activity &activity);
    void hideToTray();
    void setShareOnLogin(bool enabled);
    TrayPreference trayPreference() const;
    void setTrayPreference(TrayPreference preference);

    QTabWidget *m_tabs;
    ServerTab *m_serverTab;
    ClientTab *m_clientTab;
    Tray *m_tray;
    bool m_trayAvailable;
    bool m_quitRequested = false;
    bool m_toldAboutTray = false;
    QSet<QString> m_notifiedPeers; ///< Hosts already announced while the window is hidden.
    QLabel *m_serverStatus;
    QMenu *m_fileMenu;
    QMenu *m_viewMenu;
    QMenu *m_languageMenu;
    QMenu *m_settingsMenu;
    QMenu *m_notifyMenu;
    QMenu *m_helpMenu;
    QAction *m_quit;
    QAction *m_devices = nullptr;
    QAction *m_showServer;
    QAction *m_showClient;
    QAction *m_showStatusBar;
    QActionGroup *m_languages;
    QAction *m_langSystem;
    QAction *m_langEnglish;
    QAction *m_langChinese;
    QAction *m_keepInTray;
    QAction *m_shareOnLogin;
    QAction *m_notifyDownloads;
    QAction *m_notifyConnections;
    QAction *m_about;
    QAction *m_aboutQt;
};

} // namespace ferry
