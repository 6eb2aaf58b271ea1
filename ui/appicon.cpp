#include "appicon.h"

#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace ferry {

QIcon AppIcon::icon()
{
    // Debian's qt6-base has no SVG image plugin; without it the SVG would give an empty icon.
    if (QImageReader::supportedImageFormats().contains("svg"))
        return QIcon(QStringLiteral(":/icons/ferry.svg"));
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(paint(size));
    return icon;
}

QPixmap AppIcon::paint(int size)
{
    // Mirrors resources/ferry.svg (a 48-unit view box); keep the two in step.
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 48.0, size / 48.0);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x17, 0x63, 0xc6));
    p.drawRoundedRect(QRectF(1, 1, 46, 46), 10, 10);
    p.setBrush(QColor(0xff, 0x9e, 0x2c));
    p.drawRoundedRect(QRectF(20, 7, 6, 7), 1, 1);
    p.setBrush(Qt::white);
    p.drawRoundedRect(QRectF(14, 13, 20, 9), 2, 2);
    QPainterPath hull;
    hull.moveTo(5, 23);
    hull.lineTo(43, 23);
    hull.lineTo(36.5, 34);
    hull.lineTo(11.5, 34);
    hull.closeSubpath();
    p.drawPath(hull);
    QPainterPath wave;
    wave.moveTo(5, 40.5);
    wave.cubicTo(9, 37, 13, 37, 17, 40.5);
    wave.cubicTo(21, 44, 25, 44, 29, 40.5);
    wave.cubicTo(33, 37, 37, 37, 43, 40.5);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(QColor(0x8f, 0xd0, 0xff), 3.5, Qt::SolidLine, Qt::RoundCap));
    p.drawPath(wave);
    return pixmap;
}

} // namespace ferry
