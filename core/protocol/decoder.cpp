#include "protocol/decoder.h"

#include <QtEndian>

namespace ferry::protocol {

DecodeResult decodeFrame(QByteArrayView input)
{
    DecodeResult result;
    if (input.isEmpty())
        return result;
    const quint8 type = quint8(input[0]);
    const qint64 bound = maxBodySize(type);
    if (bound < 0) {
        result.status = DecodeResult::Status::Error;
        result.problem = DecodeResult::Problem::UnknownType;
        return result;
    }
    if (input.size() < kHeaderSize)
        return result;
    const quint32 length = qFromBigEndian<quint32>(input.data() + 1);
    if (qint64(length) > bound) {
        result.status = DecodeResult::Status::Error;
        result.problem = DecodeResult::Problem::TooLong;
        return result;
    }
    if (qint64(length) < minBodySize(FrameType(type))) {
        result.status = DecodeResult::Status::Error;
        result.problem = DecodeResult::Problem::TooShort;
        return result;
    }
    result.type = FrameType(type);
    result.declared = length;
    if (input.size() - kHeaderSize < qint64(length))
        return result;
    result.status = DecodeResult::Status::Frame;
    result.type = FrameType(type);
    result.body = input.sliced(kHeaderSize, length);
    result.consumed = kHeaderSize + qint64(length);
    return result;
}

} // namespace ferry::protocol
