// The client tab's transfer list: what a row's end tells the user, the buttons that act on
// the selected rows, and the spans of folder rows. The listing side is in clienttab.cpp.
#include "clienttab.h"

#include "errorbanner.h"
#include "protocol/names.h"
#include "transfermodel.h"
#include "transferqueue.h"
#include "transferview.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QUrl>

namespace ferry {

void ClientTab::onTransferEnded(quint64 id)
{
    const Transfer *t = m_transfers->find(id);
    if (!t || t->state == Transfer::State::Cancelled)
        return;
    if (t->state == Transfer::State::Failed
        && (t->failure.code == ErrorCode::AuthRequired
            || t->failure.code == ErrorCode::AuthFailed)) {
        showBanner(t->failure);
        askForPassword(t->failure);
    }
    if (t->parentId) {
        // One notice for a folder, when its last file ends.
        const Transfer *folder = m_transfers->find(t->parentId);
        if (!folder || m_transfers->isActive(folder->id)
            || folder->state == Transfer::State::Cancelled)
            return;
        if (folder->state == Transfer::State::Verified)
            emit notice(tr("Folder verified"),
                tr("%1: %Ln file(s) arrived and their MD5s match.", nullptr, folder->counts.files)
                    .arg(printableName(folder->targetName())),
                true);
        else
            emit notice(tr("Folder download failed"),
                tr("%1: %2").arg(
                    printableName(folder->targetName()), TransferModel::stateText(*folder)),
                false);
        return;
    }
    if (t->state == Transfer::State::Verified && t->savedName() != t->remoteName)
        emit notice(tr("Download verified"),
            tr("%1 was saved as %2 and its MD5 matches.")
                .arg(printableName(t->remoteName), printableName(t->savedName())),
            true);
    else if (t->state == Transfer::State::Verified)
        emit notice(tr("Download verified"),
            tr("%1 arrived and its MD5 matches.").arg(printableName(t->remoteName)), true);
    else
        emit notice(tr("Download failed"), TransferModel::stateText(*t), false);
}

void ClientTab::updateSpans()
{
    // A failed row has no MD5, and its reason is a sentence: give it the MD5 cell too.
    m_transferView->clearSpans();
    for (int row = 0; row < m_transfers->rowCount(); ++row) {
        const auto state
            = Transfer::State(m_transfers->index(row, 0).data(TransferModel::StateRole).toInt());
        // A folder names its failed files in the MD5 cell.
        const bool folder = m_transfers->index(row, 0).data(TransferModel::FolderRole).toInt();
        if ((state == Transfer::State::Failed || state == Transfer::State::Cancelled) && !folder)
            m_transferView->setSpan(row, TransferModel::StateColumn, 1, 2);
    }
}

void ClientTab::updateSpanRows(int first, int last)
{
    for (int row = first; row <= last && row < m_transfers->rowCount(); ++row) {
        const QModelIndex index = m_transfers->index(row, 0);
        const auto state = Transfer::State(index.data(TransferModel::StateRole).toInt());
        const bool folder = index.data(TransferModel::FolderRole).toInt();
        const bool span
            = (state == Transfer::State::Failed || state == Transfer::State::Cancelled) && !folder;
        const bool spanned = m_transferView->columnSpan(row, TransferModel::StateColumn) > 1;
        if (span != spanned)
            m_transferView->setSpan(row, TransferModel::StateColumn, 1, span ? 2 : 1);
    }
}

QList<quint64> ClientTab::selectedTransfers() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_transferView->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids << index.data(TransferModel::IdRole).toULongLong();
    return ids;
}

void ClientTab::cancelSelected()
{
    const QList<quint64> ids = selectedTransfers();
    for (quint64 id : ids)
        m_queue->cancel(id);
}

void ClientTab::retrySelected(bool resume)
{
    const QList<quint64> ids = selectedTransfers();
    for (quint64 id : ids) {
        // Verified rows keep their verdict, even when selected along with failed ones.
        const Transfer *t = m_transfers->find(id);
        if (t && t->state != Transfer::State::Verified)
            m_queue->retry(id, resume);
    }
}

void ClientTab::startOverSelected()
{
    const QList<quint64> ids = selectedTransfers();
    for (quint64 id : ids) {
        if (m_queue->hasPart(id))
            m_queue->startOver(id);
    }
}

void ClientTab::openFolder()
{
    const QList<quint64> ids = selectedTransfers();
    const Transfer *t = ids.isEmpty() ? nullptr : m_transfers->find(ids.first());
    QString dir = destination();
    if (t && t->folder)
        dir = QDir(t->options.outputDir).filePath(t->targetName()); // the folder itself
    else if (t)
        dir = t->localPath.isEmpty() ? t->options.outputDir : QFileInfo(t->localPath).path();
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(dir)))
        return;
    // Without a file manager Qt only writes to stderr; say so where the user looks, with the
    // path to open by hand (the banner's text can be selected and copied).
    m_bannerFailure = {};
    m_badHost.clear();
    m_unopenedFolder = QDir::toNativeSeparators(dir);
    m_banner->showMessage(bannerMessage());
    emit statusMessage(bannerMessage());
}

} // namespace ferry
