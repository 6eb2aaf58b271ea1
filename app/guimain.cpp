#include "guimain.h"

#include "appicon.h"
#include "languages.h"
#include "mainwindow.h"
#include "singleinstance.h"
#include "uisettings.h"

#include <QApplication>

int ferry_gui_main(int argc, char **argv, const char *langOverrideUtf8)
{
    const QString langOverride = QString::fromUtf8(langOverrideUtf8);
    QApplication app(argc, argv);
    // --minimized --share-last: what the "Share on login" autostart entry runs.
    const QStringList args = QApplication::arguments();
    const bool minimized = args.contains(QLatin1String("--minimized"));
    const bool shareLast = args.contains(QLatin1String("--share-last"));
    // One window per user: a second launch raises the first (a login start just leaves it).
    ferry::SingleInstance instance;
    if (instance.handOver(!minimized))
        return 0;

    QApplication::setWindowIcon(ferry::AppIcon::icon());
    QApplication::setDesktopFileName(QStringLiteral("ferry"));
    ferry::Languages languages;
    auto applyChoice = [&languages](const QString &choice) {
        languages.apply(choice.isEmpty() ? ferry::Languages::fromSystem() : choice);
    };
    applyChoice(langOverride.isEmpty()
            ? ferry::UiSettings().value(QStringLiteral("ui/language")).toString()
            : langOverride);
    ferry::MainWindow window;
    // Installing the new translators sends every widget a LanguageChange: no restart.
    QObject::connect(&window, &ferry::MainWindow::languageRequested, &window, applyChoice);
    QObject::connect(&instance, &ferry::SingleInstance::raiseRequested, &window,
        &ferry::MainWindow::showAndRaise);
    // The window may live hidden in the tray, and a dialog closed meanwhile is not the end:
    // the application ends when the window says it closed for good.
    QApplication::setQuitOnLastWindowClosed(false);
    QObject::connect(&window, &ferry::MainWindow::quitAccepted, &app, &QCoreApplication::quit,
        Qt::QueuedConnection);
    window.launch(minimized, shareLast);
    return QApplication::exec();
}
