#pragma once

#include <QString>

namespace ferry {

/// Reads what a person types as a server: "host", "host:port", "[v6]:port" or a bare IPv6
/// address, which is what the server tab shows to copy. The window's Host box and the
/// command line's --host both read it here, so they accept the same forms.
class HostPort
{
public:
    /// Fills \a host, and \a port when the text has one. False for a malformed text.
    static bool split(const QString &text, QString *host, quint16 *port);
};

} // namespace ferry
