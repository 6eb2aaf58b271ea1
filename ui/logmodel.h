#pragma once

#include "server/serverevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace ferry {

/// The server's connection log as data; rows are rendered when shown, so a language switch
/// re-renders old rows too. Keeps only the newest rows so a long run can't eat memory.
class LogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        PeerColumn,
        RequestColumn,
        BytesColumn,
        ResultColumn,
        ColumnCount,
    };

    explicit LogModel(QObject *parent = nullptr);

    void append(const ServerEvent &event);
    void clear();
    void setLimit(int rows);
    int limit() const { return m_limit; }
    ServerEvent event(int row) const { return m_events.at(row); }

    /// The whole log as tab-separated text or as RFC 4180 CSV, in the current language.
    QString toText() const;
    QString toCsv() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Re-renders every row and header after a language change.
    void retranslate();

private:
    QString cell(const ServerEvent &event, int column) const;

    QList<ServerEvent> m_events;
    int m_limit = 10000;
};

} // namespace ferry
