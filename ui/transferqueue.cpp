#include "transferqueue.h"

#include "fs/containedfs.h"
#include "protocol/names.h"
#include "sessionhost.h"
#include "uilog.h"

#include <QDir>
#include <QSet>

namespace ferry {

TransferQueue::TransferQueue(TransferModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_host(new SessionHost)
{
    qRegisterMetaType<ferry::FileResult>();
    qRegisterMetaType<ferry::Failure>();
    qRegisterMetaType<QList<ferry::protocol::FileEntry>>();
    m_thread.setObjectName(QStringLiteral("ferry-network"));
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    connect(m_host, &SessionHost::started, this, &TransferQueue::onStarted);
    connect(m_host, &SessionHost::progress, this, &TransferQueue::onProgress);
    connect(m_host, &SessionHost::finished, this, &TransferQueue::onFinished);
    connect(m_host, &SessionHost::failed, this, &TransferQueue::onFailed);
    connect(m_host, &SessionHost::listing, this,
        [this](quint64 attempt, const QList<protocol::FileEntry> &entries) {
            if (attempt == m_listingAttempt)
                emit listingReady(entries);
        });
    qRegisterMetaType<ferry::FolderSummary>();
    connect(m_host, &SessionHost::folderPlanned, this,
        [this](quint64 attempt, int files, qint64 bytes) {
            Transfer *t = m_model->find(m_folderFetches.value(attempt));
            if (!t)
                return;
            t->counts.files = files;
            t->total = bytes;
            t->state = Transfer::State::Running;
            m_model->changed(t->id);
        });
    connect(m_host, &SessionHost::folderFile, this, &TransferQueue::onFolderFile);
    connect(m_host, &SessionHost::folderProgress, this, [this](quint64 attempt, int, qint64 bytes) {
        if (const Transfer *t = m_model->find(m_folderFetches.value(attempt)))
            m_model->setProgress(t->id, bytes, t->total);
    });
    connect(
        m_host, &SessionHost::folderFinished, this, [this](quint64 attempt, const FolderSummary &) {
            endCompactFolder(m_folderFetches.take(attempt), {});
        });
    connect(m_host, &SessionHost::trustRequired, this, &TransferQueue::trustRequired);
    connect(m_host, &SessionHost::reconnecting, this, &TransferQueue::onReconnecting);
    connect(m_host, &SessionHost::secured, this, [this](quint64 attempt, const PeerDevice &peer) {
        if (attempt == m_listingAttempt)
            emit connectedTo(peer);
    });
    m_thread.start();
}

TransferQueue::~TransferQueue()
{
    // Sessions close their sockets and keep their .part files; the thread deletes them.
    QMetaObject::invokeMethod(m_host, &SessionHost::abortAll, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

quint64 TransferQueue::enqueue(
    const QString &host, quint16 port, const QString &remoteName, const GetOptions &options)
{
    Transfer t;
    t.host = host;
    t.port = port;
    t.remoteName = remoteName;
    t.options = options;
    const quint64 id = m_model->add(t);
    m_queue << id;
    pump();
    return id;
}

quint64 TransferQueue::enqueueFolder(const QString &host, quint16 port, const QString &folderName,
    const QList<protocol::FileEntry> &files, const QStringList &emptyFolders,
    const GetOptions &options)
{
    const QString prefix = folderName + QLatin1Char('/');
    // Files land under the folder's last part, as `ferry get photos/` puts them.
    const qsizetype cut = folderName.lastIndexOf(QLatin1Char('/')) + 1;
    Transfer folder;
    folder.host = host;
    folder.port = port;
    folder.remoteName = folderName;
    folder.localName = folderName.mid(cut);
    folder.options = options;
    QList<Transfer> rows;
    rows.reserve(files.size());
    for (const protocol::FileEntry &file : files) {
        if (!file.name.startsWith(prefix) || !isValidRelativeName(file.name)) {
            qCWarning(lcUi) << "folder" << folderName << "leaves out" << file.name;
            continue;
        }
        Transfer t;
        t.host = host;
        t.port = port;
        t.remoteName = file.name;
        t.localName = file.name.mid(cut);
        t.options = options;
        t.total = file.size;
        rows << t;
    }
    if (isValidRelativeName(folderName) && !options.outputDir.isEmpty())
        createFolders(options.outputDir, folder.localName, folderName, emptyFolders);
    const quint64 id = m_model->addFolder(folder, rows);
    m_queue << m_model->filesOf(id);
    pump();
    return id;
}

void TransferQueue::createFolders(const QString &outputDir, const QString &localFolder,
    const QString &folderName, const QStringList &emptyFolders)
{
    // The output folder is the user's choice, made if missing as a download does; below it
    // only contained, link-refusing calls.
    QDir().mkpath(outputDir);
    Failure error;
    const int root = containedfs::openRoot(outputDir, &error);
    if (root < 0) {
        qCWarning(lcUi) << "cannot open" << outputDir << error.detail;
        return;
    }
    const qsizetype cut = folderName.size() - localFolder.size();
    QStringList names {localFolder};
    for (const QString &name : emptyFolders) {
        if (name.startsWith(folderName + QLatin1Char('/')) && isValidRelativeName(name))
            names << name.mid(cut);
        else
            qCWarning(lcUi) << "folder" << folderName << "leaves out the folder" << name;
    }
    for (const QString &name : std::as_const(names)) {
        // openParentDir() creates, inside the output folder and without following links,
        // every folder above a leaf; the leaf "." itself is never made.
        const int dir = containedfs::openParentDir(root, name + QStringLiteral("/."), &error, true);
        if (dir < 0)
            qCWarning(lcUi) << "could not create" << name << error.detail;
        containedfs::closeFd(dir);
    }
    containedfs::closeFd(root);
}

void TransferQueue::pump()
{
    while (running() < m_maxRunning && !m_queue.isEmpty()) {
        const quint64 id = m_queue.takeFirst();
        Transfer *t = m_model->find(id);
        if (!t || t->state != Transfer::State::Queued)
            continue;
        if (t->parentId) {
            startBatch(t->parentId, id);
            continue;
        }
        const quint64 attempt = m_nextAttempt++;
        m_attempts.insert(attempt, id);
        t->state = Transfer::State::Connecting;
        m_model->changed(id);
        QMetaObject::invokeMethod(
            m_host,
            [host = m_host, attempt, server = t->host, port = t->port, password = m_password,
                name = t->remoteName, options = t->options, local = t->localName] {
                host->startTransfer(attempt, server, port, password, name, options, local);
            },
            Qt::QueuedConnection);
    }
}

void TransferQueue::startBatch(quint64 folderId, quint64 first)
{
    // One session per folder: one handshake and password proof, and the files pipelined.
    const quint64 batch = m_nextAttempt++;
    QList<BatchFile> files;
    auto take = [&](quint64 id) {
        Transfer *t = m_model->find(id);
        const quint64 attempt = m_nextAttempt++;
        m_attempts.insert(attempt, id);
        m_batchOf.insert(attempt, batch);
        t->state = Transfer::State::Connecting;
        m_model->changed(id);
        files.append(BatchFile {attempt, t->remoteName, t->localName, t->options});
    };
    take(first);
    QList<quint64> rest;
    rest.reserve(m_queue.size());
    for (quint64 id : std::as_const(m_queue)) {
        const Transfer *t = m_model->find(id);
        if (t && t->parentId == folderId && t->state == Transfer::State::Queued)
            take(id);
        else
            rest << id;
    }
    m_queue = rest;
    m_batchFiles.insert(batch, int(files.size()));
    m_batchFolder.insert(batch, folderId);
    const Transfer *t = m_model->find(first);
    QMetaObject::invokeMethod(
        m_host,
        [host = m_host, batch, server = t->host, port = t->port, password = m_password,
            files = std::move(files)] { host->startBatch(batch, server, port, password, files); },
        Qt::QueuedConnection);
}

void TransferQueue::settle(quint64 attempt)
{
    const quint64 batch = m_batchOf.take(attempt);
    if (batch && --m_batchFiles[batch] <= 0) {
        m_batchFiles.remove(batch);
        m_batchFolder.remove(batch);
    }
}

void TransferQueue::cancel(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (!t)
        return;
    // A file can't leave a shared connection without closing it for the others.
    if (t->parentId && m_batchOf.contains(m_attempts.key(id))) {
        cancel(t->parentId);
        return;
    }
    if (t->folder && t->compact) {
        if (const quint64 attempt = m_folderFetches.key(id))
            QMetaObject::invokeMethod(
                m_host, [host = m_host, attempt] { host->abortTransfer(attempt); },
                Qt::QueuedConnection);
        return;
    }
    if (t->folder) {
        cancelFolder(id);
        return;
    }
    if (!m_model->isActive(id))
        return;
    m_queue.removeAll(id);
    const quint64 attempt = m_attempts.key(id);
    if (attempt) {
        m_attempts.remove(attempt);
        QMetaObject::invokeMethod(
            m_host, [host = m_host, attempt] { host->abortTransfer(attempt); },
            Qt::QueuedConnection);
    }
    end(id, Transfer::State::Cancelled, Failure {ErrorCode::Cancelled, {}});
    pump();
}

void TransferQueue::cancelFolder(quint64 id)
{
    // Each of its running batches closes its connection; the rows end here, .part kept.
    QSet<quint64> batches;
    for (auto it = m_batchFolder.cbegin(); it != m_batchFolder.cend(); ++it) {
        if (it.value() == id)
            batches.insert(it.key());
    }
    for (quint64 batch : std::as_const(batches)) {
        m_batchFiles.remove(batch);
        m_batchFolder.remove(batch);
        QMetaObject::invokeMethod(
            m_host, [host = m_host, batch] { host->abortTransfer(batch); }, Qt::QueuedConnection);
    }
    for (auto it = m_batchOf.begin(); it != m_batchOf.end();) {
        if (batches.contains(it.value())) {
            m_attempts.remove(it.key());
            it = m_batchOf.erase(it);
        } else {
            ++it;
        }
    }
    const QList<quint64> files = m_model->filesOf(id);
    const QSet<quint64> mine(files.cbegin(), files.cend());
    m_queue.removeIf([&mine](quint64 file) { return mine.contains(file); });
    for (quint64 file : files) {
        if (m_model->isActive(file))
            end(file, Transfer::State::Cancelled, Failure {ErrorCode::Cancelled, {}});
    }
    pump();
}

void TransferQueue::retry(quint64 id, bool resume)
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder && t->compact) {
        startCompactFolder(id);
        return;
    }
    if (t && t->folder) {
        // Verified files keep their verdict; the others start again (or continue), queued
        // together so that they share one connection.
        for (quint64 file : m_model->filesOf(id)) {
            const Transfer *f = m_model->find(file);
            if (f && f->state != Transfer::State::Verified)
                requeue(file, resume);
        }
    } else {
        requeue(id, resume);
    }
    pump();
}

bool TransferQueue::requeue(quint64 id, bool resume)
{
    Transfer *t = m_model->find(id);
    if (!t || m_model->isActive(id))
        return false;
    t->options.resume = resume;
    t->state = Transfer::State::Queued;
    t->failure = {};
    t->done = 0;
    t->total = -1;
    t->offset = 0;
    t->localMd5.clear();
    t->remoteMd5.clear();
    m_model->changed(id);
    m_queue << id;
    return true;
}

void TransferQueue::retryWith(quint64 id, ConflictPolicy policy)
{
    if (Transfer *t = m_model->find(id))
        t->options.conflict = policy;
    for (quint64 file : m_model->filesOf(id)) {
        if (Transfer *t = m_model->find(file))
            t->options.conflict = policy;
    }
    retry(id, false);
}

namespace {

/// Opens the folder that holds the row's NAME.part, inside its output folder; -1 if none.
int openPartDir(const Transfer &t, QString *leaf)
{
    const QString name = t.targetName();
    if (!isSafeLocalName(name) || t.options.outputDir.isEmpty())
        return -1;
    Failure error;
    const int root = containedfs::openRoot(t.options.outputDir, &error);
    if (root < 0)
        return -1;
    const int dir = containedfs::openParentDir(root, name, &error, false);
    containedfs::closeFd(root);
    *leaf = name.section(QLatin1Char('/'), -1) + QStringLiteral(".part");
    return dir;
}

} // namespace

bool TransferQueue::hasPart(quint64 id) const
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder) {
        if (m_model->isActive(id))
            return false;
        // Looked at on every selection change: a bounded look, unfinished files first.
        constexpr int kLooks = 200;
        int looks = 0;
        for (quint64 file : m_model->filesOf(id)) {
            const Transfer *f = m_model->find(file);
            if (!f || f->state == Transfer::State::Verified)
                continue;
            if (hasPart(file))
                return true;
            if (++looks >= kLooks)
                break;
        }
        return false;
    }
    if (!t || m_model->isActive(id) || t->state == Transfer::State::Verified)
        return false;
    QString leaf;
    const int dir = openPartDir(*t, &leaf);
    const bool exists = dir >= 0 && containedfs::existsInDir(dir, leaf);
    containedfs::closeFd(dir);
    return exists;
}

void TransferQueue::startOver(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder) {
        for (quint64 file : m_model->filesOf(id)) {
            const Transfer *f = m_model->find(file);
            if (f && f->state != Transfer::State::Verified && !m_model->isActive(file)) {
                removePart(file);
                requeue(file, false);
            }
        }
        pump();
        return;
    }
    if (!t || m_model->isActive(id))
        return;
    removePart(id);
    retry(id, false);
}

void TransferQueue::removePart(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (!t)
        return;
    QString leaf;
    const int dir = openPartDir(*t, &leaf);
    if (dir >= 0) {
        qCInfo(lcUi) << "transfer" << id << "starts over; removing" << leaf;
        containedfs::removeInDir(dir, leaf);
        containedfs::removeInDir(dir, leaf + QStringLiteral(".meta"));
        containedfs::closeFd(dir);
    }
}

void TransferQueue::setTls(const TlsClientOptions &options)
{
    QMetaObject::invokeMethod(
        m_host, [host = m_host, options] { host->setTls(options); }, Qt::QueuedConnection);
}

void TransferQueue::answerTrust(quint64 attempt, bool trusted)
{
    QMetaObject::invokeMethod(
        m_host, [host = m_host, attempt, trusted] { host->answerTrust(attempt, trusted); },
        Qt::QueuedConnection);
}

void TransferQueue::fetchListing(const QString &host, quint16 port)
{
    const quint64 previous = m_listingAttempt;
    m_listingAttempt = m_nextAttempt++;
    QMetaObject::invokeMethod(
        m_host,
        [host = m_host, previous, attempt = m_listingAttempt, server = host, port,
            password = m_password] {
            host->abortTransfer(previous);
            host->fetchListing(attempt, server, port, password);
        },
        Qt::QueuedConnection);
}

void TransferQueue::onStarted(quint64 attempt, qint64 size, qint64 offset)
{
    const quint64 id = m_attempts.value(attempt);
    Transfer *t = m_model->find(id);
    if (!t)
        return;
    t->state = Transfer::State::Running;
    t->failure = {};
    t->total = size;
    t->offset = offset;
    t->done = offset;
    m_model->changed(id);
}

void TransferQueue::onReconnecting(quint64 attempt, const Failure &why)
{
    if (const quint64 folderId = m_batchFolder.value(attempt)) {
        // The folder's one connection dropped: its running file waits, and the folder row
        // says so until a file starts again.
        for (auto it = m_batchOf.cbegin(); it != m_batchOf.cend(); ++it) {
            if (it.value() != attempt)
                continue;
            const quint64 id = m_attempts.value(it.key());
            Transfer *t = m_model->find(id);
            if (!t || t->state != Transfer::State::Running)
                continue;
            t->state = Transfer::State::Connecting;
            t->failure = why;
            m_model->changed(id);
        }
        if (Transfer *folder = m_model->find(folderId)) {
            folder->state = Transfer::State::Connecting;
            folder->failure = why;
            m_model->changed(folderId);
        }
        return;
    }
    const quint64 id = m_attempts.value(attempt);
    Transfer *t = m_model->find(id);
    if (!t)
        return;
    // Connecting with a failure is shown as "Reconnecting"; started() clears it.
    t->state = Transfer::State::Connecting;
    t->failure = why;
    m_model->changed(id);
}

void TransferQueue::onProgress(quint64 attempt, qint64 done, qint64 total)
{
    if (const quint64 id = m_attempts.value(attempt))
        m_model->setProgress(id, done, total);
}

void TransferQueue::onFinished(quint64 attempt, const FileResult &result)
{
    const quint64 id = m_attempts.take(attempt);
    settle(attempt);
    Transfer *t = m_model->find(id);
    if (!t)
        return;
    t->localMd5 = result.localMd5;
    t->remoteMd5 = result.remoteMd5;
    t->localPath = result.localPath;
    switch (result.outcome) {
    case FileResult::Outcome::Verified:
        t->total = result.size;
        t->done = result.size;
        end(id, Transfer::State::Verified, {});
        break;
    case FileResult::Outcome::Mismatch:
        end(id, Transfer::State::Mismatch, {ErrorCode::Mismatch, result.remoteName});
        break;
    case FileResult::Outcome::Failed:
        // A folder's file that exists is named in the folder's verdict, not asked about
        // one by one.
        if (result.failure.code == ErrorCode::AlreadyExists
            && t->options.conflict == ConflictPolicy::Fail && !t->parentId) {
            t->state = Transfer::State::Failed;
            t->failure = result.failure;
            m_model->changed(id);
            emit conflict(id);
            break;
        }
        end(id,
            result.failure.code == ErrorCode::Cancelled ? Transfer::State::Cancelled
                                                        : Transfer::State::Failed,
            result.failure);
        break;
    }
    pump();
}

void TransferQueue::onFailed(quint64 attempt, const Failure &failure)
{
    if (attempt == m_listingAttempt) {
        emit listingFailed(failure);
        return;
    }
    if (m_folderFetches.contains(attempt)) {
        endCompactFolder(m_folderFetches.take(attempt), failure);
        return;
    }
    if (m_batchFiles.contains(attempt)) {
        // Every file is answered before its connection fails; this is a safety net.
        QList<quint64> attempts;
        for (auto it = m_batchOf.cbegin(); it != m_batchOf.cend(); ++it) {
            if (it.value() == attempt)
                attempts << it.key();
        }
        for (quint64 file : std::as_const(attempts)) {
            const quint64 id = m_attempts.take(file);
            settle(file);
            end(id, Transfer::State::Failed, failure);
        }
        pump();
        return;
    }
    const quint64 id = m_attempts.take(attempt);
    if (!id)
        return;
    settle(attempt);
    end(id, Transfer::State::Failed, failure);
    pump();
}

void TransferQueue::startCompactFolder(quint64 id)
{
    Transfer *t = m_model->find(id);
    if (!t || m_model->isActive(id))
        return;
    // Always with resume: files already here are complete only with the server's MD5, and
    // are skipped; without it each would fail as "already exists".
    GetOptions options = t->options;
    options.resume = true;
    t->counts = {};
    t->counts.active = 1; // until the fetch ends: the row is active, Cancel stops it
    t->counts.running = 1;
    t->failedNames.clear();
    t->state = Transfer::State::Connecting;
    t->failure = {};
    t->done = 0;
    t->total = -1;
    m_model->changed(id);
    const quint64 attempt = m_nextAttempt++;
    m_folderFetches.insert(attempt, id);
    qCInfo(lcUi) << "transfer" << id << "fetches the folder" << t->remoteName << "again";
    QMetaObject::invokeMethod(
        m_host,
        [host = m_host, attempt, server = t->host, port = t->port, password = m_password,
            name = t->remoteName,
            options] { host->startFolder(attempt, server, port, password, name, options); },
        Qt::QueuedConnection);
}

void TransferQueue::onFolderFile(quint64 attempt, const FileResult &result, bool skipped)
{
    Transfer *t = m_model->find(m_folderFetches.value(attempt));
    if (!t)
        return;
    Transfer::Counts &c = t->counts;
    if (skipped || result.outcome == FileResult::Outcome::Verified) {
        ++c.verified;
    } else if (result.failure.code == ErrorCode::Cancelled) {
        ++c.cancelled;
    } else {
        ++c.failed;
        const QString prefix = t->remoteName + QLatin1Char('/');
        if (t->failedNames.size() < 100 && result.remoteName.startsWith(prefix))
            t->failedNames << result.remoteName.mid(prefix.size());
    }
    m_model->changed(t->id);
}

void TransferQueue::endCompactFolder(quint64 id, const Failure &failure)
{
    Transfer *t = m_model->find(id);
    if (!t)
        return;
    Transfer::Counts &c = t->counts;
    c.active = 0;
    c.running = 0;
    // Files never answered (the connection failed or was cancelled) wait for the next Resume.
    c.interrupted = qMax(0, c.files - c.verified - c.failed - c.cancelled);
    if (failure.code == ErrorCode::Cancelled)
        t->state = Transfer::State::Cancelled;
    else if (c.failed > 0)
        t->state = Transfer::State::Failed;
    else if (!failure.ok() || c.interrupted > 0)
        t->state = Transfer::State::Interrupted;
    else
        t->state = Transfer::State::Verified;
    t->failure = t->state == Transfer::State::Failed && c.failed > 0 ? Failure {} : failure;
    if (t->state == Transfer::State::Verified && t->total >= 0)
        t->done = t->total;
    qCInfo(lcUi) << "transfer" << id << t->remoteName << "ended" << int(t->state) << c.verified
                 << "verified" << c.failed << "failed of" << c.files;
    m_model->changed(id);
    emit transferEnded(id);
}

void TransferQueue::end(quint64 id, Transfer::State state, const Failure &failure)
{
    Transfer *t = m_model->find(id);
    if (!t)
        return;
    qCInfo(lcUi) << "transfer" << id << t->remoteName << "ended" << int(state) << int(failure.code)
                 << failure.detail;
    t->state = state;
    t->failure = failure;
    m_model->changed(id);
    emit transferEnded(id);
}

} // namespace ferry
