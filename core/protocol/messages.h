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

/// Splits \a entries into ListEntries frames within kMaxListBody and kMaxListEntries, then
/// the final ListEnd.
QByteArray encodeListEntries(const QList<FileEntry> &entries);
/// A frame of more than kMaxListEntries entries, or a folder with a size, is malformed.
std::optional<QList<FileEntry>> parseListEntries(QByteArrayView body);

/// Builds ListEntries frames one entry at a time, so a sender walking a huge tree holds at
/// most one frame of it.
class ListFrameBuilder
{
public:
    /// Adds \a entry. When it doesn't fit the frame being built, that frame is returned
    /// complete and the entry starts the next; otherwise returns an empty array.
    QByteArray add(const FileEntry &entry);
    /// The frame being built, complete (empty when no entry waits).
    QByteArray flush();
    quint32 count() const { return m_count; }

private:
    QByteArray m_body;
    quint32 m_count = 0;
};

/// A hash query: the server's MD5 of a whole file, without the file.
QByteArray encodeHashRequest(const QString &name);
std::optional<QString> parseHashRequest(QByteArrayView body);
struct HashReply
{
    FileEntry entry; ///< Name, size and mtime of the file that was hashed.
    QByteArray md5Hex;
};
QByteArray encodeHashReply(const HashReply &reply);
std::optional<HashReply> parseHashReply(QByteArrayView body);

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
