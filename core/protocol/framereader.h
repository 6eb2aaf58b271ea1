#pragma once

#include "protocol/decoder.h"

#include <QByteArray>
#include <QIODevice>

namespace ferry::protocol {

/// The socket glue both sessions share: reads into one bounded buffer and hands each complete
/// frame to a handler, so the buffer never holds more than one frame plus one read.
class FrameReader
{
public:
    enum class Result {
        Drained, ///< Everything available was read; a partial frame may wait in the buffer.
        Stopped, ///< The handler returned false.
        Malformed, ///< The decoder refused the bytes.
    };

    explicit FrameReader(qint64 bound) : m_bound(bound) { }

    /// Calls \a onFrame(FrameType, QByteArrayView body) for each frame; the body is valid only
    /// during the call. Stops as soon as the handler returns false.
    template<typename Handler> Result read(QIODevice *device, Handler &&onFrame)
    {
        while (device->bytesAvailable() > 0) {
            const qint64 room = m_bound - m_buffer.size();
            if (room <= 0)
                break;
            const qint64 old = m_buffer.size();
            m_buffer.resize(old + qMin(room, device->bytesAvailable()));
            const qint64 got = device->read(m_buffer.data() + old, m_buffer.size() - old);
            m_buffer.resize(old + qMax<qint64>(got, 0));
            qint64 consumed = 0;
            for (;;) {
                const DecodeResult r = decodeFrame(QByteArrayView(m_buffer).sliced(consumed));
                if (r.status == DecodeResult::Status::NeedMore)
                    break;
                if (r.status == DecodeResult::Status::Error)
                    return Result::Malformed;
                consumed += r.consumed;
                if (!onFrame(r.type, r.body))
                    return Result::Stopped;
            }
            m_buffer.remove(0, consumed);
        }
        return Result::Drained;
    }

private:
    qint64 m_bound;
    QByteArray m_buffer;
};

} // namespace ferry::protocol
