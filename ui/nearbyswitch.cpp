#include "nearbyswitch.h"

#include "deviceidentity.h"
#include "nearbyidentity.h"
#include "nearbyservice.h"

#include <QEvent>

namespace ferry {

NearbySwitch::NearbySwitch(QWidget *parent) : QCheckBox(parent)
{
    setObjectName(QStringLiteral("visibleOnNetwork"));
    setChecked(NearbyService::isVisible());
    connect(this, &QCheckBox::toggled, this, [](bool on) { NearbyService::setVisible(on); });
    connect(DeviceNameSignal::instance(), &DeviceNameSignal::changed, this,
        &NearbySwitch::retranslateUi);
    retranslateUi();
}

void NearbySwitch::setShare(quint16 port, bool passwordRequired)
{
    NearbyService::setShare(port, passwordRequired);
}

void NearbySwitch::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QCheckBox::changeEvent(event);
}

void NearbySwitch::retranslateUi()
{
    setText(tr("Visible on the ne&twork as %1").arg(NearbyIdentity::deviceName()));
    setToolTip(tr("Announce the share so that nearby computers list it. Switched off, it can "
                  "still be reached by address."));
}

} // namespace ferry
