#include "client/folderfetch.h"

#include "fs/containedfs.h"
#include "fs/localpath.h"
#include "fs/md5.h"

#include <QFile>
#include <QLoggingCategory>

#include <fcntl.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcFolderFetch, "ferry.core.client")

namespace ferry {

FolderFetch::FolderFetch(ClientSession *session, QObject *parent)
    : QObject(parent), m_session(session)
{
    qRegisterMetaType<ferry::FolderSummary>();
    connect(session, &ClientSession::listReceived, this, &FolderFetch::onListing);
    connect(session, &ClientSession::fileFinished, this, &FolderFetch::onFileFinished);
    connect(session, &ClientSession::hashReceived, this, &FolderFetch::onHash);
    connect(session, &ClientSession::failed, this, &FolderFetch::onFailed);
    connect(session, &ClientSession::fileStarted, this,
        [this](quint64 id, const QString &, qint64, qint64 offset) {
            m_current = m_files.contains(id) ? id : 0;
            m_currentDone = offset;
        });
    connect(session, &ClientSession::fileProgress, this, [this](quint64 id, qint64 done, qint64) {
        if (id != m_current)
            return;
        m_currentDone = done;
        emit progress(
            m_summary.verified + m_summary.failed + m_summary.skipped, m_bytesDone + m_currentDone);
    });
}

void FolderFetch::start(const QStringList &names, bool recursive, const GetOptions &options)
{
    m_names = names;
    m_recursive = recursive;
    m_options = options;
    m_output = std::make_shared<OutputFolder>(options.outputDir);
    m_session->requestList();
}

void FolderFetch::onListing(const QList<protocol::FileEntry> &entries)
{
    if (m_planned)
        return;
    m_planned = true;
    for (const QString &asked : std::as_const(m_names)) {
        const bool folder = m_recursive || asked.endsWith(QLatin1Char('/'));
        QString base = asked;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        if (!folder) {
            plan({base, -1, 0, false});
            continue;
        }
        const QString prefix = base + QLatin1Char('/');
        bool found = false;
        for (const protocol::FileEntry &e : entries) {
            if (e.name == base || e.name.startsWith(prefix)) {
                found = true;
                plan(e);
            }
        }
        if (!found) {
            // Nothing of that name: said once, as a file that could not be found.
            ++m_summary.files;
            FileResult r;
            r.remoteName = base;
            r.failure = {ErrorCode::NotFound, base};
            settle(r, false, 0);
        }
    }
    emit planned(m_summary.files, m_summary.bytes);
    maybeFinish();
}

void FolderFetch::plan(const protocol::FileEntry &entry)
{
    if (m_seen.contains(entry.name))
        return;
    m_seen.insert(entry.name);
    const localpath::Problem problem = localpath::check(entry.name);
    if (entry.isFolder && problem == localpath::Problem::None) {
        makeFolder(entry.name);
        return;
    }
    ++m_summary.files;
    const qint64 size = qMax<qint64>(0, entry.size);
    m_summary.bytes += size;
    if (problem != localpath::Problem::None) {
        // Refused before anything exists for it: a hostile or broken server's name.
        qCInfo(lcFolderFetch) << "refused a listed path:" << int(problem);
        FileResult r;
        r.remoteName = entry.name;
        r.failure = localpath::failure(problem, entry.name);
        settle(r, false, size);
        return;
    }
    Item item {entry.name, entry.size, {}}; // -1: a plain name, not listed
    if (m_options.resume) {
        item.localMd5 = localMd5(entry.name);
        if (!item.localMd5.isEmpty()) {
            m_hashes.insert(m_session->requestHash(entry.name), item);
            return;
        }
    }
    fetch(item);
}

void FolderFetch::makeFolder(const QString &name)
{
    Failure failure;
    const int fd
        = m_output->fd() < 0 ? -1 : containedfs::makeFolders(m_output->fd(), name, &failure);
    if (fd >= 0) {
        containedfs::closeFd(fd);
        ++m_summary.folders;
        return;
    }
    // A folder that can't be made (a file or a planted symlink in its place) fails like a
    // file: nothing below it is written anywhere else.
    ++m_summary.files;
    FileResult r;
    r.remoteName = name;
    r.failure = m_output->fd() < 0 ? m_output->error() : failure;
    if (r.failure.code != ErrorCode::Refused)
        r.failure.code = ErrorCode::WriteFailed;
    r.failure.detail = name;
    settle(r, false, 0);
}

void FolderFetch::fetch(const Item &item)
{
    m_files.insert(m_session->requestFile(item.name, item.name, m_options), item);
}

void FolderFetch::onFileFinished(const FileResult &result)
{
    const auto it = m_files.find(result.id);
    if (it == m_files.end())
        return;
    const qint64 size = it->size >= 0 ? it->size : result.size;
    if (it->size < 0) {
        m_summary.bytes += result.size; // a plain name: its size is known only now
    }
    m_files.erase(it);
    if (m_current == result.id)
        m_current = 0;
    settle(result, false, size);
    maybeFinish();
}

void FolderFetch::onHash(const HashResult &result)
{
    const auto it = m_hashes.find(result.id);
    if (it == m_hashes.end())
        return;
    const Item item = it.value();
    m_hashes.erase(it);
    if (result.failure.ok() && result.md5 == item.localMd5) {
        FileResult r;
        r.id = result.id;
        r.remoteName = item.name;
        r.size = result.size;
        r.localMd5 = item.localMd5;
        r.remoteMd5 = result.md5;
        r.outcome = FileResult::Outcome::Verified;
        settle(r, true, item.size);
    } else if (result.failure.ok() && m_session->state() == ClientSession::State::Ready) {
        // Not the server's file: handled as any existing file (refused, or replaced after
        // verification with --overwrite).
        fetch(item);
    } else {
        FileResult r;
        r.id = result.id;
        r.remoteName = item.name;
        r.failure = result.failure.ok() ? Failure {ErrorCode::ConnectionLost, {}} : result.failure;
        settle(r, false, qMax<qint64>(0, item.size));
    }
    maybeFinish();
}

void FolderFetch::onFailed(const Failure &failure)
{
    // The session answered every request it had before it said this; whatever is left was
    // never asked for.
    const auto leftOver = [&](QHash<quint64, Item> &items) {
        for (auto it = items.begin(); it != items.end(); it = items.erase(it)) {
            FileResult r;
            r.id = it.key();
            r.remoteName = it->name;
            r.failure = failure;
            settle(r, false, it->size);
        }
    };
    leftOver(m_hashes);
    leftOver(m_files);
    m_planned = true;
    maybeFinish();
}

void FolderFetch::settle(const FileResult &result, bool skipped, qint64 size)
{
    if (skipped)
        ++m_summary.skipped;
    else if (result.outcome == FileResult::Outcome::Verified)
        ++m_summary.verified;
    else
        ++m_summary.failed;
    m_bytesDone += qMax<qint64>(0, size);
    emit fileDone(result, skipped);
    emit progress(m_summary.verified + m_summary.failed + m_summary.skipped, m_bytesDone);
}

void FolderFetch::maybeFinish()
{
    if (m_finished || !m_planned || !m_files.isEmpty() || !m_hashes.isEmpty())
        return;
    m_finished = true;
    emit finished(m_summary);
}

QByteArray FolderFetch::localMd5(const QString &name) const
{
    if (m_output->fd() < 0)
        return {};
    Failure ignored;
    const int dir = containedfs::openParentDir(m_output->fd(), name, &ignored, false);
    if (dir < 0)
        return {};
    const QByteArray leaf = QFile::encodeName(name.section(QLatin1Char('/'), -1));
    const int fd = ::openat(dir, leaf.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
    containedfs::closeFd(dir);
    if (fd < 0)
        return {};
    QByteArray md5;
    if (containedfs::statFd(fd).regular) {
        Md5 hash;
        QByteArray buffer(1024 * 1024, Qt::Uninitialized);
        for (;;) {
            const ssize_t n = ::read(fd, buffer.data(), size_t(buffer.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                hash.reset();
                break;
            }
            if (n == 0) {
                md5 = hash.result().toHex();
                break;
            }
            hash.addData(QByteArrayView(buffer.constData(), n));
        }
    }
    containedfs::closeFd(fd);
    return md5;
}

} // namespace ferry
