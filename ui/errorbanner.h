#pragma once

#include <QLabel>

namespace ferry {

/// The red line a tab shows its errors in: wraps, can be selected and copied, and stays
/// hidden until there is something to say.
class ErrorBanner : public QLabel
{
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget *parent = nullptr);
    void showMessage(const QString &text);
};

} // namespace ferry
