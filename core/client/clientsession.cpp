#include "client/clientsession.h"

#include "client/clienttransport.h"

namespace ferry {

ClientSession::ClientSession(QObject *parent)
    : QObject(parent), m_connection(new ClientConnection(new TcpTransport({}), this))
{
    qRegisterMetaType<ferry::FileResult>();
    qRegisterMetaType<ferry::HashResult>();
    qRegisterMetaType<ferry::Failure>();
    qRegisterMetaType<ferry::PeerDevice>();
    qRegisterMetaType<QList<ferry::protocol::FileEntry>>();
    m_connection->setRetryFor(kDefaultRetryMs);
    auto *c = m_connection;
    connect(c, &ClientConnection::ready, this, &ClientSession::ready);
    connect(c, &ClientConnection::trustRequired, this, &ClientSession::trustRequired);
    connect(c, &ClientConnection::listReceived, this, &ClientSession::listReceived);
    connect(c, &ClientConnection::fileStarted, this, &ClientSession::fileStarted);
    connect(c, &ClientConnection::fileProgress, this, &ClientSession::fileProgress);
    connect(c, &ClientConnection::fileFinished, this, &ClientSession::fileFinished);
    connect(c, &ClientConnection::hashReceived, this, &ClientSession::hashReceived);
    connect(c, &ClientConnection::failed, this, &ClientSession::failed);
    connect(c, &ClientConnection::idle, this, &ClientSession::idle);
    connect(c, &ClientConnection::reconnecting, this, &ClientSession::reconnecting);
    connect(c, &ClientConnection::reconnected, this, &ClientSession::reconnected);
}

ClientSession::~ClientSession() = default;

void ClientSession::setTimeouts(int connectMs, int stallMs)
{
    m_connection->setTimeouts(connectMs, stallMs);
}

void ClientSession::setPassword(const QByteArray &password)
{
    m_connection->setPassword(password);
}

void ClientSession::setTls(const TlsClientOptions &options)
{
    // The transport is made before the options are known; a new one carries the identity.
    auto *old = m_connection->transport();
    auto *tcp = new TcpTransport(options.identity);
    m_connection->setTransport(tcp);
    delete old;
    m_connection->setTls(options);
}

void ClientSession::setRetryFor(int ms)
{
    m_connection->setRetryFor(ms);
}

void ClientSession::trustPeer(bool trusted)
{
    m_connection->trustPeer(trusted);
}

void ClientSession::connectToServer(const QString &host, quint16 port)
{
    m_connection->connectToServer(host, port);
}

void ClientSession::requestList()
{
    m_connection->requestList();
}

QList<quint64> ClientSession::requestFiles(
    const QStringList &remoteNames, const GetOptions &options)
{
    QList<quint64> ids;
    for (const QString &name : remoteNames)
        ids.append(m_connection->requestFile(name, name, options));
    return ids;
}

quint64 ClientSession::requestFile(
    const QString &remoteName, const QString &localName, const GetOptions &options)
{
    return m_connection->requestFile(remoteName, localName, options);
}

void ClientSession::abort()
{
    m_connection->abort();
}

ClientSession::State ClientSession::state() const
{
    switch (m_connection->state()) {
    case ClientConnection::State::Idle:
        return State::Disconnected;
    case ClientConnection::State::Connecting:
        return State::Connecting;
    case ClientConnection::State::AwaitHello:
        return State::AwaitHello;
    case ClientConnection::State::AwaitTrust:
        return State::AwaitTrust;
    case ClientConnection::State::Proving:
    case ClientConnection::State::AwaitAuth:
        return State::AwaitAuth;
    case ClientConnection::State::Ready:
        return State::Ready;
    case ClientConnection::State::Waiting:
        return State::Reconnecting;
    case ClientConnection::State::Closed:
        break;
    }
    return State::Closed;
}

} // namespace ferry
