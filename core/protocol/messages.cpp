#include "protocol/messages.h"

#include <QtEndian>

namespace ferry::protocol {
namespace {

/// Appends big-endian fields to a body.
class Writer
{
public:
    void u8(quint8 v) { m_out.append(char(v)); }
    void u16(quint16 v) { put<quint16>(v); }
    void u32(quint32 v) { put<quint32>(v); }
    void i64(qint64 v) { put<qint64>(v); }
    void bytes(QByteArrayView b) { m_out.append(b.data(), b.size()); }
    void string(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8().left(0xffff);
        u16(quint16(utf8.size()));
        bytes(utf8);
    }
    QByteArray take() { return std::move(m_out); }

private:
    template<typename T> void put(T v)
    {
        char buf[sizeof(T)];
        qToBigEndian<T>(v, buf);
        m_out.append(buf, sizeof(T));
    }
    QByteArray m_out;
};

/// Reads big-endian fields from a body; any overrun makes it fail for good.
class Reader
{
public:
    explicit Reader(QByteArrayView in) : m_in(in) { }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_in.size(); }
    quint16 u16() { return get<quint16>(); }
    quint32 u32() { return get<quint32>(); }
    qint64 i64() { return get<qint64>(); }
    QByteArrayView bytes(qint64 n)
    {
        if (!m_ok || n < 0 || m_in.size() - m_pos < n) {
            m_ok = false;
            return {};
        }
        QByteArrayView v = m_in.sliced(m_pos, n);
        m_pos += n;
        return v;
    }
    QString string(int maxBytes)
    {
        const quint16 n = u16();
        if (n > maxBytes) {
            m_ok = false;
            return {};
        }
        const QByteArrayView b = bytes(n);
        if (!m_ok)
            return {};
        QString s = QString::fromUtf8(b);
        // Refuse invalid UTF-8 instead of letting U+FFFD stand in for it.
        if (s.toUtf8() != b)
            m_ok = false;
        return s;
    }

private:
    template<typename T> T get()
    {
        if (!m_ok || m_in.size() - m_pos < qint64(sizeof(T))) {
            m_ok = false;
            return T {};
        }
        T v = qFromBigEndian<T>(m_in.data() + m_pos);
        m_pos += sizeof(T);
        return v;
    }
    QByteArrayView m_in;
    qint64 m_pos = 0;
    bool m_ok = true;
};

bool isHexMd5(QByteArrayView v)
{
    if (v.size() != kMd5HexSize)
        return false;
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

void writeEntry(Writer &w, const FileEntry &e)
{
    w.string(e.name);
    w.i64(e.size);
    w.i64(e.mtimeMs);
}

std::optional<FileEntry> readEntry(Reader &r)
{
    FileEntry e;
    e.name = r.string(kMaxNameBytes);
    e.size = r.i64();
    e.mtimeMs = r.i64();
    if (!r.ok() || e.size < 0 || e.name.isEmpty())
        return std::nullopt;
    return e;
}

} // namespace

QByteArray encodeHello(const Hello &hello)
{
    Writer w;
    w.bytes(QByteArrayView(kMagic, kMagicSize));
    w.u16(hello.version);
    quint32 flags = hello.flags & ~quint32(HasName);
    if (!hello.name.isEmpty())
        flags |= HasName;
    w.u32(flags);
    if (flags & PasswordRequired)
        w.bytes(hello.nonce);
    if (flags & HasName)
        w.string(hello.name.toUtf8().size() > kMaxDeviceNameBytes ? QString() : hello.name);
    return encodeFrame(FrameType::Hello, w.take());
}

std::optional<Hello> parseHello(QByteArrayView body)
{
    Reader r(body);
    if (r.bytes(kMagicSize) != QByteArrayView(kMagic, kMagicSize))
        return std::nullopt;
    Hello h;
    h.version = r.u16();
    h.flags = r.u32();
    if (!r.ok())
        return std::nullopt;
    if (h.version != kProtocolVersion)
        return h;
    if (h.flags & PasswordRequired)
        h.nonce = r.bytes(16).toByteArray();
    if (h.flags & HasName)
        h.name = r.string(kMaxDeviceNameBytes);
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return h;
}

namespace {
enum class EntryKind : quint8 {
    File = 0,
    Folder = 1,
};
/// The smallest listed entry: a one-byte name, the kind, size and mtime.
constexpr qint64 kMinListedEntry = 2 + 1 + 1 + 16;

void writeListed(Writer &w, const FileEntry &e)
{
    w.string(e.name);
    w.u8(quint8(e.isFolder ? EntryKind::Folder : EntryKind::File));
    w.i64(e.isFolder ? 0 : e.size);
    w.i64(e.isFolder ? 0 : e.mtimeMs);
}

std::optional<FileEntry> readListed(Reader &r)
{
    FileEntry e;
    e.name = r.string(kMaxNameBytes);
    const QByteArrayView kind = r.bytes(1);
    e.size = r.i64();
    e.mtimeMs = r.i64();
    if (!r.ok() || e.size < 0 || e.name.isEmpty())
        return std::nullopt;
    if (kind[0] == char(EntryKind::Folder)) {
        // A folder has no size of its own: a nonzero one is a lie the receiver would add up.
        if (e.size != 0 || e.mtimeMs != 0)
            return std::nullopt;
        e.isFolder = true;
    } else if (kind[0] != char(EntryKind::File)) {
        return std::nullopt;
    }
    return e;
}
} // namespace

QByteArray ListFrameBuilder::add(const FileEntry &entry)
{
    const qint64 entrySize = 2 + qMin<qint64>(entry.name.toUtf8().size(), 0xffff) + 1 + 16;
    QByteArray done;
    if (m_count > 0 && (m_count >= kMaxListEntries || 4 + m_body.size() + entrySize > kMaxListBody))
        done = flush();
    Writer w;
    writeListed(w, entry);
    m_body += w.take();
    ++m_count;
    return done;
}

QByteArray ListFrameBuilder::flush()
{
    if (m_count == 0)
        return {};
    Writer framed;
    framed.u32(m_count);
    framed.bytes(m_body);
    m_body.clear();
    m_count = 0;
    return encodeFrame(FrameType::ListEntries, framed.take());
}

QByteArray encodeListEntries(const QList<FileEntry> &entries)
{
    QByteArray out;
    ListFrameBuilder builder;
    for (const FileEntry &e : entries)
        out += builder.add(e);
    out += builder.flush();
    out += encodeFrame(FrameType::ListEnd);
    return out;
}

std::optional<QList<FileEntry>> parseListEntries(QByteArrayView body)
{
    Reader r(body);
    const quint32 count = r.u32();
    // Each entry takes at least kMinListedEntry bytes; a count beyond that is a lie.
    if (!r.ok() || count > kMaxListEntries || qint64(count) * kMinListedEntry > body.size())
        return std::nullopt;
    QList<FileEntry> entries;
    entries.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        auto e = readListed(r);
        if (!e)
            return std::nullopt;
        entries.append(*e);
    }
    if (!r.atEnd())
        return std::nullopt;
    return entries;
}

QByteArray encodeHashRequest(const QString &name)
{
    Writer w;
    w.string(name);
    return encodeFrame(FrameType::HashRequest, w.take());
}

std::optional<QString> parseHashRequest(QByteArrayView body)
{
    Reader r(body);
    const QString name = r.string(kMaxNameBytes);
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return name;
}

QByteArray encodeHashReply(const HashReply &reply)
{
    Writer w;
    writeEntry(w, reply.entry);
    w.bytes(reply.md5Hex);
    return encodeFrame(FrameType::HashReply, w.take());
}

std::optional<HashReply> parseHashReply(QByteArrayView body)
{
    Reader r(body);
    HashReply reply;
    auto e = readEntry(r);
    const QByteArrayView md5 = r.bytes(kMd5HexSize);
    if (!e || !r.ok() || !r.atEnd() || !isHexMd5(md5))
        return std::nullopt;
    reply.entry = *e;
    reply.md5Hex = md5.toByteArray();
    return reply;
}

QByteArray encodeGetRequest(const QString &name, qint64 acceptUpTo)
{
    Writer w;
    w.string(name);
    if (acceptUpTo >= 0)
        w.i64(acceptUpTo);
    return encodeFrame(FrameType::GetRequest, w.take());
}

std::optional<GetRequest> parseGetRequest(QByteArrayView body)
{
    Reader r(body);
    GetRequest request;
    request.name = r.string(kMaxNameBytes);
    if (r.ok() && !r.atEnd()) {
        request.acceptUpTo = r.i64();
        if (request.acceptUpTo < 0) // "not sent" is said by leaving the field out
            return std::nullopt;
    }
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    return request;
}

QByteArray encodeOffer(const FileEntry &entry)
{
    Writer w;
    writeEntry(w, entry);
    return encodeFrame(FrameType::Offer, w.take());
}

std::optional<FileEntry> parseOffer(QByteArrayView body)
{
    Reader r(body);
    auto e = readEntry(r);
    if (!e || !r.atEnd())
        return std::nullopt;
    return e;
}

QByteArray encodeAccept(qint64 offset)
{
    Writer w;
    w.i64(offset);
    return encodeFrame(FrameType::Accept, w.take());
}

std::optional<qint64> parseAccept(QByteArrayView body)
{
    Reader r(body);
    const qint64 offset = r.i64();
    if (!r.ok() || !r.atEnd() || offset < 0)
        return std::nullopt;
    return offset;
}

QByteArray encodeEnd(const QByteArray &md5Hex)
{
    return encodeFrame(FrameType::End, md5Hex);
}

std::optional<QByteArray> parseEnd(QByteArrayView body)
{
    if (!isHexMd5(body))
        return std::nullopt;
    return body.toByteArray();
}

QByteArray encodeError(ErrorCode code, const QString &detail)
{
    Writer w;
    w.u16(quint16(code));
    w.string(detail.left(256));
    return encodeFrame(FrameType::Error, w.take());
}

std::optional<Failure> parseError(QByteArrayView body)
{
    Reader r(body);
    const quint16 code = r.u16();
    Failure f;
    f.detail = r.string(1024);
    if (!r.ok() || !r.atEnd())
        return std::nullopt;
    f.code = isWireCode(code) ? ErrorCode(code) : ErrorCode::ProtocolError;
    return f;
}

QByteArray encodeAuthProof(const QByteArray &clientNonce, const QByteArray &proof)
{
    Writer w;
    w.u16(quint16(clientNonce.size()));
    w.bytes(clientNonce);
    w.u16(quint16(proof.size()));
    w.bytes(proof);
    return encodeFrame(FrameType::AuthProof, w.take());
}

std::optional<AuthProof> parseAuthProof(QByteArrayView body)
{
    Reader r(body);
    AuthProof p;
    p.clientNonce = r.bytes(r.u16()).toByteArray();
    p.proof = r.bytes(r.u16()).toByteArray();
    if (!r.ok() || !r.atEnd() || p.clientNonce.size() != 16 || p.proof.size() != 32)
        return std::nullopt;
    return p;
}

} // namespace ferry::protocol
