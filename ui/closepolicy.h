#pragma once

namespace ferry {

/// What the window is doing that closing it would end.
struct Activity
{
    bool sharing = false;
    int downloads = 0; ///< Queued, connecting or running.
    int sends = 0; ///< Files the server is sending.
    bool transfersRunning() const { return downloads > 0 || sends > 0; }
};

/// How the window was asked to close: its title-bar button, or Quit (menu, Ctrl+Q, tray).
enum class CloseRequest {
    Window,
    Quit,
};

/// The remembered answer to "keep running in the tray?".
enum class TrayPreference {
    Ask,
    Keep,
    Quit,
};

enum class CloseAction {
    Close, ///< Nothing would be lost: close and quit.
    ConfirmQuit, ///< Ask "1 download in progress. Quit anyway?".
    AskTray, ///< First time: keep running in the tray, or quit?
    HideToTray,
};

/// The close decision as a pure function, so the tray path is testable on a platform that
/// has no tray (offscreen, Xvfb) and the no-tray path is the same code.
CloseAction closeAction(
    CloseRequest request, const Activity &activity, bool trayAvailable, TrayPreference preference);

} // namespace ferry
