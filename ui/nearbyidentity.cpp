#include "nearbyidentity.h"

#include "discovery/announcement.h"
#include "tls/identity.h"
#include "uisettings.h"

#include <QRandomGenerator>
#include <QSysInfo>

namespace ferry {
namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

} // namespace

QByteArray NearbyIdentity::deviceId()
{
    // The TLS identity's fingerprint, cut to the datagram's id: a peer that trusted this
    // device can show it as trusted before connecting (still only a hint until the handshake
    // proves it). Made here when there is none yet, as the first share or download would;
    // a damaged one is left for the window or the command to report.
    Identity::Status status = Identity::Status::Missing;
    const Identity identity = Identity::loadOrCreate(Identity::dataDir(), &status);
    if (status == Identity::Status::Ok && !identity.isNull())
        return identity.fingerprint().left(discovery::kIdSize);
    return randomId();
}

QByteArray NearbyIdentity::randomId()
{
    UiSettings s;
    QByteArray id
        = QByteArray::fromHex(s.value(QStringLiteral("discovery/deviceId")).toByteArray());
    if (id.size() == discovery::kIdSize && id != QByteArray(discovery::kIdSize, '\0'))
        return id;
    id.resize(discovery::kIdSize);
    QRandomGenerator::system()->generate(id.begin(), id.end());
    s.setValue(QStringLiteral("discovery/deviceId"), QString::fromLatin1(id.toHex()));
    return id;
}

QString NearbyIdentity::deviceName()
{
    // One name for the device: the TLS identity's (shown on first contact), which is the
    // host name until the user sets one.
    Identity::Status status = Identity::Status::Missing;
    const Identity identity = Identity::load(Identity::dataDir(), &status);
    const QString name = discovery::cleanDeviceName(
        status == Identity::Status::Ok ? identity.name() : QSysInfo::machineHostName());
    return name.isEmpty() ? QStringLiteral("Ferry") : name;
}

bool NearbyIdentity::visible()
{
    UiSettings s;
    return s.value(QStringLiteral("discovery/visible"), true).toBool();
}

void NearbyIdentity::setVisible(bool visible)
{
    UiSettings s;
    s.setValue(QStringLiteral("discovery/visible"), visible);
}

discovery::DiscoveryConfig NearbyIdentity::config(bool useIdentity)
{
    discovery::DiscoveryConfig c;
    c.deviceId = useIdentity ? deviceId() : randomId();
    c.name = deviceName();
    UiSettings s;
    if (s.contains(QStringLiteral("discovery/skip")))
        c.skipPatterns = s.value(QStringLiteral("discovery/skip")).toStringList();
    c.announceIntervalMs = envInt("FERRY_DISCOVERY_INTERVAL_MS", c.announceIntervalMs);
    c.expiryMs = envInt("FERRY_DISCOVERY_EXPIRY_MS", c.expiryMs);
    c.interfacePollMs = envInt("FERRY_DISCOVERY_POLL_MS", qMin(c.interfacePollMs, c.expiryMs / 2));
    c.udpPort = quint16(envInt("FERRY_DISCOVERY_PORT", c.udpPort));
    if (qEnvironmentVariableIsSet("FERRY_DISCOVERY_SKIP"))
        c.skipPatterns = qEnvironmentVariable("FERRY_DISCOVERY_SKIP")
                             .split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (qEnvironmentVariableIsSet("FERRY_DISCOVERY_ONLY"))
        c.onlyInterfaces = qEnvironmentVariable("FERRY_DISCOVERY_ONLY")
                               .split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (qEnvironmentVariableIsSet("FERRY_DISCOVERY_BURST_MS")) {
        c.burstMs.clear();
        for (const QString &ms : qEnvironmentVariable("FERRY_DISCOVERY_BURST_MS")
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts))
            c.burstMs.append(ms.toInt());
    }
    return c;
}

} // namespace ferry
