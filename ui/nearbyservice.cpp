#include "nearbyservice.h"

#include "nearbyidentity.h"

#include <QCoreApplication>
#include <QPointer>

namespace ferry {
namespace {
QPointer<discovery::Discovery> g_discovery;
quint16 g_port = 0;
bool g_password = false;
} // namespace

discovery::Discovery *NearbyService::discovery()
{
    if (qEnvironmentVariableIntValue("FERRY_NO_DISCOVERY") == 1)
        return nullptr;
    if (!g_discovery) {
        // Owned by the application: its destructor says goodbye when the window closes.
        g_discovery = new discovery::Discovery(QCoreApplication::instance());
        g_discovery->start(NearbyIdentity::config());
        apply();
    }
    return g_discovery;
}

void NearbyService::setShare(quint16 port, bool passwordRequired)
{
    g_port = port;
    g_password = passwordRequired;
    apply();
}

void NearbyService::setVisible(bool visible)
{
    NearbyIdentity::setVisible(visible);
    apply();
}

void NearbyService::setName(const QString &name)
{
    if (g_discovery)
        g_discovery->setName(name);
}

bool NearbyService::isVisible()
{
    return NearbyIdentity::visible();
}

void NearbyService::apply()
{
    discovery::Discovery *d = g_discovery ? g_discovery.data() : discovery();
    if (!d)
        return;
    d->setShare(isVisible() ? g_port : 0, g_password);
}

} // namespace ferry
