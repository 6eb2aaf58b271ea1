#pragma once

#include <QStringList>

class QMimeData;

namespace ferry {

/// What a drop asks for. A file from the desktop (text/uri-list) names the file of the same
/// name on the server; dropped text (text/plain) is one name per line.
class DropNames
{
public:
    static QStringList fromMime(const QMimeData *mime);
    /// The first local folder in a drop, or an empty string.
    static QString folderFromMime(const QMimeData *mime);
};

} // namespace ferry
