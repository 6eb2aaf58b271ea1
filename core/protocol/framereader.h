#pragma once

#include "protocol/decoder.h"

#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <utility>

namespace ferry::protocol {

/// The socket glue both sessions share: reads one frame at a time into a bounded buffer (a
/// header, then exactly the body it declares) and hands each complete frame to a handler, so
/// the buffer never holds more than one frame. A frame declared larger than the buffer's
/// bound is malformed for this reader, unless its body streams into a target.
///
/// A Data body may instead go straight from the device into memory the receiver provides
/// (see read() with a DataTarget), which saves copying a big download through this buffer.
class FrameReader
{
public:
    enum class Result {
        Drained, ///< Everything available was read; a partial frame may wait in the buffer.
        Stopped, ///< The handler returned false.
        Malformed, ///< The decoder refused the bytes.
    };

    /// No target: every Data body goes through the frame buffer.
    struct NoTarget
    {
        std::pair<char *, qint64> reserve(qint64) { return {nullptr, 0}; }
        bool commit(char *, qint64) { return false; }
    };

    explicit FrameReader(qint64 bound) : m_bound(bound) { }

    /// Calls \a onFrame(FrameType, QByteArrayView body) for each frame; the body is valid only
    /// during the call. Stops as soon as the handler returns false.
    template<typename Handler> Result read(QIODevice *device, Handler &&onFrame)
    {
        NoTarget none;
        return read(device, std::forward<Handler>(onFrame), none);
    }

    /// As above; but when a Data frame begins and \a target.reserve(n) offers memory (a
    /// pointer and its room, at most n), the body is read into it piece by piece, and
    /// \a target.commit(pointer, bytes) takes each piece instead of \a onFrame; it returns
    /// false to stop.
    template<typename Handler, typename Target>
    Result read(QIODevice *device, Handler &&onFrame, Target &target)
    {
        for (;;) {
            if (m_streamLeft > 0) {
                const auto [into, room] = target.reserve(m_streamLeft);
                const qint64 got = into
                    ? device->read(into, std::min({room, m_streamLeft, device->bytesAvailable()}))
                    : -1;
                if (got <= 0)
                    return into ? Result::Drained : Result::Stopped;
                m_streamLeft -= got;
                if (!target.commit(into, got))
                    return Result::Stopped;
                continue;
            }
            // The header first, then exactly the body it declares: never a byte of the next
            // frame, so a Data body can go elsewhere.
            const DecodeResult head = decodeFrame(m_buffer);
            if (head.status == DecodeResult::Status::Error)
                return Result::Malformed;
            if (head.status == DecodeResult::Status::Frame) {
                const bool go = onFrame(head.type, head.body);
                m_buffer.clear();
                if (!go)
                    return Result::Stopped;
                continue;
            }
            if (head.declared >= 0 && head.type == FrameType::Data && m_buffer.size() == kHeaderSize
                && target.reserve(head.declared).first) {
                m_streamLeft = head.declared;
                m_buffer.clear();
                continue;
            }
            // A frame this reader could never hold (a server-only type such as Data sent to a
            // server) is refused at its header, not after filling the buffer and waiting.
            if (head.declared >= 0 && kHeaderSize + head.declared > m_bound)
                return Result::Malformed;
            const qint64 want = head.declared >= 0 ? kHeaderSize + head.declared - m_buffer.size()
                                                   : kHeaderSize - m_buffer.size();
            const qint64 n
                = std::min({want, device->bytesAvailable(), qint64(m_bound - m_buffer.size())});
            if (n <= 0)
                return Result::Drained;
            const qint64 old = m_buffer.size();
            m_buffer.resize(old + n);
            const qint64 got = device->read(m_buffer.data() + old, n);
            m_buffer.resize(old + qMax<qint64>(got, 0));
            if (got <= 0)
                return Result::Drained;
        }
    }

private:
    qint64 m_bound;
    QByteArray m_buffer;
    qint64 m_streamLeft = 0; ///< Bytes of a Data body still to read into the target.
};

} // namespace ferry::protocol
