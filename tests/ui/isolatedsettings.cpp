// Linked into every UI test: the window saves its settings with QSettings, and a test run by
// hand must not overwrite the settings of the person running it. (ctest also points
// XDG_CONFIG_HOME at a folder per test.)
#include <QCoreApplication>
#include <QStandardPaths>

namespace {
void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(isolateSettings)
