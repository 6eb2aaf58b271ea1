#pragma once

#include <QHostAddress>
#include <QWidget>

class QGridLayout;
class QLabel;

namespace ferry {

/// The addresses a friend can type to reach this server, each with a copy button.
class AddressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AddressPanel(QWidget *parent = nullptr);
    void setServer(const QHostAddress &bind, quint16 port);
    void clear();
    QStringList addresses() const { return m_addresses; }

    static QStringList addressesFor(const QHostAddress &bind, quint16 port);

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void retranslateUi();

    QGridLayout *m_grid;
    QStringList m_addresses;
};

} // namespace ferry
