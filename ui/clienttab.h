#pragma once

#include <optional>

#include "client/clientsession.h"
#include "protocol/errorcode.h"

#include <QModelIndex>
#include <QSet>
#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStringListModel;
class QTreeView;

namespace ferry {

class ErrorBanner;
class NearbyPanel;
class ConflictPrompt;
class RemoteListModel;
struct GetOptions;
class TransferHistory;
class TransferModel;
class TransferQueue;
class TransferView;

/// Connects to a server, shows its files and folders as a tree and downloads them: by
/// double-click, selection plus Enter or the button, the listing's context menu, a typed
/// name, or a drop onto the transfer list. A folder ("photos/") goes as one folder download.
class ClientTab : public QWidget
{
    Q_OBJECT
public:
    explicit ClientTab(QWidget *parent = nullptr);
    ~ClientTab() override;

    void setHost(const QString &host, quint16 port);
    void setDestination(const QString &dir);
    QString destination() const;
    /// Asks the server for each name, saving into the destination folder. A folder of the
    /// listing, or a name ending in '/', is downloaded whole with its relative paths.
    void request(const QStringList &names);
    void refresh();
    TransferModel *transferModel() const { return m_transfers; }
    TransferQueue *queue() const { return m_queue; }
    RemoteListModel *listModel() const { return m_list; }
    QString bannerText() const;
    NearbyPanel *nearbyPanel() const { return m_nearby; }

signals:
    void statusMessage(const QString &text);
    /// A download ended; \a ok is false when it failed or did not verify.
    void notice(const QString &title, const QString &message, bool ok);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void loadSettings();
    void saveSettings() const;
    void rememberHost(const QString &host);
    void currentServer(QString *host, quint16 *port) const;
    void downloadSelected();
    void downloadTyped();
    void chooseDestination();
    void onListing();
    void onTreeReady();
    void showExpansion();
    void collapseListing();
    void clearListing();
    /// The name to request for a listing row: a folder's ends in '/'.
    static QString requestName(const QModelIndex &index);
    /// Queues \a name as one folder download if the listing of this server has that folder.
    bool requestFolder(
        const QString &host, quint16 port, const QString &name, const GetOptions &options);
    void showListingMenu(const QPoint &pos);
    void onTransferEnded(quint64 id);
    QList<quint64> selectedTransfers() const;
    void cancelSelected();
    void retrySelected(bool resume);
    void startOverSelected();
    void openFolder();
    void showBanner(const Failure &failure);
    /// False, with a banner naming the forms, when the Host box holds text that no form fits.
    bool hostIsWellFormed();
    void askForPassword(const Failure &failure);
    void updateConnectButton();
    void updateSpans();
    void updateSpanRows(int first, int last);
    void sizeTransferColumns();
    void updateActions();
    void showTransferMenu(const QPoint &pos);
    QString bannerMessage() const;

    RemoteListModel *m_list;
    QStringListModel *m_names;
    TransferModel *m_transfers;
    TransferQueue *m_queue;
    ConflictPrompt *m_conflicts;
    TransferHistory *m_history;

    QLabel *m_hostLabel;
    QComboBox *m_host;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QPushButton *m_connect;
    ErrorBanner *m_banner;
    QLabel *m_listingLabel;
    QLabel *m_secureLabel = nullptr; ///< "Encrypted, talking to NAME" once listed.
    std::optional<QString> m_peerName; ///< The trusted device the listing came from.
    QLineEdit *m_filter;
    QTreeView *m_listView;
    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QCompleter *m_completer;
    QPushButton *m_getName;
    QPushButton *m_download;
    QLabel *m_destLabel;
    QLineEdit *m_dest;
    QPushButton *m_chooseDest;
    TransferView *m_transferView;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_resume;
    QPushButton *m_startOver;
    QPushButton *m_openFolder;
    QPushButton *m_clearDone;
    QSplitter *m_splitter;
    NearbyPanel *m_nearby;

    QString m_listedServer; ///< "host:port" whose listing is shown.
    QString m_pendingServer; ///< "host:port" last asked for its listing.
    QString m_passwordServer; ///< "host:port" that accepted the Password box's text.
    bool m_listing = false;
    Failure m_bannerFailure;
    QString m_unopenedFolder; ///< Shown in the banner: Open folder found no file manager.
    QString m_badHost; ///< Shown in the banner: the Host box holds no address form.
    QStringList m_pendingFolders; ///< "photos/" asked for before its listing was there.
    QSet<QString> m_expanded; ///< Folders the user opened, kept across filters and Refresh.
};

} // namespace ferry
