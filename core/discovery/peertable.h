#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <optional>

namespace ferry::discovery {

/// One share heard on the network. Untrusted: only a hint until TLS proves the identity.
struct Peer
{
    QByteArray id;
    QString name;
    QHostAddress address; ///< Where the datagram came from, never an address it claims.
    quint16 port = 0;
    bool passwordRequired = false;
    QString interfaceName;
    qint64 lastSeenMs = 0;

    bool operator==(const Peer &o) const
    {
        return id == o.id && name == o.name && address == o.address && port == o.port
            && passwordRequired == o.passwordRequired;
    }
};

/// The shares heard lately, keyed by id and port (one device can share on two ports) and
/// capped: a flood of made-up ids fills it and is then dropped, it never grows memory. Pure:
/// times are passed in.
class PeerTable
{
public:
    enum class Change {
        Added,
        Updated, ///< Name, address or password flag changed.
        Refreshed, ///< Only seen again.
        Full, ///< New id, no room: dropped.
    };
    explicit PeerTable(int capacity = 256) : m_capacity(capacity) { }

    Change update(const Peer &peer);
    /// Removes and returns the share \a id announced on \a port (a goodbye names both).
    std::optional<Peer> take(const QByteArray &id, quint16 port);
    /// Removes peers not seen since \a nowMs - \a expiryMs and returns them.
    QList<Peer> expire(qint64 nowMs, qint64 expiryMs);
    QList<Peer> peers() const; ///< Sorted by name, then address.
    int size() const { return int(m_peers.size()); }
    qint64 dropped() const { return m_dropped; }
    void clear() { m_peers.clear(); }

private:
    static QByteArray key(const QByteArray &id, quint16 port);

    int m_capacity;
    qint64 m_dropped = 0;
    QHash<QByteArray, Peer> m_peers;
};

} // namespace ferry::discovery
