#include "discovercommand.h"

#include "cli.h"
#include "diagnosistext.h"
#include "discovery/discovery.h"
#include "discovery/firewall.h"
#include "discovery/scanner.h"
#include "nearbyidentity.h"
#include "signalwatcher.h"
#include "tls/identity.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QTextStream>
#include <QTimer>

namespace ferry {

using namespace discovery;

QString DiscoverCommand::peerLine(const Peer &p)
{
    // The words stay English: scripts read this line. Names can't hold tabs or newlines.
    return QStringLiteral("%1\t%2\t%3\t%4\t%5")
        .arg(p.name.isEmpty() ? QStringLiteral("-") : p.name, p.address.toString())
        .arg(p.port)
        .arg(p.id.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(p.id.toHex()),
            p.passwordRequired ? QStringLiteral("yes") : QStringLiteral("no"));
}

QList<Peer> DiscoverCommand::resolve(const QString &name, int waitMs)
{
    Discovery discovery;
    bool matched = false;
    bool dnsKnows = false;
    QTimer grace;
    grace.setSingleShot(true);
    QObject::connect(&grace, &QTimer::timeout, &discovery, [] { QCoreApplication::exit(0); });
    QElapsedTimer clock;
    clock.start();
    const auto check = [&](const Peer &p) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0 && !grace.isActive()) {
            matched = true;
            grace.start(500);
        }
    };
    // A name DNS knows doesn't wait for discovery, unless a share announces it at once (then
    // the share wins: it says its port too).
    const auto maybeDns = [&] {
        if (dnsKnows && !matched && clock.elapsed() >= kDnsGraceMs)
            QCoreApplication::exit(0);
    };
    QObject::connect(&discovery, &Discovery::peerAdded, &discovery, check);
    QObject::connect(&discovery, &Discovery::peerChanged, &discovery, check);
    QTimer::singleShot(waitMs, &discovery, [] { QCoreApplication::exit(0); });
    QTimer::singleShot(kDnsGraceMs, &discovery, maybeDns);
    QHostInfo::lookupHost(name, &discovery, [&](const QHostInfo &info) {
        dnsKnows = info.error() == QHostInfo::NoError && !info.addresses().isEmpty();
        maybeDns();
    });
    discovery.start(NearbyIdentity::config());
    QCoreApplication::exec();
    QList<Peer> matches;
    for (const Peer &p : discovery.peers()) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            matches.append(p);
    }
    return matches;
}

int DiscoverCommand::watch(const DiscoveryConfig &config)
{
    Discovery discovery;
    QObject::connect(&discovery, &Discovery::peerAdded, &discovery,
        [](const Peer &p) { QTextStream(stdout) << "added\t" << peerLine(p) << Qt::endl; });
    QObject::connect(&discovery, &Discovery::peerChanged, &discovery,
        [](const Peer &p) { QTextStream(stdout) << "changed\t" << peerLine(p) << Qt::endl; });
    QObject::connect(&discovery, &Discovery::peerRemoved, &discovery,
        [](const Peer &p) { QTextStream(stdout) << "removed\t" << peerLine(p) << Qt::endl; });
    SignalWatcher watcher;
    QObject::connect(
        &watcher, &SignalWatcher::stopRequested, &discovery, [] { QCoreApplication::quit(); });
    discovery.start(config);
    QCoreApplication::exec();
    return ExitOk;
}

int DiscoverCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("List the shares announced on the local network, one per line: name, address, "
           "port, id, password (yes/no), separated by tabs."));
    parser.addHelpOption();
    parser.addOptions({
        {{QStringLiteral("w"), QStringLiteral("wait")}, tr("Seconds to listen (default 2)."),
            QStringLiteral("seconds")},
        {QStringLiteral("diagnose"),
            tr("Also say, per network interface, what discovery did, whether the firewall "
               "blocks, and what to try.")},
        {QStringLiteral("watch"),
            tr("Keep listening until Ctrl+C; print \"added\", \"changed\" or \"removed\", a "
               "tab, and the share's line whenever one comes, changes or goes.")},
        {QStringLiteral("scan"),
            tr("Also probe every address of each used interface's /24 over TCP, for networks "
               "that drop multicast.")},
    });
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "ferry discover: " << parser.errorText() << '\n'
            << tr("Try 'ferry help discover'.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << helpText(parser, QStringLiteral("discover"));
        return ExitOk;
    }
    int waitMs = 2000;
    if (parser.isSet(QStringLiteral("wait"))) {
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("wait")).toDouble(&ok);
        if (!ok || seconds < 0 || seconds > 3600) {
            err << "ferry discover: "
                << tr("invalid --wait: %1 (give seconds from 0 to 3600, e.g. 2)")
                       .arg(parser.value(QStringLiteral("wait")))
                << '\n'
                << tr("Try 'ferry help discover'.") << '\n';
            return ExitUsage;
        }
        waitMs = int(seconds * 1000);
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << "ferry discover: " << tr("discover takes no names") << '\n'
            << tr("Try 'ferry help discover'.") << '\n';
        return ExitUsage;
    }

    const DiscoveryConfig config = NearbyIdentity::config();
    if (parser.isSet(QStringLiteral("watch")))
        return watch(config);
    Discovery discovery;
    Scanner scanner;
    bool listened = false;
    bool scanned = !parser.isSet(QStringLiteral("scan"));
    const auto maybeQuit = [&] {
        if (listened && scanned)
            QCoreApplication::exit(0);
    };
    QObject::connect(&scanner, &Scanner::finished, &discovery, [&] {
        scanned = true;
        maybeQuit();
    });
    QTimer::singleShot(waitMs, &discovery, [&] {
        listened = true;
        maybeQuit();
    });
    discovery.start(config);
    if (!scanned) {
        // Probed as a client connects, over TLS: the servers' logs stay free of errors.
        Identity::Status status = Identity::Status::Missing;
        scanner.setIdentity(Identity::loadOrCreate(Identity::dataDir(), &status));
        scanner.start(Scanner::targets(discovery.interfaces()), 6669);
    }
    QCoreApplication::exec();

    QTextStream out(stdout);
    const QList<Peer> peers = discovery.peers();
    for (const Peer &p : peers)
        out << peerLine(p) << '\n';
    // Shares the scan found that didn't announce themselves.
    QList<ScanHit> unheard;
    for (const ScanHit &hit : scanner.hits()) {
        const bool known = std::any_of(peers.begin(), peers.end(),
            [&](const Peer &p) { return p.address == hit.address && p.port == hit.port; });
        if (!known)
            unheard.append(hit);
    }
    for (const ScanHit &hit : std::as_const(unheard)) {
        // Over TLS the name and the id (the fingerprint's start, as announced) are known.
        Peer p;
        p.name = discovery::cleanDeviceName(hit.name);
        p.id = hit.fingerprint.left(discovery::kIdSize);
        p.address = hit.address;
        p.port = hit.port;
        p.passwordRequired = hit.passwordRequired;
        out << peerLine(p) << '\n';
    }
    if (parser.isSet(QStringLiteral("diagnose"))) {
        const QList<InterfaceReport> reports = discovery.interfaces();
        const FirewallReport firewall = checkFirewall(config.udpPort);
        out << '\n'
            << tr("Interfaces (group %1, port %2):")
                   .arg(config.group.toString())
                   .arg(config.udpPort)
            << '\n';
        for (const QString &line : DiagnosisText::interfaceLines(reports))
            out << "  " << line << '\n';
        out << DiagnosisText::firewallLine(firewall) << '\n';
        if (!scanned || parser.isSet(QStringLiteral("scan")))
            out << tr("Scan: %n share(s) answered over TCP, %1 of them not announced.", nullptr,
                int(scanner.hits().size()))
                       .arg(unheard.size())
                << '\n';
        out << tr("Hints:") << '\n';
        for (const QString &hint : DiagnosisText::hints(reports, firewall, config.udpPort))
            out << "  " << hint << '\n';
        out << tr("Log:") << '\n';
        for (const QString &line : discovery.log())
            out << "  " << line << '\n';
    }
    out.flush();
    return ExitOk;
}

} // namespace ferry
