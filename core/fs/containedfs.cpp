#include "fs/containedfs.h"

#include "fs/uniquefd.h"

#include <QFile>
#include <QStringList>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <linux/openat2.h>
#include <sys/syscall.h>
#endif

namespace ferry::containedfs {
namespace {

Failure errnoFailure(int err, const QString &what)
{
    Failure f;
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        f.code = ErrorCode::NotFound;
        break;
    case EACCES:
    case EPERM:
        f.code = ErrorCode::PermissionDenied;
        break;
    case EXDEV:
    case ELOOP:
        // EXDEV: openat2 saw the path leave the root; ELOOP: a symlink where none may be.
        f.code = ErrorCode::Refused;
        break;
    case EEXIST:
        f.code = ErrorCode::AlreadyExists;
        break;
    default:
        f.code = ErrorCode::ReadFailed;
        break;
    }
    f.detail = what + QStringLiteral(": ") + QString::fromLocal8Bit(strerror(err));
    return f;
}

void setError(Failure *error, const Failure &f)
{
    if (error)
        *error = f;
}

int retryOpenat(int dirFd, const char *path, int flags, mode_t mode = 0)
{
    int fd;
    do {
        fd = ::openat(dirFd, path, flags | O_CLOEXEC, mode);
    } while (fd < 0 && errno == EINTR);
    return fd;
}

/// Walks \a components one at a time from \a dirFd without following any symlink; the
/// portable way to stay inside a folder.
int walkNoFollow(int dirFd, const QStringList &components, int lastFlags, mode_t mode)
{
    UniqueFd current(::fcntl(dirFd, F_DUPFD_CLOEXEC, 0));
    for (int i = 0; i < components.size() && current; ++i) {
        const bool last = i == components.size() - 1;
        const QByteArray c = QFile::encodeName(components.at(i));
        const int flags = last ? (lastFlags | O_NOFOLLOW) : (O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
        current = UniqueFd(retryOpenat(current.get(), c.constData(), flags, mode));
    }
    return current.release();
}

#ifdef Q_OS_LINUX
/// openat2 with RESOLVE_BENEATH; returns -2 when the kernel lacks openat2.
int openBeneath(int dirFd, const QString &name, int flags, quint64 resolve)
{
    open_how how;
    memset(&how, 0, sizeof how);
    how.flags = quint64(flags | O_CLOEXEC);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS | resolve;
    const QByteArray path = QFile::encodeName(name);
    long fd;
    do {
        fd = syscall(SYS_openat2, dirFd, path.constData(), &how, sizeof how);
    } while (fd < 0 && (errno == EINTR || errno == EAGAIN));
    if (fd < 0 && errno == ENOSYS)
        return -2;
    return int(fd);
}
#endif

} // namespace

int openRoot(const QString &root, Failure *error)
{
    const QByteArray path = QFile::encodeName(root);
    const int fd = retryOpenat(AT_FDCWD, path.constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        Failure f = errnoFailure(errno, root);
        if (f.code == ErrorCode::NotFound)
            f.code = ErrorCode::FolderMissing;
        setError(error, f);
    }
    return fd;
}

int openForRead(int rootFd, const QString &name, Failure *error)
{
    int fd = -1;
#ifdef Q_OS_LINUX
    fd = openBeneath(rootFd, name, O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
    const int slash = name.lastIndexOf(QLatin1Char('/'));
    if (fd == -1 && errno == ENAMETOOLONG && slash > 0) {
        // A valid name may be up to 4096 bytes, one more than a path the kernel takes: open
        // its folder, then the file beneath that (stricter: no symlink out of that folder).
        const UniqueFd dirFd(
            openBeneath(rootFd, name.left(slash), O_PATH | O_DIRECTORY | O_NOFOLLOW, 0));
        if (dirFd)
            fd = openBeneath(dirFd.get(), name.mid(slash + 1), O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
    }
    if (fd == -2)
#endif
        fd = walkNoFollow(
            rootFd, name.split(QLatin1Char('/')), O_RDONLY | O_NOCTTY | O_NONBLOCK, 0);
    if (fd < 0) {
        Failure f = errnoFailure(errno, name);
        // ENXIO: a socket (or a device without its driver) has a name but nothing to read.
        if (errno == ENXIO)
            f.code = ErrorCode::NotRegularFile;
        setError(error, f);
        return -1;
    }
    // O_NONBLOCK only kept a FIFO from blocking the open; regular reads don't need it.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

namespace {
/// Opens (creating if asked) the folders \a parts below \a rootFd, following no symlink.
int openFolderChain(int rootFd, const QStringList &parts, Failure *error, bool create)
{
    UniqueFd current(::fcntl(rootFd, F_DUPFD_CLOEXEC, 0));
    if (!current) {
        setError(error, errnoFailure(errno, parts.join(QLatin1Char('/'))));
        return -1;
    }
    for (const QString &part : std::as_const(parts)) {
        // The caller checked the name; this walk still never steps up or stays in place.
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String("..")) {
            setError(error, {ErrorCode::Refused, part});
            return -1;
        }
        const QByteArray c = QFile::encodeName(part);
        if (create && ::mkdirat(current.get(), c.constData(), 0777) < 0 && errno != EEXIST) {
            setError(error, errnoFailure(errno, part));
            return -1;
        }
        current = UniqueFd(
            retryOpenat(current.get(), c.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW));
        if (!current) {
            const int saved = errno;
            Failure f = errnoFailure(saved, part);
            if (saved == ELOOP || saved == ENOTDIR)
                f.code = ErrorCode::Refused;
            setError(error, f);
            return -1;
        }
    }
    return current.release();
}
} // namespace

int openParentDir(int rootFd, const QString &name, Failure *error, bool create)
{
    QStringList parts = name.split(QLatin1Char('/'));
    parts.removeLast();
    return openFolderChain(rootFd, parts, error, create);
}

int makeFolders(int rootFd, const QString &name, Failure *error)
{
    return openFolderChain(rootFd, name.split(QLatin1Char('/')), error, true);
}

int openForWrite(int dirFd, const QString &leaf, bool create, bool exclusive, Failure *error)
{
    int flags = O_RDWR | O_NOFOLLOW | O_NOCTTY;
    if (create)
        flags |= O_CREAT;
    if (exclusive)
        flags |= O_EXCL;
    const QByteArray c = QFile::encodeName(leaf);
    UniqueFd fd(retryOpenat(dirFd, c.constData(), flags, 0666));
    if (!fd) {
        Failure f = errnoFailure(errno, leaf);
        if (f.code == ErrorCode::ReadFailed)
            f.code = ErrorCode::WriteFailed;
        setError(error, f);
        return -1;
    }
    const Stat st = statFd(fd.get());
    if (!st.regular) {
        setError(error, {ErrorCode::Refused, leaf});
        return -1;
    }
    return fd.release();
}

bool renameInDir(int dirFd, const QString &from, const QString &to, bool replace, Failure *error)
{
    const QByteArray f = QFile::encodeName(from);
    const QByteArray t = QFile::encodeName(to);
    int rc;
#ifdef Q_OS_LINUX
    rc = ::renameat2(dirFd, f.constData(), dirFd, t.constData(), replace ? 0 : RENAME_NOREPLACE);
    if (rc < 0 && errno == EINVAL && !replace) {
        // Filesystems without RENAME_NOREPLACE: link() never replaces either.
        rc = ::linkat(dirFd, f.constData(), dirFd, t.constData(), 0);
        if (rc == 0)
            ::unlinkat(dirFd, f.constData(), 0);
    }
#else
    if (replace) {
        rc = ::renameat(dirFd, f.constData(), dirFd, t.constData());
    } else {
        rc = ::linkat(dirFd, f.constData(), dirFd, t.constData(), 0);
        if (rc == 0)
            ::unlinkat(dirFd, f.constData(), 0);
    }
#endif
    if (rc < 0) {
        Failure fail = errnoFailure(errno, to);
        if (fail.code != ErrorCode::AlreadyExists)
            fail.code = ErrorCode::WriteFailed;
        setError(error, fail);
        return false;
    }
    return true;
}

bool tryLock(int fd)
{
    int rc;
    do {
        rc = ::flock(fd, LOCK_EX | LOCK_NB);
    } while (rc < 0 && errno == EINTR);
    // Only "someone holds it" refuses: a filesystem without locks (ENOLCK, EOPNOTSUPP) must
    // not stop every download; there the inode check before the rename still guards.
    return rc == 0 || errno != EWOULDBLOCK;
}

bool isLockedInDir(int dirFd, const QString &leaf)
{
    const QByteArray c = QFile::encodeName(leaf);
    // Closing it releases the lock it may just have taken.
    const UniqueFd fd(retryOpenat(dirFd, c.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK));
    return fd && !tryLock(fd.get());
}

bool existsInDir(int dirFd, const QString &leaf)
{
    struct stat st;
    const QByteArray c = QFile::encodeName(leaf);
    return ::fstatat(dirFd, c.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

bool removeInDir(int dirFd, const QString &leaf)
{
    const QByteArray c = QFile::encodeName(leaf);
    return ::unlinkat(dirFd, c.constData(), 0) == 0;
}

void closeFd(int fd)
{
    UniqueFd(fd).reset();
}

void adviseSequential(int fd)
{
#ifdef Q_OS_LINUX
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#else
    Q_UNUSED(fd);
#endif
}

Stat statFd(int fd)
{
    Stat s;
    struct stat st;
    if (::fstat(fd, &st) != 0)
        return s;
    s.ok = true;
    s.regular = S_ISREG(st.st_mode);
    s.size = st.st_size;
    s.mtimeMs = qint64(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000;
    s.mtimeNs = qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.inode = st.st_ino;
    s.device = st.st_dev;
    return s;
}

} // namespace ferry::containedfs
