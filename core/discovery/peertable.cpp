#include "discovery/peertable.h"

#include <algorithm>

namespace ferry::discovery {

QByteArray PeerTable::key(const QByteArray &id, quint16 port)
{
    QByteArray k = id;
    k.append(char(port >> 8));
    k.append(char(port & 0xff));
    return k;
}

PeerTable::Change PeerTable::update(const Peer &peer)
{
    const QByteArray k = key(peer.id, peer.port);
    const auto it = m_peers.find(k);
    if (it == m_peers.end()) {
        if (m_peers.size() >= m_capacity) {
            ++m_dropped;
            return Change::Full;
        }
        m_peers.insert(k, peer);
        return Change::Added;
    }
    const bool same = *it == peer;
    *it = peer;
    return same ? Change::Refreshed : Change::Updated;
}

std::optional<Peer> PeerTable::take(const QByteArray &id, quint16 port)
{
    const auto it = m_peers.find(key(id, port));
    if (it == m_peers.end())
        return std::nullopt;
    const Peer peer = *it;
    m_peers.erase(it);
    return peer;
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
