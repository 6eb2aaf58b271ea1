#pragma once

#include "server/serverevent.h"

#include <QCoreApplication>
#include <QStringList>

namespace ferry {

/// `ferry serve DIR`: shares a folder until SIGINT or SIGTERM, one log line per event.
class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)
public:
    int run(const QStringList &arguments);

    /// One log line for \a event, as printed by `ferry serve`.
    static QString logLine(const ServerEvent &event);

private:
    /// Why a session failed, naming the peer as the client it is.
    static QString failureFromServerSide(const ServerEvent &event);
};

} // namespace ferry
