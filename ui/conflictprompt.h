#pragma once

#include <QList>
#include <QObject>

class QMessageBox;
class QWidget;

namespace ferry {

class TransferModel;
class TransferQueue;

/// Asks, one file at a time, what to do when a download's final name already exists:
/// replace it after verification, keep both, or cancel. Never blocks the event loop.
class ConflictPrompt : public QObject
{
    Q_OBJECT
public:
    ConflictPrompt(TransferModel *model, TransferQueue *queue, QWidget *parentWidget);
    /// Queues a question for row \a id; shown when no other question is open.
    void ask(quint64 id);

private:
    void showNext();

    TransferModel *m_model;
    TransferQueue *m_queue;
    QWidget *m_parentWidget;
    QList<quint64> m_waiting;
    QMessageBox *m_box = nullptr;
};

} // namespace ferry
