// TransferModel, how a row changes: the named edits a row goes through from Queued to its
// outcome, and apply(), where news from the network thread lands. The rows themselves and
// their sums are in transfermodel.cpp.
#include "transfermodel.h"

#include "uilog.h"

namespace ferry {

namespace {

bool isActiveState(Transfer::State state)
{
    return state == Transfer::State::Queued || state == Transfer::State::Connecting
        || state == Transfer::State::Running;
}

} // namespace

bool TransferModel::markQueued(quint64 id, bool resume)
{
    Transfer *t = item(id);
    if (!t || t->folder || isActiveState(t->state))
        return false;
    t->options.resume = resume;
    t->state = Transfer::State::Queued;
    t->failure = {};
    t->done = 0;
    t->total = -1;
    t->offset = 0;
    t->localMd5.clear();
    t->remoteMd5.clear();
    changed(id);
    return true;
}

quint32 TransferModel::markRequested(quint64 id)
{
    Transfer *t = item(id);
    if (!t || t->state != Transfer::State::Queued)
        return 0;
    t->state = Transfer::State::Connecting;
    changed(id);
    return ++t->attempt;
}

void TransferModel::markStarted(quint64 id, qint64 size, qint64 offset)
{
    Transfer *t = item(id);
    if (!t || !isActiveState(t->state))
        return;
    t->state = Transfer::State::Running;
    t->failure = {};
    t->total = size;
    t->offset = offset;
    t->done = offset;
    changed(id);
}

void TransferModel::markProgress(quint64 id, qint64 done, qint64 total)
{
    Transfer *t = item(id);
    if (!t)
        return;
    t->done = done;
    t->total = total;
    markDirty(id);
    if (t->parentId)
        account(*t);
}

void TransferModel::markReconnecting(quint64 id, const Failure &why)
{
    Transfer *t = item(id);
    if (!t || !isActiveState(t->state) || t->state == Transfer::State::Queued)
        return;
    // Connecting with a failure reads "Reconnecting"; markStarted() or markResumed() clear it.
    t->state = Transfer::State::Connecting;
    t->failure = why;
    changed(id);
    if (Transfer *folder = t->parentId ? item(t->parentId) : nullptr) {
        // The folder's files share the connection: the folder row says it too.
        folder->state = Transfer::State::Connecting;
        folder->failure = why;
        changed(folder->id);
    }
}

void TransferModel::markResumed(quint64 id)
{
    Transfer *t = item(id);
    if (!t || t->state != Transfer::State::Connecting || t->failure.ok())
        return;
    t->failure = {};
    changed(id);
    if (Transfer *folder = t->parentId ? item(t->parentId) : nullptr) {
        deriveFolderState(*folder);
        changed(folder->id);
    }
}

void TransferModel::markFinished(quint64 id, const FileResult &result)
{
    Transfer *t = item(id);
    if (!t || !isActiveState(t->state))
        return;
    t->localMd5 = result.localMd5;
    // Equal when verified: one shared copy, not two, for each of 100,000 rows.
    t->remoteMd5 = result.remoteMd5 == result.localMd5 ? t->localMd5 : result.remoteMd5;
    t->localPath = result.localPath;
    switch (result.outcome) {
    case FileResult::Outcome::Verified:
        t->total = result.size;
        t->done = result.size;
        markEnded(id, Transfer::State::Verified, {});
        break;
    case FileResult::Outcome::Mismatch:
        markEnded(id, Transfer::State::Mismatch, {ErrorCode::Mismatch, result.remoteName});
        break;
    case FileResult::Outcome::Failed:
        markEnded(id,
            result.failure.code == ErrorCode::Cancelled ? Transfer::State::Cancelled
                                                        : Transfer::State::Failed,
            result.failure);
        break;
    }
}

void TransferModel::markEnded(quint64 id, Transfer::State state, const Failure &failure)
{
    Transfer *t = item(id);
    if (!t || t->folder || !isActiveState(t->state) || isActiveState(state))
        return;
    qCInfo(lcUi) << "transfer" << id << t->remoteName << "ended" << int(state) << int(failure.code)
                 << failure.detail;
    t->state = state;
    t->failure = failure;
    changed(id);
    emit ended(id);
}

bool TransferModel::markFolderFetching(quint64 id)
{
    Transfer *t = item(id);
    if (!t || !t->compact || isActive(id))
        return false;
    t->counts = {};
    t->counts.active = 1; // until the fetch ends: the row is active, Cancel stops it
    t->counts.running = 1;
    t->failedNames.clear();
    t->state = Transfer::State::Connecting;
    t->failure = {};
    t->done = 0;
    t->total = -1;
    changed(id);
    return true;
}

void TransferModel::markFolderPlanned(quint64 id, int files, qint64 bytes)
{
    Transfer *t = item(id);
    if (!t || !t->compact)
        return;
    t->counts.files = files;
    t->total = bytes;
    t->state = Transfer::State::Running;
    changed(id);
}

void TransferModel::markFolderFile(quint64 id, const FileResult &result, bool skipped)
{
    Transfer *t = item(id);
    if (!t || !t->compact)
        return;
    Transfer::Counts &c = t->counts;
    if (skipped || result.outcome == FileResult::Outcome::Verified) {
        ++c.verified;
    } else if (result.failure.code == ErrorCode::Cancelled) {
        ++c.cancelled;
    } else {
        ++c.failed;
        const QString prefix = t->remoteName + QLatin1Char('/');
        if (t->failedNames.size() < kMaxFailedNames && result.remoteName.startsWith(prefix))
            t->failedNames << result.remoteName.mid(prefix.size());
    }
    markDirty(id);
}

void TransferModel::markFolderFetched(quint64 id, const Failure &failure)
{
    Transfer *t = item(id);
    if (!t || !t->compact)
        return;
    Transfer::Counts &c = t->counts;
    c.active = 0;
    c.running = 0;
    // Files never answered (the connection failed or was cancelled) wait for the next Resume.
    c.interrupted = qMax(0, c.files - c.verified - c.failed - c.cancelled);
    if (failure.code == ErrorCode::Cancelled)
        t->state = Transfer::State::Cancelled;
    else if (c.failed > 0)
        t->state = Transfer::State::Failed;
    else if (!failure.ok() || c.interrupted > 0)
        t->state = Transfer::State::Interrupted;
    else
        t->state = Transfer::State::Verified;
    t->failure = t->state == Transfer::State::Failed ? Failure {} : failure;
    if (t->state == Transfer::State::Verified && t->total >= 0)
        t->done = t->total;
    qCInfo(lcUi) << "transfer" << id << t->remoteName << "ended" << int(t->state) << c.verified
                 << "verified" << c.failed << "failed of" << c.files;
    changed(id);
}

void TransferModel::setConflictPolicy(quint64 id, ConflictPolicy policy)
{
    if (Transfer *t = item(id))
        t->options.conflict = policy;
}

void TransferModel::apply(const TransferUpdate &update)
{
    const Transfer *t = find(update.id);
    if (!t || t->attempt != update.attempt || !isActiveState(t->state))
        return;
    switch (update.kind) {
    case TransferUpdate::Kind::Started:
        markStarted(update.id, update.total, update.done);
        break;
    case TransferUpdate::Kind::Progress:
        markProgress(update.id, update.done, update.total);
        break;
    case TransferUpdate::Kind::Reconnecting:
        markReconnecting(update.id, update.failure);
        break;
    case TransferUpdate::Kind::Resumed:
        markResumed(update.id);
        break;
    case TransferUpdate::Kind::Finished:
        markFinished(update.id, update.result);
        break;
    }
}

} // namespace ferry
