#pragma once

#include "tls/identity.h"

#include <QDir>
#include <QTemporaryDir>

namespace ferry::test {

/// A data folder of this test process for \a who ("server", "client", ...): a device
/// identity and trust store of its own, never the user's. Removed when the process ends.
inline QString dataDir(const QString &who)
{
    static QTemporaryDir base;
    const QString dir = base.filePath(who);
    QDir().mkpath(dir);
    return dir;
}

/// The identity kept in dataDir(\a who), made on first use.
inline Identity identity(const QString &who)
{
    Identity::Status status;
    return Identity::loadOrCreate(dataDir(who), &status);
}

} // namespace ferry::test
