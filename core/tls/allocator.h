#pragma once

namespace ferry {

/// Keeps the C library from handing big I/O buffers back to the kernel after each use.
///
/// QSslSocket copies every byte through buffers it allocates per call (its write buffer, the
/// memory BIOs, a scratch array the size of what the socket holds), each up to a few MiB. With
/// glibc's defaults each such buffer is a fresh mmap() or a grown heap that is trimmed again
/// at once, so every byte also costs a page fault on a zeroed page: a quarter of a TLS
/// client's CPU time. Call once, early in main(); a no-op where the C library isn't glibc.
void keepIoBuffersMapped();

} // namespace ferry
