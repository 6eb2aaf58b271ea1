#include "sessionhost.h"

#include "uilog.h"

namespace ferry {

SessionHost::SessionHost(QObject *parent) : QObject(parent) { }

ClientSession *SessionHost::create(
    quint64 attempt, const QString &host, quint16 port, const QByteArray &password)
{
    auto *session = new ClientSession(this);
    session->setPassword(password);
    session->setTls(m_tls);
    m_sessions.insert(attempt, session);
    connect(session, &ClientSession::trustRequired, this,
        [this, attempt](const PeerDevice &peer) { emit trustRequired(attempt, peer); });
    connect(session, &ClientSession::ready, this, [this, attempt, session] {
        if (session->isEncrypted())
            emit secured(attempt, session->peerDevice());
    });
    connect(session, &ClientSession::reconnecting, this,
        [this, attempt](const Failure &why) { emit reconnecting(attempt, why); });
    // A connection that fails before any file was asked for finishes nothing, so the
    // failure itself ends the attempt.
    connect(session, &ClientSession::failed, this, [this, attempt](const Failure &failure) {
        if (!m_sessions.contains(attempt))
            return;
        release(attempt, false);
        emit failed(attempt, failure);
    });
    session->connectToServer(host, port);
    return session;
}

void SessionHost::release(quint64 attempt, bool abort)
{
    ClientSession *session = m_sessions.take(attempt);
    m_batches.remove(attempt);
    if (!session)
        return;
    session->disconnect(this);
    // An answered session just goes; deleting it closes its socket.
    if (abort)
        session->abort();
    session->deleteLater();
}

void SessionHost::startTransfer(quint64 attempt, const QString &host, quint16 port,
    const QByteArray &password, const QString &remoteName, const GetOptions &options,
    const QString &localName)
{
    qCDebug(lcUi) << "transfer" << attempt << remoteName << "from" << host << port;
    ClientSession *session = create(attempt, host, port, password);
    connect(session, &ClientSession::ready, this,
        [=] { session->requestFile(remoteName, localName, options); });
    connect(session, &ClientSession::fileStarted, this,
        [this, attempt](quint64, const QString &, qint64 size, qint64 offset) {
            emit started(attempt, size, offset);
        });
    connect(session, &ClientSession::fileProgress, this,
        [this, attempt](
            quint64, qint64 done, qint64 total) { emit progress(attempt, done, total); });
    connect(session, &ClientSession::fileFinished, this, [this, attempt](const FileResult &result) {
        if (!m_sessions.contains(attempt))
            return;
        release(attempt, false);
        emit finished(attempt, result);
    });
}

void SessionHost::startBatch(quint64 batch, const QString &host, quint16 port,
    const QByteArray &password, const QList<BatchFile> &files)
{
    qCDebug(lcUi) << "batch" << batch << "of" << files.size() << "files from" << host << port;
    ClientSession *session = create(batch, host, port, password);
    // Asked now, sent once the connection is ready; the connection pipelines them.
    QHash<quint64, quint64> &ids = m_batches[batch];
    ids.reserve(files.size());
    for (const BatchFile &file : files)
        ids.insert(
            session->requestFile(file.remoteName, file.localName, file.options), file.attempt);
    connect(session, &ClientSession::fileStarted, this,
        [this, batch](quint64 id, const QString &, qint64 size, qint64 offset) {
            if (const quint64 attempt = m_batches.value(batch).value(id))
                emit started(attempt, size, offset);
        });
    connect(session, &ClientSession::fileProgress, this,
        [this, batch](quint64 id, qint64 done, qint64 total) {
            if (const quint64 attempt = m_batches.value(batch).value(id))
                emit progress(attempt, done, total);
        });
    connect(session, &ClientSession::fileFinished, this, [this, batch](const FileResult &result) {
        auto it = m_batches.find(batch);
        if (it == m_batches.end())
            return;
        const quint64 attempt = it->take(result.id);
        if (it->isEmpty())
            release(batch, false);
        if (attempt)
            emit finished(attempt, result);
    });
}

void SessionHost::startFolder(quint64 attempt, const QString &host, quint16 port,
    const QByteArray &password, const QString &folderName, const GetOptions &options)
{
    qCDebug(lcUi) << "folder" << attempt << folderName << "from" << host << port;
    ClientSession *session = create(attempt, host, port, password);
    auto *fetch = new FolderFetch(session, session);
    // Started once: a reconnect makes the session ready again.
    connect(session, &ClientSession::ready, fetch,
        [fetch, folderName, options, started = std::make_shared<bool>(false)] {
            if (!*started) {
                *started = true;
                fetch->start({folderName + QLatin1Char('/')}, false, options);
            }
        });
    // Nothing more is reported once the attempt is released: an abort makes the fetch settle
    // every file left with the closed connection's failure, which the row must not count.
    connect(fetch, &FolderFetch::planned, this, [this, attempt](int files, qint64 bytes) {
        if (m_sessions.contains(attempt))
            emit folderPlanned(attempt, files, bytes);
    });
    connect(fetch, &FolderFetch::fileDone, this,
        [this, attempt](const FileResult &result, bool skipped) {
            if (m_sessions.contains(attempt))
                emit folderFile(attempt, result, skipped);
        });
    connect(fetch, &FolderFetch::progress, this, [this, attempt](int files, qint64 bytes) {
        if (m_sessions.contains(attempt))
            emit folderProgress(attempt, files, bytes);
    });
    connect(fetch, &FolderFetch::finished, this, [this, attempt](const FolderSummary &summary) {
        if (!m_sessions.contains(attempt))
            return;
        release(attempt, false);
        emit folderFinished(attempt, summary);
    });
}

void SessionHost::abortTransfer(quint64 attempt)
{
    if (!m_sessions.contains(attempt))
        return;
    release(attempt, true);
    emit failed(attempt, Failure {ErrorCode::Cancelled, {}});
}

void SessionHost::fetchListing(
    quint64 attempt, const QString &host, quint16 port, const QByteArray &password)
{
    ClientSession *session = create(attempt, host, port, password);
    connect(session, &ClientSession::ready, session, &ClientSession::requestList);
    connect(session, &ClientSession::listReceived, this,
        [this, attempt](const QList<protocol::FileEntry> &entries) {
            if (!m_sessions.contains(attempt))
                return;
            release(attempt, false);
            emit listing(attempt, entries);
        });
}

void SessionHost::answerTrust(quint64 attempt, bool trusted)
{
    if (ClientSession *session = m_sessions.value(attempt))
        session->trustPeer(trusted);
}

void SessionHost::abortAll()
{
    const QList<quint64> attempts = m_sessions.keys();
    for (quint64 attempt : attempts)
        release(attempt, true);
}

} // namespace ferry
