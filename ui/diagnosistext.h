#pragma once

#include "discovery/firewall.h"
#include "discovery/interfacereport.h"

#include <QCoreApplication>
#include <QStringList>

namespace ferry {

/// The sentences of "Can't see a share?", shared by the window and `ferry discover --diagnose`.
class DiagnosisText
{
    Q_DECLARE_TR_FUNCTIONS(DiagnosisText)
public:
    /// One line per interface: name, address, state, sent and heard counts.
    static QStringList interfaceLines(const QList<discovery::InterfaceReport> &interfaces);
    static QString interfaceLine(const discovery::InterfaceReport &r);
    static QString firewallLine(const discovery::FirewallReport &report);
    /// What probably went wrong and what to do, most likely first.
    static QStringList hints(const QList<discovery::InterfaceReport> &interfaces,
        const discovery::FirewallReport &firewall, quint16 port);
    /// The exact commands that open \a port for UDP and TCP with ufw and firewalld.
    static QStringList firewallCommands(quint16 port);
    /// True when no used interface heard any other device.
    static bool nothingHeard(const QList<discovery::InterfaceReport> &interfaces);
};

} // namespace ferry
