// One window per user (issue 17): a second launch raises the first and exits.
#include "singleinstance.h"

#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLockFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace ferry;

class tst_SingleInstance : public QObject
{
    Q_OBJECT
private slots:
    void secondInstanceRaisesTheFirst();
    void loginStartDoesNotRaise();
    void staleSocketIsTakenOver();
    void launchInTheMiddleOfAnotherWaits();
    void secondLaunchOfTheBinaryExits();
};

void tst_SingleInstance::secondInstanceRaisesTheFirst()
{
    QTemporaryDir runtime;
    const QString path = runtime.filePath(QStringLiteral("ferry-window"));
    SingleInstance first(path);
    QVERIFY(!first.handOver());
    QVERIFY(first.isListening());
    QSignalSpy raised(&first, &SingleInstance::raiseRequested);

    // The second instance blocks while it waits for the first to read its line, so the
    // first must run an event loop meanwhile: it lives in this thread, the second in another.
    bool handedOver = false;
    QThread *thread = QThread::create([&] {
        SingleInstance second(path);
        handedOver = second.handOver();
    });
    thread->start();
    QTRY_VERIFY(thread->isFinished());
    delete thread;
    QVERIFY(handedOver);
    QTRY_COMPARE(raised.size(), 1);
}

void tst_SingleInstance::loginStartDoesNotRaise()
{
    QTemporaryDir runtime;
    const QString path = runtime.filePath(QStringLiteral("ferry-window"));
    SingleInstance first(path);
    QVERIFY(!first.handOver());
    QSignalSpy raised(&first, &SingleInstance::raiseRequested);
    bool handedOver = false;
    QThread *thread = QThread::create([&] {
        SingleInstance second(path);
        handedOver = second.handOver(false);
    });
    thread->start();
    QTRY_VERIFY(thread->isFinished());
    delete thread;
    QVERIFY(handedOver);
    QCOMPARE(raised.size(), 0);
}

void tst_SingleInstance::staleSocketIsTakenOver()
{
    QTemporaryDir runtime;
    const QString path = runtime.filePath(QStringLiteral("ferry-window"));
    {
        QFile stale(path); // what a crash leaves: a name nobody answers on
        QVERIFY(stale.open(QIODevice::WriteOnly));
    }
    SingleInstance instance(path);
    QVERIFY(!instance.handOver());
    QVERIFY(instance.isListening());
}

void tst_SingleInstance::launchInTheMiddleOfAnotherWaits()
{
    QTemporaryDir runtime;
    const QString path = runtime.filePath(QStringLiteral("ferry-window"));
    // The first launch has found nobody and is about to listen: it holds the lock.
    QLockFile firstLaunch(path + QStringLiteral(".lock"));
    QVERIFY(firstLaunch.lock());
    bool handedOver = false;
    QThread *thread = QThread::create([&] {
        SingleInstance second(path);
        handedOver = second.handOver(false);
    });
    thread->start();
    // It waits for the lock (with the fix this never ends early, however slow the machine).
    QVERIFY(!thread->wait(200));
    // The first window listens, then lets go; the second launch must find it rather than
    // remove its socket and open a second window.
    QLocalServer firstWindow;
    QVERIFY(firstWindow.listen(path));
    firstLaunch.unlock();
    QTRY_VERIFY(thread->isFinished());
    delete thread;
    QVERIFY(handedOver);
    QVERIFY(firstWindow.isListening());
    QVERIFY(QFileInfo::exists(path));
}

void tst_SingleInstance::secondLaunchOfTheBinaryExits()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ferry.ui.info=true"));

    QProcess first;
    first.setProcessEnvironment(env);
    first.start(QStringLiteral(FERRY_BINARY), {});
    QVERIFY(first.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(
        QFileInfo::exists(home.filePath(QStringLiteral("ferry-window"))), 30000);

    QProcess second;
    second.setProcessEnvironment(env);
    second.start(QStringLiteral(FERRY_BINARY), {});
    QVERIFY(second.waitForFinished(30000));
    QCOMPARE(second.exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.exitCode(), 0);
    QVERIFY(second.readAllStandardError().contains("handed over"));

    QByteArray log;
    QTRY_VERIFY_WITH_TIMEOUT(
        (log += first.readAllStandardError()).contains("a second launch asked for the window"),
        30000);
    QCOMPARE(first.state(), QProcess::Running);
    first.terminate();
    QVERIFY(first.waitForFinished(30000));
}

QTEST_MAIN(tst_SingleInstance)
#include "tst_singleinstance.moc"
