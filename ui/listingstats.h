#pragma once

#include <QObject>

namespace ferry {

/// Counts the files of a shared folder and their total size on a short-lived thread, so a big
/// share never freezes the window.
class ListingStats : public QObject
{
    Q_OBJECT
public:
    explicit ListingStats(QObject *parent = nullptr);
    /// Starts counting \a root; an older count still running is ignored when it ends.
    void compute(const QString &root);

signals:
    void ready(qint64 files, qint64 bytes);

private:
    quint64 m_generation = 0;
};

} // namespace ferry
