#include "clientcommand.h"

#include "cli.h"
#include "clitext.h"
#include "devicescommand.h"
#include "discovercommand.h"
#include "hostport.h"
#include "password.h"
#include "protocol/names.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QHostAddress>
#include <QTextStream>

#include <algorithm>
#include <optional>

#include <unistd.h>

namespace ferry {
namespace {
const QString kDefaultHost = QStringLiteral("127.0.0.1");

} // namespace

bool ClientCommand::isConnectionFailure(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
    case ErrorCode::NotRegularFile:
    case ErrorCode::Refused:
    case ErrorCode::ReadFailed:
    case ErrorCode::AlreadyExists:
    case ErrorCode::PartExists:
    case ErrorCode::PartInUse:
    case ErrorCode::InvalidName:
    case ErrorCode::Mismatch:
    case ErrorCode::WriteFailed:
    case ErrorCode::FileChanged:
        return false;
    default:
        return true;
    }
}

int ClientCommand::run(const QStringList &arguments)
{
    const bool get = m_mode == Mode::Get;
    const QString command = get ? QStringLiteral("get") : QStringLiteral("list");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        get ? tr("Download files and verify their MD5.") : tr("Show the files a server shares."));
    parser.addHelpOption();
    if (get)
        parser.addPositionalArgument(QStringLiteral("NAME"),
            tr("Names as the server lists them, e.g. photos/a.jpg."), QStringLiteral("NAME..."));
    parser.addOptions({
        {{QStringLiteral("H"), QStringLiteral("host")},
            tr("Server to connect to: HOST, HOST:PORT, [IPv6]:PORT or a device name that "
               "discovery resolves (default %1). A port given here wins over --port.")
                .arg(kDefaultHost),
            QStringLiteral("host")},
        {{QStringLiteral("p"), QStringLiteral("port")}, tr("Server port (default %1).").arg(6669),
            QStringLiteral("port")},
        {QStringLiteral("password-file"),
            tr("Read the share's password from the first line of this file (without it, a "
               "terminal prompts when the server asks for one)."),
            QStringLiteral("file")},
        {QStringLiteral("fingerprint"),
            tr("On first contact, trust the server only if its certificate's fingerprint "
               "starts with this (at least 16 hex digits; see 'ferry serve' or 'ferry "
               "devices' on the server)."),
            QStringLiteral("hex")},
        {QStringLiteral("trust-new"),
            tr("On first contact, trust the server without checking its code (scripts on a "
               "network you trust). A changed certificate is still refused.")},
        {QStringLiteral("plaintext"),
            tr("Do not encrypt (for debugging and measurement only); the server needs "
               "--plaintext too.")},
        {QStringLiteral("retry-for"),
            tr("When the connection drops after the server has answered, keep reconnecting "
               "for up to this many seconds and continue each unfinished file where it "
               "stopped (default %1; 0 gives up at once).")
                .arg(kDefaultRetrySeconds),
            QStringLiteral("seconds")},
    });
    if (get) {
        parser.addOptions({
            {{QStringLiteral("o"), QStringLiteral("output")},
                tr("Folder to save into (default: the current folder). Its parent must exist."),
                QStringLiteral("dir")},
            {QStringLiteral("resume"), tr("Continue interrupted downloads from their .part.")},
            {QStringLiteral("overwrite"),
                tr("Replace existing files, once the new one is verified.")},
            {{QStringLiteral("r"), QStringLiteral("recursive")},
                tr("Every NAME is a folder: fetch it with everything below it, empty folders "
                   "too (a NAME ending in '/' means this as well).")},
        });
    }
    QTextStream err(stderr);
    const QString tryHelp = tr("Try 'ferry help %1'.").arg(command);
    if (!parser.parse(arguments)) {
        err << "ferry " << command << ": " << parser.errorText() << '\n' << tryHelp << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, command);
        return ExitOk;
    }
    const QStringList names = parser.positionalArguments();
    if (get ? names.isEmpty() : !names.isEmpty()) {
        err << "ferry " << command << ": "
            << (get ? tr("name at least one file to get") : tr("list takes no names")) << '\n'
            << tryHelp << '\n';
        return ExitUsage;
    }
    bool ok = true;
    quint16 port = 6669;
    if (parser.isSet(QStringLiteral("port"))) {
        const uint value = parser.value(QStringLiteral("port")).toUInt(&ok);
        ok = ok && value > 0 && value <= 65535;
        port = quint16(value);
    }
    if (!ok) {
        err << "ferry " << command << ": "
            << tr("invalid port: %1").arg(parser.value(QStringLiteral("port"))) << '\n';
        return ExitUsage;
    }
    m_retryForMs = kDefaultRetrySeconds * 1000;
    if (parser.isSet(QStringLiteral("retry-for"))) {
        const uint value = parser.value(QStringLiteral("retry-for")).toUInt(&ok);
        if (!ok || value > 24 * 3600) {
            err << "ferry " << command << ": "
                << tr("invalid --retry-for: %1 (seconds, 0 to %2)")
                       .arg(parser.value(QStringLiteral("retry-for")))
                       .arg(24 * 3600)
                << '\n';
            return ExitUsage;
        }
        m_retryForMs = int(value) * 1000;
    }
    // The window's Host box takes "host:port" and "[v6]:port"; so does --host.
    QString host = kDefaultHost;
    quint16 hostPort = 0;
    if (parser.isSet(QStringLiteral("host"))
        && !HostPort::split(parser.value(QStringLiteral("host")), &host, &hostPort)) {
        err << "ferry " << command << ": "
            << tr("invalid host: %1 (use HOST, HOST:PORT or [IPv6]:PORT)")
                   .arg(parser.value(QStringLiteral("host")))
            << '\n'
            << tryHelp << '\n';
        return ExitUsage;
    }
    if (hostPort != 0)
        port = hostPort;
    const bool portGiven = hostPort != 0 || parser.isSet(QStringLiteral("port"));
    // Not an address: a device name discovery may know, else a host name for DNS.
    if (QHostAddress(host).isNull() && host != QLatin1String("localhost")) {
        QList<discovery::Peer> peers = DiscoverCommand::resolve(host);
        // One device may share on two ports: NAME:PORT picks one.
        if (portGiven && peers.size() > 1) {
            const auto onPort = std::count_if(peers.begin(), peers.end(),
                [port](const discovery::Peer &p) { return p.port == port; });
            if (onPort > 0)
                peers.erase(std::remove_if(peers.begin(), peers.end(),
                                [port](const discovery::Peer &p) { return p.port != port; }),
                    peers.end());
        }
        if (peers.size() > 1) {
            err << "ferry " << command << ": "
                << tr("%1 devices are announced as %2; use an address:").arg(peers.size()).arg(host)
                << '\n';
            for (const discovery::Peer &p : peers)
                err << "  " << DiscoverCommand::peerLine(p) << '\n';
            return ExitUsage;
        }
        if (peers.size() == 1) {
            host = peers.first().address.toString();
            if (!portGiven)
                port = peers.first().port;
        }
    }
    GetOptions options;
    options.outputDir = QDir::currentPath();
    if (get && parser.isSet(QStringLiteral("output"))) {
        options.outputDir = outputFolder(parser.value(QStringLiteral("output")), &err);
        if (options.outputDir.isEmpty())
            return ExitUsage;
    }
    options.resume = get && parser.isSet(QStringLiteral("resume"));
    options.conflict = get && parser.isSet(QStringLiteral("overwrite")) ? ConflictPolicy::Overwrite
                                                                        : ConflictPolicy::Fail;
    m_outputDir = options.outputDir;
    m_recursive = get && parser.isSet(QStringLiteral("recursive"));
    m_folders = m_recursive || std::any_of(names.begin(), names.end(), [](const QString &n) {
        return n.endsWith(QLatin1Char('/'));
    });
    m_tty = ::isatty(STDERR_FILENO);

    m_peer = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                                             : QStringLiteral("%1:%2").arg(host).arg(port);
    QByteArray password;
    if (parser.isSet(QStringLiteral("password-file"))) {
        QString error;
        password = Password::readFile(parser.value(QStringLiteral("password-file")), &error);
        if (password.isEmpty()) {
            err << "ferry " << command << ": " << error << '\n';
            return ExitUsage;
        }
    }
    if (parser.isSet(QStringLiteral("plaintext"))) {
        err << "ferry " << command << ": " << DevicesCommand::plaintextWarning() << Qt::endl;
    } else {
        if (!DevicesCommand::loadIdentity(command, &m_tls.identity, err))
            return ExitFailed;
        m_tls.storeDir = Identity::dataDir();
        m_tls.trustNew = parser.isSet(QStringLiteral("trust-new"));
        m_tls.askUser = Password::canPrompt();
        if (parser.isSet(QStringLiteral("fingerprint"))) {
            QString hex = parser.value(QStringLiteral("fingerprint")).toLower();
            hex.remove(QLatin1Char(':'));
            const bool isHex = std::all_of(hex.begin(), hex.end(), [](QChar c) {
                return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
            });
            if (!isHex || hex.size() < 16 || hex.size() > 64) {
                err << "ferry " << command << ": " << tr("--fingerprint needs 16 to 64 hex digits")
                    << '\n';
                return ExitUsage;
            }
            m_tls.expectedFingerprint = hex;
        }
    }
    // Without a password file, ask on the terminal once the server says it needs one.
    const bool mayPrompt = password.isEmpty() && Password::canPrompt();
    bool wantsPassword = false;
    int exitCode = runSession(host, port, names, options, password, mayPrompt, &wantsPassword);
    if (wantsPassword) {
        password = Password::prompt(m_peer);
        m_anyFailed = false;
        exitCode = runSession(host, port, names, options, password, false, &wantsPassword);
    }
    return (exitCode == ExitOk && !m_anyFailed) ? ExitOk : ExitFailed;
}

QString ClientCommand::outputFolder(const QString &value, QTextStream *err)
{
    // Only the last component is created: a typo earlier in the path should not grow a tree
    // of folders (docs/decisions.md).
    const QString path = QDir::cleanPath(QDir(value).absolutePath());
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (info.isDir())
        return path;
    if (info.exists()) {
        *err << "ferry get: " << tr("%1 is not a folder").arg(shown) << '\n';
        return {};
    }
    const QString parent = info.absolutePath();
    if (!QFileInfo(parent).isDir()) {
        *err << "ferry get: "
             << tr("the folder %1 does not exist; create it first, or choose another with -o")
                    .arg(QDir::toNativeSeparators(parent))
             << '\n';
        return {};
    }
    if (!QDir().mkdir(path)) {
        *err << "ferry get: " << tr("could not create the folder %1").arg(shown) << '\n';
        return {};
    }
    *err << "ferry get: " << tr("created the folder %1").arg(shown) << Qt::endl;
    return path;
}

int ClientCommand::runSession(const QString &host, quint16 port, const QStringList &names,
    const GetOptions &options, const QByteArray &password, bool mayPrompt, bool *wantsPassword)
{
    const bool get = m_mode == Mode::Get;
    const QString command = get ? QStringLiteral("get") : QStringLiteral("list");
    QTextStream err(stderr);
    ClientSession session;
    session.setPassword(password);
    session.setTls(m_tls);
    session.setRetryFor(m_retryForMs);
    // Before this command's own handlers: the fetch settles every file before the session's
    // failure is printed, so each file's line comes after the reason it refers to.
    FolderFetch fetch(&session);
    std::optional<FolderSummary> summary;
    QObject::connect(&session, &ClientSession::trustRequired, &session,
        [&session](const PeerDevice &peer) { session.trustPeer(DevicesCommand::askTrust(peer)); });
    m_session = &session;
    m_currentId = 0;
    m_afterFailure.clear();
    int exitCode = ExitOk;
    if (!get) {
        QObject::connect(&session, &ClientSession::listReceived, &session,
            [this](const QList<protocol::FileEntry> &entries) { printListing(entries); });
    }
    QObject::connect(&session, &ClientSession::fileStarted, &session,
        [this](quint64 id, const QString &name, qint64, qint64 offset) {
            m_currentId = id;
            m_currentName = printableName(name);
            m_startDone = offset;
            m_clock.start();
        });
    QObject::connect(&session, &ClientSession::fileProgress, &session,
        [this](quint64, qint64 done, qint64 total) { printProgress(done, total); });
    if (m_folders) {
        QObject::connect(
            &fetch, &FolderFetch::fileDone, &session, [this](const FileResult &r, bool skipped) {
                if (skipped)
                    printSkipped(r);
                else
                    printResult(r);
            });
        QObject::connect(&fetch, &FolderFetch::finished, &session, [&](const FolderSummary &s) {
            summary = s;
            if (session.state() != ClientSession::State::Closed)
                QCoreApplication::exit(0);
        });
    } else {
        QObject::connect(&session, &ClientSession::fileFinished, &session,
            [this](const FileResult &r) { printResult(r); });
        QObject::connect(
            &session, &ClientSession::idle, &session, [] { QCoreApplication::exit(0); });
    }
    // One line per outage, not per attempt: the user learns it is being handled, and for how
    // long.
    bool waiting = false;
    QObject::connect(
        &session, &ClientSession::reconnecting, &session, [&](const Failure &why, int, int leftMs) {
            if (waiting)
                return;
            waiting = true;
            clearProgress();
            err << "ferry " << command << ": "
                << tr("%1; reconnecting for up to %n second(s)", nullptr, (leftMs + 999) / 1000)
                       .arg(CliText::describe(why, m_peer, m_outputDir))
                << Qt::endl;
        });
    QObject::connect(&session, &ClientSession::reconnected, &session, [&] {
        waiting = false;
        err << "ferry " << command << ": " << tr("reconnected; continuing") << Qt::endl;
    });
    QObject::connect(&session, &ClientSession::failed, &session, [&](const Failure &f) {
        clearProgress();
        if (f.code == ErrorCode::AuthRequired && mayPrompt) {
            *wantsPassword = true;
            m_afterFailure.clear(); // The files are asked for again, with the password.
        } else if (isConnectionFailure(f.code) && f.code != ErrorCode::Cancelled) {
            err << "ferry " << command << ": " << CliText::describe(f, m_peer, m_outputDir)
                << Qt::endl;
        }
        // The files' own lines come after the reason they refer to.
        for (const QString &line : std::as_const(m_afterFailure))
            err << "ferry get: " << line << Qt::endl;
        m_afterFailure.clear();
        exitCode = ExitFailed;
        QCoreApplication::exit(1);
    });
    // Ctrl+C keeps the .part of the file in flight, so the same command with --resume
    // continues it.
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &session, [&] {
        clearProgress();
        err << "ferry " << command << ": " << tr("interrupted") << Qt::endl;
        session.abort();
    });
    session.connectToServer(host, port);
    if (get && m_folders)
        fetch.start(names, m_recursive, options);
    else if (get)
        session.requestFiles(names, options);
    else
        session.requestList();
    QCoreApplication::exec();
    clearProgress();
    m_session = nullptr;
    if (summary && !*wantsPassword)
        printSummary(*summary);
    return exitCode;
}

} // namespace ferry
