#include "client/download.h"

#include "fs/containedfs.h"
#include "fs/datasync.h"
#include "protocol/names.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ferry {
namespace {

const QString kPartSuffix = QStringLiteral(".part");
const QString kMetaSuffix = QStringLiteral(".part.meta");
// Below this a download's record for resume is written only if it is interrupted: a second
// file per download doubled the cost of many small files (inode allocation), and a small
// file that dies with the process is cheap to fetch again.
constexpr qint64 kEagerMetaSize = 8 * 1024 * 1024;

/// "name.ext" -> "name (n).ext"; a leading dot is part of the name, not an extension.
QString numberedName(const QString &leaf, int n)
{
    const int dot = leaf.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0)
        return QStringLiteral("%1 (%2)").arg(leaf).arg(n);
    return QStringLiteral("%1 (%2)%3").arg(leaf.left(dot)).arg(n).arg(leaf.mid(dot));
}

constexpr size_t kMaxUnsyncedFolders = 64;

void syncAndClose(int dirFd)
{
    int rc;
    do {
        rc = ::fsync(dirFd);
    } while (rc < 0 && errno == EINTR);
    containedfs::closeFd(dirFd);
}

Failure writeFailure(int err, const QString &name)
{
    return {ErrorCode::WriteFailed,
        name + QStringLiteral(": ") + QString::fromLocal8Bit(strerror(err))};
}

} // namespace

OutputFolder::OutputFolder(const QString &path) : m_path(path)
{
    QDir().mkpath(path);
    m_fd = UniqueFd(containedfs::openRoot(path, &m_error));
}

OutputFolder::~OutputFolder()
{
    for (int dir : m_unsynced)
        syncAndClose(dir);
    m_fd.reset();
}

void OutputFolder::syncLater(int dirFd) const
{
    struct stat st;
    if (::fstat(dirFd, &st) != 0)
        return;
    for (int dir : m_unsynced) {
        struct stat known;
        if (::fstat(dir, &known) == 0 && known.st_dev == st.st_dev && known.st_ino == st.st_ino)
            return;
    }
    if (m_unsynced.size() >= kMaxUnsyncedFolders) {
        // Many folders in one run: sync the oldest now rather than hold a descriptor each.
        syncAndClose(m_unsynced.front());
        m_unsynced.erase(m_unsynced.begin());
    }
    const int own = ::fcntl(dirFd, F_DUPFD_CLOEXEC, 0);
    if (own >= 0)
        m_unsynced.push_back(own);
}

bool OutputFolder::isCurrent() const
{
    if (!m_fd)
        return false;
    struct stat byPath;
    struct stat byFd;
    return ::stat(QFile::encodeName(m_path).constData(), &byPath) == 0
        && ::fstat(m_fd.get(), &byFd) == 0 && byPath.st_dev == byFd.st_dev
        && byPath.st_ino == byFd.st_ino;
}

Download::Download(std::shared_ptr<const OutputFolder> folder, const QString &localName,
    ConflictPolicy policy, bool resume)
    : m_folder(std::move(folder)), m_localName(localName), m_policy(policy), m_resume(resume)
{
    m_leaf = localName.section(QLatin1Char('/'), -1);
    m_partLeaf = m_leaf + kPartSuffix;
    m_metaLeaf = m_leaf + kMetaSuffix;
    m_finalName = localName;
}

Download::~Download()
{
    m_fd.reset();
    m_dirFd.reset();
}

Failure Download::precheck(bool *partPresent) const
{
    if (partPresent)
        *partPresent = false;
    if (!isSafeLocalName(m_localName))
        return {ErrorCode::InvalidName, printableName(m_localName)};
    if (m_folder->fd() < 0)
        return {ErrorCode::WriteFailed, m_folder->error().detail};
    // The parent folders may not exist yet; then neither does the file. They are created
    // only once the server offers the file, so a refused name leaves nothing behind.
    Failure ignored;
    const UniqueFd dir(containedfs::openParentDir(m_folder->fd(), m_localName, &ignored, false));
    if (!dir)
        return {};
    Failure result;
    const bool part = containedfs::existsInDir(dir.get(), m_partLeaf);
    if (part && containedfs::isLockedInDir(dir.get(), m_partLeaf))
        result = {ErrorCode::PartInUse, m_localName + kPartSuffix};
    else if (m_policy == ConflictPolicy::Fail && containedfs::existsInDir(dir.get(), m_leaf))
        result = {ErrorCode::AlreadyExists, m_localName};
    else if (!m_resume && part)
        result = {ErrorCode::PartExists, m_localName + kPartSuffix};
    if (partPresent)
        *partPresent = part;
    return result;
}

qint64 Download::begin(const protocol::FileEntry &offer, bool fromStart, Failure *error)
{
    m_offer = offer;
    m_received = 0;
    m_hash.reset();
    // Checked when asked; with the data already coming, ask the disk once, not twice: the
    // exclusive create and the no-replace rename still catch what appeared meanwhile.
    const Failure pre = fromStart ? Failure() : precheck();
    if (!pre.ok()) {
        *error = pre;
        return -1;
    }
    m_dirFd = UniqueFd(containedfs::openParentDir(m_folder->fd(), m_localName, error));
    if (!m_dirFd)
        return -1;
    if (m_resume && !fromStart && containedfs::existsInDir(m_dirFd.get(), m_partLeaf)) {
        // Another run may be writing it right now: never resume, replace or delete that one.
        m_fd = UniqueFd(containedfs::openForWrite(m_dirFd.get(), m_partLeaf, false, false, error));
        if (!m_fd)
            return -1;
        if (!containedfs::tryLock(m_fd.get())) {
            m_fd.reset();
            *error = {ErrorCode::PartInUse, m_localName + kPartSuffix};
            return -1;
        }
        protocol::FileEntry meta;
        m_hasMeta = readMeta(&meta);
        if (m_hasMeta && meta.size == offer.size && meta.mtimeMs == offer.mtimeMs) {
            const qint64 have = containedfs::statFd(m_fd.get()).size;
            if (have <= offer.size && hashExisting(have, error)) {
                m_received = have;
                m_sink = std::make_unique<FileSink>(m_fd.get(), have, offer.size, &m_hash);
                return have;
            }
            if (!error->ok())
                return -1;
        }
        // The source changed since the .part began (or its record is gone): start over.
        removePart();
    }
    m_fd = UniqueFd(containedfs::openForWrite(m_dirFd.get(), m_partLeaf, true, true, error));
    if (!m_fd) {
        if (error->code == ErrorCode::AlreadyExists)
            *error = containedfs::isLockedInDir(m_dirFd.get(), m_partLeaf)
                ? Failure {ErrorCode::PartInUse, m_localName + kPartSuffix}
                : Failure {ErrorCode::PartExists, m_localName + kPartSuffix};
        return -1;
    }
    if (!containedfs::tryLock(m_fd.get())) {
        // Another run opened the new file between its creation and this lock: it is theirs.
        m_fd.reset();
        *error = {ErrorCode::PartInUse, m_localName + kPartSuffix};
        return -1;
    }
    if (offer.size >= kEagerMetaSize)
        writeMeta();
    m_sink = std::make_unique<FileSink>(m_fd.get(), 0, offer.size, &m_hash);
    return 0;
}

bool Download::hashExisting(qint64 size, Failure *error)
{
    QByteArray buf(1024 * 1024, Qt::Uninitialized);
    qint64 done = 0;
    while (done < size) {
        const ssize_t got
            = ::pread(m_fd.get(), buf.data(), size_t(qMin<qint64>(buf.size(), size - done)), done);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            *error = writeFailure(got < 0 ? errno : EIO, m_localName + kPartSuffix);
            return false;
        }
        m_hash.addData(QByteArrayView(buf.constData(), got));
        done += got;
    }
    ::lseek(m_fd.get(), size, SEEK_SET);
    return true;
}

bool Download::append(QByteArrayView data, Failure *error)
{
    if (m_received + data.size() > m_offer.size) {
        *error = {ErrorCode::ProtocolError, QStringLiteral("more data than announced")};
        return false;
    }
    if (!m_sink->append(data, error)) {
        error->detail = m_localName + kPartSuffix + QStringLiteral(": ") + error->detail;
        return false;
    }
    m_received += data.size();
    return true;
}

std::pair<char *, qint64> Download::reserve(qint64 max)
{
    // Only for bytes the offer still has room for: a frame that would overrun goes through
    // the frame buffer to append(), which refuses it.
    if (!m_sink || max > m_offer.size - m_received)
        return {nullptr, 0};
    return m_sink->reserve(max);
}

bool Download::commit(qint64 n, Failure *error)
{
    if (!m_sink->commit(n, error)) {
        error->detail = m_localName + kPartSuffix + QStringLiteral(": ") + error->detail;
        return false;
    }
    m_received += n;
    return true;
}

QByteArray Download::finish(const QByteArray &expectedMd5Hex, Failure *error)
{
    const QByteArray md5 = verify(expectedMd5Hex, error);
    if (error->ok())
        publish(DataSync::syncNow(m_fd.get()), error);
    return md5;
}

QByteArray Download::verify(const QByteArray &expectedMd5Hex, Failure *error)
{
    if (m_sink && !m_sink->finish(error)) {
        error->detail = m_localName + kPartSuffix + QStringLiteral(": ") + error->detail;
        abandon(true);
        return {};
    }
    m_sink.reset();
    const QByteArray md5 = m_hash.result().toHex();
    m_md5 = md5;
    if (m_received != m_offer.size) {
        *error = {ErrorCode::ProtocolError, QStringLiteral("size differs from the offer")};
        abandon(false);
        return md5;
    }
    if (md5 != expectedMd5Hex) {
        *error = {ErrorCode::Mismatch, m_localName};
        abandon(false);
        return md5;
    }
    return md5;
}

UniqueFd Download::syncHandle() const
{
    return UniqueFd(m_fd ? ::fcntl(m_fd.get(), F_DUPFD_CLOEXEC, 0) : -1);
}

bool Download::publish(int syncError, Failure *error)
{
    // "Verified" means on disk, as with QSaveFile: the data before the name, then the name.
    if (!m_fd)
        syncError = EBADF;
    if (syncError != 0) {
        *error = writeFailure(syncError, m_localName + kPartSuffix);
        abandon(true);
        return false;
    }
    // The lock on m_fd is held until after the rename, and the name must still be this file:
    // rename by name would otherwise publish whatever another run left under it.
    struct stat byName;
    struct stat byFd;
    if (::fstatat(
            m_dirFd.get(), QFile::encodeName(m_partLeaf).constData(), &byName, AT_SYMLINK_NOFOLLOW)
            != 0
        || ::fstat(m_fd.get(), &byFd) != 0 || byName.st_ino != byFd.st_ino
        || byName.st_dev != byFd.st_dev) {
        *error = {ErrorCode::PartInUse, m_localName + kPartSuffix};
        m_fd.reset();
        return false;
    }
    const QString dirPart = m_localName.contains(QLatin1Char('/'))
        ? m_localName.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/')
        : QString();
    QString leaf = m_leaf;
    const bool replace = m_policy == ConflictPolicy::Overwrite;
    for (int n = 1;; ++n) {
        Failure f;
        if (containedfs::renameInDir(m_dirFd.get(), m_partLeaf, leaf, replace, &f))
            break;
        if (f.code != ErrorCode::AlreadyExists || m_policy != ConflictPolicy::KeepBoth
            || n > 9999) {
            *error = f.code == ErrorCode::AlreadyExists ? Failure {f.code, m_localName} : f;
            m_fd.reset();
            return false; // The verified .part stays; nothing under the final name changed.
        }
        leaf = numberedName(m_leaf, n);
    }
    m_fd.reset();
    if (m_hasMeta)
        containedfs::removeInDir(m_dirFd.get(), m_metaLeaf);
    // The rename is durable once its folder is synced: once per folder, at the end of the run.
    m_folder->syncLater(m_dirFd.get());
    m_finalName = dirPart + leaf;
    return true;
}

void Download::abandon(bool keepPart)
{
    if (m_sink) {
        // What was received is a valid head of the file: let it reach the disk for a resume.
        Failure ignored;
        m_sink->finish(&ignored);
        m_sink.reset();
        if (keepPart && m_offer.size < kEagerMetaSize)
            writeMeta();
    }
    if (m_fd.isValid() && !keepPart)
        removePart();
    m_fd.reset();
}

void Download::removePart()
{
    m_sink.reset();
    // Removed while this run still holds its lock, so no other run is writing it then.
    if (m_dirFd.isValid()) {
        containedfs::removeInDir(m_dirFd.get(), m_partLeaf);
        containedfs::removeInDir(m_dirFd.get(), m_metaLeaf);
        m_hasMeta = false;
    }
    m_fd.reset();
}

bool Download::readMeta(protocol::FileEntry *meta) const
{
    Failure ignored;
    const UniqueFd fd(containedfs::openForWrite(m_dirFd.get(), m_metaLeaf, false, false, &ignored));
    if (!fd)
        return false;
    char buf[64];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf - 1);
    if (n <= 0)
        return false;
    const QList<QByteArray> parts = QByteArray(buf, n).trimmed().split(' ');
    bool okSize = false;
    bool okTime = false;
    if (parts.size() != 2)
        return false;
    meta->size = parts.at(0).toLongLong(&okSize);
    meta->mtimeMs = parts.at(1).toLongLong(&okTime);
    return okSize && okTime;
}

void Download::writeMeta()
{
    m_hasMeta = true;
    Failure ignored;
    containedfs::removeInDir(m_dirFd.get(), m_metaLeaf);
    const UniqueFd fd(containedfs::openForWrite(m_dirFd.get(), m_metaLeaf, true, true, &ignored));
    if (!fd)
        return;
    const QByteArray text
        = QByteArray::number(m_offer.size) + ' ' + QByteArray::number(m_offer.mtimeMs) + '\n';
    [[maybe_unused]] const ssize_t n = ::write(fd.get(), text.constData(), size_t(text.size()));
}

} // namespace ferry
