"""No Rust panic reaches Python: hypothesis throws arbitrary values at every entry point of the
binding (commands whole and by method, queries, journals, record tables) and at mutations of real
commands and journals. Every outcome must be a result or a ChiboError (TypeError for an argument
of the wrong Python type); pyo3 turns a panic into PanicException, a BaseException that the
assertions below would report."""

from __future__ import annotations

import inspect
import json
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, List

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chibo
from conftest import scenario_files, setup_commands

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ALLOWED = (chibo.ChiboError, TypeError)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.sampled_from(["x1-bt", "m-2025-03", "t-03-03", "xom-1", "2025-03-05T07:30:00+07:00", "2025-03", "present"]),
    st.dates().map(lambda d: d),
    st.datetimes(timezones=st.just(timezone(timedelta(hours=7)))),
    st.datetimes(),
    st.binary(max_size=8),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.text(max_size=12), inner, max_size=5),
        st.tuples(inner, inner),
    ),
    max_leaves=25,
)


def outcome(call: Callable[[], Any]) -> None:
    """Runs the call; anything but a result, a ChiboError or a TypeError fails the test."""
    try:
        call()
    except ALLOWED:
        pass


def commune() -> chibo.Commune:
    world = chibo.Commune()
    world.execute_many(setup_commands(["commune", "march_ready", "march_adopted"])).raise_if_refused()
    return world


WORLD_TEXT = commune().journal_text()
def _takes_actor(name: str) -> bool:
    member = getattr(chibo.Commune, name)
    if name.startswith("_") or not callable(member):
        return False
    try:
        return "actor" in inspect.signature(member).parameters
    except (TypeError, ValueError):
        return False


ACTIONS = sorted(name for name in dir(chibo.Commune) if _takes_actor(name))


def real_commands() -> List[Any]:
    commands: List[Any] = []
    for path in scenario_files():
        for step in json.loads(path.read_text("utf-8"))["steps"]:
            if "command" in step:
                commands.append(step["command"])
    return commands


REAL = real_commands()


def test_every_action_is_fuzzed() -> None:
    assert len(ACTIONS) == 47, ACTIONS


@SETTINGS
@given(command=values)
def test_execute_any_value(command: Any) -> None:
    world = chibo.Commune.load(WORLD_TEXT)
    outcome(lambda: world.execute(command))


@SETTINGS
@given(name=st.sampled_from(ACTIONS), data=st.data())
def test_every_action_method_with_any_arguments(name: str, data: st.DataObject) -> None:
    world = chibo.Commune.load(WORLD_TEXT)
    method = getattr(world, name)
    kwargs = {p: data.draw(values, label=p) for p in inspect.signature(method).parameters}
    outcome(lambda: method(**kwargs))


def mutate(value: Any, path: List[Any], replacement: Any) -> Any:
    if not path:
        return replacement
    head, *rest = path
    if isinstance(value, dict):
        copy = dict(value)
        copy[head] = mutate(value.get(head), rest, replacement)
        return copy
    if isinstance(value, list) and isinstance(head, int) and value:
        copy = list(value)
        copy[head % len(value)] = mutate(value[head % len(value)], rest, replacement)
        return copy
    return replacement


def paths(value: Any, prefix: List[Any]) -> List[List[Any]]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, prefix + [k])
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, prefix + [i])
    return found


@SETTINGS
@given(data=st.data())
def test_real_commands_with_one_value_changed(data: st.DataObject) -> None:
    command = data.draw(st.sampled_from(REAL))
    where = data.draw(st.sampled_from(paths(command, [])))
    world = chibo.Commune.load(WORLD_TEXT)
    before = world.state_json()
    try:
        world.execute(mutate(command, where, data.draw(values)))
    except chibo.ChiboError:
        assert world.state_json() == before


@SETTINGS
@given(query=values)
def test_query_any_value(query: Any) -> None:
    world = chibo.Commune.load(WORLD_TEXT)
    outcome(lambda: world.query(query))
    outcome(lambda: world.query({"score": {"meeting": query}}))
    outcome(lambda: world.query({"dashboard": {"period": query}}))


@SETTINGS
@given(year=values, month=values, as_of=values, meeting=values, language=st.text(max_size=3))
def test_typed_reports_with_any_arguments(year: Any, month: Any, as_of: Any, meeting: Any, language: str) -> None:
    world = chibo.Commune.load(WORLD_TEXT)
    outcome(lambda: world.dashboard(year=year))
    outcome(lambda: world.dashboard(month=month))
    outcome(lambda: world.dashboard_csv(year=year, month=month))
    outcome(lambda: world.alerts(as_of=as_of))
    outcome(lambda: world.minutes(meeting=meeting, language=language))
    outcome(lambda: world.score(meeting=meeting, rubric=year, entered=month))
    outcome(lambda: world.ratings(year=year, general=month))
    outcome(lambda: world.recorded_score(meeting=meeting))
    outcome(lambda: world.summary(str(year), str(meeting)))
    outcome(lambda: world.records(str(meeting)))


@SETTINGS
@given(text=st.text(max_size=300))
def test_any_text_as_a_journal(text: str) -> None:
    outcome(lambda: chibo.Commune.load(text))
    outcome(lambda: chibo.verify(text))
    outcome(lambda: chibo.Commune().merge(text))


@SETTINGS
@given(data=st.data())
def test_a_real_journal_damaged_anywhere(data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=0, max_value=len(WORLD_TEXT) - 1))
    insert = data.draw(st.text(min_size=0, max_size=3))
    cut = data.draw(st.integers(min_value=0, max_value=3))
    damaged = WORLD_TEXT[:position] + insert + WORLD_TEXT[position + cut:]
    try:
        loaded = chibo.Commune.load(damaged)
    except chibo.ChiboError as refusal:
        assert refusal.code.startswith("journal."), refusal.code
    else:
        assert damaged.rstrip("\n") == WORLD_TEXT.rstrip("\n") or len(loaded) <= len(chibo.Commune.load(WORLD_TEXT))
    world = chibo.Commune.load(WORLD_TEXT)
    outcome(lambda: world.merge(damaged))
    outcome(lambda: chibo.verify(damaged, seal=(3, "0" * 64)))


json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=20),
    st.sampled_from(["x1-bt", "m-2025-03", "t-03-03", "xom-1", "2025-03-05T07:30:00+07:00", "2025-03", "present"]),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


def code_of(call: Callable[[], Any]) -> Any:
    try:
        call()
    except chibo.ChiboError as refusal:
        return refusal.code
    return None


@SETTINGS
@given(data=st.data())
def test_a_dict_means_what_its_json_text_means(data: st.DataObject) -> None:
    """A command read from a dict (straight into the core's types) and from its JSON text (by
    serde_json) is accepted or refused alike, with the same code and the same state after."""
    command = data.draw(st.sampled_from(REAL))
    where = data.draw(st.sampled_from(paths(command, [])))
    changed = mutate(command, where, data.draw(json_values))
    as_dict, as_text = chibo.Commune.load(WORLD_TEXT), chibo.Commune.load(WORLD_TEXT)
    assert code_of(lambda: as_dict.execute(changed)) == code_of(lambda: as_text.execute(json.dumps(changed)))
    assert as_dict.state_json() == as_text.state_json()
