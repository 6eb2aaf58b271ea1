// SignalWatcher: Ctrl+C and SIGTERM reach the event loop, and each watcher's self-pipe closes
// with it (issue 12, defect 4: `ferry get` makes a second watcher when it retries with a
// password, and every watcher used to leave its pipe open).

#include "fdcount.h"
#include "signalwatcher.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>

using namespace ferry;

class tst_SignalWatcher : public QObject
{
    Q_OBJECT
private slots:
    void signalReachesTheEventLoop_data();
    void signalReachesTheEventLoop();
    void eachWatcherClosesItsPipe_data();
    void eachWatcherClosesItsPipe();
    void anOuterWatcherGetsTheSignalsBack();
};

void tst_SignalWatcher::signalReachesTheEventLoop_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("Ctrl+C") << SIGINT;
    QTest::newRow("SIGTERM") << SIGTERM;
}

void tst_SignalWatcher::signalReachesTheEventLoop()
{
    QFETCH(int, signalNumber);
    SignalWatcher watcher;
    QSignalSpy spy(&watcher, &SignalWatcher::stopRequested);
    ::raise(signalNumber);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toInt(), signalNumber);
}

void tst_SignalWatcher::eachWatcherClosesItsPipe_data()
{
    QTest::addColumn<int>("watchers");
    QTest::newRow("one run") << 1;
    QTest::newRow("a password retry") << 2;
    QTest::newRow("many retries") << 50;
}

void tst_SignalWatcher::eachWatcherClosesItsPipe()
{
    QFETCH(int, watchers);
    const int before = test::openDescriptorCount();
    for (int i = 0; i < watchers; ++i) {
        SignalWatcher watcher;
        QVERIFY(test::openDescriptorCount() > before); // it has a pipe while it lives
    }
    QCOMPARE(test::openDescriptorCount(), before);
}

void tst_SignalWatcher::anOuterWatcherGetsTheSignalsBack()
{
    SignalWatcher outer;
    QSignalSpy spy(&outer, &SignalWatcher::stopRequested);
    {
        SignalWatcher inner;
    }
    // Before, the inner watcher's end restored the default action: SIGTERM ended the test.
    ::raise(SIGTERM);
    QTRY_COMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(tst_SignalWatcher)
#include "tst_signalwatcher.moc"
