// Measures how long the window's event loop stalls while it downloads a file: a 5 ms timer
// records the gap between its ticks. Not a test (timings don't belong in ctest); bench/run.sh
// runs it next to a `ferry serve` and reports the figures.
//
//   ferry_guistall HOST PORT NAME DESTDIR
//   prints: stall_max_ms=.. stall_p99_ms=.. ticks=.. seconds=.. ok=1|0
#include "clienttab.h"
#include "mainwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>
#include <algorithm>
#include <vector>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        QTextStream(stderr) << "usage: ferry_guistall HOST PORT NAME DESTDIR\n";
        return 2;
    }
    ferry::MainWindow window;
    window.show();
    ferry::ClientTab *client = window.clientTab();
    client->setHost(args.at(1), quint16(args.at(2).toUInt()));
    client->setDestination(args.at(4));

    std::vector<qint64> gaps;
    QElapsedTimer clock;
    QElapsedTimer total;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    QObject::connect(&probe, &QTimer::timeout, [&] { gaps.push_back(clock.restart()); });
    bool ok = false;
    QObject::connect(client, &ferry::ClientTab::notice, &app,
        [&](const QString &, const QString &, bool success) {
            ok = success;
            app.quit();
        });
    QTimer::singleShot(0, &app, [&] {
        total.start();
        clock.start();
        probe.start(5);
        client->request({args.at(3)});
    });
    QTimer::singleShot(600000, &app, &QApplication::quit);
    app.exec();
    std::sort(gaps.begin(), gaps.end());
    const qint64 max = gaps.empty() ? 0 : gaps.back();
    const qint64 p99 = gaps.empty() ? 0 : gaps[gaps.size() * 99 / 100];
    QTextStream(stdout) << "stall_max_ms=" << max << " stall_p99_ms=" << p99
                        << " ticks=" << gaps.size() << " seconds=" << total.elapsed() / 1000.0
                        << " ok=" << (ok ? 1 : 0) << '\n';
    return ok ? 0 : 1;
}
