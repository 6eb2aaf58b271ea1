#include "truststore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace ferry {
namespace {
const QString kFile = QStringLiteral("devices.json");
constexpr qint64 kMaxFile = 4 * 1024 * 1024;
} // namespace

TrustStore::TrustStore(const QString &dir) : m_dir(dir) { }

QString TrustStore::path() const
{
    return QDir(m_dir).filePath(kFile);
}

QList<KnownDevice> TrustStore::devices() const
{
    QFile file(path());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonArray array = QJsonDocument::fromJson(file.read(kMaxFile)).array();
    QList<KnownDevice> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        KnownDevice d;
        d.fingerprint
            = QByteArray::fromHex(o.value(QStringLiteral("fingerprint")).toString().toLatin1());
        d.name = o.value(QStringLiteral("name")).toString();
        d.address = o.value(QStringLiteral("address")).toString();
        if (d.fingerprint.size() == 32)
            out.append(d);
    }
    return out;
}

std::optional<KnownDevice> TrustStore::atAddress(const QString &address) const
{
    for (const KnownDevice &d : devices()) {
        if (d.address == address)
            return d;
    }
    return std::nullopt;
}

std::optional<KnownDevice> TrustStore::byFingerprint(const QByteArray &fingerprint) const
{
    for (const KnownDevice &d : devices()) {
        if (d.fingerprint == fingerprint)
            return d;
    }
    return std::nullopt;
}

bool TrustStore::trust(const KnownDevice &device)
{
    QList<KnownDevice> list = devices();
    list.removeIf([&](const KnownDevice &d) {
        return d.fingerprint == device.fingerprint || d.address == device.address;
    });
    list.append(device);
    return save(list);
}

int TrustStore::forget(const QString &idOrName)
{
    QList<KnownDevice> list = devices();
    const QString lower = idOrName.toLower();
    const bool hexId = lower.size() >= 4 && std::all_of(lower.begin(), lower.end(), [](QChar c) {
        return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
    const qsizetype removed = list.removeIf([&](const KnownDevice &d) {
        return (hexId && QString::fromLatin1(d.fingerprint.toHex()).startsWith(lower))
            || d.name == idOrName || d.address == idOrName;
    });
    if (removed > 0 && !save(list))
        return 0;
    return int(removed);
}

bool TrustStore::save(const QList<KnownDevice> &devices) const
{
    QDir().mkpath(m_dir);
    QJsonArray array;
    for (const KnownDevice &d : devices) {
        array.append(QJsonObject {
            {QStringLiteral("fingerprint"), QString::fromLatin1(d.fingerprint.toHex())},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("address"), d.address},
        });
    }
    QSaveFile file(path());
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(array).toJson());
    return file.commit();
}

} // namespace ferry
