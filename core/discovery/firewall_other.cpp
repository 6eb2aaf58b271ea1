#include "discovery/firewall.h"

namespace ferry::discovery {

// Elsewhere the firewall isn't read: the diagnosis says it couldn't be checked.
FirewallReport checkFirewall(quint16)
{
    return {};
}

QStringList nftBlockingLines(const QString &, quint16)
{
    return {};
}

QStringList iptablesBlockingLines(const QString &, quint16)
{
    return {};
}

} // namespace ferry::discovery
