// TransferModel, how its rows read: state and MD5 texts, a folder's verdict, each cell and
// role, and the headers. The rows themselves and their sums are in transfermodel.cpp.
#include "transfermodel.h"

#include "errortext.h"
#include "protocol/names.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

#include <cmath>

namespace ferry {

namespace {

// Rate samples needed before a time left is shown: the first one after a (re)start also
// counts connection set-up and bursts, and gave "0:00" at 32%.
constexpr int kEtaSamples = 3;

QString hexDigest(const QByteArray &md5)
{
    return md5.size() == 16 ? QString::fromLatin1(md5.toHex()) : QString::fromLatin1(md5);
}

} // namespace

QString TransferModel::stateText(const Transfer &t)
{
    switch (t.state) {
    case Transfer::State::Queued:
        return tr("Queued");
    case Transfer::State::Interrupted:
        return tr("Interrupted");
    case Transfer::State::Connecting:
        // A failure here is the drop being ridden out (markReconnecting()).
        return t.failure.ok() ? tr("Connecting") : tr("Reconnecting");
    case Transfer::State::Running:
        return t.offset > 0 ? tr("Resuming") : tr("Downloading");
    case Transfer::State::Verified:
        return tr("Done");
    case Transfer::State::Mismatch:
        return ErrorText::describe({ErrorCode::Mismatch, t.remoteName});
    case Transfer::State::Failed:
        if (t.folder)
            return tr("%n file(s) failed", nullptr, t.counts.failed);
        return ErrorText::describe(t.failure);
    case Transfer::State::Cancelled:
        return ErrorText::describe(t.failure);
    }
    return {};
}

QString TransferModel::md5Text(const Transfer &t)
{
    if (t.state == Transfer::State::Verified)
        //: %1 is a check mark, %2 the MD5 in hex. The verdict comes first so a narrow
        //: column still shows it.
        return tr("%1 verified  %2").arg(QString(QChar(0x2713)), hexDigest(t.localMd5));
    if (t.state == Transfer::State::Mismatch)
        //: %1 is a cross mark, %2 the MD5 in hex.
        return tr("%1 MISMATCH  %2").arg(QString(QChar(0x2717)), hexDigest(t.localMd5));
    return {};
}

QStringList TransferModel::failedFiles(quint64 folderId, int max, bool leaves) const
{
    QStringList names;
    const int item = itemOf(folderId);
    if (item < 0 || !m_items.at(item).folder)
        return names;
    const Transfer &folder = m_items.at(item);
    if (folder.compact) {
        for (const QString &name : folder.failedNames.mid(0, max))
            names << printableName(leaves ? name.section(QLatin1Char('/'), -1) : name);
        return names;
    }
    for (int i = item + 1; i <= item + folder.counts.files && names.size() < max; ++i) {
        const Transfer &t = m_items.at(i);
        if (t.state != Transfer::State::Failed && t.state != Transfer::State::Mismatch)
            continue;
        const QString name = leaves ? t.remoteName.section(QLatin1Char('/'), -1)
                                    : t.remoteName.mid(folder.remoteName.size() + 1);
        names << printableName(name);
    }
    return names;
}

QString TransferModel::folderMd5Text(const Transfer &folder) const
{
    const QLocale locale;
    const Transfer::Counts &c = folder.counts;
    if (c.failed > 0 && c.active == 0) {
        constexpr int kNamed = 3;
        // By their own names, which fit the cell; the tooltip has their paths.
        QStringList names = failedFiles(folder.id, kNamed, true);
        if (c.failed > names.size())
            //: Ends the list of failed files: "a.jpg, b.jpg, c.jpg, 5 more".
            names << tr("%n more", nullptr, c.failed - int(names.size()));
        //: %1 is a cross mark, %2 the names of the files that failed.
        return tr("%1 %Ln failed: %2", nullptr, c.failed)
            .arg(QString(QChar(0x2717)), names.join(tr(", ")));
    }
    if (c.verified > 0 || folder.state == Transfer::State::Verified)
        //: %1 is a check mark, %2 the files verified so far, %n all the folder's files:
        //: "1,234 of 1,234 verified".
        return tr("%1 %2 of %Ln verified", nullptr, c.files)
            .arg(QString(QChar(0x2713)), locale.toString(c.verified));
    return {};
}

QString TransferModel::etaText(qint64 secs)
{
    if (secs >= 100 * 3600)
        return tr("more than 99 h");
    if (secs >= 3600)
        return tr("%1:%2:%3")
            .arg(secs / 3600)
            .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(secs % 60, 2, 10, QLatin1Char('0'));
    return tr("%1:%2").arg(secs / 60).arg(secs % 60, 2, 10, QLatin1Char('0'));
}

QStringList TransferModel::widestTexts(int column)
{
    const QLocale locale;
    // Eights are as wide as any digit; 888.88 of a unit is the longest a size gets. Each
    // unit is measured, since "M" is wider than "G" in most fonts.
    QStringList sizes;
    for (qint64 unit = 1024; unit <= (qint64(1) << 40); unit *= 1024)
        sizes << locale.formattedDataSize(qint64(888.88 * double(unit)));
    QStringList texts;
    switch (column) {
    case ProgressColumn:
        return {locale.toString(100) + locale.percent()};
    case BytesColumn:
        for (const QString &size : sizes)
            texts << tr("%1 of %2").arg(size, size);
        return texts;
    case RateColumn:
        for (const QString &size : sizes)
            texts << tr("%1/s").arg(size);
        return texts;
    case EtaColumn:
        return {etaText(88 * 3600 + 58 * 60 + 58), etaText(100 * 3600)};
    case StateColumn:
        return {tr("Queued"), tr("Connecting"), tr("Reconnecting"), tr("Resuming"),
            tr("Downloading"), tr("Done"), tr("Interrupted")};
    default:
        return {};
    }
}

QString TransferModel::cell(const Transfer &t, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        if (t.folder)
            return QString(QChar(m_expanded.contains(t.id) ? 0x25BE : 0x25B8)) + QLatin1Char(' ')
                + printableName(t.targetName()) + QLatin1Char('/');
        if (t.parentId) {
            // Under its folder, by its path inside it.
            const Transfer *folder = find(t.parentId);
            const QString saved = t.savedName();
            const QString prefix = folder ? folder->targetName() + QLatin1Char('/') : QString();
            return QStringLiteral("      ")
                + printableName(saved.startsWith(prefix) ? saved.mid(prefix.size()) : saved);
        }
        return printableName(t.savedName());
    case ProgressColumn:
        if (t.total <= 0)
            return t.state == Transfer::State::Verified ? locale.toString(100) + locale.percent()
                                                        : QString();
        return locale.toString(int(t.done * 100 / t.total)) + locale.percent();
    case BytesColumn:
        if (t.total < 0)
            return {};
        return tr("%1 of %2")
            .arg(locale.formattedDataSize(t.done), locale.formattedDataSize(t.total));
    case RateColumn:
        if (t.state != Transfer::State::Running || t.rate <= 0)
            return {};
        return tr("%1/s").arg(locale.formattedDataSize(qint64(t.rate)));
    case EtaColumn: {
        // Nothing until the rate is an estimate; then rounded up, so "0:00" never shows
        // while bytes are still to come.
        if (t.state != Transfer::State::Running || t.rate <= 0 || t.total <= 0
            || t.rateSamples < kEtaSamples || t.done >= t.total)
            return {};
        return etaText(qint64(std::ceil(double(t.total - t.done) / t.rate)));
    }
    case StateColumn:
        return stateText(t);
    case Md5Column:
        return t.folder ? folderMd5Text(t) : md5Text(t);
    }
    return {};
}

QVariant TransferModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_visible.size())
        return {};
    const Transfer &t = m_items.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return cell(t, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Md5Column && t.folder && t.counts.failed > 0)
            return failedFiles(t.id, 20, false).join(QLatin1Char('\n'));
        if (index.column() == Md5Column && t.state == Transfer::State::Mismatch)
            return tr("Local MD5: %1\nServer MD5: %2")
                .arg(hexDigest(t.localMd5), hexDigest(t.remoteMd5));
        if (index.column() == NameColumn && !t.localPath.isEmpty()) {
            if (t.savedName() != t.remoteName)
                //: %1 is the full local path, %2 the name on the server.
                return tr("%1\n(\"%2\" on the server)")
                    .arg(t.localPath, printableName(t.remoteName));
            return t.localPath;
        }
        return cell(t, index.column());
    case PermilleRole:
        if (t.state == Transfer::State::Verified)
            return 1000;
        if (t.total < 0)
            return {}; // no bar until the size is known
        return t.total > 0 ? int(t.done * 1000 / t.total) : 0;
    case IdRole:
        return t.id;
    case FolderRole:
        return t.folder ? (m_expanded.contains(t.id) ? 2 : 1) : 0;
    case ParentRole:
        return t.parentId;
    case StateRole:
        return int(t.state);
    case Qt::ForegroundRole:
        if (index.column() == Md5Column || index.column() == StateColumn) {
            if (t.state == Transfer::State::Verified)
                return QBrush(QColor(0x1a, 0x7f, 0x37));
            // Interrupted is no error: it keeps the plain colour and waits for Resume.
            if (t.state == Transfer::State::Mismatch || t.state == Transfer::State::Failed)
                return QBrush(QColor(0xb0, 0x20, 0x20));
        }
        return {};
    case Qt::FontRole:
        if (index.column() == Md5Column) {
            QFont font;
            font.setStyleHint(QFont::Monospace);
            font.setFamily(QStringLiteral("monospace"));
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant TransferModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ProgressColumn:
        return tr("Progress");
    case BytesColumn:
        return tr("Bytes");
    case RateColumn:
        return tr("Rate");
    case EtaColumn:
        return tr("Time left");
    case StateColumn:
        return tr("State");
    case Md5Column:
        return tr("MD5");
    }
    return {};
}

Qt::ItemFlags TransferModel::flags(const QModelIndex &index) const
{
    // Drops land on the view as a whole, never on a row.
    return QAbstractTableModel::flags(index) & ~Qt::ItemIsDropEnabled;
}

void TransferModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_visible.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_visible.size()) - 1, ColumnCount - 1));
}

} // namespace ferry
