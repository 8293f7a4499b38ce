"""Signed records from Python (docs/python.md, "Signed records"): keys registered with their
proofs, the policy date, forged and revoked signatures refused, a dropped tail caught against the
last signed seal, signatures as any Ed25519 library makes them, unsigned journals as before."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest

import chibo
from conftest import ROOT, setup_commands

REGISTRAR = bytes([0x22] * 32)
SECRETARY = bytes([0x11] * 32)
MEMBER = bytes([0x33] * 32)
STRANGER = bytes([0x55] * 32)
POLICY_FROM = "2025-02-01"
SOURCE = {
    "document": "Nghị quyết của Đảng ủy xã Nga Trường về sổ sinh hoạt có chữ ký",
    "date": "2025-01-20",
    "provision": "R-33",
    "verified": True,
}


def command(actor: str, at: str, action: str, payload: Dict[str, Any]) -> Dict[str, Any]:
    return {"actor": actor, "at": at, "action": {action: payload}}


def register(actor: str, at: str, member: str, secret: bytes) -> Dict[str, Any]:
    return command(
        actor,
        at,
        "register_key",
        {"member": member, "key": chibo.public_key(secret), "proof": chibo.sign_key_proof(secret, member)},
    )


def signed(commune: chibo.Commune, secret: bytes, cmd: Dict[str, Any]) -> int:
    return commune.execute_signed(cmd, chibo.sign_command(secret, cmd))


def keyed(commune: Optional[chibo.Commune] = None) -> chibo.Commune:
    """The setup commune with keys for the registrar (vp), the xom-1 secretary (x1-bt) and x1-03,
    registered with their proofs (the secretary's through the keyword method), and signatures
    required from 2025-02-01 by a signed rule change."""
    commune = commune if commune is not None else chibo.Commune()
    commune.execute_many(setup_commands("commune")).raise_if_refused()
    at = "2025-01-10T08:00:00+07:00"
    commune.execute(register("vp", at, "vp", REGISTRAR))
    commune.register_key(
        actor="vp",
        at=at,
        member="x1-bt",
        key=chibo.public_key(SECRETARY),
        proof=chibo.sign_key_proof(SECRETARY, "x1-bt"),
    )
    commune.execute(register("x1-bt", at, "x1-03", MEMBER))
    policy = command(
        "vp",
        "2025-01-20T08:00:00+07:00",
        "amend_rules",
        {"from": POLICY_FROM, "overrides": {"signatures_required": {"value": True, "source": SOURCE}}},
    )
    signed(commune, REGISTRAR, policy)
    return commune


def revoke(actor: str, at: str, member: str, reason: str = "Mất điện thoại") -> Dict[str, Any]:
    return command(actor, at, "revoke_key", {"member": member, "reason": reason})


def lines(commune: chibo.Commune) -> List[str]:
    return commune.journal_text().splitlines()


def text(kept: List[str]) -> str:
    return "".join(line + "\n" for line in kept)


def rehashed(line: str) -> str:
    """A line with its hash recomputed over its body (the line minus its last 75 bytes, plus
    `}`): what anyone who can run SHA-256 can do to an edited record."""
    body = line[:-75] + "}"
    digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return line[:-75] + f',"hash":"{digest}"}}'


def sig_of(line: str) -> str:
    """The 128 hex of a signed line's `sig`, by position (before the 75 bytes of the hash)."""
    tail = line[: -75]
    assert tail[-137:-129] == ',"sig":"' and tail[-1] == '"', line
    return tail[-129:-1]


def event_bytes(line: str) -> bytes:
    """The event of a signed, unmerged line, by position as docs/journal.md's recipe finds it."""
    head = line[: -75 - 137]
    return head[head.index('"event":') + len('"event":') :].encode("utf-8")


def test_keys_register_with_their_proofs_and_signed_records_are_version_2() -> None:
    commune = keyed()
    kept = lines(commune)
    assert all(line.startswith('{"v":1,') for line in kept[:-1])
    assert kept[-1].startswith('{"v":2,')
    assert sig_of(kept[-1]) == chibo.sign_command(REGISTRAR, json.loads(kept[-1])["event"])
    again = chibo.Commune.load(commune.journal_text())
    assert again.head == commune.head and again.state_json() == commune.state_json()
    # A proof made with another key is refused.
    stolen = register("vp", "2025-01-25T08:00:00+07:00", "x1-04", MEMBER)
    stolen["action"]["register_key"]["proof"] = chibo.sign_key_proof(STRANGER, "x1-04")
    with pytest.raises(chibo.JournalError) as refused:
        signed(commune, REGISTRAR, stolen)
    assert refused.value.code == "journal.key_proof_invalid" and refused.value.fields["member"] == "x1-04"


def test_from_the_policy_date_a_record_must_be_signed() -> None:
    commune = keyed()
    before = command("x1-bt", "2025-01-31T20:00:00+07:00", "revoke_key", {"member": "x1-03", "reason": "Thử"})
    after = revoke("x1-bt", "2025-02-01T08:00:00+07:00", "x1-03")
    head = commune.head
    with pytest.raises(chibo.JournalError) as missing:
        commune.execute(after)
    assert missing.value.code == "journal.signature_missing"
    assert missing.value.fields == {"line": head[0] + 1, "actor": "x1-bt"}
    assert missing.value.message_vi.startswith(f"Bản ghi {head[0] + 1} không có chữ ký")
    assert commune.head == head
    # Dated before the policy, but written once the journal holds records of the policy's days
    # (the setup's directives are dated into March): unsigned, it is refused too.
    with pytest.raises(chibo.JournalError) as backdated:
        commune.execute(before)
    assert backdated.value.code == "journal.signature_missing"
    # Signed, accepted. (Unsigned records before the policy took effect: the scenario
    # signatures_required_from_policy_date.json, replayed in test_scenarios.py.)
    seq = signed(commune, SECRETARY, after)
    assert seq == head[0] + 1 and lines(commune)[-1].startswith('{"v":2,')


def test_a_forged_device_journal_in_the_secretarys_name_is_refused_on_merge_naming_the_record() -> None:
    shared = keyed()
    device = chibo.Commune.load(shared.journal_text())
    record = revoke("x1-bt", "2025-02-25T15:00:00+07:00", "x1-03")
    # The device cannot write it with another member's key...
    with pytest.raises(chibo.JournalError) as refused:
        signed(device, MEMBER, record)
    assert refused.value.code == "journal.signature_invalid"
    assert refused.value.fields == {"line": len(device) + 1, "actor": "x1-bt"}
    # ...so the forger writes the line itself: signed with x1-03's key, hash recomputed.
    device_seq = signed(device, SECRETARY, record)
    good = lines(device)
    forged_line = rehashed(good[-1].replace(sig_of(good[-1]), chibo.sign_command(MEMBER, record)))
    assert forged_line != good[-1]
    forged = text(good[:-1] + [forged_line])
    assert chibo.verify(forged)[0] == device_seq  # the chain alone holds
    with pytest.raises(chibo.JournalError) as load:
        chibo.Commune.load(forged)
    assert load.value.code == "journal.signature_invalid" and load.value.fields["line"] == device_seq

    head = shared.head
    merge = shared.merge(forged)
    assert merge["appended"] == [] and shared.head == head
    (conflict,) = merge["conflicts"]
    assert conflict["device_seq"] == device_seq and conflict["action"] == "revoke_key"
    assert conflict["reason"]["code"] == "journal.signature_invalid"
    assert conflict["reason"]["fields"] == {"line": device_seq, "actor": "x1-bt"}
    assert conflict["reason"]["message_en"].startswith(f"Record {device_seq} is signed")
    # The genuine device journal merges, its signature carried over byte for byte.
    merge = shared.merge(device.journal_text())
    assert [m["device_seq"] for m in merge["appended"]] == [device_seq] and merge["conflicts"] == []
    assert lines(shared)[-1] == good[-1]


def test_a_record_signed_with_a_revoked_key_is_refused() -> None:
    commune = keyed()
    signed(commune, SECRETARY, revoke("x1-bt", "2025-03-01T08:00:00+07:00", "x1-03"))
    late = revoke("x1-03", "2025-03-02T08:00:00+07:00", "x1-03", "Thử lại")
    head = commune.head
    with pytest.raises(chibo.JournalError) as refused:
        signed(commune, MEMBER, late)
    assert refused.value.code == "journal.signature_invalid" and refused.value.fields["actor"] == "x1-03"
    assert commune.head == head
    # The member signed before the revocation: that record still loads.
    chibo.Commune.load(commune.journal_text())


def seal(commune: chibo.Commune, secret: bytes, actor: str, at: str) -> str:
    """Seals the journal's head (the seal names the `head` before it) with a signed record;
    returns the seal's line."""
    seq, digest = commune.head
    signed(commune, secret, command(actor, at, "seal_journal", {"seq": seq, "hash": digest}))
    return lines(commune)[-1]


def test_a_journal_with_its_last_records_dropped_fails_against_its_last_signed_seal() -> None:
    commune = keyed()
    signed(commune, SECRETARY, revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03"))
    seal_line = seal(commune, SECRETARY, "x1-bt", "2025-02-25T09:00:00+07:00")
    whole = commune.journal_text()
    assert chibo.verify_signed_seal(whole, seal_line) == commune.head
    assert chibo.verify_signed_seal(whole.encode(), (seal_line + "\n").encode()) == commune.head
    kept = lines(commune)
    for dropped in (1, 2, 3):
        with pytest.raises(chibo.JournalError) as missing:
            chibo.verify_signed_seal(text(kept[:-dropped]), seal_line)
        assert missing.value.code == "journal.seal_missing"
        assert missing.value.fields["found_seq"] == len(kept) - dropped
        # The hash chain alone cannot tell.
        assert chibo.verify(text(kept[:-dropped]))[0] == len(kept) - dropped
    # An unsigned record, or a signed record that is not a seal, is not a signed seal.
    for line in (kept[0], kept[-2]):
        with pytest.raises(chibo.JournalError) as not_a_seal:
            chibo.verify_signed_seal(whole, line)
        assert not_a_seal.value.code == "journal.not_a_signed_seal"
    # A seal must name the head.
    stale = command("x1-bt", "2025-02-25T10:00:00+07:00", "seal_journal", {"seq": 1, "hash": kept[0][-66:-2]})
    with pytest.raises(chibo.JournalError) as mismatch:
        signed(commune, SECRETARY, stale)
    assert mismatch.value.code == "journal.seal_mismatch"
    with pytest.raises(TypeError, match="seal line"):
        chibo.verify_signed_seal(whole, 12)  # type: ignore[arg-type]


def test_a_journal_file_keeps_signed_records_before_it_returns(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    with chibo.Commune.create(path) as commune:
        keyed(commune)
        seq = signed(commune, SECRETARY, revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03"))
        on_disk = path.read_text("utf-8").splitlines()
        assert len(on_disk) == seq and on_disk[-1].startswith('{"v":2,')
        with pytest.raises(chibo.JournalError):
            signed(commune, STRANGER, revoke("x1-bt", "2025-02-26T08:00:00+07:00", "x1-bt"))
        assert path.read_text("utf-8").splitlines() == on_disk
        seal_line = seal(commune, SECRETARY, "x1-bt", "2025-02-25T09:00:00+07:00")
    with chibo.Commune.open(path) as reopened:
        assert len(reopened) == seq + 1
    assert chibo.verify_signed_seal(path.read_bytes(), seal_line)[0] == seq + 1


def test_bad_secrets_and_signatures_are_input_errors_saying_what_to_give() -> None:
    cmd = revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03")
    for secret in (b"", bytes(31), bytes(33)):
        with pytest.raises(chibo.InputError) as wrong:
            chibo.sign_command(secret, cmd)
        assert wrong.value.code == "input.malformed" and wrong.value.fields["field"] == "secret"
        assert f"not {len(secret)}" in wrong.value.message_en and "32 byte" in wrong.value.message_vi
    with pytest.raises(chibo.InputError, match="not str"):
        chibo.public_key("11" * 32)  # type: ignore[arg-type]
    assert chibo.public_key(bytearray(SECRETARY)) == chibo.public_key(SECRETARY)
    commune = keyed()
    head = commune.head
    good = chibo.sign_command(SECRETARY, cmd)
    for signature in ("", good[:-2], good.upper(), good[:-1] + "g", good + "00"):
        with pytest.raises(chibo.InputError) as wrong:
            commune.execute_signed(cmd, signature)
        assert wrong.value.fields["field"] == "signature" and "128" in wrong.value.message_en
    with pytest.raises(chibo.InputError, match="64 bytes"):
        commune.execute_signed(cmd, bytes(63))
    with pytest.raises(chibo.InputError, match="not int"):
        commune.execute_signed(cmd, 7)  # type: ignore[arg-type]
    assert commune.head == head
    # The raw 64 bytes of the same signature are accepted.
    commune.execute_signed(cmd, bytes.fromhex(good))
    assert sig_of(lines(commune)[-1]) == good


def test_the_signing_message_is_the_prefix_and_the_event_as_the_journal_writes_it() -> None:
    commune = keyed()
    cmd = revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03", "Mất điện thoại")
    message = chibo.signing_message(cmd)
    assert message.startswith(b"chibo/event/v1\n")
    assert chibo.signing_message(json.dumps(cmd)) == message
    signed(commune, SECRETARY, cmd)
    assert message == b"chibo/event/v1\n" + event_bytes(lines(commune)[-1])
    with pytest.raises(chibo.InputError):
        chibo.signing_message({"actor": "x1-bt"})


def test_signatures_agree_with_the_cryptography_package() -> None:
    ed25519 = pytest.importorskip("cryptography.hazmat.primitives.asymmetric.ed25519")
    from cryptography.hazmat.primitives import serialization

    commune = keyed()
    cmd = revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03")
    signed(commune, SECRETARY, cmd)
    line = lines(commune)[-1]
    private = ed25519.Ed25519PrivateKey.from_private_bytes(SECRETARY)
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert raw.hex() == chibo.public_key(SECRETARY)
    # Ed25519 is deterministic: the same bytes signed by either give the same signature.
    assert private.sign(chibo.signing_message(cmd)).hex() == chibo.sign_command(SECRETARY, cmd) == sig_of(line)
    # The line's signature verifies with cryptography over the bytes found by position.
    public = ed25519.Ed25519PublicKey.from_public_bytes(bytes.fromhex(chibo.public_key(SECRETARY)))
    public.verify(bytes.fromhex(sig_of(line)), b"chibo/event/v1\n" + event_bytes(line))
    # The key proof is a signature over "chibo/key/v1\n" member "\n" key-hex.
    proof = bytes.fromhex(chibo.sign_key_proof(MEMBER, "x1-03"))
    member_key = chibo.public_key(MEMBER)
    ed25519.Ed25519PublicKey.from_public_bytes(bytes.fromhex(member_key)).verify(
        proof, b"chibo/key/v1\nx1-03\n" + member_key.encode()
    )
    # A signature made by cryptography for a key kept outside chibo (an HSM's role) executes.
    other = revoke("x1-bt", "2025-02-26T08:00:00+07:00", "x1-bt")
    commune.execute_signed(other, private.sign(chibo.signing_message(other)))


def test_unsigned_journals_load_as_before() -> None:
    v1 = (ROOT / "tests" / "journal" / "v1.jsonl").read_bytes()
    loaded = chibo.Commune.load(v1)
    assert loaded.head == chibo.verify(v1)
    assert all(line.startswith(b'{"v":1,') for line in v1.splitlines())
    commune = chibo.Commune()
    commune.execute_many(setup_commands("commune")).raise_if_refused()
    assert all(line.startswith('{"v":1,') for line in lines(commune))
    with pytest.raises(chibo.JournalError) as not_a_seal:
        chibo.verify_signed_seal(commune.journal_text(), lines(commune)[-1])
    assert not_a_seal.value.code == "journal.not_a_signed_seal"


def test_generated_keys_differ_and_key_files_are_never_overwritten(tmp_path: Path) -> None:
    first, second = chibo.generate_secret_key(), chibo.generate_secret_key()
    assert isinstance(first, bytes) and len(first) == 32 and first != second
    path = tmp_path / "x1-bt.key"
    public = chibo.create_key_file(path)
    secret = chibo.read_key_file(path)
    assert chibo.public_key(secret) == public and path.read_bytes() == secret
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(chibo.StoreError) as exists:
        chibo.create_key_file(path)
    assert exists.value.code == "store.exists"
    with pytest.raises(chibo.StoreError) as exists:
        chibo.write_key_file(str(path), first)
    assert exists.value.code == "store.exists" and chibo.read_key_file(path) == secret
    given = tmp_path / "given.key"
    chibo.write_key_file(given, first)
    assert chibo.read_key_file(given) == first
    with pytest.raises(chibo.InputError):
        chibo.write_key_file(tmp_path / "short.key", b"short")
    assert not (tmp_path / "short.key").exists()
    with pytest.raises(chibo.StoreError) as missing:
        chibo.read_key_file(tmp_path / "none.key")
    assert missing.value.code == "store.key_missing" and isinstance(missing.value, OSError)
    assert missing.value.message_vi.startswith("Không có tệp khoá")
    (tmp_path / "long.key").write_bytes(bytes(33))
    with pytest.raises(chibo.StoreError) as invalid:
        chibo.read_key_file(tmp_path / "long.key")
    assert invalid.value.code == "store.key_invalid" and invalid.value.fields["length"] == 33
    # What a member does with a new key file: register it, and sign with it.
    commune = keyed()
    signed(commune, REGISTRAR, register("vp", "2025-02-20T08:00:00+07:00", "x1-04", secret))
    signed(commune, secret, revoke("x1-04", "2025-02-25T08:00:00+07:00", "x1-04"))


# No Rust panic reaches Python from the signing entry points (as test_properties.py for the rest):
# any value gives a result, a ChiboError, or a TypeError for an argument of the wrong Python type.
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_properties import ALLOWED, outcome, values  # noqa: E402

PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SIGNED_BOOK = keyed()
signed(SIGNED_BOOK, SECRETARY, revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03"))
SIGNED_SEAL = seal(SIGNED_BOOK, SECRETARY, "x1-bt", "2025-02-25T09:00:00+07:00")
SIGNED_TEXT = SIGNED_BOOK.journal_text()
secrets = st.one_of(values, st.binary(min_size=30, max_size=34), st.just(SECRETARY))
signatures = st.one_of(values, st.text(alphabet="0123456789abcdefG", min_size=126, max_size=130), st.binary(min_size=62, max_size=66))


@PROPERTY
@given(secret=secrets, cmd=values, member=values)
def test_signing_any_value(secret: Any, cmd: Any, member: Any) -> None:
    outcome(lambda: chibo.public_key(secret))
    outcome(lambda: chibo.sign_command(secret, cmd))
    outcome(lambda: chibo.sign_key_proof(secret, member))
    outcome(lambda: chibo.signing_message(cmd))


@PROPERTY
@given(cmd=values, signature=signatures)
def test_execute_signed_any_value(cmd: Any, signature: Any) -> None:
    commune = chibo.Commune.load(SIGNED_TEXT)
    outcome(lambda: commune.execute_signed(cmd, signature))


@PROPERTY
@given(data=st.data())
def test_a_signed_journal_or_seal_damaged_anywhere(data: st.DataObject) -> None:
    raw = bytearray(SIGNED_TEXT.encode())
    seal_raw = bytearray(SIGNED_SEAL.encode())
    target = data.draw(st.sampled_from([raw, seal_raw]))
    at = data.draw(st.integers(min_value=0, max_value=len(target) - 1))
    target[at] = data.draw(st.integers(min_value=0, max_value=255))
    try:
        chibo.verify_signed_seal(bytes(raw), bytes(seal_raw))
    except ALLOWED:
        pass
    outcome(lambda: chibo.Commune.load(bytes(raw)))
