// The widgets of ServerTab and their texts; the behaviour is in servertab.cpp.
#include "servertab.h"

#include "deviceidentity.h"

#include "addresspanel.h"
#include "errorbanner.h"
#include "errortext.h"
#include "logmodel.h"
#include "nearbyswitch.h"
#include "placeholderfit.h"
#include "progressdelegate.h"
#include "servertransfermodel.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ferry {

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

} // namespace

void ServerTab::buildUi()
{
    m_banner = new ErrorBanner(this);
    m_banner->setObjectName(QStringLiteral("serverBanner"));
    m_dropHint = new QLabel(this);
    m_dropHint->setObjectName(QStringLiteral("dropHint"));
    m_dropHint->setAlignment(Qt::AlignCenter);
    m_dropHint->setStyleSheet(
        QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text);"
                       " border-radius: 4px; padding: 10px; font-weight: bold; }"));
    m_dropHint->hide();

    m_folderLabel = new QLabel(this);
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("sharedFolder"));
    m_folderLabel->setBuddy(m_folder);
    m_browse = new QPushButton(this);
    m_portLabel = new QLabel(this);
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("serverPort"));
    m_port->setRange(0, 65535);
    m_portLabel->setBuddy(m_port);
    m_bindLabel = new QLabel(this);
    m_everyone = new QRadioButton(this);
    m_localOnly = new QRadioButton(this);
    m_localOnly->setObjectName(QStringLiteral("localOnly"));
    auto *bindGroup = new QButtonGroup(this);
    bindGroup->addButton(m_everyone);
    bindGroup->addButton(m_localOnly);
    m_passwordLabel = new QLabel(this);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("sharePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordLabel->setBuddy(m_password);
    m_passwordNote = new QLabel(this);
    m_passwordNote->setObjectName(QStringLiteral("sharePasswordNote"));
    m_passwordNote->setWordWrap(true);
    m_passwordNote->hide();
    m_startStop = new QPushButton(this);
    m_startStop->setObjectName(QStringLiteral("startStop"));
    m_startStop->setDefault(true);

    auto *form = new QGridLayout;
    form->addWidget(m_folderLabel, 0, 0);
    form->addWidget(m_folder, 0, 1, 1, 3);
    form->addWidget(m_browse, 0, 4);
    form->addWidget(m_portLabel, 1, 0);
    form->addWidget(m_port, 1, 1);
    auto *bindRow = new QHBoxLayout;
    bindRow->addWidget(m_bindLabel);
    bindRow->addWidget(m_everyone);
    bindRow->addWidget(m_localOnly);
    bindRow->addStretch();
    form->addLayout(bindRow, 1, 2, 1, 2);
    form->addWidget(m_startStop, 1, 4);
    form->addWidget(m_passwordLabel, 2, 0);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password);
    passwordRow->addStretch();
    form->addLayout(passwordRow, 2, 1, 1, 3);
    form->addWidget(m_passwordNote, 3, 1, 1, 3);
    m_visible = new NearbySwitch(this);
    form->addWidget(m_visible, 4, 1, 1, 3);
    // The device's one name, next to the fingerprint it goes with: what others list and
    // what first contact shows.
    m_nameLabel = new QLabel(this);
    m_deviceName = new QLineEdit(this);
    m_deviceName->setObjectName(QStringLiteral("deviceName"));
    m_deviceName->setMaxLength(64);
    m_nameLabel->setBuddy(m_deviceName);
    m_identityLabel = new QLabel(this);
    m_identityLabel->setObjectName(QStringLiteral("deviceIdentity"));
    m_identityLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_identityLabel->setWordWrap(true);
    form->addWidget(m_nameLabel, 5, 0);
    form->addWidget(m_deviceName, 5, 1);
    form->addWidget(m_identityLabel, 5, 2, 1, 3);
    form->setColumnStretch(3, 1);

    m_sharingBox = new QGroupBox(this);
    m_addressHint = new QLabel(m_sharingBox);
    m_addressHint->setWordWrap(true);
    m_addresses = new AddressPanel(m_sharingBox);
    m_statsLabel = new QLabel(m_sharingBox);
    m_statsLabel->setObjectName(QStringLiteral("shareStats"));
    auto *sharingLayout = new QVBoxLayout(m_sharingBox);
    sharingLayout->addWidget(m_addressHint);
    sharingLayout->addWidget(m_addresses);
    sharingLayout->addWidget(m_statsLabel);

    m_transfersBox = new QGroupBox(this);
    m_transferView = makeTable(m_transfers, m_transfersBox);
    m_transferView->setItemDelegateForColumn(ServerTransferModel::ProgressColumn,
        new ProgressDelegate(ServerTransferModel::PermilleRole, m_transferView));
    auto *transfersLayout = new QVBoxLayout(m_transfersBox);
    transfersLayout->addWidget(m_transferView);

    m_logBox = new QGroupBox(this);
    m_logView = makeTable(m_log, m_logBox);
    m_logView->setObjectName(QStringLiteral("logView"));
    m_clearLog = new QPushButton(m_logBox);
    m_saveLog = new QPushButton(m_logBox);
    m_saveLog->setObjectName(QStringLiteral("saveLog"));
    auto *logButtons = new QHBoxLayout;
    logButtons->addStretch();
    logButtons->addWidget(m_clearLog);
    logButtons->addWidget(m_saveLog);
    auto *logLayout = new QVBoxLayout(m_logBox);
    logLayout->addWidget(m_logView);
    logLayout->addLayout(logButtons);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("serverSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_transfersBox);
    m_splitter->addWidget(m_logBox);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({120, 360});
    QHeaderView *logHeader = m_logView->horizontalHeader();
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    logHeader->resizeSection(LogModel::TimeColumn, 7 * em);
    logHeader->resizeSection(LogModel::PeerColumn, 14 * em);
    logHeader->resizeSection(LogModel::RequestColumn, 16 * em);
    logHeader->resizeSection(LogModel::BytesColumn, 8 * em);
    QHeaderView *sendHeader = m_transferView->horizontalHeader();
    sendHeader->resizeSection(ServerTransferModel::PeerColumn, 14 * em);
    sendHeader->resizeSection(ServerTransferModel::NameColumn, 16 * em);
    sendHeader->resizeSection(ServerTransferModel::ProgressColumn, 10 * em);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_dropHint);
    layout->addWidget(m_sharingBox);
    layout->addWidget(m_splitter, 1);
}

void ServerTab::updateIdentity()
{
    const Identity identity = DeviceIdentity::get(this);
    m_deviceName->setEnabled(!identity.isNull());
    if (!m_deviceName->hasFocus())
        m_deviceName->setText(identity.name());
    m_identityLabel->setText(identity.isNull()
            ? tr("This device has no identity: sharing is not possible.")
            : tr("Fingerprint %1")
                  .arg(DeviceIdentity::grouped(fingerprintHex(identity.fingerprint(), 16))
                      + QStringLiteral(" ...")));
}

QString ServerTab::bannerMessage() const
{
    if (m_error.code == ErrorCode::FolderMissing && m_error.detail.isEmpty())
        return tr("Choose a folder to share first.");
    if (m_error.code == ErrorCode::FolderMissing && QFileInfo(m_error.detail).isFile()) {
        //: %1 is the path of a file that was chosen as the shared folder.
        return tr("%1 is a file, not a folder. Choose the folder to share.")
            .arg(QDir::toNativeSeparators(m_error.detail));
    }
    if (m_error.code == ErrorCode::PortInUse) {
        //: %1 is a port number; "any free port" is the Port box's lowest choice.
        return tr("Port %1 is already in use by another program. Choose another port, or set "
                  "Port to \"any free port\".")
            .arg(m_error.detail);
    }
    return ErrorText::describe(m_error);
}

void ServerTab::retranslateUi()
{
    m_folderLabel->setText(tr("Shared f&older:"));
    m_nameLabel->setText(tr("Device &name:"));
    m_deviceName->setToolTip(tr("What nearby computers list and what first contact shows. "
                                "Empty: the computer's host name."));
    updateIdentity();
    m_folder->setPlaceholderText(tr("Choose a folder, or drop one here"));
    m_browse->setText(tr("&Browse..."));
    m_portLabel->setText(tr("&Port:"));
    m_port->setSpecialValueText(tr("any free port"));
    m_bindLabel->setText(tr("Who can connect:"));
    m_everyone->setText(tr("Everyone on the network"));
    m_localOnly->setText(tr("This computer only"));
    m_passwordLabel->setText(tr("Pass&word:"));
    m_password->setPlaceholderText(tr("Optional: require a password"));
    fitToPlaceholder(m_password);
    m_passwordNote->setText(
        tr("Files travel encrypted either way; the password decides who may download."));
    m_dropHint->setText(tr("Drop the folder here to share it"));
    m_sharingBox->setTitle(tr("Sharing"));
    m_addressHint->setText(tr("A friend can type one of these addresses in Ferry:"));
    m_transfersBox->setTitle(tr("Files being sent"));
    m_logBox->setTitle(tr("Connection log"));
    m_clearLog->setText(tr("Cl&ear"));
    m_saveLog->setText(tr("Save &as..."));
    if (!m_error.ok())
        m_banner->setText(bannerMessage());
    m_log->retranslate();
    m_transfers->retranslate();
    updateRunningUi();
}

} // namespace ferry
