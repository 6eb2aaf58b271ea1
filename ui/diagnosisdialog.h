#pragma once

#include "discovery/firewall.h"
#include "discovery/scanner.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace ferry {

/// "Can't see a share?": each interface and what discovery did on it, the firewall, hints
/// with the commands that open the port, Announce now, Scan my network, and a log to copy.
class DiagnosisDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DiagnosisDialog(QWidget *parent = nullptr);
    ~DiagnosisDialog() override;
    QString reportText() const;

signals:
    void found(const ferry::discovery::ScanHit &hit);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void retranslateUi();
    void refresh();
    void checkFirewall();
    void scan();
    void copyLog();

    QLabel *m_intro;
    QPlainTextEdit *m_report;
    QLabel *m_scanState;
    QPushButton *m_announce;
    QPushButton *m_scan;
    QPushButton *m_copy;
    QPushButton *m_close;
    QTimer *m_refresh;
    discovery::Scanner *m_scanner;
    discovery::FirewallReport m_firewall;
    bool m_firewallChecked = false;
    bool m_scanned = false;
};

} // namespace ferry
