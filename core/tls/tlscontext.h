#pragma once

#include "tls/identity.h"
#include "tls/tlsstream.h"

#include <QString>

#include <memory>

typedef struct bio_method_st BIO_METHOD;

namespace ferry::tlscontext {

/// A socket BIO that sends with MSG_NOSIGNAL: a peer that is gone is an error to handle, not
/// a SIGPIPE that ends the process.
BIO_METHOD *socketMethod();
/// Every error OpenSSL queued on this thread, oldest first, as one line; the queue is emptied.
QString takeSslErrors();
/// The SSL_CTX (as an opaque owner) for \a identity in \a role: TLS 1.3 only, its key and
/// certificate, the peer's certificate asked for and left to the pin check. One per identity
/// and role, shared by every stream and thread; null when OpenSSL refused.
std::shared_ptr<void> contextFor(const Identity &identity, TlsStream::Role role);
/// An end of stream that OpenSSL reports as an error: the socket closed without close_notify.
bool isEof(int sslError);

} // namespace ferry::tlscontext
