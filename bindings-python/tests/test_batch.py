"""Batches (`Commune.execute_many`): every command tried, one outcome per command, read lazily
from the iterable, the same journal as one call per command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import chibo
from conftest import setup_commands


def mixed_batch() -> List[Any]:
    """The setup world's commands with refusals mixed in: an unknown actor, an unreadable text,
    a dict that is not a command, and a command given twice (refused the second time)."""
    commands: List[Any] = list(setup_commands("commune"))
    commands.insert(5, dict(commands[5], actor="nobody"))
    commands.insert(9, "{")
    commands.insert(12, {"actor": "x", "at": "2025-01-01T00:00:00+07:00", "action": {"fly": {}}})
    commands.append(commands[-1])
    return commands


def one_call_per_command(commands: List[Any]) -> chibo.Commune:
    commune = chibo.Commune()
    for command in commands:
        try:
            commune.execute(command)
        except chibo.ChiboError:
            pass
    return commune


def test_every_command_is_tried_and_each_has_its_outcome() -> None:
    commands = mixed_batch()
    commune = chibo.Commune()
    outcome = commune.execute_many(commands)
    assert len(outcome) == len(commands) and not outcome.ok
    assert [r.index for r in outcome.refusals] == [5, 9, 12, len(commands) - 1]
    assert [type(r.error) for r in outcome.refusals][1:3] == [chibo.InputError, chibo.InputError]
    assert all(r.error.index == r.index for r in outcome.refusals)
    assert [type(o).__name__ for o in outcome] == [
        "Refused" if i in (5, 9, 12, len(commands) - 1) else "Accepted" for i in range(len(commands))
    ]
    assert list(outcome) == [outcome[i] for i in range(len(outcome))]
    assert outcome[-1] == outcome[len(commands) - 1]
    with pytest.raises(IndexError):
        outcome[len(commands)]
    # The same journal, record for record, as one call per command; the lines are the journal's.
    single = one_call_per_command(commands)
    assert commune.journal_text() == single.journal_text()
    lines = commune.journal_text().splitlines()
    assert [a.line for a in outcome.accepted] == lines
    assert [a.seq for a in outcome.accepted] == [json.loads(line)["seq"] for line in lines]
    assert "4 refused (first: command 5" in repr(outcome)


def test_the_refusals_are_what_execute_raises_and_raise_if_refused_raises_the_first() -> None:
    commands = mixed_batch()
    outcome = chibo.Commune().execute_many(commands)
    replay = chibo.Commune()
    replay.execute_many(commands[:5]).raise_if_refused()
    with pytest.raises(chibo.ChiboError) as direct:
        replay.execute(commands[5])
    first = outcome.refusals[0].error
    assert (first.code, first.fields, first.message_en) == (
        direct.value.code,
        direct.value.fields,
        direct.value.message_en,
    )
    assert outcome.refusals[0].error is outcome[5].error  # built once, then kept
    with pytest.raises(chibo.ChiboError) as raised:
        outcome.raise_if_refused()
    assert raised.value is first and raised.value.index == 5
    assert chibo.Commune().execute_many(setup_commands("commune")).raise_if_refused() is None


def test_stop_on_refusal_ends_the_batch_and_the_rest_can_be_sent_again() -> None:
    commands = setup_commands("commune")
    broken = commands[:5] + [dict(commands[5], actor="nobody")] + commands[6:]
    commune = chibo.Commune()
    outcome = commune.execute_many(broken, stop_on_refusal=True)
    assert len(outcome) == 6 and len(commune) == 5 and outcome.refusals[0].index == 5
    again = commune.execute_many(iter(commands[5:]))
    assert again.ok and len(again) == len(commands) - 5
    assert commune.state_json() == one_call_per_command(commands).state_json()
    unreadable = chibo.Commune().execute_many([commands[0], "{", commands[1]], stop_on_refusal=True)
    assert len(unreadable) == 2 and isinstance(unreadable[1].error, chibo.InputError)


def test_commands_are_read_lazily_and_run_before_the_last_is_read(nga_truong_text: str) -> None:
    commands = [json.loads(line)["event"] for line in nga_truong_text.splitlines()]
    commune = chibo.Commune()
    held_before_last: List[int] = []

    def stream() -> Iterator[Dict[str, Any]]:
        yield from commands[:-1]
        held_before_last.append(len(commune))
        yield commands[-1]

    assert commune.execute_many(stream()).ok and len(commune) == len(commands)
    # The core had run the first chunk before the generator gave its last command.
    assert held_before_last[0] > 0


def test_an_exception_from_the_iterable_propagates_and_what_ran_is_kept() -> None:
    commands = setup_commands("commune")

    def stream() -> Iterator[Dict[str, Any]]:
        yield from commands[:3]
        raise RuntimeError("the source failed")

    commune = chibo.Commune()
    with pytest.raises(RuntimeError, match="the source failed"):
        commune.execute_many(stream())
    assert len(commune) == 3


def test_a_batch_into_a_journal_file_keeps_what_was_accepted(tmp_path: Path) -> None:
    commands = mixed_batch()
    path = tmp_path / "batch.jsonl"
    with chibo.Commune.create(path) as stored:
        outcome = stored.execute_many(commands)
        assert [r.index for r in outcome.refusals] == [5, 9, 12, len(commands) - 1]
    memory = one_call_per_command(commands)
    assert path.read_text("utf-8") == memory.journal_text()
    assert [a.line for a in outcome.accepted] == memory.journal_text().splitlines()
    assert chibo.Commune.read(path).state_json() == memory.state_json()


def test_an_empty_batch_and_a_batch_of_text() -> None:
    empty = chibo.Commune().execute_many([])
    assert len(empty) == 0 and empty.ok and empty.accepted == () and list(empty) == []
    texts = [json.dumps(c, ensure_ascii=False) for c in setup_commands("commune")]
    commune = chibo.Commune()
    assert commune.execute_many(texts).ok
    assert commune.state_json() == one_call_per_command(setup_commands("commune")).state_json()


def test_a_long_batch_read_and_run_on_two_threads_is_the_same_as_single_calls(
    nga_truong_text: str, tmp_path: Path
) -> None:
    """Past the first chunk, reading and running overlap (two threads): the outcomes, the
    journal and the order must still be those of one call per command."""
    commands: List[Any] = [json.loads(line)["event"] for line in nga_truong_text.splitlines()][:3000]
    for position in (40, 41, 700, 2500):  # retries and unreadable values well past the first chunk
        commands.insert(position, commands[position - 1])
    commands.insert(1500, "{")
    outcome = chibo.Commune().execute_many(iter(commands))
    single = chibo.Commune()
    refused = []
    for index, command in enumerate(commands):
        try:
            single.execute(command)
        except chibo.ChiboError as refusal:
            refused.append((index, refusal.code))
    assert [(r.index, r.error.code) for r in outcome.refusals] == refused and refused
    assert [a.line for a in outcome.accepted] == single.journal_text().splitlines()
    with chibo.Commune.create(tmp_path / "long.jsonl") as stored:
        assert [r.index for r in stored.execute_many(commands).refusals] == [i for i, _ in refused]
    assert (tmp_path / "long.jsonl").read_text("utf-8") == single.journal_text()


def test_a_long_batch_stops_at_its_first_refusal_or_at_an_exception(nga_truong_text: str) -> None:
    commands: List[Any] = [json.loads(line)["event"] for line in nga_truong_text.splitlines()][:3000]
    broken = commands[:900] + [commands[899]] + commands[900:]
    commune = chibo.Commune()
    outcome = commune.execute_many(broken, stop_on_refusal=True)
    assert len(outcome) == 901 and outcome.refusals[0].index == 900 and len(commune) == 900
    assert commune.execute_many(broken[len(outcome):]).ok and len(commune) == 3000

    def failing() -> Iterator[Any]:
        yield from commands[:2000]
        raise RuntimeError("the source failed")

    partial = chibo.Commune()
    with pytest.raises(RuntimeError, match="the source failed"):
        partial.execute_many(failing())
    assert len(partial) == 2000
