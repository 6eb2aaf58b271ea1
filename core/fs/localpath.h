#pragma once

#include "protocol/errorcode.h"

#include <QString>

namespace ferry::localpath {

/// Why a relative path a server named may not be created under an output folder.
enum class Problem {
    None,
    Empty,
    Absolute, ///< Starts with '/' or '\', or a drive ("C:").
    Step, ///< An empty, "." or ".." component: the path isn't canonical or climbs out.
    Control, ///< A control, bidi-format or NUL character.
    TooLong, ///< Over kMaxNameBytes, or a component over kMaxComponentBytes.
    TooDeep, ///< More than kMaxDepth components.
    NotPortable, ///< A component Windows can't hold (trailing dot, CON, ':' ...).
};

/// Pure: checks \a relative before anything is created for it. Never cleans a path up.
Problem check(const QString &relative);

/// The failure to report for a refused path (InvalidName, the name made printable).
Failure failure(Problem problem, const QString &relative);

} // namespace ferry::localpath
