#include "servertab.h"

#include "deviceidentity.h"

#include "addresspanel.h"
#include "dropnames.h"
#include "errorbanner.h"
#include "listingstats.h"
#include "logmodel.h"
#include "nearbyswitch.h"
#include "progressdelegate.h"
#include "server/server.h"
#include "servertransfermodel.h"
#include "uilog.h"
#include "uisettings.h"

#include <QButtonGroup>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>

namespace ferry {

ServerTab::ServerTab(QWidget *parent)
    : QWidget(parent)
    , m_server(new Server(this))
    , m_log(new LogModel(this))
    , m_transfers(new ServerTransferModel(this))
    , m_stats(new ListingStats(this))
{
    qRegisterMetaType<ferry::ServerEvent>();
    qRegisterMetaType<ferry::ServerTransfer>();
    setAcceptDrops(true);
    buildUi();
    UiSettings settings;
    m_folder->setText(settings.value(QStringLiteral("server/folder")).toString());
    m_port->setValue(settings.value(QStringLiteral("server/port"), 6669).toInt());
    const bool localOnly = settings.value(QStringLiteral("server/localOnly"), false).toBool();
    (localOnly ? m_localOnly : m_everyone)->setChecked(true);
    m_splitter->restoreState(settings.value(QStringLiteral("server/splitter")).toByteArray());
    m_logView->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("server/logHeader")).toByteArray());

    connect(m_server, &Server::event, this, [this](const ServerEvent &e) {
        m_log->append(e);
        if (e.code == ErrorCode::FolderMissing || e.code == ErrorCode::PermissionDenied)
            showError({e.code, e.detail});
    });
    // A send aborted by Stop reports its end after the list was cleared: leave it cleared.
    connect(m_server, &Server::transferProgress, this, [this](const ServerTransfer &t) {
        if (isRunning())
            m_transfers->update(t);
    });
    connect(m_stats, &ListingStats::ready, this, [this](qint64 files, qint64 bytes) {
        m_files = files;
        m_bytes = bytes;
        updateStats();
    });
    // The log sticks to its end while the user leaves it there, however its range grows: new
    // rows, a horizontal scroll bar appearing later, a smaller window or splitter. Scrolling
    // up un-sticks it; scrolling back to the end sticks it again.
    QScrollBar *logBar = m_logView->verticalScrollBar();
    connect(logBar, &QScrollBar::valueChanged, this,
        [this, logBar](int value) { m_followLog = value >= logBar->maximum(); });
    connect(logBar, &QScrollBar::rangeChanged, this, [this, logBar](int, int maximum) {
        if (m_followLog)
            logBar->setValue(maximum);
    });
    connect(m_browse, &QPushButton::clicked, this, &ServerTab::chooseFolder);
    connect(m_folder, &QLineEdit::textChanged, this, &ServerTab::folderEdited);
    connect(m_password, &QLineEdit::textChanged, this, &ServerTab::updatePasswordNote);
    connect(m_startStop, &QPushButton::clicked, this, &ServerTab::toggle);
    connect(m_clearLog, &QPushButton::clicked, m_log, &LogModel::clear);
    connect(m_saveLog, &QPushButton::clicked, this, &ServerTab::saveLog);
    connect(m_deviceName, &QLineEdit::editingFinished, this, [this] {
        if (m_deviceName->text() != DeviceIdentity::get(this).name())
            DeviceIdentity::setName(m_deviceName->text());
        m_deviceName->setText(DeviceIdentity::get(this).name()); // Cleaned, or the host name.
    });
    connect(
        DeviceNameSignal::instance(), &DeviceNameSignal::changed, this, &ServerTab::updateIdentity);
    // The switch announces the share while it runs, unless it listens on this computer only.
    connect(this, &ServerTab::runningChanged, m_visible, [this](bool running) {
        const bool announce = running && !m_localOnly->isChecked();
        m_visible->setShare(announce ? m_server->serverPort() : 0, !m_password->text().isEmpty());
    });
    retranslateUi();
    updateRunningUi();
}

ServerTab::~ServerTab()
{
    saveSettings();
    m_server->stop();
}

// The password is deliberately not among the settings: it would sit in clear in the file.
void ServerTab::saveSettings() const
{
    UiSettings settings;
    settings.setValue(QStringLiteral("server/folder"), m_folder->text());
    settings.setValue(QStringLiteral("server/port"), m_port->value());
    settings.setValue(QStringLiteral("server/localOnly"), m_localOnly->isChecked());
    settings.setValue(QStringLiteral("server/splitter"), m_splitter->saveState());
    settings.setValue(
        QStringLiteral("server/logHeader"), m_logView->horizontalHeader()->saveState());
}

void ServerTab::setFolder(const QString &folder)
{
    m_folder->setText(folder);
}

QString ServerTab::folder() const
{
    return m_folder->text();
}

void ServerTab::setPort(quint16 port)
{
    m_port->setValue(port);
}

void ServerTab::setLocalOnly(bool localOnly)
{
    (localOnly ? m_localOnly : m_everyone)->setChecked(true);
}

void ServerTab::setPassword(const QString &password)
{
    m_password->setText(password);
}

bool ServerTab::isRunning() const
{
    return m_server->isRunning();
}

int ServerTab::activeSends() const
{
    return isRunning() ? m_transfers->activeCount() : 0;
}

// "Choose a folder first" is stale as soon as there is one.
void ServerTab::folderEdited()
{
    if (m_error.code == ErrorCode::FolderMissing && m_error.detail.isEmpty()
        && !m_folder->text().trimmed().isEmpty()) {
        m_error = {};
        m_banner->hide();
    }
}

quint16 ServerTab::listeningPort() const
{
    return m_server->isRunning() ? m_server->serverPort() : 0;
}

QString ServerTab::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ServerTab::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Choose the folder to share"), m_folder->text());
    if (!dir.isEmpty())
        m_folder->setText(dir);
}

void ServerTab::toggle()
{
    if (!isRunning())
        start();
    else
        requestStop();
}

void ServerTab::requestStop()
{
    if (isRunning() && confirmStop())
        stop();
}

/// Stopping aborts the files being sent: ask first, defaulting to keep sharing.
bool ServerTab::confirmStop()
{
    const int sends = activeSends();
    if (sends == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Stop sharing"),
        tr("%n file(s) being sent. Stop sharing anyway?", nullptr, sends), QMessageBox::NoButton,
        this);
    box.setObjectName(QStringLiteral("confirmStopSharing"));
    box.setInformativeText(tr("The friends receiving them can resume later."));
    QPushButton *stopButton = box.addButton(tr("Stop sharing"), QMessageBox::DestructiveRole);
    stopButton->setObjectName(QStringLiteral("confirmStop"));
    QPushButton *keep = box.addButton(tr("Keep sharing"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepSharing"));
    box.setDefaultButton(keep);
    box.setEscapeButton(keep);
    box.exec();
    // A send may have ended while the question was open; stopping is still what was asked.
    return box.clickedButton() == stopButton;
}

bool ServerTab::start()
{
    if (isRunning())
        return true;
    ServerConfig config;
    config.root = m_folder->text().trimmed();
    config.port = quint16(m_port->value());
    config.bindAddress = m_localOnly->isChecked() ? QHostAddress(QHostAddress::LocalHost)
                                                  : QHostAddress(QHostAddress::Any);
    config.password = m_password->text().toUtf8();
    config.identity = DeviceIdentity::get(this);
    Failure error;
    if (config.root.isEmpty()) {
        error = {ErrorCode::FolderMissing, {}};
    } else if (!m_server->start(config, &error)) {
        if (error.ok())
            error.code = ErrorCode::Internal;
    }
    if (error.code == ErrorCode::PortInUse)
        error.detail = QString::number(config.port);
    if (!error.ok()) {
        qCWarning(lcUi) << "server did not start:" << int(error.code) << error.detail;
        showError(error);
        return false;
    }
    m_error = {};
    m_banner->hide();
    saveSettings();
    m_addresses->setServer(config.bindAddress, m_server->serverPort());
    m_files = -1;
    m_stats->compute(config.root);
    updateRunningUi();
    emit statusMessage(tr("Sharing %1 on port %2").arg(config.root).arg(m_server->serverPort()));
    emit runningChanged(true);
    return true;
}

void ServerTab::stop()
{
    if (!isRunning())
        return;
    m_server->stop();
    m_addresses->clear();
    m_transfers->clear();
    updateRunningUi();
    emit statusMessage(tr("Sharing stopped"));
    emit runningChanged(false);
}

void ServerTab::showError(const Failure &failure)
{
    m_error = failure;
    m_banner->showMessage(bannerMessage());
}

void ServerTab::updateRunningUi()
{
    const bool running = isRunning();
    m_folder->setEnabled(!running);
    m_browse->setEnabled(!running);
    m_port->setEnabled(!running);
    m_everyone->setEnabled(!running);
    m_localOnly->setEnabled(!running);
    m_password->setEnabled(!running);
    m_sharingBox->setVisible(running);
    m_startStop->setText(running ? tr("Stop sharing") : tr("Start sharing"));
    updateStats();
}

void ServerTab::updatePasswordNote()
{
    m_passwordNote->setVisible(!m_password->text().isEmpty());
}

void ServerTab::updateStats()
{
    if (m_files < 0) {
        m_statsLabel->setText(tr("Counting the shared files..."));
        return;
    }
    //: %n is the number of files, %1 their total size such as "1.5 GiB".
    m_statsLabel->setText(tr("%n file(s) shared, %1 in total", nullptr, int(m_files))
                              .arg(QLocale().formattedDataSize(m_bytes)));
}

void ServerTab::dragEnterEvent(QDragEnterEvent *event)
{
    if (isRunning() || DropNames::folderFromMime(event->mimeData()).isEmpty())
        return;
    event->acceptProposedAction();
    m_dropHint->show();
}

void ServerTab::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropHint->hide();
    QWidget::dragLeaveEvent(event);
}

void ServerTab::dropEvent(QDropEvent *event)
{
    m_dropHint->hide();
    const QString dir = DropNames::folderFromMime(event->mimeData());
    if (dir.isEmpty() || isRunning())
        return;
    event->acceptProposedAction();
    m_folder->setText(dir);
}

void ServerTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ferry
