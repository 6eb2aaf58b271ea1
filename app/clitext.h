#pragma once

#include "protocol/errorcode.h"

#include <QCoreApplication>
#include <QString>

namespace ferry {

/// The command line's wording for core's error codes. The CLI names its own flags in its
/// advice ("use --overwrite"), which is why it doesn't share the window's sentences.
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(CliText)
public:
    /// \a peer is "host:port"; \a outputDir is where downloads go.
    static QString describe(
        const Failure &failure, const QString &peer, const QString &outputDir = {});
};

} // namespace ferry
