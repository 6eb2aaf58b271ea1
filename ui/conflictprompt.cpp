#include "conflictprompt.h"

#include "transfermodel.h"
#include "transferqueue.h"

#include <QDir>
#include <QMessageBox>
#include <QPushButton>

namespace ferry {

ConflictPrompt::ConflictPrompt(TransferModel *model, TransferQueue *queue, QWidget *parentWidget)
    : QObject(parentWidget), m_model(model), m_queue(queue), m_parentWidget(parentWidget)
{
}

void ConflictPrompt::ask(quint64 id)
{
    m_waiting << id;
    showNext();
}

void ConflictPrompt::showNext()
{
    while (!m_box && !m_waiting.isEmpty()) {
        const quint64 id = m_waiting.takeFirst();
        const Transfer *t = m_model->find(id);
        if (!t)
            continue;
        auto *box = new QMessageBox(QMessageBox::Question, tr("File already exists"),
            tr("\"%1\" already exists in %2.")
                .arg(t->remoteName, QDir::toNativeSeparators(t->options.outputDir)),
            QMessageBox::NoButton, m_parentWidget);
        box->setObjectName(QStringLiteral("conflictBox"));
        box->setInformativeText(tr("Replace it once the new copy is verified, keep both "
                                   "files, or cancel this download?"));
        QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::DestructiveRole);
        replace->setObjectName(QStringLiteral("replaceButton"));
        QPushButton *keep = box->addButton(tr("&Keep both"), QMessageBox::AcceptRole);
        keep->setObjectName(QStringLiteral("keepBothButton"));
        QPushButton *cancel = box->addButton(QMessageBox::Cancel);
        cancel->setObjectName(QStringLiteral("cancelButton"));
        box->setDefaultButton(keep);
        box->setEscapeButton(cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        m_box = box;
        connect(box, &QMessageBox::finished, this, [this, box, id, replace, keep] {
            // Cancel leaves the row failed with "already exists"; Retry asks again.
            if (box->clickedButton() == replace)
                m_queue->retryWith(id, ConflictPolicy::Overwrite);
            else if (box->clickedButton() == keep)
                m_queue->retryWith(id, ConflictPolicy::KeepBoth);
            m_box = nullptr;
            showNext();
        });
        box->open();
    }
}

} // namespace ferry
