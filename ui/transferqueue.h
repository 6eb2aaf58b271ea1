#pragma once

#include "transfermodel.h"

#include <QHash>
#include <QObject>
#include <QThread>

namespace ferry {

class SessionHost;

/// Runs the client's transfers on one network thread: one ClientSession per row of its own,
/// and one per folder row, whose files are pipelined over its one connection. At most
/// maxRunning() sessions at once, the rest queued. Also fetches listings on the same thread.
class TransferQueue : public QObject
{
    Q_OBJECT
public:
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
    /// Cancels a row. A folder's files share one connection, so cancelling one file of a
    /// running folder cancels the folder; every unfinished file keeps its .part.
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
    void setMaxRunning(int count) { m_maxRunning = qMax(1, count); }
    int maxRunning() const { return m_maxRunning; }
    /// Sessions running: one per row of its own, one per folder's batch.
    int running() const { return int(m_attempts.size() - m_batchOf.size() + m_batchFiles.size()); }

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
    void pump();
    /// Starts \a first and every other queued file of the folder \a folderId as one batch.
    void startBatch(quint64 folderId, quint64 first);
    /// Makes an ended row Queued again without starting anything; false if it can't be.
    bool requeue(quint64 id, bool resume);
    void cancelFolder(quint64 id);
    /// Resume of a compact folder row (its files not kept): fetches the folder again as
    /// `ferry get NAME/ --resume` does, the row adding up what each file did.
    void startCompactFolder(quint64 id);
    void onFolderFile(quint64 attempt, const FileResult &result, bool skipped);
    void endCompactFolder(quint64 id, const Failure &failure);
    /// Forgets a batched attempt that was answered; the batch ends with its last file.
    void settle(quint64 attempt);
    void removePart(quint64 id);
    void createFolders(const QString &outputDir, const QString &localFolder,
        const QString &folderName, const QStringList &emptyFolders);
    void onStarted(quint64 attempt, qint64 size, qint64 offset);
    void onReconnecting(quint64 attempt, const Failure &why);
    void onProgress(quint64 attempt, qint64 done, qint64 total);
    void onFinished(quint64 attempt, const FileResult &result);
    void onFailed(quint64 attempt, const Failure &failure);
    void end(quint64 id, Transfer::State state, const Failure &failure);

    TransferModel *m_model;
    QThread m_thread;
    SessionHost *m_host;
    QList<quint64> m_queue; ///< Row ids waiting for a slot, in order.
    QHash<quint64, quint64> m_attempts; ///< Running attempt -> row id.
    QHash<quint64, quint64> m_batchOf; ///< A batched attempt -> its batch.
    QHash<quint64, int> m_batchFiles; ///< Running batch -> its files not yet answered.
    QHash<quint64, quint64> m_batchFolder; ///< Running batch -> its folder row id.
    QHash<quint64, quint64> m_folderFetches; ///< Running compact folder fetch -> its row id.
    QByteArray m_password;
    quint64 m_nextAttempt = 1;
    quint64 m_listingAttempt = 0;
    int m_maxRunning = 4;
};

} // namespace ferry
