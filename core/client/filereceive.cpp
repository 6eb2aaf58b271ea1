#include "client/filereceive.h"

#include "fs/datasync.h"
#include "protocol/names.h"

#include <QDir>

#include <cerrno>

namespace ferry {

using protocol::FrameType;

FileReceive::FileReceive(const FileRequest &request, const GetOptions &options)
    : m_request(request), m_options(options)
{
    m_result.id = request.id;
    m_result.remoteName = request.remoteName;
}

FileReceive::~FileReceive()
{
    if (m_download)
        m_download->abandon(true);
}

void FileReceive::setState(State next)
{
    m_state = next;
}

QByteArray FileReceive::ask(std::shared_ptr<OutputFolder> folder)
{
    Q_ASSERT(m_state == State::Unsent);
    m_folder = std::move(folder);
    if (!isValidRelativeName(m_request.remoteName)) {
        finish(FileResult::Outcome::Failed,
            {ErrorCode::InvalidName, printableName(m_request.remoteName)});
        return {};
    }
    const Download check(m_folder, m_request.localName, m_options.conflict, m_options.resume);
    bool partPresent = false;
    const Failure early = check.precheck(&partPresent);
    if (!early.ok()) {
        finish(FileResult::Outcome::Failed, early);
        return {};
    }
    // A .part to resume needs the Offer's size and mtime first.
    m_acceptUpTo = partPresent ? -1 : kAcceptUpTo;
    setState(State::AwaitOffer);
    return protocol::encodeGetRequest(m_request.remoteName, m_acceptUpTo);
}

FileReceive::Step FileReceive::onFrame(FrameType type, QByteArrayView body, QByteArray *reply)
{
    if (type == FrameType::Error)
        return onError(body);
    switch (m_state) {
    case State::AwaitOffer:
        if (type == FrameType::Offer)
            return onOffer(body, reply);
        break;
    case State::Receiving:
        if (type == FrameType::Data)
            return onData(body);
        if (type == FrameType::End)
            return onEnd(body);
        break;
    case State::Discarding:
        return discard(type, body);
    case State::Unsent:
    case State::Syncing:
    case State::Done:
        break;
    }
    return breakWith(
        {ErrorCode::ProtocolError,
            QStringLiteral("unexpected frame 0x%1").arg(int(type), 2, 16, QLatin1Char('0'))},
        true);
}

FileReceive::Step FileReceive::onOffer(QByteArrayView body, QByteArray *reply)
{
    const auto offer = protocol::parseOffer(body);
    if (!offer || offer->name != m_request.remoteName)
        return breakWith(
            {ErrorCode::ProtocolError, QStringLiteral("offer for another file")}, true);
    const bool accepted = offer->size <= m_acceptUpTo;
    m_result.size = offer->size;
    if (m_cancelled) {
        if (!accepted) {
            *reply = protocol::encodeFrame(FrameType::Decline);
            return finish(FileResult::Outcome::Failed, {});
        }
        m_discardLeft = offer->size;
        setState(State::Discarding);
        return Step::More;
    }
    m_download = std::make_unique<Download>(
        m_folder, m_request.localName, m_options.conflict, m_options.resume);
    Failure failure;
    const qint64 offset = m_download->begin(*offer, accepted, &failure);
    // Opening or creating the local folders is part of writing the file; "the server could
    // not read" is only ever the server's own word, in an Error frame.
    if (failure.code == ErrorCode::ReadFailed)
        failure.code = ErrorCode::WriteFailed;
    if (offset < 0) {
        m_download.reset();
        if (accepted) {
            // The bytes are already coming: read past them, then report this file only.
            m_discardFailure = failure;
            m_discardLeft = offer->size;
            setState(State::Discarding);
            return Step::More;
        }
        *reply = protocol::encodeFrame(FrameType::Decline);
        return finish(FileResult::Outcome::Failed, failure);
    }
    m_result.offset = offset;
    if (!accepted)
        *reply = protocol::encodeAccept(offset);
    setState(State::Receiving);
    return Step::Started;
}

FileReceive::Step FileReceive::onData(QByteArrayView body)
{
    if (m_cancelled)
        return Step::More;
    Failure failure;
    if (!m_download->append(body, &failure))
        return breakWith(failure, failure.code != ErrorCode::ProtocolError);
    return Step::More;
}

std::pair<char *, qint64> FileReceive::reserve(qint64 max)
{
    if (m_state != State::Receiving)
        return {nullptr, 0};
    if (m_cancelled) {
        // A body may be half streamed when the user cancels: the rest goes nowhere.
        constexpr qint64 kScratch = 256 * 1024;
        m_scratch.resize(kScratch);
        return {m_scratch.data(), qMin(max, kScratch)};
    }
    return m_download->reserve(max);
}

bool FileReceive::commit(char *, qint64 n)
{
    if (m_cancelled)
        return true;
    Failure failure;
    if (m_download->commit(n, &failure))
        return true;
    breakWith(failure, true);
    return false;
}

FileReceive::Step FileReceive::onEnd(QByteArrayView body)
{
    const auto md5 = protocol::parseEnd(body);
    if (!md5)
        return breakWith({ErrorCode::ProtocolError, QStringLiteral("malformed MD5")}, false);
    if (m_cancelled)
        return finish(FileResult::Outcome::Failed, {});
    Failure failure;
    m_result.localMd5 = m_download->verify(*md5, &failure);
    m_result.remoteMd5 = *md5;
    // A window keeps each file's result, 100,000 of them for a big folder: one copy of the
    // digest when the two agree (they are separate buffers until here).
    if (m_result.localMd5 == m_result.remoteMd5)
        m_result.localMd5 = m_result.remoteMd5;
    if (failure.ok()) {
        // Not "verified" until its data is on disk and it has its name: see synced().
        setState(State::Syncing);
        return Step::Verified;
    }
    if (failure.code != ErrorCode::Mismatch)
        m_result.localMd5.clear();
    return finish(failure.code == ErrorCode::Mismatch ? FileResult::Outcome::Mismatch
                                                      : FileResult::Outcome::Failed,
        failure);
}

UniqueFd FileReceive::syncHandle() const
{
    return m_state == State::Syncing ? m_download->syncHandle() : UniqueFd();
}

FileReceive::Step FileReceive::synced(int syncError)
{
    Q_ASSERT(m_state == State::Syncing);
    Failure failure;
    if (m_download->publish(syncError, &failure))
        m_result.localPath = QDir(m_options.outputDir).filePath(m_download->finalName());
    else if (failure.code != ErrorCode::AlreadyExists)
        m_result.localMd5.clear();
    return finish(
        failure.ok() ? FileResult::Outcome::Verified : FileResult::Outcome::Failed, failure);
}

void FileReceive::syncNow()
{
    if (m_state != State::Syncing)
        return;
    const UniqueFd fd = syncHandle();
    synced(fd ? DataSync::syncNow(fd.get()) : EBADF);
}

FileReceive::Step FileReceive::onError(QByteArrayView body)
{
    const auto failure = protocol::parseError(body);
    if (!failure)
        return breakWith({ErrorCode::ProtocolError, QStringLiteral("bad error frame")}, true);
    // Codes 1-4 in place of an Offer answer this file only (docs/protocol.md); anything
    // else, or any code once the data has begun, ends the connection.
    if (m_state == State::AwaitOffer && isPerFileCode(failure->code))
        return finish(FileResult::Outcome::Failed, {failure->code, m_request.remoteName});
    if (failure->code == ErrorCode::FileChanged
        && (m_state == State::Receiving || m_state == State::Discarding)) {
        // Version 3: in place of End, it ends this file only. What arrived of it is dropped,
        // never kept as a .part to resume: its head and tail would be two versions.
        if (m_download)
            m_download->abandon(false);
        m_result.localMd5.clear();
        return finish(FileResult::Outcome::Failed, {failure->code, m_request.remoteName});
    }
    return breakWith(*failure, failure->code != ErrorCode::FileChanged);
}

FileReceive::Step FileReceive::discard(FrameType type, QByteArrayView body)
{
    if (type == FrameType::Data && body.size() <= m_discardLeft) {
        m_discardLeft -= body.size();
        return Step::More;
    }
    if (type == FrameType::End && m_discardLeft == 0 && protocol::parseEnd(body))
        return finish(FileResult::Outcome::Failed, m_discardFailure);
    return breakWith(
        {ErrorCode::ProtocolError, QStringLiteral("data past the offered size")}, true);
}

qint64 FileReceive::received() const
{
    return m_download ? m_download->received() : 0;
}

FileReceive::Step FileReceive::finish(FileResult::Outcome outcome, const Failure &failure)
{
    m_result.outcome = outcome;
    m_result.failure = failure;
    if (m_cancelled) {
        // Whatever the server said meanwhile, the user's word is the outcome.
        m_result.outcome = FileResult::Outcome::Failed;
        m_result.failure = {ErrorCode::Cancelled, {}};
        m_result.localMd5.clear();
        m_result.localPath.clear();
    }
    m_download.reset();
    setState(State::Done);
    return Step::Finished;
}

FileReceive::Step FileReceive::breakWith(const Failure &failure, bool keepPart)
{
    if (m_download)
        m_download->abandon(keepPart);
    m_broken = failure;
    fail(failure);
    return Step::Broken;
}

void FileReceive::fail(const Failure &failure)
{
    if (m_state == State::Done)
        return;
    if (m_download) {
        // Interrupted, not wrong: keep the .part so the download can resume.
        m_download->abandon(true);
    }
    m_result.localMd5.clear();
    finish(FileResult::Outcome::Failed, failure);
}

void FileReceive::cancel()
{
    if (m_state == State::Done || m_cancelled)
        return;
    m_cancelled = true;
    switch (m_state) {
    case State::Unsent:
        finish(FileResult::Outcome::Failed, {});
        break;
    case State::Receiving:
        // Keep what arrived for a resume; the rest of the body is read past.
        m_download->abandon(true);
        m_download.reset();
        break;
    case State::Syncing:
        // Whole and verified, but not on disk yet: it never gets its name (the sync's result
        // finds it Done); the .part stays for a resume, which finds it complete.
        fail({ErrorCode::Cancelled, {}});
        break;
    case State::AwaitOffer: // onOffer() declines, or reads past what is already coming.
    case State::Discarding:
    case State::Done:
        break;
    }
}

void FileReceive::suspend()
{
    if (m_cancelled) {
        // Nothing to continue on the next connection.
        finish(FileResult::Outcome::Failed, {});
        return;
    }
    switch (m_state) {
    case State::Receiving:
        m_download->abandon(true);
        m_download.reset();
        // The .part is ours now: the next connection continues it.
        m_options.resume = true;
        setState(State::Unsent);
        break;
    case State::AwaitOffer:
        setState(State::Unsent);
        break;
    case State::Discarding:
        finish(FileResult::Outcome::Failed, m_discardFailure);
        break;
    case State::Syncing: // Every byte is in: the drop doesn't concern it.
    case State::Unsent:
    case State::Done:
        break;
    }
}

} // namespace ferry
