#include "fs/md5cache.h"

namespace ferry {

QByteArray Md5Cache::find(const Key &key) const
{
    QMutexLocker lock(&m_mutex);
    return m_entries.value(key);
}

void Md5Cache::insert(const Key &key, const QByteArray &md5Hex)
{
    QMutexLocker lock(&m_mutex);
    // Crude but bounded: a share with more files than this just hashes again.
    if (m_entries.size() >= kMaxEntries)
        m_entries.clear();
    m_entries.insert(key, md5Hex);
}

} // namespace ferry
