// ClientConnection's answers: what the server says about each request (a file's Offer, Data
// and End; the listing's frames; a hash reply), taken apart here, and the order in which
// finished files are named. The read loop that calls them is in clientconnection.cpp.
#include "client/clientconnection.h"

#include "protocol/messages.h"
#include "protocol/names.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcClient)

namespace ferry {

using protocol::FrameType;

namespace {
/// A server could send listing frames forever; a million entries is past any real share.
constexpr qsizetype kMaxListedFiles = 1000000;
} // namespace

bool ClientConnection::handleFile(FileReceive *file, FrameType type, QByteArrayView body)
{
    if (type == FrameType::Offer && file->state() == FileReceive::State::AwaitOffer)
        settleNamesBefore(file);
    QByteArray reply;
    const bool wasReceiving = file->state() == FileReceive::State::Receiving;
    const qint64 received = file->received();
    const FileReceive::Step step = file->onFrame(type, body, &reply);
    if (!reply.isEmpty())
        write(reply);
    switch (step) {
    case FileReceive::Step::More:
        if (type == FrameType::Data)
            emitProgress(file, false);
        return true;
    case FileReceive::Step::Started:
        emit fileStarted(
            file->request().id, file->request().remoteName, file->size(), file->result().offset);
        m_progressClock.start();
        emitProgress(file, true);
        return false;
    case FileReceive::Step::Verified:
        // The sync threads make it durable, so this thread reads on meanwhile.
        m_sync.submit(file->request().id, file->syncHandle());
        [[fallthrough]];
    case FileReceive::Step::Finished:
        if (wasReceiving && type == FrameType::End)
            emit fileProgress(file->request().id, received, file->size());
        flushDone();
        sendPending();
        return false;
    case FileReceive::Step::Broken:
        dropped(file->broken());
        return false;
    }
    return false;
}

bool ClientConnection::handleList(FrameType type, QByteArrayView body)
{
    if (type == FrameType::ListEntries) {
        const auto entries = protocol::parseListEntries(body);
        if (!entries) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad listing")});
            return false;
        }
        if (m_listing.size() + entries->size() > kMaxListedFiles) {
            fail({ErrorCode::ProtocolError, QStringLiteral("listing too long")});
            return false;
        }
        for (const auto &e : *entries) {
            if (isValidRelativeName(e.name))
                m_listing.append(e);
        }
        return true;
    }
    if (type == FrameType::ListEnd) {
        Job *job = current();
        job->listing = std::move(m_listing);
        job->answered = true;
        m_listing.clear();
        flushDone();
        sendPending();
        return false;
    }
    if (type == FrameType::Error) {
        const auto failure = protocol::parseError(body);
        dropped(failure ? *failure : Failure {ErrorCode::ProtocolError, {}});
        return false;
    }
    fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame in listing")});
    return false;
}

bool ClientConnection::handleHash(FrameType type, QByteArrayView body)
{
    HashResult r;
    if (type == FrameType::HashReply) {
        const auto reply = protocol::parseHashReply(body);
        if (!reply || reply->entry.name != current()->hashName) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad hash reply")});
            return false;
        }
        r.size = reply->entry.size;
        r.mtimeMs = reply->entry.mtimeMs;
        r.md5 = reply->md5Hex;
    } else if (type == FrameType::Error) {
        const auto failure = protocol::parseError(body);
        if (!failure) {
            fail({ErrorCode::ProtocolError, QStringLiteral("bad error frame")});
            return false;
        }
        // Like a file's refusal: these codes answer this query only.
        if (!isPerFileCode(failure->code) && failure->code != ErrorCode::FileChanged) {
            dropped(*failure);
            return false;
        }
        r.failure = {failure->code, current()->hashName};
    } else {
        fail({ErrorCode::ProtocolError, QStringLiteral("unexpected frame for a hash query")});
        return false;
    }
    finishHash(r);
    flushDone();
    sendPending();
    return false;
}

/// Answers the current hash query, once the requests before it are answered.
void ClientConnection::finishHash(HashResult result)
{
    Job *job = current();
    result.id = job->hashId;
    result.remoteName = job->hashName;
    job->hash = result;
    job->answered = true;
}

/// A file to be saved under, or inside, the name of an earlier one still waiting for its sync:
/// the earlier one is synced and named first, here and now, so the names end as they would
/// one file at a time ("d/a" then "d/a/b": the file "d/a" wins, and "d/a/b" fails).
void ClientConnection::settleNamesBefore(const FileReceive *file)
{
    const QString &mine = file->request().localName;
    for (Job &job : m_jobs) {
        if (job.file.get() == file)
            return;
        if (!job.file || job.file->state() != FileReceive::State::Syncing)
            continue;
        const QString &theirs = job.file->request().localName;
        if (mine == theirs
            || (mine.startsWith(theirs) && mine.at(theirs.size()) == QLatin1Char('/')))
            job.file->syncNow();
    }
}

} // namespace ferry
