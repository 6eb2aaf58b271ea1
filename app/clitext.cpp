#include "clitext.h"

#include "protocol/names.h"

#include <QDir>

namespace ferry {

QString CliText::describe(const Failure &failure, const QString &peer, const QString &outputDir)
{
    const QString detail = printableName(failure.detail);
    const QString dir = QDir::toNativeSeparators(outputDir);
    switch (failure.code) {
    case ErrorCode::None:
        return {};
    case ErrorCode::NotFound:
        return tr("not found on the server: %1").arg(detail);
    case ErrorCode::NotRegularFile:
        return tr("not a regular file on the server: %1").arg(detail);
    case ErrorCode::Refused:
        return tr("the server refused the name: %1").arg(detail);
    case ErrorCode::ReadFailed:
        return tr("the server could not read the file: %1").arg(detail);
    case ErrorCode::Busy:
        return tr("the server at %1 is busy (too many connections); try again later").arg(peer);
    case ErrorCode::FileChanged:
        return tr("the file changed on the server while it was sent: %1; try again").arg(detail);
    case ErrorCode::ProtocolError:
        return tr("the server at %1 broke the protocol (%2)").arg(peer, detail);
    case ErrorCode::VersionMismatch:
        return tr("the server at %1 speaks another version of Ferry; update both sides").arg(peer);
    case ErrorCode::AuthRequired:
        return tr("the server at %1 needs a password; use --password-file").arg(peer);
    case ErrorCode::AuthFailed:
        return tr("wrong password for %1").arg(peer);
    case ErrorCode::Timeout:
        return tr("the server at %1 stopped answering").arg(peer);
    case ErrorCode::TooManyRequests:
        return tr("the server at %1 refused so many requests at once").arg(peer);
    case ErrorCode::ConnectionRefused:
        return tr("no Ferry server at %1 (connection refused)").arg(peer);
    case ErrorCode::HostNotFound:
        return tr("host not found: %1").arg(detail);
    case ErrorCode::NotFerryServer:
        return tr("%1 is not a Ferry server").arg(peer);
    case ErrorCode::ConnectionLost:
        // Each interrupted file's own line says where its .part is and how to continue.
        return tr("the connection to %1 was lost").arg(peer);
    case ErrorCode::WriteFailed:
        return tr("could not write %1").arg(detail);
    case ErrorCode::AlreadyExists:
        return tr("%1 already exists in %2; use --overwrite to replace it after verification")
            .arg(detail, dir);
    case ErrorCode::Mismatch:
        return tr("MD5 mismatch for %1: the download was corrupted and has been deleted")
            .arg(detail);
    case ErrorCode::PartExists:
        return tr("%1 is left from an interrupted download in %2; use --resume to continue it")
            .arg(detail, dir);
    case ErrorCode::PartInUse:
        return tr("%1 in %2 is being written by another download right now; wait for it to "
                  "finish")
            .arg(detail, dir);
    case ErrorCode::InvalidName:
        return tr("not a valid file name: %1").arg(detail);
    case ErrorCode::Cancelled:
        return tr("cancelled");
    case ErrorCode::NetworkError:
        return tr("network error: %1").arg(detail);
    case ErrorCode::PortInUse:
        return tr("port %1 is already in use; try --port").arg(detail);
    case ErrorCode::FolderMissing:
        return tr("the folder does not exist: %1").arg(detail);
    case ErrorCode::PermissionDenied:
        return tr("permission denied: %1").arg(detail);
    case ErrorCode::NoGreeting:
        return tr("no Ferry greeting from %1: something accepted the connection but said "
                  "nothing; check the address and port, and that the Ferry server there is "
                  "running")
            .arg(peer);
    case ErrorCode::NoAnswer:
        return tr("no answer from %1; check the address, the firewall and the network").arg(peer);
    case ErrorCode::CertificateChanged: {
        const QStringList p = failure.detail.split(QLatin1Char('\n'));
        return tr("WARNING: the certificate of %1 (\"%2\") has CHANGED.\n"
                  "  trusted:  %3\n"
                  "  now:      %4\n"
                  "Someone may be intercepting the connection; nothing was sent. If the other "
                  "computer really made a new identity, forget the old one with\n"
                  "  ferry devices --forget %5\n"
                  "and connect again.")
            .arg(peer, p.value(0), p.value(1).left(16), p.value(2).left(16), p.value(1).left(16));
    }
    case ErrorCode::Untrusted: {
        const QStringList p = failure.detail.split(QLatin1Char('\n'));
        return tr("%1 (\"%2\") is a device this computer has not trusted yet; nothing was "
                  "sent.\n  fingerprint: %3\n  comparison code: %4\nCheck the code on the "
                  "server, then run again on a terminal to confirm it, or pass "
                  "--fingerprint %5 (or --trust-new).")
            .arg(peer, p.value(0), p.value(1), p.value(2), p.value(1).left(16));
    }
    case ErrorCode::FingerprintMismatch: {
        const QStringList p = failure.detail.split(QLatin1Char('\n'));
        return tr("the certificate of %1 does not match --fingerprint: expected %2..., got "
                  "%3; nothing was sent")
            .arg(peer, p.value(0), p.value(1));
    }
    case ErrorCode::PeerIsPlaintext:
        return tr("the server at %1 runs without encryption (--plaintext); pass --plaintext "
                  "too, or ask for it to be started without --plaintext")
            .arg(peer);
    case ErrorCode::PeerWantsTls:
        return tr("the other side at %1 uses encryption, but this side runs with --plaintext; "
                  "drop --plaintext")
            .arg(peer);
    case ErrorCode::TlsFailed:
        return tr("the encrypted connection to %1 could not be set up (%2)").arg(peer, detail);
    case ErrorCode::Internal:
        break;
    }
    return tr("internal error (%1)").arg(detail);
}

} // namespace ferry
