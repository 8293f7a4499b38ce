#!/usr/bin/env python3
"""Re-check a chibo journal's hash chain and signatures without the chibo library.

The chain needs Python's standard library only. Signatures (docs/journal.md, "Signatures") are
checked with the `cryptography` package when it is installed (optional: `pip install
cryptography`); without it the chain is checked and the script says signatures were not.

Usage: python3 scripts/verify_journal.py JOURNAL.jsonl [SEQ HASH]

For every line N (docs/journal.md, "Canonical encoding"):
  - the line ends with ,"hash":"<64 hex>"} ; the body is the line without those 75 bytes, plus "}";
  - SHA-256(body) equals that hash;
  - the body is one JSON object, with no duplicate key and no NaN or Infinity anywhere, whose keys
    are exactly "v", "seq", "prev", "event" and optionally "origin" and "sig":
      "v" an integer from 0 to 2 (the newest format this checker knows); 2 exactly when "sig" is there,
      "seq" the integer N (not 1.0, not true),
      "prev" the hash of line N-1 (64 zeros for line 1), in 64 lowercase hex digits,
      "event" an object, "origin" 64 lowercase hex digits, "sig" 128 lowercase hex digits;
  - a "sig" is the Ed25519 signature, by the key the event's actor had at the event's "at", of
    b"chibo/event/v1\n" followed by the event's bytes as they stand in the line; keys come from the
    journal's own register_key / rotate_key (each with its proof of possession checked) and
    revoke_key records;
  - a seal_journal event names the record before it (its "seq" and "hash");
  - no line is longer than 1 MiB, and the file has no byte-order mark and no carriage return
    (chibo writes neither).
With SEQ and HASH (the seal handed over with the journal), the last record must be that one.
What this script does not check is the rules: who may register a key, and from which date the
commune requires signatures, are checked by chibo when it loads the journal.
Prints the head and exits 0, or names the first bad line and exits 1.
"""

import hashlib
import json
import re
import sys
from datetime import datetime

try:  # optional: signatures are checked only with it
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
except ImportError:  # pragma: no cover - depends on the machine
    Ed25519PublicKey = None

SUFFIX = re.compile(rb',"hash":"([0-9a-f]{64})"\}$')
HEX64 = re.compile(r"[0-9a-f]{64}")
HEX128 = re.compile(r"[0-9a-f]{128}")
VERSION = 2
MAX_LINE = 1 << 20
KEYS = {"v", "seq", "prev", "event"}
EVENT_DOMAIN = b"chibo/event/v1\n"
KEY_DOMAIN = b"chibo/key/v1\n"


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
    if not KEYS <= keys or not keys <= KEYS | {"origin", "sig"}:
        raise Bad(f"keys {sorted(keys)}, expected v, seq, prev, event (and origin, sig)")
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
    sig = record.get("sig")
    if sig is not None and (not isinstance(sig, str) or not HEX128.fullmatch(sig)):
        raise Bad("sig is not 128 lowercase hex digits")
    if (sig is not None) != (version >= 2):
        raise Bad(f"a record of version {version} {'has' if sig is not None else 'lacks'} a signature")


class Keys:
    """The members' keys as the journal registers them, each valid from its record's "at" until
    the "at" of the record that replaces or revokes it."""

    def __init__(self):
        self.periods = {}  # member -> [[key bytes, from, until or None]]

    def at(self, member, when):
        for key, start, end in reversed(self.periods.get(member, [])):
            if start <= when and (end is None or when < end):
                return key
        return None

    def end(self, member, when):
        for period in self.periods.get(member, []):
            if period[2] is None:
                period[2] = when

    def add(self, member, key_hex, proof_hex, when):
        key = bytes.fromhex(key_hex)
        message = KEY_DOMAIN + member.encode() + b"\n" + key_hex.encode()
        if not verifies(key, message, bytes.fromhex(proof_hex)):
            raise Bad(f"the proof for {member}'s new key does not verify")
        self.periods.setdefault(member, []).append([key, when, None])

    def follow(self, command):
        """Applies a key command (the journal holds accepted commands only)."""
        ((name, payload),) = command["action"].items()
        when = datetime.fromisoformat(command["at"])
        if name == "register_key":
            self.add(payload["member"], payload["key"], payload["proof"], when)
        elif name == "rotate_key":
            self.end(command["actor"], when)
            self.add(command["actor"], payload["key"], payload["proof"], when)
        elif name == "revoke_key":
            self.end(payload["member"], when)


def verifies(key, message, signature):
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


def event_bytes(line, record):
    """The event's bytes as they stand in the line: after the first ,"event": and before the
    fixed-length origin, sig and hash."""
    start = line.index(b',"event":') + len(b',"event":')
    end = len(line) - 75 - (137 if "sig" in record else 0) - (76 if "origin" in record else 0)
    return line[start:end]


def check_signature(line, record, keys):
    command = record["event"]
    if "sig" in record:
        actor = command.get("actor")
        key = keys.at(actor, datetime.fromisoformat(command["at"]))
        message = EVENT_DOMAIN + event_bytes(line, record)
        if key is None or not verifies(key, message, bytes.fromhex(record["sig"])):
            raise Bad(f"the signature does not verify against the key {actor} had at {command['at']}")
    keys.follow(command)


def verify(path, seal=None):
    prev = "0" * 64
    seq = 0
    keys = Keys()
    signed = 0
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
            action = record["event"].get("action")
            if isinstance(action, dict) and "seal_journal" in action:
                named = action["seal_journal"]
                if (named.get("seq"), named.get("hash")) != (number - 1, prev):
                    raise Bad("the seal does not name the record before it")
            signed += "sig" in record
            if Ed25519PublicKey is not None:
                check_signature(line, record, keys)
        except UnicodeDecodeError:
            return f"line {number}: not UTF-8 text"
        except Bad as problem:
            return f"line {number}: {problem}"
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            return f"line {number}: not JSON, or not the fields a record needs ({error!r})"
        prev, seq = digest, number
    if seal and (seq, prev) != seal:
        return f"ends at record {seq} {prev}, but the seal says {seal[0]} {seal[1]}"
    if Ed25519PublicKey is None:
        note = f"{signed} signed records NOT checked (install Python's cryptography package)"
    else:
        note = f"{signed} signed records verified"
    print(f"ok: {seq} records, head {prev}; {note}")
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
