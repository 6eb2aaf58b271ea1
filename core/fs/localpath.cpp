#include "fs/localpath.h"

#include "protocol/frame.h"
#include "protocol/names.h"

#include <QStringList>

namespace ferry::localpath {

Problem check(const QString &relative)
{
    if (relative.isEmpty())
        return Problem::Empty;
    const QChar first = relative.front();
    if (first == QLatin1Char('/') || first == QLatin1Char('\\')
        || (relative.size() >= 2 && relative.at(1) == QLatin1Char(':')))
        return Problem::Absolute;
    for (const QChar c : relative) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029
            || c.category() == QChar::Other_Format)
            return Problem::Control;
    }
    const QStringList parts = relative.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return Problem::Step;
    }
    if (relative.toUtf8().size() > protocol::kMaxNameBytes)
        return Problem::TooLong;
    for (const QString &part : parts) {
        if (part.toUtf8().size() > protocol::kMaxComponentBytes)
            return Problem::TooLong;
    }
    if (parts.size() > protocol::kMaxDepth)
        return Problem::TooDeep;
    if (!isSafeLocalName(relative))
        return Problem::NotPortable;
    return Problem::None;
}

Failure failure(Problem problem, const QString &relative)
{
    if (problem == Problem::None)
        return {};
    return {ErrorCode::InvalidName, printableName(relative)};
}

} // namespace ferry::localpath
