#include "languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace ferry {

Languages::Languages(QObject *parent) : QObject(parent) { }

QString Languages::normalize(const QString &localeName)
{
    // zh_TW and zh_HK read Simplified Chinese better than English; we ship one Chinese.
    return localeName.startsWith(QLatin1String("zh"), Qt::CaseInsensitive) ? QStringLiteral("zh_CN")
                                                                           : QStringLiteral("en");
}

QString Languages::fromEnvironment()
{
    for (const char *name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString value = qEnvironmentVariable(name);
        if (!value.isEmpty())
            return normalize(value);
    }
    return QStringLiteral("en");
}

QString Languages::fromSystem()
{
    const QStringList ui = QLocale::system().uiLanguages();
    return normalize(ui.isEmpty() ? QLocale::system().name() : ui.first());
}

void Languages::apply(const QString &language)
{
    const QString lang = normalize(language);
    if (lang == m_current)
        return;
    QCoreApplication::removeTranslator(&m_ferry);
    QCoreApplication::removeTranslator(&m_qt);
    m_current = lang;
    const QLocale locale(lang);
    QLocale::setDefault(locale);
    // The English catalogue carries the plural forms, so it is loaded too.
    if (m_ferry.load(QStringLiteral(":/i18n/ferry_%1.qm").arg(lang)))
        QCoreApplication::installTranslator(&m_ferry);
    if (lang != QLatin1String("en")
        && m_qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
}

} // namespace ferry
