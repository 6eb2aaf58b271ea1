#pragma once

#include "tls/identity.h"

#include <QHostAddress>
#include <QString>

namespace ferry {

/// Everything a server is started with; the defaults fit a 2-core machine and still admit
/// 200 honest clients at once from one address.
struct ServerConfig
{
    QString root;
    QHostAddress bindAddress = QHostAddress::Any;
    quint16 port = 6669;
    int maxConnections = 1024;
    int maxPerPeer = 256;
    int maxQueuedRequests = 1024;
    int handshakeTimeoutMs = 10000;
    int requestTimeoutMs = 120000;
    int transferTimeoutMs = 30000;
    int workerThreads = 0; ///< 0: one per core, at least 2.
    QByteArray password; ///< Empty: no password.
    /// A failed password proof makes the next answer to the same address wait this long,
    /// doubling with each further attempt up to authDelayCapMs.
    int authDelayMs = 250;
    int authDelayCapMs = 8000;
    bool md5Cache = true; ///< Remember MD5s of unchanged files between downloads.
    /// This device's identity: every connection is TLS 1.3 with it. Null means plaintext
    /// (`--plaintext`, and the raw-protocol tests).
    Identity identity;
};

} // namespace ferry
