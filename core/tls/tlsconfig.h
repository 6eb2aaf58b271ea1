#pragma once

#include "tls/identity.h"

#include <QSslConfiguration>

class QSslSocket;

namespace ferry {

/// TLS 1.3 only, this device's certificate, and the peer's certificate requested but not
/// verified against any CA: self-signed is expected, the pin (the fingerprint) is checked by
/// the session itself before a single frame is read or written.
QSslConfiguration tlsConfiguration(const Identity &identity);

/// The first byte of a TLS record carrying a handshake (ClientHello).
constexpr char kTlsHandshakeByte = 0x16;

} // namespace ferry
