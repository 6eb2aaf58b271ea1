#pragma once

#include "discovery/discoveryconfig.h"

#include <QHostAddress>
#include <QList>
#include <QNetworkInterface>
#include <QString>

namespace ferry::discovery {

/// What discovery did with one network interface: the "Can't see a share?" data.
struct InterfaceReport
{
    enum class State {
        Used,
        Skipped, ///< Its name matches a skip pattern (skippedBy).
        NotChosen, ///< Not among DiscoveryConfig::onlyInterfaces.
        Loopback,
        Down,
        NoMulticast,
        NoIPv4,
    };
    QString name;
    int index = 0;
    QHostAddress address; ///< First IPv4 address, if any.
    int prefixLength = -1;
    State state = State::Down;
    QString skippedBy; ///< The pattern that matched.
    bool vpn = false; ///< tun*, wg*, tailscale*, ppp*: used, but often blocks the LAN.
    bool joined = false; ///< Joined the group on this interface.
    QString error; ///< Why joining, binding or sending failed.
    qint64 sent = 0; ///< Datagrams sent on it.
    qint64 heard = 0; ///< Datagrams from other devices received on it.
};

/// Pure: how discovery treats \a iface under \a skipPatterns (wildcards, as in docker*).
InterfaceReport classifyInterface(const QNetworkInterface &iface, const QStringList &skipPatterns,
    const QStringList &onlyInterfaces = {});

/// True for interface names of common VPNs.
bool isVpnName(const QString &name);

} // namespace ferry::discovery
