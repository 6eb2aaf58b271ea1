#pragma once

#include "protocol/messages.h"

#include <QStringList>
#include <vector>

namespace ferry {

/// Walks a shared folder depth first, one folder at a time, handing out one entry per call:
/// memory holds the names of the folders on the current path only, never the whole tree.
/// Each folder's entries come sorted by name, the folder itself before its contents.
/// Symlinks are followed only while they stay beneath the root (docs/decisions.md); a link
/// to a folder that is already on the current path (a cycle) is left out.
class FolderWalk
{
public:
    /// \a rootFd stays owned by the caller and must outlive the walk.
    explicit FolderWalk(int rootFd);
    ~FolderWalk();
    FolderWalk(const FolderWalk &) = delete;
    FolderWalk &operator=(const FolderWalk &) = delete;

    /// The next entry, or false at the end.
    bool next(protocol::FileEntry *entry);
    /// Symlinked folders left out because they lead back to a folder above them.
    int cyclesSkipped() const { return m_cycles; }

private:
    struct Level
    {
        int fd = -1;
        QString prefix; ///< The folder's name plus '/', or empty for the root.
        QStringList names;
        int index = 0;
        quint64 device = 0;
        quint64 inode = 0;
    };
    bool push(int fd, const QString &prefix);
    bool onPath(quint64 device, quint64 inode) const;

    int m_rootFd;
    std::vector<Level> m_stack;
    int m_cycles = 0;
};

} // namespace ferry
