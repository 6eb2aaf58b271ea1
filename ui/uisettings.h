#pragma once

#include <QSettings>

namespace ferry {

/// The window's settings store: organization "Ferry", application "ferry", whatever names
/// main() gave the application.
class UiSettings : public QSettings
{
public:
    UiSettings() : QSettings(QStringLiteral("Ferry"), QStringLiteral("ferry")) { }
};

} // namespace ferry
