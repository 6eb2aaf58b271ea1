#include "demo.h"

#include "clienttab.h"
#include "mainwindow.h"
#include "remotelistmodel.h"
#include "servertab.h"
#include "servertransfermodel.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "uilog.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QScreen>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

namespace ferry {

namespace {

void writeSample(const QString &path, qint64 size, bool sparse)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    if (sparse) {
        file.resize(size);
        return;
    }
    QByteArray chunk(int(qMin<qint64>(size, 1 << 20)), Qt::Uninitialized);
    for (qint64 left = size; left > 0; left -= chunk.size()) {
        for (char &c : chunk)
            c = char(QRandomGenerator::global()->bounded(256));
        file.write(chunk.constData(), qMin<qint64>(left, chunk.size()));
    }
}

} // namespace

void Demo::start(MainWindow *window, const QString &dir)
{
    qCInfo(lcUi) << "demo state in" << dir;
    const QString share = QDir(dir).filePath(QStringLiteral("share"));
    const QString downloads = QDir(dir).filePath(QStringLiteral("downloads"));
    QDir(downloads).removeRecursively();
    QDir().mkpath(downloads);
    writeSample(share + QStringLiteral("/holiday-photos.zip"), 3 << 20, false);
    writeSample(share + QStringLiteral("/notes.txt"), 12 << 10, false);
    writeSample(share + QStringLiteral("/slides/ferry-talk.pdf"), 1 << 20, false);
    writeSample(share + QStringLiteral("/music/track01.ogg"), 2 << 20, false);
    writeSample(share + QStringLiteral("/video/lake-trip.mkv"), qint64(4) << 30, true);
    const QString tab = qEnvironmentVariable("FERRY_DEMO_TAB");
    const bool tree = tab == QStringLiteral("tree");
    if (tree) {
        // A folder of folders for the tree's picture.
        for (const char *name : {"2023/harbour.jpg", "2024/lake-01.jpg", "2024/lake-02.jpg",
                 "2024/lake-03.jpg", "2024/raw/lake-01.cr3", "2024/raw/lake-02.cr3"})
            writeSample(share + QStringLiteral("/photos/") + QLatin1String(name),
                (QByteArray(name).size() % 5 + 2) << 20, false);
    }

    const QScreen *screen = window->screen();
    window->resize(
        screen ? QSize(1280, 800).boundedTo(screen->availableGeometry().size()) : QSize(1280, 800));
    window->move(0, 0);
    ServerTab *server = window->serverTab();
    ClientTab *client = window->clientTab();
    server->setFolder(share);
    server->setPort(6669);
    server->setLocalOnly(false);
    if (!server->start()) {
        server->setPort(0);
        server->start();
    }
    client->setHost(QStringLiteral("127.0.0.1"), server->listeningPort());
    client->setDestination(downloads);
    client->refresh();
    QObject::connect(client->queue(), &TransferQueue::listingReady, client, [client, server] {
        if (client->transferModel()->rowCount() > 0)
            return;
        // One name the server doesn't have, to show a refusal in words.
        client->request({QStringLiteral("holiday-photos.zip"), QStringLiteral("notes.txt"),
            QStringLiteral("slides/ferry-talk.pdf"), QStringLiteral("report-final.docx")});
        // A 4 GiB transfer half done can't be caught live on a loopback in a screenshot,
        // so this one row is scripted: it shows what a running download looks like.
        TransferModel *model = client->transferModel();
        Transfer running;
        running.host = QStringLiteral("127.0.0.1");
        running.remoteName = QStringLiteral("video/lake-trip.mkv");
        running.state = Transfer::State::Running;
        running.total = qint64(4) << 30;
        running.done = qint64(1740) << 20;
        running.rate = 38.5 * (1 << 20);
        running.rateSamples = 3; // enough for a time-left estimate
        model->add(running);
        ServerTransfer sending;
        sending.sessionId = 1;
        sending.peer = QStringLiteral("192.168.1.23:51234");
        sending.name = running.remoteName;
        sending.done = running.done;
        sending.total = running.total;
        server->transferModel()->update(sending);
    });
    if (tree) {
        // Opened two levels down, the way a user would look into it, with a folder selected.
        QObject::connect(client->listModel(), &RemoteListModel::treeReady, client, [client] {
            auto *view = client->findChild<QTreeView *>(QStringLiteral("listing"));
            RemoteListModel *list = client->listModel();
            for (const char *path : {"photos", "photos/2024"})
                view->expand(list->indexOf(QLatin1String(path)));
            view->setCurrentIndex(list->indexOf(QStringLiteral("photos/2024/raw")));
        });
    }
    const bool clientTab = tab == QStringLiteral("client") || tree;
    window->tabs()->setCurrentIndex(clientTab ? 1 : 0);
}

} // namespace ferry
