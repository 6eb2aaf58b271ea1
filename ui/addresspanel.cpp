#include "addresspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGridLayout>
#include <QLineEdit>
#include <QNetworkInterface>
#include <QToolButton>

namespace ferry {

AddressPanel::AddressPanel(QWidget *parent) : QWidget(parent), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
}

QStringList AddressPanel::addressesFor(const QHostAddress &bind, quint16 port)
{
    const auto format = [port](const QHostAddress &a) {
        return a.protocol() == QAbstractSocket::IPv6Protocol
            ? QStringLiteral("[%1]:%2").arg(a.toString()).arg(port)
            : QStringLiteral("%1:%2").arg(a.toString()).arg(port);
    };
    QStringList list;
    if (bind.isLoopback() || bind == QHostAddress::LocalHost) {
        list << format(QHostAddress(QHostAddress::LocalHost));
        return list;
    }
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface &iface : interfaces) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning)
            || (flags & QNetworkInterface::IsLoopBack))
            continue;
        const QList<QNetworkAddressEntry> entries = iface.addressEntries();
        for (const QNetworkAddressEntry &entry : entries) {
            const QHostAddress ip = entry.ip();
            // A link-local IPv6 address needs a scope a friend can't know; skip it.
            if (ip.isLinkLocal() && ip.protocol() == QAbstractSocket::IPv6Protocol)
                continue;
            if (bind == QHostAddress::AnyIPv4 && ip.protocol() != QAbstractSocket::IPv4Protocol)
                continue;
            const QString text = format(ip);
            if (!list.contains(text))
                list << text;
        }
    }
    if (list.isEmpty())
        list << format(QHostAddress(QHostAddress::LocalHost));
    return list;
}

void AddressPanel::setServer(const QHostAddress &bind, quint16 port)
{
    m_addresses = addressesFor(bind, port);
    rebuild();
}

void AddressPanel::clear()
{
    m_addresses.clear();
    rebuild();
}

void AddressPanel::rebuild()
{
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int i = 0; i < m_addresses.size(); ++i) {
        auto *edit = new QLineEdit(m_addresses.at(i), this);
        edit->setReadOnly(true);
        edit->setObjectName(QStringLiteral("address%1").arg(i));
        auto *copy = new QToolButton(this);
        copy->setObjectName(QStringLiteral("copyAddress%1").arg(i));
        connect(copy, &QToolButton::clicked, this,
            [text = m_addresses.at(i)] { QApplication::clipboard()->setText(text); });
        m_grid->addWidget(edit, i, 0);
        m_grid->addWidget(copy, i, 1);
    }
    retranslateUi();
}

void AddressPanel::retranslateUi()
{
    for (QToolButton *button : findChildren<QToolButton *>()) {
        button->setText(tr("Copy"));
        button->setToolTip(tr("Copy this address to the clipboard"));
    }
}

void AddressPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace ferry
