#include "fs/datasync.h"

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>

#ifdef Q_OS_LINUX
#include <fcntl.h>
#include <pthread.h>
#endif

namespace ferry {

/// Where one owner's results gather. The sync threads hold it by shared_ptr, so it outlives
/// an owner that goes first; `open` tells them whether anyone still listens.
struct DataSync::Channel
{
    std::mutex mutex;
    std::vector<Result> results;
    std::function<void()> wake;
    bool open = true;
};

namespace {

/// Syncs in flight at once, so the disk serves many with one cache flush. Measured against
/// 1, 2, 4 and 16 threads and against syncfs(): see docs/decisions.md.
constexpr int kThreads = 8;

} // namespace

int DataSync::syncNow(int fd)
{
    int rc;
    do {
#ifdef Q_OS_LINUX
        rc = ::fdatasync(fd);
#else
        rc = ::fsync(fd);
#endif
    } while (rc < 0 && errno == EINTR);
    return rc == 0 ? 0 : errno;
}

namespace {

/// The process's sync threads, started on first use and joined at exit (after the syncs
/// queued by then, so nothing stops halfway through a queue).
class SyncThreads
{
public:
    struct Job
    {
        std::shared_ptr<DataSync::Channel> channel;
        quint64 tag;
        UniqueFd fd;
    };

    static SyncThreads &instance()
    {
        static SyncThreads threads;
        return threads;
    }

    ~SyncThreads()
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_stopping = true;
            m_held = false;
        }
        m_ready.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }

    void add(Job job)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_jobs.push_back(std::move(job));
            if (m_threads.size() < size_t(kThreads) && m_idle == 0)
                m_threads.emplace_back([this] { run(); });
        }
        m_ready.notify_one();
    }

    void hold(bool held)
    {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_held = held;
        }
        m_ready.notify_all();
    }

private:
    void run()
    {
#ifdef Q_OS_LINUX
        ::pthread_setname_np(::pthread_self(), "ferry-sync");
#endif
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;) {
            ++m_idle;
            m_ready.wait(lock, [this] { return m_stopping || (!m_held && !m_jobs.empty()); });
            --m_idle;
            if (m_jobs.empty())
                return; // Stopping, and nothing left.
            Job job = std::move(m_jobs.front());
            m_jobs.pop_front();
            lock.unlock();
            const int error = DataSync::syncNow(job.fd.get());
            job.fd.reset();
            {
                const std::lock_guard<std::mutex> chLock(job.channel->mutex);
                const bool first = job.channel->results.empty();
                job.channel->results.push_back({job.tag, error});
                // Under the channel's lock, so the owner's destructor can't pass in between.
                if (first && job.channel->open)
                    job.channel->wake();
            }
            lock.lock();
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Job> m_jobs;
    std::vector<std::thread> m_threads;
    int m_idle = 0;
    bool m_held = false;
    bool m_stopping = false;
};

} // namespace

DataSync::DataSync(std::function<void()> wake) : m_channel(std::make_shared<Channel>())
{
    m_channel->wake = std::move(wake);
}

DataSync::~DataSync()
{
    const std::lock_guard<std::mutex> lock(m_channel->mutex);
    m_channel->open = false;
}

void DataSync::submit(quint64 tag, UniqueFd fd)
{
#ifdef Q_OS_LINUX
    // Starts the writeback now, without waiting for it: by the time a sync thread takes this
    // file its data is on its way, and the fdatasync mostly waits for the flush.
    if (fd)
        ::sync_file_range(fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
    SyncThreads::instance().add({m_channel, tag, std::move(fd)});
}

std::vector<DataSync::Result> DataSync::take()
{
    std::vector<Result> results;
    const std::lock_guard<std::mutex> lock(m_channel->mutex);
    results.swap(m_channel->results);
    return results;
}

void DataSync::holdForTest(bool hold)
{
    SyncThreads::instance().hold(hold);
}

} // namespace ferry
