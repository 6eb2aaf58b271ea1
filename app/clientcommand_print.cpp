// The command line client's output: per-file lines, the listing, progress and the summary.
#include "clientcommand.h"

#include "clitext.h"
#include "protocol/names.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QTextStream>

#include <unistd.h>

namespace ferry {
namespace {
QString duration(qint64 seconds)
{
    return seconds >= 3600
        ? QStringLiteral("%1:%2:%3")
              .arg(seconds / 3600)
              .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
              .arg(seconds % 60, 2, 10, QLatin1Char('0'))
        : QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

void ClientCommand::printSkipped(const FileResult &r)
{
    clearProgress();
    m_currentId = 0;
    // Already here with the server's MD5 (--resume): nothing was fetched.
    QTextStream(stdout) << printableName(r.remoteName) << "  " << r.size << "  " << r.localMd5
                        << "  skipped" << Qt::endl;
}

void ClientCommand::printSummary(const FolderSummary &s)
{
    // English words, like each file's status: scripts read this line.
    QTextStream(stdout) << "summary: " << s.files << " files, " << s.bytes << " bytes, "
                        << s.verified << " verified, " << s.failed << " failed, " << s.skipped
                        << " skipped" << Qt::endl;
    if (s.failed > 0)
        m_anyFailed = true;
}

void ClientCommand::printListing(const QList<protocol::FileEntry> &entries)
{
    QTextStream out(stdout);
    const QLocale locale;
    qint64 total = 0;
    int files = 0;
    for (const auto &e : entries) {
        if (e.isFolder) {
            // A folder, empty or not: 'ferry get NAME/' fetches it.
            out << QStringLiteral("%1  %2  %3/")
                       .arg(QStringLiteral("-"), 10)
                       .arg(QString(16, QLatin1Char(' ')), printableName(e.name))
                << '\n';
            continue;
        }
        ++files;
        const QString when = QDateTime::fromMSecsSinceEpoch(e.mtimeMs).toString(
            QStringLiteral("yyyy-MM-dd HH:mm"));
        out << QStringLiteral("%1  %2  %3")
                   .arg(locale.formattedDataSize(e.size, 1), 10)
                   .arg(when, printableName(e.name))
            << '\n';
        total += e.size;
    }
    out << tr("%n file(s), %1", nullptr, files).arg(locale.formattedDataSize(total, 1)) << '\n';
}

void ClientCommand::printResult(const FileResult &r)
{
    clearProgress();
    const QString name = printableName(r.remoteName);
    if (r.outcome == FileResult::Outcome::Failed) {
        m_anyFailed = true;
        const bool inFlight = r.id == m_currentId;
        m_currentId = 0;
        // A connection that ends answers every file still waiting before it says why.
        if (m_session && m_session->state() == ClientSession::State::Closed)
            m_afterFailure.append(endedLine(r, inFlight));
        else
            QTextStream(stderr) << "ferry get: " << failedLine(r, {}) << Qt::endl;
        return;
    }
    m_currentId = 0;
    const bool verified = r.outcome == FileResult::Outcome::Verified;
    // The status words stay English: scripts read this line.
    QTextStream(stdout) << name << "  " << r.size << "  " << r.localMd5 << "  "
                        << (verified ? "verified" : "MISMATCH") << Qt::endl;
    if (!verified) {
        m_anyFailed = true;
        QTextStream(stderr) << "ferry get: " << CliText::describe(r.failure, m_peer, m_outputDir)
                            << Qt::endl;
    }
}

QString ClientCommand::partKept(const QString &name) const
{
    const QString part = QDir(m_outputDir).filePath(name + QStringLiteral(".part"));
    if (!QFileInfo::exists(part))
        return {};
    const QString meta = part + QStringLiteral(".meta");
    // Escaped like every name this command prints: a path must not drive the terminal.
    const auto shown
        = [](const QString &path) { return printableName(QDir::toNativeSeparators(path)); };
    return QFileInfo::exists(meta)
        ? tr("%1 is kept: run the same command with --resume to continue, or delete it and %2 "
             "to start over")
              .arg(shown(part), shown(meta))
        : tr("%1 is kept: run the same command with --resume to continue, or delete it to start "
             "over")
              .arg(shown(part));
}

QString ClientCommand::failedLine(const FileResult &r, const QString &kept) const
{
    // Every line names its file; most reasons already do ("not found on the server: x").
    const QString name = printableName(r.remoteName);
    QString why = CliText::describe(r.failure, m_peer, m_outputDir);
    if (!why.contains(name))
        why = QStringLiteral("%1: %2").arg(name, why);
    return kept.isEmpty() ? tr("failed: %1").arg(why) : tr("failed: %1; %2").arg(why, kept);
}

QString ClientCommand::endedLine(const FileResult &r, bool inFlight) const
{
    const QString name = printableName(r.remoteName);
    if (!inFlight)
        return tr("skipped: %1: not downloaded because of the error above").arg(name);
    const QString kept = partKept(r.remoteName);
    // A write error or a changed source is this file's own failure; a lost connection is not.
    if (!isConnectionFailure(r.failure.code))
        return failedLine(r, kept);
    return kept.isEmpty() ? tr("failed: %1: interrupted").arg(name)
                          : tr("failed: %1: interrupted; %2").arg(name, kept);
}

void ClientCommand::printProgress(qint64 done, qint64 total)
{
    if (!m_tty)
        return;
    const QLocale locale;
    const double seconds = qMax<qint64>(1, m_clock.elapsed()) / 1000.0;
    const double rate = (done - m_startDone) / seconds;
    const QString eta
        = rate > 0 ? duration(qint64((total - done) / rate)) : QStringLiteral("--:--");
    const int percent = total > 0 ? int(done * 100 / total) : 100;
    const QString line
        = tr("%1  %2%  %3 of %4  %5/s  ETA %6")
              .arg(m_currentName)
              .arg(percent)
              .arg(locale.formattedDataSize(done, 1), locale.formattedDataSize(total, 1),
                  locale.formattedDataSize(qint64(rate), 1), eta);
    QTextStream(stderr) << '\r' << line << "\x1b[K" << Qt::flush;
    m_progressShown = true;
}

void ClientCommand::clearProgress()
{
    if (m_progressShown)
        QTextStream(stderr) << "\r\x1b[K" << Qt::flush;
    m_progressShown = false;
}

} // namespace ferry
