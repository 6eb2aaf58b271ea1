// Linked into every UI test: the window saves its settings with QSettings, and a test run by
// hand must not overwrite the settings of the person running it. (ctest also points
// XDG_CONFIG_HOME at a folder per test.)
#include <QCoreApplication>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {
void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    // The device identity and trusted devices too: a folder per test run.
    static QTemporaryDir data;
    if (qEnvironmentVariableIsEmpty("FERRY_DATA_DIR"))
        qputenv("FERRY_DATA_DIR", QFile::encodeName(data.path()));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(isolateSettings)
