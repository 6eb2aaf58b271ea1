// libFuzzer harness: the frame decoder and every body parser, fed arbitrary bytes.
// Checks the decoder's promises (bounds before allocation, consumed within input) and that
// every body a parser accepts encodes back to the same bytes.

#include "protocol/decoder.h"
#include "protocol/messages.h"
#include "protocol/names.h"

#include <cstdint>
#include <cstdlib>

using namespace ferry;
using namespace ferry::protocol;

namespace {

void check(bool ok)
{
    if (!ok)
        abort();
}

void roundTrip(FrameType type, QByteArrayView body, const QByteArray &encoded)
{
    check(encoded == encodeFrame(type, body));
}

void parseAll(FrameType type, QByteArrayView body)
{
    // Every parser sees every body: a parser must never trust the type it was meant for.
    // A Hello of another version is parsed only as far as its version (to refuse it with
    // VersionMismatch), so only this version's Hello must encode back to the same bytes.
    if (const auto h = parseHello(body);
        h && type == FrameType::Hello && h->version == kProtocolVersion)
        roundTrip(type, body, encodeHello(*h));
    if (const auto l = parseListEntries(body)) {
        check(quint32(l->size()) <= kMaxListEntries);
        for (const FileEntry &e : *l)
            check(e.size >= 0 && !e.name.isEmpty() && (!e.isFolder || e.size == 0));
        if (type == FrameType::ListEntries) {
            ListFrameBuilder builder;
            QByteArray frames;
            for (const FileEntry &e : *l)
                frames += builder.add(e);
            frames += builder.flush();
            check(frames == encodeFrame(type, body));
        }
    }
    if (const auto h = parseHashRequest(body); h && type == FrameType::HashRequest)
        roundTrip(type, body, encodeHashRequest(*h));
    if (const auto h = parseHashReply(body)) {
        check(h->md5Hex.size() == kMd5HexSize && h->entry.size >= 0);
        if (type == FrameType::HashReply)
            roundTrip(type, body, encodeHashReply(*h));
    }
    if (const auto n = parseGetRequest(body); n && type == FrameType::GetRequest)
        roundTrip(type, body, encodeGetRequest(n->name, n->acceptUpTo));
    if (const auto o = parseOffer(body); o && type == FrameType::Offer)
        roundTrip(type, body, encodeOffer(*o));
    if (const auto a = parseAccept(body)) {
        check(*a >= 0);
        if (type == FrameType::Accept)
            roundTrip(type, body, encodeAccept(*a));
    }
    if (const auto m = parseEnd(body))
        check(m->size() == kMd5HexSize);
    if (const auto f = parseError(body))
        check(isWireCode(quint16(f->code)));
    if (const auto p = parseAuthProof(body); p && type == FrameType::AuthProof)
        roundTrip(type, body, encodeAuthProof(p->clientNonce, p->proof));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView in(reinterpret_cast<const char *>(data), qsizetype(size));
    // Frames back to back, as a session consumes them.
    while (!in.isEmpty()) {
        const DecodeResult r = decodeFrame(in);
        if (r.status != DecodeResult::Status::Frame)
            break;
        check(r.consumed >= kHeaderSize && r.consumed <= in.size());
        check(r.body.size() == r.consumed - kHeaderSize);
        check(r.body.size() <= maxBodySize(quint8(r.type)));
        check(r.body.size() >= minBodySize(r.type));
        parseAll(r.type, r.body);
        in = in.sliced(r.consumed);
    }
    // The same bytes as a name: the whitelist and the printable form.
    const QString name = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    if (isSafeLocalName(name))
        check(isValidRelativeName(name));
    const QString shown = printableName(name);
    for (const QChar c : shown)
        check(c.unicode() >= 0x20 && c.unicode() != 0x7f);
    return 0;
}
