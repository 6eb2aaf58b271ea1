// Measures how long the window's event loop stalls: a 5 ms timer records the gap between its
// ticks. Not a test (timings don't belong in ctest); bench/run.sh runs it next to a
// `ferry serve` and reports the figures.
//
//   ferry_guistall HOST PORT NAME DESTDIR
//     downloads one file; prints: stall_max_ms=.. stall_p99_ms=.. ticks=.. seconds=..
//     cpu_max_ms=.. ok=1|0 (cpu_max_ms: the most CPU the window's thread used between two
//     ticks, which a loaded machine's scheduler does not inflate)
//   ferry_guistall --tree HOST PORT FOLDER DESTDIR FILTER
//     lists the share (its tree), types FILTER into the filter box a letter at a time and
//     clears it, then downloads FOLDER whole; prints one line per phase (list, filter,
//     download) with the same figures plus vmhwm_mib=.. (the peak resident memory within
//     that phase: the peak is reset through /proc/self/clear_refs as each phase starts),
//     and the memory the listing took:
//     rss_before_mib=.. rss_listed_mib=.. rss_peak_mib=.. files=.. nodes_shown=..
//     With FERRY_GUISTALL_DOWNLOAD_SECONDS=N a download still going after N s is
//     cancelled (ok=0), so the window quits without asking.
//   ferry_guistall --resume
//     resumes the first row of the saved transfer list (FERRY_DATA_DIR/transfers.json), as
//     the Resume button does; prints phase=resume with the same figures once it ends.
#include "clienttab.h"
#include "mainwindow.h"
#include "remotelistmodel.h"
#include "transfermodel.h"

#include "transferqueue.h"

#include <QAbstractButton>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

namespace {

/// A line of /proc/self/status ("VmRSS", "VmHWM") in MiB.
double procStatusMib(const char *key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

/// Starts a new peak: VmHWM is the process's, so each phase resets it (Linux 4.0 and later).
void resetPeakRss()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

/// CPU time this thread has used, in ms.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

/// The gaps between the probe's ticks, phase by phase, and the window thread's own CPU time
/// within each gap: on a loaded machine a long gap may be the scheduler's, not the window's.
class Probe
{
public:
    Probe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_gaps.push_back(m_clock.restart());
            const double cpu = threadCpuMs();
            m_cpuMax = std::max(m_cpuMax, cpu - m_cpu);
            m_cpu = cpu;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_cpuMax = 0;
        m_cpu = threadCpuMs();
        resetPeakRss();
        m_total.start();
        m_clock.start();
        m_timer.start(5);
    }
    QString report()
    {
        m_timer.stop();
        std::sort(m_gaps.begin(), m_gaps.end());
        const double hwm = procStatusMib("VmHWM");
        m_peak = std::max(m_peak, hwm);
        const qint64 max = m_gaps.empty() ? 0 : m_gaps.back();
        const qint64 p99 = m_gaps.empty() ? 0 : m_gaps[m_gaps.size() * 99 / 100];
        return QStringLiteral(
            "stall_max_ms=%1 stall_p99_ms=%2 ticks=%3 seconds=%4 cpu_max_ms=%5 vmhwm_mib=%6")
            .arg(max)
            .arg(p99)
            .arg(m_gaps.size())
            .arg(double(m_total.elapsed()) / 1000.0)
            .arg(m_cpuMax, 0, 'f', 1)
            .arg(hwm, 0, 'f', 1);
    }

    /// The highest of the phases' peaks (each phase resets the process's own).
    double peak() const { return std::max(m_peak, procStatusMib("VmHWM")); }

private:
    double m_peak = 0;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QElapsedTimer m_total;
    std::vector<qint64> m_gaps;
    double m_cpu = 0;
    double m_cpuMax = 0;
};

/// Calls \a done once \a ready holds, looking every 20 ms.
void whenReady(std::function<bool()> ready, std::function<void()> done)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, [poll, ready, done] {
        if (!ready())
            return;
        poll->stop();
        poll->deleteLater();
        done();
    });
    poll->start(20);
}

int runTree(QApplication &app, const QStringList &args)
{
    ferry::MainWindow window;
    window.show();
    ferry::ClientTab *client = window.clientTab();
    client->setHost(args.at(2), quint16(args.at(3).toUInt()));
    client->setDestination(args.at(5));
    const QString folder = args.at(4);
    const QString filterText = args.at(6);
    ferry::RemoteListModel *list = client->listModel();
    ferry::TransferModel *transfers = client->transferModel();
    auto *filter = client->findChild<QLineEdit *>(QStringLiteral("filter"));
    QTextStream out(stdout);
    Probe probe;
    bool ok = false;
    const double rssBefore = procStatusMib("VmRSS");
    double rssListed = 0;

    // FERRY_GUISTALL_DOWNLOAD_SECONDS=N ends the download phase after N seconds (ok=0), for a
    // folder too big to fetch in a bench run.
    const int downloadLimitMs
        = qEnvironmentVariableIntValue("FERRY_GUISTALL_DOWNLOAD_SECONDS") * 1000;
    const auto download = [&] {
        probe.start();
        QElapsedTimer *downloading = new QElapsedTimer;
        downloading->start();
        client->request({folder + QLatin1Char('/')});
        whenReady(
            [&, downloading] {
                if (downloadLimitMs > 0 && downloading->elapsed() > downloadLimitMs)
                    return true;
                for (int row = 0; row < transfers->rowCount(); ++row) {
                    if (transfers->isActive(transfers->idAt(row)))
                        return false;
                }
                return transfers->rowCount() > 0;
            },
            [&, downloading] {
                // A download cut short is cancelled, so quitting doesn't ask "Quit anyway?"
                // (and a question asked all the same is answered below).
                QList<quint64> active;
                for (int row = 0; row < transfers->rowCount(); ++row) {
                    if (transfers->isActive(transfers->idAt(row)))
                        active << transfers->idAt(row);
                }
                for (quint64 id : std::as_const(active))
                    client->queue()->cancel(id);
                if (!active.isEmpty())
                    out << "download cut short after " << downloading->elapsed() / 1000
                        << " s: cancelled " << active.size() << " row(s)" << Qt::endl;
                ok = true;
                for (int row = 0; row < transfers->rowCount(); ++row) {
                    ok = ok
                        && transfers->find(transfers->idAt(row))->state
                            == ferry::Transfer::State::Verified;
                }
                int verified = 0;
                for (int row = 0; row < transfers->rowCount(); ++row) {
                    verified += transfers->find(transfers->idAt(row))->state
                        == ferry::Transfer::State::Verified;
                }
                out << "phase=download " << probe.report() << " rows=" << transfers->rowCount()
                    << " verified_rows=" << verified << " ok=" << (ok ? 1 : 0) << Qt::endl;
                app.quit();
            });
    };
    const auto typeFilter = [&] {
        probe.start();
        auto *typing = new QTimer(&app);
        auto typed = std::make_shared<int>(0);
        QObject::connect(typing, &QTimer::timeout, [&, typing, typed] {
            if (*typed < filterText.size()) {
                filter->setText(filterText.left(++*typed));
                return;
            }
            typing->stop();
            QElapsedTimer *latency = new QElapsedTimer;
            latency->start();
            whenReady([list] { return list->isSettled(); },
                [&, latency] {
                    const qint64 settled = latency->elapsed();
                    delete latency;
                    const int shown = list->visibleNodes();
                    filter->clear();
                    whenReady([list] { return list->isSettled(); },
                        [&, settled, shown] {
                            out << "phase=filter " << probe.report()
                                << " settle_after_last_key_ms=" << settled
                                << " nodes_matching=" << shown << Qt::endl;
                            download();
                        });
                });
        });
        typing->start(120);
    };

    QObject::connect(list, &ferry::RemoteListModel::treeReady, &app, [&] {
        if (rssListed > 0)
            return;
        rssListed = procStatusMib("VmRSS");
        out << "phase=list " << probe.report() << " files=" << list->fileCount()
            << " nodes_shown=" << list->visibleNodes() << Qt::endl;
        out << "rss_before_mib=" << rssBefore << " rss_listed_mib=" << rssListed << Qt::endl;
        QTimer::singleShot(200, &app, typeFilter);
    });
    QTimer::singleShot(0, &app, [&] {
        probe.start();
        client->refresh();
    });
    QTimer::singleShot(3600000, &app, &QApplication::quit);
    // Whatever is still in flight at the end, a quit question never waits for a person.
    auto *answer = new QTimer(&app);
    QObject::connect(answer, &QTimer::timeout, [] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (!box || !box->isVisible())
                continue;
            for (QAbstractButton *button : box->buttons()) {
                if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                    button->click();
            }
        }
    });
    answer->start(200);
    app.exec();
    out << "rss_peak_mib=" << probe.peak() << " ok=" << (ok ? 1 : 0) << Qt::endl;
    return ok ? 0 : 1;
}

int runResume(QApplication &app)
{
    ferry::MainWindow window;
    window.show();
    ferry::ClientTab *client = window.clientTab();
    ferry::TransferModel *transfers = client->transferModel();
    QTextStream out(stdout);
    if (transfers->rowCount() == 0) {
        out << "the saved transfer list is empty" << Qt::endl;
        return 2;
    }
    Probe probe;
    bool ok = false;
    const quint64 id = transfers->idAt(0);
    QTimer::singleShot(0, &app, [&] {
        probe.start();
        client->queue()->retry(id, true);
        whenReady([&] { return !transfers->isActive(id); },
            [&] {
                const ferry::Transfer *t = transfers->find(id);
                ok = t->state == ferry::Transfer::State::Verified;
                out << "phase=resume " << probe.report() << " files=" << t->counts.files
                    << " verified=" << t->counts.verified << " failed=" << t->counts.failed
                    << " ok=" << (ok ? 1 : 0) << Qt::endl;
                app.quit();
            });
    });
    app.exec();
    out << "rss_peak_mib=" << probe.peak() << " ok=" << (ok ? 1 : 0) << Qt::endl;
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 7 && args.at(1) == QLatin1String("--tree"))
        return runTree(app, args);
    if (args.size() == 2 && args.at(1) == QLatin1String("--resume"))
        return runResume(app);
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: ferry_guistall HOST PORT NAME DESTDIR\n"
                               "       ferry_guistall --tree HOST PORT FOLDER DESTDIR FILTER\n"
                               "       ferry_guistall --resume\n";
        return 2;
    }
    ferry::MainWindow window;
    window.show();
    ferry::ClientTab *client = window.clientTab();
    client->setHost(args.at(1), quint16(args.at(2).toUInt()));
    client->setDestination(args.at(4));

    Probe probe;
    bool ok = false;
    QObject::connect(client, &ferry::ClientTab::notice, &app,
        [&](const QString &, const QString &, bool success) {
            ok = success;
            app.quit();
        });
    QTimer::singleShot(0, &app, [&] {
        probe.start();
        client->request({args.at(3)});
    });
    QTimer::singleShot(600000, &app, &QApplication::quit);
    app.exec();
    QTextStream(stdout) << probe.report() << " ok=" << (ok ? 1 : 0) << '\n';
    return ok ? 0 : 1;
}
