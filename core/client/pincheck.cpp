#include "client/pincheck.h"

#include "tls/truststore.h"

namespace ferry {

PinVerdict checkPin(const TlsClientOptions &options, PeerDevice *peer, Failure *failure)
{
    const TrustStore store(options.storeDir);
    const QByteArray &fp = peer->fingerprint;
    if (fp == options.identity.fingerprint()) {
        // This device's own certificate: TLS proved the server holds our private key, so it
        // is us (the window downloading from its own share, or a second instance).
        peer->name = options.identity.name();
        return PinVerdict::Trusted;
    }
    if (const auto known = store.atAddress(peer->address)) {
        if (known->fingerprint != fp) {
            // The SSH rule: a changed key is an attack until the user says otherwise.
            *failure = {ErrorCode::CertificateChanged,
                known->name + QLatin1Char('\n') + fingerprintHex(known->fingerprint)
                    + QLatin1Char('\n') + fingerprintHex(fp)};
            return PinVerdict::Refused;
        }
        peer->name = known->name;
        return PinVerdict::Trusted;
    }
    if (const auto known = store.byFingerprint(fp)) {
        // A trusted device at a new address (DHCP): the certificate is what was trusted.
        peer->name = known->name;
        return PinVerdict::Trusted;
    }
    const QString expected = options.expectedFingerprint.toLower();
    if (!expected.isEmpty() && !fingerprintHex(fp).startsWith(expected)) {
        *failure
            = {ErrorCode::FingerprintMismatch, expected + QLatin1Char('\n') + fingerprintHex(fp)};
        return PinVerdict::Refused;
    }
    return PinVerdict::FirstContact;
}

Failure untrustedFailure(const PeerDevice &peer)
{
    return {ErrorCode::Untrusted,
        peer.name + QLatin1Char('\n') + fingerprintHex(peer.fingerprint) + QLatin1Char('\n')
            + peer.code};
}

} // namespace ferry
