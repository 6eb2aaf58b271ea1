#pragma once

#include "tls/identity.h"

#include <QSslConfiguration>

class QSslSocket;

namespace ferry {

/// The QSslSocket configuration Ferry used before TlsStream, which sets the same in OpenSSL:
/// TLS 1.3 only, this device's certificate, and the peer's certificate requested but not
/// verified against any CA (self-signed is expected; the pin is checked by the session).
/// Kept for peers that stand in for an older Ferry, and hostile peers, in the tests.
QSslConfiguration tlsConfiguration(const Identity &identity);

/// The first byte of a TLS record carrying a handshake (ClientHello).
constexpr char kTlsHandshakeByte = 0x16;

} // namespace ferry
