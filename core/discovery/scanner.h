#pragma once

#include "discovery/interfacereport.h"
#include "tls/identity.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

class QIODevice;
class QTcpSocket;

namespace ferry::discovery {

/// A share found by a TCP probe: it greeted with Ferry's Hello.
struct ScanHit
{
    QHostAddress address;
    quint16 port = 0;
    bool passwordRequired = false;
    QString name; ///< The name in its Hello (TLS only), cleaned; may be empty.
    QByteArray fingerprint; ///< Its certificate's, proven by the handshake; empty in plaintext.
};

/// "Scan my network": connects to Ferry's port on every address of each used interface's /24
/// and reads the server's Hello, the way a client does: over TLS when given an identity (a
/// plaintext Hello would be logged as an error by every TLS server), after listening briefly
/// for a --plaintext server, which greets first. For networks that drop multicast; runs only
/// when asked.
class Scanner : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxParallel = 50;
    static constexpr int kTimeoutMs = 500; ///< To connect; most addresses end here.
    /// A listener gets this long for the handshake and its Hello: only real shares get here.
    static constexpr int kGreetingTimeoutMs = 3000;
    /// How long a connected probe listens before starting TLS: a --plaintext server greets
    /// at once, and a ClientHello would make it log an error.
    static constexpr int kPlaintextGreetingMs = 150;

    explicit Scanner(QObject *parent = nullptr);
    /// The addresses to probe: the /24 around each used interface's address, without itself.
    static QList<QHostAddress> targets(const QList<InterfaceReport> &interfaces);
    /// Probes over TLS with this identity; without one (null), with a plaintext Hello.
    void setIdentity(const Identity &identity) { m_identity = identity; }

    void start(const QList<QHostAddress> &targets, quint16 port);
    void cancel();
    bool isRunning() const { return m_running; }
    QList<ScanHit> hits() const { return m_hits; }
    int done() const { return m_done; } ///< Addresses probed so far in this scan.

signals:
    void found(const ferry::discovery::ScanHit &hit);
    void progress(int done, int total);
    void finished();

private:
    void launchMore();
    void probe(const QHostAddress &address);
    /// Over TLS: hands the connected socket's descriptor to a TlsStream.
    void startTls(QTcpSocket *socket, const QHostAddress &address);
    /// Reads the server's greeting from \a device: \a probe itself, or its TlsStream.
    void readGreeting(QTcpSocket *probe, QIODevice *device, const QHostAddress &address);
    void finishProbe(QTcpSocket *socket);

    Identity m_identity;
    QList<QHostAddress> m_queue;
    QList<ScanHit> m_hits;
    quint16 m_port = 0;
    int m_active = 0;
    int m_total = 0;
    int m_done = 0;
    bool m_running = false;
};

} // namespace ferry::discovery
