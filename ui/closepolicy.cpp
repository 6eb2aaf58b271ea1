#include "closepolicy.h"

namespace ferry {

CloseAction closeAction(
    CloseRequest request, const Activity &activity, bool trayAvailable, TrayPreference preference)
{
    const CloseAction quit
        = activity.transfersRunning() ? CloseAction::ConfirmQuit : CloseAction::Close;
    // Quit means quit; the tray only answers the title-bar button, and only when there is
    // something to keep running.
    if (request == CloseRequest::Quit || !trayAvailable)
        return quit;
    if (!activity.sharing && !activity.transfersRunning())
        return CloseAction::Close;
    switch (preference) {
    case TrayPreference::Ask:
        return CloseAction::AskTray;
    case TrayPreference::Keep:
        return CloseAction::HideToTray;
    case TrayPreference::Quit:
        break;
    }
    return quit;
}

} // namespace ferry
