#include "fs/sharedfolder.h"

#include "fs/containedfs.h"
#include "protocol/names.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <algorithm>
#include <climits>

Q_LOGGING_CATEGORY(lcFolder, "ferry.core.folder")

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
    if (!m_rootFd)
        return entries;
    const QDir root(m_root);
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString name = root.relativeFilePath(info.filePath());
        if (!isValidRelativeName(name))
            continue;
        protocol::FileEntry entry;
        // Past PATH_MAX, stat() by the full path fails (size 0, 1970): ask open() as a get
        // would, and leave out, with a log line, what it could not serve either.
        const bool longPath = QFile::encodeName(info.filePath()).size() >= PATH_MAX;
        if (longPath || info.isSymLink() || !info.isFile()) {
            // Only what open() would serve: a symlink that stays inside, to a regular file.
            Failure failure;
            if (!open(name, &entry, &failure)) {
                if (longPath)
                    qCWarning(lcFolder).noquote()
                        << "left out of the listing, as it can't be opened:" << name
                        << int(failure.code);
                continue;
            }
        } else {
            entry.name = name;
            entry.size = info.size();
            entry.mtimeMs = info.lastModified().toMSecsSinceEpoch();
        }
        entries.append(entry);
    }
    std::sort(entries.begin(), entries.end(),
        [](const auto &a, const auto &b) { return a.name < b.name; });
    return entries;
}

} // namespace ferry
