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
    /// for a second one passed. DNS is asked at the same time: once it knows the name and
    /// discovery heard nothing within kDnsGraceMs, it stops with no shares (the caller then
    /// connects by name), so a host name costs no discovery wait.
    static QList<discovery::Peer> resolve(const QString &name, int waitMs = 2000);
    /// How long a name DNS knows still waits for an announcement of it: the answers to the
    /// query discovery sends come by unicast within milliseconds on a LAN.
    static constexpr int kDnsGraceMs = 300;
    /// The stable line: name, address, port, id (hex), password yes/no, tab-separated.
    static QString peerLine(const discovery::Peer &peer);

private:
    int watch(const discovery::DiscoveryConfig &config);
};

} // namespace ferry
