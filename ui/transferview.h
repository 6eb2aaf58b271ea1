#pragma once

#include <QTableView>

namespace ferry {

/// The transfer list. It takes drops of names (text/plain), desktop files (text/uri-list) and
/// rows dragged from the listing, and lights up while something droppable hovers over it.
/// A folder row opens and closes with a click on its arrow, or with Right and Left.
class TransferView : public QTableView
{
    Q_OBJECT
public:
    explicit TransferView(QWidget *parent = nullptr);
    bool isDropHighlighted() const { return m_highlight; }

signals:
    void namesDropped(const QStringList &names);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setHighlight(bool on);
    /// Expands or collapses the folder row at \a index; false if it is no folder row.
    bool toggleFolder(const QModelIndex &index, int expand);
    bool onArrow(const QMouseEvent *event) const;
    QString m_hint;
    bool m_highlight = false;
};

} // namespace ferry
