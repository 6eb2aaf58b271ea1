#pragma once

namespace ferry {

/// Owns one file descriptor and closes it exactly once: every early return is then a close.
/// Move-only, like std::unique_ptr; -1 means "none".
class UniqueFd
{
public:
    UniqueFd() noexcept = default;
    explicit UniqueFd(int fd) noexcept : m_fd(fd) { }
    ~UniqueFd() { reset(); }

    UniqueFd(UniqueFd &&other) noexcept : m_fd(other.release()) { }
    UniqueFd &operator=(UniqueFd &&other) noexcept
    {
        if (this != &other)
            reset(other.release());
        return *this;
    }
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;

    int get() const noexcept { return m_fd; }
    bool isValid() const noexcept { return m_fd >= 0; }
    explicit operator bool() const noexcept { return isValid(); }

    /// Gives the descriptor up without closing it, to an owner that will (a QTcpSocket).
    int release() noexcept
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }
    /// Closes the descriptor held (keeping errno as it was), then holds \a fd.
    void reset(int fd = -1) noexcept;

    /// A pipe, both ends non-blocking and close-on-exec. False (both invalid) on failure.
    static bool makePipe(UniqueFd *readEnd, UniqueFd *writeEnd) noexcept;

private:
    int m_fd = -1;
};

} // namespace ferry
