#!/usr/bin/env python3
"""TLS against --plaintext in one run (issue 13).

  bench/tls.py [--ferry build/app/ferry] [--size-mib 1024] [--reps 3] [--small 1000]

Measures, for the same file and the same machine, a verified `ferry get` of one big file over
TLS and over --plaintext, fresh (the server's first send: it hashes) and repeat (MD5 cached),
then N x 4 KiB over TLS, `ferry list` over both (the handshake's cost), and peak RSS of both
sides. Prints a Markdown table. Python stdlib only; needs /usr/bin/time.
"""
import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HOST = "127.0.0.1"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_listening(port, timeout=20):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        with socket.socket() as s:
            if s.connect_ex((HOST, port)) == 0:
                return True
        time.sleep(0.05)
    return False


def stop(p):
    """Stops `time ferry serve` through ferry itself, so time reports its peak RSS."""
    try:
        with open(f"/proc/{p.pid}/task/{p.pid}/children") as f:
            for child in f.read().split():
                os.kill(int(child), 15)
    except OSError:
        p.terminate()
    p.wait()


def max_rss_mib(path):
    try:
        with open(path) as f:
            return int(f.read().strip().splitlines()[-1]) / 1024
    except (OSError, ValueError, IndexError):
        return float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ferry", default=os.path.join(os.path.dirname(__file__), "..", "build",
                                                     "app", "ferry"))
    ap.add_argument("--size-mib", type=int, default=1024)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--small", type=int, default=1000)
    a = ap.parse_args()
    ferry = os.path.abspath(a.ferry)
    work = tempfile.mkdtemp(prefix="ferry-tls-bench-")
    try:
        env = dict(os.environ, FERRY_DATA_DIR=os.path.join(work, "identity"), LC_ALL="C")
        out = subprocess.run([ferry, "devices"], env=env, capture_output=True, text=True).stdout
        fp = re.search(r"fingerprint: ([0-9a-f]{64})", out).group(1)
        store = os.path.join(env["FERRY_DATA_DIR"], "devices.json")
        with os.fdopen(os.open(store, os.O_WRONLY | os.O_CREAT, 0o600), "w") as f:
            json.dump([{"fingerprint": fp, "name": "bench", "address": ""}], f)

        share = os.path.join(work, "share")
        os.makedirs(os.path.join(share, "small"))
        big = "big.bin"
        with open(os.path.join(share, big), "wb") as f:
            chunk = os.urandom(1 << 20)
            for i in range(a.size_mib):
                f.write(chunk[i % 7:] + chunk[: i % 7])
        names = []
        for i in range(a.small):
            n = f"small/f{i:04d}.bin"
            with open(os.path.join(share, n), "wb") as f:
                f.write(os.urandom(4096))
            names.append(n)

        rows = []

        def serve(mode):
            port = free_port()
            rss = os.path.join(work, f"rss-{mode}-{port}")
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss, ferry, "serve", share, "--port",
                   str(port), "--bind", HOST]
            if mode == "plaintext":
                cmd.append("--plaintext")
            p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL)
            assert wait_listening(port), "server did not start"
            return p, port, rss

        def get(mode, port, files, tag):
            dest = os.path.join(work, "out", tag)
            shutil.rmtree(dest, ignore_errors=True)
            os.makedirs(dest)
            rss = os.path.join(work, f"rss-get-{tag}")
            cmd = ["/usr/bin/time", "-f", "%M", "-o", rss, ferry, "get", *files, "--host", HOST,
                   "--port", str(port), "--output", dest]
            if mode == "plaintext":
                cmd.append("--plaintext")
            t0 = time.monotonic()
            r = subprocess.run(cmd, env=env, capture_output=True, text=True)
            dt = time.monotonic() - t0
            ok = r.returncode == 0 and r.stdout.count(" verified") == len(files)
            if not ok:
                sys.exit(f"get failed ({mode}): {r.stderr[-500:]}")
            shutil.rmtree(dest, ignore_errors=True)
            return dt, max_rss_mib(rss)

        rss = {}
        fresh = {"plaintext": [], "tls": []}
        repeat = {"plaintext": [], "tls": []}
        # The modes alternate inside each repetition, so load from other users of the machine
        # spreads over both.
        for rep in range(a.reps):
            for mode in ("plaintext", "tls"):
                p, port, srss = serve(mode)
                dt, crss = get(mode, port, [big], f"{mode}-f{rep}")
                fresh[mode].append(dt)
                dt, crss2 = get(mode, port, [big], f"{mode}-r{rep}")
                repeat[mode].append(dt)
                stop(p)
                prev = rss.get(mode, (0, 0))
                rss[mode] = (max(prev[0], max_rss_mib(srss)), max(prev[1], crss, crss2))
        big_times = {m: (statistics.median(fresh[m]), statistics.median(repeat[m]))
                     for m in fresh}

        p, port, _ = serve("tls")
        small_t = statistics.median(
            get("tls", port, names, f"small{i}")[0] for i in range(a.reps))
        stop(p)

        list_ms = {}
        for mode in ("plaintext", "tls"):
            p, port, _ = serve(mode)
            samples = []
            for _ in range(20):
                cmd = [ferry, "list", "--host", HOST, "--port", str(port)]
                if mode == "plaintext":
                    cmd.append("--plaintext")
                t0 = time.monotonic()
                subprocess.run(cmd, env=env, capture_output=True, check=True)
                samples.append((time.monotonic() - t0) * 1000)
            list_ms[mode] = statistics.median(samples)
            stop(p)

        gib = a.size_mib / 1024
        print(f"| {a.size_mib} MiB verified get | plaintext | TLS | TLS / plaintext |")
        print("|---|---|---|---|")
        for i, what in enumerate(("fresh (server hashes)", "repeat (MD5 cached)")):
            pt, tl = big_times["plaintext"][i], big_times["tls"][i]
            print(f"| {what} | {pt:.2f} s ({gib * 1024 / pt:.0f} MiB/s) | {tl:.2f} s "
                  f"({gib * 1024 / tl:.0f} MiB/s) | {tl / pt:.2f}x |")
        print(f"| peak RSS server / client | {rss['plaintext'][0]:.0f} / {rss['plaintext'][1]:.0f}"
              f" MiB | {rss['tls'][0]:.0f} / {rss['tls'][1]:.0f} MiB | |")
        print(f"| `ferry list` (median of 20, process start included) | "
              f"{list_ms['plaintext']:.1f} ms | {list_ms['tls']:.1f} ms | "
              f"+{list_ms['tls'] - list_ms['plaintext']:.1f} ms |")
        print(f"\n{a.small} x 4 KiB over TLS: {small_t:.2f} s, {a.small / small_t:.0f} files/s "
              f"(median of {a.reps})")
        print(f"\nreps {a.reps}, load {os.getloadavg()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
