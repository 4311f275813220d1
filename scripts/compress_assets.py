#!/usr/bin/env python3
"""Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text or
wasm file of the built web app, so the server sends stored bytes instead of compressing each
response. A compressed copy that is not smaller than the file is not written."""
import gzip
import os
import sys

import brotli

COMPRESSIBLE = (".html", ".js", ".wasm", ".css", ".svg", ".json", ".txt", ".map")


def main(folder: str) -> None:
    total = {"raw": 0, "br": 0, "gz": 0}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if not name.endswith(COMPRESSIBLE):
                continue
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                raw = f.read()
            mode = brotli.MODE_TEXT if not name.endswith(".wasm") else brotli.MODE_GENERIC
            for suffix, packed in (
                (".br", brotli.compress(raw, mode=mode, quality=11)),
                (".gz", gzip.compress(raw, compresslevel=9, mtime=0)),
            ):
                if len(packed) < len(raw):
                    with open(path + suffix + ".tmp", "wb") as f:
                        f.write(packed)
                    os.replace(path + suffix + ".tmp", path + suffix)
                    total[suffix[1:]] += len(packed)
            total["raw"] += len(raw)
    print(f"compressed {folder}: {total['raw'] // 1024} KB -> brotli {total['br'] // 1024} KB, gzip {total['gz'] // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1])
