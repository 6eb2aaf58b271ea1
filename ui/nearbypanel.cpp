#include "nearbypanel.h"

#include "diagnosisdialog.h"
#include "discovery/announcement.h"
#include "nearbyservice.h"
#include "tls/identity.h"
#include "tls/truststore.h"

#include <QDir>
#include <QEvent>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ferry {

using discovery::Discovery;
using discovery::Peer;

NearbyPanel::NearbyPanel(QWidget *parent) : QWidget(parent), m_rebuild(new QTimer(this))
{
    m_label = new QLabel(this);
    m_view = new QTreeWidget(this);
    m_view->setObjectName(QStringLiteral("nearby"));
    m_view->setColumnCount(3);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(AddressColumn, QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(PasswordColumn, QHeaderView::ResizeToContents);
    m_label->setBuddy(m_view);
    m_empty = new QLabel(this);
    m_empty->setWordWrap(true);
    m_empty->setEnabled(false);
    m_help = new QPushButton(this);
    m_help->setObjectName(QStringLiteral("cantSeeShare"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_label);
    top->addStretch();
    top->addWidget(m_help);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty);

    // Changes come in bursts (a flood, a new network): one rebuild per burst keeps the window
    // responsive.
    m_rebuild->setSingleShot(true);
    m_rebuild->setInterval(100);
    connect(m_rebuild, &QTimer::timeout, this, &NearbyPanel::rebuild);
    if (Discovery *d = NearbyService::discovery()) {
        connect(d, &Discovery::peerAdded, m_rebuild, qOverload<>(&QTimer::start));
        connect(d, &Discovery::peerChanged, m_rebuild, qOverload<>(&QTimer::start));
        connect(d, &Discovery::peerRemoved, m_rebuild, qOverload<>(&QTimer::start));
    }
    // Trusting a device (first contact) or forgetting one (Devices) changes the locks. The
    // trust store is replaced by a rename, which only the folder sees.
    auto *watcher = new QFileSystemWatcher(this);
    QDir().mkpath(Identity::dataDir());
    watcher->addPath(Identity::dataDir());
    connect(watcher, &QFileSystemWatcher::directoryChanged, m_rebuild, qOverload<>(&QTimer::start));
    // One click chooses: the list is a set of shortcuts, not a selection to act on later.
    connect(m_view, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        emit chosen(item->data(AddressColumn, Qt::UserRole).toString(),
            quint16(item->data(AddressColumn, Qt::UserRole + 1).toUInt()));
    });
    connect(m_view, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit chosen(item->data(AddressColumn, Qt::UserRole).toString(),
            quint16(item->data(AddressColumn, Qt::UserRole + 1).toUInt()));
    });
    connect(m_help, &QPushButton::clicked, this, &NearbyPanel::showDiagnosis);
    retranslateUi();
    rebuild();
}

void NearbyPanel::showDiagnosis()
{
    if (!m_dialog) {
        m_dialog = new DiagnosisDialog(this);
        connect(m_dialog, &DiagnosisDialog::found, this, &NearbyPanel::addScanHit);
    }
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
}

void NearbyPanel::addScanHit(const discovery::ScanHit &hit)
{
    // Every scan finds the same shares again: a share is one row however often it answers.
    const auto same
        = std::find_if(m_scanHits.begin(), m_scanHits.end(), [&](const discovery::ScanHit &h) {
              return h.address == hit.address && h.port == hit.port;
          });
    if (same != m_scanHits.end())
        *same = hit;
    else
        m_scanHits.append(hit);
    rebuild();
}

namespace {

// A padlock drawn in the palette's text colour: no font here has U+1F512, and an icon theme
// may not be installed.
QIcon lockIcon(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color, 3.5));
    painter.drawArc(QRectF(9, 3, 14, 18), 0, 180 * 16);
    painter.drawLine(QPointF(9, 12), QPointF(9, 15));
    painter.drawLine(QPointF(23, 12), QPointF(23, 15));
    QPainterPath body;
    body.addRoundedRect(QRectF(5, 14, 22, 15), 3, 3);
    painter.fillPath(body, color);
    return QIcon(pixmap);
}

} // namespace

bool NearbyPanel::isTrusted(int row) const
{
    const QTreeWidgetItem *item = m_view->topLevelItem(row);
    return item && item->data(NameColumn, TrustedRole).toBool();
}

void NearbyPanel::rebuild()
{
    // Devices trusted on first contact, by the id they announce: their fingerprint's start.
    // Only a hint: connecting checks the whole certificate before anything is sent.
    QSet<QByteArray> trusted;
    for (const KnownDevice &device : TrustStore(Identity::dataDir()).devices())
        trusted.insert(device.fingerprint.left(discovery::kIdSize));
    const QIcon lock = lockIcon(palette().color(QPalette::Text));
    // Rows without the lock keep its room, so that the names line up.
    const QIcon blank = lockIcon(Qt::transparent);
    const Discovery *d = NearbyService::discovery();
    const QList<Peer> peers = d ? d->peers() : QList<Peer>();
    const auto add = [&](const QString &name, const QString &address, quint16 port, bool password,
                         bool isTrusted, const QString &tip) {
        auto *item = new QTreeWidgetItem(m_view);
        item->setText(NameColumn, name);
        item->setText(
            AddressColumn, port == 6669 ? address : QStringLiteral("%1:%2").arg(address).arg(port));
        item->setData(AddressColumn, Qt::UserRole, address);
        item->setData(AddressColumn, Qt::UserRole + 1, port);
        item->setText(PasswordColumn, password ? tr("password") : QString());
        item->setToolTip(NameColumn, tip);
        item->setIcon(NameColumn, isTrusted ? lock : blank);
        if (isTrusted) {
            item->setData(NameColumn, TrustedRole, true);
            //: Read by a screen reader for a Nearby row with the lock; %1 is the device name.
            item->setData(
                NameColumn, Qt::AccessibleTextRole, tr("%1, trusted, encrypted").arg(name));
        }
    };
    const auto trustedTip = [this](const QString &where) {
        return tr("%1 A device you trusted: the connection is encrypted, and its certificate is "
                  "checked before anything is sent.")
            .arg(where);
    };
    const QTreeWidgetItem *currentItem = m_view->currentItem();
    const QString current = currentItem ? currentItem->text(AddressColumn) : QString();
    m_view->clear();
    for (const Peer &p : peers) {
        const bool known = trusted.contains(p.id);
        const QString where = tr("Announced on %1.").arg(p.interfaceName);
        add(p.name, p.address.toString(), p.port, p.passwordRequired, known,
            known ? trustedTip(where)
                  : tr("Announced on %1; the name is the other computer's claim, not yet proven.")
                        .arg(p.interfaceName));
    }
    for (const discovery::ScanHit &hit : std::as_const(m_scanHits)) {
        const bool announced = std::any_of(peers.begin(), peers.end(),
            [&](const Peer &p) { return p.address == hit.address && p.port == hit.port; });
        if (announced)
            continue;
        // The scan's TLS handshake proved the fingerprint: a lock here is more than a hint.
        const bool known = !hit.fingerprint.isEmpty()
            && trusted.contains(hit.fingerprint.left(discovery::kIdSize));
        const QString where
            = tr("Answered a scan but doesn't announce itself: multicast doesn't reach this "
                 "computer from it.");
        add(hit.name.isEmpty() ? tr("(found by scan)") : hit.name, hit.address.toString(), hit.port,
            hit.passwordRequired, known, known ? trustedTip(where) : where);
    }
    for (int i = 0; i < m_view->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_view->topLevelItem(i);
        if (!current.isEmpty() && item->text(AddressColumn) == current)
            m_view->setCurrentItem(item);
    }
    m_empty->setVisible(m_view->topLevelItemCount() == 0);
}

void NearbyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void NearbyPanel::retranslateUi()
{
    m_label->setText(tr("Near&by:"));
    m_view->setHeaderLabels({tr("Name"), tr("Address"), tr("Password")});
    // No access key: every letter of it is taken in the client tab (docs/decisions.md).
    m_help->setText(tr("Can't see a share?"));
    m_empty->setText(NearbyService::discovery()
            ? tr("No share heard yet. Shares started on this network appear here by themselves; "
                 "click one to list its files.")
            : tr("Discovery is turned off."));
}

} // namespace ferry
