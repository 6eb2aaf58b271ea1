#include "logmodel.h"

#include "errortext.h"
#include "protocol/names.h"

#include <QBrush>
#include <QLocale>
#include <QPalette>

namespace ferry {

LogModel::LogModel(QObject *parent) : QAbstractTableModel(parent) { }

void LogModel::append(const ServerEvent &event)
{
    if (m_events.size() >= m_limit) {
        const int drop = int(m_events.size()) - m_limit + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
    const int row = int(m_events.size());
    beginInsertRows({}, row, row);
    m_events.append(event);
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

void LogModel::setLimit(int rows)
{
    m_limit = qMax(1, rows);
    if (m_events.size() > m_limit) {
        const int drop = int(m_events.size()) - m_limit;
        beginRemoveRows({}, 0, drop - 1);
        m_events.remove(0, drop);
        endRemoveRows();
    }
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::cell(const ServerEvent &e, int column) const
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        return locale.toString(e.time.toLocalTime().time(), QStringLiteral("HH:mm:ss"));
    case PeerColumn:
        return e.peer;
    case RequestColumn:
        switch (e.kind) {
        case ServerEvent::Kind::Connected:
            return tr("(connected)");
        case ServerEvent::Kind::Listed:
            return tr("(file list)");
        case ServerEvent::Kind::Disconnected:
            return tr("(disconnected)");
        case ServerEvent::Kind::LimitHit:
            return tr("(limit)");
        default:
            return printableName(e.name);
        }
    case BytesColumn:
        if (e.kind == ServerEvent::Kind::Listed)
            return tr("%n file(s)", nullptr, int(qMin<qint64>(e.bytes, INT_MAX)));
        if (e.kind == ServerEvent::Kind::Sent || e.kind == ServerEvent::Kind::Aborted
            || e.bytes > 0)
            return locale.formattedDataSize(e.bytes);
        return {};
    case ResultColumn:
        switch (e.kind) {
        case ServerEvent::Kind::Connected:
            // The code the client shows on first contact: the two people compare.
            return e.detail.isEmpty() ? tr("connected")
                                      : tr("connected, comparison code %1").arg(e.detail);
        case ServerEvent::Kind::Listed:
            return tr("listed");
        case ServerEvent::Kind::Requested:
            return tr("requested");
        case ServerEvent::Kind::Sent:
            return tr("done, verified sent");
        case ServerEvent::Kind::Refused:
            // Seen from the server: the client got the password wrong.
            if (e.code == ErrorCode::AuthFailed)
                return tr("refused: wrong password");
            return tr("refused: %1").arg(ErrorText::describe({e.code, e.detail}));
        case ServerEvent::Kind::Failed:
            return tr("error: %1").arg(ErrorText::describe({e.code, e.detail}));
        case ServerEvent::Kind::Disconnected:
            return tr("disconnected");
        case ServerEvent::Kind::LimitHit:
            return tr("limit reached: %1").arg(ErrorText::describe({e.code, e.detail}));
        case ServerEvent::Kind::Aborted:
            return e.code == ErrorCode::Cancelled ? tr("aborted: sharing was stopped")
                                                  : tr("aborted: the client disconnected");
        }
    }
    return {};
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const ServerEvent &e = m_events.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cell(e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(e.time.toLocalTime(), QLocale::LongFormat);
        return cell(e, index.column());
    case Qt::ForegroundRole:
        if (index.column() == ResultColumn) {
            if (e.kind == ServerEvent::Kind::Refused || e.kind == ServerEvent::Kind::Failed
                || e.kind == ServerEvent::Kind::LimitHit || e.kind == ServerEvent::Kind::Aborted)
                return QBrush(QColor(0xb0, 0x20, 0x20));
            if (e.kind == ServerEvent::Kind::Sent)
                return QBrush(QColor(0x1a, 0x7f, 0x37));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == BytesColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case PeerColumn:
        return tr("Peer");
    case RequestColumn:
        return tr("Request");
    case BytesColumn:
        return tr("Bytes");
    case ResultColumn:
        return tr("Result");
    }
    return {};
}

void LogModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_events.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_events.size()) - 1, ColumnCount - 1));
}

QString LogModel::toText() const
{
    QStringList lines;
    for (const ServerEvent &e : m_events) {
        QStringList cells;
        cells << QLocale().toString(e.time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        for (int c = PeerColumn; c < ColumnCount; ++c)
            cells << cell(e, c);
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString LogModel::toCsv() const
{
    const auto quote = [](QString s) {
        s.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        return QLatin1Char('"') + s + QLatin1Char('"');
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << quote(headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(QLatin1Char(','));
    for (const ServerEvent &e : m_events) {
        QStringList cells;
        cells << quote(e.time.toUTC().toString(Qt::ISODate));
        for (int c = PeerColumn; c < ColumnCount; ++c)
            cells << quote(cell(e, c));
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n");
}

} // namespace ferry
