#pragma once

#include "discovery/discoveryconfig.h"
#include "discovery/peertable.h"

#include <QCoreApplication>
#include <QStringList>

namespace ferry {

/// `ferry discover`: lists the shares heard within a short wait, one tab-separated line each;
/// with --diagnose, says per interface what discovery did and why a share may be missing.
class DiscoverCommand
{
    Q_DECLARE_TR_FUNCTIONS(DiscoverCommand)
public:
    int run(const QStringList &arguments);

    /// Resolves a device name for `--host NAME`: the shares announced under \a name (compared
    /// without case), heard within \a waitMs. Stops early once one answered and a short grace
    /// for a second one passed.
    static QList<discovery::Peer> resolve(const QString &name, int waitMs = 2000);
    /// The stable line: name, address, port, id (hex), password yes/no, tab-separated.
    static QString peerLine(const discovery::Peer &peer);

private:
    int watch(const discovery::DiscoveryConfig &config);
};

} // namespace ferry
