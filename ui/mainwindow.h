#pragma once

#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QSystemTrayIcon;
class QTabWidget;

namespace ferry {

class ClientTab;
class ServerTab;

/// Ferry's window: a Server tab and a Client tab, menus, a status bar and tray notices.
/// With FERRY_DEMO_DIR set it fills itself with a scripted state for screenshots.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ServerTab *serverTab() const { return m_serverTab; }
    ClientTab *clientTab() const { return m_clientTab; }
    QTabWidget *tabs() const { return m_tabs; }

signals:
    /// The user picked a language: "" for the system's, else a locale name such as "zh_CN".
    /// The localization work loads the translators and answers with a LanguageChange.
    void languageRequested(const QString &localeName);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void retranslateUi();
    void showAbout();
    void notify(const QString &title, const QString &message, bool ok);
    void updateServerStatus(bool running);
    void showTab(int index);

    QTabWidget *m_tabs;
    ServerTab *m_serverTab;
    ClientTab *m_clientTab;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_serverStatus;
    QMenu *m_fileMenu;
    QMenu *m_viewMenu;
    QMenu *m_languageMenu;
    QMenu *m_helpMenu;
    QAction *m_quit;
    QAction *m_showServer;
    QAction *m_showClient;
    QAction *m_showStatusBar;
    QActionGroup *m_languages;
    QAction *m_langSystem;
    QAction *m_langEnglish;
    QAction *m_langChinese;
    QAction *m_about;
    QAction *m_aboutQt;
};

} // namespace ferry
