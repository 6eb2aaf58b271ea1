#pragma once

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace ferry {

/// Ferry's tray icon and its menu: the sharing state, Open Ferry, Stop sharing and Quit.
/// The menu exists even where the desktop has no tray, so it can be tested anywhere; the
/// icon is only shown where QSystemTrayIcon::isSystemTrayAvailable() says there is a tray.
class Tray : public QObject
{
    Q_OBJECT
public:
    explicit Tray(QObject *parent = nullptr);
    ~Tray() override;

    /// Shows the icon (when \a visible and the desktop has a tray).
    void setVisible(bool visible);
    bool isVisible() const;
    /// \a folder and \a port describe the share; an empty \a folder means not sharing.
    void setSharing(const QString &folder, quint16 port);
    /// A desktop notification, if the desktop shows them.
    void showMessage(const QString &title, const QString &message, bool ok);
    void retranslate();
    QMenu *menu() const { return m_menu; }
    QString stateText() const;

signals:
    void openRequested();
    void stopSharingRequested();
    void quitRequested();

private:
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QAction *m_state;
    QAction *m_open;
    QAction *m_stop;
    QAction *m_quit;
    QString m_folder;
    quint16 m_port = 0;
};

} // namespace ferry
