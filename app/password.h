#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ferry {

/// Where the CLI gets a share's password: a file given on the command line, or a prompt
/// on the terminal with echo off. The password is never printed or logged.
class Password
{
    Q_DECLARE_TR_FUNCTIONS(Password)
public:
    /// Reads the first line of \a path (without its line end). Empty on failure, with
    /// \a error set to a message for the user.
    static QByteArray readFile(const QString &path, QString *error);

    /// True when a prompt can be shown and answered: stdin is a terminal.
    static bool canPrompt();

    /// Asks on the terminal for the password of \a peer with echo off.
    static QByteArray prompt(const QString &peer);
};

} // namespace ferry
