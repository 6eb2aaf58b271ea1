#include "fs/filesink.h"

#include "fs/bulkthread.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ferry {
namespace {
constexpr qint64 kBlock = 2 * 1024 * 1024;
constexpr int kBuffers = 4;
constexpr qint64 kAlign = 4096;
constexpr qint64 kAsyncThreshold = 8 * 1024 * 1024;
} // namespace

FileSink::FileSink(int fd, qint64 offset, qint64 expectedTotal, Md5 *hash)
    : m_fd(fd)
    , m_filePos(offset)
    , m_hash(hash)
    , m_blockStart(offset)
    , m_async(expectedTotal - offset >= kAsyncThreshold)
{
    if (!m_async)
        return;
    for (int i = 0; i < kBuffers; ++i) {
        char *p = static_cast<char *>(std::aligned_alloc(kAlign, kBlock));
        if (!p) {
            // Out of memory: write synchronously, as for a small file, rather than not at all.
            for (char *q : m_buffers)
                std::free(q);
            m_buffers.clear();
            m_free.clear();
            m_async = false;
            return;
        }
        m_buffers.push_back(p);
        m_free.push_back(p);
    }
    m_current.data = m_free.front();
    m_free.pop_front();
    // The first block ends on an alignment boundary so every later one can go direct.
    m_hashThread = std::thread([this] { hasherLoop(); });
    m_thread = std::thread([this] { writerLoop(); });
}

FileSink::~FileSink()
{
    Failure ignored;
    finish(&ignored);
    for (char *p : m_buffers)
        std::free(p);
}

bool FileSink::append(QByteArrayView data, Failure *error)
{
    if (!m_async) {
        m_hash->addData(data);
        m_error = writeAll(data.data(), data.size());
        if (m_error) {
            *error = {ErrorCode::WriteFailed, QString::fromLocal8Bit(strerror(m_error))};
            return false;
        }
        return true;
    }
    const char *p = data.data();
    qint64 left = data.size();
    while (left > 0) {
        const auto [into, room] = reserve(left);
        if (!into) { // a write failed earlier and the pipeline stopped
            std::lock_guard lock(m_mutex);
            *error = {ErrorCode::WriteFailed, QString::fromLocal8Bit(strerror(m_error))};
            return false;
        }
        memcpy(into, p, size_t(room));
        p += room;
        left -= room;
        if (!commit(room, error))
            return false;
    }
    return true;
}

std::pair<char *, qint64> FileSink::reserve(qint64 max)
{
    if (!m_async || !m_current.data)
        return {nullptr, 0};
    const qint64 cap = kBlock - m_blockStart % kAlign;
    return {m_current.data + m_current.size, qMin(max, cap - m_current.size)};
}

bool FileSink::commit(qint64 n, Failure *error)
{
    const qint64 cap = kBlock - m_blockStart % kAlign;
    m_current.size += n;
    if (m_current.size == cap)
        submitCurrent();
    std::lock_guard lock(m_mutex);
    if (m_error || !m_current.data) {
        *error = {ErrorCode::WriteFailed, QString::fromLocal8Bit(strerror(m_error))};
        return false;
    }
    return true;
}

void FileSink::submitCurrent()
{
    m_blockStart += m_current.size;
    std::unique_lock lock(m_mutex);
    m_hashQueue.push_back(m_current);
    m_current = {};
    m_cond.notify_all();
    m_cond.wait(lock, [this] { return !m_free.empty() || m_error; });
    if (m_error)
        return;
    m_current.data = m_free.front();
    m_free.pop_front();
}

bool FileSink::finish(Failure *error)
{
    if (m_async && m_thread.joinable()) {
        {
            std::lock_guard lock(m_mutex);
            if (m_current.data && m_current.size > 0)
                m_hashQueue.push_back(m_current);
            else if (m_current.data)
                m_free.push_back(m_current.data);
            m_current = {};
            m_stopping = true;
            m_cond.notify_all();
        }
        m_hashThread.join();
        m_thread.join();
    }
    if (m_error) {
        *error = {ErrorCode::WriteFailed, QString::fromLocal8Bit(strerror(m_error))};
        return false;
    }
    return true;
}

void FileSink::hasherLoop()
{
    becomeBulkThread("ferry-hash");
    for (;;) {
        Block block;
        {
            std::unique_lock lock(m_mutex);
            m_cond.wait(lock, [this] { return !m_hashQueue.empty() || m_stopping; });
            if (m_hashQueue.empty()) {
                m_hashed = true;
                m_cond.notify_all();
                return;
            }
            block = m_hashQueue.front();
            m_hashQueue.pop_front();
        }
        m_hash->addData(QByteArrayView(block.data, block.size));
        std::lock_guard lock(m_mutex);
        m_queue.push_back(block);
        m_cond.notify_all();
    }
}

void FileSink::writerLoop()
{
    becomeBulkThread("ferry-write");
    for (;;) {
        Block block;
        {
            std::unique_lock lock(m_mutex);
            m_cond.wait(lock, [this] { return !m_queue.empty() || m_hashed; });
            if (m_queue.empty())
                return;
            block = m_queue.front();
            m_queue.pop_front();
        }
        const int err = writeBlock(block);
        std::lock_guard lock(m_mutex);
        if (err && !m_error)
            m_error = err;
        m_free.push_back(block.data);
        m_cond.notify_all();
        if (m_error)
            return;
    }
}

int FileSink::writeBlock(const Block &block)
{
    const char *p = block.data;
    qint64 left = block.size;
    // Buffered up to the next boundary, then whole aligned blocks direct, then the tail.
    const qint64 head = qMin(left, (kAlign - m_filePos % kAlign) % kAlign);
    if (head > 0) {
        useDirect(false);
        if (const int err = writeAll(p, head))
            return err;
        p += head;
        left -= head;
    }
    const qint64 body = left - left % kAlign;
    if (body > 0 && reinterpret_cast<quintptr>(p) % kAlign == 0) {
        useDirect(true);
        const qint64 before = m_filePos;
        if (const int err = writeAll(p, body)) {
            if (err != EINVAL || m_filePos != before)
                return err;
            // The filesystem refuses O_DIRECT (tmpfs, some FUSE): write through the cache.
            m_directRefused = true;
            useDirect(false);
            if (const int again = writeAll(p, body))
                return again;
        }
        p += body;
        left -= body;
    }
    if (left > 0) {
        useDirect(false);
        return writeAll(p, left);
    }
    return 0;
}

void FileSink::useDirect(bool on)
{
    on = on && !m_directRefused;
    if (on == m_direct)
        return;
#ifdef O_DIRECT
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (::fcntl(m_fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) != 0) {
        m_directRefused = true;
        return;
    }
    m_direct = on;
#endif
}

int FileSink::writeAll(const char *p, qint64 n)
{
    while (n > 0) {
        const ssize_t w = ::write(m_fd, p, size_t(n));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return w == 0 ? ENOSPC : errno;
        p += w;
        n -= w;
        m_filePos += w;
    }
    return 0;
}

} // namespace ferry
