"""The exception tree: each refusal arrives as the class of its kind with the core's code, both
messages and the structured fields; exceptions pickle; store refusals have their own class."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import chibo
from chibo import errors
from conftest import SCENARIOS, setup_commands

AT = "2025-03-05T09:15:00+07:00"


def scenario_command(name: str, step: int = 0) -> dict:
    """A command of a scenario file."""
    scenario = json.loads((SCENARIOS / f"{name}.json").read_text("utf-8"))
    return scenario["steps"][step]["command"]


def probationary_vote_command() -> dict:
    """The record of the March meeting with a probationary member's vote counted (R-34)."""
    return scenario_command("vote_probationary_voter_refused")


def test_tree_is_rooted_at_value_error() -> None:
    assert issubclass(chibo.ChiboError, ValueError)
    for cls in errors._BY_KIND.values():
        assert issubclass(cls, chibo.ChiboError)
    for rule in [chibo.OrganisationError, chibo.PreparationError, chibo.MeetingError, chibo.VoteError,
                 chibo.AssignmentError, chibo.ReportError, chibo.InspectionError, chibo.RemediationError]:
        assert issubclass(rule, chibo.RuleError)
    for plain in [chibo.RecordLookupError, chibo.PermissionDeniedError, chibo.TransitionError,
                  chibo.InputError, chibo.JournalError]:
        assert plain.__bases__ == (chibo.ChiboError,)


def test_every_kind_of_the_core_has_its_class_declared_in_the_stub() -> None:
    stub = (Path(errors.__file__).with_suffix(".pyi")).read_text("utf-8")
    for name, type_name, doc, rules in chibo._chibo.ERROR_KINDS:
        cls = errors._BY_KIND[name]
        assert cls.__module__ == "chibo.errors" and getattr(chibo, cls.__name__) is cls
        assert cls.__name__ in errors.__all__ and cls.__name__ in chibo.__all__
        parent = "RuleError" if rules else "ChiboError"
        assert f"class {cls.__name__}({parent}): ..." in stub, cls.__name__
        assert cls.__doc__ == f"``{name}.*``: {doc}"
        assert any(code.startswith(f"{name}.") for code in chibo.CODES), name
    assert {code.split(".")[0] for code in chibo.CODES} == {k[0] for k in chibo._chibo.ERROR_KINDS}
    assert "LookupError" not in errors.__all__ and "PermissionError" not in errors.__all__


def test_every_code_maps_to_the_class_of_its_kind() -> None:
    for code in chibo.CODES + chibo.STORE_CODES:
        kind = code.split(".")[0]
        error = errors.from_core(code, kind, "vi", "en", {})
        assert type(error) is errors._BY_CODE.get(code, errors._BY_KIND[kind]), code
    assert type(errors.from_core("x.y", "future_kind", "vi", "en", {})) is chibo.ChiboError


def test_a_probationary_vote_is_a_vote_error_with_fields_and_both_messages() -> None:
    commune = chibo.Commune()
    commune.execute_many(setup_commands(["commune", "march_ready"])).raise_if_refused()
    before = commune.state_json()
    with pytest.raises(chibo.VoteError) as caught:
        commune.execute(probationary_vote_command())
    refusal = caught.value
    assert refusal.code == "vote.not_eligible" and refusal.kind == "vote"
    assert refusal.fields == {"member": "x1-07", "reason": "probationary"}
    assert "dự bị" in refusal.message_vi and "probationary" in refusal.message_en
    assert str(refusal).startswith("vote.not_eligible: ")
    assert commune.state_json() == before
    assert refusal.to_dict()["fields"] == refusal.fields


def test_a_failed_vote_is_recorded_with_its_defect_not_raised() -> None:
    commune = chibo.Commune()
    commune.execute_many(setup_commands(["commune", "march_ready"])).raise_if_refused()
    commune.execute(scenario_command("vote_failed_recorded_then_revote"))
    meeting = commune.summary("meetings", "m-2025-03")
    assert meeting["state"] == "draft" and meeting["failed_sittings"] == 1
    assert meeting["defects"] == ["resolution_failed"]
    minutes = commune.minutes(meeting="m-2025-03")
    assert minutes["defects"][0]["rule"] == "R-35"


def test_permission_and_transition_and_lookup(march_assigned: chibo.Commune) -> None:
    with pytest.raises(chibo.PermissionDeniedError) as denied:
        march_assigned.close_reporting(actor="x1-03", at=AT, meeting="m-2025-03")
    assert denied.value.code == "permission.denied"
    with pytest.raises(chibo.TransitionError) as out_of_order:
        march_assigned.assign_tasks(actor="x1-bt", at=AT, meeting="m-2025-03", tasks=[])
    assert out_of_order.value.fields["state"] == "assigned"
    with pytest.raises(chibo.RecordLookupError) as unknown:
        march_assigned.send_notice(actor="x1-bt", at=AT, meeting="nowhere")
    assert unknown.value.fields == {"kind": "meeting", "id": "nowhere"}


def test_exceptions_pickle_with_their_fields_and_index() -> None:
    commune = chibo.Commune()
    commune.execute_many(setup_commands(["commune", "march_ready"])).raise_if_refused()
    with pytest.raises(chibo.VoteError) as caught:
        commune.execute_many([probationary_vote_command()]).raise_if_refused()
    assert caught.value.index == 0
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is chibo.VoteError
    assert copy.to_dict() == caught.value.to_dict() and copy.index == 0


def test_store_refusals(tmp_path: Path) -> None:
    path = tmp_path / "journal.jsonl"
    with chibo.Commune.create(path) as first:
        with pytest.raises(chibo.StoreError) as exists:
            chibo.Commune.create(path)
        assert exists.value.code == "store.exists" and exists.value.fields["path"] == str(path)
        with pytest.raises(chibo.StoreError) as locked:
            chibo.Commune.open(path)
        assert locked.value.code == "store.locked" and "đang được mở" in locked.value.message_vi
    with pytest.raises(chibo.StoreError) as closed:
        first.execute({"actor": "a", "at": AT, "action": {"send_notice": {"meeting": "m"}}})
    assert closed.value.code == "store.closed"
    with pytest.raises(chibo.StoreError) as missing:
        chibo.Commune.open(tmp_path / "nowhere.jsonl")
    assert missing.value.code == "store.io"


def test_malformed_commands_are_input_errors(world: chibo.Commune) -> None:
    for bad in ["{", "[]", {"actor": "vp"}, {"actor": "vp", "at": AT, "action": {"fly": {}}}, 42]:
        with pytest.raises(chibo.InputError) as caught:
            world.execute(bad)
        assert caught.value.code == "input.malformed" and caught.value.fields["detail"]


def test_a_bad_date_in_a_query_says_which_and_how_to_write_it() -> None:
    commune = chibo.Commune()
    for bad in ("31/03/2025", "2025-3"):
        with pytest.raises(chibo.InputError) as caught:
            commune.alerts(as_of=bad)
        assert caught.value.code == "input.malformed"
        assert caught.value.message_en.startswith("The report query could not be read:"), caught.value
        assert f"`{bad}` is not a date written YYYY-MM-DD" in caught.value.message_en
        assert caught.value.message_vi.startswith("Không đọc được yêu cầu báo cáo:")
