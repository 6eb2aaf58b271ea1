#pragma once

#include "transfermodel.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <memory>

namespace ferry {

class TransferModel;

/// Keeps the transfer list in a file of Ferry's data folder, so it comes back after a
/// restart: the last kMaxRows rows. A folder is one row: its counts, bytes, verdict and the
/// names of at most kMaxFailedNames failed files, not its files; it comes back compact
/// (Transfer::compact) and Resume lists it again. A row that was still going is saved as
/// Interrupted. The file is replaced atomically; a file that is too large or does not parse
/// gives an empty list and a log line. Files of format 1 (a folder with its files) still load.
class TransferHistory : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxRows = 1000;
    static constexpr qint64 kMaxBytes = qint64(64) << 20;
    static constexpr int kMaxFiles = 200000; ///< Format 1: a folder's files, all rows together.
    /// Failed files named per folder row.
    static constexpr int kMaxFailedNames = TransferModel::kMaxFailedNames;

    /// Loads \a path into \a model, then saves it there whenever the list changes.
    TransferHistory(TransferModel *model, const QString &path, QObject *parent = nullptr);
    ~TransferHistory() override;

    /// Identity::dataDir()/transfers.json
    static QString defaultPath();
    /// Writes the list now and waits for it (it is also written in the background shortly
    /// after each change, and here on quit).
    bool save();
    /// Reads \a path into \a model; returns the rows added (0 for a missing or bad file).
    static int load(TransferModel *model, const QString &path);
    /// Files written so far (for tests: bursts of changes are coalesced).
    int writes() const;

private:
    struct Writer;
    /// Copies the rows on this thread (cheap: top-level rows only, strings shared) and turns
    /// them into JSON and a file on a pool thread. At most one write is in flight and one
    /// more pending: changes while a write runs are saved once, by the next one.
    void saveInBackground();
    void onWritten();

    QPointer<TransferModel> m_model; ///< May go first when both are children of one widget.
    QString m_path;
    QTimer m_saveTimer;
    std::shared_ptr<Writer> m_writer; ///< Shared with the writes still running.
    bool m_inFlight = false;
    bool m_pending = false;
};

} // namespace ferry
