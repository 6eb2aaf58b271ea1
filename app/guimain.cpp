#include "guimain.h"

#include "appicon.h"
#include "languages.h"
#include "mainwindow.h"
#include "uisettings.h"

#include <QApplication>

int ferry_gui_main(int argc, char **argv, const char *langOverrideUtf8)
{
    const QString langOverride = QString::fromUtf8(langOverrideUtf8);
    QApplication app(argc, argv);
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
    window.show();
    return QApplication::exec();
}
