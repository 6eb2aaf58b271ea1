#pragma once

#include "fs/uniquefd.h"

#include <QtGlobal>
#include <functional>
#include <memory>
#include <vector>

namespace ferry {

/// Makes files' data durable (fdatasync) on a few shared "ferry-sync" threads, so the syncs of
/// many small files overlap and the disk flushes them together, and the thread that received
/// the files never waits for the disk. One DataSync per client connection: its results come
/// back in the order the syncs end, tagged, through take().
class DataSync
{
public:
    /// What became of one file: \a error is an errno, 0 when its data is on disk.
    struct Result
    {
        quint64 tag = 0;
        int error = 0;
    };

    /// \a wake runs on a sync thread when a result arrives and none was waiting to be taken;
    /// it should only post a call to take() to the owner's thread.
    explicit DataSync(std::function<void()> wake);
    /// Syncs still queued or running go on (their descriptors close when they end), but their
    /// results are dropped: \a wake is never called once this returns.
    ~DataSync();
    DataSync(const DataSync &) = delete;
    DataSync &operator=(const DataSync &) = delete;

    /// Queues \a fd, a descriptor of its own (it is closed once synced), for \a tag.
    void submit(quint64 tag, UniqueFd fd);
    /// The results since the last call.
    std::vector<Result> take();

    /// Syncs \a fd's data here and now; returns 0 or an errno. The portable fallback is fsync.
    static int syncNow(int fd);

    /// For tests: while held, the sync threads start no new sync, so a file can be caught
    /// between its verification and its sync.
    static void holdForTest(bool hold);

    struct Channel; ///< Where results gather; shared with the sync threads.

private:
    std::shared_ptr<Channel> m_channel;
};

} // namespace ferry
