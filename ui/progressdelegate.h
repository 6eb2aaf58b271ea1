#pragma once

#include <QStyledItemDelegate>

namespace ferry {

/// Paints a progress bar from a 0..1000 role, so sizes over 2 GiB never overflow the bar.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit ProgressDelegate(int permilleRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace ferry
