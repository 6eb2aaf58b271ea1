#pragma once

#include "client/clientsession.h"
#include "client/folderfetch.h"

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
    void printSkipped(const FileResult &result);
    void printSummary(const FolderSummary &summary);
    void printListing(const QList<protocol::FileEntry> &entries);
    void printResult(const FileResult &result);
    /// The -o folder made absolute, its last component created if needed; empty (and said
    /// on \a err) when it can't be used.
    QString outputFolder(const QString &value, QTextStream *err);
    /// "X.part is kept: ..." when an interrupted download of \a name left one, else empty.
    static bool isConnectionFailure(ErrorCode code);
    QString partKept(const QString &name) const;
    QString failedLine(const FileResult &result, const QString &kept) const;
    /// The line for a file the ending connection answered: in flight, or never started.
    QString endedLine(const FileResult &result, bool inFlight) const;
    void printProgress(qint64 done, qint64 total);
    void clearProgress();

    static constexpr int kDefaultRetrySeconds = ClientSession::kDefaultRetryMs / 1000;

    Mode m_mode;
    bool m_folders = false; ///< A folder is asked for: list first, then fetch (FolderFetch).
    bool m_recursive = false;
    int m_retryForMs = ClientSession::kDefaultRetryMs;
    QString m_peer;
    QString m_outputDir;
    bool m_tty = false;
    bool m_progressShown = false;
    bool m_anyFailed = false;
    ClientSession *m_session = nullptr;
    quint64 m_currentId = 0; ///< The file whose bytes are arriving, or 0.
    QStringList m_afterFailure; ///< Lines for the files a failing connection answered.
    QString m_currentName;
    qint64 m_startDone = 0;
    QElapsedTimer m_clock;
    TlsClientOptions m_tls; ///< Null identity: --plaintext.
};

} // namespace ferry
