#pragma once

#include "client/filereceive.h"

#include <QMetaType>

namespace ferry {

/// What the network thread tells the window about one file, by value in a queued signal:
/// which row and which attempt of it, and what happened. TransferModel::apply() is the one
/// place it lands; the network thread never touches a row.
struct TransferUpdate
{
    enum class Kind {
        Started, ///< done: where it starts (the resume offset); total: its size.
        Progress,
        Reconnecting, ///< failure: why the connection dropped.
        Resumed, ///< The connection is back; the file waits for its turn again.
        Finished, ///< result holds the outcome.
    };
    quint64 id = 0; ///< The row.
    quint32 attempt = 0; ///< Transfer::attempt when it was asked for: older news is dropped.
    Kind kind = Kind::Progress;
    qint64 done = 0;
    qint64 total = -1;
    Failure failure;
    FileResult result;
};

} // namespace ferry

Q_DECLARE_METATYPE(ferry::TransferUpdate)
