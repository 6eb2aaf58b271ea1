#pragma once

#include "client/clientsession.h"
#include "transferupdate.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>
#include <QTimer>

namespace ferry {

/// One requested file, from queued to verified (or not).
struct Transfer
{
    enum class State {
        Queued,
        Connecting,
        Running,
        Verified,
        Mismatch,
        Failed,
        Cancelled,
        Interrupted, ///< Was running when Ferry quit; Resume continues from the .part.
    };
    quint64 id = 0;
    quint64 parentId = 0; ///< The folder row a file belongs to; 0 for a row of its own.
    bool folder = false; ///< A folder row: its files follow it, and it adds them up.
    /// A folder row without its files (brought back from the saved list): its counts, bytes,
    /// verdict and failedNames stand as saved; Resume lists the folder again.
    bool compact = false;
    QStringList failedNames; ///< A compact folder's failed files, by path inside it.
    QString host;
    quint16 port = 0;
    QString remoteName;
    QString localName; ///< Where it lands, relative to the output folder; empty: remoteName.
    GetOptions options;
    State state = State::Queued;
    quint32 attempt = 0; ///< Counts the times it was asked for; news of older ones is dropped.
    qint64 done = 0;
    qint64 total = -1;
    qint64 offset = 0;
    double rate = 0; ///< Bytes per second, smoothed.
    QByteArray localMd5;
    QByteArray remoteMd5;
    QString localPath;
    Failure failure;
    // For the rate: the last sample taken when the view was refreshed.
    qint64 sampleBytes = 0;
    qint64 sampleMs = 0;
    int rateSamples = 0; ///< Rate samples since the row started running.
    // A file's share of its folder's sums, as last added to them.
    State countedState = State::Queued;
    qint64 countedDone = 0;
    /// A folder's files by state, and the names of those that failed.
    struct Counts
    {
        int files = 0;
        int active = 0; ///< Queued, connecting or running.
        int running = 0; ///< Connecting or running.
        int verified = 0;
        int failed = 0; ///< Failed or mismatch.
        int cancelled = 0;
        int interrupted = 0;
    } counts;

    /// The name it lands under, relative to the output folder, before any Keep both.
    QString targetName() const { return localName.isEmpty() ? remoteName : localName; }
    /// The name the file was saved under, relative to the output folder: "name (1).txt"
    /// after Keep both, the remote name until the file is saved.
    QString savedName() const;
};

/// The client's transfer list. Progress is coalesced: setProgress() only stores, and a
/// timer repaints changed rows at most ten times a second. A folder is one row; its files
/// are rows too, shown right under it while it is expanded.
class TransferModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ProgressColumn,
        BytesColumn,
        RateColumn,
        EtaColumn,
        StateColumn,
        Md5Column,
        ColumnCount,
    };
    enum Role {
        PermilleRole = Qt::UserRole + 1, ///< 0..1000; invalid while the size is unknown.
        IdRole,
        StateRole,
        FolderRole, ///< 0: a row of its own; 1: a collapsed folder; 2: an expanded folder.
        ParentRole, ///< The folder row's id for a folder's file, else 0.
    };

    /// A compact folder row keeps the names of at most this many failed files.
    static constexpr int kMaxFailedNames = 100;

    explicit TransferModel(QObject *parent = nullptr);

    quint64 add(const Transfer &transfer);
    /// Adds a folder row and its files (collapsed); returns the folder's id. The files' ids
    /// follow it in order.
    quint64 addFolder(const Transfer &folder, const QList<Transfer> &files);
    /// Adds a compact folder row (Transfer::compact): its state, counts and bytes as given.
    quint64 addCompactFolder(const Transfer &folder);
    /// Adds more files at the end of a folder's, with ids from the next; returns the first.
    /// A large folder is filled a part at a time, so no single event takes long.
    quint64 appendFiles(quint64 folderId, QList<Transfer> &&files);
    /// Makes room for \a count more rows at once, so a big folder doesn't grow the list
    /// (and briefly hold two copies of it) step by step.
    void reserve(qsizetype count);
    const Transfer *find(quint64 id) const;
    quint64 idAt(int row) const { return m_items.at(m_visible.at(row)).id; }
    /// The row showing \a id; -1 when it is not shown (a file of a collapsed folder).
    int rowOf(quint64 id) const;
    /// A folder's files' ids, in order.
    QList<quint64> filesOf(quint64 folderId) const;
    /// Every row and every folder's file, shown or not.
    int itemCount() const { return int(m_items.size()); }
    /// Every row of its own and every folder row, in order (not their files).
    QList<quint64> topLevel() const;
    void setExpanded(quint64 folderId, bool expanded);
    bool isExpanded(quint64 folderId) const { return m_expanded.contains(folderId); }

    // The edits a row goes through; each repaints it, and a folder's file also updates its
    // folder's sums. Only these change a row (the queue and the network thread call them).
    /// Back to Queued for another attempt; \a resume continues from the .part.
    bool markQueued(quint64 id, bool resume);
    /// Handed to a connection (Connecting until its data starts); returns the new attempt.
    quint32 markRequested(quint64 id);
    void markStarted(quint64 id, qint64 size, qint64 offset);
    /// Stored only: the flush timer repaints, at most ten times a second.
    void markProgress(quint64 id, qint64 done, qint64 total);
    void setProgress(quint64 id, qint64 done, qint64 total) { markProgress(id, done, total); }
    /// Its connection dropped and is being dialled again: the row reads "Reconnecting".
    void markReconnecting(quint64 id, const Failure &why);
    void markResumed(quint64 id);
    /// The file's outcome: Verified, Mismatch, Failed or Cancelled, with its MD5s.
    void markFinished(quint64 id, const FileResult &result);
    /// Ends an active row with \a state; ended() follows.
    void markEnded(quint64 id, Transfer::State state, const Failure &failure);
    // A compact folder row (Transfer::compact) fetched again whole, as `ferry get NAME/`:
    /// Starts it over (counts, bytes, failed names); false when it is not one or is active.
    bool markFolderFetching(quint64 id);
    void markFolderPlanned(quint64 id, int files, qint64 bytes);
    /// Counts one of its files; \a skipped files (already here, same MD5) count as verified.
    void markFolderFile(quint64 id, const FileResult &result, bool skipped);
    /// Ends the fetch: Cancelled, Failed (a file failed), Interrupted (files left, or
    /// \a failure) or Verified.
    void markFolderFetched(quint64 id, const Failure &failure);
    void setConflictPolicy(quint64 id, ConflictPolicy policy);
    /// Applies news from the network thread, unless it is about an older attempt.
    void apply(const ferry::TransferUpdate &update);
    void removeFinished();
    bool isActive(quint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void retranslate();
    static QString stateText(const Transfer &t);
    static QString md5Text(const Transfer &t);
    /// The first \a max of a folder's files that did not verify, by their paths inside the
    /// folder, or by their own names when \a leaves.
    QStringList failedFiles(quint64 folderId, int max, bool leaves) const;

signals:
    /// A row was added or removed, or changed state: the saved list is out of date.
    void historyChanged();
    /// An active row (a file or a row of its own, not a folder) ended.
    void ended(quint64 id);

public:
    /// The widest text \a column shows for plausible values ("888.88 MiB of 888.88 MiB"),
    /// in the current language and locale, for sizing the column; empty for free text.
    static QStringList widestTexts(int column);

private:
    static QString etaText(qint64 secs);
    void flush();
    QString cell(const Transfer &t, int column) const;
    QString folderMd5Text(const Transfer &folder) const;
    int itemOf(quint64 id) const { return m_pos.value(id, -1); }
    Transfer *item(quint64 id);
    void changed(quint64 id); ///< Repaints the row now (state changes).
    /// Moves a folder file's share of the sums to its folder; repaints the folder.
    void account(Transfer &file);
    void deriveFolderState(Transfer &folder);
    void reindex();
    void markDirty(quint64 id);

    QList<Transfer> m_items; ///< Every row; a folder's files right after it.
    QHash<quint64, int> m_pos; ///< id -> index in m_items
    QList<int> m_visible; ///< Model row -> index in m_items, ascending.
    QSet<quint64> m_expanded;
    QSet<quint64> m_dirty;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
};

} // namespace ferry
