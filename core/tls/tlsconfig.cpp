#include "tls/tlsconfig.h"

#include <QSslSocket>

namespace ferry {

QSslConfiguration tlsConfiguration(const Identity &identity)
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setProtocol(QSsl::TlsV1_3OrLater);
    c.setLocalCertificate(identity.certificate());
    c.setPrivateKey(identity.key());
    // QueryPeer: ask for the certificate, verify nothing; both ends pin by fingerprint.
    c.setPeerVerifyMode(QSslSocket::QueryPeer);
    // No CA store: loading the system's roots would cost every handshake for nothing.
    c.setCaCertificates({});
    c.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    return c;
}

} // namespace ferry
