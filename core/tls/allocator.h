#pragma once

namespace ferry {

/// Keeps the C library from handing big I/O buffers back to the kernel after each use.
///
/// Buffers of a few hundred KiB to a few MiB come and go per transfer step (Data frame
/// bodies, the sink's blocks, TlsStream's queue while the kernel is full; under QSslSocket,
/// its per-call buffers too). With glibc's defaults each is a fresh mmap() or a grown heap
/// that is trimmed again at once, so every byte also costs a page fault on a zeroed page (a
/// quarter of a QSslSocket client's CPU time). Call once, early in main(); a no-op where the
/// C library isn't glibc.
void keepIoBuffersMapped();

} // namespace ferry
