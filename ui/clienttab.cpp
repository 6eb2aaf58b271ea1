#include "clienttab.h"

#include "deviceidentity.h"

#include "conflictprompt.h"
#include "errorbanner.h"
#include "hostport.h"
#include "nearbypanel.h"
#include "protocol/names.h"
#include "remotelistmodel.h"
#include "transferhistory.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "transferview.h"

#include <QComboBox>
#include <QFileDialog>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStringListModel>
#include <QTreeView>

#include <algorithm>
#include <utility>

namespace ferry {

namespace {
/// A filter leaving at most this many rows opens all their folders (cheap at this size).
constexpr int kExpandMatchesUpTo = 2000;
} // namespace

ClientTab::ClientTab(QWidget *parent)
    : QWidget(parent)
    , m_list(new RemoteListModel(this))
    , m_names(new QStringListModel(this))
    , m_transfers(new TransferModel(this))
    , m_queue(new TransferQueue(m_transfers, this))
    , m_conflicts(new ConflictPrompt(m_transfers, m_queue, this))
    , m_history(new TransferHistory(m_transfers, TransferHistory::defaultPath(), this))
{
    buildUi();
    loadSettings();

    connect(m_connect, &QPushButton::clicked, this, &ClientTab::refresh);
    // A share from the Nearby list: fill the host and list its files, as typing it would.
    connect(m_nearby, &NearbyPanel::chosen, this, [this](const QString &host, quint16 port) {
        setHost(host, port);
        refresh();
    });
    connect(m_host->lineEdit(), &QLineEdit::returnPressed, this, &ClientTab::refresh);
    connect(m_host, &QComboBox::currentTextChanged, this, &ClientTab::updateConnectButton);
    connect(m_port, &QSpinBox::valueChanged, this, &ClientTab::updateConnectButton);
    connect(m_password, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_queue->setPassword(text.toUtf8()); });
    // A password typed anew is for whichever share it is used with next.
    connect(m_password, &QLineEdit::textEdited, this, [this] { m_passwordServer.clear(); });
    connect(m_password, &QLineEdit::returnPressed, this, &ClientTab::refresh);
    connect(m_filter, &QLineEdit::textChanged, m_list, &RemoteListModel::setFilter);
    connect(m_listView, &QTreeView::doubleClicked, this,
        [this](const QModelIndex &index) { request({requestName(index)}); });
    connect(m_listView, &QWidget::customContextMenuRequested, this, &ClientTab::showListingMenu);
    connect(m_listView, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_list->filter().isEmpty())
            m_expanded.insert(index.data(RemoteListModel::NameRole).toString());
    });
    connect(m_listView, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (m_list->filter().isEmpty())
            m_expanded.remove(index.data(RemoteListModel::NameRole).toString());
    });
    connect(m_list, &RemoteListModel::treeReady, this, &ClientTab::onTreeReady);
    // Folders opened for the old filter would otherwise lay out every row the new one
    // shows in them (all 100,000 when it is cleared) before showExpansion() closes them.
    connect(m_list, &RemoteListModel::filterAboutToChange, this, &ClientTab::collapseListing);
    connect(m_list, &RemoteListModel::layoutApplied, this, [this](bool filterChanged) {
        if (filterChanged)
            showExpansion();
    });
    connect(m_download, &QPushButton::clicked, this, &ClientTab::downloadSelected);
    connect(m_getName, &QPushButton::clicked, this, &ClientTab::downloadTyped);
    connect(m_name, &QLineEdit::returnPressed, this, &ClientTab::downloadTyped);
    connect(m_chooseDest, &QPushButton::clicked, this, &ClientTab::chooseDestination);
    connect(m_transferView, &TransferView::namesDropped, this, &ClientTab::request);
    connect(m_cancel, &QPushButton::clicked, this, &ClientTab::cancelSelected);
    connect(m_retry, &QPushButton::clicked, this, [this] { retrySelected(false); });
    connect(m_resume, &QPushButton::clicked, this, [this] { retrySelected(true); });
    connect(m_startOver, &QPushButton::clicked, this, &ClientTab::startOverSelected);
    connect(m_openFolder, &QPushButton::clicked, this, &ClientTab::openFolder);
    connect(m_clearDone, &QPushButton::clicked, m_transfers, &TransferModel::removeFinished);
    connect(m_transferView, &QAbstractItemView::doubleClicked, this, &ClientTab::openFolder);
    connect(m_queue, &TransferQueue::listingReady, this,
        [this](const QList<protocol::FileEntry> &entries) {
            // The Name box's completions come with the tree (onTreeReady()): setting 100,000
            // of them costs the window 20 ms, so it is done once.
            m_list->setEntries(entries);
            onListing();
        });
    connect(m_queue, &TransferQueue::listingFailed, this, [this](const Failure &failure) {
        m_listing = false;
        m_peerName.reset();
        retranslateUi();
        // Another server's files must not stay under the address that just failed, nor
        // make the button offer to refresh them.
        if (m_pendingServer != m_listedServer)
            clearListing();
        m_pendingFolders.clear();
        showBanner(failure);
        askForPassword(failure);
        updateConnectButton();
    });
    connect(m_transfers, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &from, const QModelIndex &to) {
            if (from.column() <= TransferModel::StateColumn
                && to.column() >= TransferModel::StateColumn)
                updateSpanRows(from.row(), to.row());
        });
    connect(m_transfers, &QAbstractItemModel::rowsRemoved, this, &ClientTab::updateSpans);
    // Inserted rows move the spans below them along (QTableView does that); only the new
    // rows need theirs: a folder of 100,000 files opens without a pass over every row.
    connect(m_transfers, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) { updateSpanRows(first, last); });
    connect(m_transfers, &QAbstractItemModel::dataChanged, this, &ClientTab::updateActions);
    connect(m_transfers, &QAbstractItemModel::rowsRemoved, this, &ClientTab::updateActions);
    connect(m_transferView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ClientTab::updateActions);
    connect(
        m_transferView, &QWidget::customContextMenuRequested, this, &ClientTab::showTransferMenu);
    connect(m_queue, &TransferQueue::conflict, m_conflicts, &ConflictPrompt::ask);
    m_queue->setTls(DeviceIdentity::clientOptions(this));
    connect(m_queue, &TransferQueue::trustRequired, this,
        [this](quint64 attempt, const PeerDevice &peer) {
            m_queue->answerTrust(attempt, DeviceIdentity::askTrust(this, peer));
        });
    connect(m_queue, &TransferQueue::connectedTo, this, [this](const PeerDevice &peer) {
        m_peerName = peer.name;
        retranslateUi();
    });
    connect(m_queue, &TransferQueue::transferEnded, this, &ClientTab::onTransferEnded);
    retranslateUi();
    updateSpans(); // for the rows brought back from the saved list
}

ClientTab::~ClientTab()
{
    saveSettings();
    // Now, while every row is still there: rows still going are saved as interrupted.
    m_history->save();
}

void ClientTab::currentServer(QString *host, quint16 *port) const
{
    *port = quint16(m_port->value());
    if (!HostPort::split(m_host->currentText(), host, port))
        *host = m_host->currentText().trimmed();
}

void ClientTab::setHost(const QString &host, quint16 port)
{
    m_host->setCurrentText(host);
    m_port->setValue(port);
}

void ClientTab::setDestination(const QString &dir)
{
    m_dest->setText(dir);
}

QString ClientTab::destination() const
{
    return m_dest->text();
}

QString ClientTab::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ClientTab::refresh()
{
    QString host;
    quint16 port = 0;
    currentServer(&host, &port);
    if (host.isEmpty()) {
        showBanner({ErrorCode::HostNotFound, {}});
        return;
    }
    if (!hostIsWellFormed())
        return;
    m_banner->hide();
    m_bannerFailure = {};
    m_unopenedFolder.clear();
    m_listing = true;
    m_pendingServer = QStringLiteral("%1:%2").arg(host).arg(port);
    // A password one share accepted is not offered to another: picking a different device
    // (Nearby, a favourite) starts with an empty Password box.
    if (!m_passwordServer.isEmpty() && m_passwordServer != m_pendingServer) {
        m_password->clear();
        m_passwordServer.clear();
    }
    m_queue->fetchListing(host, port);
    updateConnectButton();
    emit statusMessage(tr("Connecting to %1...").arg(m_pendingServer));
}

void ClientTab::onListing()
{
    m_listing = false;
    m_listedServer = m_pendingServer;
    if (!m_password->text().isEmpty())
        m_passwordServer = m_listedServer;
    rememberHost(m_host->currentText().trimmed());
    m_listView->resizeColumnToContents(RemoteListModel::SizeColumn);
    updateConnectButton();
    emit statusMessage(tr("%n file(s) on %1", nullptr, m_list->fileCount()).arg(m_listedServer));
}

void ClientTab::onTreeReady()
{
    // Typing "photos/" in the Name box asks for the folder.
    QStringList names = m_list->names();
    names << m_list->folderNames();
    m_names->setStringList(names);
    showExpansion();
    const QStringList pending = std::exchange(m_pendingFolders, {});
    if (!pending.isEmpty())
        request(pending);
}

// A filter that leaves a few rows opens every folder that holds one; without a filter the
// folders the user opened come back, also after Refresh.
void ClientTab::showExpansion()
{
    if (!m_list->filter().isEmpty()) {
        if (m_list->visibleNodes() <= kExpandMatchesUpTo)
            m_listView->expandAll();
        return;
    }
    collapseListing();
    for (const QString &path : std::as_const(m_expanded)) {
        const QModelIndex index = m_list->indexOf(path);
        if (index.isValid())
            m_listView->expand(index);
    }
}

// Qt 6's collapseAll() says "collapsed" for every folder; those are not the user's doing.
void ClientTab::collapseListing()
{
    const QSignalBlocker quiet(m_listView);
    m_listView->collapseAll();
}

void ClientTab::clearListing()
{
    m_list->setEntries({});
    m_names->setStringList({});
    m_listedServer.clear();
    m_pendingFolders.clear();
}

QString ClientTab::requestName(const QModelIndex &index)
{
    const QModelIndex name = index.siblingAtColumn(RemoteListModel::NameColumn);
    QString text = name.data(RemoteListModel::NameRole).toString();
    if (name.data(RemoteListModel::FolderRole).toBool())
        text += QLatin1Char('/');
    return text;
}

bool ClientTab::requestFolder(
    const QString &host, quint16 port, const QString &name, const GetOptions &options)
{
    const QString server = QStringLiteral("%1:%2").arg(host).arg(port);
    if (server != m_listedServer || !m_list->isFolder(name))
        return false;
    QList<protocol::FileEntry> files;
    QStringList emptyFolders;
    m_list->folderContents(name, &files, &emptyFolders);
    QString folder = name;
    if (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    m_queue->enqueueFolder(host, port, folder, files, emptyFolders, options);
    return true;
}

void ClientTab::request(const QStringList &names)
{
    QString host;
    quint16 port = 0;
    currentServer(&host, &port);
    if (names.isEmpty())
        return;
    if (host.isEmpty()) {
        showBanner({ErrorCode::HostNotFound, {}});
        return;
    }
    if (!hostIsWellFormed())
        return;
    m_banner->hide();
    GetOptions options;
    options.outputDir = destination();
    options.conflict = ConflictPolicy::Fail;
    const QString server = QStringLiteral("%1:%2").arg(host).arg(port);
    int files = 0;
    int folders = 0;
    for (const QString &name : names) {
        if (requestFolder(host, port, name, options)) {
            ++folders;
            continue;
        }
        // "photos/" names a folder: its files are known once the listing is (re)built.
        if (name.endsWith(QLatin1Char('/'))
            && (server != m_listedServer || m_listing
                || (!m_list->entries().isEmpty() && !m_list->hasTree()))) {
            if (!m_pendingFolders.contains(name))
                m_pendingFolders << name;
            continue;
        }
        m_queue->enqueue(host, port, name, options);
        ++files;
    }
    rememberHost(m_host->currentText().trimmed());
    if (!m_pendingFolders.isEmpty() && server != m_listedServer && !m_listing)
        refresh();
    if (folders == 0 && files > 0)
        emit statusMessage(tr("Requested %n file(s)", nullptr, files));
    else if (folders > 0 && files == 0)
        emit statusMessage(tr("Requested %n folder(s)", nullptr, folders));
    else if (folders > 0)
        emit statusMessage(
            tr("Requested %1 and %2")
                .arg(tr("%n file(s)", nullptr, files), tr("%n folder(s)", nullptr, folders)));
}

void ClientTab::downloadSelected()
{
    const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
    QStringList names;
    for (const QModelIndex &index : rows)
        names << requestName(index);
    // A file or folder inside a selected folder comes with it.
    names.removeIf([&names](const QString &name) {
        return std::any_of(names.cbegin(), names.cend(), [&name](const QString &folder) {
            return folder.endsWith(QLatin1Char('/')) && folder != name && name.startsWith(folder);
        });
    });
    if (names.isEmpty() && !m_name->text().trimmed().isEmpty())
        names << m_name->text().trimmed();
    request(names);
}

void ClientTab::downloadTyped()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return;
    request({name});
    m_name->clear();
}

bool ClientTab::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_listView && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            downloadSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ClientTab::chooseDestination()
{
    const QString dir
        = QFileDialog::getExistingDirectory(this, tr("Choose where to save"), m_dest->text());
    if (!dir.isEmpty())
        m_dest->setText(dir);
}

void ClientTab::showBanner(const Failure &failure)
{
    m_bannerFailure = failure;
    m_unopenedFolder.clear();
    m_badHost.clear();
    m_banner->showMessage(bannerMessage());
    emit statusMessage(bannerMessage());
}

// Without this, "http://nas:6669" or "nas:" went to DNS whole and came back "host not found".
bool ClientTab::hostIsWellFormed()
{
    QString host;
    quint16 port = 0;
    const QString text = m_host->currentText().trimmed();
    if (HostPort::split(text, &host, &port)) {
        m_badHost.clear();
        return true;
    }
    m_bannerFailure = {};
    m_unopenedFolder.clear();
    m_badHost = text;
    m_banner->showMessage(bannerMessage());
    emit statusMessage(bannerMessage());
    return false;
}

// No modal prompt: the banner says why, and the cursor waits in the field to fix it.
void ClientTab::askForPassword(const Failure &failure)
{
    if (failure.code != ErrorCode::AuthRequired && failure.code != ErrorCode::AuthFailed)
        return;
    m_password->setFocus(Qt::OtherFocusReason);
    m_password->selectAll();
}

void ClientTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ferry
