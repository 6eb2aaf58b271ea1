#include "uilog.h"

// Quiet by default: a window user has no use for per-transfer lines on stderr. Enable them
// with QT_LOGGING_RULES="ferry.ui=true".
Q_LOGGING_CATEGORY(lcUi, "ferry.ui", QtWarningMsg)
