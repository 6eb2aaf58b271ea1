#!/usr/bin/env python3
"""`python3 -m http.server --bind ADDR --directory DIR --protocol HTTP/1.1 PORT`, plus TCP_NODELAY.

The stdlib server writes a response's headers and its body in separate send() calls. With
HTTP/1.1 keep-alive, Nagle's algorithm then holds the body until the client's delayed ACK,
about 40 ms per small file, which would make the `curl -K` baseline 10-50x slower than the
server can go. Same handler, same threading server, same logging; only that is changed.
"""
import argparse
import functools
import http.server
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bind", default="127.0.0.1")
    p.add_argument("--directory", required=True)
    p.add_argument("port", type=int)
    a = p.parse_args()
    handler = http.server.SimpleHTTPRequestHandler
    handler.protocol_version = "HTTP/1.1"
    handler.disable_nagle_algorithm = True
    with http.server.ThreadingHTTPServer(
            (a.bind, a.port), functools.partial(handler, directory=a.directory)) as httpd:
        print(f"Serving HTTP on {a.bind} port {a.port}", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            sys.exit(0)


if __name__ == "__main__":
    main()
