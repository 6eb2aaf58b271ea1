#include "errorbanner.h"

namespace ferry {

ErrorBanner::ErrorBanner(QWidget *parent) : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setStyleSheet(
        QStringLiteral("QLabel { background: #fde7e7; color: #7a1010; border: 1px solid #e0a0a0;"
                       " border-radius: 4px; padding: 6px; }"));
    hide();
}

void ErrorBanner::showMessage(const QString &text)
{
    setText(text);
    show();
}

} // namespace ferry
