//! Every rule of RULES.md, and what the core does when a fact meets it: refuse what cannot be,
//! record with a defect what happened against the rule, raise an alert, or measure it in a
//! report. docs/rules.md's classification table is generated from this list, and a test checks
//! that every refusal code, defect code and alert kind appears in it.

/// What the core does for one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Refused with this code: it cannot be, so nothing changes.
    Refusal(&'static str),
    /// Recorded with this defect (crate::defect): it happened against the rule.
    Defect(&'static str),
    /// An alert of this kind (crate::report::alerts): something to act on.
    Alert(&'static str),
    /// Recorded as an outcome (a vote that did not pass, a score not approved), neither refused
    /// nor a defect.
    Recorded(&'static str),
    /// Measured in a report (the quality score, the annual rating, the dashboard).
    Measured(&'static str),
    /// Not modelled yet, and why.
    NotModelled(&'static str),
}

/// The rules of RULES.md, each with its outcomes.
pub const RULES: &[(&str, &str, &[Outcome])] = {
    use Outcome::{Alert, Defect, Measured, NotModelled, Recorded, Refusal};
    &[
        (
            "R-00",
            "rule sets and levels by date",
            &[
                Refusal("transition.retroactive_rule"),
                Measured("the rules in force on each day (RuleBook)"),
                Recorded("reorganise_levels: levels added or abolished from a day on"),
                Recorded("merge_communes: the book goes on as the merged commune's, taking over the others' cells with a link to their books"),
                Refusal("organisation.level_abolished"),
            ],
        ),
        (
            "R-10",
            "a cell has at least 3 official members",
            &[Refusal("organisation.cell_too_small")],
        ),
        (
            "R-11",
            "secretary, deputy, cell committee",
            &[
                Refusal("organisation.committee_not_allowed"),
                Refusal("organisation.committee_required"),
                Refusal("organisation.committee_too_large"),
                Refusal("organisation.leader_not_in_committee"),
                Refusal("organisation.secretary_is_deputy"),
                Refusal("organisation.not_eligible_for_election"),
            ],
        ),
        (
            "R-12",
            "party groups",
            &[NotModelled("no party groups are recorded yet")],
        ),
        (
            "R-13",
            "committees, clusters, followers",
            &[
                Refusal("organisation.not_standing_member"),
                Refusal("organisation.follower_own_cell"),
                Refusal("organisation.not_higher_level"),
                Refusal("organisation.no_change"),
                Refusal("permission.denied"),
            ],
        ),
        (
            "R-14",
            "member status and flags",
            &[
                Refusal("organisation.member_left"),
                Refusal("permission.not_active"),
            ],
        ),
        (
            "R-20",
            "a regular meeting each month",
            &[
                Refusal("preparation.duplicate_regular"),
                Refusal("preparation.outside_month"),
                Alert("no_regular_meeting"),
            ],
        ),
        (
            "R-21",
            "thematic meetings each quarter",
            &[
                Refusal("preparation.topic_required"),
                Alert("thematic_quota_missed"),
            ],
        ),
        (
            "R-22",
            "the draft applies the month's direction; the secretary may delegate drafting",
            &[
                Refusal("preparation.directive_wrong_month"),
                Refusal("preparation.no_resolution_items"),
                Refusal("preparation.delegate_not_committee"),
                Recorded("delegate_drafting: the committee member drafting the month's meetings"),
            ],
        ),
        (
            "R-23",
            "the committee prepares the meeting",
            &[
                Refusal("preparation.preparatory_attendee"),
                Defect("no_preparatory_meeting"),
                Defect("preparatory_after_start"),
                Alert("meeting_defect"),
            ],
        ),
        (
            "R-24",
            "time, place and content sent",
            &[
                Recorded(
                    "the notice's recipients: members, followers, the cluster's member in charge",
                ),
                Defect("notice_missing"),
                Defect("notice_after_start"),
                Alert("meeting_defect"),
            ],
        ),
        (
            "R-25",
            "documents published in time",
            &[
                Defect("documents_missing"),
                Defect("documents_late"),
                Alert("documents_late"),
            ],
        ),
        (
            "R-30",
            "the meeting's length",
            &[
                Refusal("meeting.ends_before_start"),
                Refusal("meeting.sitting_overlaps"),
                Defect("too_short"),
                Alert("meeting_defect"),
            ],
        ),
        (
            "R-31",
            "the roll, dues, agenda, recorder",
            &[
                Refusal("meeting.roll_incomplete"),
                Refusal("meeting.roll_not_in_cell"),
                Refusal("meeting.roll_duplicate"),
                Refusal("meeting.absence_reason_required"),
                Refusal("meeting.chair_absent"),
                Refusal("meeting.recorder_absent"),
                Refusal("meeting.chair_not_leader"),
                Refusal("permission.not_chair"),
            ],
        ),
        (
            "R-32",
            "the content of a regular meeting",
            &[Measured(
                "quality score: previous tasks reported, speakers, conclusions",
            )],
        ),
        (
            "R-33",
            "the minutes",
            &[
                Refusal("meeting.guest_not_higher_level"),
                Refusal("meeting.speaker_not_present"),
                Measured("the minutes (report::minutes)"),
            ],
        ),
        (
            "R-34",
            "who votes",
            &[
                Refusal("vote.not_eligible"),
                Refusal("vote.duplicate_ballot"),
            ],
        ),
        (
            "R-35",
            "more than half of the counted base",
            &[Defect("resolution_failed"), Alert("meeting_defect")],
        ),
        (
            "R-36",
            "two thirds to admit or recognise",
            &[
                Refusal("vote.not_probationary"),
                Recorded("an admission vote short of two thirds: not passed"),
            ],
        ),
        (
            "R-37",
            "no quorum rule unless set; a failed resolution keeps the draft",
            &[
                Defect("quorum_not_met"),
                Recorded("the failed sitting kept on the draft"),
            ],
        ),
        (
            "R-40",
            "every member who can work gets a task",
            &[
                Refusal("assignment.member_without_task"),
                Refusal("assignment.owner_cannot_work"),
                Refusal("assignment.unknown_item"),
                Refusal("assignment.deadline_before_meeting"),
                Refusal("assignment.no_tasks"),
                Alert("task_overdue"),
            ],
        ),
        (
            "R-41",
            "unfinished tasks carry over",
            &[
                Refusal("assignment.carry_over_missing"),
                Refusal("assignment.not_unfinished"),
            ],
        ),
        (
            "R-50",
            "members report their results",
            &[
                Refusal("permission.not_task_owner"),
                Refusal("report.reason_required"),
                Refusal("report.task_unresolved"),
            ],
        ),
        (
            "R-51",
            "the secretary checks each member",
            &[
                Recorded("assess_report: accepted, or sent back to be reported again"),
                Refusal("report.nothing_to_assess"),
                Refusal("report.own_report"),
                Refusal("report.reporting_closed"),
            ],
        ),
        (
            "R-52",
            "results feed the score and the rating",
            &[Measured("quality score, annual rating")],
        ),
        (
            "R-60",
            "supervision by the superior committee",
            &[
                Refusal("inspection.no_inspectors"),
                Refusal("inspection.no_meetings"),
                Refusal("inspection.topic_required"),
                Refusal("inspection.meeting_not_reported"),
                Refusal("inspection.meeting_other_cell"),
                Refusal("permission.not_inspector"),
            ],
        ),
        (
            "R-61",
            "what is checked",
            &[Refusal("inspection.defect_not_recorded")],
        ),
        (
            "R-62",
            "the notice of results, remedies",
            &[
                Refusal("inspection.conclusion_required"),
                Refusal("inspection.deadline_before_notice"),
                Refusal("inspection.open_remedies_unaddressed"),
                Refusal("remediation.not_due"),
                Alert("remediation_overdue"),
            ],
        ),
        (
            "R-63",
            "reprimand and warning",
            &[
                Recorded("discipline announced at a meeting"),
                Refusal("report.above_discipline_cap"),
            ],
        ),
        (
            "R-70",
            "attendance and absences",
            &[
                Defect("attendance_low"),
                Alert("consecutive_absences"),
                Alert("meeting_defect"),
            ],
        ),
        (
            "R-71",
            "the meeting's quality score",
            &[
                Recorded("a score the members do not approve"),
                Measured("quality score and the year's verdict"),
            ],
        ),
        (
            "R-72",
            "the annual rating",
            &[
                Measured("annual ratings"),
                Recorded("self-assessment, the cell's vote that did not pass, the decision"),
                Refusal("report.not_rateable"),
                Refusal("report.excellent_cap_reached"),
            ],
        ),
        (
            "R-80",
            "three months without reason",
            &[Alert("removal_proposal")],
        ),
        (
            "R-81",
            "higher-level members' attendance",
            &[Alert("follower_attendance_low")],
        ),
        (
            "R-82",
            "online and party-group meetings",
            &[NotModelled("pilots; parameters only")],
        ),
    ]
};

/// Refusal codes that belong to no single rule: the record itself (unknown or duplicate ids,
/// input that cannot be read, steps out of order or out of time, the journal's integrity).
pub const GENERAL_REFUSALS: &[&str] = &[
    "lookup.",
    "input.",
    "journal.",
    "transition.out_of_order",
    "transition.dated_before",
    "permission.denied",
];
