#pragma once

#include "transfermodel.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>

namespace ferry {

class SessionHost;

/// Runs the client's transfers on one network thread. Every file from the same host goes
/// over one connection, pipelined (SessionHost): rows of their own and folders' files alike.
/// At most maxRunning() files per host are asked for at once, the rest queued; the next
/// ones are asked for when half of those have ended. Also fetches listings on that thread.
class TransferQueue : public QObject
{
    Q_OBJECT
public:
    /// Files asked for at once on one host's connection by default.
    static constexpr int kWindow = 1000;

    explicit TransferQueue(TransferModel *model, QObject *parent = nullptr);
    ~TransferQueue() override;

    quint64 enqueue(
        const QString &host, quint16 port, const QString &remoteName, const GetOptions &options);
    /// Queues a whole remote folder as one row that expands to its files, and returns the
    /// folder row's id. It uses the same context as enqueue(): \a host and \a port, and the
    /// password and TLS options set on this queue.
    ///
    /// \a folderName is the folder's canonical relative name on the server ("photos" or
    /// "shows/season 1", no trailing '/'). \a files are the files under it, each with its
    /// full remote name ("shows/season 1/e01.mkv") and size; \a emptyFolders are the full
    /// remote names of folders under it that hold no file. Names outside \a folderName or
    /// not canonical are left out (and logged). Everything lands in
    /// options.outputDir/<last part of folderName>/..., keeping each file's path relative to
    /// the folder; empty folders are created there now. Each file is downloaded and verified
    /// like a single file; the folder row adds up progress, rate, time left and the verdict
    /// ("1,234 of 1,234 verified", or the names of the files that failed). cancel(), retry(),
    /// startOver() and hasPart() take the folder row's id too and act on its files.
    quint64 enqueueFolder(const QString &host, quint16 port, const QString &folderName,
        const QList<ferry::protocol::FileEntry> &files, const QStringList &emptyFolders,
        const GetOptions &options);
    /// Cancels a row: a file alone (the other files on its connection go on), or a folder's
    /// every unfinished file. Each keeps its .part.
    void cancel(quint64 id);
    /// Starts a finished row again; \a resume continues from the .part file.
    void retry(quint64 id, bool resume);
    /// Starts a row again with a new conflict policy (the answer to "replace?").
    void retryWith(quint64 id, ConflictPolicy policy);
    /// Deletes the row's unfinished download (NAME.part and NAME.part.meta, nothing else),
    /// then downloads it again from byte 0.
    void startOver(quint64 id);
    /// True when an ended row left an unfinished download that Resume or startOver() can use.
    bool hasPart(quint64 id) const;
    /// The password every session started from now on proves (empty: none). Kept in memory
    /// only, never in a Transfer row, so nothing that shows or saves rows can leak it.
    void setPassword(const QByteArray &password) { m_password = password; }
    /// Files asked for at once per host (a window; pipelining means the server sends them one
    /// after another).
    void setMaxRunning(int count) { m_maxRunning = qMax(1, count); }
    int maxRunning() const { return m_maxRunning; }
    /// Files asked for and not yet ended, over every host.
    int running() const { return int(m_inFlight.size()); }

    /// Asks for the listing; answered by listingReady or listingFailed.
    void fetchListing(const QString &host, quint16 port);
    /// How every session from now on checks the server (see TlsClientOptions).
    void setTls(const TlsClientOptions &options);
    void answerTrust(quint64 attempt, bool trusted);

signals:
    void listingReady(const QList<ferry::protocol::FileEntry> &entries);
    void listingFailed(const ferry::Failure &failure);
    /// A row ended: verified, mismatch, failed or cancelled.
    void transferEnded(quint64 id);
    /// The final name exists and the row was refused; ask the user, then retryWith().
    void conflict(quint64 id);
    /// First contact with a device: ask, then answerTrust().
    void trustRequired(quint64 attempt, const ferry::PeerDevice &peer);
    /// The listing's connection is encrypted, to this trusted device.
    void connectedTo(const ferry::PeerDevice &peer);

private:
    /// A folder's files still to be added, a part per event (a big folder would stall the
    /// window if added at once).
    struct Fill
    {
        quint64 folderId = 0;
        QList<protocol::FileEntry> files;
        qsizetype next = 0;
        QString prefix; ///< The folder's name and '/': every file's name starts with it.
        qsizetype cut = 0; ///< Where a file's local name starts in its remote name.
        Transfer proto; ///< What every file of the folder shares: host, port, options.
        bool cancelled = false; ///< Cancelled meanwhile: the rest are added as Cancelled.
    };
    static constexpr int kFillChunk = 1000;

    static QString hostKey(const Transfer &t);
    /// Adds the next part of \a fill's files and asks for them; true when all are in.
    bool fill(Fill &fill);
    void fillNext();
    void pump();
    /// Asks for the host's next queued files, a window at a time.
    void pump(const QString &key);
    /// Makes an ended row Queued again without starting anything; false if it can't be.
    bool requeue(quint64 id, bool resume);
    void cancelFolder(quint64 id);
    void onEnded(quint64 id);
    /// Resume of a compact folder row (its files not kept): fetches the folder again as
    /// `ferry get NAME/ --resume` does, the row adding up what each file did.
    void startCompactFolder(quint64 id);
    void endCompactFolder(quint64 attempt, const Failure &failure);
    void removePart(quint64 id);
    void createFolders(const QString &outputDir, const QString &localFolder,
        const QString &folderName, const QStringList &emptyFolders);

    TransferModel *m_model;
    QThread m_thread;
    SessionHost *m_host;
    QHash<QString, std::deque<quint64>> m_waiting; ///< Per host: row ids queued, in order.
    QHash<quint64, QString> m_inFlight; ///< Asked-for row -> its host.
    QHash<QString, int> m_flying; ///< Per host: rows asked for.
    std::deque<Fill> m_fills; ///< Folders still being added, in order.
    QTimer m_fillTimer;
    QByteArray m_password;
    QHash<quint64, quint64> m_folderFetches; ///< Running compact folder fetch -> its row id.
    quint64 m_nextAttempt = 1;
    quint64 m_listingAttempt = 0;
    int m_maxRunning = kWindow;
};

} // namespace ferry
