#include "deviceidentity.h"

#include "nearbyservice.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace ferry {

Identity &DeviceIdentity::cache()
{
    static Identity identity;
    return identity;
}

bool &DeviceIdentity::loaded()
{
    static bool done = false;
    return done;
}

Identity DeviceIdentity::get(QWidget *parent)
{
    if (loaded())
        return cache();
    loaded() = true;
    const QString dir = Identity::dataDir();
    Identity::Status status;
    QString detail;
    cache() = Identity::loadOrCreate(dir, &status, &detail);
    if (status != Identity::Status::BadPermissions && status != Identity::Status::Corrupt)
        return cache();
    const QString path = QDir::toNativeSeparators(Identity::identityPath(dir));
    QMessageBox box(QMessageBox::Warning, tr("Device identity"),
        status == Identity::Status::BadPermissions
            ? tr("The identity file %1 can be read by other users, so its key may be known.")
                  .arg(path)
            : tr("The identity file %1 is damaged.").arg(path),
        QMessageBox::NoButton, parent);
    box.setInformativeText(tr("Make a new identity? Every device that trusts this one will "
                              "refuse it until it forgets the old one. Without an identity, "
                              "Ferry can neither share nor download."));
    QPushButton *make = box.addButton(tr("&Make a new identity"), QMessageBox::AcceptRole);
    box.addButton(tr("&Not now"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == make)
        cache() = Identity::create(dir, &status, &detail);
    return cache();
}

bool DeviceIdentity::setName(const QString &name)
{
    get(nullptr); // Loaded once; the name lives next to the key.
    Identity &identity = cache();
    if (identity.isNull() || !identity.setName(name))
        return false;
    NearbyService::setName(identity.name());
    emit DeviceNameSignal::instance()->changed(identity.name());
    return true;
}

DeviceNameSignal *DeviceNameSignal::instance()
{
    static DeviceNameSignal signal;
    return &signal;
}

TlsClientOptions DeviceIdentity::clientOptions(QWidget *parent)
{
    TlsClientOptions options;
    options.identity = get(parent);
    options.storeDir = Identity::dataDir();
    options.askUser = true;
    return options;
}

bool DeviceIdentity::askTrust(QWidget *parent, const PeerDevice &peer)
{
    QMessageBox box(QMessageBox::Question, tr("Trust this device?"),
        tr("First connection to \"%1\" at %2.").arg(peer.name, peer.address), QMessageBox::NoButton,
        parent);
    box.setObjectName(QStringLiteral("trustDialog"));
    box.setInformativeText(
        tr("Check that the other computer shows the same comparison code:\n\n%1\n\n"
           "Trust it only if the codes match. Fingerprint:\n%2")
            .arg(peer.code, grouped(fingerprintHex(peer.fingerprint))));
    QPushButton *trust = box.addButton(tr("&Trust"), QMessageBox::AcceptRole);
    QPushButton *refuse = box.addButton(tr("&Don't trust"), QMessageBox::RejectRole);
    box.setDefaultButton(refuse);
    box.exec();
    return box.clickedButton() == trust;
}

QString DeviceIdentity::grouped(const QString &hex)
{
    QStringList groups;
    for (int i = 0; i < hex.size(); i += 4)
        groups.append(hex.mid(i, 4));
    return groups.join(QLatin1Char(' '));
}

} // namespace ferry
