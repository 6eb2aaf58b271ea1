#pragma once

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace ferry {

/// The bulk threads' nice value: an idle machine still gives them every cycle, but a busy one
/// serves the window, a listing or a small request first.
constexpr int kBulkNice = 10;

/// Names the calling thread for top and perf, and lowers its CPU priority (Linux sets nice per
/// thread). For the threads that read, hash and write a big file's bytes.
inline void becomeBulkThread(const char *name)
{
#ifdef Q_OS_LINUX
    ::pthread_setname_np(::pthread_self(), name);
    ::setpriority(PRIO_PROCESS, ::gettid(), kBulkNice);
#else
    Q_UNUSED(name);
#endif
}

} // namespace ferry
