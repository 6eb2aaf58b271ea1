#include "server/servershared.h"

#include "protocol/auth.h"

namespace ferry {
namespace {
constexpr qint64 kForgetFailuresMs = 15 * 60 * 1000;
constexpr int kMaxAuthRecords = 65536;
} // namespace

ServerShared::ServerShared(const ServerConfig &config) : m_config(config), m_folder(config.root)
{
    if (!config.password.isEmpty())
        m_authKey = auth::deriveKey(config.password);
    m_clock.start();
}

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

qint64 ServerShared::reserveAuthAnswer(const QString &peerAddress)
{
    QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.elapsed();
    if (m_auth.size() >= kMaxAuthRecords)
        pruneAuthRecords(now);
    AuthRecord &r = m_auth[peerAddress];
    if (r.attempts > 0 && now - r.nextAnswerMs > kForgetFailuresMs)
        r = {};
    const qint64 backoff = r.attempts == 0
        ? 0
        : qMin<qint64>(
            m_config.authDelayCapMs, qint64(m_config.authDelayMs) << qMin(r.attempts - 1, 20));
    const qint64 at = qMax(now, r.nextAnswerMs) + backoff;
    if (at - now > m_config.handshakeTimeoutMs) {
        // Not answered, so not a guess: it doesn't count as an attempt.
        return -1;
    }
    r.nextAnswerMs = at;
    ++r.attempts;
    return at - now;
}

void ServerShared::authSucceeded(const QString &peerAddress)
{
    QMutexLocker lock(&m_mutex);
    m_auth.remove(peerAddress);
}

void ServerShared::pruneAuthRecords(qint64 now)
{
    for (auto it = m_auth.begin(); it != m_auth.end();) {
        if (now - it->nextAnswerMs > kForgetFailuresMs)
            it = m_auth.erase(it);
        else
            ++it;
    }
    // Tens of thousands of guessing addresses at once: forget them all rather than grow.
    if (m_auth.size() >= kMaxAuthRecords)
        m_auth.clear();
}

int ServerShared::beginSend(quint64 device, quint64 inode)
{
    QMutexLocker lock(&m_mutex);
    return m_sending[{device, inode}]++;
}

void ServerShared::endSend(quint64 device, quint64 inode)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_sending.find({device, inode});
    if (it != m_sending.end() && --it.value() <= 0)
        m_sending.erase(it);
}

bool ServerShared::acquireSource()
{
    if (++m_sources <= kMaxSources)
        return true;
    --m_sources;
    return false;
}

bool ServerShared::beginRefusal()
{
    if (++m_refusals <= kMaxRefusals)
        return true;
    --m_refusals;
    return false;
}

} // namespace ferry
