#include "password.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace ferry {
namespace {
constexpr qint64 kMaxPasswordFile = 4096;

QByteArray firstLine(QByteArray bytes)
{
    const qsizetype end = bytes.indexOf('\n');
    if (end >= 0)
        bytes.truncate(end);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return bytes;
}
} // namespace

QByteArray Password::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the password file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray password = firstLine(file.read(kMaxPasswordFile));
    if (password.isEmpty())
        *error = tr("the password file %1 is empty").arg(path);
    return password;
}

bool Password::canPrompt()
{
    return ::isatty(STDIN_FILENO);
}

QByteArray Password::prompt(const QString &peer)
{
    QTextStream(stderr) << tr("Password for %1: ").arg(peer) << Qt::flush;
    termios old = {};
    const bool haveTerm = ::tcgetattr(STDIN_FILENO, &old) == 0;
    if (haveTerm) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    QByteArray line;
    for (int c; line.size() < kMaxPasswordFile && (c = std::fgetc(stdin)) != EOF && c != '\n';)
        line.append(char(c));
    if (haveTerm)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
    return firstLine(line);
}

} // namespace ferry
