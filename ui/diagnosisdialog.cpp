#include "diagnosisdialog.h"

#include "deviceidentity.h"
#include "diagnosistext.h"
#include "nearbyservice.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace ferry {

using namespace discovery;

DiagnosisDialog::DiagnosisDialog(QWidget *parent)
    : QDialog(parent), m_refresh(new QTimer(this)), m_scanner(new Scanner(this))
{
    setObjectName(QStringLiteral("diagnosis"));
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_report = new QPlainTextEdit(this);
    m_report->setObjectName(QStringLiteral("diagnosisReport"));
    m_report->setReadOnly(true);
    m_report->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_report->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_scanState = new QLabel(this);
    m_announce = new QPushButton(this);
    m_announce->setObjectName(QStringLiteral("announceNow"));
    m_scan = new QPushButton(this);
    m_scan->setObjectName(QStringLiteral("scanNetwork"));
    m_copy = new QPushButton(this);
    m_copy->setObjectName(QStringLiteral("copyLog"));
    m_close = new QPushButton(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_announce);
    buttons->addWidget(m_scan);
    buttons->addWidget(m_copy);
    buttons->addStretch();
    buttons->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_report, 1);
    layout->addWidget(m_scanState);
    layout->addLayout(buttons);
    resize(760, 560);

    connect(m_announce, &QPushButton::clicked, this, [this] {
        if (Discovery *d = NearbyService::discovery())
            d->announceNow();
        refresh();
    });
    connect(m_scan, &QPushButton::clicked, this, &DiagnosisDialog::scan);
    connect(m_copy, &QPushButton::clicked, this, &DiagnosisDialog::copyLog);
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);
    connect(m_scanner, &Scanner::found, this, &DiagnosisDialog::found);
    connect(m_scanner, &Scanner::progress, this, [this](int done, int total) {
        m_scanState->setText(tr("Scanning: %1 of %2 addresses probed, %n share(s) found.", nullptr,
            int(m_scanner->hits().size()))
                                 .arg(done)
                                 .arg(total));
    });
    connect(m_scanner, &Scanner::finished, this, [this] {
        m_scanned = true;
        m_scan->setEnabled(true);
        // Left at "Scanning: 506 of 506", it read as if the scan were still running.
        m_scanState->setText(tr("Scan finished: %1 addresses probed, %n share(s) found.", nullptr,
            int(m_scanner->hits().size()))
                                 .arg(m_scanner->done()));
        refresh();
    });
    // Counts change while the dialog is open: it shows them live.
    m_refresh->setInterval(1000);
    connect(m_refresh, &QTimer::timeout, this, &DiagnosisDialog::refresh);
    retranslateUi();
}

DiagnosisDialog::~DiagnosisDialog() = default;

void DiagnosisDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_refresh->start();
    if (!m_firewallChecked)
        checkFirewall();
    refresh();
}

void DiagnosisDialog::checkFirewall()
{
    m_firewallChecked = true;
    const Discovery *d = NearbyService::discovery();
    const quint16 port = d ? d->config().udpPort : 6669;
    // nft and friends may take a moment: off the GUI thread, the result comes back queued.
    QPointer<DiagnosisDialog> self(this);
    QThread *thread = QThread::create([self, port] {
        const FirewallReport report = ferry::discovery::checkFirewall(port);
        QMetaObject::invokeMethod(qApp, [self, report] {
            if (!self)
                return;
            self->m_firewall = report;
            self->refresh();
        });
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void DiagnosisDialog::scan()
{
    const Discovery *d = NearbyService::discovery();
    if (!d)
        return;
    m_scan->setEnabled(false);
    // Probed as the window connects, over TLS: the servers' logs stay free of errors.
    m_scanner->setIdentity(DeviceIdentity::get(this));
    m_scanner->start(Scanner::targets(d->interfaces()), 6669);
}

QString DiagnosisDialog::reportText() const
{
    const Discovery *d = NearbyService::discovery();
    if (!d)
        return tr("Discovery is turned off (FERRY_NO_DISCOVERY).");
    const quint16 port = d->config().udpPort;
    QStringList lines;
    lines << tr("Interfaces (group %1, port %2):").arg(d->config().group.toString()).arg(port);
    for (const QString &l : DiagnosisText::interfaceLines(d->interfaces()))
        lines << QStringLiteral("  ") + l;
    lines << tr("Shares heard: %1.").arg(d->peers().size());
    lines << (m_firewallChecked
                && (m_firewall.verdict != FirewallReport::Verdict::NotChecked
                    || !m_firewall.tools.isEmpty())
            ? DiagnosisText::firewallLine(m_firewall)
            : DiagnosisText::firewallLine({}));
    if (m_scanned)
        lines << tr("Scan: %n share(s) answered over TCP.", nullptr, int(m_scanner->hits().size()));
    lines << QString() << tr("Hints:");
    for (const QString &h : DiagnosisText::hints(d->interfaces(), m_firewall, port))
        lines << QStringLiteral("  ") + h;
    lines << QString() << tr("Log:");
    for (const QString &l : d->log())
        lines << QStringLiteral("  ") + l;
    return lines.join(QLatin1Char('\n'));
}

void DiagnosisDialog::refresh()
{
    const QString text = reportText();
    if (text == m_report->toPlainText())
        return;
    const int scroll = m_report->verticalScrollBar()->value();
    m_report->setPlainText(text);
    m_report->verticalScrollBar()->setValue(scroll);
}

void DiagnosisDialog::copyLog()
{
    QApplication::clipboard()->setText(reportText());
    m_scanState->setText(tr("Copied to the clipboard."));
}

void DiagnosisDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh();
    }
    QDialog::changeEvent(event);
}

void DiagnosisDialog::retranslateUi()
{
    setWindowTitle(tr("Can't see a share?"));
    m_intro->setText(tr("What discovery did on each network interface of this computer, and "
                        "what usually keeps a share from appearing. The other computer's "
                        "\"Can't see a share?\" tells its side."));
    m_announce->setText(tr("&Announce now"));
    m_announce->setToolTip(tr("Send this computer's announcement and ask every share to "
                              "answer, now."));
    m_scan->setText(tr("&Scan my network"));
    m_scan->setToolTip(tr("Try every address of this computer's networks (/24) on port 6669 "
                          "over TCP: finds shares even where multicast is blocked."));
    m_copy->setText(tr("Co&py log"));
    m_close->setText(tr("&Close"));
}

} // namespace ferry
