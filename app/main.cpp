#include "cli.h"
#include "languages.h"

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

} // namespace

int main(int argc, char *argv[])
{
    // A file-size limit must end one download with an error, not kill the process.
    std::signal(SIGXFSZ, SIG_IGN);
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication::setOrganizationName(QStringLiteral("Ferry"));
    QCoreApplication::setApplicationName(QStringLiteral("ferry"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FERRY_VERSION));
    // Core's info lines are for debugging; QT_LOGGING_RULES still overrides this.
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*.info=false"));

    QCoreApplication app(argc, argv);
    ferry::Languages languages;
    const QString lang = langArgument(argc, argv);
    languages.apply(lang.isEmpty() ? ferry::Languages::fromEnvironment() : lang);
    return ferry::runCli(app.arguments());
}
