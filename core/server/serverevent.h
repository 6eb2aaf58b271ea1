#pragma once

#include "protocol/errorcode.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace ferry {

/// One line of a server's log, as data: the UI renders it (and re-renders it after a
/// language switch); the CLI prints it.
struct ServerEvent
{
    enum class Kind {
        Connected,
        Listed,
        Requested,
        Sent, ///< A whole file went out with its MD5.
        Refused, ///< A request was answered with an error code.
        Failed, ///< The session ended with an error.
        Disconnected,
        LimitHit,
        Aborted, ///< A send ended early (peer gone, sharing stopped); bytes = what left.
    };
    QDateTime time;
    quint64 sessionId = 0;
    QString peer; ///< "address:port"
    Kind kind = Kind::Connected;
    QString name; ///< The requested file, if any.
    qint64 bytes = 0; ///< Bytes sent for this request, or files listed.
    ErrorCode code = ErrorCode::None;
    QString detail; ///< Connected over TLS: the comparison code.
};

/// Progress of one file a session is sending.
struct ServerTransfer
{
    quint64 sessionId = 0;
    QString peer;
    QString name;
    qint64 done = 0;
    qint64 total = 0;
    bool finished = false;
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::ServerEvent)
Q_DECLARE_METATYPE(ferry::ServerTransfer)
