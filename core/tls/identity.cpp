#include "identity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcIdentity, "ferry.core.identity")

namespace ferry {
namespace {
const QString kIdentityFile = QStringLiteral("identity.pem");
const QString kNameFile = QStringLiteral("device-name");
constexpr int kMaxName = 64;
constexpr long kValidSeconds = 30L * 366 * 24 * 3600; ///< Long-lived: the pin is the trust.

template<typename T, void (*F)(T *)> struct Deleter
{
    void operator()(T *p) const { F(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

/// Key PEM followed by certificate PEM, or empty on failure. OpenSSL 3's C API: Qt can use
/// a certificate but cannot make one.
QByteArray generatePem()
{
    PkeyPtr key(EVP_EC_gen("P-256"));
    X509Ptr cert(X509_new());
    if (!key || !cert)
        return {};
    X509_set_version(cert.get(), 2);
    unsigned char serial[16];
    if (RAND_bytes(serial, sizeof serial) != 1)
        return {};
    serial[0] &= 0x7f; // positive
    BIGNUM *bn = BN_bin2bn(serial, sizeof serial, nullptr);
    BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
    BN_free(bn);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24 * 3600);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValidSeconds);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char *>("Ferry"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
        reinterpret_cast<const unsigned char *>("Ferry device"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0)
        return {};
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1
        || PEM_write_bio_X509(bio.get(), cert.get()) != 1)
        return {};
    return bioBytes(bio.get());
}

bool writePrivate(const QString &path, const QByteArray &data, QString *detail)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *detail = file.errorString();
        return false;
    }
    // Before a byte is written: the key is never readable by others, not even briefly.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(data);
    if (!file.commit()) {
        *detail = file.errorString();
        return false;
    }
    return true;
}

QString readName(const QString &dir)
{
    QFile file(QDir(dir).filePath(kNameFile));
    QString name;
    if (file.open(QIODevice::ReadOnly))
        name = cleanDeviceName(QString::fromUtf8(file.read(1024)));
    return name.isEmpty() ? cleanDeviceName(QSysInfo::machineHostName()) : name;
}
} // namespace

QString Identity::dataDir()
{
    const QByteArray env = qgetenv("FERRY_DATA_DIR");
    if (!env.isEmpty())
        return QString::fromLocal8Bit(env);
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString Identity::identityPath(const QString &dir)
{
    return QDir(dir).filePath(kIdentityFile);
}

Identity Identity::load(const QString &dir, Status *status, QString *detail)
{
    QString scratch;
    if (!detail)
        detail = &scratch;
    const QString path = identityPath(dir);
    *detail = path;
    struct stat st;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) != 0) {
        *status = errno == ENOENT ? Status::Missing : Status::IoError;
        return {};
    }
    if ((st.st_mode & 077) != 0 || st.st_uid != ::geteuid()) {
        *status = Status::BadPermissions;
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *status = Status::IoError;
        *detail = file.errorString();
        return {};
    }
    const QByteArray pem = file.read(64 * 1024);
    Identity id;
    id.m_dir = dir;
    id.m_key = QSslKey(pem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    const auto certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (id.m_key.isNull() || certs.size() != 1 || certs.first().isNull()) {
        *status = Status::Corrupt;
        return {};
    }
    id.m_certificate = certs.first();
    id.m_fingerprint = fingerprintOf(id.m_certificate);
    id.m_name = readName(dir);
    *status = Status::Ok;
    return id;
}

Identity Identity::create(const QString &dir, Status *status, QString *detail)
{
    QString scratch;
    if (!detail)
        detail = &scratch;
    if (!QDir().mkpath(dir)) {
        *status = Status::IoError;
        *detail = dir;
        return {};
    }
    QFile::setPermissions(
        dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    const QByteArray pem = generatePem();
    if (pem.isEmpty()) {
        *status = Status::IoError;
        *detail = QStringLiteral("key generation failed");
        return {};
    }
    if (!writePrivate(identityPath(dir), pem, detail)) {
        *status = Status::IoError;
        return {};
    }
    Identity id = load(dir, status, detail);
    if (!id.isNull())
        qCInfo(lcIdentity) << "created a new device identity"
                           << fingerprintHex(id.fingerprint(), 16);
    return id;
}

Identity Identity::loadOrCreate(const QString &dir, Status *status, QString *detail)
{
    Identity id = load(dir, status, detail);
    if (*status == Status::Missing)
        id = create(dir, status, detail);
    return id;
}

bool Identity::setName(const QString &name)
{
    const QString clean = cleanDeviceName(name);
    QString detail;
    QDir().mkpath(m_dir);
    if (!writePrivate(QDir(m_dir).filePath(kNameFile), clean.toUtf8(), &detail))
        return false;
    m_name = readName(m_dir);
    return true;
}

QByteArray fingerprintOf(const QSslCertificate &certificate)
{
    return QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
}

QString fingerprintHex(const QByteArray &fingerprint, int digits)
{
    const QString hex = QString::fromLatin1(fingerprint.toHex());
    return digits > 0 ? hex.left(digits) : hex;
}

QString comparisonCode(const QByteArray &a, const QByteArray &b)
{
    const QByteArray joined = a < b ? a + b : b + a;
    const QByteArray digest = QCryptographicHash::hash(joined, QCryptographicHash::Sha256);
    QStringList groups;
    for (int i = 0; i < 4; ++i) {
        // 32 bits per group, reduced to 5 digits: the bias (< 1e-4) doesn't matter to a person.
        const quint32 v = quint32(quint8(digest[i * 4])) << 24
            | quint32(quint8(digest[i * 4 + 1])) << 16 | quint32(quint8(digest[i * 4 + 2])) << 8
            | quint32(quint8(digest[i * 4 + 3]));
        groups.append(QStringLiteral("%1").arg(v % 100000, 5, 10, QLatin1Char('0')));
    }
    return groups.join(QLatin1Char(' '));
}

QString cleanDeviceName(const QString &name)
{
    QString out;
    for (const QChar c : name.trimmed()) {
        if (c.isPrint() && c.category() != QChar::Other_Format)
            out.append(c);
        if (out.size() >= kMaxName)
            break;
    }
    return out.trimmed();
}

} // namespace ferry
