#pragma once

// Raw peers for the hostile-input tests: they speak frames byte by byte, with no state
// machine, so a test can send what a real client or server never would.

#include "client/clientsession.h"
#include "protocol/decoder.h"
#include "protocol/messages.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <functional>
#include <optional>

namespace ferry::test {

/// One decoded frame; type -1: the connection closed (or the wait timed out) first;
/// type -2: the bytes did not decode.
struct RawFrame
{
    int type = -1;
    QByteArray body;
    bool is(protocol::FrameType t) const { return type == int(t); }
    ErrorCode errorCode() const
    {
        const auto f = protocol::parseError(body);
        return f ? f->code : ErrorCode::None;
    }
};

inline RawFrame takeFrame(QByteArray &buffer)
{
    RawFrame f;
    const auto r = protocol::decodeFrame(buffer);
    if (r.status == protocol::DecodeResult::Status::Error) {
        f.type = -2;
    } else if (r.status == protocol::DecodeResult::Status::Frame) {
        f.type = int(r.type);
        f.body = r.body.toByteArray();
        buffer.remove(0, r.consumed);
    }
    return f;
}

/// Whether \a f lets a server start sending a file of \a size: an Accept, or a GetRequest
/// that accepted files that small in advance.
inline bool acceptedAt(const RawFrame &f, qint64 size)
{
    if (f.is(protocol::FrameType::Accept))
        return true;
    const auto request
        = f.is(protocol::FrameType::GetRequest) ? protocol::parseGetRequest(f.body) : std::nullopt;
    return request && size <= request->acceptUpTo;
}

/// A client that sends whatever it is told to.
class RawClient
{
public:
    explicit RawClient(quint16 port, const QHostAddress &from = QHostAddress())
    {
        if (!from.isNull())
            m_socket.bind(from);
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }
    QTcpSocket &socket() { return m_socket; }
    bool waitConnected(int ms = 5000)
    {
        return QTest::qWaitFor(
            [&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, ms);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    /// The next frame, or type -1 if the connection closed or \a ms passed first.
    RawFrame next(int ms = 5000)
    {
        RawFrame f;
        (void)QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                f = takeFrame(m_buffer);
                return f.type != -1 || m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            ms);
        return f;
    }
    /// Reads past the server's hello; returns it.
    std::optional<protocol::Hello> readHello()
    {
        const RawFrame f = next();
        if (!f.is(protocol::FrameType::Hello))
            return std::nullopt;
        return protocol::parseHello(f.body);
    }
    /// The first Error frame among the next frames (others are skipped), or None.
    ErrorCode nextError(int ms = 5000)
    {
        for (;;) {
            const RawFrame f = next(ms);
            if (f.type < 0)
                return ErrorCode::None;
            if (f.is(protocol::FrameType::Error))
                return f.errorCode();
        }
    }
    bool waitClosed(int ms)
    {
        return QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            ms);
    }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

/// A server that says hello (unless told not to) and hands every frame it receives to a
/// script.
class RawServer
{
public:
    using Script = std::function<void(RawServer &, const RawFrame &)>;
    RawServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            m_peer = m_server.nextPendingConnection();
            if (greet)
                m_peer->write(protocol::encodeHello(hello));
            QObject::connect(m_peer, &QTcpSocket::readyRead, m_peer, [this] {
                m_buffer += m_peer->readAll();
                for (;;) {
                    const RawFrame f = takeFrame(m_buffer);
                    if (f.type < 0)
                        break;
                    received.append(f);
                    if (script)
                        script(*this, f);
                }
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    void send(const QByteArray &bytes)
    {
        if (m_peer)
            m_peer->write(bytes);
    }
    int count(protocol::FrameType type) const
    {
        int n = 0;
        for (const RawFrame &f : received)
            n += f.is(type) ? 1 : 0;
        return n;
    }

    bool greet = true;
    protocol::Hello hello;
    Script script;
    QList<RawFrame> received;

private:
    QTcpServer m_server;
    QTcpSocket *m_peer = nullptr;
    QByteArray m_buffer;
};

/// Runs a ClientSession against a port until it is idle or has failed.
struct ClientRun
{
    QList<FileResult> results;
    QList<protocol::FileEntry> listing;
    bool listed = false;
    std::optional<Failure> failure;
    bool finished = false;
};

inline ClientRun runClient(quint16 port, const std::function<void(ClientSession &)> &ask,
    const QByteArray &password = {}, int timeoutMs = 20000, int stallMs = 5000)
{
    ClientRun run;
    ClientSession session;
    session.setTimeouts(stallMs, stallMs);
    session.setPassword(password);
    QObject::connect(&session, &ClientSession::fileFinished, &session,
        [&](const FileResult &r) { run.results.append(r); });
    QObject::connect(
        &session, &ClientSession::listReceived, &session, [&](const QList<protocol::FileEntry> &l) {
            run.listing = l;
            run.listed = true;
        });
    QObject::connect(&session, &ClientSession::idle, &session, [&] { run.finished = true; });
    QObject::connect(&session, &ClientSession::failed, &session, [&](const Failure &f) {
        run.failure = f;
        run.finished = true;
    });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    ask(session);
    (void)QTest::qWaitFor([&] { return run.finished; }, timeoutMs);
    return run;
}

} // namespace ferry::test
