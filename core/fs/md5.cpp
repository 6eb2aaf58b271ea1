#include "fs/md5.h"

#include <QtEndian>

#include <cstring>

namespace ferry {
namespace {

inline quint32 rotateLeft(quint32 x, int n)
{
    return (x << n) | (x >> (32 - n));
}

// Each step is a = b + ((a + f(b, c, d) + x + k) <<< r), where b is the value the previous step
// produced. Whatever doesn't involve b is added first, so it overlaps with that step.

inline void stepF(quint32 &a, quint32 b, quint32 c, quint32 d, quint32 x, quint32 k, int r)
{
    a += x + k;
    a += ((c ^ d) & b) ^ d;
    a = rotateLeft(a, r) + b;
}

// G = (b & d) | (c & ~d); the two halves share no bit, so | is +, and c & ~d goes in early.
inline void stepG(quint32 &a, quint32 b, quint32 c, quint32 d, quint32 x, quint32 k, int r)
{
    a += x + k + (c & ~d);
    a += b & d;
    a = rotateLeft(a, r) + b;
}

inline void stepH(quint32 &a, quint32 b, quint32 c, quint32 d, quint32 x, quint32 k, int r)
{
    a += x + k;
    a += (c ^ d) ^ b;
    a = rotateLeft(a, r) + b;
}

inline void stepI(quint32 &a, quint32 b, quint32 c, quint32 d, quint32 x, quint32 k, int r)
{
    a += x + k;
    a += (b | ~d) ^ c;
    a = rotateLeft(a, r) + b;
}

} // namespace

void Md5::reset()
{
    m_state[0] = 0x67452301;
    m_state[1] = 0xefcdab89;
    m_state[2] = 0x98badcfe;
    m_state[3] = 0x10325476;
    m_length = 0;
    m_buffered = 0;
}

void Md5::addData(QByteArrayView data)
{
    if (data.isEmpty())
        return; // and data() may be null, which memcpy must not get
    auto p = reinterpret_cast<const uchar *>(data.data());
    qsizetype n = data.size();
    m_length += quint64(n);
    if (m_buffered > 0) {
        const qsizetype take = qMin<qsizetype>(n, 64 - m_buffered);
        std::memcpy(m_buffer + m_buffered, p, size_t(take));
        m_buffered += int(take);
        p += take;
        n -= take;
        if (m_buffered < 64)
            return;
        compress(m_buffer, 1);
        m_buffered = 0;
    }
    compress(p, n / 64);
    p += n / 64 * 64;
    n %= 64;
    std::memcpy(m_buffer, p, size_t(n));
    m_buffered = int(n);
}

QByteArray Md5::result() const
{
    Md5 tail = *this;
    uchar pad[72] = {0x80};
    const int padding = (m_buffered < 56 ? 56 : 120) - m_buffered;
    qToLittleEndian<quint64>(m_length * 8, pad + padding);
    tail.addData(QByteArrayView(pad, padding + 8));
    QByteArray digest(16, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        qToLittleEndian<quint32>(tail.m_state[i], digest.data() + 4 * i);
    return digest;
}

void Md5::compress(const uchar *data, qsizetype blocks)
{
    quint32 a = m_state[0];
    quint32 b = m_state[1];
    quint32 c = m_state[2];
    quint32 d = m_state[3];
    for (; blocks > 0; --blocks, data += 64) {
        quint32 x[16];
        for (int i = 0; i < 16; ++i)
            x[i] = qFromLittleEndian<quint32>(data + 4 * i);
        const quint32 a0 = a, b0 = b, c0 = c, d0 = d;

        stepF(a, b, c, d, x[0], 0xd76aa478, 7);
        stepF(d, a, b, c, x[1], 0xe8c7b756, 12);
        stepF(c, d, a, b, x[2], 0x242070db, 17);
        stepF(b, c, d, a, x[3], 0xc1bdceee, 22);
        stepF(a, b, c, d, x[4], 0xf57c0faf, 7);
        stepF(d, a, b, c, x[5], 0x4787c62a, 12);
        stepF(c, d, a, b, x[6], 0xa8304613, 17);
        stepF(b, c, d, a, x[7], 0xfd469501, 22);
        stepF(a, b, c, d, x[8], 0x698098d8, 7);
        stepF(d, a, b, c, x[9], 0x8b44f7af, 12);
        stepF(c, d, a, b, x[10], 0xffff5bb1, 17);
        stepF(b, c, d, a, x[11], 0x895cd7be, 22);
        stepF(a, b, c, d, x[12], 0x6b901122, 7);
        stepF(d, a, b, c, x[13], 0xfd987193, 12);
        stepF(c, d, a, b, x[14], 0xa679438e, 17);
        stepF(b, c, d, a, x[15], 0x49b40821, 22);

        stepG(a, b, c, d, x[1], 0xf61e2562, 5);
        stepG(d, a, b, c, x[6], 0xc040b340, 9);
        stepG(c, d, a, b, x[11], 0x265e5a51, 14);
        stepG(b, c, d, a, x[0], 0xe9b6c7aa, 20);
        stepG(a, b, c, d, x[5], 0xd62f105d, 5);
        stepG(d, a, b, c, x[10], 0x02441453, 9);
        stepG(c, d, a, b, x[15], 0xd8a1e681, 14);
        stepG(b, c, d, a, x[4], 0xe7d3fbc8, 20);
        stepG(a, b, c, d, x[9], 0x21e1cde6, 5);
        stepG(d, a, b, c, x[14], 0xc33707d6, 9);
        stepG(c, d, a, b, x[3], 0xf4d50d87, 14);
        stepG(b, c, d, a, x[8], 0x455a14ed, 20);
        stepG(a, b, c, d, x[13], 0xa9e3e905, 5);
        stepG(d, a, b, c, x[2], 0xfcefa3f8, 9);
        stepG(c, d, a, b, x[7], 0x676f02d9, 14);
        stepG(b, c, d, a, x[12], 0x8d2a4c8a, 20);

        stepH(a, b, c, d, x[5], 0xfffa3942, 4);
        stepH(d, a, b, c, x[8], 0x8771f681, 11);
        stepH(c, d, a, b, x[11], 0x6d9d6122, 16);
        stepH(b, c, d, a, x[14], 0xfde5380c, 23);
        stepH(a, b, c, d, x[1], 0xa4beea44, 4);
        stepH(d, a, b, c, x[4], 0x4bdecfa9, 11);
        stepH(c, d, a, b, x[7], 0xf6bb4b60, 16);
        stepH(b, c, d, a, x[10], 0xbebfbc70, 23);
        stepH(a, b, c, d, x[13], 0x289b7ec6, 4);
        stepH(d, a, b, c, x[0], 0xeaa127fa, 11);
        stepH(c, d, a, b, x[3], 0xd4ef3085, 16);
        stepH(b, c, d, a, x[6], 0x04881d05, 23);
        stepH(a, b, c, d, x[9], 0xd9d4d039, 4);
        stepH(d, a, b, c, x[12], 0xe6db99e5, 11);
        stepH(c, d, a, b, x[15], 0x1fa27cf8, 16);
        stepH(b, c, d, a, x[2], 0xc4ac5665, 23);

        stepI(a, b, c, d, x[0], 0xf4292244, 6);
        stepI(d, a, b, c, x[7], 0x432aff97, 10);
        stepI(c, d, a, b, x[14], 0xab9423a7, 15);
        stepI(b, c, d, a, x[5], 0xfc93a039, 21);
        stepI(a, b, c, d, x[12], 0x655b59c3, 6);
        stepI(d, a, b, c, x[3], 0x8f0ccc92, 10);
        stepI(c, d, a, b, x[10], 0xffeff47d, 15);
        stepI(b, c, d, a, x[1], 0x85845dd1, 21);
        stepI(a, b, c, d, x[8], 0x6fa87e4f, 6);
        stepI(d, a, b, c, x[15], 0xfe2ce6e0, 10);
        stepI(c, d, a, b, x[6], 0xa3014314, 15);
        stepI(b, c, d, a, x[13], 0x4e0811a1, 21);
        stepI(a, b, c, d, x[4], 0xf7537e82, 6);
        stepI(d, a, b, c, x[11], 0xbd3af235, 10);
        stepI(c, d, a, b, x[2], 0x2ad7d2bb, 15);
        stepI(b, c, d, a, x[9], 0xeb86d391, 21);

        a += a0;
        b += b0;
        c += c0;
        d += d0;
    }
    m_state[0] = a;
    m_state[1] = b;
    m_state[2] = c;
    m_state[3] = d;
}

} // namespace ferry
