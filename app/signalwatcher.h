#pragma once

#include "fs/uniquefd.h"

#include <QObject>

class QSocketNotifier;

namespace ferry {

/// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe, so shutdown runs in the
/// event loop instead of inside a signal handler. The pipe lives as long as the watcher; a
/// newer watcher takes the signals over until it is destroyed (one per password retry).
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signalNumber);

private:
    UniqueFd m_readEnd;
    UniqueFd m_writeEnd;
    int m_previousWriteEnd = -1; ///< The watcher this one took over from, if any.
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ferry
