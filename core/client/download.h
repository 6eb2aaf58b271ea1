#pragma once

#include "fs/filesink.h"
#include "fs/md5.h"
#include "fs/uniquefd.h"
#include "protocol/errorcode.h"
#include "protocol/messages.h"

#include <QString>
#include <memory>
#include <vector>

namespace ferry {

/// What to do when the final name already exists.
enum class ConflictPolicy {
    Fail, ///< Refuse; nothing is downloaded.
    Overwrite, ///< Replace it, but only after verification.
    KeepBoth, ///< Save as "name (1).ext".
};

/// The folder downloads are saved into: created if missing and opened once, then shared by
/// the downloads of a session, so each file costs no more than its own handful of calls.
class OutputFolder
{
public:
    explicit OutputFolder(const QString &path);
    ~OutputFolder();
    OutputFolder(const OutputFolder &) = delete;
    OutputFolder &operator=(const OutputFolder &) = delete;

    QString path() const { return m_path; }
    int fd() const { return m_fd.get(); } ///< -1 when it could not be opened; see error().
    Failure error() const { return m_error; }
    /// The handle is open and \a path still names that folder (not removed or replaced).
    bool isCurrent() const;
    /// Remembers that a file was renamed into \a dirFd: the folder is synced once, when this
    /// object goes (the end of a run), not once per file, which cost small files 90% of
    /// their speed.
    void syncLater(int dirFd) const;

private:
    QString m_path;
    UniqueFd m_fd;
    Failure m_error;
    mutable std::vector<int> m_unsynced; ///< Folders (own descriptors) to sync at the end.
};

/// One download as a transaction: NAME.part is created exclusively (never through a
/// symlink), its MD5 is computed as bytes arrive, and only a verified file is renamed to the
/// final name. NAME.part.meta beside it remembers the source's size and mtime for resume.
class Download
{
public:
    Download(std::shared_ptr<const OutputFolder> folder, const QString &localName,
        ConflictPolicy policy, bool resume);
    ~Download();
    Download(const Download &) = delete;
    Download &operator=(const Download &) = delete;

    /// Checks before asking: a bad local name or a final file that exists (policy Fail).
    /// \a partPresent tells whether a .part waits to be resumed.
    Failure precheck(bool *partPresent = nullptr) const;

    /// Prepares for \a offer: creates or reopens the .part and hashes what it already holds.
    /// Returns the offset to accept at, or -1 with \a error. With \a fromStart (the data
    /// is already on its way from byte 0) an existing .part is never resumed.
    qint64 begin(const protocol::FileEntry &offer, bool fromStart, Failure *error);

    bool append(QByteArrayView data, Failure *error);
    /// Memory for some of the next \a max bytes of the file, read straight into place, when
    /// all \a max fit in the offer (big files only; otherwise {nullptr, 0}). commit() then
    /// counts them as append() would.
    std::pair<char *, qint64> reserve(qint64 max);
    bool commit(qint64 n, Failure *error);
    qint64 received() const { return m_received; }

    /// Ends the transaction with the server's MD5: verifies, syncs, then renames. The .part
    /// is deleted on a mismatch. Returns the local MD5 in hex. verify(), a sync of
    /// syncHandle() and publish() are the same in three steps, for a sync on another thread.
    QByteArray finish(const QByteArray &expectedMd5Hex, Failure *error);

    /// Checks the size and \a expectedMd5Hex. On success (\a error stays ok) the .part stays
    /// open and locked, waiting for publish(); otherwise it is abandoned as finish() would.
    /// Returns the local MD5 in hex.
    QByteArray verify(const QByteArray &expectedMd5Hex, Failure *error);
    /// A descriptor of its own on the verified .part, for DataSync; invalid on failure.
    UniqueFd syncHandle() const;
    /// After the sync of a verified .part ended with \a syncError (an errno, 0 when its data
    /// is on disk): renames it to the final name, or keeps the .part and sets \a error.
    bool publish(int syncError, Failure *error);

    /// Stops without verification; keeps the .part for a later resume if \a keepPart.
    void abandon(bool keepPart);

    QString finalName() const { return m_finalName; } ///< Relative to the output folder.
    QString localName() const { return m_localName; }
    QByteArray localMd5() const { return m_md5; }

private:
    bool hashExisting(qint64 size, Failure *error);
    bool readMeta(protocol::FileEntry *meta) const;
    void writeMeta();
    void removePart();

    std::shared_ptr<const OutputFolder> m_folder;
    UniqueFd m_dirFd;
    UniqueFd m_fd;
    QString m_localName;
    QString m_leaf;
    QString m_partLeaf;
    QString m_metaLeaf;
    QString m_finalName;
    ConflictPolicy m_policy;
    bool m_resume;
    bool m_hasMeta = false; ///< NAME.part.meta may exist: remove it with the .part.
    protocol::FileEntry m_offer;
    qint64 m_received = 0;
    QByteArray m_md5;
    Md5 m_hash;
    std::unique_ptr<FileSink> m_sink; ///< Declared after m_hash: it uses it until destroyed.
};

} // namespace ferry
