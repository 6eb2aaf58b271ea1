#include "signalwatcher.h"

#include <QSocketNotifier>

#include <atomic>
#include <csignal>
#include <unistd.h>

namespace ferry {
namespace {
/// The write end the handler uses: an atomic, the one kind of state a handler may read.
std::atomic<int> g_writeEnd {-1};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onSignal(int signalNumber)
{
    const int fd = g_writeEnd.load();
    if (fd < 0)
        return;
    const char c = char(signalNumber);
    [[maybe_unused]] const auto n = ::write(fd, &c, 1);
}
} // namespace

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    if (!UniqueFd::makePipe(&m_readEnd, &m_writeEnd))
        return;
    m_notifier = new QSocketNotifier(m_readEnd.get(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char c = 0;
        if (::read(m_readEnd.get(), &c, 1) == 1)
            emit stopRequested(int(c));
    });
    m_previousWriteEnd = g_writeEnd.exchange(m_writeEnd.get());
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);
}

SignalWatcher::~SignalWatcher()
{
    if (!m_writeEnd)
        return;
    if (m_previousWriteEnd < 0) {
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGTERM, SIG_DFL);
    }
    // The handler stops using this pipe before it closes (with the members, after this).
    g_writeEnd.store(m_previousWriteEnd);
    delete m_notifier;
    m_notifier = nullptr;
}

} // namespace ferry
