#pragma once

#include "protocol/messages.h"
#include "remotetree.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>
#include <QThreadPool>
#include <atomic>
#include <memory>

namespace ferry {

/// The server's files as a tree of folders, each with its size and file count. Building the
/// tree, sorting and filtering run on a worker thread and are swapped in when done, so a
/// listing of 100,000 files never freezes the window. Rows drag out as text/plain names, one
/// a line, a folder with a trailing '/': exactly what the transfer list accepts.
class RemoteListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        SizeColumn,
        FilesColumn,
        ModifiedColumn,
        ColumnCount,
    };
    enum Role {
        NameRole = Qt::UserRole, ///< The remote name ("a/b.txt"; a folder has no '/' at the end).
        FolderRole = Qt::UserRole + 1, ///< True for a folder.
    };

    explicit RemoteListModel(QObject *parent = nullptr);
    ~RemoteListModel() override;

    /// Shows \a entries (kept, not copied). An empty list clears at once; any other is shown
    /// when its tree is built, and treeReady() is emitted then.
    void setEntries(const QList<protocol::FileEntry> &entries);
    const QList<protocol::FileEntry> &entries() const { return m_entries; }
    /// The files' names (folders left out), in the listing's order.
    QStringList names() const;
    /// The number of files in the listing.
    int fileCount() const;
    /// Shows only what matches \a text (see RemoteTree::layout()); applied when ready, then
    /// layoutApplied() is emitted.
    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    /// False while a new listing, sort or filter is still being worked out.
    bool isSettled() const { return !m_busy; }
    /// Nodes the current filter shows (the whole tree when there is none).
    int visibleNodes() const { return m_layout.visibleNodes; }

    /// The folder named \a path ("a/b" or "a/b/") in the listing, with every file beneath it
    /// and its folders that hold no file; false when the listing has no such folder.
    bool folderContents(
        const QString &path, QList<protocol::FileEntry> *files, QStringList *emptyFolders) const;
    bool isFolder(const QString &path) const;
    /// True once the newest entries' tree is built (it may not be shown yet).
    bool hasTree() const { return m_builtTree != nullptr; }
    /// Every folder's name with a trailing '/' ("a/", "a/b/").
    QStringList folderNames() const;
    /// The index of \a path in the current layout (invalid when hidden or unknown).
    QModelIndex indexOf(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void retranslate();

signals:
    /// A new listing's tree is shown.
    void treeReady();
    /// A new filter is about to be shown: the moment to close folders a view opened for
    /// the old one, before the new rows are laid out under them.
    void filterAboutToChange();
    /// A sort or filter is shown; \a filterChanged when the filter differs from before.
    void layoutApplied(bool filterChanged);

private:
    struct Result;
    /// Starts work for the newest entries, sort and filter, or stops the running work so
    /// that apply() starts it.
    void schedule();
    void apply(const std::shared_ptr<Result> &result);
    QModelIndex indexOfNode(int node, int column = 0) const;
    void releaseInBackground(std::shared_ptr<const RemoteTree> tree);

    QList<protocol::FileEntry> m_entries;
    quint64 m_entriesGeneration = 0;
    int m_fileCount = 0;
    std::shared_ptr<const RemoteTree> m_builtTree; ///< Built from m_entries; null until then.
    std::shared_ptr<const RemoteTree> m_tree; ///< The one shown.
    RemoteTree::Layout m_layout;
    QString m_filter;
    QString m_shownFilter; ///< The filter m_layout was made with.
    RemoteTree::SortKey m_sortKey = RemoteTree::ByName;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_busy = false; ///< Something asked for is not shown yet.
    bool m_running = false; ///< A worker is busy.
    QIcon m_folderIcon;
    QIcon m_fileIcon;
    std::atomic<quint64> m_ticket {0}; ///< The newest request; older work stops early.
    QThreadPool m_pool; ///< Last: destroyed (and waited for) first.
};

} // namespace ferry
