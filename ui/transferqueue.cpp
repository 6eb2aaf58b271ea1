#include "transferqueue.h"

#include "fs/containedfs.h"
#include "protocol/names.h"
#include "sessionhost.h"
#include "uilog.h"

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
    connect(m_host, &SessionHost::trustRequired, this, &TransferQueue::trustRequired);
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
    // First cut: one row per file; the folder row comes next.
    Q_UNUSED(folderName);
    Q_UNUSED(emptyFolders);
    quint64 first = 0;
    for (const protocol::FileEntry &file : files) {
        const quint64 id = enqueue(host, port, file.name, options);
        if (!first)
            first = id;
    }
    return first;
}

void TransferQueue::pump()
{
    while (m_attempts.size() < m_maxRunning && !m_queue.isEmpty()) {
        const quint64 id = m_queue.takeFirst();
        Transfer *t = m_model->find(id);
        if (!t || t->state != Transfer::State::Queued)
            continue;
        const quint64 attempt = m_nextAttempt++;
        m_attempts.insert(attempt, id);
        t->state = Transfer::State::Connecting;
        m_model->changed(id);
        QMetaObject::invokeMethod(
            m_host,
            [host = m_host, attempt, server = t->host, port = t->port, password = m_password,
                name = t->remoteName, options = t->options] {
                host->startTransfer(attempt, server, port, password, name, options);
            },
            Qt::QueuedConnection);
    }
}

void TransferQueue::cancel(quint64 id)
{
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

void TransferQueue::retry(quint64 id, bool resume)
{
    Transfer *t = m_model->find(id);
    if (!t || m_model->isActive(id))
        return;
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
    pump();
}

void TransferQueue::retryWith(quint64 id, ConflictPolicy policy)
{
    if (Transfer *t = m_model->find(id))
        t->options.conflict = policy;
    retry(id, false);
}

namespace {

/// Opens the folder that holds the row's NAME.part, inside its output folder; -1 if none.
int openPartDir(const Transfer &t, QString *leaf)
{
    if (!isSafeLocalName(t.remoteName) || t.options.outputDir.isEmpty())
        return -1;
    Failure error;
    const int root = containedfs::openRoot(t.options.outputDir, &error);
    if (root < 0)
        return -1;
    const int dir = containedfs::openParentDir(root, t.remoteName, &error);
    containedfs::closeFd(root);
    *leaf = t.remoteName.section(QLatin1Char('/'), -1) + QStringLiteral(".part");
    return dir;
}

} // namespace

bool TransferQueue::hasPart(quint64 id) const
{
    const Transfer *t = m_model->find(id);
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
    if (!t || m_model->isActive(id))
        return;
    QString leaf;
    const int dir = openPartDir(*t, &leaf);
    if (dir >= 0) {
        qCInfo(lcUi) << "transfer" << id << "starts over; removing" << leaf;
        containedfs::removeInDir(dir, leaf);
        containedfs::removeInDir(dir, leaf + QStringLiteral(".meta"));
        containedfs::closeFd(dir);
    }
    retry(id, false);
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
    t->total = size;
    t->offset = offset;
    t->done = offset;
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
        if (result.failure.code == ErrorCode::AlreadyExists
            && t->options.conflict == ConflictPolicy::Fail) {
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
    const quint64 id = m_attempts.take(attempt);
    if (!id)
        return;
    end(id, Transfer::State::Failed, failure);
    pump();
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
