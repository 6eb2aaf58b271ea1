#include "servershared.h"

namespace ferry {

ServerShared::ServerShared(const ServerConfig &config)
    : m_config(config)
    , m_folder(config.root)
{}

ServerShared::Admission ServerShared::admit(const QString &peerAddress)
{
    QMutexLocker lock(&m_mutex);
    if (m_total >= m_config.maxConnections)
        return Admission::TooManyTotal;
    int &fromPeer = m_perPeer[peerAddress];
    if (fromPeer >= m_config.maxPerPeer) {
        if (fromPeer == 0)
            m_perPeer.remove(peerAddress);
        return Admission::TooManyFromPeer;
    }
    ++fromPeer;
    ++m_total;
    return Admission::Admitted;
}

void ServerShared::release(const QString &peerAddress)
{
    QMutexLocker lock(&m_mutex);
    --m_total;
    auto it = m_perPeer.find(peerAddress);
    if (it != m_perPeer.end() && --it.value() <= 0)
        m_perPeer.erase(it);
}

int ServerShared::active() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

} // namespace ferry
