// Saving the connection log: a Qt file dialog that speaks the app's language and dates.
#include "servertab.h"

#include "logmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileDialog>
#include <QFileIconProvider>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QSaveFile>
#include <QThread>
#include <QTreeView>
#include <memory>

namespace ferry {

namespace {

/// Qt 6 names file types in a context its older catalogues don't carry ("Folder" stayed
/// English); QFileDialog's own context has the same words translated.
class TranslatedTypes : public QFileIconProvider
{
public:
    QString type(const QFileInfo &info) const override
    {
        if (info.isDir())
            return QCoreApplication::translate("QFileDialog", "Folder");
        if (!info.suffix().isEmpty())
            return QCoreApplication::translate("QFileDialog", "%1 File").arg(info.suffix());
        return QCoreApplication::translate("QFileDialog", "File");
    }
};

/// QFileSystemModel dates follow the system locale; show the app's (QLocale()) instead.
class LocalDates : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;
    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (files && role == Qt::DisplayRole && index.column() == 3) {
            const QDateTime time = files->lastModified(mapToSource(index));
            return QLocale().toString(time, QLocale::ShortFormat);
        }
        return QIdentityProxyModel::data(index, role);
    }
};

} // namespace

void ServerTab::saveLog()
{
    const QString textFilter = tr("Text files (*.txt)");
    const QString csvFilter = tr("CSV files (*.csv)");
    // Made before the dialog, so it is destroyed after it: the dialog's file system model
    // asks it for types from its own thread until the dialog is gone.
    TranslatedTypes types;
    // Qt's own dialog rather than the desktop's: its words and dates follow the language
    // chosen in Ferry, which a native dialog would not.
    QFileDialog dialog(this, tr("Save the connection log"));
    dialog.setObjectName(QStringLiteral("saveLogDialog"));
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setIconProvider(&types);
    dialog.setProxyModel(new LocalDates(&dialog));
    // A Chinese date is wider than the dialog's default column.
    if (auto *details = dialog.findChild<QTreeView *>(QStringLiteral("treeView")))
        details->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    dialog.setNameFilters({textFilter, csvFilter});
    dialog.setDefaultSuffix(QStringLiteral("txt"));
    connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
        dialog.setDefaultSuffix(
            filter == csvFilter ? QStringLiteral("csv") : QStringLiteral("txt"));
    });
    //: The suggested file name for a saved log, without its extension.
    dialog.selectFile(tr("ferry-log"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    const bool csv
        = dialog.selectedNameFilter() == csvFilter || path.endsWith(QStringLiteral(".csv"));
    const QByteArray bytes = (csv ? m_log->toCsv() : m_log->toText()).toUtf8();
    auto ok = std::make_shared<bool>(false);
    QThread *thread = QThread::create([path, bytes, ok] {
        QSaveFile file(path);
        *ok = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
    });
    connect(thread, &QThread::finished, this, [this, path, ok] {
        emit statusMessage(
            *ok ? tr("Log saved to %1").arg(path) : tr("Could not save the log to %1").arg(path));
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace ferry
