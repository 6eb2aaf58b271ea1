#pragma once

#include <QObject>
#include <QString>
#include <QTranslator>

namespace ferry {

/// Loads Ferry's own translations (embedded under :/i18n) and Qt's (qtbase_*), and swaps
/// them at runtime; installing a translator sends every widget a LanguageChange event.
class Languages : public QObject
{
    Q_OBJECT
public:
    explicit Languages(QObject *parent = nullptr);

    /// "zh_CN" or "en" for a locale name such as zh_TW.UTF-8, en_US or C.
    static QString normalize(const QString &localeName);
    /// The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG.
    static QString fromEnvironment();
    /// The system's UI language, as the window's "System" choice sees it.
    static QString fromSystem();

    /// Installs \a language ("zh_CN" or "en"), replacing what was installed before.
    void apply(const QString &language);
    QString current() const { return m_current; }

private:
    QTranslator m_ferry;
    QTranslator m_qt;
    QString m_current;
};

} // namespace ferry
