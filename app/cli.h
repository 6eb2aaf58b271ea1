#pragma once

#include <QStringList>

namespace ferry {

/// Exit codes of every command, whatever the language.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,
    ExitUsage = 2,
};

/// Runs `ferry <command> ...` headless; needs a QCoreApplication.
int runCli(const QStringList &arguments);

} // namespace ferry
