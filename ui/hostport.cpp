#include "hostport.h"

namespace ferry {

bool HostPort::split(const QString &text, QString *host, quint16 *port)
{
    const QString t = text.trimmed();
    // A pasted URL ("http://host:port") would otherwise pass as a bare IPv6 address and
    // end in "host not found"; say instead which forms are meant.
    if (t.contains(QLatin1String("://")))
        return false;
    QString h = t;
    QString p;
    bool hasPort = false;
    if (t.startsWith(QLatin1Char('['))) {
        const int close = t.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        h = t.mid(1, close - 1);
        if (close + 1 < t.size()) {
            if (t.at(close + 1) != QLatin1Char(':'))
                return false;
            p = t.mid(close + 2);
            hasPort = true;
        }
    } else if (t.count(QLatin1Char(':')) == 1) {
        h = t.section(QLatin1Char(':'), 0, 0);
        p = t.section(QLatin1Char(':'), 1);
        hasPort = true;
    }
    // "host:" is a port forgotten, not the default port.
    if (h.isEmpty() || (hasPort && p.isEmpty()))
        return false;
    uint value = 0;
    if (hasPort) {
        bool ok = false;
        value = p.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return false;
    }
    // Nothing is written unless the whole text made sense.
    *host = h;
    if (value != 0)
        *port = quint16(value);
    return true;
}

} // namespace ferry
