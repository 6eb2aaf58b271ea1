#pragma once

#include <QIcon>

namespace ferry {

/// The window icon: resources/ferry.svg when Qt can read SVG, else the same shapes painted.
class AppIcon
{
public:
    static QIcon icon();
    static QPixmap paint(int size);
};

} // namespace ferry
