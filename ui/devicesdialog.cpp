#include "devicesdialog.h"

#include "deviceidentity.h"
#include "tls/truststore.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ferry {

DevicesDialog::DevicesDialog(QWidget *parent)
    : QDialog(parent)
    , m_nameLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_fingerprint(new QLabel(this))
    , m_knownLabel(new QLabel(this))
    , m_devices(new QTreeWidget(this))
    , m_forget(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("devicesDialog"));
    m_nameLabel->setBuddy(m_name);
    m_name->setObjectName(QStringLiteral("deviceName"));
    m_name->setMaxLength(64);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fingerprint->setWordWrap(true);
    m_knownLabel->setBuddy(m_devices);
    m_devices->setObjectName(QStringLiteral("devices"));
    m_devices->setRootIsDecorated(false);
    m_devices->setColumnCount(3);
    m_devices->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_forget->setObjectName(QStringLiteral("forgetDevice"));

    auto *form = new QGridLayout;
    form->addWidget(m_nameLabel, 0, 0);
    form->addWidget(m_name, 0, 1);
    form->addWidget(m_fingerprint, 1, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_forget);
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_knownLabel);
    layout->addWidget(m_devices, 1);
    layout->addLayout(buttons);

    const Identity identity = DeviceIdentity::get(this);
    m_name->setText(identity.name());
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        DeviceIdentity::setName(m_name->text());
        m_name->setText(DeviceIdentity::get(this).name());
    });
    connect(m_forget, &QPushButton::clicked, this, &DevicesDialog::forgetSelected);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_devices, &QTreeWidget::itemSelectionChanged, this,
        [this] { m_forget->setEnabled(!m_devices->selectedItems().isEmpty()); });
    retranslateUi();
    reload();
    resize(640, 360);
}

void DevicesDialog::reload()
{
    m_devices->clear();
    for (const KnownDevice &d : TrustStore(Identity::dataDir()).devices()) {
        const QString hex = fingerprintHex(d.fingerprint);
        auto *item = new QTreeWidgetItem(m_devices,
            {d.name, d.address, DeviceIdentity::grouped(hex.left(16)) + QStringLiteral(" ...")});
        item->setData(0, Qt::UserRole, hex);
    }
    m_forget->setEnabled(false);
}

void DevicesDialog::forgetSelected()
{
    const auto items = m_devices->selectedItems();
    for (QTreeWidgetItem *item : items)
        TrustStore(Identity::dataDir()).forget(item->data(0, Qt::UserRole).toString());
    reload();
}

void DevicesDialog::retranslateUi()
{
    setWindowTitle(tr("Devices"));
    m_nameLabel->setText(tr("This device's &name:"));
    const Identity identity = DeviceIdentity::get(this);
    m_fingerprint->setText(identity.isNull()
            ? tr("No identity: this device can neither share nor download.")
            : tr("Fingerprint: %1")
                  .arg(DeviceIdentity::grouped(fingerprintHex(identity.fingerprint()))));
    m_knownLabel->setText(tr("&Trusted devices:"));
    m_devices->setHeaderLabels({tr("Name"), tr("Address"), tr("Fingerprint")});
    m_forget->setText(tr("&Forget"));
    m_close->setText(tr("&Close"));
}

void DevicesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace ferry
