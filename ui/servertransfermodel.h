#pragma once

#include "server/serverevent.h"

#include <QAbstractTableModel>
#include <QList>

namespace ferry {

/// Files the server is sending right now; a finished file leaves the list shortly after.
class ServerTransferModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        PeerColumn,
        NameColumn,
        ProgressColumn,
        BytesColumn,
        ColumnCount,
    };
    static constexpr int PermilleRole = Qt::UserRole + 1;

    explicit ServerTransferModel(QObject *parent = nullptr);

    void update(const ServerTransfer &transfer);
    void clear();
    /// Files still going out (finished rows linger a moment but don't count).
    int activeCount() const;
    void setLingerMs(int ms) { m_lingerMs = ms; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void retranslate();

private:
    int rowOf(quint64 sessionId, const QString &name) const;
    void remove(quint64 sessionId, const QString &name);

    QList<ServerTransfer> m_rows;
    int m_lingerMs = 3000;
};

} // namespace ferry
