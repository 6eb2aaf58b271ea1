#include "server/server.h"

#include "fs/uniquefd.h"
#include "server/serversession.h"
#include "server/servershared.h"

#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

#include <deque>
#include <mutex>

Q_LOGGING_CATEGORY(lcServer, "ferry.core.server")

namespace ferry {
namespace {
constexpr int kAcceptRetryMs = 100;
} // namespace

/// Accepted descriptors on their way from the accepting thread to one worker. A std::mutex
/// rather than only Qt's queued call: ThreadSanitizer sees this hand-off even when Qt's own
/// locks are invisible to it (Debian's Qt is not built with TSan), so a descriptor used on
/// the worker is never reported as racing the accept4() that made it. Descriptors whose call
/// never runs (the server stopped first) close with the queue.
class DescriptorQueue
{
public:
    void push(UniqueFd fd)
    {
        std::lock_guard lock(m_mutex);
        m_fds.push_back(std::move(fd));
    }
    UniqueFd take()
    {
        std::lock_guard lock(m_mutex);
        if (m_fds.empty())
            return {};
        UniqueFd fd = std::move(m_fds.front());
        m_fds.pop_front();
        return fd;
    }

private:
    std::mutex m_mutex;
    std::deque<UniqueFd> m_fds;
};

Server::Server(QObject *parent) : QTcpServer(parent)
{
    qRegisterMetaType<ferry::ServerEvent>();
    qRegisterMetaType<ferry::ServerTransfer>();
    // QTcpServer stops accepting for good after EMFILE/ENFILE; a flood of connections must
    // not turn into a server that never accepts again.
    connect(this, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        qCWarning(lcServer) << "accept failed:" << error << errorString();
        ServerEvent e;
        e.time = QDateTime::currentDateTime();
        e.kind = ServerEvent::Kind::LimitHit;
        e.code = ErrorCode::Busy;
        e.detail = QStringLiteral("accept");
        emit event(e);
        QTimer::singleShot(kAcceptRetryMs, this, [this] {
            if (isListening())
                resumeAccepting();
        });
    });
}

Server::~Server()
{
    stop();
}

bool Server::start(const ServerConfig &config, Failure *error)
{
    stop();
    m_config = config;
    auto shared = std::make_shared<ServerShared>(config);
    if (!shared->folder().isOpen()) {
        *error = shared->folder().openError();
        if (error->code != ErrorCode::PermissionDenied)
            error->code = ErrorCode::FolderMissing;
        error->detail = config.root;
        return false;
    }
    // incomingConnection() hands every descriptor to a worker at once, so nothing piles up in
    // Qt's pending list: the kernel's accept queue is what absorbs a burst of connections
    // (Qt's default of 50 would drop the SYNs of the rest for a second or more).
    setListenBacklogSize(kListenBacklog);
    if (!listen(config.bindAddress, config.port)) {
        const bool inUse = serverError() == QAbstractSocket::AddressInUseError;
        *error = {inUse ? ErrorCode::PortInUse : ErrorCode::NetworkError, errorString()};
        if (serverError() == QAbstractSocket::SocketAccessError)
            error->code = ErrorCode::PermissionDenied;
        return false;
    }
    m_shared = shared;
    const int threads
        = config.workerThreads > 0 ? config.workerThreads : qMax(2, QThread::idealThreadCount());
    for (int i = 0; i < threads; ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(QStringLiteral("ferry-worker-%1").arg(i));
        auto *context = new QObject;
        context->moveToThread(thread);
        // Made before the thread starts, which orders it before anything the thread does.
        m_queues.append(std::make_shared<DescriptorQueue>());
        thread->start();
        m_threads.append(thread);
        m_contexts.append(context);
    }
    qCInfo(lcServer) << "listening on" << serverAddress().toString() << serverPort() << "sharing"
                     << config.root << "with" << threads << "workers";
    return true;
}

void Server::stop()
{
    if (isListening())
        close();
    for (int i = 0; i < m_threads.size(); ++i) {
        QObject *context = m_contexts.at(i);
        // Sessions die in their own thread, where their sockets live.
        QMetaObject::invokeMethod(
            context, [context] { delete context; }, Qt::BlockingQueuedConnection);
        m_threads.at(i)->quit();
        m_threads.at(i)->wait();
        delete m_threads.at(i);
    }
    m_threads.clear();
    m_contexts.clear();
    m_queues.clear();
    m_shared.reset();
}

int Server::activeSessions() const
{
    return m_shared ? m_shared->active() : 0;
}

QList<protocol::FileEntry> Server::listing() const
{
    return m_shared ? m_shared->folder().list() : QList<protocol::FileEntry>();
}

void Server::incomingConnection(qintptr descriptor)
{
    // Owned from here on: closed if no worker ever takes it.
    UniqueFd fd {int(descriptor)};
    if (m_contexts.isEmpty())
        return;
    QObject *context = m_contexts.at(m_nextThread);
    std::shared_ptr<DescriptorQueue> queue = m_queues.at(m_nextThread);
    m_nextThread = (m_nextThread + 1) % m_contexts.size();
    queue->push(std::move(fd));
    // The session, its timers and its socket are all created in the worker thread.
    QMetaObject::invokeMethod(
        context,
        [this, queue, context, shared = m_shared] {
            UniqueFd fd = queue->take();
            if (!fd)
                return;
            auto *session = new ServerSession(fd.release(), shared, context);
            connect(session, &ServerSession::event, this, &Server::event);
            connect(session, &ServerSession::progress, this, &Server::transferProgress);
            session->start();
        },
        Qt::QueuedConnection);
}

} // namespace ferry
