#include "protocol/names.h"

#include "protocol/frame.h"

#include <QStringList>

namespace ferry {
namespace {

bool isControl(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) || u == 0x2028 || u == 0x2029
        || c.category() == QChar::Other_Format;
}

bool isWindowsDeviceName(const QString &component)
{
    // CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM0-9 and LPT0-9 (also with the superscript
    // digits Windows accepts there), with or without an extension.
    const QString stem = component.section(QLatin1Char('.'), 0, 0).trimmed().toUpper();
    static const QStringList fixed
        = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
            QStringLiteral("NUL"), QStringLiteral("CONIN$"), QStringLiteral("CONOUT$")};
    if (fixed.contains(stem))
        return true;
    if (stem.size() == 4
        && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))) {
        const char16_t d = stem.at(3).unicode();
        return (d >= u'0' && d <= u'9') || d == 0x00b9 || d == 0x00b2 || d == 0x00b3;
    }
    return false;
}

} // namespace

bool isValidRelativeName(const QString &name)
{
    if (name.isEmpty() || name.toUtf8().size() > protocol::kMaxNameBytes)
        return false;
    if (name.startsWith(QLatin1Char('/')))
        return false;
    for (const QChar c : name) {
        if (c == QLatin1Char('\\') || c.isNull() || isControl(c))
            return false;
    }
    const QStringList parts = name.split(QLatin1Char('/'));
    if (parts.size() > protocol::kMaxDepth)
        return false;
    for (const QString &part : parts) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return false;
        if (part.toUtf8().size() > protocol::kMaxComponentBytes)
            return false;
    }
    return true;
}

bool isSafeLocalName(const QString &name)
{
    if (!isValidRelativeName(name))
        return false;
    const QStringList parts = name.split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (part.endsWith(QLatin1Char('.')) || part.endsWith(QLatin1Char(' ')))
            return false;
        if (part.contains(QLatin1Char(':')) || isWindowsDeviceName(part))
            return false;
    }
    return true;
}

QString printableName(const QString &name)
{
    QString out;
    out.reserve(name.size());
    for (const QChar c : name) {
        if (isControl(c) || c.isNull())
            out += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

} // namespace ferry
