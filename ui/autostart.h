#pragma once

#include <QCoreApplication>
#include <QString>

namespace ferry {

/// "Share on login": an XDG autostart entry that starts Ferry in the tray, sharing the last
/// folder (`ferry --minimized --share-last`).
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)

public:
    /// $XDG_CONFIG_HOME/autostart/ferry.desktop, or ~/.config/autostart/ferry.desktop.
    static QString entryPath();
    static bool isEnabled();
    /// Writes the entry for \a program (an absolute path, or a name looked up in PATH), or
    /// removes it. On failure returns false and says why in \a error.
    static bool setEnabled(bool enabled, const QString &program, QString *error);
    /// The entry's text: a desktop file whose Exec line quotes \a program when it needs it.
    static QByteArray entry(const QString &program);
};

} // namespace ferry
