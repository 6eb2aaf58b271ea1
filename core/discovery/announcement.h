#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace ferry::discovery {

/// Bounds of the discovery datagram; a datagram outside them is dropped unread.
constexpr int kMaxDatagram = 511; ///< Under 512 bytes, as the design asks.
constexpr int kIdSize = 16;
constexpr int kMaxNameBytes = 64;
constexpr quint8 kVersion = 1;
constexpr char kDatagramMagic[] = "FRYD";
constexpr int kDatagramMagicSize = 4;
/// magic, version, kind, flags, id, port, name length.
constexpr int kFixedSize = kDatagramMagicSize + 1 + 1 + 1 + kIdSize + 2 + 1;

/// One discovery datagram: an announcement, a query or a goodbye. Untrusted: every field is
/// only a hint until a TLS handshake proves the identity.
struct Announcement
{
    enum class Kind : quint8 {
        Announce = 1, ///< "I share on this port"; sent to the group.
        Reply = 2, ///< The same, sent by unicast in answer; never answered again.
        Query = 3, ///< "Who shares here?"; every sharer answers by unicast.
        Goodbye = 4, ///< "I stop sharing"; removes the sender at once.
    };
    enum Flag : quint8 {
        PasswordRequired = 0x1,
    };
    Kind kind = Kind::Announce;
    QByteArray id; ///< kIdSize bytes.
    QString name; ///< 1..kMaxNameBytes bytes of UTF-8, no control or bidi characters.
    quint16 port = 0; ///< The TCP port of the share; 0 for a query.
    bool passwordRequired = false;

    bool operator==(const Announcement &o) const
    {
        return kind == o.kind && id == o.id && name == o.name && port == o.port
            && passwordRequired == o.passwordRequired;
    }
};

/// Encodes \a a; the name is cut to kMaxNameBytes on a character boundary.
QByteArray encodeAnnouncement(const Announcement &a);

/// Pure: parses one datagram. Returns nullopt for anything outside the bounds: wrong magic or
/// version, unknown kind or flags, wrong sizes, a name that is not clean UTF-8, port 0 in an
/// announcement. A later version may append fields: bytes after the name are ignored.
std::optional<Announcement> parseAnnouncement(QByteArrayView datagram);

/// A name cut to kMaxNameBytes of UTF-8 without splitting a character, control and bidi
/// formatting characters replaced by spaces.
QString cleanDeviceName(const QString &name);

} // namespace ferry::discovery
