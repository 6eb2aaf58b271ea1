#pragma once

#include <QString>

namespace ferry {

class MainWindow;

/// A scripted state for screenshots (FERRY_DEMO_DIR): a server sharing sample files from
/// DIR/share, the client fetching two of them into DIR/downloads, and a large file shown
/// mid-download. FERRY_DEMO_TAB=client shows the client tab.
class Demo
{
public:
    static void start(MainWindow *window, const QString &dir);
};

} // namespace ferry
