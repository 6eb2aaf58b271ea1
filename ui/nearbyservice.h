#pragma once

#include "discovery/discovery.h"

namespace ferry {

/// The window's one Discovery, shared by the client tab (the Nearby list) and the server tab
/// (announcing the share). Started on first use; FERRY_NO_DISCOVERY=1 turns it off, so tests
/// that don't look at discovery send nothing on the machine's networks.
class NearbyService
{
public:
    /// The running Discovery, or nullptr when it is turned off.
    static discovery::Discovery *discovery();
    /// The share the server tab runs (port 0: none), announced only while visible().
    static void setShare(quint16 port, bool passwordRequired);
    static void setVisible(bool visible);
    /// Announces the device's new name at once (DeviceIdentity::setName calls it).
    static void setName(const QString &name);
    static bool isVisible();

private:
    static void apply();
};

} // namespace ferry
