#pragma once

#include "protocol/messages.h"

#include <QAbstractTableModel>
#include <QList>

namespace ferry {

/// The server's file list as the client shows it. Rows drag out as text/plain names, one a
/// line, which is exactly what the transfer list accepts.
class RemoteListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SizeColumn,
        ModifiedColumn,
        ColumnCount,
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit RemoteListModel(QObject *parent = nullptr);

    void setEntries(const QList<protocol::FileEntry> &entries);
    const QList<protocol::FileEntry> &entries() const { return m_entries; }
    QStringList names() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    void retranslate();

private:
    QList<protocol::FileEntry> m_entries;
};

} // namespace ferry
