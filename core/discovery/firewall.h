#pragma once

#include <QString>
#include <QStringList>

namespace ferry::discovery {

/// Whether this machine's firewall likely blocks Ferry's port, as far as it can be read
/// without root.
struct FirewallReport
{
    enum class Verdict {
        NotChecked, ///< No tool could be read (not installed, or root needed).
        NoBlockFound,
        LikelyBlocking,
    };
    Verdict verdict = Verdict::NotChecked;
    QStringList tools; ///< The tools that were read, e.g. "nft".
    QStringList evidence; ///< Rule lines behind LikelyBlocking.
};

/// Runs nft / iptables / ufw with a short timeout each (blocking: call it off the GUI thread).
FirewallReport checkFirewall(quint16 port);

/// Pure: reads `nft list ruleset` output. Returns rule lines that would drop Ferry's UDP or
/// TCP on \a port in an input hook (a drop policy without an accept for the port counts).
QStringList nftBlockingLines(const QString &ruleset, quint16 port);
/// Pure: the same for `iptables -S` output.
QStringList iptablesBlockingLines(const QString &rules, quint16 port);

} // namespace ferry::discovery
