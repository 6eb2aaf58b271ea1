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

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace ferry {

namespace {

constexpr int kFormat = 2; ///< 1: a folder row held its files; 2: compact folder rows.
constexpr int kSaveDelayMs = 1000;
constexpr int kMaxText = 4096; ///< Longest host, path or failure detail kept.

bool isGoing(Transfer::State state)
{
    return state == Transfer::State::Queued || state == Transfer::State::Connecting
        || state == Transfer::State::Running;
}

QJsonObject toJson(const Transfer &t)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), t.remoteName);
    if (!t.localName.isEmpty())
        o.insert(QStringLiteral("local"), t.localName);
    // A row still going when Ferry quits is interrupted; Resume picks it up from its .part.
    const Transfer::State state = isGoing(t.state) ? Transfer::State::Interrupted : t.state;
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

/// A top-level row, copied on the window's thread and written on a pool thread. A folder
/// row carries its failed files' names (failedNames), never its files.
QJsonObject rowToJson(const Transfer &t)
{
    QJsonObject o = toJson(t);
    o.insert(QStringLiteral("host"), t.host);
    o.insert(QStringLiteral("port"), int(t.port));
    o.insert(QStringLiteral("output"), t.options.outputDir);
    o.insert(QStringLiteral("conflict"), int(t.options.conflict));
    if (t.folder) {
        const Transfer::Counts &c = t.counts;
        QJsonObject folder;
        folder.insert(QStringLiteral("files"), c.files);
        folder.insert(QStringLiteral("verified"), c.verified);
        folder.insert(QStringLiteral("failed"), c.failed);
        folder.insert(QStringLiteral("cancelled"), c.cancelled);
        // Files still going are interrupted, as the row is.
        folder.insert(QStringLiteral("interrupted"), c.interrupted + c.active);
        folder.insert(QStringLiteral("failedNames"), QJsonArray::fromStringList(t.failedNames));
        o.insert(QStringLiteral("folder"), folder);
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

/// Format 2's folder object: counts that add up, and failed names inside the folder.
bool compactFromJson(const QJsonObject &o, Transfer *folder)
{
    Transfer::Counts &c = folder->counts;
    const auto count = [&o](const char *key, int *out) {
        const double v = o.value(QLatin1String(key)).toDouble(-1);
        *out = int(v);
        return v >= 0 && v <= TransferHistory::kMaxFiles * 100.0 && double(*out) == v;
    };
    if (!count("files", &c.files) || !count("verified", &c.verified) || !count("failed", &c.failed)
        || !count("cancelled", &c.cancelled) || !count("interrupted", &c.interrupted)
        || qint64(c.verified) + c.failed + c.cancelled + c.interrupted > c.files)
        return false;
    const QJsonValue names = o.value(QStringLiteral("failedNames"));
    if (!names.isUndefined() && !names.isArray())
        return false;
    const QJsonArray array = names.toArray();
    if (array.size() > TransferHistory::kMaxFailedNames)
        return false;
    for (const QJsonValue &v : array) {
        if (!v.isString() || !isValidRelativeName(v.toString()))
            return false;
        folder->failedNames << v.toString();
    }
    return true;
}

/// Format 1's folder: its files, summed up into a compact row as it is kept from now on.
bool compactFromFiles(const QJsonArray &array, qsizetype *files, Transfer *folder)
{
    *files += array.size();
    if (*files > TransferHistory::kMaxFiles)
        return false;
    Transfer::Counts &c = folder->counts;
    const QString prefix = folder->remoteName + QLatin1Char('/');
    folder->done = 0;
    folder->total = 0;
    for (const QJsonValue &v : array) {
        Transfer f;
        if (!fromJson(v.toObject(), &f) || !f.remoteName.startsWith(prefix))
            return false;
        ++c.files;
        folder->done += f.done;
        folder->total += qMax<qint64>(f.total, 0);
        switch (f.state) {
        case Transfer::State::Verified:
            ++c.verified;
            break;
        case Transfer::State::Mismatch:
        case Transfer::State::Failed:
            ++c.failed;
            if (folder->failedNames.size() < TransferHistory::kMaxFailedNames)
                folder->failedNames << f.remoteName.mid(prefix.size());
            break;
        case Transfer::State::Cancelled:
            ++c.cancelled;
            break;
        default:
            ++c.interrupted;
            break;
        }
    }
    return true;
}

} // namespace

/// Writes snapshots in the order they were taken: one at a time, and never an older one
/// over a newer.
struct TransferHistory::Writer
{
    QMutex mutex;
    quint64 taken = 0; ///< Snapshots handed out (on the window's thread).
    quint64 written = 0; ///< The newest snapshot on disk (under the mutex).
    int files = 0; ///< Files written (under the mutex).
    TransferHistory *owner = nullptr; ///< Told of each write; null once it goes (mutex).

    bool write(const QString &path, quint64 snapshot, const QList<Transfer> &rows)
    {
        QMutexLocker lock(&mutex);
        if (snapshot <= written)
            return true; // a newer list is already on disk
        QJsonArray list;
        for (const Transfer &row : rows)
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
        ++files;
        return true;
    }
};

TransferHistory::TransferHistory(TransferModel *model, const QString &path, QObject *parent)
    : QObject(parent), m_model(model), m_path(path), m_writer(std::make_shared<Writer>())
{
    m_writer->owner = this;
    load(model, path);
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(kSaveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &TransferHistory::saveInBackground);
    connect(model, &TransferModel::historyChanged, this, [this] {
        if (m_inFlight)
            m_pending = true; // written once, after the write that is running
        else if (!m_saveTimer.isActive())
            m_saveTimer.start(); // at the first change's deadline, not put off by each after
    });
    connect(qApp, &QCoreApplication::aboutToQuit, this, &TransferHistory::save);
}

TransferHistory::~TransferHistory()
{
    // Also waits for a write still running, so the file is whole when the next one reads it.
    save();
    QMutexLocker lock(&m_writer->mutex);
    m_writer->owner = nullptr;
}

QString TransferHistory::defaultPath()
{
    return QDir(Identity::dataDir()).filePath(QStringLiteral("transfers.json"));
}

namespace {
/// The top-level rows, a folder with its first failed files' names instead of its files.
QList<Transfer> snapshot(const TransferModel *model)
{
    QList<quint64> ids = model->topLevel();
    if (ids.size() > TransferHistory::kMaxRows)
        ids = ids.mid(ids.size() - TransferHistory::kMaxRows);
    QList<Transfer> rows;
    rows.reserve(ids.size());
    for (quint64 id : std::as_const(ids)) {
        const Transfer *t = model->find(id);
        if (!t)
            continue;
        rows.append(*t);
        if (t->folder && !t->compact)
            rows.last().failedNames
                = model->failedFiles(id, TransferHistory::kMaxFailedNames, false);
    }
    return rows;
}
} // namespace

bool TransferHistory::save()
{
    m_saveTimer.stop();
    m_pending = false;
    if (!m_model)
        return false;
    return m_writer->write(m_path, ++m_writer->taken, snapshot(m_model));
}

int TransferHistory::writes() const
{
    QMutexLocker lock(&m_writer->mutex);
    return m_writer->files;
}

void TransferHistory::saveInBackground()
{
    if (!m_model)
        return;
    if (m_inFlight) {
        m_pending = true;
        return;
    }
    m_inFlight = true;
    m_pending = false;
    QThreadPool::globalInstance()->start(
        [writer = m_writer, path = m_path, n = ++m_writer->taken, rows = snapshot(m_model)] {
            writer->write(path, n, rows);
            // Posted only while the owner is alive (it clears owner under the mutex as it goes);
            // a posted call to an object deleted since is dropped.
            QMutexLocker lock(&writer->mutex);
            if (writer->owner)
                QMetaObject::invokeMethod(
                    writer->owner, &TransferHistory::onWritten, Qt::QueuedConnection);
        });
}

void TransferHistory::onWritten()
{
    m_inFlight = false;
    if (m_pending && !m_saveTimer.isActive())
        m_saveTimer.start();
    m_pending = false;
}

namespace {

int loadRows(TransferModel *model, const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return 0;
    if (file.size() > TransferHistory::kMaxBytes) {
        qCWarning(lcUi) << "transfer list" << path << "is" << file.size()
                        << "bytes, over the bound; starting empty";
        return 0;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcUi) << "cannot read the transfer list" << path << file.errorString();
        return 0;
    }
    // Read at most the bound even if the file grew since size() was asked.
    const QByteArray bytes = file.read(TransferHistory::kMaxBytes + 1);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject root = doc.object();
    const int format = root.value(QStringLiteral("format")).toInt();
    if (bytes.size() > TransferHistory::kMaxBytes || error.error != QJsonParseError::NoError
        || !doc.isObject() || (format != 1 && format != kFormat)
        || !root.value(QStringLiteral("rows")).isArray()) {
        qCWarning(lcUi) << "transfer list" << path << "is not one Ferry can read ("
                        << error.errorString() << "); starting empty";
        return 0;
    }
    const QJsonArray list = root.value(QStringLiteral("rows")).toArray();
    // Check everything before adding anything: a bad file gives an empty list, not half.
    QList<Transfer> rows;
    qsizetype files = 0;
    const qsizetype first = qMax<qsizetype>(0, list.size() - TransferHistory::kMaxRows);
    for (qsizetype i = first; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        Transfer r;
        const int port = o.value(QStringLiteral("port")).toInt(0);
        const int conflict = o.value(QStringLiteral("conflict")).toInt(0);
        bool ok = fromJson(o, &r) && text(o, "host", &r.host, true) && !r.host.isEmpty() && port > 0
            && port <= 65535 && text(o, "output", &r.options.outputDir, true) && conflict >= 0
            && conflict <= int(ConflictPolicy::KeepBoth);
        r.port = quint16(port);
        r.options.conflict = ConflictPolicy(conflict);
        const QJsonValue children = o.value(QStringLiteral("files"));
        const QJsonValue folder = o.value(QStringLiteral("folder"));
        if (ok && format == 1 && children.isArray())
            ok = compactFromFiles(children.toArray(), &files, &r);
        else if (ok && format == kFormat && folder.isObject())
            ok = compactFromJson(folder.toObject(), &r);
        else if (ok && (!children.isUndefined() || !folder.isUndefined()))
            ok = false;
        r.folder = children.isArray() || folder.isObject();
        if (!ok) {
            qCWarning(lcUi) << "transfer list" << path << "has a bad row" << i
                            << "; starting empty";
            return 0;
        }
        rows << r;
    }
    for (const Transfer &r : std::as_const(rows)) {
        if (r.folder)
            model->addCompactFolder(r);
        else
            model->add(r);
    }
    qCInfo(lcUi) << "transfer list" << path << "brought back" << rows.size() << "rows";
    return int(rows.size());
}

} // namespace

int TransferHistory::load(TransferModel *model, const QString &path)
{
    const qint64 size = QFileInfo(path).size();
    const int rows = loadRows(model, path);
#ifdef __GLIBC__
    // A format 1 file with a 100,000-file folder parses into hundreds of MB that the compact
    // rows don't keep; hand them back instead of holding them for the window's lifetime.
    constexpr qint64 kTrimAbove = qint64(4) << 20;
    if (size > kTrimAbove)
        malloc_trim(0);
#endif
    return rows;
}

} // namespace ferry
