#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>

namespace ferry {

/// MD5s of whole files the server has already read, keyed by device, inode, size and mtime,
/// so a repeat download doesn't hash twice. A file changed in place without a new mtime can
/// only make the client report a mismatch, never a false "verified": the client hashes
/// what it received itself. Thread-safe; bounded.
class Md5Cache
{
public:
    struct Key
    {
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 mtimeNs = 0;
        bool operator==(const Key &o) const
        {
            return device == o.device && inode == o.inode && size == o.size && mtimeNs == o.mtimeNs;
        }
    };

    QByteArray find(const Key &key) const;
    void insert(const Key &key, const QByteArray &md5Hex);

private:
    static constexpr int kMaxEntries = 4096;
    mutable QMutex m_mutex;
    QHash<Key, QByteArray> m_entries;
};

inline size_t qHash(const Md5Cache::Key &k, size_t seed = 0)
{
    return qHashMulti(seed, k.device, k.inode, k.size, k.mtimeNs);
}

} // namespace ferry
