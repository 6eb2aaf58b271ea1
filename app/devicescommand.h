#pragma once

#include "client/clientsession.h"
#include "tls/identity.h"

#include <QCoreApplication>
#include <QStringList>

class QTextStream;

namespace ferry {

/// `ferry devices`: this device's identity and the devices it trusts; --forget, --name.
class DevicesCommand
{
    Q_DECLARE_TR_FUNCTIONS(DevicesCommand)
public:
    int run(const QStringList &arguments);

    /// This device's identity for `serve`, `list` and `get`: made on first use; a key file
    /// with loose permissions or damaged contents is an error, never silently replaced.
    static bool loadIdentity(const QString &command, Identity *identity, QTextStream &err);
    /// First contact on a terminal: shows the device, its fingerprint and the comparison
    /// code, and asks. True when the user typed yes.
    static bool askTrust(const PeerDevice &peer);
    /// The warning --plaintext prints on both sides.
    static QString plaintextWarning();
};

} // namespace ferry
