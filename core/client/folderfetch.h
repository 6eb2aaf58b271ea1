#pragma once

#include "client/clientsession.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <memory>

namespace ferry {

/// What a folder fetch did, file by file.
struct FolderSummary
{
    int files = 0; ///< Files below the folders asked for (and files named directly).
    qint64 bytes = 0; ///< Their size, as listed.
    int verified = 0;
    int failed = 0; ///< Failed or mismatched, including paths refused before asking.
    int skipped = 0; ///< Already here, with the server's MD5 (--resume).
    int folders = 0; ///< Folders created or found, empty ones included.
    bool done() const { return verified + failed + skipped == files; }
};

/// `ferry get photos/`: lists the share once, then fetches every file below the folders asked
/// for over the session's one connection, pipelined, each verified, and creates the folders,
/// empty ones too. Every path is checked (localpath::check) before anything is created for
/// it. With resume, a file already here is complete only when its MD5 equals the server's
/// (a hash query): it is skipped; a .part continues. Drives ClientSession's public API only;
/// its signals are for a window as much as for the command line.
class FolderFetch : public QObject
{
    Q_OBJECT
public:
    explicit FolderFetch(ClientSession *session, QObject *parent = nullptr);

    /// \a names as the server lists them: a folder ends with '/' (or every name is one with
    /// \a recursive; a name that turns out to be a file is fetched as one). Call once.
    void start(const QStringList &names, bool recursive, const GetOptions &options);
    const FolderSummary &summary() const { return m_summary; }

signals:
    /// The listing is in: how many files, and how many bytes, the fetch covers.
    void planned(int files, qint64 bytes);
    /// One file's outcome; \a skipped: already complete here, nothing was fetched.
    void fileDone(const ferry::FileResult &result, bool skipped);
    /// The whole fetch: files answered and bytes of them (the one in flight counted as far
    /// as it got).
    void progress(int filesDone, qint64 bytesDone);
    void finished(const ferry::FolderSummary &summary);

private:
    struct Item
    {
        QString name;
        qint64 size = 0;
        QByteArray localMd5; ///< Resume: what the complete-looking local file holds.
    };
    void onListing(const QList<protocol::FileEntry> &entries);
    void plan(const protocol::FileEntry &entry);
    void makeFolder(const QString &name);
    void fetch(const Item &item);
    void onFileFinished(const FileResult &result);
    void onHash(const HashResult &result);
    void onFailed(const Failure &failure);
    void settle(const FileResult &result, bool skipped, qint64 size);
    void maybeFinish();
    /// The MD5 of the local file \a name under the output folder, if it is a regular file.
    QByteArray localMd5(const QString &name) const;

    ClientSession *m_session;
    QStringList m_names;
    bool m_recursive = false;
    GetOptions m_options;
    std::shared_ptr<OutputFolder> m_output;
    QHash<quint64, Item> m_files; ///< Asked for, by request id.
    QHash<quint64, Item> m_hashes; ///< Hash queries, by request id.
    QSet<QString> m_seen;
    FolderSummary m_summary;
    qint64 m_bytesDone = 0;
    quint64 m_current = 0;
    qint64 m_currentDone = 0;
    bool m_planned = false;
    bool m_finished = false;
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::FolderSummary)
