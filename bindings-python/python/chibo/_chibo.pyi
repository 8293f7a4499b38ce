"""Type stub of the native module ``chibo._chibo`` (checked against it by ``mypy.stubtest``).
Import :mod:`chibo` rather than this module."""

import os
import pathlib
from datetime import date, datetime
from typing_extensions import disjoint_base

from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Type, TypeVar, Union

_Time = Union[datetime, str]
_Date = Union[date, str]
_Month = Union[date, str]
_Outcome = Union[str, Mapping[str, Mapping[str, str]]]
_Path = Union[str, os.PathLike[str]]
_Json = Any
_C = TypeVar("_C", bound="Commune")

__all__ = ["CODES", "Commune", "RECORD_KINDS", "STORE_CODES", "SUMMARY_KINDS", "__version__", "repair", "repair_file", "verify", "verify_file"]

CODES: List[str]
STORE_CODES: List[str]
SUMMARY_KINDS: List[str]
RECORD_KINDS: List[str]
__version__: str

def verify(text: Union[str, bytes], *, seal: Optional[Tuple[int, str]] = None) -> Tuple[int, str]:
    """Checks a journal's hash chain (and its seal) without replaying it; returns (seq, hash)."""

def verify_file(path: _Path) -> Tuple[int, str, bool]:
    """Checks a journal file's chain without locking or changing it; returns (seq, hash, torn)."""

def repair(text: Union[str, bytes]) -> str:
    """Rewrites a journal saved with CR LF, CR or a byte-order mark in its own form, after
    checking every hash."""

def repair_file(path: _Path) -> Tuple[int, str, pathlib.Path]:
    """Rewrites a journal file saved with CR LF, CR or a byte-order mark in its own form, after
    checking every hash; returns (seq, hash, where the original was kept)."""

@disjoint_base
class Commune:
    """A commune party organisation (Đảng bộ xã) and its journal (nhật ký)."""

    def __new__(cls) -> "Commune": ...
    @classmethod
    def load(cls: Type[_C], text: Union[str, bytes]) -> _C: ...
    @classmethod
    def open(cls: Type[_C], path: _Path) -> _C: ...
    @classmethod
    def create(cls: Type[_C], path: _Path) -> _C: ...
    @classmethod
    def open_or_create(cls: Type[_C], path: _Path) -> _C: ...
    def execute(self, command: Union[Mapping[str, Any], str]) -> int: ...
    def execute_many(self, commands: Iterable[Union[Mapping[str, Any], str]]) -> int: ...
    def merge(self, device: Union[str, bytes]) -> _Json: ...
    def journal_text(self) -> str: ...
    def save(self, path: _Path) -> None: ...
    def close(self) -> None: ...
    @property
    def path(self) -> Optional[pathlib.Path]: ...
    @property
    def head(self) -> Tuple[int, str]: ...
    @property
    def opened(self) -> Optional[Dict[str, Any]]: ...
    def __len__(self) -> int: ...
    def state_json(self) -> str: ...
    def summary(self, kind: str, id: str) -> _Json: ...
    def handover(self) -> _Json:
        """What this commune hands over when it is merged into another (R-00): its cells with their members and leadership, and the end of this journal; pass it in `absorbed` of the other commune's `merge_communes`."""
    def __enter__(self: _C) -> _C: ...
    def __exit__(self, _kind: Optional[Any], _value: Optional[Any], _traceback: Optional[Any], /) -> bool: ...
    def query(self, query: Mapping[str, Any]) -> _Json: ...
    def alerts(self, *, as_of: _Date) -> _Json: ...
    def dashboard(self, *, year: Optional[int] = None, month: Optional[_Month] = None) -> _Json: ...
    def dashboard_csv(
        self, *, year: Optional[int] = None, month: Optional[_Month] = None, totals: bool = False
    ) -> str: ...
    def score(
        self,
        *,
        meeting: str,
        rubric: Optional[Mapping[str, Any]] = None,
        entered: Optional[Mapping[str, int]] = None,
    ) -> _Json: ...
    def recorded_score(self, *, meeting: str) -> _Json: ...
    def ratings(self, *, year: int, general: Optional[Mapping[str, int]] = None, cut_off: Optional[_Date] = None) -> _Json: ...
    def minutes(self, *, meeting: str, language: str = "vi") -> _Json: ...
    def records(self, kind: str) -> List[Any]: ...

    def establish_commune(
        self, *, actor: str, at: _Time, commune: str, name: str, registrar: str, levels: Optional[Sequence[Mapping[str, Any]]] = None, rules: Optional[Mapping[str, Any]] = None
    ) -> int:
        """Founds the commune's record: the first event of every journal. `levels` lists the levels above it (`{id, name, kind, parent?}`); `rules` chooses a preset and overrides (default: `national`, the documents each on the dates they were in force; none)."""

    def amend_rules(
        self, *, actor: str, at: _Time, from_: _Date, overrides: Mapping[str, Any]
    ) -> int:
        """Adopts the commune's own rules from `from_` (a date, not before today) on: `overrides` maps parameters to `{value, source}` (docs/rules.md)."""

    def reorganise_levels(
        self, *, actor: str, at: _Time, add: Optional[Sequence[Mapping[str, Any]]] = None, abolish: Optional[Sequence[str]] = None
    ) -> int:
        """Adds levels above the commune and abolishes others from today on (R-00): `add` are `{id, name, kind, parent?}`, `abolish` level ids (the district level on 01/7/2025)."""

    def merge_communes(
        self, *, actor: str, at: _Time, commune: str, name: str, absorbed: Sequence[Mapping[str, Any]]
    ) -> int:
        """Takes over communes merged into this one (R-00): this commune goes on as `commune` (`name`), and each of `absorbed` (as the other commune's `handover()` gives it) brings its cells, members and leadership, linked to the end of its own journal."""

    def add_cell(
        self, *, actor: str, at: _Time, cell: str, name: str, kind: str
    ) -> int:
        """Adds a cell (chi bộ); `kind` is a `CellKind`."""

    def add_member(
        self, *, actor: str, at: _Time, member: str, name: str, home: Mapping[str, str], status: str, joined_on: _Date
    ) -> int:
        """Adds a member to the roll (or a higher-level member who follows cells). `home` is `{"cell": id}` or `{"level": id}`; `status` a `MemberStatus`; `joined_on` a `date`."""

    def set_member_status(
        self, *, actor: str, at: _Time, member: str, status: str
    ) -> int:
        """Changes a member's status (official / probationary)."""

    def set_member_flag(
        self, *, actor: str, at: _Time, member: str, flag: str, on: bool, reason: Optional[str] = None
    ) -> int:
        """Sets (`on=True`) or clears the exempted, suspended or transferred flag; `reason` is required to set exempted or transferred."""

    def move_member(
        self, *, actor: str, at: _Time, member: str, cell: str
    ) -> int:
        """Moves a member's party activity to another cell."""

    def member_leaves(
        self, *, actor: str, at: _Time, member: str, reason: str
    ) -> int:
        """Takes a member off the roll."""

    def appoint_committee(
        self, *, actor: str, at: _Time, committee: Optional[Sequence[str]], members: Sequence[str]
    ) -> int:
        """Sets the members of one of the commune's committees (`executive`, `standing`, `inspection`)."""

    def elect_cell_leadership(
        self, *, actor: str, at: _Time, cell: str, secretary: str, deputy: Optional[str] = None, committee: Optional[Sequence[str]] = None
    ) -> int:
        """Records the cell's elected secretary, deputy and committee (R-11); `committee` lists the whole cell committee, secretary and deputy included, and stays empty under the threshold."""

    def form_cluster(
        self, *, actor: str, at: _Time, cluster: str, name: str, cells: Sequence[str], in_charge: str
    ) -> int:
        """Forms a cluster of cells in the charge of a standing committee member (R-13)."""

    def assign_follower(
        self, *, actor: str, at: _Time, cell: str, member: str
    ) -> int:
        """Assigns a higher-level member to follow a cell (R-13)."""

    def issue_directive(
        self, *, actor: str, at: _Time, directive: str, month: _Month, content: str
    ) -> int:
        """Issues the commune committee's direction for a month (R-22); `month` is `"YYYY-MM"`."""

    def delegate_drafting(
        self, *, actor: str, at: _Time, cell: str, month: _Month, member: str
    ) -> int:
        """The secretary delegates drafting the cell's meetings of `month` (`"YYYY-MM"` or a `date` in it) to a cell committee member (R-22)."""

    def draft_meeting(
        self, *, actor: str, at: _Time, meeting: str, cell: str, month: _Month, kind: str, directive: str, content: str, resolution_items: Sequence[str], scheduled_at: _Time, place: str, topic: Optional[str] = None
    ) -> int:
        """Starts a meeting as a draft (R-22): the secretary's content and draft resolution for the cell's month (`"YYYY-MM"` or a `date` in it), following the commune's directive."""

    def revise_draft(
        self, *, actor: str, at: _Time, meeting: str, content: Optional[str] = None, resolution_items: Optional[Sequence[str]] = None, scheduled_at: Optional[_Time] = None, place: Optional[str] = None, topic: Optional[str] = None
    ) -> int:
        """Revises a draft: any of its content, items, time, place or topic."""

    def hold_preparatory_meeting(
        self, *, actor: str, at: _Time, meeting: str, attendees: Sequence[str], agreed: str
    ) -> int:
        """Records the cell committee's preparatory meeting (R-23)."""

    def send_notice(
        self, *, actor: str, at: _Time, meeting: str
    ) -> int:
        """Sends the notice to members and the higher-level member (R-24)."""

    def publish_documents(
        self, *, actor: str, at: _Time, meeting: str, documents: Sequence[str]
    ) -> int:
        """Publishes the documents to members (R-25)."""

    def record_meeting(
        self, *, actor: str, at: _Time, meeting: str, record: Mapping[str, Any]
    ) -> int:
        """Records the meeting as held, with its vote: draft → adopted (R-30..R-37). `record` is `{started_at, ended_at, place, chair, recorder, roll, guests?, agenda?, speeches?, conclusions?, vote, dues_collected?}` (docs/json.md). What went against the rules (a short meeting, late documents, a failed vote) is recorded with its defects; a failed vote keeps the draft a draft, to be revised and voted at a later sitting."""

    def resolve_admission(
        self, *, actor: str, at: _Time, meeting: str, subject: Mapping[str, Any], vote: Mapping[str, Sequence[str]]
    ) -> int:
        """Records an admission or recognition vote at a held meeting (R-36); `subject` is `{"admit": {"candidate": name}}` or `{"recognise_official": {"member": id}}`."""

    def assign_tasks(
        self, *, actor: str, at: _Time, meeting: str, tasks: Sequence[Mapping[str, Any]], carried_over: Optional[Sequence[Union[str, Mapping[str, Any]]]] = None
    ) -> int:
        """Assigns the tasks: adopted → assigned (R-40, R-41). `tasks` are `{task, owner, content, item (from 1), deadline}`; `carried_over` the unfinished tasks of earlier months, each an id or `{task, as?, deadline?}`: each goes on as a new task `as` (default `<old id>.<meeting>`) due on `deadline` (default the month's last day)."""

    def report_task(
        self, *, actor: str, at: _Time, task: str, outcome: _Outcome, note: Optional[str] = None
    ) -> int:
        """The owner reports a task (R-50); `outcome` is `exceeded`, `on_time`, `late` or `{"not_done": {"reason": text}}`."""

    def carry_over_task(
        self, *, actor: str, at: _Time, task: str, reason: str
    ) -> int:
        """The secretary carries an unreported task over to the next month (R-41)."""

    def assess_report(
        self, *, actor: str, at: _Time, task: str, assessment: Union[str, Mapping[str, Any]]
    ) -> int:
        """The secretary (or a committee member, not the owner) assesses a report (R-51): `assessment` is `"accepted"` or `{"sent_back": {"reason": text}}` (`chibo.sent_back(reason)`)."""

    def cancel_task(
        self, *, actor: str, at: _Time, task: str, reason: str
    ) -> int:
        """The secretary cancels a task."""

    def close_reporting(
        self, *, actor: str, at: _Time, meeting: str
    ) -> int:
        """Closes reporting on a meeting: assigned → reported (R-50)."""

    def open_inspection(
        self, *, actor: str, at: _Time, inspection: str, cell: str, kind: str, inspectors: Sequence[str], meetings: Optional[Sequence[str]] = None, topic: Optional[str] = None
    ) -> int:
        """Opens a supervision or inspection of a cell (R-60); `kind` is an `InspectionKind`, `topic` is required for a thematic supervision."""

    def record_finding(
        self, *, actor: str, at: _Time, inspection: str, criterion: str, satisfactory: bool, text: str, defects: Optional[Sequence[Mapping[str, str]]] = None
    ) -> int:
        """Records a finding (R-61) against a criterion such as `resolution_each_meeting`; `defects` cites defects recorded at the inspected meetings (`{meeting, code}`)."""

    def conclude_inspection(
        self, *, actor: str, at: _Time, inspection: str, conclusion: str, remediations: Optional[Sequence[Mapping[str, Any]]] = None, referral: Optional[str] = None, open_remedies: Optional[Sequence[Mapping[str, Any]]] = None
    ) -> int:
        """Issues the notice of results (R-62): the covered meetings become inspected. `remediations` are `{remediation, requirement, deadline}`; `open_remedies` are `{remediation, note}`, one for each earlier remediation of the cell not yet verified."""

    def report_remedy(
        self, *, actor: str, at: _Time, remediation: str, note: str
    ) -> int:
        """The cell reports a remedy (R-62)."""

    def verify_remedy(
        self, *, actor: str, at: _Time, remediation: str, accepted: bool, note: Optional[str] = None
    ) -> int:
        """The supervisor checks a remedy (R-62)."""

    def mark_overdue(
        self, *, actor: str, at: _Time, remediation: str
    ) -> int:
        """Marks a remediation overdue after its deadline."""

    def propose_score(
        self, *, actor: str, at: _Time, meeting: str, rubric: Optional[Mapping[str, Any]] = None, entered: Optional[Mapping[str, int]] = None
    ) -> int:
        """The cell committee proposes a held meeting's quality score (R-71); `rubric` is a rubric object (the Phú Thọ preset when omitted), `entered` the points people give by criterion id."""

    def vote_score(
        self, *, actor: str, at: _Time, meeting: str, vote: Mapping[str, Sequence[str]]
    ) -> int:
        """The members vote on the proposed score (R-71), counted as for the resolution."""

    def confirm_score(
        self, *, actor: str, at: _Time, meeting: str, accepted: bool, note: Optional[str] = None
    ) -> int:
        """The higher-level member confirms the voted score (`accepted=True`) or returns it (R-71)."""

    def enter_general_points(
        self, *, actor: str, at: _Time, year: int, member: str, points: int
    ) -> int:
        """The cell committee enters a member's general-criteria points (0–30) for the year (R-72)."""

    def self_assess(
        self, *, actor: str, at: _Time, year: int, member: str, category: str, summary: str
    ) -> int:
        """A member writes their self-assessment for the annual review (R-72)."""

    def propose_rating(
        self,
        *,
        actor: str,
        at: _Time,
        meeting: str,
        year: int,
        member: str,
        category: str,
        vote: Mapping[str, Sequence[str]],
    ) -> int:
        """The cell votes, at a held meeting, on the category it proposes for a member (R-72)."""

    def decide_rating(
        self,
        *,
        actor: str,
        at: _Time,
        year: int,
        member: str,
        category: str,
        note: Optional[str] = None,
    ) -> int:
        """The commune committee decides a member's category (R-72)."""

    def record_discipline(
        self, *, actor: str, at: _Time, meeting: str, member: str, form: str, reason: str
    ) -> int:
        """The chair records discipline announced at a held meeting (R-63)."""
