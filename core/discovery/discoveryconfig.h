#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace ferry::discovery {

/// The multicast group: link-local (224.0.0.0/24), so routers never forward it and switches
/// flood it without IGMP; not LocalSend's 224.0.0.167. See docs/discovery.md.
inline QHostAddress defaultGroup()
{
    return QHostAddress(QStringLiteral("224.0.0.196"));
}

/// Interfaces skipped unless the user overrides the list: container and VM bridges, where
/// nobody sits who could want the share.
inline QStringList defaultSkipPatterns()
{
    return {QStringLiteral("lo"), QStringLiteral("docker*"), QStringLiteral("br-*"),
        QStringLiteral("veth*"), QStringLiteral("virbr*"), QStringLiteral("vboxnet*"),
        QStringLiteral("vmnet*")};
}

/// What one Discovery announces and how often. Times are settable so tests can run fast.
struct DiscoveryConfig
{
    QByteArray deviceId; ///< kIdSize random bytes, kept by the caller (settings).
    QString name; ///< Shown to others.
    quint16 tcpPort = 0; ///< 0: this instance shares nothing, it only listens.
    bool passwordRequired = false;
    quint16 udpPort = 6669; ///< Ferry's port, so one firewall rule covers both.
    QHostAddress group = defaultGroup();
    QStringList skipPatterns = defaultSkipPatterns(); ///< Wildcards on interface names.
    /// When not empty, only these interfaces are used (tests confine themselves with it).
    QStringList onlyInterfaces;
    QList<int> burstMs = {100, 500, 2000}; ///< Announcements after start and changes.
    int announceIntervalMs = 20000;
    int expiryMs = 60000;
    int interfacePollMs = 3000; ///< How often interfaces are compared for changes.
    int maxPeers = 256;
    int maxRepliesPerSecond = 20; ///< Unicast answers; a flood of queries can't make a storm.
};

} // namespace ferry::discovery
