// RetryPolicy on its own: which drops are ridden out, and how long the pauses are.
#include "client/retrypolicy.h"

#include <QTest>

using namespace ferry;

Q_DECLARE_METATYPE(ferry::ErrorCode)

class tst_RetryPolicy : public QObject
{
    Q_OBJECT
private slots:
    void transient_data();
    void transient();
    void backsOffUpToALimit();
    void givesUpWhenTheTimeIsUp();
    void reconnectingStartsANewOutage();
};

void tst_RetryPolicy::transient_data()
{
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<bool>("retried");
    QTest::newRow("lost") << ErrorCode::ConnectionLost << true;
    QTest::newRow("refused while the server restarts") << ErrorCode::ConnectionRefused << true;
    QTest::newRow("no answer") << ErrorCode::NoAnswer << true;
    QTest::newRow("a relay says nothing") << ErrorCode::NoGreeting << true;
    QTest::newRow("a relay drops the handshake") << ErrorCode::TlsFailed << true;
    QTest::newRow("stalled") << ErrorCode::Timeout << true;
    QTest::newRow("server full") << ErrorCode::Busy << true;
    QTest::newRow("wrong password") << ErrorCode::AuthFailed << false;
    QTest::newRow("certificate changed") << ErrorCode::CertificateChanged << false;
    QTest::newRow("protocol error") << ErrorCode::ProtocolError << false;
    QTest::newRow("disk full") << ErrorCode::WriteFailed << false;
    QTest::newRow("cancelled") << ErrorCode::Cancelled << false;
}

void tst_RetryPolicy::transient()
{
    QFETCH(ErrorCode, code);
    QFETCH(bool, retried);
    RetryPolicy policy;
    policy.setLimit(60000);
    QCOMPARE(policy.nextDelay(code) >= 0, retried);
    QCOMPARE(policy.inOutage(), retried);
    // Off by default: the first drop ends the run.
    RetryPolicy off;
    QCOMPARE(off.nextDelay(code), -1);
}

void tst_RetryPolicy::backsOffUpToALimit()
{
    RetryPolicy policy;
    policy.setLimit(600000);
    QList<int> delays;
    for (int i = 0; i < 7; ++i)
        delays << policy.nextDelay(ErrorCode::ConnectionRefused);
    QCOMPARE(delays, (QList<int> {500, 1000, 2000, 4000, 8000, 8000, 8000}));
}

void tst_RetryPolicy::givesUpWhenTheTimeIsUp()
{
    RetryPolicy policy;
    policy.setLimit(300);
    // The pause never runs past the limit.
    QVERIFY(policy.nextDelay(ErrorCode::ConnectionLost) <= 300);
    QTRY_COMPARE(policy.nextDelay(ErrorCode::ConnectionLost), -1);
    QCOMPARE(policy.leftMs(), 0);
}

void tst_RetryPolicy::reconnectingStartsANewOutage()
{
    RetryPolicy policy;
    policy.setLimit(60000);
    policy.nextDelay(ErrorCode::ConnectionLost);
    policy.nextDelay(ErrorCode::ConnectionRefused);
    policy.reset();
    QVERIFY(!policy.inOutage());
    QCOMPARE(policy.nextDelay(ErrorCode::ConnectionLost), RetryPolicy::kFirstDelayMs);
}

QTEST_GUILESS_MAIN(tst_RetryPolicy)
#include "tst_retrypolicy.moc"
