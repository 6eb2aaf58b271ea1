#include "remotelistmodel.h"

#include "protocol/names.h"

#include <QDateTime>
#include <QLocale>
#include <QMimeData>

namespace ferry {

RemoteListModel::RemoteListModel(QObject *parent) : QAbstractTableModel(parent) { }

void RemoteListModel::setEntries(const QList<protocol::FileEntry> &entries)
{
    beginResetModel();
    // A flat list of files: the listing's folders (protocol 3) are for the folder tree,
    // which shows them; here a folder row could only fail as "not a regular file".
    m_entries.clear();
    m_entries.reserve(entries.size());
    for (const protocol::FileEntry &e : entries) {
        if (!e.isFolder)
            m_entries.append(e);
    }
    endResetModel();
}

QStringList RemoteListModel::names() const
{
    QStringList names;
    names.reserve(m_entries.size());
    for (const protocol::FileEntry &e : m_entries)
        names << e.name;
    return names;
}

int RemoteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RemoteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemoteListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const protocol::FileEntry &e = m_entries.at(index.row());
    const QDateTime modified = QDateTime::fromMSecsSinceEpoch(e.mtimeMs, Qt::UTC).toLocalTime();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return printableName(e.name);
        case SizeColumn:
            return QLocale().formattedDataSize(e.size);
        case ModifiedColumn:
            return QLocale().toString(modified, QLocale::ShortFormat);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SizeColumn)
            return tr("%n byte(s)", nullptr, int(qMin<qint64>(e.size, INT_MAX)));
        return data(index, Qt::DisplayRole);
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return e.name;
        case SizeColumn:
            return e.size;
        case ModifiedColumn:
            return e.mtimeMs;
        }
        return {};
    case Qt::UserRole:
        return e.name;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RemoteListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    }
    return {};
}

Qt::ItemFlags RemoteListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid())
        f |= Qt::ItemIsDragEnabled;
    return f;
}

QStringList RemoteListModel::mimeTypes() const
{
    return {QStringLiteral("text/plain")};
}

QMimeData *RemoteListModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList names;
    for (const QModelIndex &index : indexes) {
        const QString name = index.siblingAtColumn(NameColumn).data(Qt::UserRole).toString();
        if (!name.isEmpty() && !names.contains(name))
            names << name;
    }
    auto *mime = new QMimeData;
    mime->setText(names.join(QLatin1Char('\n')));
    return mime;
}

Qt::DropActions RemoteListModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

void RemoteListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
}

} // namespace ferry
