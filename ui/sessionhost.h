#pragma once

#include "client/clientsession.h"
#include "client/folderfetch.h"

#include <QHash>
#include <QObject>

namespace ferry {

/// One file of a batch: the queue's attempt id and what to ask for.
struct BatchFile
{
    quint64 attempt = 0;
    QString remoteName;
    QString localName;
    GetOptions options;
};

/// Lives on the client tab's network thread and owns every ClientSession there. The UI talks
/// to it only through queued calls and its signals, keyed by an attempt number, so it never
/// holds a pointer into the other thread.
class SessionHost : public QObject
{
    Q_OBJECT
public:
    explicit SessionHost(QObject *parent = nullptr);

    // Called through QMetaObject::invokeMethod from the UI thread. An empty password means
    // none; a protected share then fails the attempt with AuthRequired.
    void startTransfer(quint64 attempt, const QString &host, quint16 port,
        const QByteArray &password, const QString &remoteName, const ferry::GetOptions &options,
        const QString &localName = QString());
    /// Fetches \a files over one connection, pipelined (a folder row's files): one TLS
    /// handshake and password proof for all. Each file reports started(), progress() and
    /// finished() under its own attempt; reconnecting(), trustRequired() and secured() come
    /// under \a batch, and abortTransfer(\a batch) closes the connection.
    void startBatch(quint64 batch, const QString &host, quint16 port, const QByteArray &password,
        const QList<ferry::BatchFile> &files);
    /// Fetches the folder \a folderName as `ferry get NAME/` does (FolderFetch): lists it
    /// again, skips files already here with the server's MD5 (with options.resume), goes on
    /// from .part files. Reports folderPlanned(), folderFile(), folderProgress() and ends
    /// with folderFinished() or failed().
    void startFolder(quint64 attempt, const QString &host, quint16 port, const QByteArray &password,
        const QString &folderName, const ferry::GetOptions &options);
    void abortTransfer(quint64 attempt);
    void fetchListing(
        quint64 attempt, const QString &host, quint16 port, const QByteArray &password);
    void abortAll();
    void setTls(const ferry::TlsClientOptions &options) { m_tls = options; }
    /// The user's answer to trustRequired().
    void answerTrust(quint64 attempt, bool trusted);

signals:
    void started(quint64 attempt, qint64 size, qint64 offset);
    void progress(quint64 attempt, qint64 done, qint64 total);
    void finished(quint64 attempt, const ferry::FileResult &result);
    void failed(quint64 attempt, const ferry::Failure &failure);
    void folderPlanned(quint64 attempt, int files, qint64 bytes);
    void folderFile(quint64 attempt, const ferry::FileResult &result, bool skipped);
    void folderProgress(quint64 attempt, int filesDone, qint64 bytesDone);
    void folderFinished(quint64 attempt, const ferry::FolderSummary &summary);
    void listing(quint64 attempt, const QList<ferry::protocol::FileEntry> &entries);
    /// First contact with a device: ask the user, then answerTrust().
    void trustRequired(quint64 attempt, const ferry::PeerDevice &peer);
    /// The connection is encrypted and the server's certificate is the trusted one.
    void secured(quint64 attempt, const ferry::PeerDevice &peer);
    /// The connection dropped (\a why) and is being dialled again; started() follows when
    /// the file continues.
    void reconnecting(quint64 attempt, const ferry::Failure &why);

private:
    ClientSession *create(
        quint64 attempt, const QString &host, quint16 port, const QByteArray &password);
    void release(quint64 attempt, bool abort);

    QHash<quint64, ClientSession *> m_sessions;
    /// A batch's session request ids -> attempt ids, while files are unanswered.
    QHash<quint64, QHash<quint64, quint64>> m_batches;
    TlsClientOptions m_tls;
};

} // namespace ferry
