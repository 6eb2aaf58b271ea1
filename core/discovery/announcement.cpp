#include "discovery/announcement.h"

#include <QList>
#include <QStringDecoder>
#include <QtEndian>

namespace ferry::discovery {
namespace {

/// Bidirectional formatting characters: a name holding one shows as another text (an RTL
/// override turns "gpj.exe" into "exe.jpg") and spills its direction into the row beside it.
bool isBidiControl(char32_t c)
{
    return c == 0x61c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
}

bool isControl(char32_t c)
{
    return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || isBidiControl(c);
}

} // namespace

QString cleanDeviceName(const QString &name)
{
    QString out;
    qsizetype bytes = 0;
    for (const uint c : name.toUcs4()) {
        const char32_t shown = isControl(c) ? U' ' : char32_t(c);
        const QString piece = QString::fromUcs4(&shown, 1);
        const qsizetype size = piece.toUtf8().size();
        if (bytes + size > kMaxNameBytes)
            break;
        bytes += size;
        out += piece;
    }
    return out.trimmed();
}

QByteArray encodeAnnouncement(const Announcement &a)
{
    const QByteArray name = cleanDeviceName(a.name).toUtf8();
    QByteArray out;
    out.reserve(kFixedSize + name.size());
    out.append(kDatagramMagic, kDatagramMagicSize);
    out.append(char(kVersion));
    out.append(char(a.kind));
    out.append(char(a.passwordRequired ? Announcement::PasswordRequired : 0));
    const QByteArray id = a.id.left(kIdSize);
    out.append(id);
    out.append(QByteArray(kIdSize - id.size(), '\0'));
    char port[2];
    qToBigEndian<quint16>(a.port, port);
    out.append(port, 2);
    out.append(char(name.size()));
    out.append(name);
    return out;
}

std::optional<Announcement> parseAnnouncement(QByteArrayView d)
{
    if (d.size() < kFixedSize || d.size() > kMaxDatagram)
        return std::nullopt;
    if (d.first(kDatagramMagicSize) != QByteArrayView(kDatagramMagic, kDatagramMagicSize))
        return std::nullopt;
    qsizetype at = kDatagramMagicSize;
    if (quint8(d[at++]) != kVersion)
        return std::nullopt;
    const quint8 kind = quint8(d[at++]);
    if (kind < quint8(Announcement::Kind::Announce) || kind > quint8(Announcement::Kind::Goodbye))
        return std::nullopt;
    const quint8 flags = quint8(d[at++]);
    if (flags & ~quint8(Announcement::PasswordRequired))
        return std::nullopt;
    Announcement a;
    a.kind = Announcement::Kind(kind);
    a.passwordRequired = flags & Announcement::PasswordRequired;
    a.id = d.sliced(at, kIdSize).toByteArray();
    at += kIdSize;
    a.port = qFromBigEndian<quint16>(d.data() + at);
    at += 2;
    const int nameSize = quint8(d[at++]);
    if (nameSize > kMaxNameBytes || d.size() - at < nameSize)
        return std::nullopt;
    if (a.id == QByteArray(kIdSize, '\0'))
        return std::nullopt;
    const bool sharer
        = a.kind == Announcement::Kind::Announce || a.kind == Announcement::Kind::Reply;
    if (sharer && (a.port == 0 || nameSize == 0))
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    a.name = utf8(d.sliced(at, nameSize));
    if (utf8.hasError())
        return std::nullopt;
    // Whitelisted, not cleaned: a name that cleaning would change is refused.
    if (a.name != cleanDeviceName(a.name))
        return std::nullopt;
    return a;
}

} // namespace ferry::discovery
