#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

namespace ferry {

/// Reads a big file ahead of its send on a thread of its own, into a few aligned blocks, so
/// the session's thread only hashes and sends. A file that is mostly not in the page cache is
/// read with O_DIRECT: on a busy machine, filling the page cache while a socket streams cost
/// more CPU than the network itself (see docs/performance.md), and a file served once doesn't
/// push everything else out of the cache.
class FileSource
{
public:
    /// Reads \a fd from offset 0 up to \a size. The fd must stay open while this lives.
    FileSource(int fd, qint64 size);
    ~FileSource();
    FileSource(const FileSource &) = delete;
    FileSource &operator=(const FileSource &) = delete;

    /// The next bytes of the file, at most \a max; waits for the reader if needed. The view is
    /// valid until the next call. An empty view means the end came early (\a error 0: the
    /// file shrank) or a read failed (\a error is the errno).
    QByteArrayView next(qint64 max, int *error);
    bool isDirect() const { return m_direct.load(); }

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

    int m_fd;
    qint64 m_size;
    std::atomic<bool> m_direct {false};
    std::vector<char *> m_buffers;
    Block m_front; ///< Being handed out by next(), on the session's side.
    qint64 m_frontPos = 0;

    std::mutex m_mutex;
    std::condition_variable m_cond;
    std::deque<Block> m_ready; ///< Read, waiting to be sent.
    std::deque<char *> m_free;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ferry
