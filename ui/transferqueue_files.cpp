// TransferQueue's side on the local disk: the folders a folder row creates, and the .part
// files that Resume and Start over look at. The queue itself is in transferqueue.cpp.
#include "transferqueue.h"

#include "fs/containedfs.h"
#include "protocol/names.h"
#include "uilog.h"

#include <QDir>

namespace ferry {

void TransferQueue::createFolders(const QString &outputDir, const QString &localFolder,
    const QString &folderName, const QStringList &emptyFolders)
{
    // The output folder is the user's choice, made if missing as a download does; below it
    // only contained, link-refusing calls.
    QDir().mkpath(outputDir);
    Failure error;
    const int root = containedfs::openRoot(outputDir, &error);
    if (root < 0) {
        qCWarning(lcUi) << "cannot open" << outputDir << error.detail;
        return;
    }
    const qsizetype cut = folderName.size() - localFolder.size();
    QStringList names {localFolder};
    for (const QString &name : emptyFolders) {
        if (name.startsWith(folderName + QLatin1Char('/')) && isValidRelativeName(name))
            names << name.mid(cut);
        else
            qCWarning(lcUi) << "folder" << folderName << "leaves out the folder" << name;
    }
    for (const QString &name : std::as_const(names)) {
        // openParentDir() creates, inside the output folder and without following links,
        // every folder above a leaf; the leaf "." itself is never made.
        const int dir = containedfs::openParentDir(root, name + QStringLiteral("/."), &error, true);
        if (dir < 0)
            qCWarning(lcUi) << "could not create" << name << error.detail;
        containedfs::closeFd(dir);
    }
    containedfs::closeFd(root);
}

namespace {

/// Opens the folder that holds the row's NAME.part, inside its output folder; -1 if none.
int openPartDir(const Transfer &t, QString *leaf)
{
    const QString name = t.targetName();
    if (!isSafeLocalName(name) || t.options.outputDir.isEmpty())
        return -1;
    Failure error;
    const int root = containedfs::openRoot(t.options.outputDir, &error);
    if (root < 0)
        return -1;
    const int dir = containedfs::openParentDir(root, name, &error, false);
    containedfs::closeFd(root);
    *leaf = name.section(QLatin1Char('/'), -1) + QStringLiteral(".part");
    return dir;
}

} // namespace

bool TransferQueue::hasPart(quint64 id) const
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder) {
        if (m_model->isActive(id))
            return false;
        // Looked at on every selection change: a bounded look, unfinished files first.
        constexpr int kLooks = 200;
        int looks = 0;
        for (quint64 file : m_model->filesOf(id)) {
            const Transfer *f = m_model->find(file);
            if (!f || f->state == Transfer::State::Verified)
                continue;
            if (hasPart(file))
                return true;
            if (++looks >= kLooks)
                break;
        }
        return false;
    }
    if (!t || m_model->isActive(id) || t->state == Transfer::State::Verified)
        return false;
    QString leaf;
    const int dir = openPartDir(*t, &leaf);
    const bool exists = dir >= 0 && containedfs::existsInDir(dir, leaf);
    containedfs::closeFd(dir);
    return exists;
}

void TransferQueue::startOver(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (t && t->folder) {
        for (quint64 file : m_model->filesOf(id)) {
            const Transfer *f = m_model->find(file);
            if (f && f->state != Transfer::State::Verified && !m_model->isActive(file)) {
                removePart(file);
                requeue(file, false);
            }
        }
        pump();
        return;
    }
    if (!t || m_model->isActive(id))
        return;
    removePart(id);
    retry(id, false);
}

void TransferQueue::removePart(quint64 id)
{
    const Transfer *t = m_model->find(id);
    if (!t)
        return;
    QString leaf;
    const int dir = openPartDir(*t, &leaf);
    if (dir >= 0) {
        qCInfo(lcUi) << "transfer" << id << "starts over; removing" << leaf;
        containedfs::removeInDir(dir, leaf);
        containedfs::removeInDir(dir, leaf + QStringLiteral(".meta"));
        containedfs::closeFd(dir);
    }
}

} // namespace ferry
