#pragma once

#include "protocol/errorcode.h"
#include "tls/identity.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QIODevice;
class QTcpSocket;

namespace ferry {

class TlsStream;

/// The byte stream a ClientConnection talks over, dialled anew for each connection: TCP (and
/// TLS) in the product, a socketpair in a test.
class ClientTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// Starts a new connection (closing any earlier one); opened() or lost() follows.
    virtual void open(const QString &host, quint16 port) = 0;
    /// Drops the connection now; no signal follows.
    virtual void close() = 0;
    /// The open stream; valid from opened() until close() or lost().
    virtual QIODevice *device() const = 0;
    /// SHA-256 of the server's certificate once opened; empty over plaintext.
    virtual QByteArray peerFingerprint() const = 0;
    virtual bool isTls() const = 0;

signals:
    void opened();
    /// Could not connect, or the open connection ended; \a failure says which.
    void lost(const ferry::Failure &failure);
};

/// TCP, or TLS when given an identity: connects, shakes hands, and names what went wrong.
class TcpTransport : public ClientTransport
{
    Q_OBJECT
public:
    /// A null \a identity means plaintext.
    explicit TcpTransport(const Identity &identity, QObject *parent = nullptr);
    ~TcpTransport() override;
    /// \a connectMs bounds connecting; the TLS handshake gets at most 2 s of it.
    void setConnectTimeout(int connectMs) { m_connectMs = connectMs; }
    void open(const QString &host, quint16 port) override;
    void close() override;
    QIODevice *device() const override;
    QByteArray peerFingerprint() const override { return m_fingerprint; }
    bool isTls() const override { return !m_identity.isNull(); }

private:
    enum class State {
        Closed,
        Connecting,
        Handshaking,
        Open,
    };
    void onConnected();
    void onEncrypted();
    void onError();
    void onTlsError();
    void onTimeout();
    void lose(const Failure &failure);

    Identity m_identity;
    QTcpSocket *m_socket = nullptr; ///< Connects; carries the bytes only in plaintext.
    TlsStream *m_tls = nullptr; ///< Takes over the connected socket, when encrypted.
    State m_state = State::Closed;
    QString m_host;
    QString m_peer;
    QByteArray m_fingerprint;
    QTimer m_timer;
    int m_connectMs = 10000;
};

} // namespace ferry
