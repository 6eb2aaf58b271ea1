#pragma once

#include "md5cache.h"
#include "serverconfig.h"
#include "sharedfolder.h"

#include <QHash>
#include <QMutex>
#include <atomic>

namespace ferry {

/// State every session of one server shares across threads: the folder, the config and the
/// connection counts behind the limits. Everything mutable is behind the mutex.
class ServerShared
{
public:
    explicit ServerShared(const ServerConfig &config);

    const ServerConfig &config() const { return m_config; }
    const SharedFolder &folder() const { return m_folder; }
    Md5Cache *md5Cache() { return m_config.md5Cache ? &m_md5Cache : nullptr; }

    enum class Admission {
        Admitted,
        TooManyTotal,
        TooManyFromPeer,
    };
    Admission admit(const QString &peerAddress);
    void release(const QString &peerAddress);
    int active() const;
    quint64 nextSessionId() { return ++m_lastSessionId; }

private:
    const ServerConfig m_config;
    SharedFolder m_folder;
    Md5Cache m_md5Cache;
    mutable QMutex m_mutex;
    int m_total = 0;
    QHash<QString, int> m_perPeer;
    std::atomic<quint64> m_lastSessionId{0};
};

} // namespace ferry
