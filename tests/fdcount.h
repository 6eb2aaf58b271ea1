#pragma once

#include <QDir>

namespace ferry::test {

/// Descriptors this process has open now (Linux: the entries of /proc/self/fd, less the one
/// the listing itself uses).
inline int openDescriptorCount()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::System | QDir::Files).size())
        - 1;
}

} // namespace ferry::test
