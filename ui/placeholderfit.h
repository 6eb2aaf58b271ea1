#pragma once

#include <QLineEdit>
#include <QStyle>

namespace ferry {

/// Keeps a line edit at least as wide as its placeholder, in whatever language it is now,
/// so the hint is never elided at the default window size.
inline void fitToPlaceholder(QLineEdit *edit)
{
    const int text = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
    const QMargins margins = edit->textMargins();
    const int frame = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, nullptr, edit);
    edit->setMinimumWidth(text + margins.left() + margins.right() + 2 * frame + 12);
}

} // namespace ferry
