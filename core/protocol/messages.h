#pragma once

#include "protocol/errorcode.h"
#include "protocol/frame.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace ferry::protocol {

/// Typed bodies of control frames. Every parse function is pure and returns nullopt on a
/// malformed body; the caller treats that as a protocol error.

struct Hello
{
    quint16 version = kProtocolVersion;
    quint32 flags = 0;
    QByteArray nonce; ///< 16 bytes when PasswordRequired, else none.
    QString name; ///< The sender's device name (HasName); sent only over TLS.
};
enum HelloFlag : quint32 {
    PasswordRequired = 0x1,
    /// Sent in clear by a TLS server to a client that spoke plaintext; nothing else follows.
    EncryptionRequired = 0x2,
    HasName = 0x4,
};
QByteArray encodeHello(const Hello &hello);
/// A Hello of another version parses as far as its version, so the caller can say so.
std::optional<Hello> parseHello(QByteArrayView body);

struct FileEntry
{
    QString name; ///< Canonical relative name, '/'-separated.
    qint64 size = 0;
    qint64 mtimeMs = 0; ///< Milliseconds since the epoch, UTC.
    bool isFolder = false; ///< A folder (empty or not); size and mtimeMs unused.
    bool operator==(const FileEntry &o) const
    {
        return name == o.name && size == o.size && mtimeMs == o.mtimeMs;
    }
};

/// Splits \a entries into ListEntries frames no larger than kMaxListBody (frames included).
QByteArray encodeListEntries(const QList<FileEntry> &entries);
std::optional<QList<FileEntry>> parseListEntries(QByteArrayView body);

struct GetRequest
{
    QString name;
    /// The client accepts at offset 0, without waiting for the Offer, any file of at most
    /// this many bytes; -1 (not sent) means it answers every Offer itself.
    qint64 acceptUpTo = -1;
};
QByteArray encodeGetRequest(const QString &name, qint64 acceptUpTo = -1);
std::optional<GetRequest> parseGetRequest(QByteArrayView body);

QByteArray encodeOffer(const FileEntry &entry);
std::optional<FileEntry> parseOffer(QByteArrayView body);

QByteArray encodeAccept(qint64 offset);
std::optional<qint64> parseAccept(QByteArrayView body);

QByteArray encodeEnd(const QByteArray &md5Hex);
std::optional<QByteArray> parseEnd(QByteArrayView body);

QByteArray encodeError(ErrorCode code, const QString &detail);
std::optional<Failure> parseError(QByteArrayView body);

QByteArray encodeAuthProof(const QByteArray &clientNonce, const QByteArray &proof);
struct AuthProof
{
    QByteArray clientNonce;
    QByteArray proof;
};
std::optional<AuthProof> parseAuthProof(QByteArrayView body);

} // namespace ferry::protocol
