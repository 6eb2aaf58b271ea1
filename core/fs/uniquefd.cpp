#include "fs/uniquefd.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ferry {

void UniqueFd::reset(int fd) noexcept
{
    if (m_fd >= 0 && m_fd != fd) {
        // Callers often read errno after an early return: the close must not change it.
        // No retry on EINTR: on Linux the descriptor is gone either way.
        const int saved = errno;
        ::close(m_fd);
        errno = saved;
    }
    m_fd = fd;
}

bool UniqueFd::makePipe(UniqueFd *readEnd, UniqueFd *writeEnd) noexcept
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
        readEnd->reset();
        writeEnd->reset();
        return false;
    }
    readEnd->reset(fds[0]);
    writeEnd->reset(fds[1]);
    return true;
}

} // namespace ferry
