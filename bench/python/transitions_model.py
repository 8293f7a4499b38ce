"""The commune as a Python programmer would model it without chibo: the `transitions` library's
state machines for meetings, tasks, inspections, remediations and scores, plus dicts for the
organisation, with the checks written out by hand as far as they go (roles, order, the roll, the
counted base and the majority, every member assigned, reports by the owner; preparation, length and
a failed vote recorded as defects, as chibo does). It exists only to be timed against chibo in bench/python/lifecycle.py: it is not
the library's rules (those are the Rust core's), and it keeps no journal (no hashing).

A refused command raises `Refused(code)`; the benchmark checks that the model accepts every
command of the generated journals, as chibo does.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Dict, List, Optional, Set

from transitions import Machine, MachineError


class Refused(Exception):
    """The model refused a command."""


def need(condition: bool, code: str) -> None:
    if not condition:
        raise Refused(code)


class Meeting:
    def __init__(self, cell: "Cell", payload: Dict[str, Any]) -> None:
        self.id = payload["meeting"]
        self.cell = cell
        self.kind = payload["kind"]
        self.month = payload["month"]
        self.items = len(payload["resolution_items"])
        self.scheduled_at = datetime.fromisoformat(payload["scheduled_at"])
        self.prepared = False
        self.notice = False
        self.documents_at: Optional[datetime] = None
        self.record: Dict[str, Any] = {}
        self.base = 0
        self.tasks: List[str] = []
        self.defects: List[str] = []


class Task:
    def __init__(self, payload: Dict[str, Any], cell: "Cell", meeting: str) -> None:
        self.id = payload["task"]
        self.owner = payload["owner"]
        self.cell = cell
        self.meeting = meeting


class Inspection:
    def __init__(self, payload: Dict[str, Any]) -> None:
        self.id = payload["inspection"]
        self.cell = payload["cell"]
        self.meetings = list(payload.get("meetings", []))
        self.inspectors = set(payload["inspectors"])


class Remediation:
    def __init__(self, payload: Dict[str, Any], cell: str) -> None:
        self.id = payload["remediation"]
        self.cell = cell
        self.deadline = payload["deadline"]


class Score:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting


class Cell:
    def __init__(self, cell_id: str) -> None:
        self.id = cell_id
        self.members: Set[str] = set()
        self.secretary: Optional[str] = None
        self.deputy: Optional[str] = None
        self.committee: Set[str] = set()
        self.followers: Set[str] = set()
        self.regular: Dict[str, str] = {}
        self.delegates: Dict[str, str] = {}

    def leaders(self) -> Set[str]:
        return {m for m in (self.secretary, self.deputy) if m} | self.committee


# The machines' definitions; each commune builds its own machines from them (a machine keeps a
# list of its models, so machines shared between communes would grow without end).
MEETINGS = dict(
    states=["draft", "adopted", "assigned", "reported", "inspected"],
    transitions=[
        {"trigger": "adopt", "source": "draft", "dest": "adopted"},
        {"trigger": "assign", "source": "adopted", "dest": "assigned"},
        {"trigger": "close", "source": "assigned", "dest": "reported"},
        {"trigger": "inspect", "source": ["reported", "inspected"], "dest": "inspected"},
    ],
    initial="draft",
    auto_transitions=False,
)
TASKS = dict(
    states=["assigned", "done", "unfinished", "carried", "carried_over", "cancelled"],
    transitions=[
        {"trigger": "finish", "source": "assigned", "dest": "done"},
        {"trigger": "fail", "source": "assigned", "dest": "unfinished"},
        {"trigger": "carry", "source": ["assigned", "unfinished"], "dest": "carried"},
        {"trigger": "carry_on", "source": ["carried", "unfinished"], "dest": "carried_over"},
        {"trigger": "send_back", "source": ["done", "unfinished"], "dest": "assigned"},
        {"trigger": "cancel", "source": ["assigned", "unfinished", "carried"], "dest": "cancelled"},
    ],
    initial="assigned",
    auto_transitions=False,
)
INSPECTIONS = dict(
    states=["open", "concluded"],
    transitions=[{"trigger": "conclude", "source": "open", "dest": "concluded"}],
    initial="open",
    auto_transitions=False,
)
REMEDIATIONS = dict(
    states=["open", "remedied", "verified", "overdue"],
    transitions=[
        {"trigger": "remedy", "source": ["open", "overdue"], "dest": "remedied"},
        {"trigger": "accept", "source": "remedied", "dest": "verified"},
        {"trigger": "reject", "source": "remedied", "dest": "open"},
        {"trigger": "lapse", "source": "open", "dest": "overdue"},
    ],
    initial="open",
    auto_transitions=False,
)
SCORES = dict(
    states=["proposed", "voted", "confirmed", "returned"],
    transitions=[
        {"trigger": "vote", "source": "proposed", "dest": "voted"},
        {"trigger": "confirm", "source": "voted", "dest": "confirmed"},
        {"trigger": "give_back", "source": "voted", "dest": "returned"},
        {"trigger": "propose", "source": ["returned", "proposed"], "dest": "proposed"},
    ],
    initial="proposed",
    auto_transitions=False,
)




class Machines:
    """One machine per kind of record, shared by the commune's records of that kind (the
    library's documented way to drive many models: `Machine(model=None, …)` and `add_model`)."""

    def __init__(self) -> None:
        self.meetings = Machine(model=None, **MEETINGS)
        self.tasks = Machine(model=None, **TASKS)
        self.inspections = Machine(model=None, **INSPECTIONS)
        self.remediations = Machine(model=None, **REMEDIATIONS)
        self.scores = Machine(model=None, **SCORES)


class TransitionsCommune:
    """The commune, command by command."""

    def __init__(self) -> None:
        self.machines = Machines()
        self.registrar = ""
        self.committees: Dict[str, Set[str]] = {"executive": set(), "standing": set(), "inspection": set()}
        self.cells: Dict[str, Cell] = {}
        self.members: Dict[str, Dict[str, Any]] = {}
        self.directives: Dict[str, str] = {}
        self.meetings: Dict[str, Meeting] = {}
        self.tasks: Dict[str, Task] = {}
        self.inspections: Dict[str, Inspection] = {}
        self.remediations: Dict[str, Remediation] = {}
        self.scores: Dict[str, Score] = {}
        self.points: Dict[str, int] = {}
        self.assessed: Set[str] = set()
        self.proposed: Dict[str, str] = {}
        self.decided: Dict[str, str] = {}
        self.disciplined: Set[str] = set()

    def execute(self, command: Dict[str, Any]) -> None:
        (name, payload), = command["action"].items()
        handler = getattr(self, name, None)
        need(handler is not None, "input.malformed")
        try:
            handler(command["actor"], datetime.fromisoformat(command["at"]), payload)
        except MachineError as error:
            raise Refused("transition.out_of_order") from error

    # --- organisation
    def organiser(self, actor: str) -> None:
        need(actor == self.registrar or actor in self.committees["standing"], "permission.denied")

    def active(self, member: str) -> bool:
        m = self.members.get(member)
        return m is not None and not m["left"] and not m["suspended"] and not m["transferred"]

    def establish_commune(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        need(not self.registrar, "transition.out_of_order")
        self.registrar = p["registrar"]

    def add_cell(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        need(p["cell"] not in self.cells, "lookup.duplicate_id")
        self.cells[p["cell"]] = Cell(p["cell"])

    def add_member(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        if self.members:
            self.organiser(actor)
        need(p["member"] not in self.members, "lookup.duplicate_id")
        cell = p["home"].get("cell")
        need(cell is None or cell in self.cells, "lookup.unknown")
        self.members[p["member"]] = {"cell": cell, "status": p["status"], "exempted": False,
                                     "suspended": False, "transferred": False, "left": False}
        if cell:
            self.cells[cell].members.add(p["member"])

    def set_member_flag(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        member = self.members[p["member"]]
        need(not (p["on"] and p["flag"] in ("exempted", "transferred") and not p.get("reason")), "input.empty")
        need(member[p["flag"]] != p["on"], "organisation.no_change")
        member[p["flag"]] = p["on"]

    def set_member_status(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        self.members[p["member"]]["status"] = p["status"]

    def move_member(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        member = self.members[p["member"]]
        if member["cell"]:
            self.cells[member["cell"]].members.discard(p["member"])
        member["cell"] = p["cell"]
        self.cells[p["cell"]].members.add(p["member"])

    def reorganise_levels(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)  # the levels above the commune are not modelled

    def member_leaves(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        need(not self.members[p["member"]]["left"], "organisation.member_left")
        self.members[p["member"]]["left"] = True

    def appoint_committee(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        need(all(m in self.members for m in p["members"]), "lookup.unknown")
        self.committees[p["committee"]] = set(p["members"])

    def elect_cell_leadership(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        cell = self.cells[p["cell"]]
        officials = [m for m in cell.members if self.active(m) and self.members[m]["status"] == "official"]
        committee = set(p.get("committee") or [])
        need(bool(committee) == (len(officials) >= 9), "organisation.committee_required")
        for leader in filter(None, [p["secretary"], p.get("deputy")]):
            need(leader in cell.members and self.members[leader]["status"] == "official",
                 "organisation.not_eligible_for_election")
            need(not committee or leader in committee, "organisation.leader_not_in_committee")
        cell.secretary, cell.deputy, cell.committee = p["secretary"], p.get("deputy"), committee

    def form_cluster(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        need(p["in_charge"] in self.committees["standing"], "organisation.not_standing_member")

    def assign_follower(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        self.organiser(actor)
        member = self.members[p["member"]]
        need(p["member"] in self.committees["executive"] or member["cell"] is None, "organisation.not_higher_level")
        need(member["cell"] != p["cell"], "organisation.follower_own_cell")
        self.cells[p["cell"]].followers.add(p["member"])

    def issue_directive(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        need(actor in self.committees["standing"], "permission.denied")
        need(p["directive"] not in self.directives, "lookup.duplicate_id")
        self.directives[p["directive"]] = p["month"]

    # --- meetings
    def leader_of(self, actor: str, meeting: Meeting) -> None:
        need(actor in meeting.cell.leaders(), "permission.denied")

    def draft_meeting(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        cell = self.cells[p["cell"]]
        need(actor in cell.leaders(), "permission.denied")
        need(p["meeting"] not in self.meetings, "lookup.duplicate_id")
        need(self.directives.get(p["directive"]) == p["month"], "preparation.directive_wrong_month")
        need(p["scheduled_at"][:7] == p["month"], "preparation.outside_month")
        need(bool(p["resolution_items"]), "preparation.no_resolution_items")
        need(p["kind"] != "thematic" or bool(p.get("topic")), "preparation.topic_required")
        officials = [m for m in cell.members if self.active(m) and self.members[m]["status"] == "official"]
        need(len(officials) >= 3, "organisation.cell_too_small")
        if p["kind"] == "regular":
            need(p["month"] not in cell.regular, "preparation.duplicate_regular")
            cell.regular[p["month"]] = p["meeting"]
        meeting = Meeting(cell, p)
        self.machines.meetings.add_model(meeting)
        self.meetings[meeting.id] = meeting

    def delegate_drafting(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        cell = self.cells[p["cell"]]
        need(actor == cell.secretary, "permission.denied")
        need(p["member"] in cell.leaders(), "preparation.delegate_not_committee")
        cell.delegates[p["month"]] = p["member"]

    def revise_draft(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state == "draft", "transition.out_of_order")
        if p.get("resolution_items"):
            meeting.items = len(p["resolution_items"])
        if p.get("scheduled_at"):
            meeting.scheduled_at = datetime.fromisoformat(p["scheduled_at"])

    def hold_preparatory_meeting(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state == "draft", "transition.out_of_order")
        need(all(a in meeting.cell.leaders() for a in p["attendees"]), "preparation.preparatory_attendee")
        need(at < meeting.scheduled_at, "preparation.not_before_start")
        meeting.prepared = True

    def send_notice(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state == "draft", "transition.out_of_order")
        meeting.notice = True  # without a preparatory meeting: a defect at the sitting, as in chibo

    def publish_documents(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state == "draft", "transition.out_of_order")
        need(meeting.notice, "preparation.notice_missing")
        meeting.documents_at = at

    def record_meeting(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        record = p["record"]
        need(actor == record["chair"], "permission.not_chair")
        started = datetime.fromisoformat(record["started_at"])
        ended = datetime.fromisoformat(record["ended_at"])
        # What happened against the rules is recorded with the sitting, not refused.
        defects = []
        if not meeting.prepared:
            defects.append("no_preparatory_meeting")
        if not meeting.notice:
            defects.append("notice_missing")
        if meeting.documents_at is None:
            defects.append("documents_missing")
        elif meeting.documents_at > started - timedelta(hours=24):
            defects.append("documents_late")
        minutes = (ended - started).total_seconds() / 60
        if minutes < (120 if meeting.kind == "combined" else 90):
            defects.append("too_short")
        cell = meeting.cell
        roll = {entry["member"]: entry["attendance"] for entry in record["roll"]}
        need(len(roll) == len(record["roll"]), "meeting.roll_duplicate")
        need(all(m in cell.members for m in roll), "meeting.roll_not_in_cell")
        need(all(m in roll for m in cell.members if self.active(m)), "meeting.roll_incomplete")
        present = {m for m, a in roll.items() if a == "present"}
        need(record["chair"] in present and record["chair"] in cell.leaders(), "meeting.chair_absent")
        need(record["recorder"] in present, "meeting.recorder_absent")
        base = self.counted_base(roll)
        vote = record["vote"]
        ballots = vote.get("yes", []) + vote.get("no", []) + vote.get("abstain", [])
        need(len(ballots) == len(set(ballots)), "vote.duplicate_ballot")
        need(all(b in present and self.members[b]["status"] == "official" for b in ballots), "vote.not_eligible")
        if len(vote.get("yes", [])) * 2 <= base:
            meeting.defects.extend(defects + ["resolution_failed"])  # the draft stays a draft
            return
        meeting.defects.extend(defects)
        meeting.record, meeting.base = record, base
        meeting.adopt()

    def counted_base(self, roll: Dict[str, Any]) -> int:
        """Official members on the roll who are present, or absent without excuse and not
        exempted; the suspended and transferred are left out."""
        base = 0
        for member, attendance in roll.items():
            m = self.members[member]
            if m["status"] != "official" or not self.active(member):
                continue
            if attendance == "present" or (attendance == "absent_unexcused" and not m["exempted"]):
                base += 1
        return base

    def resolve_admission(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state != "draft", "transition.out_of_order")
        officials = [m for m in meeting.cell.members if self.active(m) and self.members[m]["status"] == "official"]
        need(len(p["vote"].get("yes", [])) * 3 >= len(officials) * 2, "vote.two_thirds_not_reached")
        subject = p["subject"].get("recognise_official")
        if subject:
            member = self.members[subject["member"]]
            need(member["status"] == "probationary", "vote.not_probationary")
            member["status"] = "official"

    def assign_tasks(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state == "adopted", "transition.out_of_order")
        need(bool(p["tasks"]), "assignment.no_tasks")
        cell = meeting.cell
        owners = set()
        for task in p["tasks"]:
            need(task["task"] not in self.tasks, "lookup.duplicate_id")
            need(1 <= task["item"] <= meeting.items, "assignment.unknown_item")
            need(task["deadline"] >= meeting.record["started_at"][:10], "assignment.deadline_before_meeting")
            need(self.active(task["owner"]) and not self.members[task["owner"]]["exempted"],
                 "assignment.owner_cannot_work")
            owners.add(task["owner"])
        if meeting.kind != "thematic":  # a thematic meeting may task only some members
            for member in cell.members:
                if self.active(member) and not self.members[member]["exempted"]:
                    need(member in owners, "assignment.member_without_task")
        new_tasks = list(p["tasks"])
        for carried in p.get("carried_over", []):
            carried = carried if isinstance(carried, dict) else {"task": carried}
            task = self.tasks[carried["task"]]
            need(task.cell is cell and task.state in ("carried", "unfinished"), "assignment.not_unfinished")
            task.carry_on()
            new_id = carried.get("as") or f"{task.id}.{meeting.id}"
            need(new_id not in self.tasks, "lookup.duplicate_id")
            new_tasks.append({"task": new_id, "owner": task.owner})
        for payload in new_tasks:
            task = Task(payload, cell, meeting.id)
            self.machines.tasks.add_model(task)
            self.tasks[task.id] = task
            meeting.tasks.append(task.id)
        meeting.assign()

    def report_task(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        task = self.tasks[p["task"]]
        need(actor == task.owner, "permission.not_task_owner")
        outcome = p["outcome"]
        if isinstance(outcome, dict):
            need(bool(outcome["not_done"].get("reason")), "report.reason_required")
            task.fail()
        else:
            task.finish()

    def assess_report(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        task = self.tasks[p["task"]]
        need(actor in task.cell.leaders(), "permission.denied")
        need(actor != task.owner, "report.own_report")
        need(task.state in ("done", "unfinished"), "report.nothing_to_assess")
        if p["assessment"] != "accepted":
            need(bool(p["assessment"]["sent_back"]["reason"].strip()), "input.empty")
            task.send_back()

    def carry_over_task(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        task = self.tasks[p["task"]]
        need(actor in task.cell.leaders(), "permission.denied")
        task.carry()

    def cancel_task(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        task = self.tasks[p["task"]]
        need(actor in task.cell.leaders(), "permission.denied")
        task.cancel()

    def close_reporting(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        for task_id in meeting.tasks:
            task = self.tasks[task_id]
            need(task.meeting != meeting.id or task.state != "assigned", "report.task_unresolved")
        meeting.close()

    # --- inspection and scores
    def open_inspection(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        need(any(actor in c for c in self.committees.values()), "permission.denied")
        need(bool(p["inspectors"]), "inspection.no_inspectors")
        need(bool(p.get("meetings")), "inspection.no_meetings")
        need(p["kind"] != "thematic_supervision" or bool(p.get("topic")), "inspection.topic_required")
        for meeting_id in p["meetings"]:
            meeting = self.meetings[meeting_id]
            need(meeting.cell.id == p["cell"], "inspection.meeting_other_cell")
            need(meeting.state in ("reported", "inspected"), "inspection.meeting_not_reported")
        inspection = Inspection(p)
        self.machines.inspections.add_model(inspection)
        self.inspections[inspection.id] = inspection

    def record_finding(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        inspection = self.inspections[p["inspection"]]
        need(actor in inspection.inspectors, "permission.not_inspector")
        need(inspection.state == "open", "transition.out_of_order")

    def conclude_inspection(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        inspection = self.inspections[p["inspection"]]
        need(actor in inspection.inspectors, "permission.not_inspector")
        need(bool(p["conclusion"]), "inspection.conclusion_required")
        for payload in p.get("remediations", []):
            need(payload["deadline"] >= at.date().isoformat(), "inspection.deadline_before_notice")
        inspection.conclude()
        for meeting_id in inspection.meetings:
            self.meetings[meeting_id].inspect()
        for payload in p.get("remediations", []):
            remediation = Remediation(payload, inspection.cell)
            self.machines.remediations.add_model(remediation)
            self.remediations[remediation.id] = remediation

    def report_remedy(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        remediation = self.remediations[p["remediation"]]
        need(actor in self.cells[remediation.cell].leaders(), "permission.denied")
        remediation.remedy()

    def verify_remedy(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        remediation = self.remediations[p["remediation"]]
        need(any(actor in c for c in self.committees.values()), "permission.denied")
        remediation.accept() if p["accepted"] else remediation.reject()

    def mark_overdue(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        remediation = self.remediations[p["remediation"]]
        need(at.date().isoformat() > remediation.deadline, "remediation.not_due")
        remediation.lapse()

    def propose_score(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state != "draft", "transition.out_of_order")
        score = self.scores.get(meeting.id)
        if score is None:
            score = Score(meeting)
            self.machines.scores.add_model(score)
            self.scores[meeting.id] = score
        else:
            score.propose()

    def vote_score(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        score = self.scores[p["meeting"]]
        need(actor in score.meeting.cell.leaders(), "permission.denied")
        need(len(p["vote"].get("yes", [])) * 2 > score.meeting.base, "vote.score_failed")
        score.vote()

    def confirm_score(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        score = self.scores[p["meeting"]]
        cell = score.meeting.cell
        need(actor in cell.followers or actor in self.committees["standing"] or actor in self.committees["executive"],
             "permission.denied")
        score.confirm() if p["accepted"] else score.give_back()

    def enter_general_points(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        member = self.members[p["member"]]
        need(member["cell"] is not None and actor in self.cells[member["cell"]].leaders(), "permission.denied")
        need(0 <= p["points"] <= 30, "input.too_long")
        self.points[p["member"]] = p["points"]

    # --- the year-end review (self-assessment, the cell's proposal, the committee's decision)
    def self_assess(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        need(actor == p["member"] and self.active(actor), "permission.denied")
        need(actor not in self.assessed, "transition.out_of_order")
        self.assessed.add(actor)

    def propose_rating(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state != "draft", "transition.out_of_order")
        need(p["member"] in self.assessed and p["member"] not in self.proposed, "transition.out_of_order")
        need(len(p["vote"].get("yes", [])) * 2 > meeting.base, "vote.rating_failed")
        self.proposed[p["member"]] = p["category"]

    def decide_rating(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        need(actor in self.committees["standing"], "permission.denied")
        need(p["member"] in self.proposed and p["member"] not in self.decided, "transition.out_of_order")
        self.decided[p["member"]] = p["category"]

    def record_discipline(self, actor: str, at: datetime, p: Dict[str, Any]) -> None:
        meeting = self.meetings[p["meeting"]]
        self.leader_of(actor, meeting)
        need(meeting.state != "draft", "transition.out_of_order")
        need(self.members[p["member"]]["cell"] == meeting.cell.id, "permission.denied")
        self.disciplined.add(p["member"])
