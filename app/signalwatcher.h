#pragma once

#include <QObject>

class QSocketNotifier;

namespace ferry {

/// Turns SIGINT and SIGTERM into a Qt signal through a self-pipe, so shutdown runs in the
/// event loop instead of inside a signal handler.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

signals:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ferry
