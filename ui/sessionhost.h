#pragma once

#include "client/clientsession.h"
#include "client/folderfetch.h"
#include "transferupdate.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace ferry {

/// One file for SessionHost::fetch(): its row and attempt, and what to ask for.
struct FileOrder
{
    quint64 id = 0;
    quint32 attempt = 0;
    QString remoteName;
    QString localName;
    GetOptions options;
};

/// Lives on the client tab's network thread and owns every ClientSession there: one per host
/// (address, port, password and TLS settings), shared by every file fetched from it and
/// pipelined, and one per listing. The UI talks to it only through queued calls; each file's
/// news goes out as a TransferUpdate keyed by its row, so nothing here points into the UI.
class SessionHost : public QObject
{
    Q_OBJECT
public:
    /// A connection with nothing left to fetch closes this long after its last file.
    static constexpr int kIdleCloseMs = 30000;

    explicit SessionHost(QObject *parent = nullptr);
    ~SessionHost() override;

    // Called through QMetaObject::invokeMethod from the UI thread. An empty password means
    // none; a protected share then fails the files with AuthRequired.
    /// Asks for \a files on the host's connection, made now if there is none (or it closed).
    void fetch(const QString &host, quint16 port, const QByteArray &password,
        const QList<ferry::FileOrder> &files);
    /// Gives up these rows' files; no more news comes for them. A connection left with
    /// nothing to fetch closes at once rather than read past the rest of a file.
    void cancel(const QList<quint64> &ids);
    void fetchListing(
        quint64 attempt, const QString &host, quint16 port, const QByteArray &password);
    void abortListing(quint64 attempt);
    /// Fetches the folder \a folderName as `ferry get NAME/` does (FolderFetch) on a
    /// connection of its own: lists it again, skips files already here with the server's MD5
    /// (with options.resume), goes on from .part files. For a compact folder row, whose files
    /// the window no longer holds. Reports folderPlanned(), folderFile(), folderProgress()
    /// and ends with folderFinished() or folderFailed().
    void fetchFolder(quint64 attempt, const QString &host, quint16 port, const QByteArray &password,
        const QString &folderName, const ferry::GetOptions &options);
    /// Stops a fetchFolder(); nothing more is reported for it.
    void abortFolder(quint64 attempt);
    void abortAll();
    /// For connections made from now on; those open finish their files and close.
    void setTls(const ferry::TlsClientOptions &options);
    void setIdleCloseMs(int ms) { m_idleCloseMs = ms; }
    /// The user's answer to trustRequired().
    void answerTrust(quint64 attempt, bool trusted);

signals:
    void updated(const ferry::TransferUpdate &update);
    void listing(quint64 attempt, const QList<ferry::protocol::FileEntry> &entries);
    void listingFailed(quint64 attempt, const ferry::Failure &failure);
    void folderPlanned(quint64 attempt, int files, qint64 bytes);
    void folderFile(quint64 attempt, const ferry::FileResult &result, bool skipped);
    void folderProgress(quint64 attempt, qint64 bytesDone);
    void folderFinished(quint64 attempt);
    void folderFailed(quint64 attempt, const ferry::Failure &failure);
    /// First contact with a device: ask the user, then answerTrust(). \a attempt is a
    /// listing's attempt or a host connection's own number.
    void trustRequired(quint64 attempt, const ferry::PeerDevice &peer);
    /// The listing's connection is encrypted and the server's certificate is the trusted one.
    void secured(quint64 attempt, const ferry::PeerDevice &peer);

private:
    struct Ticket
    {
        quint64 id = 0;
        quint32 attempt = 0;
    };
    /// One host's connection and the files asked on it, by request id.
    struct Link
    {
        quint64 id = 0;
        QString key;
        ClientSession *session = nullptr;
        QTimer *idle = nullptr;
        QHash<quint64, Ticket> files;
    };

    ClientSession *newSession(const QString &host, quint16 port, const QByteArray &password);
    Link *open(const QString &key, const QString &host, quint16 port, const QByteArray &password);
    void tell(const Link &link, TransferUpdate::Kind kind, const Failure &why = {});
    void settle(Link *link, const FileResult &result);
    void close(Link *link);

    QHash<quint64, Link *> m_links; ///< By the link's own number.
    QHash<QString, Link *> m_open; ///< Links new files may join, by host key.
    QHash<quint64, std::pair<Link *, quint64>> m_rows; ///< Row -> its link and request id.
    QHash<quint64, ClientSession *> m_listings;
    QHash<quint64, ClientSession *> m_folders; ///< fetchFolder()'s connections.
    TlsClientOptions m_tls;
    quint64 m_nextLink = quint64(1) << 48; ///< Apart from the UI's listing attempts.
    int m_idleCloseMs = kIdleCloseMs;
};

} // namespace ferry
