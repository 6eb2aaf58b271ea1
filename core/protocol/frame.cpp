#include "protocol/frame.h"

#include <QtEndian>

namespace ferry::protocol {

qint64 maxBodySize(quint8 type)
{
    switch (FrameType(type)) {
    case FrameType::Hello:
        return kMagicSize + 2 + 4 + 16 + 2 + kMaxDeviceNameBytes;
    case FrameType::AuthProof:
        return 2 + 64 + 2 + 64;
    case FrameType::AuthResult:
        return 0;
    case FrameType::ListRequest:
        return 0;
    case FrameType::ListEntries:
        return kMaxListBody;
    case FrameType::ListEnd:
        return 0;
    case FrameType::GetRequest:
        // The longest name and the optional accept-up-to: every listed name can be asked for.
        return 2 + kMaxNameBytes + 8;
    case FrameType::Offer:
        return 2 + kMaxNameBytes + 8 + 8;
    case FrameType::Accept:
        return 8;
    case FrameType::Decline:
        return 0;
    case FrameType::Data:
        return kMaxDataBody;
    case FrameType::End:
        return kMd5HexSize;
    case FrameType::HashRequest:
        return 2 + kMaxNameBytes;
    case FrameType::HashReply:
        return 2 + kMaxNameBytes + 8 + 8 + kMd5HexSize;
    case FrameType::Error:
        return 2 + 2 + 1024;
    }
    return -1;
}

qint64 minBodySize(FrameType type)
{
    switch (type) {
    case FrameType::Hello:
        return kMagicSize + 2 + 4;
    case FrameType::AuthProof:
        return 4;
    case FrameType::GetRequest:
        return 2;
    case FrameType::Offer:
        return 2 + 16;
    case FrameType::Accept:
        return 8;
    case FrameType::Data:
        return 1;
    case FrameType::End:
        return kMd5HexSize;
    case FrameType::HashRequest:
        return 2;
    case FrameType::HashReply:
        return 2 + 16 + kMd5HexSize;
    case FrameType::Error:
        return 4;
    case FrameType::ListEntries:
        return 4;
    default:
        return 0;
    }
}

void writeHeader(char *out, FrameType type, quint32 bodySize)
{
    out[0] = char(type);
    qToBigEndian<quint32>(bodySize, out + 1);
}

QByteArray encodeFrame(FrameType type, QByteArrayView body)
{
    QByteArray frame(kHeaderSize + body.size(), Qt::Uninitialized);
    writeHeader(frame.data(), type, quint32(body.size()));
    if (!body.isEmpty())
        memcpy(frame.data() + kHeaderSize, body.data(), size_t(body.size()));
    return frame;
}

} // namespace ferry::protocol
