#pragma once

#include "fs/md5.h"
#include "protocol/errorcode.h"

#include <QByteArrayView>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace ferry {

/// Takes a download's bytes off the socket's thread through a two-stage pipeline: a hasher
/// thread computes the MD5 while a writer thread writes the blocks before it, aligned and
/// with O_DIRECT where the filesystem allows it. On a busy page
/// cache, buffered writes of new pages cost more than the network; direct writes don't.
/// Small files skip the thread and are written in place.
class FileSink
{
public:
    /// \a fd is positioned at \a offset; \a hash already holds the bytes before it.
    FileSink(int fd, qint64 offset, qint64 expectedTotal, Md5 *hash);
    ~FileSink();
    FileSink(const FileSink &) = delete;
    FileSink &operator=(const FileSink &) = delete;

    /// Queues \a data; fails with the first write error seen so far.
    bool append(QByteArrayView data, Failure *error);
    /// Room in the block being filled, for up to \a max bytes read straight into it, or
    /// {nullptr, 0} for a small file (written in place) or after an error. Pair with commit().
    std::pair<char *, qint64> reserve(qint64 max);
    /// Takes \a n bytes just written at reserve()'s pointer, as append() would.
    bool commit(qint64 n, Failure *error);
    /// Writes everything queued and stops the thread.
    bool finish(Failure *error);

private:
    struct Block
    {
        char *data = nullptr;
        qint64 size = 0;
    };
    void hasherLoop();
    void writerLoop();
    int writeBlock(const Block &block); ///< 0 or an errno value.
    int writeAll(const char *p, qint64 n);
    void useDirect(bool on);
    void submitCurrent();

    int m_fd;
    qint64 m_filePos; ///< Where the next write lands; the writer's side.
    Md5 *m_hash;
    qint64 m_blockStart; ///< File position of m_current's first byte; the socket's side.
    bool m_async;
    bool m_direct = false;
    bool m_directRefused = false;
    std::vector<char *> m_buffers;
    Block m_current;

    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<Block> m_hashQueue; ///< Full blocks for the hasher.
    std::deque<Block> m_queue; ///< Hashed blocks for the writer.
    bool m_hashed = false; ///< The hasher has seen the last block.
    std::deque<char *> m_free; ///< Empty buffers for the socket side.
    bool m_stopping = false;
    int m_error = 0; ///< The first errno; guarded by m_mutex while the thread runs.
    std::thread m_hashThread;
    std::thread m_thread;
};

} // namespace ferry
