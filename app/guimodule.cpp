#include "guimodule.h"

#include "cli.h"
#include "guimain.h"
#include "languages.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QStandardPaths>
#include <QTextStream>

namespace ferry {
namespace {

/// The folder of the running executable after symlinks: the module is found relative to it,
/// wherever ferry was installed and however it was started.
QString executableDir(const char *argv0)
{
    QString path = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
    if (path.isEmpty()) { // no /proc: argv[0] is a path, or a name looked up in PATH
        const QString arg0 = QFile::decodeName(argv0);
        const QString onPath
            = arg0.contains(QLatin1Char('/')) ? QString() : QStandardPaths::findExecutable(arg0);
        const QFileInfo info(onPath.isEmpty() ? arg0 : onPath);
        path = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath()
                                                  : info.canonicalFilePath();
    }
    return QFileInfo(path).absolutePath();
}

} // namespace

int GuiModule::run(int argc, char *argv[], const QString &langOverride)
{
    const QString name = QStringLiteral(FERRY_GUI_MODULE);
    const QString besideDir = executableDir(argv[0]);
    const QString installedDir
        = QDir::cleanPath(besideDir + QLatin1String("/" FERRY_GUI_INSTALL_DIR));
    QString failedFile;
    QString reason;
    for (const QString &dir : {besideDir, installedDir}) {
        const QString file = dir + QLatin1Char('/') + name;
        if (!QFileInfo::exists(file))
            continue;
        QLibrary module(file);
        // All symbols now (RTLD_NOW): a missing Qt library or symbol is reported here, not as
        // a crash later. The module's own symbols stay local to it.
        module.setLoadHints(QLibrary::ResolveAllSymbolsHint);
        const bool loaded = module.load();
        const auto entry = loaded
            ? reinterpret_cast<decltype(&ferry_gui_main)>(module.resolve("ferry_gui_main"))
            : nullptr;
        if (entry) {
            const QByteArray lang = langOverride.toUtf8();
            return entry(argc, argv, lang.constData());
        }
        // A broken module is reported, not skipped for another build's copy.
        failedFile = file;
        if (loaded) {
            reason = tr("it has no %1").arg(QStringLiteral("ferry_gui_main"));
        } else {
            // "Cannot load library FILE: (FILE: why)": the message below names the file.
            reason = module.errorString();
            const int open = reason.indexOf(QLatin1String(": ("));
            if (open > 0 && reason.endsWith(QLatin1Char(')')))
                reason = reason.mid(open + 3).chopped(1);
            if (reason.startsWith(file + QLatin1String(": ")))
                reason = reason.mid(file.size() + 2);
        }
        break;
    }

    // No window, so the terminal's language, as the command line uses.
    QCoreApplication app(argc, argv);
    Languages languages;
    languages.apply(langOverride.isEmpty() ? Languages::fromEnvironment() : langOverride);
    const QString why = failedFile.isEmpty()
        ? tr("%1 is in neither %2 nor %3").arg(name, besideDir, installedDir)
        : tr("cannot load %1: %2").arg(failedFile, reason);
    QTextStream(stderr) << "ferry: "
                        << tr("cannot open the window: %1; the command line (ferry serve, "
                              "ferry list, ferry get) still works")
                               .arg(why)
                        << '\n';
    return ExitFailed;
}

} // namespace ferry
