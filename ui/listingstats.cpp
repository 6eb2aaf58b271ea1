#include "listingstats.h"

#include "fs/sharedfolder.h"

#include <QThread>
#include <memory>

namespace ferry {

namespace {

struct Count
{
    qint64 files = 0;
    qint64 bytes = 0;
};

} // namespace

ListingStats::ListingStats(QObject *parent) : QObject(parent) { }

void ListingStats::compute(const QString &root)
{
    const quint64 generation = ++m_generation;
    auto count = std::make_shared<Count>();
    // Its own SharedFolder: the same listing the server sends (Server::listing() walks the
    // same folder), with nothing shared with the running server.
    QThread *thread = QThread::create([root, count] {
        const SharedFolder folder(root);
        const QList<protocol::FileEntry> entries = folder.list();
        count->files = entries.size();
        for (const protocol::FileEntry &e : entries)
            count->bytes += e.size;
    });
    thread->setObjectName(QStringLiteral("ferry-count"));
    connect(thread, &QThread::finished, this, [this, generation, count] {
        if (generation == m_generation)
            emit ready(count->files, count->bytes);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
}

} // namespace ferry
