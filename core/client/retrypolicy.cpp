#include "client/retrypolicy.h"

#include <algorithm>

namespace ferry {

bool RetryPolicy::isTransient(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ConnectionLost:
    case ErrorCode::ConnectionRefused:
    case ErrorCode::HostNotFound:
    case ErrorCode::NetworkError:
    case ErrorCode::NoAnswer:
    case ErrorCode::NoGreeting:
    case ErrorCode::NotFerryServer: // A relay that accepts before the server is back.
    case ErrorCode::TlsFailed: // The same: closed during the handshake.
    case ErrorCode::Timeout:
    case ErrorCode::Busy:
        return true;
    default:
        return false;
    }
}

int RetryPolicy::nextDelay(ErrorCode code)
{
    if (m_limitMs <= 0 || !isTransient(code))
        return -1;
    if (!m_outage.isValid()) {
        m_outage.start();
        m_attempt = 0;
    }
    const int left = leftMs();
    if (left <= 0)
        return -1;
    const int delay = std::min({kFirstDelayMs << std::min(m_attempt, 8), kMaxDelayMs, left});
    ++m_attempt;
    return delay;
}

int RetryPolicy::leftMs() const
{
    return m_outage.isValid() ? int(std::max<qint64>(0, m_limitMs - m_outage.elapsed()))
                              : m_limitMs;
}

void RetryPolicy::reset()
{
    m_outage.invalidate();
    m_attempt = 0;
}

} // namespace ferry
