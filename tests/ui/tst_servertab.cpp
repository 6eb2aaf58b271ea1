#include "clientsession.h"
#include "logmodel.h"
#include "server.h"
#include "servertab.h"
#include "testutil.h"
#include "uisettings.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace ferry;

class tst_ServerTab : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startShowsAddressesAndTotals();
    void downloadAppearsInTheLog();
    void refusalAppearsInTheLog();
    void portInUseShowsABanner();
    void missingFolderShowsABanner();
    void droppedFolderIsChosen();
    void droppedFileIsRefused();
    void languageSwitchRerendersOldRows();
    void passwordProtectsTheShare();

private:
    void startFromUi();
    void fetch(const QString &name, const QString &outputDir);

    QTemporaryDir m_share;
    std::unique_ptr<ServerTab> m_tab;
};

void tst_ServerTab::initTestCase()
{
    QVERIFY(m_share.isValid());
    test::writeRandomFile(m_share.filePath(QStringLiteral("a.bin")), 300000, 1);
    test::writeRandomFile(m_share.filePath(QStringLiteral("b.txt")), 1000, 2);
}

void tst_ServerTab::init()
{
    m_tab = std::make_unique<ServerTab>();
    m_tab->resize(800, 600);
    m_tab->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_tab.get()));
}

void tst_ServerTab::cleanup()
{
    m_tab.reset();
}

void tst_ServerTab::startFromUi()
{
    auto *folder = m_tab->findChild<QLineEdit *>(QStringLiteral("sharedFolder"));
    folder->clear();
    QTest::keyClicks(folder, m_share.path());
    auto *port = m_tab->findChild<QSpinBox *>(QStringLiteral("serverPort"));
    port->setValue(0);
    QTest::mouseClick(
        m_tab->findChild<QRadioButton *>(QStringLiteral("localOnly")), Qt::LeftButton);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY2(m_tab->isRunning(), qPrintable(m_tab->bannerText()));
    QVERIFY(m_tab->listeningPort() != 0);
}

void tst_ServerTab::fetch(const QString &name, const QString &outputDir)
{
    ClientSession session;
    QSignalSpy finished(&session, &ClientSession::fileFinished);
    session.connectToServer(QStringLiteral("127.0.0.1"), m_tab->listeningPort());
    GetOptions options;
    options.outputDir = outputDir;
    session.requestFile(name, {}, options);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
}

void tst_ServerTab::startShowsAddressesAndTotals()
{
    startFromUi();
    const QString address = QStringLiteral("127.0.0.1:%1").arg(m_tab->listeningPort());
    auto *shown = m_tab->findChild<QLineEdit *>(QStringLiteral("address0"));
    QVERIFY(shown);
    QCOMPARE(shown->text(), address);
    auto *stats = m_tab->findChild<QLabel *>(QStringLiteral("shareStats"));
    // Until an English .qm supplies plural forms, %n reads "2 file(s)".
    QTRY_VERIFY_WITH_TIMEOUT(stats->text().startsWith(QStringLiteral("2 file")), 20000);
    QVERIFY2(
        stats->text().contains(QLocale().formattedDataSize(301000)), qPrintable(stats->text()));
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
}

void tst_ServerTab::downloadAppearsInTheLog()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("a.bin"), out.path());
    LogModel *log = m_tab->logModel();
    const auto hasSent = [log] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::RequestColumn).data().toString()
                    == QStringLiteral("a.bin")
                && log->index(row, LogModel::ResultColumn).data().toString()
                    == QStringLiteral("done, verified sent"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasSent(), 20000);
    QVERIFY(log->index(0, LogModel::PeerColumn)
                .data()
                .toString()
                .startsWith(QStringLiteral("127.0.0.1:")));
}

void tst_ServerTab::refusalAppearsInTheLog()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("nothing-here.txt"), out.path());
    LogModel *log = m_tab->logModel();
    const QString expected
        = QStringLiteral("refused: The server has no file named \"nothing-here.txt\".");
    const auto hasRefusal = [&] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::ResultColumn).data().toString() == expected)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(hasRefusal(), 20000);
}

void tst_ServerTab::portInUseShowsABanner()
{
    Server other;
    ServerConfig config;
    config.root = m_share.path();
    config.bindAddress = QHostAddress::LocalHost;
    config.port = 0;
    Failure error;
    QVERIFY(other.start(config, &error));
    m_tab->setFolder(m_share.path());
    m_tab->setLocalOnly(true);
    m_tab->setPort(other.serverPort());
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QVERIFY2(m_tab->bannerText().startsWith(
                 QStringLiteral("The port is already in use by another program")),
        qPrintable(m_tab->bannerText()));
    QVERIFY(other.isRunning());
}

void tst_ServerTab::missingFolderShowsABanner()
{
    m_tab->setFolder(m_share.filePath(QStringLiteral("gone")));
    m_tab->setPort(0);
    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(!m_tab->isRunning());
    QVERIFY2(m_tab->bannerText().startsWith(QStringLiteral("The shared folder does not exist")),
        qPrintable(m_tab->bannerText()));
}

void tst_ServerTab::droppedFolderIsChosen()
{
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_share.path())});
    const QPoint pos(20, 20);
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(m_tab->findChild<QLabel *>(QStringLiteral("dropHint"))->isVisible());
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(!m_tab->findChild<QLabel *>(QStringLiteral("dropHint"))->isVisible());
    QCOMPARE(m_tab->folder(), m_share.path());
}

void tst_ServerTab::droppedFileIsRefused()
{
    m_tab->setFolder(QStringLiteral("/before"));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_share.filePath(QStringLiteral("a.bin")))});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_tab.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(m_tab->folder(), QStringLiteral("/before"));
}

namespace {

/// Stands in for a loaded .qm: upper-cases two of the tab's strings.
class ShoutingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        const QByteArray text(source);
        if (text == "done, verified sent" || text == "Stop sharing")
            return QString::fromLatin1(text.toUpper());
        Q_UNUSED(context);
        return {};
    }
    bool isEmpty() const override { return false; }
};

} // namespace

void tst_ServerTab::languageSwitchRerendersOldRows()
{
    startFromUi();
    QTemporaryDir out;
    fetch(QStringLiteral("b.txt"), out.path());
    LogModel *log = m_tab->logModel();
    const auto sentRow = [log] {
        for (int row = 0; row < log->rowCount(); ++row) {
            if (log->index(row, LogModel::RequestColumn).data().toString()
                    == QStringLiteral("b.txt")
                && log->index(row, LogModel::ResultColumn)
                       .data()
                       .toString()
                       .startsWith(QStringLiteral("done")))
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(sentRow() >= 0, 20000);
    const int row = sentRow();

    ShoutingTranslator translator;
    QSignalSpy repaint(log, &QAbstractItemModel::dataChanged);
    QCoreApplication::installTranslator(&translator); // sends LanguageChange to every widget
    QTRY_COMPARE(log->index(row, LogModel::ResultColumn).data().toString(),
        QStringLiteral("DONE, VERIFIED SENT"));
    QTRY_VERIFY(repaint.size() > 0);
    QCOMPARE(m_tab->findChild<QPushButton *>(QStringLiteral("startStop"))->text(),
        QStringLiteral("STOP SHARING"));
    QCoreApplication::removeTranslator(&translator);
    QTRY_COMPARE(m_tab->findChild<QPushButton *>(QStringLiteral("startStop"))->text(),
        QStringLiteral("Stop sharing"));
}

namespace {

struct ListOutcome
{
    bool done = false;
    ErrorCode failure = ErrorCode::None;
    QStringList names;
};

/// Lists the share at \a port over a real connection, proving \a password if the share asks.
ListOutcome listShare(quint16 port, const QByteArray &password)
{
    ListOutcome outcome;
    ClientSession session;
    session.setPassword(password);
    QObject::connect(&session, &ClientSession::ready, &session, &ClientSession::requestList);
    QObject::connect(
        &session, &ClientSession::listReceived, [&](const QList<protocol::FileEntry> &entries) {
            for (const protocol::FileEntry &entry : entries)
                outcome.names << entry.name;
            outcome.done = true;
        });
    QObject::connect(&session, &ClientSession::failed, [&](const Failure &failure) {
        outcome.failure = failure.code;
        outcome.done = true;
    });
    session.connectToServer(QStringLiteral("127.0.0.1"), port);
    QTest::qWaitFor([&] { return outcome.done; }, 20000);
    return outcome;
}

} // namespace

void tst_ServerTab::passwordProtectsTheShare()
{
    const QString secret = QStringLiteral("correct horse 42");
    auto *password = m_tab->findChild<QLineEdit *>(QStringLiteral("sharePassword"));
    auto *note = m_tab->findChild<QLabel *>(QStringLiteral("sharePasswordNote"));
    QVERIFY(password && note);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(!note->isVisible());
    QTest::keyClicks(password, secret);
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(QStringLiteral("unencrypted")), qPrintable(note->text()));
    startFromUi();
    QVERIFY(!password->isEnabled());

    const ListOutcome without = listShare(m_tab->listeningPort(), {});
    QVERIFY(without.done);
    QCOMPARE(without.failure, ErrorCode::AuthRequired);
    QVERIFY(without.names.isEmpty());

    const ListOutcome with = listShare(m_tab->listeningPort(), secret.toUtf8());
    QVERIFY(with.done);
    QCOMPARE(with.failure, ErrorCode::None);
    QStringList names = with.names;
    names.sort();
    QCOMPARE(names, QStringList({QStringLiteral("a.bin"), QStringLiteral("b.txt")}));

    QTest::mouseClick(m_tab->findChild<QPushButton *>(QStringLiteral("startStop")), Qt::LeftButton);
    QVERIFY(password->isEnabled());
    QVERIFY(note->isVisible());
    password->clear();
    QVERIFY(!note->isVisible());
    QTest::keyClicks(password, secret);

    // Closing the tab saves its settings; the password must not be among them.
    m_tab.reset();
    UiSettings settings;
    const QStringList keys = settings.allKeys();
    QVERIFY(!keys.isEmpty());
    for (const QString &key : keys)
        QVERIFY2(!settings.value(key).toString().contains(secret), qPrintable(key));
}

QTEST_MAIN(tst_ServerTab)
#include "tst_servertab.moc"
