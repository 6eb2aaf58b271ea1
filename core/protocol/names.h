#pragma once

#include <QString>

namespace ferry {

/// Whitelist for names that travel on the wire: a canonical relative '/'-separated path.
/// Refuses "", ".", "..", leading '/', '\', NUL, control characters, empty components,
/// over-long names or components. It never cleans a name up: a name is valid as it is or not.
bool isValidRelativeName(const QString &name);

/// Extra checks for a name we are about to create on the receiving side: also refuses
/// components that Windows cannot hold (trailing dot or space, CON, NUL.txt, ':' ...), so a
/// share can't plant names a Windows receiver would misread.
bool isSafeLocalName(const QString &name);

/// A name made printable for a terminal or a log: control characters (ANSI escapes among
/// them) become \xNN, so a hostile name can't drive the terminal.
QString printableName(const QString &name);

} // namespace ferry
