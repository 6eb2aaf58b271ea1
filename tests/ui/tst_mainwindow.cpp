#include "clienttab.h"
#include "mainwindow.h"
#include "servertab.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
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
};

void tst_MainWindow::hasTheMenus()
{
    MainWindow window;
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    QCOMPARE(titles,
        QStringList({QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Language"),
            QStringLiteral("Se&ttings"), QStringLiteral("&Help")}));
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

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
