// The window exactly as app/main.cpp opens it with no arguments, without the CLI: for
// tools/screenshots.sh and for trying the UI before the app links it.
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    ferry::MainWindow window;
    window.show();
    return app.exec();
}
