#include "protocol/auth.h"

#include <QMessageAuthenticationCode>
#include <QPasswordDigestor>
#include <QRandomGenerator>

namespace ferry::auth {
namespace {
const QByteArray kSalt = QByteArrayLiteral("ferry-auth-v1 salt: ferry LAN share password");
const QByteArray kContext = QByteArrayLiteral("ferry-auth-v2");
} // namespace

QByteArray deriveKey(const QByteArray &password)
{
    return QPasswordDigestor::deriveKeyPbkdf2(
        QCryptographicHash::Sha256, password, kSalt, kIterations, 32);
}

QByteArray proof(const QByteArray &key, QByteArrayView serverNonce, QByteArrayView clientNonce,
    QByteArrayView channel)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, key);
    mac.addData(kContext);
    mac.addData(serverNonce.data(), serverNonce.size());
    mac.addData(clientNonce.data(), clientNonce.size());
    mac.addData(channel.data(), channel.size());
    return mac.result();
}

QByteArray randomNonce()
{
    QByteArray nonce(kNonceSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(nonce.data()), kNonceSize / 4);
    return nonce;
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    volatile unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

} // namespace ferry::auth
