#include "transferqueue.h"

#include "protocol/names.h"
#include "sessionhost.h"
#include "uilog.h"

#include <QSet>

#include <algorithm>

namespace ferry {

TransferQueue::TransferQueue(TransferModel *model, QObject *parent)
    : QObject(parent), m_model(model), m_host(new SessionHost)
{
    qRegisterMetaType<ferry::FileResult>();
    qRegisterMetaType<ferry::Failure>();
    qRegisterMetaType<ferry::TransferUpdate>();
    qRegisterMetaType<QList<ferry::protocol::FileEntry>>();
    m_thread.setObjectName(QStringLiteral("ferry-network"));
    m_host->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_host, &QObject::deleteLater);
    // Each file's news goes straight to its row; the queue hears only that a row ended.
    connect(m_host, &SessionHost::updated, m_model, &TransferModel::apply);
    connect(m_model, &TransferModel::ended, this, &TransferQueue::onEnded);
    connect(m_host, &SessionHost::listing, this,
        [this](quint64 attempt, const QList<protocol::FileEntry> &entries) {
            if (attempt == m_listingAttempt)
                emit listingReady(entries);
        });
    connect(
        m_host, &SessionHost::listingFailed, this, [this](quint64 attempt, const Failure &failure) {
            if (attempt == m_listingAttempt)
                emit listingFailed(failure);
        });
    connect(m_host, &SessionHost::trustRequired, this, &TransferQueue::trustRequired);
    qRegisterMetaType<ferry::FolderSummary>();
    connect(m_host, &SessionHost::folderPlanned, this,
        [this](quint64 attempt, int files, qint64 bytes) {
            m_model->markFolderPlanned(m_folderFetches.value(attempt), files, bytes);
        });
    connect(m_host, &SessionHost::folderFile, this,
        [this](quint64 attempt, const FileResult &result, bool skipped) {
            m_model->markFolderFile(m_folderFetches.value(attempt), result, skipped);
        });
    connect(m_host, &SessionHost::folderProgress, this, [this](quint64 attempt, qint64 bytes) {
        if (const Transfer *t = m_model->find(m_folderFetches.value(attempt)))
            m_model->markProgress(t->id, bytes, t->total);
    });
    connect(m_host, &SessionHost::folderFinished, this,
        [this](quint64 attempt) { endCompactFolder(attempt, {}); });
    connect(m_host, &SessionHost::folderFailed, this, &TransferQueue::endCompactFolder);
    connect(m_host, &SessionHost::secured, this, [this](quint64 attempt, const PeerDevice &peer) {
        if (attempt == m_listingAttempt)
            emit connectedTo(peer);
    });
    m_fillTimer.setInterval(0);
    connect(&m_fillTimer, &QTimer::timeout, this, &TransferQueue::fillNext);
    m_thread.start();
}

TransferQueue::~TransferQueue()
{
    // Connections close and keep their .part files; the thread deletes them.
    m_host->disconnect(this);
    QMetaObject::invokeMethod(m_host, &SessionHost::abortAll, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString TransferQueue::hostKey(const Transfer &t)
{
    return t.host + QLatin1Char('\n') + QString::number(t.port);
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
    m_waiting[hostKey(t)].push_back(id);
    pump(hostKey(t));
    return id;
}

quint64 TransferQueue::enqueueFolder(const QString &host, quint16 port, const QString &folderName,
    const QList<protocol::FileEntry> &files, const QStringList &emptyFolders,
    const GetOptions &options)
{
    Fill f;
    f.files = files;
    f.prefix = folderName + QLatin1Char('/');
    // Files land under the folder's last part, as `ferry get photos/` puts them.
    f.cut = folderName.lastIndexOf(QLatin1Char('/')) + 1;
    f.proto.host = host;
    f.proto.port = port;
    f.proto.options = options;
    Transfer folder = f.proto;
    folder.remoteName = folderName;
    folder.localName = folderName.mid(f.cut);
    if (isValidRelativeName(folderName) && !options.outputDir.isEmpty())
        createFolders(options.outputDir, folder.localName, folderName, emptyFolders);
    m_model->reserve(files.size() + 1);
    f.folderId = m_model->addFolder(folder, {});
    const quint64 id = f.folderId;
    // A folder of up to kFillChunk files is whole on return; a bigger one fills in later.
    m_fills.push_back(std::move(f));
    if (fill(m_fills.back()))
        m_fills.pop_back();
    else if (!m_fillTimer.isActive())
        m_fillTimer.start();
    return id;
}

bool TransferQueue::fill(Fill &f)
{
    const qsizetype end = qMin(f.next + kFillChunk, f.files.size());
    QList<Transfer> rows;
    rows.reserve(end - f.next);
    for (; f.next < end; ++f.next) {
        const protocol::FileEntry &file = f.files.at(f.next);
        if (!file.name.startsWith(f.prefix) || !isValidRelativeName(file.name)) {
            qCWarning(lcUi) << "folder" << f.prefix << "leaves out" << file.name;
            continue;
        }
        Transfer t = f.proto;
        t.remoteName = file.name;
        t.localName = file.name.mid(f.cut);
        t.total = file.size;
        if (f.cancelled) {
            t.state = Transfer::State::Cancelled;
            t.failure = {ErrorCode::Cancelled, {}};
        }
        rows.append(std::move(t));
    }
    const qsizetype n = rows.size();
    const quint64 first = n ? m_model->appendFiles(f.folderId, std::move(rows)) : 0;
    if (n && !first)
        return true; // the folder row is gone
    if (first && !f.cancelled) {
        const QString key = hostKey(f.proto);
        std::deque<quint64> &waiting = m_waiting[key];
        for (qsizetype i = 0; i < n; ++i)
            waiting.push_back(first + quint64(i));
        pump(key);
    }
    return f.next >= f.files.size();
}

void TransferQueue::fillNext()
{
    if (!m_fills.empty() && fill(m_fills.front()))
        m_fills.pop_front();
    if (m_fills.empty())
        m_fillTimer.stop();
}

void TransferQueue::pump()
{
    const QList<QString> keys = m_waiting.keys();
    for (const QString &key : keys)
        pump(key);
}

void TransferQueue::pump(const QString &key)
{
    int &flying = m_flying[key];
    // A window at a time: one call to the network thread per half window, not per file.
    if (flying > m_maxRunning / 2)
        return;
    std::deque<quint64> &waiting = m_waiting[key];
    QList<FileOrder> orders;
    QString host;
    quint16 port = 0;
    while (flying < m_maxRunning && !waiting.empty()) {
        const quint64 id = waiting.front();
        waiting.pop_front();
        const quint32 attempt = m_model->markRequested(id);
        const Transfer *t = m_model->find(id);
        if (!attempt || !t)
            continue; // cancelled while it waited
        host = t->host;
        port = t->port;
        orders.append(FileOrder {id, attempt, t->remoteName, t->localName, t->options});
        m_inFlight.insert(id, key);
        ++flying;
    }
    if (waiting.empty())
        m_waiting.remove(key);
    if (orders.isEmpty())
        return;
    QMetaObject::invokeMethod(
        m_host,
        [h = m_host, host, port, password = m_password, orders = std::move(orders)] {
            h->fetch(host, port, password, orders);
        },
        Qt::QueuedConnection);
}

void TransferQueue::onEnded(quint64 id)
{
    const QString key = m_inFlight.take(id);
    if (!key.isEmpty() && --m_flying[key] <= 0)
        m_flying.remove(key);
    const Transfer *t = m_model->find(id);
    // A row of its own whose name exists asks the user; a folder's such files are named in
    // the folder's verdict instead.
    if (t && t->state == Transfer::State::Failed && t->failure.code == ErrorCode::AlreadyExists
        && t->options.conflict == ConflictPolicy::Fail && !t->parentId)
        emit conflict(id);
    else
        emit transferEnded(id);
    if (!key.isEmpty())
        pump(key);
}

void TransferQueue::cancel(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (!t)
        return;
    if (t->folder && t->compact) {
        if (const quint64 attempt = m_folderFetches.key(id)) {
            QMetaObject::invokeMethod(
                m_host, [h = m_host, attempt] { h->abortFolder(attempt); }, Qt::QueuedConnection);
            endCompactFolder(attempt, {ErrorCode::Cancelled, {}});
        }
        return;
    }
    if (t->folder) {
        cancelFolder(id);
        return;
    }
    if (!m_model->isActive(id))
        return;
    if (m_inFlight.contains(id)) {
        QMetaObject::invokeMethod(
            m_host, [h = m_host, id] { h->cancel({id}); }, Qt::QueuedConnection);
    } else {
        const auto it = m_waiting.find(hostKey(*t));
        if (it != m_waiting.end())
            it->erase(std::remove(it->begin(), it->end(), id), it->end());
    }
    m_model->markEnded(id, Transfer::State::Cancelled, Failure {ErrorCode::Cancelled, {}});
}

void TransferQueue::cancelFolder(quint64 id)
{
    for (Fill &f : m_fills) {
        if (f.folderId == id)
            f.cancelled = true;
    }
    // Out of the queue first, so that ending them asks for none of them.
    const QList<quint64> files = m_model->filesOf(id);
    const QSet<quint64> mine(files.cbegin(), files.cend());
    if (const Transfer *folder = m_model->find(id)) {
        const auto it = m_waiting.find(hostKey(*folder));
        if (it != m_waiting.end()) {
            it->erase(std::remove_if(it->begin(), it->end(),
                          [&mine](quint64 file) { return mine.contains(file); }),
                it->end());
        }
    }
    QList<quint64> asked;
    for (quint64 file : files) {
        if (m_inFlight.contains(file))
            asked << file;
    }
    if (!asked.isEmpty()) {
        QMetaObject::invokeMethod(
            m_host, [h = m_host, asked] { h->cancel(asked); }, Qt::QueuedConnection);
    }
    for (quint64 file : files) {
        if (m_model->isActive(file))
            m_model->markEnded(file, Transfer::State::Cancelled, {ErrorCode::Cancelled, {}});
    }
}

void TransferQueue::retry(quint64 id, bool resume)
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder && t->compact) {
        startCompactFolder(id);
        return;
    }
    if (t && t->folder) {
        for (Fill &f : m_fills) {
            if (f.folderId == id)
                f.cancelled = false;
        }
        // Verified files keep their verdict; the others start again (or continue).
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

void TransferQueue::startCompactFolder(quint64 id)
{
    if (!m_model->markFolderFetching(id))
        return;
    const Transfer *t = m_model->find(id);
    // Always with resume: files already here are complete only with the server's MD5, and
    // are skipped; without it each would fail as "already exists".
    GetOptions options = t->options;
    options.resume = true;
    const quint64 attempt = m_nextAttempt++;
    m_folderFetches.insert(attempt, id);
    qCInfo(lcUi) << "transfer" << id << "fetches the folder" << t->remoteName << "again";
    QMetaObject::invokeMethod(
        m_host,
        [h = m_host, attempt, server = t->host, port = t->port, password = m_password,
            name = t->remoteName,
            options] { h->fetchFolder(attempt, server, port, password, name, options); },
        Qt::QueuedConnection);
}

void TransferQueue::endCompactFolder(quint64 attempt, const Failure &failure)
{
    const quint64 id = m_folderFetches.take(attempt);
    if (!id)
        return;
    m_model->markFolderFetched(id, failure);
    emit transferEnded(id);
}

bool TransferQueue::requeue(quint64 id, bool resume)
{
    if (!m_model->markQueued(id, resume))
        return false;
    m_waiting[hostKey(*m_model->find(id))].push_back(id);
    return true;
}

void TransferQueue::retryWith(quint64 id, ConflictPolicy policy)
{
    m_model->setConflictPolicy(id, policy);
    for (quint64 file : m_model->filesOf(id))
        m_model->setConflictPolicy(file, policy);
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
            host->abortListing(previous);
            host->fetchListing(attempt, server, port, password);
        },
        Qt::QueuedConnection);
}

} // namespace ferry
