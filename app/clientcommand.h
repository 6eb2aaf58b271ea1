#pragma once

#include "clientsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

class QTextStream;

namespace ferry {

/// `ferry list` and `ferry get NAME...`: one connection, requests pipelined on it.
class ClientCommand
{
    Q_DECLARE_TR_FUNCTIONS(ClientCommand)
public:
    enum class Mode {
        List,
        Get,
    };
    explicit ClientCommand(Mode mode) : m_mode(mode) { }
    int run(const QStringList &arguments);

private:
    int runSession(const QString &host, quint16 port, const QStringList &names,
        const GetOptions &options, const QByteArray &password, bool mayPrompt, bool *wantsPassword);
    void printListing(const QList<protocol::FileEntry> &entries);
    void printResult(const FileResult &result);
    /// The -o folder made absolute, its last component created if needed; empty (and said
    /// on \a err) when it can't be used.
    QString outputFolder(const QString &value, QTextStream *err);
    void printProgress(qint64 done, qint64 total);
    void clearProgress();

    Mode m_mode;
    QString m_peer;
    QString m_outputDir;
    bool m_tty = false;
    bool m_progressShown = false;
    bool m_anyFailed = false;
    QString m_currentName;
    qint64 m_startDone = 0;
    QElapsedTimer m_clock;
};

} // namespace ferry
