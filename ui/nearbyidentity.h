#pragma once

#include "discovery/discoveryconfig.h"

#include <QByteArray>
#include <QString>

namespace ferry {

/// This device as discovery announces it: the TLS identity's id and name, and the discovery
/// settings (skip list, intervals) with test overrides from the environment.
class NearbyIdentity
{
public:
    /// The TLS identity's fingerprint, its first kIdSize bytes (the identity is made if there
    /// is none); randomId() when it can't be read.
    static QByteArray deviceId();
    /// A random id made once and kept in the settings: for a --plaintext share, which must not
    /// claim the identity it doesn't use.
    static QByteArray randomId();
    /// The device's one name: the TLS identity's (DeviceIdentity::setName), else the host name.
    static QString deviceName();
    /// Whether the share is announced (the server tab's switch; on by default).
    static bool visible();
    static void setVisible(bool visible);

    /// A config with the id, the name and the settings, not yet sharing (tcpPort 0). Without
    /// \a useIdentity (a --plaintext share), the id is randomId() and no identity is made.
    /// FERRY_DISCOVERY_INTERVAL_MS, _EXPIRY_MS, _POLL_MS, _BURST_MS (comma list), _PORT, _SKIP
    /// (comma list of patterns) and _ONLY (interface names) override it: tests use them.
    static discovery::DiscoveryConfig config(bool useIdentity = true);
};

} // namespace ferry
