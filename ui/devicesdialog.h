#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace ferry {

/// Settings > Devices: this device's name and fingerprint, and the devices it trusts, which
/// can be forgotten (after a device made a new identity, say).
class DevicesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DevicesDialog(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void reload();
    void forgetSelected();

    QLabel *m_nameLabel;
    QLineEdit *m_name;
    QLabel *m_fingerprint;
    QLabel *m_knownLabel;
    QTreeWidget *m_devices;
    QPushButton *m_forget;
    QPushButton *m_close;
};

} // namespace ferry
