#pragma once

#include <QString>

namespace ferry {

/// Why something failed; travels on the wire (server codes) and stays local (client codes).
/// Core never turns a code into words: the layer that shows it translates it.
enum class ErrorCode : quint16 {
    None = 0,
    // Sent by a server in an Error frame.
    NotFound = 1,
    NotRegularFile = 2,
    Refused = 3,
    ReadFailed = 4,
    Busy = 5,
    FileChanged = 6,
    ProtocolError = 7,
    VersionMismatch = 8,
    AuthRequired = 9,
    AuthFailed = 10,
    Timeout = 11,
    TooManyRequests = 12,
    // Local to a client or a server; never sent.
    ConnectionRefused = 100,
    HostNotFound = 101,
    NotFerryServer = 102,
    ConnectionLost = 103,
    WriteFailed = 104,
    AlreadyExists = 105,
    Mismatch = 106,
    PartExists = 107,
    InvalidName = 108,
    Cancelled = 109,
    NetworkError = 110,
    PortInUse = 111,
    FolderMissing = 112,
    PermissionDenied = 113,
    NoGreeting = 114, ///< Connected, but no Hello came within the greeting deadline.
    NoAnswer = 115, ///< The connection itself was never answered (connect timeout).
    PartInUse = 116, ///< Another download (another process) is writing this .part now.
    /// A device trusted at this address now shows another certificate; detail:
    /// "name\nold fingerprint\nnew fingerprint" (hex).
    CertificateChanged = 117,
    /// First contact, and nobody confirmed the device (no terminal, no --fingerprint or
    /// --trust-new, or the user said no); detail: "name\nfingerprint\ncode".
    Untrusted = 118,
    /// The certificate does not match the --fingerprint given; detail: "expected\nactual".
    FingerprintMismatch = 119,
    PeerIsPlaintext = 120, ///< We speak TLS, the peer runs with --plaintext.
    PeerWantsTls = 121, ///< We run with --plaintext, the peer speaks TLS.
    TlsFailed = 122, ///< The TLS handshake failed; detail: why.
    Internal = 199,
};

/// A code that is allowed on the wire; anything else received is mapped to ProtocolError.
inline bool isWireCode(quint16 code)
{
    return code >= 1 && code <= 12;
}

/// A code a server sends in place of an Offer (or a HashReply) to refuse one file while the
/// connection continues (docs/protocol.md). The same code after the data has begun ends the
/// connection; only FileChanged in place of End ends just that file (version 3).
inline bool isPerFileCode(ErrorCode code)
{
    return code == ErrorCode::NotFound || code == ErrorCode::NotRegularFile
        || code == ErrorCode::Refused || code == ErrorCode::ReadFailed;
}

/// The wait that ran out, as a server names it in a Timeout's detail (docs/protocol.md): a
/// word the reader translates, never a state number.
namespace timeoutphase {
constexpr char kHello[] = "hello";
constexpr char kPassword[] = "password";
constexpr char kRequest[] = "request";
constexpr char kAccept[] = "accept";
constexpr char kSending[] = "sending";
constexpr char kListing[] = "listing";
} // namespace timeoutphase

/// A failure with its code and an untranslated detail (a name, an OS message).
struct Failure
{
    ErrorCode code = ErrorCode::None;
    QString detail;
    bool ok() const { return code == ErrorCode::None; }
};

} // namespace ferry
