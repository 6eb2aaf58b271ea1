#include "transferview.h"

#include "dropnames.h"
#include "transfermodel.h"

#include <QDragEnterEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace ferry {

TransferView::TransferView(QWidget *parent) : QTableView(parent)
{
    setAcceptDrops(true);
    setDropIndicatorShown(false);
    setDragDropMode(QAbstractItemView::DropOnly);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setAlternatingRowColors(true);
    verticalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    m_hint = tr("Drop files or names here to download them");
}

void TransferView::setHighlight(bool on)
{
    if (m_highlight == on)
        return;
    m_highlight = on;
    viewport()->update();
}

void TransferView::dragEnterEvent(QDragEnterEvent *event)
{
    if (DropNames::fromMime(event->mimeData()).isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    setHighlight(true);
}

void TransferView::dragMoveEvent(QDragMoveEvent *event)
{
    event->setDropAction(Qt::CopyAction);
    event->accept();
}

void TransferView::dragLeaveEvent(QDragLeaveEvent *event)
{
    event->accept();
    setHighlight(false);
}

void TransferView::dropEvent(QDropEvent *event)
{
    setHighlight(false);
    const QStringList names = DropNames::fromMime(event->mimeData());
    if (names.isEmpty()) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit namesDropped(names);
}

void TransferView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    const bool empty = !model() || model()->rowCount() == 0;
    if (!m_highlight && !empty)
        return;
    QPainter p(viewport());
    const QRect area = viewport()->rect().adjusted(6, 6, -7, -7);
    if (m_highlight) {
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlpha(40);
        p.setBrush(fill);
        p.setPen(QPen(palette().color(QPalette::Highlight), 2, Qt::DashLine));
        p.drawRoundedRect(area, 8, 8);
    }
    // Over rows the words would be drawn across their text; the frame says enough there.
    if (empty) {
        p.setPen(palette().color(m_highlight ? QPalette::Text : QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, m_hint);
    }
}

bool TransferView::toggleFolder(const QModelIndex &index, int expand)
{
    auto *transfers = qobject_cast<TransferModel *>(model());
    const int folder = index.siblingAtColumn(0).data(TransferModel::FolderRole).toInt();
    if (!transfers || folder == 0)
        return false;
    const bool open = expand < 0 ? folder == 1 : expand == 1;
    transfers->setExpanded(index.data(TransferModel::IdRole).toULongLong(), open);
    return true;
}

bool TransferView::onArrow(const QMouseEvent *event) const
{
    // The arrow is the first two characters of a folder row's name.
    const QModelIndex index = indexAt(event->position().toPoint());
    return event->button() == Qt::LeftButton && index.column() == TransferModel::NameColumn
        && index.data(TransferModel::FolderRole).toInt() != 0
        && event->position().x()
        < visualRect(index).left() + 2 * fontMetrics().averageCharWidth() + 8;
}

void TransferView::mousePressEvent(QMouseEvent *event)
{
    if (onArrow(event) && toggleFolder(indexAt(event->position().toPoint()), -1)) {
        event->accept();
        return;
    }
    QTableView::mousePressEvent(event);
}

void TransferView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Qt sends the second click as a press too, which toggled already: the arrow takes
    // the double click, so it opens no file manager.
    if (onArrow(event)) {
        event->accept();
        return;
    }
    QTableView::mouseDoubleClickEvent(event);
}

void TransferView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Right || event->key() == Qt::Key_Left)
        && toggleFolder(currentIndex(), event->key() == Qt::Key_Right ? 1 : 0)) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void TransferView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_hint = tr("Drop files or names here to download them");
        viewport()->update();
    }
    QTableView::changeEvent(event);
}

} // namespace ferry
