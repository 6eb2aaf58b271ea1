#include "transfermodel.h"

#include "errortext.h"
#include "protocol/names.h"

#include <QBrush>
#include <QDir>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace ferry {

namespace {

constexpr int kFlushMs = 100;
// Rate samples needed before a time left is shown: the first one after a (re)start also
// counts connection set-up and bursts, and gave "0:00" at 32%.
constexpr int kEtaSamples = 3;

QString hexDigest(const QByteArray &md5)
{
    return md5.size() == 16 ? QString::fromLatin1(md5.toHex()) : QString::fromLatin1(md5);
}

} // namespace

QString Transfer::savedName() const
{
    if (localPath.isEmpty())
        return remoteName;
    return QDir(options.outputDir).relativeFilePath(localPath);
}

TransferModel::TransferModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_clock.start();
    m_flushTimer.setInterval(kFlushMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &TransferModel::flush);
}

quint64 TransferModel::add(const Transfer &transfer)
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(transfer);
    m_rows.last().id = m_nextId++;
    endInsertRows();
    return m_rows.last().id;
}

int TransferModel::rowOf(quint64 id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

const Transfer *TransferModel::find(quint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

Transfer *TransferModel::find(quint64 id)
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows[row];
}

bool TransferModel::isActive(quint64 id) const
{
    const Transfer *t = find(id);
    return t
        && (t->state == Transfer::State::Queued || t->state == Transfer::State::Connecting
            || t->state == Transfer::State::Running);
}

void TransferModel::changed(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Transfer &t = m_rows[row];
    if (t.state != Transfer::State::Running) {
        t.rate = 0;
        t.rateSamples = 0;
    }
    t.sampleBytes = t.done;
    t.sampleMs = m_clock.elapsed();
    m_dirty.remove(id);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TransferModel::setProgress(quint64 id, qint64 done, qint64 total)
{
    Transfer *t = find(id);
    if (!t)
        return;
    t->done = done;
    t->total = total;
    m_dirty.insert(id);
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void TransferModel::flush()
{
    if (m_dirty.isEmpty()) {
        m_flushTimer.stop();
        return;
    }
    const qint64 now = m_clock.elapsed();
    for (quint64 id : std::as_const(m_dirty)) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        Transfer &t = m_rows[row];
        const qint64 ms = now - t.sampleMs;
        if (ms >= 250) {
            const double instant = double(t.done - t.sampleBytes) * 1000.0 / double(ms);
            t.rate = t.rate <= 0 ? instant : 0.7 * t.rate + 0.3 * instant;
            ++t.rateSamples;
            t.sampleBytes = t.done;
            t.sampleMs = now;
        }
        emit dataChanged(index(row, ProgressColumn), index(row, EtaColumn));
    }
    m_dirty.clear();
}

void TransferModel::removeFinished()
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const Transfer &t = m_rows.at(i);
        if (isActive(t.id))
            continue;
        beginRemoveRows({}, i, i);
        m_dirty.remove(t.id);
        m_rows.removeAt(i);
        endRemoveRows();
    }
}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransferModel::stateText(const Transfer &t)
{
    switch (t.state) {
    case Transfer::State::Queued:
        return tr("Queued");
    case Transfer::State::Connecting:
        // A failure here is the drop being ridden out (TransferQueue::onReconnecting).
        return t.failure.ok() ? tr("Connecting") : tr("Reconnecting");
    case Transfer::State::Running:
        return t.offset > 0 ? tr("Resuming") : tr("Downloading");
    case Transfer::State::Verified:
        return tr("Done");
    case Transfer::State::Mismatch:
        return ErrorText::describe({ErrorCode::Mismatch, t.remoteName});
    case Transfer::State::Failed:
    case Transfer::State::Cancelled:
        return ErrorText::describe(t.failure);
    }
    return {};
}

QString TransferModel::md5Text(const Transfer &t)
{
    if (t.state == Transfer::State::Verified)
        //: %1 is a check mark, %2 the MD5 in hex. The verdict comes first so a narrow
        //: column still shows it.
        return tr("%1 verified  %2").arg(QString(QChar(0x2713)), hexDigest(t.localMd5));
    if (t.state == Transfer::State::Mismatch)
        //: %1 is a cross mark, %2 the MD5 in hex.
        return tr("%1 MISMATCH  %2").arg(QString(QChar(0x2717)), hexDigest(t.localMd5));
    return {};
}

QString TransferModel::etaText(qint64 secs)
{
    if (secs >= 100 * 3600)
        return tr("more than 99 h");
    if (secs >= 3600)
        return tr("%1:%2:%3")
            .arg(secs / 3600)
            .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(secs % 60, 2, 10, QLatin1Char('0'));
    return tr("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

QStringList TransferModel::widestTexts(int column)
{
    const QLocale locale;
    // Eights are as wide as any digit; 888.88 of a unit is the longest a size gets. Each
    // unit is measured, since "M" is wider than "G" in most fonts.
    QStringList sizes;
    for (qint64 unit = 1024; unit <= (qint64(1) << 40); unit *= 1024)
        sizes << locale.formattedDataSize(qint64(888.88 * double(unit)));
    QStringList texts;
    switch (column) {
    case ProgressColumn:
        return {locale.toString(100) + locale.percent()};
    case BytesColumn:
        for (const QString &size : sizes)
            texts << tr("%1 of %2").arg(size, size);
        return texts;
    case RateColumn:
        for (const QString &size : sizes)
            texts << tr("%1/s").arg(size);
        return texts;
    case EtaColumn:
        return {etaText(88 * 3600 + 58 * 60 + 58), etaText(100 * 3600)};
    case StateColumn:
        return {tr("Queued"), tr("Connecting"), tr("Reconnecting"), tr("Resuming"),
            tr("Downloading"), tr("Done")};
    default:
        return {};
    }
}

QString TransferModel::cell(const Transfer &t, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return printableName(t.savedName());
    case ProgressColumn:
        if (t.total <= 0)
            return t.state == Transfer::State::Verified ? locale.toString(100) + locale.percent()
                                                        : QString();
        return locale.toString(int(t.done * 100 / t.total)) + locale.percent();
    case BytesColumn:
        if (t.total < 0)
            return {};
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(t.done), locale.formattedDataSize(t.total));
    case RateColumn:
        if (t.state != Transfer::State::Running || t.rate <= 0)
            return {};
        return tr("%1/s").arg(locale.formattedDataSize(qint64(t.rate)));
    case EtaColumn: {
        // Nothing until the rate is an estimate; then rounded up, so "0:00" never shows
        // while bytes are still to come.
        if (t.state != Transfer::State::Running || t.rate <= 0 || t.total <= 0
            || t.rateSamples < kEtaSamples || t.done >= t.total)
            return {};
        return etaText(qint64(std::ceil(double(t.total - t.done) / t.rate)));
    }
    case StateColumn:
        return stateText(t);
    case Md5Column:
        return md5Text(t);
    }
    return {};
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Transfer &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return cell(t, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Md5Column && t.state == Transfer::State::Mismatch)
            return tr("Local MD5: %1\nServer MD5: %2")
                .arg(hexDigest(t.localMd5), hexDigest(t.remoteMd5));
        if (index.column() == NameColumn && !t.localPath.isEmpty()) {
            if (t.savedName() != t.remoteName)
                //: %1 is the full local path, %2 the name on the server.
                return tr("%1\n(\"%2\" on the server)")
                    .arg(t.localPath, printableName(t.remoteName));
            return t.localPath;
        }
        return cell(t, index.column());
    case PermilleRole:
        if (t.state == Transfer::State::Verified)
            return 1000;
        if (t.total < 0)
            return {}; // no bar until the size is known
        return t.total > 0 ? int(t.done * 1000 / t.total) : 0;
    case IdRole:
        return t.id;
    case StateRole:
        return int(t.state);
    case Qt::ForegroundRole:
        if (index.column() == Md5Column || index.column() == StateColumn) {
            if (t.state == Transfer::State::Verified)
                return QBrush(QColor(0x1a, 0x7f, 0x37));
            if (t.state == Transfer::State::Mismatch || t.state == Transfer::State::Failed)
                return QBrush(QColor(0xb0, 0x20, 0x20));
        }
        return {};
    case Qt::FontRole:
        if (index.column() == Md5Column) {
            QFont font;
            font.setStyleHint(QFont::Monospace);
            font.setFamily(QStringLiteral("monospace"));
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ProgressColumn:
        return tr("Progress");
    case BytesColumn:
        return tr("Bytes");
    case RateColumn:
        return tr("Rate");
    case EtaColumn:
        return tr("Time left");
    case StateColumn:
        return tr("State");
    case Md5Column:
        return tr("MD5");
    }
    return {};
}

Qt::ItemFlags TransferModel::flags(const QModelIndex &index) const
{
    // Drops land on the view as a whole, never on a row.
    return QAbstractTableModel::flags(index) & ~Qt::ItemIsDropEnabled;
}

void TransferModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace ferry
