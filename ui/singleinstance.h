#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace ferry {

/// One window per user: the first launch listens on a local socket in the runtime folder,
/// and a later launch tells it to raise its window, then exits. The command line never
/// uses this, so `ferry serve` runs beside a window.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// \a socketPath: where to meet; defaultSocketPath() unless a test wants its own.
    explicit SingleInstance(
        const QString &socketPath = defaultSocketPath(), QObject *parent = nullptr);
    ~SingleInstance() override;

    /// $XDG_RUNTIME_DIR/ferry-window (Qt's per-user fallback when it is unset).
    static QString defaultSocketPath();

    /// True when another window answered the socket (and, with \a raise, was asked to show
    /// itself). Otherwise this instance starts listening, replacing a socket left by a crash,
    /// and returns false.
    bool handOver(bool raise = true);
    bool isListening() const;

signals:
    /// A later launch asked for the window.
    void raiseRequested();

private:
    bool listen();

    QString m_path;
    QLocalServer *m_server = nullptr;
};

} // namespace ferry
