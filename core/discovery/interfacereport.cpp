#include "discovery/interfacereport.h"

#include <QRegularExpression>

namespace ferry::discovery {

bool isVpnName(const QString &name)
{
    static const char *const prefixes[] = {"tun", "tap", "wg", "tailscale", "ppp", "zt", "utun"};
    for (const char *p : prefixes) {
        if (name.startsWith(QLatin1String(p)))
            return true;
    }
    return false;
}

InterfaceReport classifyInterface(const QNetworkInterface &iface, const QStringList &skipPatterns,
    const QStringList &onlyInterfaces)
{
    InterfaceReport r;
    r.name = iface.name();
    r.index = iface.index();
    for (const QNetworkAddressEntry &e : iface.addressEntries()) {
        if (e.ip().protocol() == QAbstractSocket::IPv4Protocol) {
            r.address = e.ip();
            r.prefixLength = e.prefixLength();
            break;
        }
    }
    r.vpn = isVpnName(r.name) || iface.type() == QNetworkInterface::Ppp;
    const auto flags = iface.flags();
    if (flags & QNetworkInterface::IsLoopBack) {
        r.state = InterfaceReport::State::Loopback;
        return r;
    }
    if (!onlyInterfaces.isEmpty() && !onlyInterfaces.contains(r.name)) {
        r.state = InterfaceReport::State::NotChosen;
        return r;
    }
    for (const QString &pattern : skipPatterns) {
        // The default conversion is anchored: "br-*" doesn't match "xbr-1".
        const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
        if (re.match(r.name).hasMatch()) {
            r.state = InterfaceReport::State::Skipped;
            r.skippedBy = pattern;
            return r;
        }
    }
    if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning))
        r.state = InterfaceReport::State::Down;
    else if (r.address.isNull())
        r.state = InterfaceReport::State::NoIPv4;
    else if (!(flags & QNetworkInterface::CanMulticast))
        r.state = InterfaceReport::State::NoMulticast;
    else
        r.state = InterfaceReport::State::Used;
    return r;
}

} // namespace ferry::discovery
