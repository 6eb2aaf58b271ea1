#pragma once

// A throttling proxy for tests that need a transfer in flight long enough to act on it
// (quit, cancel, a second download): loopback is otherwise too fast to see one.

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace ferry::test {

/// A TCP proxy on 127.0.0.1 that passes what the server sends at most \a bytesPerTick every
/// 10 ms, so a download stays in flight long enough for a test to act meanwhile.
class SlowProxy : public QTcpServer
{
public:
    SlowProxy(quint16 upstream, qint64 bytesPerTick) : m_upstream(upstream), m_perTick(bytesPerTick)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = nextPendingConnection()) {
                auto *server = new QTcpSocket(client);
                server->setReadBufferSize(m_perTick);
                server->connectToHost(QHostAddress::LocalHost, m_upstream);
                connect(client, &QTcpSocket::readyRead, server,
                    [client, server] { server->write(client->readAll()); });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                auto *tick = new QTimer(client);
                connect(tick, &QTimer::timeout, client, [client, server, this] {
                    if (client->bytesToWrite() < m_perTick)
                        client->write(server->read(m_perTick));
                    if (server->state() == QAbstractSocket::UnconnectedState
                        && server->bytesAvailable() == 0 && client->bytesToWrite() == 0)
                        client->disconnectFromHost();
                });
                tick->start(10);
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

private:
    quint16 m_upstream;
    qint64 m_perTick;
};

} // namespace ferry::test
