#include "transfermodel.h"

#include <QDir>

#include <algorithm>

namespace ferry {

namespace {

constexpr int kFlushMs = 100;

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
    const int row = int(m_visible.size());
    beginInsertRows({}, row, row);
    Transfer t = transfer;
    t.id = m_nextId++;
    t.parentId = 0;
    m_items.append(t);
    m_pos.insert(t.id, int(m_items.size()) - 1);
    m_visible.append(int(m_items.size()) - 1);
    endInsertRows();
    emit historyChanged();
    return t.id;
}

namespace {

void tally(Transfer::Counts &c, Transfer::State state, int delta)
{
    switch (state) {
    case Transfer::State::Queued:
        c.active += delta;
        break;
    case Transfer::State::Connecting:
    case Transfer::State::Running:
        c.active += delta;
        c.running += delta;
        break;
    case Transfer::State::Verified:
        c.verified += delta;
        break;
    case Transfer::State::Mismatch:
    case Transfer::State::Failed:
        c.failed += delta;
        break;
    case Transfer::State::Cancelled:
        c.cancelled += delta;
        break;
    case Transfer::State::Interrupted:
        c.interrupted += delta;
        break;
    }
}

} // namespace

quint64 TransferModel::addFolder(const Transfer &folder, const QList<Transfer> &files)
{
    const int row = int(m_visible.size());
    beginInsertRows({}, row, row);
    Transfer f = folder;
    f.id = m_nextId++;
    f.parentId = 0;
    f.folder = true;
    f.counts = {};
    f.counts.files = int(files.size());
    f.done = 0;
    f.total = 0;
    m_items.append(f);
    const int folderItem = int(m_items.size()) - 1;
    m_pos.insert(f.id, folderItem);
    m_visible.append(folderItem);
    for (const Transfer &file : files) {
        Transfer t = file;
        t.id = m_nextId++;
        t.parentId = f.id;
        t.folder = false;
        t.countedState = t.state;
        t.countedDone = t.done;
        tally(m_items[folderItem].counts, t.state, 1);
        m_items[folderItem].done += t.done;
        m_items[folderItem].total += qMax<qint64>(t.total, 0);
        m_items.append(t);
        m_pos.insert(t.id, int(m_items.size()) - 1);
    }
    deriveFolderState(m_items[folderItem]);
    endInsertRows();
    emit historyChanged();
    return f.id;
}

quint64 TransferModel::addCompactFolder(const Transfer &folder)
{
    Transfer f = folder;
    f.folder = true;
    f.compact = true;
    const quint64 id = add(f);
    return id;
}

void TransferModel::reserve(qsizetype count)
{
    m_items.reserve(m_items.size() + count);
    m_pos.reserve(m_pos.size() + count);
}

quint64 TransferModel::appendFiles(quint64 folderId, QList<Transfer> &&files)
{
    const int folderItem = itemOf(folderId);
    if (folderItem < 0 || !m_items.at(folderItem).folder || files.isEmpty())
        return 0;
    const int n = int(files.size());
    const int at = folderItem + 1 + m_items.at(folderItem).counts.files;
    const bool shown = m_expanded.contains(folderId);
    const int firstRow = shown ? rowOf(folderId) + 1 + m_items.at(folderItem).counts.files : -1;
    if (shown)
        beginInsertRows({}, firstRow, firstRow + n - 1);
    // Rows added after the folder (while it was being filled) move down; they are few.
    m_items.insert(at, n, Transfer());
    const quint64 first = m_nextId;
    Transfer &folder = m_items[folderItem];
    for (int i = 0; i < n; ++i) {
        Transfer &t = m_items[at + i];
        t = std::move(files[i]);
        t.id = m_nextId++;
        t.parentId = folderId;
        t.folder = false;
        t.countedState = t.state;
        t.countedDone = t.done;
        tally(folder.counts, t.state, 1);
        folder.done += t.done;
        folder.total += qMax<qint64>(t.total, 0);
        m_pos.insert(t.id, at + i);
    }
    folder.counts.files += n;
    for (int i = at + n; i < m_items.size(); ++i)
        m_pos.insert(m_items.at(i).id, i);
    auto tail = std::lower_bound(m_visible.begin(), m_visible.end(), at);
    for (auto it = tail; it != m_visible.end(); ++it)
        *it += n;
    if (shown) {
        const qsizetype pos = tail - m_visible.begin();
        m_visible.insert(pos, n, 0);
        for (int i = 0; i < n; ++i)
            m_visible[pos + i] = at + i;
        endInsertRows();
    }
    deriveFolderState(folder);
    const int row = rowOf(folderId);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit historyChanged();
    return first;
}

void TransferModel::deriveFolderState(Transfer &folder)
{
    const Transfer::Counts &c = folder.counts;
    folder.failure = {};
    if (c.active > 0)
        folder.state = c.running > 0 ? Transfer::State::Running : Transfer::State::Queued;
    else if (c.failed > 0)
        folder.state = Transfer::State::Failed;
    else if (c.interrupted > 0)
        folder.state = Transfer::State::Interrupted;
    else if (c.cancelled > 0) {
        folder.state = Transfer::State::Cancelled;
        folder.failure = {ErrorCode::Cancelled, {}};
    } else
        folder.state = Transfer::State::Verified;
}

int TransferModel::rowOf(quint64 id) const
{
    const int item = itemOf(id);
    if (item < 0)
        return -1;
    const auto it = std::lower_bound(m_visible.cbegin(), m_visible.cend(), item);
    return it != m_visible.cend() && *it == item ? int(it - m_visible.cbegin()) : -1;
}

const Transfer *TransferModel::find(quint64 id) const
{
    const int item = itemOf(id);
    return item < 0 ? nullptr : &m_items.at(item);
}

Transfer *TransferModel::item(quint64 id)
{
    const int item = itemOf(id);
    return item < 0 ? nullptr : &m_items[item];
}

QList<quint64> TransferModel::filesOf(quint64 folderId) const
{
    QList<quint64> ids;
    const int item = itemOf(folderId);
    if (item < 0 || !m_items.at(item).folder || m_items.at(item).compact)
        return ids;
    const int count = m_items.at(item).counts.files;
    ids.reserve(count);
    for (int i = item + 1; i <= item + count; ++i)
        ids << m_items.at(i).id;
    return ids;
}

QList<quint64> TransferModel::topLevel() const
{
    QList<quint64> ids;
    for (const Transfer &t : m_items) {
        if (t.parentId == 0)
            ids << t.id;
    }
    return ids;
}

void TransferModel::setExpanded(quint64 folderId, bool expanded)
{
    const int item = itemOf(folderId);
    const int row = rowOf(folderId);
    if (item < 0 || row < 0 || !m_items.at(item).folder || m_items.at(item).compact
        || m_expanded.contains(folderId) == expanded)
        return;
    const int count = m_items.at(item).counts.files;
    if (expanded) {
        m_expanded.insert(folderId);
        if (count > 0) {
            beginInsertRows({}, row + 1, row + count);
            QList<int> files;
            files.reserve(count);
            for (int i = item + 1; i <= item + count; ++i)
                files << i;
            m_visible.insert(row + 1, count, 0);
            std::copy(files.cbegin(), files.cend(), m_visible.begin() + row + 1);
            endInsertRows();
        }
    } else {
        m_expanded.remove(folderId);
        if (count > 0) {
            beginRemoveRows({}, row + 1, row + count);
            m_visible.remove(row + 1, count);
            endRemoveRows();
        }
    }
    emit dataChanged(index(row, NameColumn), index(row, NameColumn));
}

bool TransferModel::isActive(quint64 id) const
{
    const Transfer *t = find(id);
    if (t && t->folder)
        return t->counts.active > 0;
    return t
        && (t->state == Transfer::State::Queued || t->state == Transfer::State::Connecting
            || t->state == Transfer::State::Running);
}

void TransferModel::changed(quint64 id)
{
    const int item = itemOf(id);
    if (item < 0)
        return;
    Transfer &t = m_items[item];
    if (t.state != Transfer::State::Running) {
        t.rate = 0;
        t.rateSamples = 0;
    }
    t.sampleBytes = t.done;
    t.sampleMs = m_clock.elapsed();
    m_dirty.remove(id);
    const int row = rowOf(id);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (t.parentId)
        account(t);
    emit historyChanged();
}

void TransferModel::account(Transfer &file)
{
    const int item = itemOf(file.parentId);
    if (item < 0)
        return;
    Transfer &folder = m_items[item];
    folder.done += file.done - file.countedDone;
    file.countedDone = file.done;
    if (file.countedState == file.state) {
        markDirty(folder.id);
        return;
    }
    tally(folder.counts, file.countedState, -1);
    tally(folder.counts, file.state, 1);
    file.countedState = file.state;
    const Transfer::State before = folder.state;
    deriveFolderState(folder);
    if (before == folder.state) {
        // The counts in its cells changed all the same.
        const int row = rowOf(folder.id);
        if (row >= 0)
            emit dataChanged(index(row, StateColumn), index(row, Md5Column));
        markDirty(folder.id);
        return;
    }
    changed(folder.id);
}

void TransferModel::markDirty(quint64 id)
{
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
        const int item = itemOf(id);
        if (item < 0)
            continue;
        Transfer &t = m_items[item];
        const qint64 ms = now - t.sampleMs;
        if (ms >= 250) {
            const double instant = double(t.done - t.sampleBytes) * 1000.0 / double(ms);
            t.rate = t.rate <= 0 ? instant : 0.7 * t.rate + 0.3 * instant;
            ++t.rateSamples;
            t.sampleBytes = t.done;
            t.sampleMs = now;
        }
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row, ProgressColumn), index(row, EtaColumn));
    }
    m_dirty.clear();
}

void TransferModel::reindex()
{
    m_pos.clear();
    m_visible.clear();
    for (int i = 0; i < m_items.size(); ++i) {
        const Transfer &t = m_items.at(i);
        m_pos.insert(t.id, i);
        if (t.parentId == 0 || m_expanded.contains(t.parentId))
            m_visible.append(i);
    }
}

void TransferModel::removeFinished()
{
    // Rows go one by one, so views keep their selection; m_items is compacted at the end.
    QSet<quint64> gone;
    for (int row = int(m_visible.size()) - 1; row >= 0; --row) {
        const Transfer &t = m_items.at(m_visible.at(row));
        if (t.parentId != 0 || isActive(t.id))
            continue;
        const int shown = m_expanded.contains(t.id) ? t.counts.files : 0;
        beginRemoveRows({}, row, row + shown);
        gone.insert(t.id);
        m_visible.remove(row, shown + 1);
        endRemoveRows();
    }
    if (gone.isEmpty())
        return;
    QList<Transfer> kept;
    kept.reserve(m_items.size());
    for (const Transfer &t : std::as_const(m_items)) {
        if (gone.contains(t.id) || gone.contains(t.parentId)) {
            m_dirty.remove(t.id);
            m_expanded.remove(t.id);
            continue;
        }
        kept.append(t);
    }
    m_items = std::move(kept);
    reindex();
    emit historyChanged();
}

int TransferModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_visible.size());
}

int TransferModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

} // namespace ferry
