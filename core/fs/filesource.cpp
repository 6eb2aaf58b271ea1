#include "fs/filesource.h"

#include "fs/bulkthread.h"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utility>

namespace ferry {
namespace {
constexpr qint64 kBlock = 2 * 1024 * 1024;
constexpr int kBuffers = 4;
constexpr qint64 kAlign = 4096;

/// Whether less than half of the file's pages are in the page cache. mincore only looks at
/// the mapping; no page is touched, so a file shrinking meanwhile can't fault.
bool mostlyUncached(int fd, qint64 size)
{
#ifdef Q_OS_LINUX
    void *map = ::mmap(nullptr, size_t(size), PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        return false;
    const long page = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> resident(size_t((size + page - 1) / page));
    qint64 cached = 0;
    if (::mincore(map, size_t(size), resident.data()) == 0) {
        for (const unsigned char r : resident)
            cached += r & 1;
    } else {
        cached = qint64(resident.size());
    }
    ::munmap(map, size_t(size));
    return cached * 2 < qint64(resident.size());
#else
    Q_UNUSED(fd);
    Q_UNUSED(size);
    return false;
#endif
}

bool setDirect(int fd, bool on)
{
#ifdef O_DIRECT
    const int flags = ::fcntl(fd, F_GETFL);
    return flags >= 0 && ::fcntl(fd, F_SETFL, on ? (flags | O_DIRECT) : (flags & ~O_DIRECT)) == 0;
#else
    Q_UNUSED(fd);
    return !on;
#endif
}

} // namespace

FileSource::FileSource(
    int fd, qint64 size, bool allowDirect, Md5 *hash, std::function<void()> onReady)
    : m_fd(fd), m_size(size), m_onReady(std::move(onReady)), m_hash(hash)
{
    m_direct = allowDirect && mostlyUncached(fd, size) && setDirect(fd, true);
    for (int i = 0; i < kBuffers; ++i) {
        char *p = static_cast<char *>(std::aligned_alloc(kAlign, kBlock));
        if (!p)
            break; // fewer buffers only read less far ahead
        m_buffers.push_back(p);
        m_free.push_back(p);
    }
    if (m_buffers.empty()) {
        // Out of memory: the first next() reports a failed read, as an unreadable disk would.
        m_ready.push_back({nullptr, 0, ENOMEM});
        return;
    }
    m_thread = std::thread([this] { readerLoop(); });
    if (m_hash)
        m_hashThread = std::thread([this] { hasherLoop(); });
}

FileSource::~FileSource()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_cond.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    if (m_hashThread.joinable())
        m_hashThread.join();
    if (m_direct)
        setDirect(m_fd, false);
    for (char *p : m_buffers)
        std::free(p);
}

QByteArrayView FileSource::next(qint64 max, Status *status, int *error)
{
    *error = 0;
    if (m_front.data && m_frontPos == m_front.size) {
        std::lock_guard lock(m_mutex);
        m_free.push_back(m_front.data);
        m_front = {};
        m_cond.notify_all();
    }
    if (!m_front.data) {
        std::lock_guard lock(m_mutex);
        if (m_ready.empty()) {
            // Waiting here would stall every other session of the caller's thread behind
            // this disk: say so, and call back when the block is there.
            m_notify = true;
            *status = Status::NotYet;
            return {};
        }
        m_front = m_ready.front();
        m_ready.pop_front();
        m_frontPos = 0;
        if (m_front.size == 0) { // the end came early, or a read failed
            *error = m_front.error;
            *status = m_front.error ? Status::Failed : Status::Ended;
            m_ready.push_front(m_front); // and stays so for any later call
            m_front = {};
            return {};
        }
    }
    *status = Status::Ready;
    const qint64 n = qMin(max, m_front.size - m_frontPos);
    const QByteArrayView view(m_front.data + m_frontPos, n);
    m_frontPos += n;
    return view;
}

void FileSource::readerLoop()
{
    becomeBulkThread("ferry-read");
    qint64 pos = 0;
    for (;;) {
        char *buffer = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_cond.wait(lock, [this] { return !m_free.empty() || m_stopping; });
            if (m_stopping)
                return;
            buffer = m_free.front();
            m_free.pop_front();
        }
        Block block {buffer, 0, 0};
        const qint64 want = qMin(kBlock, m_size - pos);
        // O_DIRECT lengths are whole pages; the read stops at the end of the file anyway.
        const qint64 ask = m_direct ? (want + kAlign - 1) / kAlign * kAlign : want;
        while (block.size < want) {
            const ssize_t got
                = ::pread(m_fd, buffer + block.size, size_t(ask - block.size), pos + block.size);
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0 && errno == EINVAL && m_direct && block.size == 0) {
                // The filesystem refuses O_DIRECT after all: read through the cache.
                m_direct = !setDirect(m_fd, false);
                if (!m_direct)
                    continue;
            }
            if (got < 0) {
                block.error = errno;
                break;
            }
            if (got == 0)
                break;
            block.size += got;
        }
        block.size = qMin(block.size, want); // a file that grew ends where it was offered
        const bool last = block.size < want || block.error || pos + want == m_size;
        pos += block.size;
        bool notify = false;
        {
            std::lock_guard lock(m_mutex);
            // With a hasher, blocks pass through it, so the next read overlaps the hashing.
            std::deque<Block> &next = m_hash ? m_read : m_ready;
            if (block.size > 0) {
                next.push_back(block);
            } else {
                m_free.push_back(buffer);
            }
            if (last && pos < m_size)
                next.push_back({nullptr, 0, block.error}); // early end or failure
            if (m_hash)
                m_cond.notify_all();
            else
                notify = std::exchange(m_notify, false);
        }
        if (notify && m_onReady)
            m_onReady();
        if (last)
            return;
    }
}

void FileSource::hasherLoop()
{
    becomeBulkThread("ferry-sendhash");
    qint64 hashed = 0;
    for (;;) {
        Block block;
        {
            std::unique_lock lock(m_mutex);
            m_cond.wait(lock, [this] { return !m_read.empty() || m_stopping; });
            if (m_stopping)
                return;
            block = m_read.front();
            m_read.pop_front();
        }
        if (block.size > 0)
            m_hash->addData(QByteArrayView(block.data, block.size));
        hashed += block.size;
        bool notify = false;
        {
            std::lock_guard lock(m_mutex);
            m_ready.push_back(block);
            notify = std::exchange(m_notify, false);
        }
        if (notify && m_onReady)
            m_onReady();
        if (block.size == 0 || hashed == m_size)
            return;
    }
}

} // namespace ferry
