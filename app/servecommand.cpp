#include "servecommand.h"

#include "cli.h"
#include "clitext.h"
#include "devicescommand.h"
#include "discovery/discovery.h"
#include "nearbyidentity.h"
#include "password.h"
#include "protocol/names.h"
#include "server/server.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QNetworkInterface>
#include <QTextStream>

#include <sys/resource.h>

namespace ferry {
namespace {

QStringList reachableAddresses(const QHostAddress &bind, quint16 port)
{
    QStringList out;
    const bool any = bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4
        || bind == QHostAddress::AnyIPv6;
    QList<QHostAddress> addresses
        = any ? QNetworkInterface::allAddresses() : QList<QHostAddress> {bind};
    for (const QHostAddress &a : std::as_const(addresses)) {
        if (any && (a.isLoopback() || a.isLinkLocal()))
            continue;
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]").arg(a.toString())
            : a.toString();
        out.append(QStringLiteral("%1:%2").arg(host).arg(port));
    }
    if (out.isEmpty())
        out.append(QStringLiteral("127.0.0.1:%1").arg(port));
    return out;
}

int parseCount(const QCommandLineParser &parser, const QString &name, int fallback, bool *ok)
{
    if (!parser.isSet(name))
        return fallback;
    const int value = parser.value(name).toInt(ok);
    *ok = *ok && value > 0;
    return value;
}

/// Every connection needs a descriptor: let the limits, not the soft fd limit, decide.
void raiseDescriptorLimit()
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

/// A timeout given in seconds on the command line, in ms.
int parseSeconds(const QCommandLineParser &parser, const QString &name, int fallbackMs, bool *ok)
{
    if (!parser.isSet(name))
        return fallbackMs;
    const double seconds = parser.value(name).toDouble(ok);
    *ok = *ok && seconds > 0 && seconds <= 24 * 3600;
    return int(seconds * 1000);
}

} // namespace

QString ServeCommand::failureFromServerSide(const ServerEvent &e)
{
    // CliText speaks to a client about its server; in this log the peer is the client.
    switch (e.code) {
    case ErrorCode::Timeout:
        // The detail names the wait that ran out (see core/protocol/errorcode.h).
        if (e.detail == QLatin1String(timeoutphase::kHello))
            return tr("the client at %1 stopped answering before its greeting").arg(e.peer);
        if (e.detail == QLatin1String(timeoutphase::kPassword))
            return tr("the client at %1 stopped answering before its password").arg(e.peer);
        if (e.detail == QLatin1String(timeoutphase::kRequest))
            return tr("the client at %1 stopped answering: no request came in time").arg(e.peer);
        if (e.detail == QLatin1String(timeoutphase::kAccept))
            return tr("the client at %1 stopped answering: it did not accept the file in time")
                .arg(e.peer);
        if (e.detail == QLatin1String(timeoutphase::kSending))
            return tr("the client at %1 stopped reading what it asked for").arg(e.peer);
        return tr("the client at %1 stopped answering").arg(e.peer);
    case ErrorCode::ProtocolError:
        return tr("the client at %1 broke the protocol (%2)").arg(e.peer, e.detail);
    case ErrorCode::TooManyRequests:
        return tr("the client at %1 sent too many requests at once").arg(e.peer);
    case ErrorCode::PeerIsPlaintext:
        return tr("the client at %1 spoke without encryption (--plaintext); it was told that "
                  "this server needs encryption")
            .arg(e.peer);
    case ErrorCode::PeerWantsTls:
        return tr("the client at %1 wants encryption, but this server runs with --plaintext")
            .arg(e.peer);
    case ErrorCode::TlsFailed:
        return tr("the encrypted connection with %1 could not be set up (%2)")
            .arg(e.peer, e.detail);
    default:
        return CliText::describe({e.code, e.detail}, e.peer);
    }
}

QString ServeCommand::logLine(const ServerEvent &e)
{
    const QString name = printableName(e.name);
    QString what;
    switch (e.kind) {
    case ServerEvent::Kind::Connected:
        what = e.detail.isEmpty() ? tr("connected")
                                  : tr("connected, comparison code %1").arg(e.detail);
        break;
    case ServerEvent::Kind::Listed:
        what = tr("listed %n file(s)", nullptr, int(e.bytes));
        break;
    case ServerEvent::Kind::Requested:
        what = tr("requested %1").arg(name);
        break;
    case ServerEvent::Kind::Sent:
        what = tr("sent %1 (%2 bytes) with its MD5").arg(name).arg(e.bytes);
        break;
    case ServerEvent::Kind::Refused:
        if (e.code == ErrorCode::AuthFailed) {
            what = tr("refused: wrong password");
            break;
        }
        what = tr("refused %1: %2").arg(name, CliText::describe({e.code, e.detail}, e.peer));
        break;
    case ServerEvent::Kind::Failed:
        // The client's own message says how to resume; the server's operator needs less.
        if (e.code == ErrorCode::ConnectionLost) {
            what = name.isEmpty() ? tr("the connection was lost")
                                  : tr("the connection was lost while sending %1").arg(name);
            break;
        }
        {
            const QString why = failureFromServerSide(e);
            what = name.isEmpty() ? tr("error: %1").arg(why)
                                  : tr("error sending %1: %2").arg(name, why);
            break;
        }
    case ServerEvent::Kind::Disconnected:
        what = tr("disconnected");
        break;
    case ServerEvent::Kind::LimitHit:
        what = tr("turned away: limit %1 reached").arg(e.detail);
        break;
    case ServerEvent::Kind::Aborted:
        //: %1 is a file name, %2 how many of its bytes went out before the send ended.
        what = e.code == ErrorCode::Cancelled
            ? tr("aborted %1 after %2 bytes: sharing stopped").arg(name).arg(e.bytes)
            : tr("aborted %1 after %2 bytes: the client disconnected").arg(name).arg(e.bytes);
        break;
    }
    return QStringLiteral("%1 %2 %3")
        .arg(e.time.toString(Qt::ISODate), e.peer.isEmpty() ? QStringLiteral("-") : e.peer, what);
}

int ServeCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Share a folder on the local network."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("DIR"), tr("The folder to share."), QStringLiteral("DIR"));
    const ServerConfig defaults;
    parser.addOptions({
        {{QStringLiteral("p"), QStringLiteral("port")},
            tr("Port to listen on (default %1).").arg(defaults.port), QStringLiteral("port")},
        {{QStringLiteral("b"), QStringLiteral("bind")},
            tr("Address to listen on, e.g. 127.0.0.1 (default: all interfaces)."),
            QStringLiteral("address")},
        {QStringLiteral("max-connections"),
            tr("Most connections at once (default %1).").arg(defaults.maxConnections),
            QStringLiteral("n")},
        {QStringLiteral("max-per-peer"),
            tr("Most connections from one address (default %1).").arg(defaults.maxPerPeer),
            QStringLiteral("n")},
        {QStringLiteral("max-queued-requests"),
            tr("Most requests one connection may have waiting (default %1).")
                .arg(defaults.maxQueuedRequests),
            QStringLiteral("n")},
        {QStringLiteral("handshake-timeout"),
            tr("Seconds a new connection has to say hello and prove the password (default %1).")
                .arg(defaults.handshakeTimeoutMs / 1000),
            QStringLiteral("s")},
        {QStringLiteral("request-timeout"),
            tr("Seconds an idle connection is kept open (default %1).")
                .arg(defaults.requestTimeoutMs / 1000),
            QStringLiteral("s")},
        {QStringLiteral("transfer-timeout"),
            tr("Seconds a transfer may make no progress (default %1).")
                .arg(defaults.transferTimeoutMs / 1000),
            QStringLiteral("s")},
        {QStringLiteral("password-file"),
            tr("Require the password on the first line of this file."), QStringLiteral("file")},
        {QStringLiteral("plaintext"),
            tr("Do not encrypt (for debugging and measurement only); clients need "
               "--plaintext too.")},
        {QStringLiteral("no-md5-cache"),
            tr("Hash every file on every download, even when it has not changed.")},
        {QStringLiteral("no-announce"),
            tr("Don't announce the share on the local network; it can still be reached by "
               "address.")},
        {QStringLiteral("name"),
            tr("Set this device's name, the one announced and shown on first contact, and "
               "keep it (as 'ferry devices --name' does; default: the host name)."),
            QStringLiteral("name")},
    });
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "ferry serve: " << parser.errorText() << '\n'
            << tr("Try 'ferry help serve'.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("serve"));
        return ExitOk;
    }
    const QStringList dirs = parser.positionalArguments();
    if (dirs.size() != 1) {
        err << "ferry serve: " << tr("name exactly one folder to share") << '\n'
            << tr("Try 'ferry help serve'.") << '\n';
        return ExitUsage;
    }
    ServerConfig config;
    config.root = QDir(dirs.first()).absolutePath();
    // Said before the server tries it: "does not exist" would send the user looking for it.
    if (QFileInfo::exists(config.root) && !QFileInfo(config.root).isDir()) {
        err << "ferry serve: "
            << tr("%1 is not a folder; name the folder to share")
                   .arg(QDir::toNativeSeparators(config.root))
            << '\n';
        return ExitFailed;
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("port"))) {
        const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
        ok = ok && port <= 65535;
        config.port = quint16(port);
    }
    if (ok && parser.isSet(QStringLiteral("bind")))
        ok = config.bindAddress.setAddress(parser.value(QStringLiteral("bind")));
    // Counts are whole numbers above zero; timeouts are seconds, kept in milliseconds.
    const struct
    {
        const char *option;
        int *value;
        bool seconds;
    } numbers[] = {
        {"max-connections", &config.maxConnections, false},
        {"max-per-peer", &config.maxPerPeer, false},
        {"max-queued-requests", &config.maxQueuedRequests, false},
        {"handshake-timeout", &config.handshakeTimeoutMs, true},
        {"request-timeout", &config.requestTimeoutMs, true},
        {"transfer-timeout", &config.transferTimeoutMs, true},
    };
    for (const auto &n : numbers) {
        if (!ok)
            break;
        const QString name = QLatin1String(n.option);
        *n.value = n.seconds ? parseSeconds(parser, name, *n.value, &ok)
                             : parseCount(parser, name, *n.value, &ok);
    }
    if (!ok) {
        err << "ferry serve: " << tr("invalid --port, --bind, limit or timeout value") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("password-file"))) {
        QString error;
        config.password = Password::readFile(parser.value(QStringLiteral("password-file")), &error);
        if (config.password.isEmpty()) {
            err << "ferry serve: " << error << '\n';
            return ExitUsage;
        }
    }
    raiseDescriptorLimit();

    config.md5Cache = !parser.isSet(QStringLiteral("no-md5-cache"));
    const bool plaintext = parser.isSet(QStringLiteral("plaintext"));
    if (plaintext)
        err << "ferry serve: " << DevicesCommand::plaintextWarning() << Qt::endl;
    else if (!DevicesCommand::loadIdentity(QStringLiteral("serve"), &config.identity, err))
        return ExitFailed;
    // One name for the device: what first contact shows is what the network lists.
    if (!plaintext && parser.isSet(QStringLiteral("name"))
        && !config.identity.setName(parser.value(QStringLiteral("name")))) {
        err << "ferry serve: " << tr("could not save the name") << '\n';
        return ExitFailed;
    }
    Server server;
    Failure failure;
    if (!server.start(config, &failure)) {
        if (failure.code == ErrorCode::PortInUse)
            failure.detail = QString::number(config.port);
        err << "ferry serve: " << CliText::describe(failure, {}) << '\n';
        return ExitFailed;
    }
    QTextStream out(stdout);
    out << tr("Sharing %1").arg(QDir::toNativeSeparators(config.root)) << '\n';
    const QStringList addresses = reachableAddresses(config.bindAddress, server.serverPort());
    for (const QString &a : addresses)
        out << tr("  listening on %1").arg(a) << '\n';
    if (!plaintext) {
        out << tr("This device: %1").arg(config.identity.name()) << '\n'
            << tr("  fingerprint: %1").arg(fingerprintHex(config.identity.fingerprint())) << '\n';
    }
    if (!config.password.isEmpty())
        out << tr("A password is required.") << '\n';
    // Shares announce themselves unless told not to; nothing connects without a user.
    discovery::Discovery announcer;
    // A share bound to loopback can't be reached from the network: nothing to announce.
    if (!parser.isSet(QStringLiteral("no-announce")) && !config.bindAddress.isLoopback()) {
        // Not the identity's id without TLS: a peer that trusts this device would show a lock.
        discovery::DiscoveryConfig dc = NearbyIdentity::config(!plaintext);
        if (plaintext) {
            if (parser.isSet(QStringLiteral("name")))
                dc.name = parser.value(QStringLiteral("name"));
        } else {
            dc.name = config.identity.name();
        }
        dc.tcpPort = server.serverPort();
        dc.passwordRequired = !config.password.isEmpty();
        announcer.start(dc);
        out << tr("Announced on the local network as %1.").arg(announcer.config().name) << '\n';
    }
    out << tr("Press Ctrl+C to stop.") << Qt::endl;

    QObject::connect(&server, &Server::event, &server,
        [](const ServerEvent &e) { QTextStream(stdout) << logLine(e) << Qt::endl; });
    SignalWatcher watcher;
    QObject::connect(&watcher, &SignalWatcher::stopRequested, &server, [](int) {
        QTextStream(stdout) << tr("Stopping.") << Qt::endl;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    announcer.stop();
    server.stop();
    // The sessions log their aborted sends as they go; print those lines too.
    QCoreApplication::sendPostedEvents(&server);
    return ExitOk;
}

} // namespace ferry
