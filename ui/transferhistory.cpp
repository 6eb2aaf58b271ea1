#include "transferhistory.h"

#include "protocol/names.h"
#include "tls/identity.h"
#include "transfermodel.h"
#include "uilog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QSaveFile>
#include <QThreadPool>

namespace ferry {

namespace {

constexpr int kFormat = 1;
constexpr int kSaveDelayMs = 1000;
// With a big folder in the list a save takes long enough to be felt, and its files end
// many times a second: save less often then (rows still going are saved as Interrupted).
constexpr int kBigList = 10000;
constexpr int kBigSaveDelayMs = 15000;
constexpr int kMaxText = 4096; ///< Longest host, path or failure detail kept.

QJsonObject toJson(const Transfer &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), t.remoteName);
    if (!t.localName.isEmpty())
        o.insert(QStringLiteral("local"), t.localName);
    // A row still going when Ferry quits is interrupted; Resume picks it up from its .part.
    Transfer::State state = t.state;
    if (state == Transfer::State::Queued || state == Transfer::State::Connecting
        || state == Transfer::State::Running)
        state = Transfer::State::Interrupted;
    o.insert(QStringLiteral("state"), int(state));
    o.insert(QStringLiteral("done"), double(t.done));
    o.insert(QStringLiteral("total"), double(t.total));
    if (!t.localMd5.isEmpty())
        o.insert(QStringLiteral("md5"), QString::fromLatin1(t.localMd5.toHex()));
    if (!t.remoteMd5.isEmpty())
        o.insert(QStringLiteral("serverMd5"), QString::fromLatin1(t.remoteMd5.toHex()));
    if (!t.localPath.isEmpty())
        o.insert(QStringLiteral("path"), t.localPath);
    if (t.failure.code != ErrorCode::None) {
        o.insert(QStringLiteral("error"), int(t.failure.code));
        o.insert(QStringLiteral("detail"), t.failure.detail);
    }
    return o;
}

/// A top-level row and, for a folder, its files: copied on the window's thread, written on
/// a pool thread.
struct SavedRow
{
    Transfer row;
    QList<Transfer> files;
};

QJsonObject rowToJson(const SavedRow &saved)
{
    const Transfer &t = saved.row;
    QJsonObject o = toJson(t);
    o.insert(QStringLiteral("host"), t.host);
    o.insert(QStringLiteral("port"), int(t.port));
    o.insert(QStringLiteral("output"), t.options.outputDir);
    o.insert(QStringLiteral("conflict"), int(t.options.conflict));
    if (t.folder) {
        QJsonArray files;
        for (const Transfer &file : saved.files)
            files.append(toJson(file));
        o.insert(QStringLiteral("files"), files);
    }
    return o;
}

bool text(const QJsonObject &o, const char *key, QString *out, bool required)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() && !required)
        return true;
    if (!v.isString() || v.toString().size() > kMaxText)
        return false;
    *out = v.toString();
    return true;
}

bool fromJson(const QJsonObject &o, Transfer *t)
{
    if (!text(o, "name", &t->remoteName, true) || !isValidRelativeName(t->remoteName))
        return false;
    if (!text(o, "local", &t->localName, false)
        || (!t->localName.isEmpty() && !isSafeLocalName(t->localName)))
        return false;
    const int state = o.value(QStringLiteral("state")).toInt(-1);
    if (state < int(Transfer::State::Verified) || state > int(Transfer::State::Interrupted))
        return false;
    t->state = Transfer::State(state);
    t->total = qint64(o.value(QStringLiteral("total")).toDouble(-1));
    t->done = qBound<qint64>(
        0, qint64(o.value(QStringLiteral("done")).toDouble(0)), t->total < 0 ? 0 : t->total);
    QString md5;
    if (!text(o, "md5", &md5, false))
        return false;
    t->localMd5 = QByteArray::fromHex(md5.toLatin1());
    md5.clear();
    if (!text(o, "serverMd5", &md5, false))
        return false;
    t->remoteMd5 = QByteArray::fromHex(md5.toLatin1());
    if (!text(o, "path", &t->localPath, false) || !text(o, "detail", &t->failure.detail, false))
        return false;
    t->failure.code = ErrorCode(o.value(QStringLiteral("error")).toInt(0));
    return true;
}

} // namespace

TransferHistory::TransferHistory(TransferModel *model, const QString &path, QObject *parent)
    : QObject(parent), m_model(model), m_path(path), m_writer(std::make_shared<Writer>())
{
    load(model, path);
    m_saveTimer.setSingleShot(true);
    connect(&m_saveTimer, &QTimer::timeout, this, &TransferHistory::saveInBackground);
    connect(model, &TransferModel::historyChanged, this, [this] {
        if (m_saveTimer.isActive())
            return; // saves at the first change's deadline, not put off by each one after
        m_saveTimer.start(m_model->itemCount() > kBigList ? kBigSaveDelayMs : kSaveDelayMs);
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &TransferHistory::save);
}

TransferHistory::~TransferHistory()
{
    // Also waits for a write still running, so the file is whole when the next one reads it.
    save();
}

QString TransferHistory::defaultPath()
{
    return QDir(Identity::dataDir()).filePath(QStringLiteral("transfers.json"));
}

/// Writes snapshots in the order they were taken: one at a time, and never an older one
/// over a newer.
struct TransferHistory::Writer
{
    QMutex mutex;
    quint64 taken = 0; ///< Snapshots handed out (on the window's thread).
    quint64 written = 0; ///< The newest snapshot on disk (under the mutex).

    bool write(const QString &path, quint64 snapshot, const QList<SavedRow> &rows)
    {
        QMutexLocker lock(&mutex);
        if (snapshot <= written)
            return true; // a newer list is already on disk
        QJsonArray list;
        for (const SavedRow &row : rows)
            list.append(rowToJson(row));
        QJsonObject root;
        root.insert(QStringLiteral("format"), kFormat);
        root.insert(QStringLiteral("rows"), list);
        QDir().mkpath(QFileInfo(path).path());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            qCWarning(lcUi) << "cannot save the transfer list to" << path << file.errorString();
            return false;
        }
        file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
        if (!file.commit()) {
            qCWarning(lcUi) << "cannot save the transfer list to" << path << file.errorString();
            return false;
        }
        written = snapshot;
        return true;
    }
};

namespace {
QList<SavedRow> snapshot(const TransferModel *model)
{
    QList<quint64> ids = model->topLevel();
    if (ids.size() > TransferHistory::kMaxRows)
        ids = ids.mid(ids.size() - TransferHistory::kMaxRows);
    QList<SavedRow> rows;
    rows.reserve(ids.size());
    for (quint64 id : std::as_const(ids)) {
        const Transfer *t = model->find(id);
        if (!t)
            continue;
        SavedRow saved {*t, {}};
        if (t->folder) {
            const QList<quint64> files = model->filesOf(id);
            saved.files.reserve(files.size());
            for (quint64 fileId : files) {
                if (const Transfer *file = model->find(fileId))
                    saved.files.append(*file);
            }
        }
        rows.append(std::move(saved));
    }
    return rows;
}
} // namespace

bool TransferHistory::save()
{
    m_saveTimer.stop();
    if (!m_model)
        return false;
    return m_writer->write(m_path, ++m_writer->taken, snapshot(m_model));
}

void TransferHistory::saveInBackground()
{
    if (!m_model)
        return;
    QThreadPool::globalInstance()->start(
        [writer = m_writer, path = m_path, n = ++m_writer->taken, rows = snapshot(m_model)] {
            writer->write(path, n, rows);
        });
}

int TransferHistory::load(TransferModel *model, const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return 0;
    if (file.size() > kMaxBytes) {
        qCWarning(lcUi) << "transfer list" << path << "is" << file.size()
                        << "bytes, over the bound; starting empty";
        return 0;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUi) << "cannot read the transfer list" << path << file.errorString();
        return 0;
    }
    // Read at most the bound even if the file grew since size() was asked.
    const QByteArray bytes = file.read(kMaxBytes + 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject root = doc.object();
    if (bytes.size() > kMaxBytes || error.error != QJsonParseError::NoError || !doc.isObject()
        || root.value(QStringLiteral("format")).toInt() != kFormat
        || !root.value(QStringLiteral("rows")).isArray()) {
        qCWarning(lcUi) << "transfer list" << path << "is not one Ferry can read ("
                        << error.errorString() << "); starting empty";
        return 0;
    }
    QJsonArray list = root.value(QStringLiteral("rows")).toArray();
    // Check everything before adding anything: a bad file gives an empty list, not half.
    struct Row
    {
        Transfer row;
        QList<Transfer> files;
    };
    QList<Row> rows;
    qsizetype files = 0;
    const qsizetype first = qMax<qsizetype>(0, list.size() - kMaxRows);
    for (qsizetype i = first; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        Row r;
        const int port = o.value(QStringLiteral("port")).toInt(0);
        const int conflict = o.value(QStringLiteral("conflict")).toInt(0);
        bool ok = fromJson(o, &r.row) && text(o, "host", &r.row.host, true) && !r.row.host.isEmpty()
            && port > 0 && port <= 65535 && text(o, "output", &r.row.options.outputDir, true)
            && conflict >= 0 && conflict <= int(ConflictPolicy::KeepBoth);
        r.row.port = quint16(port);
        r.row.options.conflict = ConflictPolicy(conflict);
        const QJsonValue children = o.value(QStringLiteral("files"));
        if (ok && children.isArray()) {
            const QJsonArray array = children.toArray();
            files += array.size();
            ok = files <= kMaxFiles;
            for (qsizetype j = 0; ok && j < array.size(); ++j) {
                Transfer f;
                f.host = r.row.host;
                f.port = r.row.port;
                f.options = r.row.options;
                ok = fromJson(array.at(j).toObject(), &f)
                    && f.remoteName.startsWith(r.row.remoteName + QLatin1Char('/'));
                r.files << f;
            }
        } else if (ok && !children.isUndefined())
            ok = false;
        r.row.folder = children.isArray();
        if (!ok) {
            qCWarning(lcUi) << "transfer list" << path << "has a bad row" << i
                            << "; starting empty";
            return 0;
        }
        rows << r;
    }
    for (const Row &r : std::as_const(rows)) {
        if (r.row.folder)
            model->addFolder(r.row, r.files);
        else
            model->add(r.row);
    }
    qCInfo(lcUi) << "transfer list" << path << "brought back" << rows.size() << "rows";
    return int(rows.size());
}

} // namespace ferry
