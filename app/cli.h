#pragma once

#include <QStringList>

class QCommandLineParser;

namespace ferry {

/// Exit codes of every command, whatever the language.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
};

/// Runs `ferry <command> ...` headless; needs a QCoreApplication.
int runCli(const QStringList &arguments);

/// \a parser's help, its usage line naming `ferry COMMAND` rather than the binary's full path.
QString helpText(const QCommandLineParser &parser, const QString &command = {});

} // namespace ferry
