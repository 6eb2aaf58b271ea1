#!/usr/bin/env python3
"""Load test (not part of ctest): thousands of hostile connections against one `ferry serve`
while an honest `ferry get` of a large file runs. Reports the server's peak RSS (VmHWM), how
the hostile connections ended, and whether the get verified.

    tools/loadtest.py --ferry build/app/ferry [--connections 10000] [--concurrency 800]
                      [--size-mib 128]

Hostile peers connect from 127.0.0.2 ... 127.0.0.41 so the per-address limit spreads them;
the honest get comes from 127.0.0.1. Python 3 standard library only.
"""
import argparse
import asyncio
import collections
import hashlib
import os
import random
import resource
import socket
import struct
import subprocess
import sys
import tempfile
import time


def frame(t, body=b""):
    return struct.pack(">BI", t, len(body)) + body


def string(s):
    b = s.encode()
    return struct.pack(">H", len(b)) + b


HELLO = frame(0x01, b"FERRY" + struct.pack(">HI", 1, 0))
LIST = frame(0x10)


def get(name):
    return frame(0x20, string(name))


ACCEPT0 = frame(0x22, struct.pack(">q", 0))

# name -> coroutine(reader, writer) that misbehaves until the server gives up.
KINDS = {}


def kind(fn):
    KINDS[fn.__name__] = fn
    return fn


async def wait_closed(reader, limit=60, read=True):
    """Reads (and drops) until EOF; returns the first error code seen, if any. With read=False
    it first leaves the socket unread for 20 s, like a peer that never reads."""
    buf = b""
    code = None
    if not read:
        # Leave everything unread past the server's transfer deadline, then look.
        await asyncio.sleep(20)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            chunk = await asyncio.wait_for(reader.read(65536), deadline - time.monotonic())
        except asyncio.TimeoutError:
            return "still-open"
        except (ConnectionError, OSError):
            return code or "reset"
        if not chunk:
            return code or "closed"
        if code is None and len(buf) < 4096:
            buf += chunk
            i = 0
            while len(buf) - i >= 5:
                t, n = struct.unpack(">BI", buf[i:i + 5])
                if len(buf) - i < 5 + n:
                    break
                if t == 0x7F and n >= 2:
                    code = "error-%d" % struct.unpack(">H", buf[i + 5:i + 7])[0]
                i += 5 + n
    return "still-open"


@kind
async def slowloris(reader, writer):
    for b in HELLO + LIST:
        writer.write(bytes([b]))
        await writer.drain()
        await asyncio.sleep(1)
        if reader.at_eof():
            break
    return await wait_closed(reader)


@kind
async def prefix_then_silence(reader, writer):
    writer.write(struct.pack(">BI", 0x01, 11) + b"FER")
    return await wait_closed(reader)


@kind
async def oversize_length(reader, writer):
    writer.write(struct.pack(">BI", 0x24, 0xFFFFFFFF))
    return await wait_closed(reader)


@kind
async def unknown_type(reader, writer):
    writer.write(HELLO + frame(0x99))
    return await wait_closed(reader)


@kind
async def wrong_state(reader, writer):
    writer.write(LIST + ACCEPT0)
    return await wait_closed(reader)


@kind
async def newer_version(reader, writer):
    writer.write(frame(0x01, b"FERRY" + struct.pack(">HI", 2, 0)))
    return await wait_closed(reader)


@kind
async def tiny_frame_flood(reader, writer):
    writer.write(HELLO + LIST * 20000)
    return await wait_closed(reader, read=False)


@kind
async def never_reads(reader, writer):
    writer.write(HELLO + get("big.bin"))
    # Accept only once the Offer is there (an early Accept is a protocol error), then stop
    # reading for good.
    buf = b""
    while True:
        chunk = await asyncio.wait_for(reader.read(4096), 30)
        if not chunk:
            return "closed-before-offer"
        buf += chunk
        i = 0
        offered = False
        while len(buf) - i >= 5:
            t, n = struct.unpack(">BI", buf[i:i + 5])
            if len(buf) - i < 5 + n:
                break
            offered = offered or t == 0x21
            i += 5 + n
        if offered:
            break
    writer.write(ACCEPT0)
    return await wait_closed(reader, read=False)


@kind
async def idle_after_hello(reader, writer):
    writer.write(HELLO)
    return await wait_closed(reader)


@kind
async def garbage(reader, writer):
    writer.write(os.urandom(4096))
    return await wait_closed(reader)


@kind
async def escape_names(reader, writer):
    writer.write(HELLO + get("../../etc/passwd") + get("/etc/passwd") + get("a\x1b[2J") + LIST)
    return await wait_closed(reader)


@kind
async def connect_and_close(reader, writer):
    return "hung-up"


async def one(kind_name, source, port, results):
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port,
                                                       local_addr=(source, 0), limit=1 << 16)
    except OSError as e:
        results[(kind_name, "connect-failed:%s" % e.__class__.__name__)] += 1
        return
    try:
        outcome = await KINDS[kind_name](reader, writer)
    except (ConnectionError, OSError):
        outcome = "reset"
    finally:
        writer.transport.abort()
    results[(kind_name, outcome)] += 1


def vm(pid, field):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


async def attack(args, port, server_pid, get_proc):
    results = collections.Counter()
    sem = asyncio.Semaphore(args.concurrency)
    sources = ["127.0.0.%d" % i for i in range(2, 2 + args.sources)]
    names = sorted(KINDS)
    peak_rss = 0

    async def limited(i):
        async with sem:
            await one(names[i % len(names)], sources[i % len(sources)], port, results)

    async def sample():
        nonlocal peak_rss
        while True:
            peak_rss = max(peak_rss, vm(server_pid, "VmRSS"))
            await asyncio.sleep(0.2)

    sampler = asyncio.ensure_future(sample())
    tasks = [asyncio.ensure_future(limited(i)) for i in range(args.connections)]
    await asyncio.gather(*tasks)
    sampler.cancel()
    return results, peak_rss


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--ferry", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                   "app", "ferry"))
    p.add_argument("--connections", type=int, default=10000)
    p.add_argument("--concurrency", type=int, default=800)
    p.add_argument("--sources", type=int, default=40)
    p.add_argument("--size-mib", type=int, default=128)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--serve-args", default="--handshake-timeout 5 --request-timeout 10 "
                                           "--transfer-timeout 10",
                   help="extra flags for ferry serve")
    args = p.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    tmp = tempfile.TemporaryDirectory(prefix="ferry-load-")
    share = os.path.join(tmp.name, "share")
    out = os.path.join(tmp.name, "out")
    os.makedirs(share)
    os.makedirs(out)
    md5 = hashlib.md5()
    rng = random.Random(7)
    with open(os.path.join(share, "big.bin"), "wb") as f:
        for _ in range(args.size_mib):
            block = rng.randbytes(1 << 20)
            md5.update(block)
            f.write(block)
    expected = md5.hexdigest()

    port = args.port
    if not port:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
        s.close()
    serve = subprocess.Popen([args.ferry, "serve", share, "-b", "127.0.0.1", "-p", str(port)]
                             + args.serve_args.split(),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = serve.stdout.readline()  # "Sharing ..."; the rest is drained below
    time.sleep(0.5)
    log_counts = collections.Counter()

    def drain_log():
        for l in serve.stdout:
            if "turned away" in l:
                log_counts["limit-hit log lines"] += 1
            elif "error" in l:
                log_counts["error log lines"] += 1

    import threading
    threading.Thread(target=drain_log, daemon=True).start()

    started = time.monotonic()
    # Start the flood first, then the honest download in the middle of it.
    loop = asyncio.new_event_loop()
    get_proc = None

    async def run():
        nonlocal get_proc
        attack_task = asyncio.ensure_future(attack(args, port, serve.pid, None))
        await asyncio.sleep(2)
        get_proc = subprocess.Popen([args.ferry, "get", "big.bin", "-p", str(port), "-o", out],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                    env=dict(os.environ, LC_ALL="C"))
        get_started = time.monotonic()
        while get_proc.poll() is None:
            await asyncio.sleep(0.1)
        get_seconds = time.monotonic() - get_started
        results, peak = await attack_task
        return results, peak, get_seconds

    results, peak_rss, get_seconds = loop.run_until_complete(run())
    elapsed = time.monotonic() - started
    get_out, get_err = get_proc.communicate()
    hwm = vm(serve.pid, "VmHWM")
    rss_after = vm(serve.pid, "VmRSS")
    alive = serve.poll() is None
    serve.terminate()
    serve.wait(10)

    got = hashlib.md5(open(os.path.join(out, "big.bin"), "rb").read()).hexdigest() \
        if os.path.exists(os.path.join(out, "big.bin")) else None
    print("ferry load test: %d hostile connections (%d at once, from %d addresses), "
          "one %d MiB get" % (args.connections, args.concurrency, args.sources, args.size_mib))
    print("serve flags: %s" % args.serve_args)
    print("elapsed: %.1f s; get took %.1f s" % (elapsed, get_seconds))
    print("server alive during the whole run: %s" % alive)
    print("server peak RSS (VmHWM): %.1f MiB; sampled peak VmRSS: %.1f MiB; after: %.1f MiB"
          % (hwm / 1024, peak_rss / 1024, rss_after / 1024))
    print("get exit code: %d; output: %s" % (get_proc.returncode, get_out.strip()))
    if get_err.strip():
        print("get stderr: %s" % get_err.strip())
    print("get verified: %s (md5 %s, expected %s)"
          % (get_proc.returncode == 0 and "verified" in get_out and got == expected, got,
             expected))
    print("hostile connections by kind and how they ended:")
    for (k, outcome), n in sorted(results.items()):
        print("  %-20s %-22s %d" % (k, outcome, n))
    for k, n in sorted(log_counts.items()):
        print("server log: %s: %d" % (k, n))
    ok = alive and get_proc.returncode == 0 and got == expected
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
