#include "fs/folderwalk.h"

#include "fs/containedfs.h"
#include "protocol/names.h"

#include <QFile>
#include <QLoggingCategory>
#include <algorithm>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcWalk, "ferry.core.folder")

namespace ferry {
namespace {

qint64 mtimeMsOf(const struct stat &st)
{
    return qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
}

} // namespace

FolderWalk::FolderWalk(int rootFd) : m_rootFd(rootFd)
{
    // A new open of the folder, not a dup(): a dup shares the read position, so a second
    // walk (or one in another session) would find the folder already read to its end.
    if (rootFd >= 0)
        push(::openat(rootFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), {});
}

FolderWalk::~FolderWalk()
{
    for (const Level &level : m_stack)
        containedfs::closeFd(level.fd);
}

/// Reads the names of the folder \a fd (which it takes over) and makes it the current one.
bool FolderWalk::push(int fd, const QString &prefix)
{
    if (fd < 0)
        return false;
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        ::close(fd);
        return false;
    }
    Level level;
    level.fd = fd;
    level.prefix = prefix;
    level.device = st.st_dev;
    level.inode = st.st_ino;
    // readdir on its own open: closedir() closes it, the level keeps fd for fstatat/openat.
    const int listFd = ::openat(fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *dir = listFd >= 0 ? ::fdopendir(listFd) : nullptr;
    if (!dir) {
        containedfs::closeFd(listFd);
        ::close(fd);
        return false;
    }
    while (const dirent *d = ::readdir(dir)) {
        const char *n = d->d_name;
        if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0)))
            continue;
        level.names.append(QFile::decodeName(n));
    }
    ::closedir(dir);
    std::sort(level.names.begin(), level.names.end());
    m_stack.push_back(std::move(level));
    return true;
}

bool FolderWalk::onPath(quint64 device, quint64 inode) const
{
    return std::any_of(m_stack.begin(), m_stack.end(),
        [&](const Level &l) { return l.device == device && l.inode == inode; });
}

bool FolderWalk::next(protocol::FileEntry *entry)
{
    while (!m_stack.empty()) {
        Level &level = m_stack.back();
        if (level.index >= level.names.size()) {
            containedfs::closeFd(level.fd);
            m_stack.pop_back();
            continue;
        }
        const QString leaf = level.names.at(level.index++);
        const QString name = level.prefix + leaf;
        if (!isValidRelativeName(name))
            continue;
        const QByteArray c = QFile::encodeName(leaf);
        struct stat st;
        if (::fstatat(level.fd, c.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone since the folder was read
        int dirFd = -1;
        if (S_ISLNK(st.st_mode)) {
            // Followed as a get would follow it: only while it stays beneath the root.
            Failure ignored;
            const int fd = containedfs::openForRead(m_rootFd, name, &ignored);
            if (fd < 0 || ::fstat(fd, &st) != 0) {
                containedfs::closeFd(fd);
                continue;
            }
            if (S_ISDIR(st.st_mode))
                dirFd = fd;
            else
                containedfs::closeFd(fd);
        } else if (S_ISDIR(st.st_mode)) {
            dirFd = ::openat(
                level.fd, c.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (dirFd < 0)
                continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (onPath(st.st_dev, st.st_ino)) {
                ++m_cycles;
                qCInfo(lcWalk).noquote() << "left out of the listing, a link back up:" << name;
                ::close(dirFd);
                continue;
            }
            *entry = {};
            entry->name = name;
            entry->isFolder = true;
            push(dirFd, name + QLatin1Char('/'));
            return true;
        }
        if (!S_ISREG(st.st_mode))
            continue;
        *entry = {};
        entry->name = name;
        entry->size = st.st_size;
        entry->mtimeMs = mtimeMsOf(st);
        return true;
    }
    return false;
}

} // namespace ferry
