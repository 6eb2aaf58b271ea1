#include "remotelistmodel.h"

#include "protocol/names.h"

#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QMimeData>
#include <QStyle>
#include <utility>

namespace ferry {

/// What a worker hands back: the tree it used (built or given) and the layout over it.
struct RemoteListModel::Result
{
    std::shared_ptr<const RemoteTree> tree;
    quint64 entriesGeneration = 0;
    RemoteTree::SortKey key = RemoteTree::ByName;
    Qt::SortOrder order = Qt::AscendingOrder;
    QString filter;
    RemoteTree::Layout layout;
    bool stopped = false;
};

RemoteListModel::RemoteListModel(QObject *parent) : QAbstractItemModel(parent)
{
    // One worker: a newer request stops the older one rather than racing it, and the
    // listing never takes both of the machine's cores.
    m_pool.setMaxThreadCount(1);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        m_folderIcon = app->style()->standardIcon(QStyle::SP_DirIcon);
        m_fileIcon = app->style()->standardIcon(QStyle::SP_FileIcon);
    }
}

RemoteListModel::~RemoteListModel()
{
    ++m_ticket;
    m_pool.waitForDone();
}

void RemoteListModel::setEntries(const QList<protocol::FileEntry> &entries)
{
    m_entries = entries;
    ++m_entriesGeneration;
    m_builtTree.reset();
    m_fileCount = 0;
    // Read through a const list: a non-const begin() would copy the 100,000 entries that
    // the listing's signal still shares.
    for (const protocol::FileEntry &e : std::as_const(m_entries))
        m_fileCount += e.isFolder ? 0 : 1;
    if (m_entries.isEmpty()) {
        ++m_ticket;
        beginResetModel();
        releaseInBackground(std::move(m_tree));
        m_layout = {};
        m_shownFilter = m_filter;
        endResetModel();
        m_busy = m_running;
        return;
    }
    schedule();
}

QStringList RemoteListModel::names() const
{
    QStringList names;
    names.reserve(m_fileCount);
    for (const protocol::FileEntry &e : m_entries) {
        if (!e.isFolder)
            names << e.name;
    }
    return names;
}

void RemoteListModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    schedule();
}

void RemoteListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr RemoteTree::SortKey keys[]
        = {RemoteTree::ByName, RemoteTree::BySize, RemoteTree::ByFiles, RemoteTree::ByModified};
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortKey = keys[column];
    m_sortOrder = order;
    schedule();
}

void RemoteListModel::schedule()
{
    if (m_entries.isEmpty())
        return;
    m_busy = true;
    if (m_running) {
        // Stops the running work; apply() comes back here with the newest request.
        ++m_ticket;
        return;
    }
    m_running = true;
    const quint64 ticket = ++m_ticket;
    auto result = std::make_shared<Result>();
    result->tree = m_builtTree;
    result->entriesGeneration = m_entriesGeneration;
    result->key = m_sortKey;
    result->order = m_sortOrder;
    result->filter = m_filter;
    // The entries go along shared, not copied; the tree built from them keeps them.
    const QList<protocol::FileEntry> entries
        = m_builtTree ? QList<protocol::FileEntry>() : m_entries;
    m_pool.start([this, result, entries, ticket] {
        if (!result->tree)
            result->tree = std::make_shared<const RemoteTree>(entries);
        result->layout
            = result->tree->layout(result->key, result->order, result->filter, &m_ticket, ticket);
        result->stopped = result->layout.row.empty();
        QMetaObject::invokeMethod(
            this, [this, result] { apply(result); }, Qt::QueuedConnection);
    });
}

void RemoteListModel::apply(const std::shared_ptr<Result> &result)
{
    m_running = false;
    const bool current = result->entriesGeneration == m_entriesGeneration;
    if (current && !m_builtTree)
        m_builtTree = result->tree;
    if (m_entries.isEmpty()) {
        m_busy = false;
        return;
    }
    if (!current || result->stopped || result->key != m_sortKey || result->order != m_sortOrder
        || result->filter != m_filter) {
        schedule();
        return;
    }
    m_busy = false;
    const bool filterChanged = result->filter != m_shownFilter;
    if (result->tree != m_tree) {
        beginResetModel();
        releaseInBackground(std::exchange(m_tree, result->tree));
        m_layout = std::move(result->layout);
        m_shownFilter = result->filter;
        endResetModel();
        emit treeReady();
        return;
    }
    if (filterChanged)
        emit filterAboutToChange();
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList from = persistentIndexList();
    m_layout = std::move(result->layout);
    m_shownFilter = result->filter;
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to << indexOfNode(int(index.internalId()), index.column());
    changePersistentIndexList(from, to);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    emit layoutApplied(filterChanged);
}

// The last reference to an old listing frees 100,000 names: milliseconds the window's thread
// need not spend.
void RemoteListModel::releaseInBackground(std::shared_ptr<const RemoteTree> tree)
{
    if (tree)
        m_pool.start([tree = std::move(tree)]() mutable { tree.reset(); });
}

QModelIndex RemoteListModel::indexOfNode(int node, int column) const
{
    if (!m_tree || node <= 0 || size_t(node) >= m_layout.row.size())
        return {};
    const int row = m_layout.row[size_t(node)];
    return row < 0 ? QModelIndex() : createIndex(row, column, quintptr(node));
}

bool RemoteListModel::folderContents(
    const QString &path, QList<protocol::FileEntry> *files, QStringList *emptyFolders) const
{
    if (!isFolder(path))
        return false;
    m_builtTree->contents(m_builtTree->find(path), files, emptyFolders);
    return true;
}

bool RemoteListModel::isFolder(const QString &path) const
{
    if (!m_builtTree || path.isEmpty() || path == QLatin1String("/"))
        return false;
    const int node = m_builtTree->find(path);
    return node > 0 && m_builtTree->node(node).isFolder;
}

QStringList RemoteListModel::folderNames() const
{
    QStringList names;
    if (!m_builtTree)
        return names;
    for (int n = 1; n < m_builtTree->nodeCount(); ++n) {
        if (m_builtTree->node(n).isFolder)
            names << m_builtTree->path(n).toString() + QLatin1Char('/');
    }
    return names;
}

QModelIndex RemoteListModel::indexOf(const QString &path) const
{
    return m_tree ? indexOfNode(m_tree->find(path)) : QModelIndex();
}

QModelIndex RemoteListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_tree || row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    const size_t p = parent.isValid() ? size_t(parent.internalId()) : 0;
    if (p >= m_layout.count.size() || row >= m_layout.count[p])
        return {};
    const int node = m_layout.children[size_t(m_layout.first[p] + row)];
    return createIndex(row, column, quintptr(node));
}

QModelIndex RemoteListModel::parent(const QModelIndex &child) const
{
    if (!m_tree || !child.isValid())
        return {};
    return indexOfNode(m_tree->node(int(child.internalId())).parent);
}

int RemoteListModel::rowCount(const QModelIndex &parent) const
{
    if (!m_tree || parent.column() > 0)
        return 0;
    const size_t p = parent.isValid() ? size_t(parent.internalId()) : 0;
    return p < m_layout.count.size() ? m_layout.count[p] : 0;
}

int RemoteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.column() > 0 ? 0 : ColumnCount;
}

bool RemoteListModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

int RemoteListModel::fileCount() const
{
    return m_fileCount;
}

QVariant RemoteListModel::data(const QModelIndex &index, int role) const
{
    if (!m_tree || !index.isValid())
        return {};
    const int node = int(index.internalId());
    const RemoteTree::Node &n = m_tree->node(node);
    const auto modified = [&] {
        return QLocale().toString(
            QDateTime::fromMSecsSinceEpoch(n.mtimeMs, Qt::UTC).toLocalTime(), QLocale::ShortFormat);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return printableName(m_tree->name(node).toString());
        case SizeColumn:
            return QLocale().formattedDataSize(n.size);
        case FilesColumn:
            return n.isFolder ? QLocale().toString(n.files) : QString();
        case ModifiedColumn:
            // A folder shows its newest file; one holding none has no time to show.
            return n.mtimeMs > 0 || !n.isFolder ? modified() : QString();
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return n.isFolder ? m_folderIcon : m_fileIcon;
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return printableName(m_tree->path(node).toString());
        case SizeColumn:
            return tr("%n byte(s)", nullptr, int(qMin<qint64>(n.size, INT_MAX)));
        case FilesColumn:
            return n.isFolder
                ? tr("%n file(s) in this folder and the folders in it", nullptr, n.files)
                : QVariant();
        }
        return data(index, Qt::DisplayRole);
    case NameRole:
        return m_tree->path(node).toString();
    case FolderRole:
        return n.isFolder;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == FilesColumn)
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
    case FilesColumn:
        return tr("Files");
    case ModifiedColumn:
        return tr("Modified");
    }
    return {};
}

Qt::ItemFlags RemoteListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractItemModel::flags(index);
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
        const QModelIndex first = index.siblingAtColumn(NameColumn);
        QString name = first.data(NameRole).toString();
        if (first.data(FolderRole).toBool())
            name += QLatin1Char('/');
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
    const int rows = rowCount();
    if (rows > 0)
        emit dataChanged(index(0, 0), index(rows - 1, ColumnCount - 1));
}

} // namespace ferry
