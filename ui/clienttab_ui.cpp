// The widgets of ClientTab, their texts and their saved state; behaviour is in clienttab.cpp.
#include "clienttab.h"

#include "errorbanner.h"
#include "errortext.h"
#include "nearbypanel.h"
#include "placeholderfit.h"
#include "progressdelegate.h"
#include "remotelistmodel.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "transferview.h"
#include "uisettings.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QStringListModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace ferry {

namespace {
constexpr int kRecentHosts = 10;
}

void ClientTab::buildUi()
{
    m_hostLabel = new QLabel(this);
    m_host = new QComboBox(this);
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setEditable(true);
    m_host->setInsertPolicy(QComboBox::NoInsert);
    m_host->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // The combo's own completer is inline: after "127.0.0.1:7001" was used, typing
    // "127.0.0.1" gets ":7001" appended and selected, and Enter connects there. A popup
    // offers the remembered hosts while Enter keeps exactly what was typed.
    auto *hostCompleter = new QCompleter(m_host->model(), m_host);
    hostCompleter->setCompletionMode(QCompleter::PopupCompletion);
    hostCompleter->setCaseSensitivity(Qt::CaseInsensitive);
    hostCompleter->setFilterMode(Qt::MatchStartsWith);
    m_host->setCompleter(hostCompleter);
    m_hostLabel->setBuddy(m_host);
    m_portLabel = new QLabel(this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("clientPort"));
    m_port->setRange(1, 65535);
    m_port->setValue(6669);
    m_portLabel->setBuddy(m_port);
    m_passwordLabel = new QLabel(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("clientPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);
    m_connect = new QPushButton(this);
    m_connect->setObjectName(QStringLiteral("connect"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_hostLabel);
    top->addWidget(m_host, 1);
    top->addWidget(m_portLabel);
    top->addWidget(m_port);
    top->addWidget(m_passwordLabel);
    top->addWidget(m_password);
    top->addWidget(m_connect);

    m_banner = new ErrorBanner(this);
    m_banner->setObjectName(QStringLiteral("clientBanner"));

    auto *listPane = new QWidget(this);
    m_listingLabel = new QLabel(listPane);
    m_filter = new QLineEdit(listPane);
    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setClearButtonEnabled(true);
    m_listView = new QTreeView(listPane);
    m_listView->setObjectName(QStringLiteral("listing"));
    m_listView->setModel(m_list);
    // Double-click downloads (a folder too); the arrow and the Left/Right keys open folders.
    m_listView->setExpandsOnDoubleClick(false);
    m_listView->setUniformRowHeights(true);
    m_listView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_listView->setAlternatingRowColors(true);
    m_listView->setSortingEnabled(true);
    m_listView->sortByColumn(RemoteListModel::NameColumn, Qt::AscendingOrder);
    m_listView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setDragEnabled(true);
    m_listView->setDragDropMode(QAbstractItemView::DragOnly);
    m_listView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_listView->header()->setStretchLastSection(false);
    m_listView->header()->setSectionResizeMode(RemoteListModel::NameColumn, QHeaderView::Stretch);
    m_listView->header()->setSectionResizeMode(
        RemoteListModel::SizeColumn, QHeaderView::ResizeToContents);
    m_listView->header()->setSectionResizeMode(
        RemoteListModel::FilesColumn, QHeaderView::ResizeToContents);
    m_listView->header()->setSectionResizeMode(
        RemoteListModel::ModifiedColumn, QHeaderView::ResizeToContents);
    m_listView->installEventFilter(this);
    m_nameLabel = new QLabel(listPane);
    m_name = new QLineEdit(listPane);
    m_name->setObjectName(QStringLiteral("remoteName"));
    m_nameLabel->setBuddy(m_name);
    m_completer = new QCompleter(m_names, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_name->setCompleter(m_completer);
    m_getName = new QPushButton(listPane);
    m_getName->setObjectName(QStringLiteral("getName"));
    m_download = new QPushButton(listPane);
    m_download->setObjectName(QStringLiteral("download"));
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_listingLabel);
    filterRow->addWidget(m_filter, 1);
    m_secureLabel = new QLabel(listPane);
    m_secureLabel->setObjectName(QStringLiteral("secureLabel"));
    filterRow->addWidget(m_secureLabel);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addWidget(m_name, 1);
    nameRow->addWidget(m_getName);
    nameRow->addWidget(m_download);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filterRow);
    listLayout->addWidget(m_listView, 1);
    listLayout->addLayout(nameRow);

    auto *transferPane = new QWidget(this);
    m_destLabel = new QLabel(transferPane);
    m_dest = new QLineEdit(transferPane);
    m_dest->setObjectName(QStringLiteral("destination"));
    m_destLabel->setBuddy(m_dest);
    m_chooseDest = new QPushButton(transferPane);
    m_transferView = new TransferView(transferPane);
    m_transferView->setObjectName(QStringLiteral("transfers"));
    m_transferView->setModel(m_transfers);
    m_transferView->setItemDelegateForColumn(TransferModel::ProgressColumn,
        new ProgressDelegate(TransferModel::PermilleRole, m_transferView));
    m_transferView->setWordWrap(false);
    m_transferView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_transferView->verticalHeader()->setDefaultSectionSize(
        m_transferView->fontMetrics().height() + 10);
    // The name in letters; the other columns are fitted to their texts in retranslateUi().
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_transferView->horizontalHeader()->resizeSection(TransferModel::NameColumn, 14 * em);
    m_cancel = new QPushButton(transferPane);
    m_cancel->setObjectName(QStringLiteral("cancelTransfer"));
    m_retry = new QPushButton(transferPane);
    m_retry->setObjectName(QStringLiteral("retryTransfer"));
    m_resume = new QPushButton(transferPane);
    m_resume->setObjectName(QStringLiteral("resumeTransfer"));
    m_startOver = new QPushButton(transferPane);
    m_startOver->setObjectName(QStringLiteral("startOverTransfer"));
    m_openFolder = new QPushButton(transferPane);
    m_openFolder->setObjectName(QStringLiteral("openFolder"));
    m_clearDone = new QPushButton(transferPane);
    m_clearDone->setObjectName(QStringLiteral("clearFinished"));
    auto *destRow = new QHBoxLayout;
    destRow->addWidget(m_destLabel);
    destRow->addWidget(m_dest, 1);
    destRow->addWidget(m_chooseDest);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_cancel);
    actions->addWidget(m_retry);
    actions->addWidget(m_resume);
    actions->addWidget(m_startOver);
    actions->addWidget(m_openFolder);
    actions->addStretch();
    actions->addWidget(m_clearDone);
    auto *transferLayout = new QVBoxLayout(transferPane);
    transferLayout->setContentsMargins(0, 0, 0, 0);
    transferLayout->addLayout(destRow);
    transferLayout->addWidget(m_transferView, 1);
    transferLayout->addLayout(actions);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("clientSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_nearby = new NearbyPanel(this);
    m_splitter->addWidget(m_nearby);
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(transferPane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
}

void ClientTab::retranslateUi()
{
    m_hostLabel->setText(tr("Hos&t:"));
    m_secureLabel->setText(
        m_peerName ? tr("Encrypted, talking to %1").arg(*m_peerName) : QString());
    m_secureLabel->setVisible(m_peerName.has_value());
    m_host->lineEdit()->setPlaceholderText(tr("Address shown on the other computer"));
    m_host->setToolTip(tr("Type an address, or pick a favourite: the addresses you typed are "
                          "remembered here. Shares on this network are listed under Nearby."));
    m_portLabel->setText(tr("&Port:"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(tr("If the share has one"));
    fitToPlaceholder(m_password);
    m_listingLabel->setText(tr("Files on the server:"));
    m_listView->setToolTip(tr("Double-click or press Enter to download a file or a whole "
                              "folder; drag rows onto the transfer list below"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_nameLabel->setText(tr("Na&me:"));
    m_name->setPlaceholderText(tr("Type a file name to request it"));
    m_getName->setText(tr("&Get"));
    m_download->setText(tr("&Download selected"));
    m_download->setToolTip(tr("Download the selected files and folders (Enter)"));
    m_destLabel->setText(tr("S&ave to:"));
    m_chooseDest->setText(tr("Choos&e..."));
    m_cancel->setText(tr("Cancel"));
    m_retry->setText(tr("Retr&y"));
    m_resume->setText(tr("Res&ume"));
    m_resume->setToolTip(tr("Continue from the part already downloaded"));
    // No access key: every letter of "Start over" is taken in this window (docs/decisions.md).
    m_startOver->setText(tr("Start over"));
    m_startOver->setToolTip(
        tr("Delete the unfinished download and download the file again from the beginning"));
    m_openFolder->setText(tr("&Open folder"));
    m_clearDone->setText(tr("Clear finished"));
    updateActions();
    if (!m_bannerFailure.ok() || !m_unopenedFolder.isEmpty() || !m_badHost.isEmpty())
        m_banner->setText(bannerMessage());
    m_list->retranslate();
    m_transfers->retranslate();
    sizeTransferColumns();
    updateConnectButton();
}

// Fixed widths in letters cut "96.00 MiB of 300.00 MiB" and "303.80 MiB/s"; measuring the
// widest plausible text fits every language, font and scale, and costs nothing per row
// (ResizeToContents would measure every row on each progress update).
void ClientTab::sizeTransferColumns()
{
    QHeaderView *header = m_transferView->horizontalHeader();
    const QFontMetrics metrics = m_transferView->fontMetrics();
    const int margin = m_transferView->style()->pixelMetric(
        QStyle::PM_FocusFrameHMargin, nullptr, m_transferView);
    // The view insets text by margin + 1 on each side; a space more keeps it off the grid.
    const int padding = 2 * (margin + 1) + metrics.horizontalAdvance(QLatin1Char(' '));
    const int minimumBar = 6 * metrics.horizontalAdvance(QLatin1Char('M'));
    for (const int column : {TransferModel::ProgressColumn, TransferModel::BytesColumn,
             TransferModel::RateColumn, TransferModel::EtaColumn, TransferModel::StateColumn}) {
        int width = header->sectionSizeHint(column);
        if (column == TransferModel::ProgressColumn)
            width = qMax(width, minimumBar);
        for (const QString &text : TransferModel::widestTexts(column))
            width = qMax(width, metrics.horizontalAdvance(text) + padding);
        header->resizeSection(column, width);
    }
}

QString ClientTab::bannerMessage() const
{
    if (!m_unopenedFolder.isEmpty())
        return tr("Could not open the folder %1: no file manager was found. Open it "
                  "yourself; this path can be selected and copied.")
            .arg(m_unopenedFolder);
    if (!m_badHost.isEmpty())
        return tr("\"%1\" is not an address Ferry can use: type HOST, HOST:PORT or "
                  "[IPv6]:PORT, e.g. 192.168.1.20:6669.")
            .arg(m_badHost);
    if (m_bannerFailure.code == ErrorCode::HostNotFound && m_bannerFailure.detail.isEmpty())
        return tr("Type the address of the computer running Ferry first.");
    return ErrorText::describe(m_bannerFailure);
}

void ClientTab::updateActions()
{
    bool active = false;
    bool retryable = false;
    const QList<quint64> ids = selectedTransfers();
    for (quint64 id : ids) {
        const Transfer *t = m_transfers->find(id);
        if (m_transfers->isActive(id))
            active = true;
        // A verified file is done: asking again could only end in "already exists" and
        // would wipe the verdict from its row.
        else if (t && t->state != Transfer::State::Verified)
            retryable = true;
    }
    bool partKept = false;
    for (quint64 id : ids)
        partKept = partKept || m_queue->hasPart(id);
    m_cancel->setEnabled(active);
    m_retry->setEnabled(retryable);
    m_resume->setEnabled(retryable);
    m_startOver->setEnabled(partKept);
}

void ClientTab::showTransferMenu(const QPoint &pos)
{
    if (selectedTransfers().isEmpty())
        return;
    QMenu menu(this);
    for (QPushButton *button : {m_cancel, m_retry, m_resume, m_startOver, m_openFolder}) {
        QAction *action = menu.addAction(button->text(), button, &QPushButton::click);
        action->setEnabled(button->isEnabled());
    }
    menu.exec(m_transferView->viewport()->mapToGlobal(pos));
}

void ClientTab::showListingMenu(const QPoint &pos)
{
    const QModelIndex index = m_listView->indexAt(pos);
    if (!index.isValid())
        return;
    if (!m_listView->selectionModel()->isRowSelected(index.row(), index.parent()))
        m_listView->setCurrentIndex(index);
    const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
    const bool oneFolder
        = rows.size() == 1 && rows.first().data(RemoteListModel::FolderRole).toBool();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("listingMenu"));
    QAction *download = menu.addAction(
        oneFolder ? tr("&Download folder") : tr("&Download"), this, &ClientTab::downloadSelected);
    download->setObjectName(QStringLiteral("downloadFromListing"));
    if (oneFolder) {
        const QModelIndex folder = rows.first();
        const bool open = m_listView->isExpanded(folder);
        menu.addAction(open ? tr("&Hide files") : tr("&Show files"), this,
            [this, folder, open] { m_listView->setExpanded(folder, !open); });
    }
    menu.exec(m_listView->viewport()->mapToGlobal(pos));
}

void ClientTab::updateConnectButton()
{
    QString host;
    quint16 port = 0;
    currentServer(&host, &port);
    const bool listed = m_listedServer == QStringLiteral("%1:%2").arg(host).arg(port)
        && !m_list->entries().isEmpty();
    m_connect->setText(listed ? tr("&Refresh") : tr("Co&nnect"));
    m_connect->setEnabled(!m_listing);
}

void ClientTab::rememberHost(const QString &host)
{
    if (host.isEmpty())
        return;
    const int existing = m_host->findText(host);
    if (existing == 0)
        return;
    if (existing > 0)
        m_host->removeItem(existing);
    m_host->insertItem(0, host);
    while (m_host->count() > kRecentHosts)
        m_host->removeItem(m_host->count() - 1);
    m_host->setCurrentIndex(0);
}

void ClientTab::loadSettings()
{
    UiSettings settings;
    m_host->addItems(settings.value(QStringLiteral("client/recentHosts")).toStringList());
    m_host->setCurrentText(settings.value(QStringLiteral("client/host")).toString());
    m_port->setValue(settings.value(QStringLiteral("client/port"), 6669).toInt());
    QString dest = settings.value(QStringLiteral("client/destination")).toString();
    if (dest.isEmpty())
        dest = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    m_dest->setText(dest);
    m_splitter->restoreState(settings.value(QStringLiteral("client/splitterNearby")).toByteArray());
    // A key of its own: the flat list's saved header had one column less.
    m_listView->header()->restoreState(
        settings.value(QStringLiteral("client/treeHeader")).toByteArray());
    m_transferView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("client/transferHeader")).toByteArray());
}

// The password is deliberately not saved: it would sit in clear in the settings file.
void ClientTab::saveSettings() const
{
    UiSettings settings;
    QStringList hosts;
    for (int i = 0; i < m_host->count(); ++i)
        hosts << m_host->itemText(i);
    settings.setValue(QStringLiteral("client/recentHosts"), hosts);
    settings.setValue(QStringLiteral("client/host"), m_host->currentText());
    settings.setValue(QStringLiteral("client/port"), m_port->value());
    settings.setValue(QStringLiteral("client/destination"), m_dest->text());
    settings.setValue(QStringLiteral("client/splitterNearby"), m_splitter->saveState());
    settings.setValue(QStringLiteral("client/treeHeader"), m_listView->header()->saveState());
    settings.setValue(
        QStringLiteral("client/transferHeader"), m_transferView->horizontalHeader()->saveState());
}

} // namespace ferry
