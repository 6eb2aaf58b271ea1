#pragma once

#include "fs/uniquefd.h"
#include "protocol/errorcode.h"
#include "protocol/messages.h"

#include <QList>
#include <QString>

namespace ferry {

/// A folder shared read-only: the name whitelist, contained opens and the listing.
/// Thread-safe after construction (it only holds the root's path and handle).
class SharedFolder
{
public:
    explicit SharedFolder(const QString &root);
    ~SharedFolder();
    SharedFolder(const SharedFolder &) = delete;
    SharedFolder &operator=(const SharedFolder &) = delete;

    bool isOpen() const { return m_rootFd.isValid(); }
    Failure openError() const { return m_openError; }
    QString root() const { return m_root; }
    int rootFd() const { return m_rootFd.get(); } ///< For a FolderWalk; owned by this object.

    /// Opens a shared file for reading. On success returns its descriptor and fills \a entry;
    /// else an invalid one and \a error.
    UniqueFd open(const QString &name, protocol::FileEntry *entry, Failure *error) const;

    /// Regular files below the root, recursively, sorted by name. Names that fail the
    /// whitelist and symlinks that leave the folder are skipped. Holds the whole list: a
    /// server streams its listing with a FolderWalk instead.
    QList<protocol::FileEntry> list() const;

private:
    QString m_root;
    UniqueFd m_rootFd;
    Failure m_openError;
};

} // namespace ferry
