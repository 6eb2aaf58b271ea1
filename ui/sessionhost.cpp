#include "sessionhost.h"

#include "uilog.h"

#include <QTimer>

namespace ferry {

SessionHost::SessionHost(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<ferry::TransferUpdate>();
}

SessionHost::~SessionHost()
{
    abortAll();
}

ClientSession *SessionHost::newSession(
    const QString &host, quint16 port, const QByteArray &password)
{
    auto *session = new ClientSession(this);
    session->setPassword(password);
    session->setTls(m_tls);
    session->connectToServer(host, port);
    return session;
}

SessionHost::Link *SessionHost::open(
    const QString &key, const QString &host, quint16 port, const QByteArray &password)
{
    auto *link = new Link;
    link->id = m_nextLink++;
    link->key = key;
    qCDebug(lcUi) << "connection" << link->id << "to" << host << port;
    link->session = newSession(host, port, password);
    link->idle = new QTimer(link->session);
    link->idle->setSingleShot(true);
    m_links.insert(link->id, link);
    m_open.insert(key, link);
    ClientSession *s = link->session;
    connect(link->idle, &QTimer::timeout, this, [this, link] {
        if (link->files.isEmpty())
            close(link);
    });
    connect(s, &ClientSession::trustRequired, this,
        [this, link](const PeerDevice &peer) { emit trustRequired(link->id, peer); });
    connect(s, &ClientSession::fileStarted, this,
        [this, link](quint64 request, const QString &, qint64 size, qint64 offset) {
            const Ticket t = link->files.value(request);
            if (t.id)
                emit updated(
                    {t.id, t.attempt, TransferUpdate::Kind::Started, offset, size, {}, {}});
        });
    connect(s, &ClientSession::fileProgress, this,
        [this, link](quint64 request, qint64 done, qint64 total) {
            const Ticket t = link->files.value(request);
            if (t.id)
                emit updated(
                    {t.id, t.attempt, TransferUpdate::Kind::Progress, done, total, {}, {}});
        });
    connect(s, &ClientSession::fileFinished, this,
        [this, link](const FileResult &result) { settle(link, result); });
    connect(s, &ClientSession::reconnecting, this,
        [this, link](const Failure &why) { tell(*link, TransferUpdate::Kind::Reconnecting, why); });
    connect(s, &ClientSession::reconnected, this,
        [this, link] { tell(*link, TransferUpdate::Kind::Resumed); });
    connect(s, &ClientSession::idle, this, [this, link] { link->idle->start(m_idleCloseMs); });
    // Every file was answered before this; the connection is done for.
    connect(s, &ClientSession::failed, this, [this, link](const Failure &) { close(link); });
    return link;
}

void SessionHost::fetch(
    const QString &host, quint16 port, const QByteArray &password, const QList<FileOrder> &files)
{
    const QString key = host + QLatin1Char('\n') + QString::number(port) + QLatin1Char('\n')
        + QString::fromLatin1(password.toHex());
    Link *link = m_open.value(key);
    if (!link || link->session->state() == ClientSession::State::Closed)
        link = open(key, host, port, password);
    link->idle->stop();
    link->files.reserve(link->files.size() + files.size());
    for (const FileOrder &file : files) {
        // Asked now, sent once the connection is ready; the connection pipelines them.
        const quint64 request
            = link->session->requestFile(file.remoteName, file.localName, file.options);
        link->files.insert(request, {file.id, file.attempt});
        m_rows.insert(file.id, {link, request});
    }
}

void SessionHost::tell(const Link &link, TransferUpdate::Kind kind, const Failure &why)
{
    for (const Ticket &t : link.files)
        emit updated({t.id, t.attempt, kind, 0, -1, why, {}});
}

void SessionHost::settle(Link *link, const FileResult &result)
{
    const Ticket t = link->files.take(result.id);
    if (!t.id)
        return;
    m_rows.remove(t.id);
    emit updated({t.id, t.attempt, TransferUpdate::Kind::Finished, 0, -1, {}, result});
}

void SessionHost::cancel(const QList<quint64> &ids)
{
    QList<Link *> touched;
    for (quint64 id : ids) {
        const auto [link, request] = m_rows.take(id);
        if (!link)
            continue;
        // Forgotten first: the Cancelled answer, now or later, goes nowhere.
        link->files.remove(request);
        link->session->cancel(request);
        if (!touched.contains(link))
            touched << link;
    }
    for (Link *link : std::as_const(touched)) {
        if (link->files.isEmpty())
            close(link);
    }
}

void SessionHost::close(Link *link)
{
    if (!m_links.remove(link->id))
        return;
    if (m_open.value(link->key) == link)
        m_open.remove(link->key);
    link->session->disconnect(this);
    link->idle->stop();
    link->idle->disconnect(this);
    // Files still asked (only when the connection failed under them, which answers them
    // first) end here all the same, so no row waits for ever.
    for (auto it = link->files.cbegin(); it != link->files.cend(); ++it) {
        m_rows.remove(it->id);
        FileResult r;
        r.id = it.key();
        r.failure = {ErrorCode::ConnectionLost, {}};
        emit updated({it->id, it->attempt, TransferUpdate::Kind::Finished, 0, -1, {}, r});
    }
    link->session->abort();
    link->session->deleteLater();
    delete link;
}

void SessionHost::fetchListing(
    quint64 attempt, const QString &host, quint16 port, const QByteArray &password)
{
    ClientSession *session = newSession(host, port, password);
    m_listings.insert(attempt, session);
    connect(session, &ClientSession::trustRequired, this,
        [this, attempt](const PeerDevice &peer) { emit trustRequired(attempt, peer); });
    connect(session, &ClientSession::ready, this, [this, attempt, session] {
        if (session->isEncrypted())
            emit secured(attempt, session->peerDevice());
        session->requestList();
    });
    connect(session, &ClientSession::listReceived, this,
        [this, attempt](const QList<protocol::FileEntry> &entries) {
            abortListing(attempt);
            emit listing(attempt, entries);
        });
    connect(session, &ClientSession::failed, this, [this, attempt](const Failure &failure) {
        abortListing(attempt);
        emit listingFailed(attempt, failure);
    });
}

void SessionHost::abortListing(quint64 attempt)
{
    ClientSession *session = m_listings.take(attempt);
    if (!session)
        return;
    session->disconnect(this);
    session->abort();
    session->deleteLater();
}

void SessionHost::fetchFolder(quint64 attempt, const QString &host, quint16 port,
    const QByteArray &password, const QString &folderName, const GetOptions &options)
{
    qCDebug(lcUi) << "folder" << attempt << folderName << "from" << host << port;
    ClientSession *session = newSession(host, port, password);
    m_folders.insert(attempt, session);
    auto *fetch = new FolderFetch(session, session);
    connect(session, &ClientSession::trustRequired, this,
        [this, attempt](const PeerDevice &peer) { emit trustRequired(attempt, peer); });
    // Started once: a reconnect makes the session ready again.
    connect(session, &ClientSession::ready, fetch,
        [fetch, folderName, options, started = std::make_shared<bool>(false)] {
            if (!*started) {
                *started = true;
                fetch->start({folderName + QLatin1Char('/')}, false, options);
            }
        });
    // Disconnected from this on abortFolder(): an abort makes the fetch settle every file
    // left with the closed connection's failure, which the row must not count.
    connect(fetch, &FolderFetch::planned, this,
        [this, attempt](int files, qint64 bytes) { emit folderPlanned(attempt, files, bytes); });
    connect(fetch, &FolderFetch::fileDone, this,
        [this, attempt](
            const FileResult &result, bool skipped) { emit folderFile(attempt, result, skipped); });
    connect(fetch, &FolderFetch::progress, this,
        [this, attempt](int, qint64 bytes) { emit folderProgress(attempt, bytes); });
    connect(fetch, &FolderFetch::finished, this, [this, attempt](const FolderSummary &) {
        abortFolder(attempt);
        emit folderFinished(attempt);
    });
    connect(session, &ClientSession::failed, this, [this, attempt](const Failure &failure) {
        abortFolder(attempt);
        emit folderFailed(attempt, failure);
    });
}

void SessionHost::abortFolder(quint64 attempt)
{
    ClientSession *session = m_folders.take(attempt);
    if (!session)
        return;
    for (QObject *child : session->children())
        child->disconnect(this);
    session->disconnect(this);
    session->abort();
    session->deleteLater();
}

void SessionHost::answerTrust(quint64 attempt, bool trusted)
{
    if (ClientSession *session = m_listings.value(attempt))
        session->trustPeer(trusted);
    else if (ClientSession *folder = m_folders.value(attempt))
        folder->trustPeer(trusted);
    else if (Link *link = m_links.value(attempt))
        link->session->trustPeer(trusted);
}

void SessionHost::setTls(const TlsClientOptions &options)
{
    m_tls = options;
    m_open.clear();
}

void SessionHost::abortAll()
{
    const QList<quint64> listings = m_listings.keys();
    for (quint64 attempt : listings)
        abortListing(attempt);
    const QList<quint64> folders = m_folders.keys();
    for (quint64 attempt : folders)
        abortFolder(attempt);
    const QList<Link *> links = m_links.values();
    for (Link *link : links) {
        link->files.clear();
        close(link);
    }
    m_rows.clear();
}

} // namespace ferry
