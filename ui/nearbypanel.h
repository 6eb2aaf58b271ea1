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

/// The client tab's Nearby list: shares heard on the network (name, address, a mark when a
/// password is needed), plus those a scan found. One click chooses a share.
class NearbyPanel : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        AddressColumn,
        PasswordColumn,
    };
    explicit NearbyPanel(QWidget *parent = nullptr);
    QTreeWidget *view() const { return m_view; }
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
