#pragma once

#include "protocol/messages.h"

#include <QList>
#include <atomic>
#include <vector>

namespace ferry {

/// The server's listing as folders and files. It is built once from the flat entries and
/// never changes: nodes refer to the entries' names instead of copying them, and a folder
/// knows the size, file count and newest time of everything beneath it. Sorting and
/// filtering don't touch it; they make a Layout, which is cheap to swap in.
class RemoteTree
{
public:
    struct Node
    {
        int parent = -1; ///< -1 only for the root (node 0), the share itself.
        int entry = -1; ///< An entry whose name starts with this node's path.
        int pathLength = 0; ///< The path is the first pathLength characters of that name.
        int nameStart = 0; ///< Where the last component of the path starts.
        int files = 0; ///< Files beneath a folder; 1 for a file.
        bool isFolder = false;
        qint64 size = 0; ///< A file's size, or the sum of the files beneath a folder.
        qint64 mtimeMs = 0; ///< A file's time, or the newest beneath a folder (0: none).
    };

    enum SortKey {
        ByName,
        BySize,
        ByFiles,
        ByModified,
    };

    /// What a view shows: each folder's visible children in order.
    struct Layout
    {
        std::vector<int> children; ///< Visible children, grouped by parent, sorted.
        std::vector<int> first; ///< Per node: where its children start in \c children.
        std::vector<int> count; ///< Per node: how many visible children it has.
        std::vector<int> row; ///< Per node: its row under its parent; -1 when hidden.
        int visibleFiles = 0;
        int visibleNodes = 0; ///< Visible nodes, the root left out.
    };

    /// Builds the tree; \a entries are kept (shared, not copied). Names that are not
    /// relative '/'-separated paths without empty parts are left out.
    explicit RemoteTree(const QList<protocol::FileEntry> &entries);

    const QList<protocol::FileEntry> &entries() const { return m_entries; }
    int nodeCount() const { return int(m_nodes.size()); }
    const Node &node(int index) const { return m_nodes[size_t(index)]; }
    QStringView path(int index) const;
    QStringView name(int index) const;
    /// The node with this path ("a/b.txt", or "a/b" or "a/b/" for a folder), or -1; 0 is
    /// the root (an empty path).
    int find(QStringView path) const;
    /// Every file beneath \a folder, and the folders beneath it (itself included) that hold
    /// no file, in the listing's order.
    void contents(int folder, QList<protocol::FileEntry> *files, QStringList *emptyFolders) const;

    /// Sorts and filters. \a filter matches a node whose path contains it (case ignored);
    /// the folders above a match show too. Returns early with an empty layout once
    /// \a stop differs from \a ticket (a newer request won).
    Layout layout(SortKey key, Qt::SortOrder order, const QString &filter,
        const std::atomic<quint64> *stop = nullptr, quint64 ticket = 0) const;

private:
    QList<protocol::FileEntry> m_entries;
    std::vector<Node> m_nodes;
    std::vector<int> m_children; ///< All children, grouped by parent, in listing order.
    std::vector<int> m_first; ///< Per node: where its children start in m_children.
};

} // namespace ferry
