#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace ferry {

/// This device's TLS identity: an EC P-256 key, a long-lived self-signed certificate and an
/// editable name, kept in Ferry's data folder (identity.pem, mode 0600; device-name).
class Identity
{
public:
    enum class Status {
        Ok,
        Missing, ///< No identity yet: create() makes one.
        BadPermissions, ///< Readable by others: refused, never replaced silently.
        Corrupt, ///< Present but unreadable as key + certificate.
        IoError,
    };

    /// $FERRY_DATA_DIR if set, else QStandardPaths::AppDataLocation.
    static QString dataDir();
    static QString identityPath(const QString &dir);

    /// Loads the identity in \a dir; \a detail gets the path or the OS error.
    static Identity load(const QString &dir, Status *status, QString *detail = nullptr);
    /// Makes a new key and certificate and writes them (replacing any old file).
    static Identity create(const QString &dir, Status *status, QString *detail = nullptr);
    /// load(), and create() only when there is none yet.
    static Identity loadOrCreate(const QString &dir, Status *status, QString *detail = nullptr);

    bool isNull() const { return m_certificate.isNull() || m_key.isNull(); }
    const QSslCertificate &certificate() const { return m_certificate; }
    const QSslKey &key() const { return m_key; }
    /// SHA-256 of the certificate's DER, 32 bytes.
    QByteArray fingerprint() const { return m_fingerprint; }
    QString name() const { return m_name; }
    /// Saves a new name (trimmed, at most 64 characters); empty means the host name.
    bool setName(const QString &name);

private:
    QString m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QByteArray m_fingerprint;
    QString m_name;
};

/// SHA-256 of a certificate's DER.
QByteArray fingerprintOf(const QSslCertificate &certificate);
/// Lowercase hex; \a digits > 0 keeps only that many.
QString fingerprintHex(const QByteArray &fingerprint, int digits = 0);
/// What both ends show on first contact: SHA-256 of the two fingerprints sorted and joined,
/// as 4 groups of 5 decimal digits ("01234 56789 01234 56789").
QString comparisonCode(const QByteArray &a, const QByteArray &b);
/// A device name as sent on the wire and shown: printable, at most 64 characters.
QString cleanDeviceName(const QString &name);

} // namespace ferry
