#pragma once

#include "fs/md5cache.h"
#include "fs/sharedfolder.h"
#include "server/serverconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMutex>
#include <atomic>

namespace ferry {

/// State every session of one server shares across threads: the folder, the config, the
/// connection counts behind the limits and the password throttle. Everything mutable is
/// behind the mutex.
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

    bool passwordRequired() const { return !m_authKey.isEmpty(); }
    /// PBKDF2 of the password, derived once at start; empty without a password.
    const QByteArray &authKey() const { return m_authKey; }

    /// Books the time at which the answer to a password proof from \a peerAddress may be
    /// sent, and returns the wait in ms, or -1 if so many answers are already waiting that
    /// this one would outlast the handshake deadline. Every attempt counts as a failure
    /// until authSucceeded(); answers to one address are spaced exponentially, so parallel
    /// connections don't buy an attacker more guesses.
    qint64 reserveAuthAnswer(const QString &peerAddress);
    void authSucceeded(const QString &peerAddress);

    /// A read-ahead thread and its 8 MiB of blocks (FileSource) for one send; false when
    /// kMaxSources are out, so peers that accept big files and never read can't multiply them.
    bool acquireSource();
    void releaseSource() { --m_sources; }
    static constexpr int kMaxSources = 4;

    /// TLS: a connection over a limit hears "busy" only inside TLS, which costs a handshake
    /// and a session until its deadline. At most kMaxRefusals are told at a time; false means
    /// close this one unheard, so a flood of connections can't grow the server without bound.
    bool beginRefusal();
    void endRefusal() { --m_refusals; }
    static constexpr int kMaxRefusals = 64;

    /// Counts the sends of one file (device, inode) under way; beginSend() returns how many
    /// were already running. Only a lone send may read around the page cache.
    int beginSend(quint64 device, quint64 inode);
    void endSend(quint64 device, quint64 inode);

private:
    struct AuthRecord
    {
        int attempts = 0;
        qint64 nextAnswerMs = 0;
    };
    void pruneAuthRecords(qint64 now);

    const ServerConfig m_config;
    SharedFolder m_folder;
    QByteArray m_authKey;
    Md5Cache m_md5Cache;
    mutable QMutex m_mutex;
    int m_total = 0;
    QHash<QString, int> m_perPeer;
    QHash<QString, AuthRecord> m_auth;
    QHash<QPair<quint64, quint64>, int> m_sending;
    QElapsedTimer m_clock;
    std::atomic<quint64> m_lastSessionId {0};
    std::atomic<int> m_sources {0};
    std::atomic<int> m_refusals {0};
};

} // namespace ferry
