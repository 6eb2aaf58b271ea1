// Every surface the window can show, walked in English and Chinese: within one window (the
// menu titles, the tab titles and what the current tab shows), one menu or one dialog, no two
// access keys (&X) may be the same letter. A clash names both widgets.

#include "clienttab.h"
#include "languages.h"
#include "mainwindow.h"
#include "remotelistmodel.h"
#include "servertab.h"
#include "testutil.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <functional>

using namespace ferry;

namespace {

/// The letter after a single '&' ("&&" is a literal ampersand), upper-cased; null if none.
QChar accessKey(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

/// The access keys of one surface; each clash is kept as a readable line.
class Surface
{
public:
    Surface(QString name, QStringList *clashes) : m_name(std::move(name)), m_clashes(clashes) { }

    void add(const QString &what, const QString &text)
    {
        const QChar key = accessKey(text);
        if (key.isNull())
            return;
        const QString entry = QStringLiteral("%1 \"%2\"").arg(what, text);
        const auto seen = m_keys.constFind(key);
        if (seen != m_keys.constEnd()) {
            *m_clashes << QStringLiteral("%1: Alt+%2 is both %3 and %4")
                              .arg(m_name, key, seen.value(), entry);
        } else {
            m_keys.insert(key, entry);
        }
    }

    /// Every labelled widget of \a root that the user can see in \a window.
    void addWidgets(QWidget *root, QWidget *window)
    {
        QList<QWidget *> widgets = root->findChildren<QWidget *>();
        widgets.prepend(root);
        for (QWidget *w : std::as_const(widgets)) {
            if (w != window && !w->isVisibleTo(window))
                continue;
            const QString what = w->objectName().isEmpty()
                ? QString::fromLatin1(w->metaObject()->className())
                : w->objectName();
            if (auto *button = qobject_cast<QAbstractButton *>(w))
                add(what, button->text());
            else if (auto *label = qobject_cast<QLabel *>(w))
                add(what, label->text());
            else if (auto *box = qobject_cast<QGroupBox *>(w))
                add(what, box->title());
            else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
                for (int i = 0; i < tabs->count(); ++i)
                    add(QStringLiteral("tab %1").arg(i), tabs->tabText(i));
            } else if (auto *bar = qobject_cast<QMenuBar *>(w)) {
                for (QAction *action : bar->actions())
                    add(QStringLiteral("menu"), action->text());
            }
        }
    }

    void addMenu(QMenu *menu)
    {
        for (QAction *action : menu->actions()) {
            if (action->isVisible() && !action->isSeparator())
                add(QStringLiteral("item"), action->text());
        }
    }

private:
    QString m_name;
    QStringList *m_clashes;
    QMap<QChar, QString> m_keys;
};

/// Runs \a look on the modal dialog or popup that the next step opens, then closes it.
void onNextPopup(std::function<void(QWidget *)> look)
{
    QTimer::singleShot(0, qApp, [look] {
        QWidget *shown = nullptr;
        (void)QTest::qWaitFor([&] {
            shown = QApplication::activePopupWidget();
            if (!shown)
                shown = QApplication::activeModalWidget();
            return shown != nullptr;
        });
        if (!shown)
            return;
        look(shown);
        shown->close();
    });
}

} // namespace

class tst_AccessKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everySurfaceHasUniqueKeys_data();
    void everySurfaceHasUniqueKeys();

private:
    void checkWindow(MainWindow &window, const QString &state, QStringList *clashes);

    QTemporaryDir m_share;
    QTemporaryDir m_destination;
    Languages m_languages;
};

void tst_AccessKeys::initTestCase()
{
    QVERIFY(m_share.isValid() && m_destination.isValid());
    test::writeRandomFile(m_share.filePath(QStringLiteral("a.txt")), 1000, 1);
    test::writeRandomFile(m_share.filePath(QStringLiteral("photos/b.jpg")), 1000, 3);
    // Already in the destination: asking for it raises the conflict prompt.
    test::writeRandomFile(m_destination.filePath(QStringLiteral("a.txt")), 10, 2);
}

void tst_AccessKeys::everySurfaceHasUniqueKeys_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << QStringLiteral("en");
    QTest::newRow("Chinese") << QStringLiteral("zh_CN");
}

void tst_AccessKeys::checkWindow(MainWindow &window, const QString &state, QStringList *clashes)
{
    auto *tabs = window.findChild<QTabWidget *>();
    QVERIFY(tabs);
    for (int i = 0; i < tabs->count(); ++i) {
        tabs->setCurrentIndex(i);
        Surface surface(QStringLiteral("window, tab %1, %2").arg(tabs->tabText(i), state), clashes);
        surface.addWidgets(&window, &window);
    }
    for (QMenu *menu : window.findChildren<QMenu *>()) {
        Surface surface(QStringLiteral("menu %1").arg(menu->title()), clashes);
        surface.addMenu(menu);
    }
}

void tst_AccessKeys::everySurfaceHasUniqueKeys()
{
    QFETCH(QString, language);
    m_languages.apply(language);
    QStringList clashes;

    MainWindow window;
    window.resize(960, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *server = window.findChild<ServerTab *>();
    auto *client = window.findChild<ClientTab *>();
    QVERIFY(server && client);
    checkWindow(window, QStringLiteral("idle"), &clashes);

    // Sharing, and a listing shown: Stop sharing, the addresses, Connect turned Refresh.
    server->setFolder(m_share.path());
    server->setPort(0);
    server->setLocalOnly(true);
    QVERIFY(server->start());
    client->setHost(QStringLiteral("127.0.0.1"), server->listeningPort());
    client->setDestination(m_destination.path());
    client->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(client->listModel()->rowCount() > 0, 20000);
    checkWindow(window, QStringLiteral("sharing and listed"), &clashes);

    // The listing's context menu, on a folder (it has the most items).
    auto *listing = client->findChild<QTreeView *>(QStringLiteral("listing"));
    QVERIFY(listing);
    QModelIndex photos;
    QTRY_VERIFY_WITH_TIMEOUT(
        (photos = client->listModel()->indexOf(QStringLiteral("photos"))).isValid(), 20000);
    bool listingMenuSeen = false;
    onNextPopup([&](QWidget *popup) {
        auto *menu = qobject_cast<QMenu *>(popup);
        if (!menu)
            return;
        listingMenuSeen = menu->actions().size() > 1;
        Surface surface(QStringLiteral("listing context menu"), &clashes);
        surface.addMenu(menu);
    });
    emit listing->customContextMenuRequested(listing->visualRect(photos).center());
    QVERIFY(listingMenuSeen);

    // The file-exists prompt.
    auto *tabs = window.findChild<QTabWidget *>();
    tabs->setCurrentWidget(client);
    client->request({QStringLiteral("a.txt")});
    QMessageBox *prompt = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (prompt = window.findChild<QMessageBox *>(QStringLiteral("conflictBox"))) != nullptr,
        20000);
    QTRY_VERIFY(prompt->isVisible());
    {
        Surface surface(QStringLiteral("file-exists prompt"), &clashes);
        surface.addWidgets(prompt, prompt);
    }
    prompt->reject();

    // The transfers' context menu, on the row the prompt left.
    auto *transfers = client->findChild<QTableView *>(QStringLiteral("transfers"));
    QVERIFY(transfers);
    QTRY_VERIFY(transfers->model()->rowCount() > 0);
    transfers->selectRow(0);
    bool menuSeen = false;
    onNextPopup([&](QWidget *popup) {
        auto *menu = qobject_cast<QMenu *>(popup);
        if (!menu)
            return;
        menuSeen = true;
        Surface surface(QStringLiteral("transfer context menu"), &clashes);
        surface.addMenu(menu);
    });
    emit transfers->customContextMenuRequested(QPoint(5, 5));
    QVERIFY(menuSeen);

    // The Save-log dialog.
    tabs->setCurrentWidget(server);
    bool dialogSeen = false;
    onNextPopup([&](QWidget *dialog) {
        dialogSeen = qobject_cast<QFileDialog *>(dialog) != nullptr;
        Surface surface(QStringLiteral("save-log dialog"), &clashes);
        surface.addWidgets(dialog, dialog);
    });
    QTest::mouseClick(server->findChild<QPushButton *>(QStringLiteral("saveLog")), Qt::LeftButton);
    QVERIFY(dialogSeen);

    server->stop();
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
}

QTEST_MAIN(tst_AccessKeys)
#include "tst_accesskeys.moc"
