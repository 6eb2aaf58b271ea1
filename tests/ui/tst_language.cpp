#include "client/clientsession.h"
#include "languages.h"
#include "logmodel.h"
#include "mainwindow.h"
#include "servertab.h"
#include "testidentity.h"
#include "testutil.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ferry;

/// Switches the language the way a person does, from the Language menu, with the real
/// catalogues, and checks what is already on screen changes at once.
class tst_Language : public QObject
{
    Q_OBJECT
private slots:
    void normalizesLocaleNames_data();
    void normalizesLocaleNames();
    void menuSwitchesEverythingAtOnce();

private:
    static QAction *languageAction(MainWindow &window, const QString &text);
};

void tst_Language::normalizesLocaleNames_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN.UTF-8") << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW.UTF-8") << QStringLiteral("zh_CN");
    QTest::newRow("zh-Hans") << QStringLiteral("zh-Hans-CN") << QStringLiteral("zh_CN");
    QTest::newRow("en_US") << QStringLiteral("en_US.UTF-8") << QStringLiteral("en");
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("en");
    QTest::newRow("de") << QStringLiteral("de_DE") << QStringLiteral("en");
}

void tst_Language::normalizesLocaleNames()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(Languages::normalize(locale), language);
}

QAction *tst_Language::languageAction(MainWindow &window, const QString &text)
{
    const auto actions = window.findChildren<QAction *>();
    for (QAction *a : actions) {
        if (a->text().remove(QLatin1Char('&')) == text)
            return a;
    }
    return nullptr;
}

void tst_Language::menuSwitchesEverythingAtOnce()
{
    Languages languages;
    languages.apply(QStringLiteral("en"));
    MainWindow window;
    connect(&window, &MainWindow::languageRequested, &languages, [&](const QString &name) {
        languages.apply(name.isEmpty() ? Languages::fromSystem() : name);
    });
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A real server started from the tab, and one row already in its log.
    QTemporaryDir share;
    test::writeRandomFile(share.filePath(QStringLiteral("a.txt")), 100);
    ServerTab *tab = window.serverTab();
    auto *folder = tab->findChild<QLineEdit *>(QStringLiteral("sharedFolder"));
    folder->setText(share.path());
    tab->findChild<QSpinBox *>(QStringLiteral("serverPort"))->setValue(0);
    QTest::mouseClick(tab->findChild<QRadioButton *>(QStringLiteral("localOnly")), Qt::LeftButton);
    auto *startStop = tab->findChild<QPushButton *>(QStringLiteral("startStop"));
    QTest::mouseClick(startStop, Qt::LeftButton);
    QVERIFY(tab->isRunning());
    ClientSession client;
    TlsClientOptions tls; // the tab's share is encrypted, like every Ferry share
    tls.identity = test::identity(QStringLiteral("client"));
    tls.storeDir = test::dataDir(QStringLiteral("client"));
    tls.trustNew = true;
    client.setTls(tls);
    client.connectToServer(QStringLiteral("127.0.0.1"), tab->listeningPort());
    LogModel *log = tab->logModel();
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() > 0, 20000);
    const QModelIndex result = log->index(0, LogModel::ResultColumn);
    QVERIFY2(result.data().toString().startsWith(QStringLiteral("connected, comparison code ")),
        qPrintable(result.data().toString()));
    QCOMPARE(startStop->text(), QStringLiteral("Stop sharing"));
    QCOMPARE(window.tabs()->tabText(0), QStringLiteral("&Server"));

    QAction *chinese = languageAction(window, QString::fromUtf8("\u7b80\u4f53\u4e2d\u6587"));
    QVERIFY(chinese);
    chinese->trigger();
    QCOMPARE(languages.current(), QStringLiteral("zh_CN"));
    // Texts set before the switch, the old log row among them, are now Chinese.
    QTRY_COMPARE(startStop->text(), QString::fromUtf8("\u505c\u6b62\u5171\u4eab"));
    QCOMPARE(window.tabs()->tabText(0), QString::fromUtf8("\u670d\u52a1\u7aef(&S)"));
    QVERIFY(result.data().toString().startsWith(QString::fromUtf8("\u5df2\u8fde\u63a5")));
    QCOMPARE(log->headerData(LogModel::TimeColumn, Qt::Horizontal, Qt::DisplayRole).toString(),
        QString::fromUtf8("\u65f6\u95f4"));
    QVERIFY(
        window.menuBar()->actions().first()->text().contains(QString::fromUtf8("\u6587\u4ef6")));

    QAction *english = languageAction(window, QStringLiteral("English"));
    QVERIFY(english);
    english->trigger();
    QTRY_COMPARE(startStop->text(), QStringLiteral("Stop sharing"));
    QVERIFY2(result.data().toString().startsWith(QStringLiteral("connected, comparison code ")),
        qPrintable(result.data().toString()));
}

QTEST_MAIN(tst_Language)
#include "tst_language.moc"
