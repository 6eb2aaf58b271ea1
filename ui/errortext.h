#pragma once

#include "protocol/errorcode.h"

#include <QCoreApplication>
#include <QString>

namespace ferry {

/// Turns a Failure into one translated sentence for the window (the command line words its
/// own, shorter lines in app/clitext).
class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    /// A full sentence for \a failure; the untranslated detail fills %1 where it helps.
    static QString describe(const Failure &failure);

private:
    /// A Timeout: which wait ran out, when the detail names it.
    static QString timeout(const QString &detail);
};

} // namespace ferry
