#pragma once

#include <QCoreApplication>
#include <QString>

namespace ferry {

/// Runs the window from libferry_gui.so, so that the command line never loads Qt's GUI
/// libraries. The module sits beside the executable (build tree) or in lib/ferry (installed).
class GuiModule
{
    Q_DECLARE_TR_FUNCTIONS(GuiModule)
public:
    /// Call before any QCoreApplication exists: the module makes the QApplication. Returns the
    /// window's exit code, or says on stderr why the module can't be loaded and returns
    /// ExitFailed.
    static int run(int argc, char *argv[], const QString &langOverride);
};

} // namespace ferry
