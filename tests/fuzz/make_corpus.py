#!/usr/bin/env python3
"""Writes the seed corpus for the libFuzzer harnesses (tests/fuzz/corpus/<harness>/).

Seeds are small, valid or nearly valid conversations, so the fuzzer starts deep in the state
machines instead of at the magic bytes. Run it again after a protocol change."""
import hashlib
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def frame(t, body=b""):
    return struct.pack(">BI", t, len(body)) + body


def string(s):
    b = s.encode()
    return struct.pack(">H", len(b)) + b


def hello(version=3, flags=0, nonce=b""):
    return frame(0x01, b"FERRY" + struct.pack(">HI", version, flags) + nonce)


LIST = frame(0x10)


def get(name):
    return frame(0x20, string(name))


def accept(offset):
    return frame(0x22, struct.pack(">q", offset))


def offer(name, size, mtime=0):
    return frame(0x21, string(name) + struct.pack(">qq", size, mtime))


def entries(items):
    """Version 3: name, kind (0 file, 1 folder), size, mtime; a size of None is a folder."""
    body = struct.pack(">I", len(items))
    for name, size in items:
        folder = size is None
        body += string(name) + struct.pack(">Bqq", 1 if folder else 0, size or 0, 0)
    return frame(0x11, body)


def hash_request(name):
    return frame(0x26, string(name))


def hash_reply(name, size, md5):
    return frame(0x27, string(name) + struct.pack(">qq", size, 0) + md5.encode())


def proof(nonce=b"n" * 16, mac=b"p" * 32):
    return frame(0x02, struct.pack(">H", len(nonce)) + nonce + struct.pack(">H", len(mac)) + mac)


def error(code, detail):
    return frame(0x7F, struct.pack(">H", code) + string(detail))


# For the session harness the first byte picks the share: even = open, odd = password.
session = {
    "hello": b"\0" + hello(),
    "list": b"\0" + hello() + LIST,
    "get-small": b"\0" + hello() + get("a.txt") + accept(0),
    "get-nested-resume": b"\0" + hello() + get("d/b.bin") + accept(1000),
    "get-then-list": b"\0" + hello() + get("a.txt") + accept(0) + LIST + LIST,
    "get-decline": b"\0" + hello() + get("d/b.bin") + frame(0x23) + get("empty") + accept(0),
    "get-missing-and-escape": b"\0" + hello() + get("nope") + get("../x") + get("out") + LIST,
    "pipelined": b"\0" + hello() + LIST * 12,
    "old-version": b"\0" + hello(version=0),
    "version-2": b"\0" + hello(version=2),
    "hash-queries": b"\0" + hello() + hash_request("a.txt") + hash_request("d/b.bin")
    + hash_request("nope") + hash_request("d") + LIST,
    "hash-then-get": b"\0" + hello() + hash_request("a.txt") + get("a.txt") + accept(0),
    "auth-wrong": b"\1" + hello() + proof(),
    "auth-then-list": b"\1" + hello() + proof() + LIST,
    "list-before-auth": b"\1" + hello() + LIST,
    "oversize": b"\0" + hello() + struct.pack(">BI", 0x24, 0xFFFFFFFF),
}

decoder = {
    "hello": hello(),
    "hello-nonce": hello(flags=1, nonce=bytes(range(16))),
    "list-entries": entries([("a.txt", 100), ("d/b.bin", 70000)]) + frame(0x12),
    "list-folders": entries([("d", None), ("d/b.bin", 70000), ("d/empty", None)]) + frame(0x12),
    "hash-query": hash_request("photos/a.jpg")
    + hash_reply("photos/a.jpg", 100, hashlib.md5(b"x").hexdigest()),
    "get": get("photos/a.jpg"),
    "offer": offer("a.txt", 100, 1700000000000),
    "accept": accept(42),
    "data-end": frame(0x24, b"abcd") + frame(0x25, hashlib.md5(b"abcd").hexdigest().encode()),
    "error": error(1, "a.txt"),
    "auth": proof(),
    "names": "a/b/c.txt".encode(),
    "device-name": "dir/CON.txt".encode(),
    "escape": "\x1b[31mred\u202e".encode(),
}


def write(harness, seeds):
    d = os.path.join(HERE, "corpus", harness)
    os.makedirs(d, exist_ok=True)
    for name, data in seeds.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)


write("fuzz_serversession", session)
write("fuzz_decoder", decoder)
