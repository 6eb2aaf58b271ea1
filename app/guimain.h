#pragma once

#include <QtGlobal>

/// The window's entry point in libferry_gui.so, found by name with dlsym (app/guimodule.cpp):
/// builds the QApplication from \a argc and \a argv and runs the window until it closes.
/// \a langOverrideUtf8 is the value of --lang, or empty for the saved choice or the system's.
extern "C" Q_DECL_EXPORT int ferry_gui_main(int argc, char **argv, const char *langOverrideUtf8);
