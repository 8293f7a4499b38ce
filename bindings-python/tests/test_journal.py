"""Journals: load, verify, seal, save and open again, the file store, merge, pickling, batches."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import chibo
from conftest import setup_commands

AT = "2025-04-05T08:00:00+07:00"


def test_save_open_and_go_on_in_the_file(tmp_path: Path, march_assigned: chibo.Commune) -> None:
    path = tmp_path / "xa.jsonl"
    march_assigned.save(path)
    with pytest.raises(chibo.StoreError, match="store.exists"):
        march_assigned.save(path)
    with chibo.Commune.open(path) as stored:
        assert stored.path == path
        assert stored.head == march_assigned.head and stored.state_json() == march_assigned.state_json()
        stored.report_task(actor="x1-03", at=AT, task="t-03-03", outcome=chibo.Outcome.ON_TIME)
        assert len(stored) == len(march_assigned) + 1
    assert "closed" in repr(stored)
    again = chibo.Commune.read(path)
    assert again.summary("tasks", "t-03-03")["outcome"] == "on_time"
    assert chibo.verify_file(path) == (*again.head, False)


def test_a_torn_tail_is_saved_reported_then_cut_on_open(tmp_path: Path, march_assigned: chibo.Commune) -> None:
    path = tmp_path / "xa.jsonl"
    march_assigned.save(path)
    with open(path, "a", encoding="utf-8") as file:
        file.write('{"v":1,"seq":')
    assert chibo.verify_file(path)[2] is True
    with pytest.warns(chibo.JournalRecoveredWarning, match="ghi dở"):
        stored = chibo.Commune.open(path)
    with stored:
        assert len(stored) == len(march_assigned)
        opened = stored.opened
        assert opened is not None and opened["newline_added"] is False
        torn = opened["torn"]
        assert torn["line"] == len(march_assigned) + 1 and torn["bytes"] == 13
        assert Path(torn["saved_to"]).read_bytes() == b'{"v":1,"seq":'
    assert chibo.verify_file(path)[2] is False


def test_a_whole_last_record_without_its_line_feed_is_kept(
    tmp_path: Path, march_assigned: chibo.Commune
) -> None:
    path = tmp_path / "xa.jsonl"
    path.write_bytes(march_assigned.journal_text().encode("utf-8").rstrip(b"\n"))
    with pytest.warns(chibo.JournalRecoveredWarning, match="line feed"):
        stored = chibo.Commune.open(path)
    with stored:
        assert len(stored) == len(march_assigned) and stored.head == march_assigned.head
        assert stored.opened is not None and stored.opened["newline_added"] is True
    assert path.read_text("utf-8") == march_assigned.journal_text()


def test_other_line_endings_are_refused_untouched_then_repaired(
    tmp_path: Path, march_assigned: chibo.Commune
) -> None:
    text = march_assigned.journal_text()
    for damaged in (text.replace("\n", "\r\n"), text.replace("\n", "\r"), "\ufeff" + text):
        path = tmp_path / "xa.jsonl"
        path.write_bytes(damaged.encode("utf-8"))
        for reader in (chibo.Commune.open, chibo.Commune.read, chibo.verify_file):
            with pytest.raises(chibo.JournalError) as refused:
                reader(path)
            assert refused.value.code in ("journal.line_endings", "journal.byte_order_mark")
        assert path.read_bytes() == damaged.encode("utf-8"), "the file is untouched"
        assert chibo.repair(damaged) == text
        seq, digest, kept = chibo.repair_file(path)
        assert (seq, digest) == march_assigned.head
        assert kept.read_bytes() == damaged.encode("utf-8")
        assert path.read_text("utf-8") == text
        kept.unlink()


def test_read_takes_the_files_bytes_as_they_are(tmp_path: Path, march_assigned: chibo.Commune) -> None:
    data = bytearray(march_assigned.journal_text().encode("utf-8"))
    # Flip a byte inside a Vietnamese letter (a multi-byte UTF-8 sequence) of line 2.
    second = data.index(b"\n") + 1
    at = data.index("ơ".encode("utf-8"), second)
    data[at + 1] ^= 0x40
    path = tmp_path / "xa.jsonl"
    path.write_bytes(bytes(data))
    with pytest.raises(chibo.JournalError) as damaged:
        chibo.Commune.read(path)
    assert damaged.value.fields["line"] == 2
    with pytest.raises(TypeError):
        chibo.Commune.read(123)  # type: ignore[arg-type]


def test_bad_values_at_the_border_are_typed_refusals(march_assigned: chibo.Commune) -> None:
    with pytest.raises(chibo.InputError, match="surrogate"):
        march_assigned.add_member(
            actor="vp", at=AT, member="x1-09", name="L\ud800", home={"cell": "xom-1"},
            status="official", joined_on="2020-01-01",
        )
    with pytest.raises(chibo.InputError, match="surrogate"):
        chibo.verify("\udfff")
    text = march_assigned.journal_text()
    for seal in [(-1, "0" * 64), (2**64, "0" * 64), ("1", "0" * 64), (1,), "x"]:
        with pytest.raises(chibo.InputError):
            chibo.verify(text, seal=seal)  # type: ignore[arg-type]


def test_store_errors_are_os_errors_and_a_closed_journal_says_closed(
    tmp_path: Path, march_assigned: chibo.Commune
) -> None:
    path = tmp_path / "xa.jsonl"
    march_assigned.save(path)
    with pytest.raises(OSError) as exists:
        march_assigned.save(path)
    assert isinstance(exists.value, chibo.StoreError) and exists.value.code == "store.exists"
    stored = chibo.Commune.open(path)
    stored.close()
    with pytest.raises(chibo.StoreError) as closed:
        len(stored)
    assert closed.value.code == "store.closed" and "closed" in str(closed.value)


def test_verify_names_the_altered_line_and_checks_the_seal(march_assigned: chibo.Commune) -> None:
    text = march_assigned.journal_text()
    head = chibo.verify(text)
    assert head == march_assigned.head
    assert chibo.verify(text, seal=head) == head
    lines = text.splitlines(keepends=True)
    with pytest.raises(chibo.JournalError) as cut:
        chibo.verify("".join(lines[:-1]), seal=head)
    assert cut.value.code == "journal.head_mismatch"
    lines[3] = lines[3].replace("+07:00", "+08:00", 1)
    with pytest.raises(chibo.JournalError) as altered:
        chibo.Commune.load("".join(lines))
    assert altered.value.fields["line"] == 4
    with pytest.raises(chibo.InputError):
        chibo.verify(text, seal=(1, "not hex"))


def test_merge_brings_offline_work_back(march_assigned: chibo.Commune) -> None:
    device = chibo.Commune.load(march_assigned.journal_text())
    device.report_task(actor="x1-03", at=AT, task="t-03-03", outcome="exceeded")
    march_assigned.report_task(actor="x1-04", at=AT, task="t-03-04", outcome="late")
    result = march_assigned.merge(device.journal_text())
    assert result["fork"] == len(device) - 1 and len(result["appended"]) == 1 and result["conflicts"] == []
    assert march_assigned.summary("tasks", "t-03-03")["outcome"] == "exceeded"
    again = march_assigned.merge(device.journal_text())
    assert again["appended"] == [] and len(again["already_merged"]) == 1
    assert chibo.Commune.load(march_assigned.journal_text()).state_json() == march_assigned.state_json()


def test_merge_conflicts_are_returned_with_their_reason(march_assigned: chibo.Commune) -> None:
    device = chibo.Commune.load(march_assigned.journal_text())
    device.report_task(actor="x1-03", at=AT, task="t-03-03", outcome="exceeded")
    march_assigned.cancel_task(actor="x1-bt", at=AT, task="t-03-03", reason="Đổi kế hoạch")
    conflicts = march_assigned.merge(device.journal_text())["conflicts"]
    assert [c["action"] for c in conflicts] == ["report_task"]
    assert conflicts[0]["reason"]["code"] == "transition.out_of_order"


def test_a_commune_in_memory_pickles_as_its_journal(march_assigned: chibo.Commune, tmp_path: Path) -> None:
    copy = pickle.loads(pickle.dumps(march_assigned))
    assert type(copy) is chibo.Commune and copy.state_json() == march_assigned.state_json()
    with chibo.Commune.create(tmp_path / "f.jsonl") as stored:
        with pytest.raises(TypeError, match="journal file"):
            pickle.dumps(stored)


def test_a_subclass_keeps_its_class() -> None:
    class Office(chibo.Commune):
        pass

    office = Office.load(chibo.Commune().journal_text())
    assert type(office) is Office and len(office) == 0


def test_a_merged_commune_takes_the_other_cells_over_linked_to_their_journal(world: chibo.Commune) -> None:
    thien = chibo.Commune()
    at = "2025-01-02T08:00:00+07:00"
    thien.establish_commune(actor="nt-vp", at=at, commune="nga-thien", name="Đảng bộ xã Nga Thiện", registrar="nt-vp")
    thien.add_cell(actor="nt-vp", at=at, cell="nt-xom-1", name="Chi bộ thôn Thiện 1", kind="residential")
    for member, name in [("nt-01", "Mai Xuân Trường"), ("nt-02", "Lê Thị Hằng"), ("nt-03", "Phạm Văn Khoa")]:
        thien.add_member(
            actor="nt-vp", at=at, member=member, name=name, home={"cell": "nt-xom-1"}, status="official", joined_on="2010-05-19"
        )
    handover = thien.handover()
    assert handover["journal"] == {"seq": thien.head[0], "hash": thien.head[1]}
    assert [m["member"] for m in handover["cells"][0]["members"]] == ["nt-01", "nt-02", "nt-03"]

    world.merge_communes(
        actor="vp", at="2025-07-01T08:00:00+07:00", commune="nga-son-moi", name="Đảng bộ xã Nga Sơn", absorbed=[handover]
    )
    assert world.summary("members", "nt-02")["cell"] == "nt-xom-1"
    state = json.loads(world.state_json())
    assert state["organisation"]["id"] == "nga-son-moi"
    assert state["organisation"]["cells"]["nt-xom-1"]["origin"]["journal"]["seq"] == thien.head[0]
    # The same handover again is refused: the cell is already there, and nothing changes.
    before = world.state_json()
    with pytest.raises(chibo.RecordLookupError):
        world.merge_communes(
            actor="vp", at="2025-07-01T08:05:00+07:00", commune="nga-son-2", name="Đảng bộ xã Nga Sơn", absorbed=[handover]
        )
    assert world.state_json() == before
