#include "cli.h"

#include "clientcommand.h"
#include "devicescommand.h"
#include "discovercommand.h"
#include "servecommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

namespace ferry {
namespace {

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    static QString commandList()
    {
        return tr("Commands:\n"
                  "  (none)         start the window; --minimized starts it in the tray,\n"
                  "                 --share-last shares the last shared folder again\n"
                  "  serve DIR      share a folder\n"
                  "  list           show the files a server shares\n"
                  "  get NAME...    download files and verify their MD5\n"
                  "  devices        show this device's identity and the trusted devices\n"
                  "  discover       list the shares announced on the network\n"
                  "  help COMMAND   show the options of a command\n");
    }
    static QString unknownCommand(const QString &command)
    {
        return tr("unknown command: %1").arg(command);
    }
    static QString tryHelp() { return tr("Try 'ferry --help'."); }
};

void setUpGlobal(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate("Cli",
        "Ferry shares a folder on the local network and "
        "downloads files from it with MD5 verification."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("lang"),
        QCoreApplication::translate("Cli", "Language of messages: zh_CN or en."),
        QStringLiteral("lang")});
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("Cli", "serve, list, get, discover, devices or help."));
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
}

int runCommand(const QString &command, const QStringList &args)
{
    if (command == QLatin1String("serve"))
        return ServeCommand().run(args);
    if (command == QLatin1String("list"))
        return ClientCommand(ClientCommand::Mode::List).run(args);
    if (command == QLatin1String("get"))
        return ClientCommand(ClientCommand::Mode::Get).run(args);
    if (command == QLatin1String("devices"))
        return DevicesCommand().run(args);
    if (command == QLatin1String("discover"))
        return DiscoverCommand().run(args);
    QTextStream(stderr) << "ferry: " << Cli::unknownCommand(command) << '\n'
                        << Cli::tryHelp() << '\n';
    return ExitUsage;
}

} // namespace

QString helpText(const QCommandLineParser &parser, const QString &command)
{
    // Qt puts argv[0] in the usage line: often a long build or install path.
    QString text = parser.helpText();
    const QString program = QCoreApplication::arguments().value(0);
    const int lineEnd = text.indexOf(QLatin1Char('\n'));
    const int at = program.isEmpty() ? -1 : text.lastIndexOf(program, lineEnd);
    if (at >= 0) {
        const QString name
            = command.isEmpty() ? QStringLiteral("ferry") : QStringLiteral("ferry ") + command;
        text.replace(at, program.size(), name);
    }
    return text;
}

int runCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    setUpGlobal(parser);
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "ferry: " << parser.errorText() << '\n' << Cli::tryHelp() << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "ferry " << QCoreApplication::applicationVersion() << '\n';
        return ExitOk;
    }
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")) || positional.isEmpty()) {
        QTextStream(stdout) << helpText(parser) << '\n' << Cli::commandList();
        return positional.isEmpty() && !parser.isSet(QStringLiteral("help")) ? ExitUsage : ExitOk;
    }
    const QString command = positional.first();
    if (command == QLatin1String("help")) {
        if (positional.size() < 2) {
            QTextStream(stdout) << helpText(parser) << '\n' << Cli::commandList();
            return ExitOk;
        }
        return runCommand(positional.at(1), {positional.at(1), QStringLiteral("--help")});
    }
    return runCommand(command, positional);
}

} // namespace ferry
