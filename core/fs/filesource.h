#pragma once

#include "fs/md5.h"

#include <QByteArrayView>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace ferry {

/// Reads a big file ahead of its send, into a few aligned blocks, on a thread of its own, and
/// hashes them on another (so disk waits overlap hashing); the session's thread only sends. The
/// thread runs at a lower priority, like a download's, so a busy machine answers small requests
/// first. A file that is mostly not in the page cache is read with O_DIRECT: on a busy machine,
/// filling the page cache while a socket streams cost more CPU than the network itself (see
/// docs/performance.md), and a file served once doesn't push everything else out of the cache.
class FileSource
{
public:
    /// Reads \a fd from offset 0 up to \a size. The fd must stay open while this lives.
    /// \a allowDirect permits O_DIRECT for a file mostly not in the page cache (not when
    /// others read the same file: the cache then serves them all from one disk read).
    /// \a onReady is called, from the reader's thread, when next() said "not yet" and a
    /// block has arrived since.
    /// With \a hash, the reader also hashes every block (in file order) before handing it
    /// over; once next() has returned the whole file, \a hash holds all of it.
    FileSource(int fd, qint64 size, bool allowDirect, Md5 *hash, std::function<void()> onReady);
    ~FileSource();
    FileSource(const FileSource &) = delete;
    FileSource &operator=(const FileSource &) = delete;

    enum class Status {
        Ready,
        NotYet, ///< Nothing read ahead yet; onReady follows. The caller's thread never waits.
        Ended, ///< The file ended before its size (it shrank).
        Failed, ///< A read failed; see error.
    };
    /// The next bytes of the file, at most \a max, valid until the next call.
    QByteArrayView next(qint64 max, Status *status, int *error);

    /// At least this many bytes left to send make a FileSource worth its thread.
    static constexpr qint64 kMinSize = 8 * 1024 * 1024;

private:
    struct Block
    {
        char *data = nullptr;
        qint64 size = 0; ///< Bytes read into it; less than the block at the end.
        int error = 0;
    };
    void readerLoop();
    void hasherLoop();

    int m_fd;
    qint64 m_size;
    std::atomic<bool> m_direct {false};
    std::vector<char *> m_buffers;
    Block m_front; ///< Being handed out by next(), on the session's side.
    qint64 m_frontPos = 0;

    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<Block> m_read; ///< Read, waiting to be hashed (with a hash only).
    std::deque<Block> m_ready; ///< Read (and hashed), waiting to be sent.
    std::deque<char *> m_free;
    bool m_stopping = false;
    bool m_notify = false; ///< next() found nothing: call m_onReady with the next block.
    std::function<void()> m_onReady;
    Md5 *m_hash;
    std::thread m_thread;
    std::thread m_hashThread;
};

} // namespace ferry
