#include "diagnosistext.h"

namespace ferry {

using discovery::FirewallReport;
using discovery::InterfaceReport;

QString DiagnosisText::interfaceLine(const InterfaceReport &r)
{
    const QString address = r.address.isNull()
        ? tr("no IPv4 address")
        : QStringLiteral("%1/%2").arg(r.address.toString()).arg(r.prefixLength);
    QString state;
    switch (r.state) {
    case InterfaceReport::State::Used:
        if (r.joined)
            state = r.vpn ? tr("used (VPN), joined the group") : tr("used, joined the group");
        else
            state = tr("used, but joining the group failed: %1").arg(r.error);
        break;
    case InterfaceReport::State::Skipped:
        state = tr("skipped: its name matches %1 (a container or virtual machine bridge)")
                    .arg(r.skippedBy);
        break;
    case InterfaceReport::State::NotChosen:
        state = tr("skipped: not among the interfaces chosen in the settings");
        break;
    case InterfaceReport::State::Loopback:
        state = tr("skipped: loopback");
        break;
    case InterfaceReport::State::Down:
        state = tr("skipped: down");
        break;
    case InterfaceReport::State::NoMulticast:
        state = tr("skipped: no multicast");
        break;
    case InterfaceReport::State::NoIPv4:
        state = tr("skipped: no IPv4 address");
        break;
    }
    QString line = QStringLiteral("%1  %2  %3").arg(r.name, address, state);
    if (r.state == InterfaceReport::State::Used || r.heard > 0)
        line += QStringLiteral("  ") + tr("sent %1, heard %2").arg(r.sent).arg(r.heard);
    return line;
}

QStringList DiagnosisText::interfaceLines(const QList<InterfaceReport> &interfaces)
{
    QStringList out;
    for (const InterfaceReport &r : interfaces)
        out.append(interfaceLine(r));
    return out;
}

QString DiagnosisText::firewallLine(const FirewallReport &report)
{
    switch (report.verdict) {
    case FirewallReport::Verdict::NotChecked:
        return tr("Firewall: couldn't be checked (nft, iptables and ufw need root or aren't "
                  "installed).");
    case FirewallReport::Verdict::NoBlockFound:
        return tr("Firewall: %1 read, no rule found that blocks Ferry.")
            .arg(report.tools.join(QStringLiteral(", ")));
    case FirewallReport::Verdict::LikelyBlocking:
        return tr("Firewall: likely blocking (%1): %2")
            .arg(report.tools.join(QStringLiteral(", ")),
                report.evidence.join(QStringLiteral("; ")));
    }
    return {};
}

QStringList DiagnosisText::firewallCommands(quint16 port)
{
    return {QStringLiteral("sudo ufw allow %1/udp && sudo ufw allow %1/tcp").arg(port),
        QStringLiteral("sudo firewall-cmd --permanent --add-port=%1/udp --add-port=%1/tcp "
                       "&& sudo firewall-cmd --reload")
            .arg(port)};
}

bool DiagnosisText::nothingHeard(const QList<InterfaceReport> &interfaces)
{
    for (const InterfaceReport &r : interfaces) {
        if (r.state == InterfaceReport::State::Used && r.heard > 0)
            return false;
    }
    return true;
}

QStringList DiagnosisText::hints(
    const QList<InterfaceReport> &interfaces, const FirewallReport &firewall, quint16 port)
{
    QStringList out;
    bool anyUsed = false;
    QStringList vpns;
    for (const InterfaceReport &r : interfaces) {
        if (r.state == InterfaceReport::State::Used) {
            anyUsed = true;
            if (r.vpn)
                vpns.append(r.name);
        }
    }
    if (!anyUsed)
        out.append(tr("No network interface is in use: connect to a network (Wi-Fi or cable) "
                      "first."));
    if (anyUsed && nothingHeard(interfaces))
        out.append(tr("Multicast was not heard: no announcement from another device arrived "
                      "on any interface. A firewall on either device, or the access point, "
                      "drops it. Try Scan my network."));
    if (firewall.verdict == FirewallReport::Verdict::LikelyBlocking)
        out.append(tr("This computer's firewall likely blocks port %1. Open it for UDP and "
                      "TCP:")
                       .arg(port));
    else
        out.append(
            tr("If a firewall runs on either device, open port %1 for UDP and TCP:").arg(port));
    for (const QString &command : firewallCommands(port))
        out.append(QStringLiteral("    ") + command);
    out.append(tr("Wi-Fi access points with client isolation (\"AP isolation\", guest "
                  "networks) keep devices from seeing each other at all: turn it off in the "
                  "router, or join both devices to the same non-guest network."));
    if (!vpns.isEmpty())
        out.append(tr("A VPN is active (%1). Many VPNs block the local network: allow local "
                      "network access in its settings, or disconnect it.")
                       .arg(vpns.join(QStringLiteral(", "))));
    out.append(tr("A share on another subnet (say 192.168.1.x beside 192.168.0.x) is never "
                  "announced to you: type its address by hand."));
    return out;
}

} // namespace ferry
