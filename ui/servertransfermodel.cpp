#include "servertransfermodel.h"

#include "protocol/names.h"

#include <QLocale>
#include <QTimer>

namespace ferry {

ServerTransferModel::ServerTransferModel(QObject *parent) : QAbstractTableModel(parent) { }

int ServerTransferModel::rowOf(quint64 sessionId, const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).sessionId == sessionId && m_rows.at(i).name == name)
            return i;
    }
    return -1;
}

void ServerTransferModel::update(const ServerTransfer &transfer)
{
    int row = rowOf(transfer.sessionId, transfer.name);
    if (row < 0) {
        row = int(m_rows.size());
        beginInsertRows({}, row, row);
        m_rows.append(transfer);
        endInsertRows();
    } else {
        m_rows[row] = transfer;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    if (transfer.finished) {
        QTimer::singleShot(m_lingerMs, this,
            [this, id = transfer.sessionId, n = transfer.name] { remove(id, n); });
    }
}

void ServerTransferModel::remove(quint64 sessionId, const QString &name)
{
    const int row = rowOf(sessionId, name);
    if (row < 0 || !m_rows.at(row).finished)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

void ServerTransferModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ServerTransferModel::activeCount() const
{
    int n = 0;
    for (const ServerTransfer &t : m_rows)
        n += t.finished ? 0 : 1;
    return n;
}

int ServerTransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ServerTransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerTransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ServerTransfer &t = m_rows.at(index.row());
    const QLocale locale;
    if (role == PermilleRole)
        return t.total > 0 ? int(t.done * 1000 / t.total) : (t.finished ? 1000 : 0);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PeerColumn:
        return t.peer;
    case NameColumn:
        return printableName(t.name);
    case ProgressColumn:
        if (t.total <= 0)
            return {};
        return locale.toString(int(t.done * 100 / t.total)) + locale.percent();
    case BytesColumn:
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(t.done), locale.formattedDataSize(t.total));
    }
    return {};
}

QVariant ServerTransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PeerColumn:
        return tr("Peer");
    case NameColumn:
        return tr("File");
    case ProgressColumn:
        return tr("Progress");
    case BytesColumn:
        return tr("Bytes");
    }
    return {};
}

void ServerTransferModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace ferry
