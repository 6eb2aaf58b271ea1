#pragma once

#include "protocol/errorcode.h"

#include <QWidget>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QSplitter;
class QTableView;

namespace ferry {

class ErrorBanner;
class AddressPanel;
class ListingStats;
class NearbySwitch;
class LogModel;
class Server;
class ServerTransferModel;

/// Shares one folder: chooser (or a dropped folder), port, who may connect, Start/Stop; then
/// the addresses to give out, the share's size, the files in flight and the connection log.
class ServerTab : public QWidget
{
    Q_OBJECT
public:
    explicit ServerTab(QWidget *parent = nullptr);
    ~ServerTab() override;

    void setFolder(const QString &folder);
    QString folder() const;
    void setPort(quint16 port);
    void setLocalOnly(bool localOnly);
    /// An empty password shares openly; otherwise clients must prove it. Never saved.
    void setPassword(const QString &password);
    bool start();
    void stop();
    /// Stops sharing, after asking when files are being sent: what the button and the tray do.
    void requestStop();
    bool isRunning() const;
    /// Files being sent right now; stopping would abort them.
    int activeSends() const;
    quint16 listeningPort() const;
    LogModel *logModel() const { return m_log; }
    ServerTransferModel *transferModel() const { return m_transfers; }
    QString bannerText() const;
    QSplitter *splitter() const { return m_splitter; }

signals:
    void statusMessage(const QString &text);
    void runningChanged(bool running);

protected:
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void updateIdentity();
    void chooseFolder();
    void toggle();
    bool confirmStop();
    void folderEdited();
    void showError(const Failure &failure);
    QString bannerMessage() const;
    void updateRunningUi();
    void updatePasswordNote();
    void updateStats();
    void saveLog();
    void saveSettings() const;

    Server *m_server;
    NearbySwitch *m_visible;
    LogModel *m_log;
    ServerTransferModel *m_transfers;
    ListingStats *m_stats;
    ErrorBanner *m_banner;
    QLabel *m_dropHint;
    QLabel *m_folderLabel;
    QLineEdit *m_folder;
    QPushButton *m_browse;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_bindLabel;
    QRadioButton *m_everyone;
    QRadioButton *m_localOnly;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_passwordNote;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_deviceName = nullptr; ///< The device's one name: announced, shown on contact.
    QLabel *m_identityLabel = nullptr; ///< This device's fingerprint.
    QPushButton *m_startStop;
    QGroupBox *m_sharingBox;
    QLabel *m_addressHint;
    AddressPanel *m_addresses;
    QLabel *m_statsLabel;
    QGroupBox *m_transfersBox;
    QTableView *m_transferView;
    QGroupBox *m_logBox;
    QTableView *m_logView;
    QPushButton *m_clearLog;
    QPushButton *m_saveLog;
    QSplitter *m_splitter;
    qint64 m_files = -1;
    qint64 m_bytes = 0;
    Failure m_error;
    bool m_followLog = true;
};

} // namespace ferry
