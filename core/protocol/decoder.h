#pragma once

#include "protocol/frame.h"

#include <QByteArrayView>

namespace ferry::protocol {

/// The answer of the decoder for the bytes it was given.
struct DecodeResult
{
    enum class Status {
        NeedMore,
        Frame,
        Error,
    };
    enum class Problem {
        None,
        UnknownType,
        TooLong,
        TooShort,
    };
    Status status = Status::NeedMore;
    FrameType type = FrameType::Error;
    QByteArrayView body; ///< Points into the input; valid while the input is.
    /// The body length the header declares, once the whole (valid) header is there; with
    /// NeedMore too, so a reader knows how much to wait for. -1 before that.
    qint64 declared = -1;
    qint64 consumed = 0; ///< Header plus body, when status is Frame.
    Problem problem = Problem::None;
};

/// Pure: decodes the first frame of \a input. Checks the declared length against the
/// per-type bound before anything could be allocated for it.
DecodeResult decodeFrame(QByteArrayView input);

} // namespace ferry::protocol
