#include "nearbyidentity.h"

#include "discovery/announcement.h"

#include <QRandomGenerator>
#include <QSettings>
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
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
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
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
    const QString set
        = discovery::cleanDeviceName(s.value(QStringLiteral("discovery/name")).toString());
    if (!set.isEmpty())
        return set;
    const QString host = discovery::cleanDeviceName(QSysInfo::machineHostName());
    return host.isEmpty() ? QStringLiteral("Ferry") : host;
}

void NearbyIdentity::setDeviceName(const QString &name)
{
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
    s.setValue(QStringLiteral("discovery/name"), discovery::cleanDeviceName(name));
}

bool NearbyIdentity::visible()
{
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
    return s.value(QStringLiteral("discovery/visible"), true).toBool();
}

void NearbyIdentity::setVisible(bool visible)
{
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
    s.setValue(QStringLiteral("discovery/visible"), visible);
}

discovery::DiscoveryConfig NearbyIdentity::config()
{
    discovery::DiscoveryConfig c;
    c.deviceId = deviceId();
    c.name = deviceName();
    QSettings s(QStringLiteral("Ferry"), QStringLiteral("ferry"));
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
