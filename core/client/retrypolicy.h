#pragma once

#include "protocol/errorcode.h"

#include <QElapsedTimer>

namespace ferry {

/// When a dropped connection is dialled again: only for failures that say nothing about the
/// server, with a pause that doubles from 0.5 s to 8 s, until a time limit counted from the
/// drop runs out.
class RetryPolicy
{
public:
    static constexpr int kFirstDelayMs = 500;
    static constexpr int kMaxDelayMs = 8000;

    /// 0 (the default) never retries.
    void setLimit(int ms) { m_limitMs = ms; }
    int limit() const { return m_limitMs; }
    /// A failure a new dial may get past: the network, a relay, a restarting server.
    static bool isTransient(ErrorCode code);
    /// The pause before the next dial after \a code, or -1 to give up. The first call of an
    /// outage starts its clock.
    int nextDelay(ErrorCode code);
    /// How long the current outage may still last.
    int leftMs() const;
    bool inOutage() const { return m_outage.isValid(); }
    qint64 outageMs() const { return m_outage.isValid() ? m_outage.elapsed() : 0; }
    /// Connected again: the next drop starts a new outage.
    void reset();

private:
    int m_limitMs = 0;
    int m_attempt = 0;
    QElapsedTimer m_outage;
};

} // namespace ferry
