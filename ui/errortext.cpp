#include "errortext.h"

namespace ferry {

QString ErrorText::describe(const Failure &failure)
{
    // Two sentences per code, so a translator never sees an empty %1 or a dangling colon.
    const auto withDetail = [&failure](const QString &with, const QString &without) {
        return failure.detail.isEmpty() ? without : with.arg(failure.detail);
    };
    switch (failure.code) {
    case ErrorCode::None:
        return tr("No error.");
    case ErrorCode::NotFound:
        return withDetail(
            tr("The server has no file named \"%1\"."), tr("The server has no such file."));
    case ErrorCode::NotRegularFile:
        return withDetail(tr("\"%1\" is not a regular file on the server."),
            tr("That is not a regular file on the server."));
    case ErrorCode::Refused:
        return withDetail(tr("The server refused the request for \"%1\"."),
            tr("The server refused the request."));
    case ErrorCode::ReadFailed:
        return withDetail(tr("The server could not read the file: %1"),
            tr("The server could not read the file."));
    case ErrorCode::Busy:
        return withDetail(tr("The server is busy; try again later. (%1)"),
            tr("The server is busy; try again later."));
    case ErrorCode::FileChanged:
        return withDetail(tr("The file changed on the server while it was being sent: %1"),
            tr("The file changed on the server while it was being sent."));
    case ErrorCode::ProtocolError:
        return withDetail(tr("The other side broke the Ferry protocol: %1"),
            tr("The other side broke the Ferry protocol."));
    case ErrorCode::VersionMismatch:
        return withDetail(tr("The server speaks a different Ferry protocol version: %1"),
            tr("The server speaks a different Ferry protocol version."));
    case ErrorCode::AuthRequired:
        return tr("The server needs a password.");
    case ErrorCode::AuthFailed:
        return tr("The server did not accept the password.");
    case ErrorCode::Timeout:
        return timeout(failure.detail);
    case ErrorCode::TooManyRequests:
        return withDetail(tr("The server refused more requests at once. (%1)"),
            tr("The server refused more requests at once."));
    case ErrorCode::ConnectionRefused:
        return withDetail(tr("Nothing is listening at %1. Is the Ferry server started?"),
            tr("Nothing is listening there. Is the Ferry server started?"));
    case ErrorCode::HostNotFound:
        return withDetail(
            tr("The host %1 could not be found."), tr("The host could not be found."));
    case ErrorCode::NotFerryServer:
        return withDetail(tr("%1 is not a Ferry server."), tr("That is not a Ferry server."));
    case ErrorCode::ConnectionLost:
        return withDetail(tr("The connection was lost: %1"), tr("The connection was lost."));
    case ErrorCode::WriteFailed:
        return withDetail(
            tr("The file could not be written: %1"), tr("The file could not be written."));
    case ErrorCode::AlreadyExists:
        return withDetail(tr("A file named \"%1\" already exists in the destination."),
            tr("A file of that name already exists in the destination."));
    case ErrorCode::Mismatch:
        return withDetail(
            tr("The MD5 checksum of \"%1\" does not match; the download was discarded."),
            tr("The MD5 checksum does not match; the download was discarded."));
    case ErrorCode::PartExists:
        return withDetail(
            tr("An unfinished download of \"%1\" is already there: choose Resume or Start "
               "over."),
            tr("An unfinished download is already there: choose Resume or Start over."));
    case ErrorCode::PartInUse:
        return withDetail(tr("Another download is writing \"%1\" right now; wait for it to "
                             "finish."),
            tr("Another download is writing that file right now; wait for it to finish."));
    case ErrorCode::InvalidName:
        return withDetail(
            tr("\"%1\" is not an allowed file name."), tr("That is not an allowed file name."));
    case ErrorCode::Cancelled:
        return tr("Cancelled.");
    case ErrorCode::NetworkError:
        return withDetail(tr("A network error occurred: %1"), tr("A network error occurred."));
    case ErrorCode::PortInUse:
        return withDetail(tr("The port is already in use by another program: %1"),
            tr("The port is already in use by another program."));
    case ErrorCode::FolderMissing:
        return withDetail(tr("The shared folder does not exist any more: %1"),
            tr("The shared folder does not exist any more."));
    case ErrorCode::PermissionDenied:
        return withDetail(tr("Permission denied: %1"), tr("Permission denied."));
    case ErrorCode::NoGreeting:
        return withDetail(tr("No Ferry greeting from %1: something accepted the connection but "
                             "said nothing. Check the address and port, and that the Ferry "
                             "server there is running."),
            tr("No Ferry greeting: something accepted the connection but said nothing. Check "
               "the address and port, and that the Ferry server there is running."));
    case ErrorCode::NoAnswer:
        return withDetail(tr("No answer from %1. Check the address, the firewall and the network."),
            tr("No answer. Check the address, the firewall and the network."));
    case ErrorCode::CertificateChanged: {
        // detail: name, old fingerprint, new fingerprint (see errorcode.h)
        const QStringList p = failure.detail.split(QLatin1Char('\n'));
        return tr("WARNING: the device \"%1\" at this address now shows a different "
                  "certificate (was %2..., now %3...). Someone may be intercepting the "
                  "connection. If the other computer really made a new identity, forget the old "
                  "one in Devices and connect again.")
            .arg(p.value(0), p.value(1).left(16), p.value(2).left(16));
    }
    case ErrorCode::Untrusted:
        return tr("The device was not trusted, so nothing was sent to it.");
    case ErrorCode::FingerprintMismatch:
        return tr("The device's certificate does not match the expected fingerprint.");
    case ErrorCode::PeerIsPlaintext:
        return tr("The server runs without encryption (--plaintext); this window only connects "
                  "with encryption.");
    case ErrorCode::PeerWantsTls:
        return tr("The other side uses encryption, but this side runs with --plaintext.");
    case ErrorCode::TlsFailed:
        return withDetail(tr("The encrypted connection could not be set up: %1"),
            tr("The encrypted connection could not be set up."));
    case ErrorCode::Internal:
        return withDetail(tr("An internal error occurred: %1"), tr("An internal error occurred."));
    }
    return tr("Unknown error %1.").arg(int(failure.code));
}

QString ErrorText::timeout(const QString &detail)
{
    if (detail == QLatin1String(timeoutphase::kHello))
        return tr("The connection timed out waiting for the Ferry greeting.");
    if (detail == QLatin1String(timeoutphase::kPassword))
        return tr("The connection timed out waiting for the password.");
    if (detail == QLatin1String(timeoutphase::kRequest))
        return tr("The connection timed out waiting for the next request.");
    if (detail == QLatin1String(timeoutphase::kAccept))
        return tr("The connection timed out waiting for the file to be accepted.");
    if (detail == QLatin1String(timeoutphase::kSending))
        return tr("The connection timed out sending a file: the other side stopped reading.");
    // An older server sent its state as a number: that means nothing to a person.
    bool number = false;
    detail.toInt(&number);
    if (detail.isEmpty() || number)
        return tr("The connection timed out.");
    return tr("The connection timed out: %1").arg(detail);
}

} // namespace ferry
