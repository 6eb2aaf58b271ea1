#include "devicescommand.h"

#include "cli.h"
#include "tls/truststore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

namespace ferry {

bool DevicesCommand::loadIdentity(const QString &command, Identity *identity, QTextStream &err)
{
    const QString dir = Identity::dataDir();
    Identity::Status status;
    QString detail;
    *identity = Identity::loadOrCreate(dir, &status, &detail);
    const QString path = QDir::toNativeSeparators(Identity::identityPath(dir));
    switch (status) {
    case Identity::Status::Ok:
        return true;
    case Identity::Status::BadPermissions:
        err << "ferry " << command << ": "
            << tr("the identity file %1 can be read by other users; its key may be known. "
                  "Fix it with 'chmod 600 %1', or delete it to make a new identity (every "
                  "device that trusts this one will then refuse it until it forgets it).")
                   .arg(path)
            << '\n';
        return false;
    case Identity::Status::Corrupt:
        err << "ferry " << command << ": "
            << tr("the identity file %1 is damaged. Restore it from a backup, or delete it to "
                  "make a new identity (every device that trusts this one will then refuse it "
                  "until it forgets it).")
                   .arg(path)
            << '\n';
        return false;
    case Identity::Status::Missing:
    case Identity::Status::IoError:
        break;
    }
    err << "ferry " << command << ": "
        << tr("could not read or create the identity in %1 (%2)")
               .arg(QDir::toNativeSeparators(dir), detail)
        << '\n';
    return false;
}

bool DevicesCommand::askTrust(const PeerDevice &peer)
{
    QTextStream err(stderr);
    err << tr("First contact with %1 (\"%2\").").arg(peer.address, peer.name) << '\n'
        << tr("  fingerprint:     %1").arg(fingerprintHex(peer.fingerprint)) << '\n'
        << tr("  comparison code: %1").arg(peer.code) << '\n'
        << tr("The server shows the same code when this connects. Trust this device? [y/N] ")
        << Qt::flush;
    QTextStream in(stdin);
    const QString answer = in.readLine().trimmed().toLower();
    // Both languages' yes: the prompt may be translated, the answer typed either way.
    return answer == QLatin1String("y") || answer == QLatin1String("yes") || answer == tr("y")
        || answer == tr("yes");
}

QString DevicesCommand::plaintextWarning()
{
    return tr("warning: --plaintext: nothing is encrypted or authenticated; anyone on the "
              "network can read and change what is sent.");
}

int DevicesCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Show this device's identity and the devices it trusts."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("forget"),
            tr("Forget the trusted device with this fingerprint (or a prefix of at least 4 hex "
               "digits), name or address."),
            QStringLiteral("ID|NAME")},
        {QStringLiteral("name"), tr("Set this device's name (empty: the host name)."),
            QStringLiteral("name")},
    });
    QTextStream err(stderr);
    QTextStream out(stdout);
    if (!parser.parse(arguments)) {
        err << "ferry devices: " << parser.errorText() << '\n'
            << tr("Try 'ferry help devices'.") << '\n';
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << helpText(parser, QStringLiteral("devices"));
        return ExitOk;
    }
    if (parser.positionalArguments().size() > 1) {
        err << "ferry devices: " << tr("devices takes no names; use --forget") << '\n';
        return ExitUsage;
    }
    const QString dir = Identity::dataDir();
    TrustStore store(dir);
    if (parser.isSet(QStringLiteral("forget"))) {
        const QString what = parser.value(QStringLiteral("forget"));
        const int n = store.forget(what);
        if (n == 0) {
            err << "ferry devices: " << tr("no trusted device matches %1").arg(what) << '\n';
            return ExitFailed;
        }
        out << tr("forgot %n device(s)", nullptr, n) << '\n';
        return ExitOk;
    }
    Identity identity;
    if (!loadIdentity(QStringLiteral("devices"), &identity, err))
        return ExitFailed;
    if (parser.isSet(QStringLiteral("name"))) {
        if (!identity.setName(parser.value(QStringLiteral("name")))) {
            err << "ferry devices: " << tr("could not save the name") << '\n';
            return ExitFailed;
        }
    }
    out << tr("This device: %1").arg(identity.name()) << '\n'
        << tr("  fingerprint: %1").arg(fingerprintHex(identity.fingerprint())) << '\n';
    const QList<KnownDevice> devices = store.devices();
    if (devices.isEmpty()) {
        out << tr("No trusted devices.") << '\n';
        return ExitOk;
    }
    out << tr("Trusted devices:") << '\n';
    for (const KnownDevice &d : devices)
        out << "  " << fingerprintHex(d.fingerprint, 16) << "  " << d.address << "  " << d.name
            << '\n';
    return ExitOk;
}

} // namespace ferry
