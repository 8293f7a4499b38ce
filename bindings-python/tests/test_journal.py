"""Journals: load, verify, seal, save and open again, the file store, merge, pickling, batches."""

from __future__ import annotations

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


def test_a_torn_tail_is_reported_then_cut_on_open(tmp_path: Path, march_assigned: chibo.Commune) -> None:
    path = tmp_path / "xa.jsonl"
    march_assigned.save(path)
    with open(path, "a", encoding="utf-8") as file:
        file.write('{"v":1,"seq":')
    assert chibo.verify_file(path)[2] is True
    with chibo.Commune.open(path) as stored:
        assert len(stored) == len(march_assigned)
    assert chibo.verify_file(path)[2] is False


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


def test_execute_many_stops_at_the_first_refusal_and_keeps_what_came_before() -> None:
    commands = setup_commands("commune")
    commune = chibo.Commune()
    broken = commands[:5] + [dict(commands[5], actor="nobody")] + commands[6:]
    with pytest.raises(chibo.ChiboError) as caught:
        commune.execute_many(broken)
    assert caught.value.index == 5 and len(commune) == 5
    assert commune.execute_many(iter(commands[5:])) == len(commands) - 5
    with pytest.raises(chibo.InputError) as unreadable:
        chibo.Commune().execute_many([commands[0], "{"])
    assert unreadable.value.index == 1


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
