#pragma once

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QString>

namespace ferry::test {

/// Writes \a size random bytes to \a path (creating folders) and returns their MD5 in hex.
inline QByteArray writeRandomFile(const QString &path, qint64 size, quint32 seed = 1)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator rng(seed);
    QCryptographicHash hash(QCryptographicHash::Md5);
    QByteArray chunk(1 << 20, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        const qint64 n = qMin<qint64>(left, chunk.size());
        rng.fillRange(reinterpret_cast<quint32 *>(chunk.data()), int(chunk.size() / 4));
        f.write(chunk.constData(), n);
        hash.addData(QByteArrayView(chunk.constData(), n));
        left -= n;
    }
    return hash.result().toHex();
}

inline QByteArray md5OfFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    hash.addData(&f);
    return hash.result().toHex();
}

} // namespace ferry::test
