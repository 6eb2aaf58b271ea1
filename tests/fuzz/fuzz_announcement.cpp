// libFuzzer harness: the discovery datagram parser, fed arbitrary bytes. Checks its bounds
// and that whatever it accepts encodes back to a datagram that parses to the same value.

#include "discovery/announcement.h"

#include <cstdint>
#include <cstdlib>

using namespace ferry::discovery;

namespace {

void check(bool ok)
{
    if (!ok)
        abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView in(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto a = parseAnnouncement(in);
    if (!a)
        return 0;
    check(in.size() <= kMaxDatagram);
    check(a->id.size() == kIdSize);
    check(a->name.toUtf8().size() <= kMaxNameBytes);
    check(a->name == cleanDeviceName(a->name));
    const bool sharer
        = a->kind == Announcement::Kind::Announce || a->kind == Announcement::Kind::Reply;
    check(!sharer || (a->port != 0 && !a->name.isEmpty()));
    const QByteArray again = encodeAnnouncement(*a);
    check(again.size() <= kMaxDatagram);
    const auto b = parseAnnouncement(again);
    check(b && *b == *a);
    return 0;
}
