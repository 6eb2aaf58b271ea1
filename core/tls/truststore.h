#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace ferry {

/// A device this one has trusted: its certificate's fingerprint, its name and the address
/// it was trusted at.
struct KnownDevice
{
    QByteArray fingerprint; ///< 32 bytes.
    QString name;
    QString address; ///< host:port as the user typed it.
};

/// The known devices, kept in devices.json in the data folder (mode 0600). Every call reads
/// the file again, so a window and a command line see each other's changes.
class TrustStore
{
public:
    explicit TrustStore(const QString &dir);

    QList<KnownDevice> devices() const;
    /// The device trusted at \a address, if any.
    std::optional<KnownDevice> atAddress(const QString &address) const;
    std::optional<KnownDevice> byFingerprint(const QByteArray &fingerprint) const;
    /// Adds or updates (by fingerprint); an older entry for the same address is replaced.
    bool trust(const KnownDevice &device);
    /// Forgets devices whose fingerprint starts with \a idOrName (hex, >= 4 digits), or whose
    /// name or address equals it. Returns how many were forgotten.
    int forget(const QString &idOrName);
    QString path() const;

private:
    bool save(const QList<KnownDevice> &devices) const;
    QString m_dir;
};

} // namespace ferry
