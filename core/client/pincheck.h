#pragma once

#include "protocol/errorcode.h"
#include "tls/identity.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

namespace ferry {

/// How the client checks the server's certificate. A null identity means --plaintext.
struct TlsClientOptions
{
    Identity identity;
    QString storeDir; ///< Where the trust store (devices.json) lives.
    QString expectedFingerprint; ///< --fingerprint: hex, full or a prefix of >= 16 digits.
    bool trustNew = false; ///< --trust-new: trust a device never seen before.
    bool askUser = false; ///< Emit trustRequired() and wait for trustPeer().
};

/// The server as the TLS handshake showed it.
struct PeerDevice
{
    QByteArray fingerprint; ///< SHA-256 of its certificate; empty over plaintext.
    QString name; ///< From its Hello.
    QString address; ///< host:port
    QString code; ///< The comparison code both ends can show.
};

/// What the trust store says of a server's certificate, before any frame leaves.
enum class PinVerdict {
    Trusted,
    FirstContact, ///< Never seen: decide once its Hello names it.
    Refused, ///< See the failure.
};

/// Checks \a peer (fingerprint and address set) against the store and the options; fills in
/// its name when known.
PinVerdict checkPin(const TlsClientOptions &options, PeerDevice *peer, Failure *failure);

/// The failure for a first contact nobody confirmed.
Failure untrustedFailure(const PeerDevice &peer);

} // namespace ferry

Q_DECLARE_METATYPE(ferry::PeerDevice)
