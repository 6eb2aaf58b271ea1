#include "discovery/firewall.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace ferry::discovery {
namespace {

constexpr int kToolTimeoutMs = 1500;

bool run(const QString &program, const QStringList &args, QString *out)
{
    const QString path = QStandardPaths::findExecutable(program,
        {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin"),
            QStringLiteral("/bin")});
    if (path.isEmpty())
        return false;
    QProcess p;
    p.start(path, args);
    if (!p.waitForFinished(kToolTimeoutMs)) {
        p.kill();
        p.waitForFinished(200);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return false;
    *out = QString::fromUtf8(p.readAllStandardOutput());
    return true;
}

bool mentionsOtherPortOnly(const QString &line, quint16 port)
{
    static const QRegularExpression dport(QStringLiteral("dport\\s+(\\{[^}]*\\}|\\S+)"));
    const auto m = dport.match(line);
    if (!m.hasMatch())
        return false;
    return !m.captured(1).contains(QString::number(port));
}

} // namespace

QStringList nftBlockingLines(const QString &ruleset, quint16 port)
{
    QStringList blocking;
    bool inInput = false;
    bool dropPolicy = false;
    bool portAccepted = false;
    QString policyLine;
    const auto flush = [&] {
        if (inInput && dropPolicy && !portAccepted)
            blocking.append(policyLine);
    };
    for (const QString &raw : ruleset.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("chain "))) {
            flush();
            inInput = false;
            dropPolicy = false;
            portAccepted = false;
            continue;
        }
        if (line.startsWith(QLatin1String("type filter hook input"))) {
            inInput = true;
            dropPolicy = line.contains(QLatin1String("policy drop"));
            policyLine = line;
            continue;
        }
        if (!inInput)
            continue;
        const bool drops = line.contains(QLatin1String(" drop"))
            || line.startsWith(QLatin1String("drop")) || line.contains(QLatin1String("reject"));
        if (line.contains(QLatin1String("accept")) && line.contains(QString::number(port)))
            portAccepted = true;
        if (drops && !mentionsOtherPortOnly(line, port)
            && !line.contains(QLatin1String("ct state invalid")))
            blocking.append(line);
    }
    flush();
    return blocking;
}

QStringList iptablesBlockingLines(const QString &rules, quint16 port)
{
    QStringList blocking;
    bool portAccepted = false;
    QString policy;
    for (const QString &raw : rules.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (line.startsWith(QLatin1String("-P INPUT DROP")))
            policy = line;
        if (!line.startsWith(QLatin1String("-A INPUT")))
            continue;
        if (line.contains(QLatin1String("-j ACCEPT")) && line.contains(QString::number(port)))
            portAccepted = true;
        const bool drops
            = line.contains(QLatin1String("-j DROP")) || line.contains(QLatin1String("-j REJECT"));
        if (drops && !line.contains(QLatin1String("--dport"))
            && !line.contains(QLatin1String("INVALID")))
            blocking.append(line);
    }
    if (!policy.isEmpty() && !portAccepted)
        blocking.append(policy);
    return blocking;
}

FirewallReport checkFirewall(quint16 port)
{
    FirewallReport report;
    QString out;
    if (run(QStringLiteral("nft"), {QStringLiteral("list"), QStringLiteral("ruleset")}, &out)) {
        report.tools.append(QStringLiteral("nft"));
        report.evidence += nftBlockingLines(out, port);
    }
    if (run(QStringLiteral("iptables"), {QStringLiteral("-S")}, &out)) {
        report.tools.append(QStringLiteral("iptables"));
        report.evidence += iptablesBlockingLines(out, port);
    }
    if (run(QStringLiteral("ufw"), {QStringLiteral("status")}, &out)) {
        report.tools.append(QStringLiteral("ufw"));
        if (out.contains(QLatin1String("Status: active")) && !out.contains(QString::number(port)))
            report.evidence.append(QStringLiteral("ufw: active, no rule for %1").arg(port));
    }
    if (report.tools.isEmpty())
        report.verdict = FirewallReport::Verdict::NotChecked;
    else if (report.evidence.isEmpty())
        report.verdict = FirewallReport::Verdict::NoBlockFound;
    else
        report.verdict = FirewallReport::Verdict::LikelyBlocking;
    return report;
}

} // namespace ferry::discovery
