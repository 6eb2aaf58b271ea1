#pragma once

#include "discovery/discoveryconfig.h"

#include <QByteArray>
#include <QString>

namespace ferry {

/// This device as discovery announces it: a random id and a name, kept in the settings, and
/// the discovery settings (skip list, intervals) with test overrides from the environment.
class NearbyIdentity
{
public:
    /// The id, created with a system random generator on first use and kept afterwards.
    static QByteArray deviceId();
    /// The name set by the user, else the host name.
    static QString deviceName();
    static void setDeviceName(const QString &name);
    /// Whether the share is announced (the server tab's switch; on by default).
    static bool visible();
    static void setVisible(bool visible);

    /// A config with the id, the name and the settings, not yet sharing (tcpPort 0).
    /// FERRY_DISCOVERY_INTERVAL_MS, _EXPIRY_MS, _POLL_MS, _BURST_MS (comma list), _PORT, _SKIP
    /// (comma list of patterns) and _ONLY (interface names) override it: tests use them.
    static discovery::DiscoveryConfig config();
};

} // namespace ferry
