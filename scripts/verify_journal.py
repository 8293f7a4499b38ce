#!/usr/bin/env python3
"""Re-check a chibo journal's hash chain without the chibo library: Python's standard library only.

Usage: python3 scripts/verify_journal.py JOURNAL.jsonl [SEQ HASH]

For every line N (docs/journal.md, "Canonical encoding"):
  - the line ends with ,"hash":"<64 hex>"} ; the body is the line without those 75 bytes, plus "}";
  - SHA-256(body) equals that hash;
  - "seq" is N and "prev" is the hash of line N-1 (64 zeros for line 1).
With SEQ and HASH (the seal handed over with the journal), the last record must be that one.
Prints the head and exits 0, or names the first bad line and exits 1.
"""

import hashlib
import json
import re
import sys

SUFFIX = re.compile(rb',"hash":"([0-9a-f]{64})"\}$')


def verify(path, seal=None):
    prev = "0" * 64
    seq = 0
    with open(path, "rb") as journal:
        data = journal.read()
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        match = SUFFIX.search(line)
        if not match:
            return f"line {number}: not in the canonical layout"
        body = line[: -75] + b"}"
        digest = hashlib.sha256(body).hexdigest()
        if digest != match.group(1).decode():
            return f"line {number}: altered (hash does not match its content)"
        try:
            record = json.loads(body)
        except ValueError as error:
            return f"line {number}: not JSON ({error})"
        if record.get("seq") != number:
            return f"line {number}: sequence number {record.get('seq')}, expected {number}"
        if record.get("prev") != prev:
            return f"line {number}: does not follow line {number - 1} (prev differs)"
        prev, seq = digest, number
    if seal and (seq, prev) != seal:
        return f"ends at record {seq} {prev}, but the seal says {seal[0]} {seal[1]}"
    print(f"ok: {seq} records, head {prev}")
    return None


def main(argv):
    if len(argv) not in (2, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    seal = (int(argv[2]), argv[3]) if len(argv) == 4 else None
    problem = verify(argv[1], seal)
    if problem:
        print(f"FAILED: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
