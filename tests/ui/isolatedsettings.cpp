// Linked into every UI test: the window saves its settings with QSettings, and a test run by
// hand must not overwrite the settings of the person running it. Test mode alone would put
// every test binary in one shared ~/.qttest folder, where one test's choices (say, "this
// computer only") would leak into the next run of another, so each process also gets a
// fresh settings folder of its own.
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace {
void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    static QTemporaryDir folder(QDir::tempPath() + QStringLiteral("/ferry-uitest-XXXXXX"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, folder.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder.path());
    // The device identity and trusted devices too: a folder per test run.
    static QTemporaryDir data;
    if (qEnvironmentVariableIsEmpty("FERRY_DATA_DIR"))
        qputenv("FERRY_DATA_DIR", QFile::encodeName(data.path()));
}
} // namespace

Q_COREAPP_STARTUP_FUNCTION(isolateSettings)
