#pragma once

#include "client/clientsession.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>
#include <QSet>
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
    };
    quint64 id = 0;
    QString host;
    quint16 port = 0;
    QString remoteName;
    GetOptions options;
    State state = State::Queued;
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

    /// The name the file was saved under, relative to the output folder: "name (1).txt"
    /// after Keep both, the remote name until the file is saved.
    QString savedName() const;
};

/// The client's transfer list. Progress is coalesced: setProgress() only stores, and a
/// timer repaints changed rows at most ten times a second.
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
    };

    explicit TransferModel(QObject *parent = nullptr);

    quint64 add(const Transfer &transfer);
    const Transfer *find(quint64 id) const;
    Transfer *find(quint64 id);
    quint64 idAt(int row) const { return m_rows.at(row).id; }
    int rowOf(quint64 id) const;
    void changed(quint64 id); ///< Repaints the row now (state changes).
    void setProgress(quint64 id, qint64 done, qint64 total);
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
    /// The widest text \a column shows for plausible values ("888.88 MiB of 888.88 MiB"),
    /// in the current language and locale, for sizing the column; empty for free text.
    static QStringList widestTexts(int column);

private:
    static QString etaText(qint64 secs);
    void flush();
    QString cell(const Transfer &t, int column) const;

    QList<Transfer> m_rows;
    QSet<quint64> m_dirty;
    QTimer m_flushTimer;
    QElapsedTimer m_clock;
    quint64 m_nextId = 1;
};

} // namespace ferry
