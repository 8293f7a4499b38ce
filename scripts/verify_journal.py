#!/usr/bin/env python3
"""Re-check a chibo journal's hash chain without the chibo library: Python's standard library only.

Usage: python3 scripts/verify_journal.py JOURNAL.jsonl [SEQ HASH]

For every line N (docs/journal.md, "Canonical encoding"):
  - the line ends with ,"hash":"<64 hex>"} ; the body is the line without those 75 bytes, plus "}";
  - SHA-256(body) equals that hash;
  - the body is one JSON object, with no duplicate key and no NaN or Infinity anywhere, whose keys
    are exactly "v", "seq", "prev", "event" and optionally "origin":
      "v" an integer from 0 to 1 (the newest format this checker knows),
      "seq" the integer N (not 1.0, not true),
      "prev" the hash of line N-1 (64 zeros for line 1), in 64 lowercase hex digits,
      "event" an object, "origin" 64 lowercase hex digits;
  - no line is longer than 1 MiB, and the file has no byte-order mark and no carriage return
    (chibo writes neither).
With SEQ and HASH (the seal handed over with the journal), the last record must be that one.
Prints the head and exits 0, or names the first bad line and exits 1.
"""

import hashlib
import json
import re
import sys

SUFFIX = re.compile(rb',"hash":"([0-9a-f]{64})"\}$')
HEX64 = re.compile(r"[0-9a-f]{64}")
VERSION = 1
MAX_LINE = 1 << 20
KEYS = {"v", "seq", "prev", "event"}


class Bad(Exception):
    """A line that is not a chibo record."""


def no_duplicates(pairs):
    keys = [key for key, _ in pairs]
    if len(keys) != len(set(keys)):
        raise Bad("a key appears twice in one object")
    return dict(pairs)


def no_constant(name):
    raise Bad(f"{name} is not JSON")


def is_int(value):
    return type(value) is int  # not bool, not float


def check_record(record, number, prev):
    if not isinstance(record, dict):
        raise Bad("not a JSON object")
    keys = set(record)
    if not KEYS <= keys or not keys <= KEYS | {"origin"}:
        raise Bad(f"keys {sorted(keys)}, expected v, seq, prev, event (and origin)")
    version = record["v"]
    if not is_int(version) or not 0 <= version <= VERSION:
        raise Bad(f"version {version!r}: this checker reads integer versions 0 to {VERSION}")
    if not is_int(record["seq"]) or record["seq"] != number:
        raise Bad(f"sequence number {record['seq']!r}, expected {number}")
    if not isinstance(record["prev"], str) or not HEX64.fullmatch(record["prev"]):
        raise Bad("prev is not 64 lowercase hex digits")
    if record["prev"] != prev:
        raise Bad(f"does not follow line {number - 1} (prev differs)")
    if not isinstance(record["event"], dict):
        raise Bad("the event is not a JSON object")
    origin = record.get("origin", "0" * 64)
    if not isinstance(origin, str) or not HEX64.fullmatch(origin):
        raise Bad("origin is not 64 lowercase hex digits")


def verify(path, seal=None):
    prev = "0" * 64
    seq = 0
    with open(path, "rb") as journal:
        data = journal.read()
    if data.startswith(b"\xef\xbb\xbf"):
        return "line 1: starts with a byte-order mark (chibo never writes one)"
    if b"\r" in data:
        number = data[: data.index(b"\r")].count(b"\n") + 1
        return f"line {number}: ends with a carriage return (chibo writes LF only)"
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_LINE:
            return f"line {number}: longer than any record ({len(line)} bytes)"
        match = SUFFIX.search(line)
        if not match:
            return f"line {number}: not in the canonical layout"
        body = line[:-75] + b"}"
        digest = hashlib.sha256(body).hexdigest()
        if digest != match.group(1).decode():
            return f"line {number}: altered (hash does not match its content)"
        try:
            text = body.decode("utf-8")
            record = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant)
            check_record(record, number, prev)
        except UnicodeDecodeError:
            return f"line {number}: not UTF-8 text"
        except Bad as problem:
            return f"line {number}: {problem}"
        except ValueError as error:
            return f"line {number}: not JSON ({error})"
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
