#include "dropnames.h"

#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace ferry {

QStringList DropNames::fromMime(const QMimeData *mime)
{
    QStringList names;
    if (!mime)
        return names;
    // File managers offer both; the URLs are the precise ones.
    if (mime->hasUrls()) {
        const QList<QUrl> urls = mime->urls();
        for (const QUrl &url : urls) {
            const QString name
                = url.isLocalFile() ? QFileInfo(url.toLocalFile()).fileName() : url.fileName();
            if (!name.isEmpty() && !names.contains(name))
                names << name;
        }
        return names;
    }
    if (mime->hasText()) {
        const QStringList lines = mime->text().split(QLatin1Char('\n'));
        for (QString line : lines) {
            if (line.endsWith(QLatin1Char('\r')))
                line.chop(1);
            // Names are sent as typed; the server's whitelist decides, so only blank lines
            // are dropped here.
            if (!line.trimmed().isEmpty() && !names.contains(line))
                names << line;
        }
    }
    return names;
}

QString DropNames::folderFromMime(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isDir())
            return url.toLocalFile();
    }
    return {};
}

} // namespace ferry
