#include "fs/sharedfolder.h"

#include "fs/containedfs.h"
#include "fs/folderwalk.h"
#include "protocol/names.h"

#include <QDir>
#include <algorithm>

namespace ferry {

SharedFolder::SharedFolder(const QString &root) : m_root(QDir(root).absolutePath())
{
    m_rootFd.reset(containedfs::openRoot(m_root, &m_openError));
}

SharedFolder::~SharedFolder() = default;

UniqueFd SharedFolder::open(const QString &name, protocol::FileEntry *entry, Failure *error) const
{
    if (!isValidRelativeName(name)) {
        *error = {ErrorCode::Refused, name};
        return {};
    }
    Failure f;
    UniqueFd fd(containedfs::openForRead(m_rootFd.get(), name, &f));
    if (!fd) {
        if (f.code == ErrorCode::PermissionDenied)
            f.code = ErrorCode::Refused;
        f.detail = name;
        *error = f;
        return {};
    }
    const containedfs::Stat st = containedfs::statFd(fd.get());
    if (!st.ok || !st.regular) {
        *error = {ErrorCode::NotRegularFile, name};
        return {};
    }
    entry->name = name;
    entry->size = st.size;
    entry->mtimeMs = st.mtimeMs;
    return fd;
}

QList<protocol::FileEntry> SharedFolder::list() const
{
    QList<protocol::FileEntry> entries;
    FolderWalk walk(m_rootFd.get());
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
