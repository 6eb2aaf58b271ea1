#include "tray.h"

#include "appicon.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSystemTrayIcon>

namespace ferry {

Tray::Tray(QObject *parent)
    : QObject(parent), m_icon(new QSystemTrayIcon(AppIcon::icon(), this)), m_menu(new QMenu)
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_state = m_menu->addAction(QString());
    m_state->setEnabled(false);
    m_menu->addSeparator();
    m_open = m_menu->addAction(QString(), this, &Tray::openRequested);
    m_stop = m_menu->addAction(QString(), this, &Tray::stopSharingRequested);
    m_menu->addSeparator();
    m_quit = m_menu->addAction(QString(), this, &Tray::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    retranslate();
}

// QSystemTrayIcon does not own its context menu.
Tray::~Tray()
{
    delete m_menu;
}

void Tray::setVisible(bool visible)
{
    m_icon->setVisible(visible && QSystemTrayIcon::isSystemTrayAvailable());
}

bool Tray::isVisible() const
{
    return m_icon->isVisible();
}

void Tray::setSharing(const QString &folder, quint16 port)
{
    m_folder = folder;
    m_port = port;
    retranslate();
}

QString Tray::stateText() const
{
    if (m_folder.isEmpty())
        return tr("Not sharing");
    // The folder's own name: a full path would make the menu as wide as the screen.
    const QString name = QFileInfo(m_folder).fileName();
    return tr("Sharing \"%1\" on port %2")
        .arg(name.isEmpty() ? QDir::toNativeSeparators(m_folder) : name)
        .arg(m_port);
}

void Tray::showMessage(const QString &title, const QString &message, bool ok)
{
    if (m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(
            title, message, ok ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning, 6000);
}

void Tray::retranslate()
{
    m_state->setText(stateText());
    m_open->setText(tr("&Open Ferry"));
    m_stop->setText(tr("&Stop sharing"));
    m_stop->setEnabled(!m_folder.isEmpty());
    m_quit->setText(tr("&Quit"));
    m_icon->setToolTip(m_folder.isEmpty() ? tr("Ferry: not sharing")
                                          : tr("Ferry: sharing %1 on port %2")
                                                .arg(QDir::toNativeSeparators(m_folder))
                                                .arg(m_port));
}

} // namespace ferry
