// The window as app/main.cpp opens it with no arguments, without the CLI: for trying the UI
// before the app links it, and for tools/screenshots.sh, which sets FERRY_DEMO_DIR to fill it
// with a scripted state. That hook lives here, not in the product window.
#include "demo.h"
#include "languages.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ferry::Languages languages;
    languages.apply(ferry::Languages::fromSystem());
    ferry::MainWindow window;
    window.show();
    const QString demoDir = qEnvironmentVariable("FERRY_DEMO_DIR");
    if (!demoDir.isEmpty())
        ferry::Demo::start(&window, demoDir);
    return app.exec();
}
