#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace ferry::auth {

/// The password proof of a protected share (see docs/protocol.md, "Authentication").
///
/// key   = PBKDF2-HMAC-SHA256(password, kSalt, kIterations, 32 bytes)
/// proof = HMAC-SHA256(key, "ferry-auth-v2" || serverNonce || clientNonce || channel)
/// channel = SHA-256 fingerprint of the server's certificate || the client's (64 bytes), or
///           empty on a --plaintext connection. A proof relayed by a man in the middle was
///           made for the relay's certificates, so the server's check fails.
///
/// The salt is a fixed per-protocol string, so the server derives the key once at start
/// instead of running PBKDF2 for every attempt a stranger makes; freshness comes from the
/// two nonces. The proof never reveals the password, but it does allow an offline guess
/// by someone who recorded the exchange: choose a password that is not in a dictionary.

constexpr int kNonceSize = 16;
constexpr int kProofSize = 32;
constexpr int kIterations = 100000;

/// Runs PBKDF2; about 0.3 s on a laptop core, once per server and once per connection.
QByteArray deriveKey(const QByteArray &password);

/// HMAC over the context string, both nonces and the channel binding.
QByteArray proof(const QByteArray &key, QByteArrayView serverNonce, QByteArrayView clientNonce,
    QByteArrayView channel = {});

/// kNonceSize bytes from the system's CSPRNG.
QByteArray randomNonce();

/// Compares without an early exit, so the time taken doesn't tell how much matched.
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace ferry::auth
