#include "clienttab.h"
#include "languages.h"
#include "mainwindow.h"
#include "servertab.h"
#include "tray.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTabWidget>
#include <QTest>

using namespace ferry;

class tst_MainWindow : public QObject
{
    Q_OBJECT
private slots:
    void hasTheMenus();
    void fitsIn800x600();
    void survivesALanguageChange();
    void tabShortcutsMoveTheFocus();
    void menuAccessKeysAreUnique_data();
    void menuAccessKeysAreUnique();
};

void tst_MainWindow::hasTheMenus()
{
    MainWindow window;
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    QCOMPARE(titles,
        QStringList({QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Language"),
            QStringLiteral("Sett&ings"), QStringLiteral("&Help")}));
    QCOMPARE(window.tabs()->count(), 2);
    QVERIFY(!window.windowIcon().isNull());
}

void tst_MainWindow::fitsIn800x600()
{
    MainWindow window;
    window.resize(800, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= 800 && minimum.height() <= 600,
        qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));
    for (int tab = 0; tab < 2; ++tab) {
        window.tabs()->setCurrentIndex(tab);
        QWidget *page = window.tabs()->currentWidget();
        QVERIFY(page->minimumSizeHint().height() <= page->height());
    }
}

void tst_MainWindow::survivesALanguageChange()
{
    MainWindow window;
    window.show();
    QEvent change(QEvent::LanguageChange);
    QApplication::sendEvent(&window, &change);
    QApplication::sendEvent(window.serverTab(), &change);
    QApplication::sendEvent(window.clientTab(), &change);
    QCOMPARE(window.windowTitle(), QStringLiteral("Ferry"));
}

void tst_MainWindow::tabShortcutsMoveTheFocus()
{
    MainWindow window;
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.tabs()->setCurrentIndex(0);

    // Ctrl+2 then typing fills the host box, not nothing.
    QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentIndex(), 1);
    auto *host = window.clientTab()->findChild<QComboBox *>(QStringLiteral("host"));
    QVERIFY(host);
    host->setCurrentText(QString());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("192.0.2.7"));
    QCOMPARE(host->currentText(), QStringLiteral("192.0.2.7"));

    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.tabs()->currentIndex(), 0);
    auto *folder = window.serverTab()->findChild<QLineEdit *>(QStringLiteral("sharedFolder"));
    QVERIFY(folder);
    QCOMPARE(QApplication::focusWidget(), folder);
}

namespace {

/// The access key of a text such as "&File" or "\u6587\u4ef6(&F)", upper-cased; 0 when none.
QChar accessKey(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toUpper();
            ++i;
        }
    }
    return {};
}

/// Fails on two entries of \a texts with one access key; \a where names the place.
void checkUnique(const QStringList &texts, const QString &where)
{
    QHash<QChar, QString> seen;
    for (const QString &text : texts) {
        const QChar key = accessKey(text);
        if (key.isNull())
            continue;
        QVERIFY2(!seen.contains(key),
            qPrintable(QStringLiteral("%1: \"%2\" and \"%3\"").arg(where, seen.value(key), text)));
        seen.insert(key, text);
    }
}

void checkMenu(QMenu *menu)
{
    QStringList texts;
    for (QAction *action : menu->actions()) {
        texts << action->text();
        if (action->menu())
            checkMenu(action->menu());
    }
    checkUnique(texts, menu->title());
}

} // namespace

void tst_MainWindow::menuAccessKeysAreUnique_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void tst_MainWindow::menuAccessKeysAreUnique()
{
    QFETCH(QString, language);
    Languages languages;
    languages.apply(language);
    MainWindow window;
    // The menu bar and the tabs answer Alt+key anywhere in the window.
    QStringList top;
    for (QAction *action : window.menuBar()->actions()) {
        top << action->text();
        checkMenu(action->menu());
    }
    for (int i = 0; i < window.tabs()->count(); ++i)
        top << window.tabs()->tabText(i);
    checkUnique(top, QStringLiteral("menu bar and tabs"));
    checkMenu(window.tray()->menu());
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
