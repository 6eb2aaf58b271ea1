#pragma once

#include "discovery/scanner.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace ferry {

class DiagnosisDialog;

/// The client tab's Nearby list: shares heard on the network (name, address, a lock when the
/// device is one this one trusted, a mark when a password is needed), plus those a scan found.
/// One click chooses a share.
class NearbyPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AddressColumn,
        PasswordColumn,
    };
    enum Role {
        TrustedRole = Qt::UserRole + 10, ///< On NameColumn: true when the row shows the lock.
    };
    explicit NearbyPanel(QWidget *parent = nullptr);
    QTreeWidget *view() const { return m_view; }
    /// Whether row \a row is a device this one trusted (shown with a lock).
    bool isTrusted(int row) const;
    /// Opens "Can't see a share?".
    void showDiagnosis();

signals:
    void chosen(const QString &host, quint16 port);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void rebuild();
    void addScanHit(const discovery::ScanHit &hit);

    QLabel *m_label;
    QTreeWidget *m_view;
    QLabel *m_empty;
    QPushButton *m_help;
    QTimer *m_rebuild;
    QList<discovery::ScanHit> m_scanHits;
    DiagnosisDialog *m_dialog = nullptr;
};

} // namespace ferry
