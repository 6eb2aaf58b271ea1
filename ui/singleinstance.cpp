#include "singleinstance.h"

#include "uilog.h"

#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>

namespace ferry {
namespace {

const char raiseLine[] = "raise\n";
const char stayLine[] = "stay\n"; // a login start while the window already runs
constexpr int handOverMs = 2000; // a window busy for longer than this gets a second one

} // namespace

SingleInstance::SingleInstance(const QString &socketPath, QObject *parent)
    : QObject(parent), m_path(socketPath)
{
}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultSocketPath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    return dir + QLatin1String("/ferry-window");
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::handOver(bool raise)
{
    // Two launches at once (a double click that counted twice) would both find nobody, and
    // the later one's listen() would remove the earlier one's socket: that window could then
    // never be found again. So asking and listening happen one launch at a time.
    QLockFile lock(m_path + QLatin1String(".lock"));
    if (!lock.tryLock(3 * handOverMs))
        qCWarning(lcUi) << "cannot lock" << lock.fileName() << "- going on without it";
    QLocalSocket socket;
    socket.connectToServer(m_path);
    if (socket.waitForConnected(handOverMs)) {
        socket.write(raise ? raiseLine : stayLine);
        if (socket.waitForBytesWritten(handOverMs)) {
            // Wait for the first window to close its end: the line has then been read.
            socket.waitForDisconnected(handOverMs);
            qCInfo(lcUi) << "another Ferry window is running; handed over to it";
            return true;
        }
    }
    // Nobody answered: a socket left by a crash, or none. Take the name over.
    if (!listen())
        qCWarning(lcUi) << "cannot listen on" << m_path << "- a second window won't find this one";
    return false;
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    // Only this user may connect (the runtime folder is private anyway).
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(m_path);
    if (!m_server->listen(m_path))
        return false;
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server->nextPendingConnection()) {
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            connect(peer, &QLocalSocket::readyRead, this, [this, peer] {
                if (!peer->canReadLine()) {
                    if (peer->bytesAvailable() > 64) // not a Ferry launch
                        peer->abort();
                    return;
                }
                const QByteArray line = peer->readLine(64);
                peer->disconnectFromServer();
                if (line == raiseLine) {
                    qCInfo(lcUi) << "a second launch asked for the window";
                    emit raiseRequested();
                }
            });
        }
    });
    return true;
}

} // namespace ferry
