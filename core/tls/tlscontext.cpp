// The OpenSSL side of TlsStream that is not a stream: one SSL_CTX per identity and role, the
// socket BIO, and how OpenSSL's errors read.
#include "tls/tlscontext.h"

#include <QMutex>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <map>
#include <sys/socket.h>
#include <unistd.h>

namespace ferry::tlscontext {

namespace {
/// OpenSSL's own default, set explicitly: a longer certificate chain fails the handshake.
constexpr long kMaxCertList = 100 * 1024;

// A socket BIO of our own: send() with MSG_NOSIGNAL, so a peer that is gone is an error to
// handle, not a SIGPIPE that ends the process (OpenSSL's socket BIO uses write()).
int bioWrite(BIO *bio, const char *data, size_t size, size_t *written)
{
    BIO_clear_retry_flags(bio);
    const int fd = int(reinterpret_cast<intptr_t>(BIO_get_data(bio)));
    for (;;) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n >= 0) {
            *written = size_t(n);
            return 1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            BIO_set_retry_write(bio);
        return 0;
    }
}

int bioRead(BIO *bio, char *data, size_t size, size_t *got)
{
    BIO_clear_retry_flags(bio);
    const int fd = int(reinterpret_cast<intptr_t>(BIO_get_data(bio)));
    for (;;) {
        const ssize_t n = ::recv(fd, data, size, MSG_DONTWAIT);
        if (n > 0) {
            *got = size_t(n);
            return 1;
        }
        if (n == 0) {
            BIO_set_flags(bio, BIO_FLAGS_IN_EOF);
            return 0;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            BIO_set_retry_read(bio);
        return 0;
    }
}

long bioCtrl(BIO *bio, int command, long, void *)
{
    switch (command) {
    case BIO_CTRL_FLUSH:
        return 1;
    case BIO_CTRL_EOF:
        return BIO_test_flags(bio, BIO_FLAGS_IN_EOF) ? 1 : 0;
    default:
        return 0;
    }
}
} // namespace

BIO_METHOD *socketMethod()
{
    static BIO_METHOD *method = [] {
        BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "ferry-socket");
        BIO_meth_set_write_ex(m, bioWrite);
        BIO_meth_set_read_ex(m, bioRead);
        BIO_meth_set_ctrl(m, bioCtrl);
        return m;
    }();
    return method;
}

/// Every error OpenSSL queued on this thread, oldest first, as one line.
QString takeSslErrors()
{
    QStringList errors;
    char text[256];
    while (const unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, text, sizeof text);
        errors << QString::fromLatin1(text);
    }
    return errors.join(QStringLiteral("; "));
}

namespace {
int acceptAnyCertificate(int, X509_STORE_CTX *)
{
    return 1; // self-signed is expected: the caller pins the fingerprint
}

SSL_CTX *newContext(const Identity &identity, TlsStream::Role role)
{
    SSL_CTX *ctx
        = SSL_CTX_new(role == TlsStream::Role::Server ? TLS_server_method() : TLS_client_method());
    if (!ctx)
        return nullptr;
    SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_3_VERSION);
    // The same three suites as OpenSSL's default, AES-128 first: as safe here, and faster.
    SSL_CTX_set_ciphersuites(
        ctx, "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
    const QByteArray der = identity.certificate().toDer();
    const auto *derData = reinterpret_cast<const unsigned char *>(der.constData());
    X509 *cert = d2i_X509(nullptr, &derData, long(der.size()));
    const QByteArray pem = identity.key().toPem();
    BIO *keyBio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    EVP_PKEY *key = keyBio ? PEM_read_bio_PrivateKey(keyBio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(keyBio);
    const bool ok = cert && key && SSL_CTX_use_certificate(ctx, cert) == 1
        && SSL_CTX_use_PrivateKey(ctx, key) == 1 && SSL_CTX_check_private_key(ctx) == 1;
    X509_free(cert);
    EVP_PKEY_free(key);
    if (!ok) {
        SSL_CTX_free(ctx);
        return nullptr;
    }
    // Ask for the peer's certificate (a server asks for the client's), verify nothing.
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptAnyCertificate);
    SSL_CTX_set_max_cert_list(ctx, kMaxCertList);
    SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
    SSL_CTX_set_num_tickets(ctx, 0);
    SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
    // Partial writes: a record that went out is written, whatever follows it. Release the
    // buffers while a handshake is under way (a thousand half-open ones cost little);
    // the stream keeps them once it is encrypted.
    SSL_CTX_set_mode(ctx,
        SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
            | SSL_MODE_RELEASE_BUFFERS);
    SSL_CTX_set_read_ahead(ctx, 1);
    return ctx;
}

} // namespace

/// One context per identity and role, shared by every stream (and thread) that uses it.
std::shared_ptr<void> contextFor(const Identity &identity, TlsStream::Role role)
{
    static QMutex mutex;
    static std::map<QByteArray, std::shared_ptr<void>> cache;
    const QByteArray key = identity.fingerprint() + char(role == TlsStream::Role::Server);
    QMutexLocker lock(&mutex);
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    SSL_CTX *ctx = newContext(identity, role);
    if (!ctx)
        return {};
    if (cache.size() >= 16) // tests make many identities; a program uses one
        cache.clear();
    std::shared_ptr<void> shared(ctx, [](void *p) { SSL_CTX_free(static_cast<SSL_CTX *>(p)); });
    cache.emplace(key, shared);
    return shared;
}

/// An end of stream that OpenSSL reports as an error: the socket closed without close_notify.
bool isEof(int sslError)
{
    if (sslError == SSL_ERROR_SYSCALL)
        return ERR_peek_error() == 0;
    return sslError == SSL_ERROR_SSL
        && ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING;
}

} // namespace ferry::tlscontext
