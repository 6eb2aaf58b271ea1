#include "fs/sharedfolder.h"

#include "fs/containedfs.h"
#include "fs/folderwalk.h"
#include "protocol/names.h"

#include <QDir>
#include <algorithm>

namespace ferry {

SharedFolder::SharedFolder(const QString &root) : m_root(QDir(root).absolutePath())
{
    m_rootFd = containedfs::openRoot(m_root, &m_openError);
}

SharedFolder::~SharedFolder()
{
    containedfs::closeFd(m_rootFd);
}

int SharedFolder::open(const QString &name, protocol::FileEntry *entry, Failure *error) const
{
    if (!isValidRelativeName(name)) {
        *error = {ErrorCode::Refused, name};
        return -1;
    }
    Failure f;
    const int fd = containedfs::openForRead(m_rootFd, name, &f);
    if (fd < 0) {
        if (f.code == ErrorCode::PermissionDenied)
            f.code = ErrorCode::Refused;
        f.detail = name;
        *error = f;
        return -1;
    }
    const containedfs::Stat st = containedfs::statFd(fd);
    if (!st.ok || !st.regular) {
        containedfs::closeFd(fd);
        *error = {ErrorCode::NotRegularFile, name};
        return -1;
    }
    entry->name = name;
    entry->size = st.size;
    entry->mtimeMs = st.mtimeMs;
    return fd;
}

QList<protocol::FileEntry> SharedFolder::list() const
{
    QList<protocol::FileEntry> entries;
    FolderWalk walk(m_rootFd);
    protocol::FileEntry entry;
    while (walk.next(&entry)) {
        if (!entry.isFolder)
            entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
        [](const auto &a, const auto &b) { return a.name < b.name; });
    return entries;
}

} // namespace ferry
