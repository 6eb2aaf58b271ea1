#pragma once

// Network namespaces joined by a bridge, for discovery tests over real interfaces: multicast
// on lo proves nothing. Needs root and iproute2; everything is removed in the destructor,
// including after a failed test. Addresses exist only inside the namespaces made here.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

namespace ferry::test {

class NetnsLab
{
public:
    /// Why the lab can't run here, or empty when it can.
    static QString unavailableReason()
    {
        if (::geteuid() != 0)
            return QStringLiteral("network namespaces need root (CI runs as root)");
        if (QStandardPaths::findExecutable(QStringLiteral("ip"),
                {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")})
                .isEmpty())
            return QStringLiteral("`ip` (iproute2) is not installed");
        return {};
    }

    NetnsLab()
    {
        removeLabsOfDeadProcesses();
        m_prefix = QStringLiteral("fy%1").arg(QCoreApplication::applicationPid() % 100000);
        m_hub = m_prefix + QStringLiteral("hub");
        m_ok = ip({QStringLiteral("netns"), QStringLiteral("add"), m_hub})
            && ipIn(m_hub,
                {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("br0"),
                    QStringLiteral("type"), QStringLiteral("bridge")})
            && ipIn(m_hub,
                {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("br0"),
                    QStringLiteral("up")});
    }
    ~NetnsLab()
    {
        for (QProcess *p : std::as_const(m_processes)) {
            p->kill();
            p->waitForFinished(2000);
            delete p;
        }
        for (const QString &link : std::as_const(m_rootLinks))
            ip({QStringLiteral("link"), QStringLiteral("del"), link});
        for (const QString &ns : std::as_const(m_namespaces))
            ip({QStringLiteral("netns"), QStringLiteral("del"), ns});
        ip({QStringLiteral("netns"), QStringLiteral("del"), m_hub});
        for (const QString &dir : std::as_const(m_etcDirs))
            QDir(dir).removeRecursively();
    }
    bool ok() const { return m_ok; }

    /// A test killed at its timeout can't run its destructor: its namespaces, and the root
    /// link whose 10.213.0.x address would steer the next lab's packets into a dead bridge,
    /// stay behind. Labs are named fy<pid>; remove those whose process is gone.
    static void removeLabsOfDeadProcesses()
    {
        static const QRegularExpression labName(QStringLiteral("^fy(\\d+)"));
        for (const QString &base : {QStringLiteral("/run/netns"), QStringLiteral("/etc/netns")}) {
            const QStringList names = QDir(base).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
            for (const QString &name : names) {
                const QRegularExpressionMatch m = labName.match(name);
                if (!m.hasMatch() || QFile::exists(QStringLiteral("/proc/") + m.captured(1)))
                    continue;
                if (base == QLatin1String("/etc/netns"))
                    QDir(base + QLatin1Char('/') + name).removeRecursively();
                else
                    run(QStringLiteral("ip"),
                        {QStringLiteral("netns"), QStringLiteral("del"), name});
            }
        }
    }

    /// A namespace with lo and eth0 (10.213.0.\a host/24) on the bridge; returns its name.
    QString addHost(const QString &label, int host)
    {
        const QString ns = m_prefix + label;
        const QString port = QStringLiteral("p%1%2").arg(label).arg(host);
        m_namespaces.append(ns);
        const bool ok = ip({QStringLiteral("netns"), QStringLiteral("add"), ns})
            && ipIn(ns,
                {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                    QStringLiteral("up")})
            && ipIn(ns,
                {QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("eth0"),
                    QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                    QStringLiteral("name"), port, QStringLiteral("netns"), m_hub})
            && ipIn(m_hub,
                {QStringLiteral("link"), QStringLiteral("set"), port, QStringLiteral("master"),
                    QStringLiteral("br0"), QStringLiteral("up")})
            && ipIn(ns,
                {QStringLiteral("addr"), QStringLiteral("add"),
                    address(host) + QStringLiteral("/24"), QStringLiteral("dev"),
                    QStringLiteral("eth0")})
            && ipIn(ns,
                {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"),
                    QStringLiteral("up")});
        if (!ok)
            m_ok = false;
        return ns;
    }
    /// A veth from the root namespace (where the test process runs) to the bridge, with
    /// 10.213.0.\a host/24 on the root side; returns the root side's name. Named so that
    /// the default skip list (veth*) doesn't hide it; removed in the destructor.
    QString addRootLink(int host)
    {
        const QString link = m_prefix + QStringLiteral("r");
        const QString port = m_prefix + QStringLiteral("p");
        m_rootLinks.append(link);
        const bool ok = ip({QStringLiteral("link"), QStringLiteral("add"), link,
                            QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"),
                            QStringLiteral("name"), port, QStringLiteral("netns"), m_hub})
            && ipIn(m_hub,
                {QStringLiteral("link"), QStringLiteral("set"), port, QStringLiteral("master"),
                    QStringLiteral("br0"), QStringLiteral("up")})
            && ip({QStringLiteral("addr"), QStringLiteral("add"),
                address(host) + QStringLiteral("/24"), QStringLiteral("dev"), link})
            && ip({QStringLiteral("link"), QStringLiteral("set"), link, QStringLiteral("up")});
        if (!ok)
            m_ok = false;
        return link;
    }
    static QString address(int host) { return QStringLiteral("10.213.0.%1").arg(host); }

    /// Runs `ip ARGS` in the root namespace; true on success.
    bool ip(const QStringList &args) { return run(QStringLiteral("ip"), args); }
    bool ipIn(const QString &ns, const QStringList &args)
    {
        return run(QStringLiteral("ip"), QStringList {QStringLiteral("-n"), ns} + args);
    }
    /// Runs a program inside \a ns and waits for it.
    bool execIn(const QString &ns, const QString &program, const QStringList &args,
        QByteArray *out = nullptr)
    {
        return run(QStringLiteral("ip"),
            QStringList {QStringLiteral("netns"), QStringLiteral("exec"), ns, program} + args, out);
    }

    /// Starts `ferry ARGS` in \a ns with its own settings folder and fast timings; the lab
    /// kills it at the end.
    QProcess *startFerry(const QString &ns, const QStringList &args,
        const QStringList &extraEnv = {}, const QString &settingsKey = {})
    {
        auto *p = new QProcess;
        m_processes.append(p);
        p->setProcessEnvironment(
            ferryEnvironment(settingsKey.isEmpty() ? ns : settingsKey, extraEnv));
        p->start(QStringLiteral("ip"),
            QStringList {QStringLiteral("netns"), QStringLiteral("exec"), ns, ferryBin()} + args);
        return p;
    }
    /// Runs `ferry ARGS` in \a ns to the end and returns its standard output.
    QString runFerry(const QString &ns, const QStringList &args, const QStringList &extraEnv = {})
    {
        QProcess p;
        p.setProcessEnvironment(ferryEnvironment(ns, extraEnv));
        p.start(QStringLiteral("ip"),
            QStringList {QStringLiteral("netns"), QStringLiteral("exec"), ns, ferryBin()} + args);
        p.waitForFinished(60000);
        return QString::fromUtf8(p.readAllStandardOutput());
    }
    /// The settings and data folders of a namespace: one device (one TLS identity, one
    /// name, one trust store) for serve and discover in it, and another in each namespace.
    /// Never the test process's own, or both would be one device and hide each other.
    QProcessEnvironment ferryEnvironment(const QString &key, const QStringList &extraEnv)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString config = m_dir.filePath(key);
        QDir().mkpath(config);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
        env.insert(QStringLiteral("FERRY_DATA_DIR"), dataDir(key));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("LANGUAGE"));
        env.remove(QStringLiteral("FERRY_DISCOVERY_ONLY")); // The test process's own choice.
        env.insert(QStringLiteral("FERRY_DISCOVERY_BURST_MS"), QStringLiteral("50,200"));
        env.insert(QStringLiteral("FERRY_DISCOVERY_INTERVAL_MS"), QStringLiteral("500"));
        for (const QString &kv : extraEnv) {
            const qsizetype eq = kv.indexOf(QLatin1Char('='));
            env.insert(kv.left(eq), kv.mid(eq + 1));
        }
        return env;
    }
    /// The data folder (identity, trust store) of the device \a key.
    QString dataDir(const QString &key) const
    {
        return m_dir.filePath(key + QStringLiteral("-data"));
    }
    /// Gives \a ns its own /etc/hosts (`ip netns exec` mounts /etc/netns/NS/hosts over it), so
    /// a name resolves there as by DNS; removed in the destructor.
    bool setHosts(const QString &ns, const QByteArray &hosts)
    {
        const QString dir = QStringLiteral("/etc/netns/") + ns;
        m_etcDirs.append(dir);
        QFile f(dir + QStringLiteral("/hosts"));
        return QDir().mkpath(dir) && f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            && f.write(hosts) == hosts.size();
    }
    static QString ferryBin() { return QString::fromLocal8Bit(qgetenv("FERRY_BIN")); }
    QString dir() const { return m_dir.path(); }

private:
    static bool run(const QString &program, const QStringList &args, QByteArray *out = nullptr)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(20000))
            return false;
        if (out)
            *out = p.readAllStandardOutput();
        if (p.exitCode() != 0)
            qWarning("%s %s: %s", qPrintable(program), qPrintable(args.join(QLatin1Char(' '))),
                p.readAllStandardError().constData());
        return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir;
    QString m_prefix;
    QString m_hub;
    QStringList m_namespaces;
    QStringList m_rootLinks;
    QStringList m_etcDirs;
    QList<QProcess *> m_processes;
    bool m_ok = false;
};

} // namespace ferry::test
