#pragma once

#include "client/download.h"
#include "protocol/errorcode.h"
#include "protocol/frame.h"
#include "protocol/messages.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <memory>

namespace ferry {

/// What the client asks for: a remote name, saved under localName (default: the same).
struct FileRequest
{
    quint64 id = 0;
    QString remoteName;
    QString localName;
};

struct GetOptions
{
    QString outputDir;
    ConflictPolicy conflict = ConflictPolicy::Fail;
    bool resume = false;
};

/// The outcome of one requested file.
struct FileResult
{
    enum class Outcome {
        Verified,
        Mismatch,
        Failed,
    };
    quint64 id = 0;
    QString remoteName;
    QString localPath; ///< Where the verified file now is.
    qint64 size = 0;
    qint64 offset = 0; ///< Where a resume started.
    QByteArray localMd5;
    QByteArray remoteMd5;
    Outcome outcome = Outcome::Failed;
    Failure failure;
};

/// The server's answer to a hash query: a file's MD5 without the file.
struct HashResult
{
    quint64 id = 0;
    QString remoteName;
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray md5; ///< Lowercase hex of the whole file; empty on failure.
    Failure failure;
};

/// One requested file, from the GetRequest to its result: the server's answer to it (an
/// Offer, Data, End, or an Error) drives one state machine, and it owns the Download the
/// bytes go into. It is also the target a FrameReader streams Data bodies into.
class FileReceive
{
public:
    enum class State {
        Unsent, ///< Not asked for yet (or asked on a connection that dropped).
        AwaitOffer,
        Receiving,
        Discarding, ///< Accepted in advance but can't be saved: read past its bytes.
        Syncing, ///< Verified; its data is being synced, then it is renamed (synced()).
        Done, ///< result() is final.
    };
    /// What a frame did to the file.
    enum class Step {
        More, ///< Still waiting for frames.
        Started, ///< An Offer was taken: the data follows.
        Finished, ///< Done; result() holds the outcome.
        Verified, ///< All bytes are in and match: sync syncHandle(), then call synced().
        Broken, ///< The connection is out of step or the disk failed: see broken().
    };
    /// Files up to this size are accepted in the request itself, so many small files don't
    /// each cost a round trip. A file we then can't save is read past, so this also bounds
    /// the waste.
    static constexpr qint64 kAcceptUpTo = 8 * 1024 * 1024;

    FileReceive(const FileRequest &request, const GetOptions &options);
    ~FileReceive();
    FileReceive(const FileReceive &) = delete;
    FileReceive &operator=(const FileReceive &) = delete;

    State state() const { return m_state; }
    const FileRequest &request() const { return m_request; }
    const GetOptions &options() const { return m_options; }
    /// Checks the request locally; returns the GetRequest frame to send, or an empty array
    /// when the file failed before asking (then it is Done).
    QByteArray ask(std::shared_ptr<OutputFolder> folder);
    /// A frame answering this file; \a reply gets an Accept or a Decline to send.
    Step onFrame(protocol::FrameType type, QByteArrayView body, QByteArray *reply);
    /// FrameReader's target: room for Data bytes read straight into the file.
    std::pair<char *, qint64> reserve(qint64 max);
    bool commit(char *data, qint64 n);
    /// The connection dropped: keep the .part and go back to Unsent, so the next connection
    /// asks again and continues from what is on disk. A file being read past just fails.
    void suspend();
    /// Ends the file with \a failure (the .part, if any, is kept for a resume). A file
    /// still Syncing is never renamed.
    void fail(const Failure &failure);
    /// A descriptor of its own on the verified .part (state Syncing), to sync elsewhere.
    UniqueFd syncHandle() const;
    /// Its sync ended with \a syncError (an errno, 0 when its data is on disk): renames it
    /// into place, or fails it with WriteFailed and keeps the .part. Returns Finished.
    Step synced(int syncError);
    /// Syncs and renames a Syncing file here and now (when there is no waiting for the sync
    /// threads: the connection is gone but the file is whole).
    void syncNow();
    /// The user gave it up; it ends as Cancelled and keeps its .part. Unsent, it is Done at
    /// once; asked for, it declines the Offer, or reads past the bytes already coming.
    void cancel();
    bool isCancelled() const { return m_cancelled; }

    qint64 received() const;
    qint64 size() const { return m_result.size; }
    const FileResult &result() const { return m_result; }
    const Failure &broken() const { return m_broken; }

private:
    Step onOffer(QByteArrayView body, QByteArray *reply);
    Step onData(QByteArrayView body);
    Step onEnd(QByteArrayView body);
    Step onError(QByteArrayView body);
    Step discard(protocol::FrameType type, QByteArrayView body);
    Step finish(FileResult::Outcome outcome, const Failure &failure);
    Step breakWith(const Failure &failure, bool keepPart);
    /// The one place the state changes.
    void setState(State next);

    FileRequest m_request;
    GetOptions m_options;
    State m_state = State::Unsent;
    std::shared_ptr<OutputFolder> m_folder;
    qint64 m_acceptUpTo = -1; ///< What the GetRequest accepted in advance.
    std::unique_ptr<Download> m_download;
    qint64 m_discardLeft = 0;
    Failure m_discardFailure;
    Failure m_broken;
    FileResult m_result;
    bool m_cancelled = false;
    QByteArray m_scratch; ///< Where a cancelled file's streamed Data bodies go.
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::FileResult)
Q_DECLARE_METATYPE(ferry::HashResult)
Q_DECLARE_METATYPE(ferry::Failure)
