#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace ferry::protocol {

/// Frame types on the wire. A frame is [u8 type][u32 big-endian length][body].
enum class FrameType : quint8 {
    Hello = 0x01,
    AuthProof = 0x02,
    AuthResult = 0x03,
    ListRequest = 0x10,
    ListEntries = 0x11,
    ListEnd = 0x12,
    GetRequest = 0x20,
    Offer = 0x21,
    Accept = 0x22,
    Decline = 0x23,
    Data = 0x24,
    End = 0x25,
    HashRequest = 0x26,
    HashReply = 0x27,
    Error = 0x7f,
};

constexpr int kHeaderSize = 5;
/// 2: TLS by default, a device name in Hello, the password proof bound to the channel.
/// 3: folders in the listing (bounded frames), the hash query, FileChanged ends one file.
constexpr quint16 kProtocolVersion = 3;
constexpr int kMaxDeviceNameBytes = 256;
constexpr char kMagic[] = "FERRY";
constexpr int kMagicSize = 5;
constexpr int kMaxNameBytes = 4096;
constexpr int kMaxComponentBytes = 255;
constexpr qint64 kMaxDataBody = 4 * 1024 * 1024;
constexpr qint64 kDataChunk = 1024 * 1024;
constexpr qint64 kMaxListBody = 1024 * 1024;
/// Entries one ListEntries frame may carry: a receiver's work per frame stays bounded.
constexpr quint32 kMaxListEntries = 4096;
/// Components a name may have: deeper trees are neither listed nor created.
constexpr int kMaxDepth = 256;
constexpr int kMd5HexSize = 32;

/// The largest body a frame of \a type may declare, or -1 if the type is unknown.
qint64 maxBodySize(quint8 type);

/// The smallest body a frame of \a type may declare.
qint64 minBodySize(FrameType type);

/// Encodes a complete frame.
QByteArray encodeFrame(FrameType type, QByteArrayView body = {});

/// Writes the 5-byte header of a frame into \a out (which must hold kHeaderSize bytes).
void writeHeader(char *out, FrameType type, quint32 bodySize);

} // namespace ferry::protocol
