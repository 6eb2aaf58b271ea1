#!/usr/bin/env python3
"""Writes a share of FILES small files in folders DEPTH levels deep, for ferry_guistall --tree.

    bench/tree_share.py DIR [FILES=100000] [DEPTH=20] [BRANCHES=5]

One top folder, "all", holds BRANCHES folders, each a chain of nested folders, DEPTH levels
in all; the files are spread evenly over those folders (so every level has files), each a few
bytes to keep the disk small. "all" is what the window downloads whole.
"""
import os
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    files = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    depth = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    branches = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    folders = []
    for b in range(branches):
        path = os.path.join(root, "all", "branch-%d" % b)
        for level in range(depth - 2):
            path = os.path.join(path, "level-%02d" % (level + 1))
            folders.append(path)
    for folder in folders:
        os.makedirs(folder, exist_ok=True)
    for i in range(files):
        folder = folders[i % len(folders)]
        with open(os.path.join(folder, "file-%06d.dat" % i), "wb") as f:
            f.write(b"%d\n" % i)
    print("%d files in %d folders, %d levels deep, under %s" % (files, len(folders), depth, root))


if __name__ == "__main__":
    main()
