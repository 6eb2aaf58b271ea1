// libFuzzer harness: one whole ServerSession per input. The input is what a client sends;
// its first byte picks an open or a password-protected share. The session gets the server
// end of a real loopback TCP connection, the input is written to the client end, and the
// event loop runs until the session has ended. Timers never fire within one input, so runs
// are repeatable.

#include "server/serversession.h"
#include "server/servershared.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ferry;

namespace {

int g_listener = -1;
sockaddr_in g_address = {};
std::shared_ptr<ServerShared> g_open;
std::shared_ptr<ServerShared> g_protected;

void writeFile(const QString &path, qint64 size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(QByteArray(size, 'f'));
}

ServerConfig config(const QString &root, const QByteArray &password)
{
    ServerConfig c;
    c.root = root;
    c.maxPerPeer = 1 << 20;
    c.maxConnections = 1 << 20;
    c.maxQueuedRequests = 8;
    c.password = password;
    c.authDelayMs = 0; // No timers: a guess is answered within the same input.
    return c;
}

/// Drains what the session sent so it never blocks on a full socket.
void drain(int fd)
{
    char buf[65536];
    while (::read(fd, buf, sizeof buf) > 0) { }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ferry.*=false"));
    static QTemporaryDir dir;
    const QString share = dir.filePath(QStringLiteral("share"));
    writeFile(share + QStringLiteral("/a.txt"), 100);
    writeFile(share + QStringLiteral("/d/b.bin"), 70000);
    writeFile(share + QStringLiteral("/empty"), 0);
    QFile::link(QStringLiteral("/etc/passwd"), share + QStringLiteral("/out"));
    g_open = std::make_shared<ServerShared>(config(share, {}));
    g_protected = std::make_shared<ServerShared>(config(share, QByteArrayLiteral("pw")));

    g_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    g_address.sin_family = AF_INET;
    g_address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof g_address;
    if (::bind(g_listener, reinterpret_cast<sockaddr *>(&g_address), sizeof g_address) != 0
        || ::listen(g_listener, 16) != 0
        || ::getsockname(g_listener, reinterpret_cast<sockaddr *>(&g_address), &len) != 0)
        abort();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const bool protectedShare = data[0] & 1;
    ++data;
    --size;

    const int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (::connect(client, reinterpret_cast<sockaddr *>(&g_address), sizeof g_address) != 0)
        abort();
    const int server = ::accept4(g_listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (server < 0)
        abort();
    ::fcntl(client, F_SETFL, O_NONBLOCK);

    QPointer<ServerSession> session
        = new ServerSession(server, protectedShare ? g_protected : g_open);
    session->start();

    size_t sent = 0;
    bool shutDown = false;
    for (int round = 0; round < 400 && session; ++round) {
        if (sent < size) {
            const ssize_t n = ::write(client, data + sent, size - sent);
            if (n > 0)
                sent += size_t(n);
        } else if (!shutDown) {
            // The end of the input is the client hanging up.
            ::shutdown(client, SHUT_WR);
            shutDown = true;
        }
        drain(client);
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    delete session.data();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    ::close(client);
    return 0;
}
