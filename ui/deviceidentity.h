#pragma once

#include "client/clientsession.h"
#include "tls/identity.h"

#include <QCoreApplication>
#include <QObject>

class QWidget;

namespace ferry {

/// This device's identity for the window: loaded (or made) once. A key file that others can
/// read, or that is damaged, is replaced only after the user agrees: a new identity breaks
/// every pin other devices hold.
class DeviceIdentity
{
    Q_DECLARE_TR_FUNCTIONS(DeviceIdentity)
public:
    /// Null when the user declined a new identity; the window then can't connect or share.
    static Identity get(QWidget *parent);
    /// Saves the device's one name (empty: the host name): first contact shows it, discovery
    /// announces it at once, and DeviceNameSignal tells the widgets that show it.
    static bool setName(const QString &name);
    /// The client's TLS options: this identity, the trust store, ask the user on first contact.
    static TlsClientOptions clientOptions(QWidget *parent);
    /// Asks "Trust this device?" with its name, address and comparison code.
    static bool askTrust(QWidget *parent, const PeerDevice &peer);
    /// "1a2b 3c4d ..." in groups of four, for reading aloud.
    static QString grouped(const QString &hex);

private:
    static Identity &cache();
    static bool &loaded();
};

/// Says that this device's name changed, wherever it was edited (server tab, Devices).
class DeviceNameSignal : public QObject
{
    Q_OBJECT
public:
    static DeviceNameSignal *instance();

signals:
    void changed(const QString &name);
};

} // namespace ferry
