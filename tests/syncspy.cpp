// An LD_PRELOAD shim for tst_cli: it writes, in call order, every fdatasync(), fsync() and
// renameat2() of the process to the file named by FERRY_SYNCSPY_LOG, one line each, so a test
// can see that a download's data and name reach the disk before "verified" is printed.
// With FERRY_SYNCSPY_NO_ALIGNED_ALLOC set, every aligned_alloc() fails, as when memory runs out.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <unistd.h>

namespace {

void record(const char *what, const char *a, const char *b = "")
{
    const char *log = std::getenv("FERRY_SYNCSPY_LOG");
    if (!log)
        return;
    const int saved = errno;
    const int fd = ::open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
        char line[8192];
        const int n = std::snprintf(line, sizeof line, "%s %s%s%s\n", what, a, *b ? " " : "", b);
        if (n > 0) [[maybe_unused]]
            const ssize_t w = ::write(fd, line, size_t(n) < sizeof line ? n : sizeof line - 1);
        ::close(fd);
    }
    errno = saved;
}

void recordFd(const char *what, int fd)
{
    char link[64];
    char path[4096 + 1];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    const ssize_t n = ::readlink(link, path, sizeof path - 1);
    path[n > 0 ? n : 0] = '\0';
    record(what, path);
}

template<typename F> F real(const char *name)
{
    return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

} // namespace

extern "C" int fdatasync(int fd)
{
    recordFd("fdatasync", fd);
    return real<int (*)(int)>("fdatasync")(fd);
}

extern "C" int fsync(int fd)
{
    recordFd("fsync", fd);
    return real<int (*)(int)>("fsync")(fd);
}

extern "C" void *aligned_alloc(size_t alignment, size_t size)
{
    if (std::getenv("FERRY_SYNCSPY_NO_ALIGNED_ALLOC")) {
        errno = ENOMEM;
        return nullptr;
    }
    return real<void *(*)(size_t, size_t)>("aligned_alloc")(alignment, size);
}

extern "C" int renameat2(
    int oldDir, const char *oldPath, int newDir, const char *newPath, unsigned int flags)
{
    record("renameat2", oldPath, newPath);
    return real<int (*)(int, const char *, int, const char *, unsigned int)>("renameat2")(
        oldDir, oldPath, newDir, newPath, flags);
}
