#pragma once

#include "protocol/errorcode.h"

#include <QString>

namespace ferry {

/// Opens files by a relative name so that the result stays inside a root folder, whatever
/// symlinks exist or are swapped in: openat2(RESOLVE_BENEATH) on Linux; where that is missing,
/// a walk one component at a time that follows no symlink at all. The open functions return a
/// file descriptor, or -1 with \a error.
namespace containedfs {

/// Opens \a root as a directory handle (O_RDONLY | O_DIRECTORY; it follows symlinks, as the
/// user named this folder).
int openRoot(const QString &root, Failure *error);

/// Opens \a name below \a rootFd for reading. With openat2, symlinks are followed only while
/// they stay beneath the root; the fallback walk follows none. The caller owns the result
/// (wrap it in a UniqueFd).
int openForRead(int rootFd, const QString &name, Failure *error);

/// Creates the parent folders of \a name below \a rootFd (no symlinks followed), and
/// returns a directory fd for the folder that will hold the file. Without \a create, only
/// opens them: -1 (NotFound) while one is missing.
int openParentDir(int rootFd, const QString &name, Failure *error, bool create = true);

/// Creates the folder \a name below \a rootFd and every folder above it, one component at a
/// time, never following a symlink (one planted anywhere on the way fails with Refused), and
/// returns its directory fd, or -1 with \a error.
int makeFolders(int rootFd, const QString &name, Failure *error);

/// Opens (creating if asked) \a leaf inside \a dirFd for writing, never following a symlink.
int openForWrite(int dirFd, const QString &leaf, bool create, bool exclusive, Failure *error);

/// Renames \a from to \a to inside \a dirFd; fails with AlreadyExists unless \a replace.
bool renameInDir(int dirFd, const QString &from, const QString &to, bool replace, Failure *error);

/// Takes an exclusive lock on \a fd for as long as it stays open (flock: held per open file,
/// so a second process, or a second open here, can't take it). False while another has it;
/// true where the filesystem has no locks.
bool tryLock(int fd);
/// Whether \a leaf in \a dirFd exists and another open file holds its lock.
bool isLockedInDir(int dirFd, const QString &leaf);

bool existsInDir(int dirFd, const QString &leaf);
bool removeInDir(int dirFd, const QString &leaf);
void closeFd(int fd);

/// Tells the kernel \a fd will be read from start to end (read-ahead), where it listens.
void adviseSequential(int fd);

struct Stat
{
    bool ok = false;
    bool regular = false;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    qint64 mtimeNs = 0;
    quint64 inode = 0;
    quint64 device = 0;
};
Stat statFd(int fd);

} // namespace containedfs
} // namespace ferry
