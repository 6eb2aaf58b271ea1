#include "cli.h"
#include "guimodule.h"
#include "languages.h"
#include "tls/allocator.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <csignal>

namespace {

/// The value of --lang, read before the parser so that its own help is translated.
QString langArgument(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--lang") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith(QLatin1String("--lang=")))
            return arg.mid(7);
    }
    return {};
}

/// The window is what a double-click starts: no command, at most --lang and Qt's own options.
bool wantsWindow(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("--lang")) {
            ++i;
            continue;
        }
        if (!arg.startsWith(QLatin1Char('-')))
            return false;
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")
            || arg == QLatin1String("--version") || arg == QLatin1String("-v")
            || arg == QLatin1String("--help-all"))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    ferry::keepIoBuffersMapped();
    // A file-size limit must end one download with an error, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication::setOrganizationName(QStringLiteral("Ferry"));
    QCoreApplication::setApplicationName(QStringLiteral("ferry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION));
    // Core's info lines are for debugging; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));

    const QString lang = langArgument(argc, argv);
    // The window lives in libferry_gui.so: the command line doesn't pay for loading Qt's GUI.
    if (wantsWindow(argc, argv))
        return ferry::GuiModule::run(argc, argv, lang);

    QCoreApplication app(argc, argv);
    ferry::Languages languages;
    languages.apply(lang.isEmpty() ? ferry::Languages::fromEnvironment() : lang);
    // --lang is handled here, so it may stand anywhere: `ferry get x --lang zh_CN` too.
    QStringList args = app.arguments();
    for (int i = 1; i < args.size();) {
        if (args.at(i) == QLatin1String("--lang") && i + 1 < args.size())
            args.remove(i, 2);
        else if (args.at(i).startsWith(QLatin1String("--lang=")))
            args.remove(i);
        else
            ++i;
    }
    return ferry::runCli(args);
}
