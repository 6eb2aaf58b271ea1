#include "discovery/peertable.h"

#include <algorithm>

namespace ferry::discovery {

PeerTable::Change PeerTable::update(const Peer &peer)
{
    const auto it = m_peers.find(peer.id);
    if (it == m_peers.end()) {
        if (m_peers.size() >= m_capacity) {
            ++m_dropped;
            return Change::Full;
        }
        m_peers.insert(peer.id, peer);
        return Change::Added;
    }
    const bool same = *it == peer;
    *it = peer;
    return same ? Change::Refreshed : Change::Updated;
}

bool PeerTable::remove(const QByteArray &id)
{
    return m_peers.remove(id) > 0;
}

QList<Peer> PeerTable::expire(qint64 nowMs, qint64 expiryMs)
{
    QList<Peer> gone;
    for (auto it = m_peers.begin(); it != m_peers.end();) {
        if (nowMs - it->lastSeenMs > expiryMs) {
            gone.append(*it);
            it = m_peers.erase(it);
        } else {
            ++it;
        }
    }
    return gone;
}

QList<Peer> PeerTable::peers() const
{
    QList<Peer> out = m_peers.values();
    std::sort(out.begin(), out.end(), [](const Peer &a, const Peer &b) {
        const int byName = a.name.compare(b.name, Qt::CaseInsensitive);
        if (byName != 0)
            return byName < 0;
        return a.address.toString() < b.address.toString();
    });
    return out;
}

} // namespace ferry::discovery
