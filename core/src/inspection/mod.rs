//! Supervision and inspection by the superior committee (kiểm tra, giám sát; R-60..R-62).
//!
//! ```text
//!   open_inspection          record_finding (any number)
//!        │                        ┌──┐
//!        ▼                        ▼  │
//!   ┌────────┐ ───────────────────┘  conclude_inspection  ┌───────────┐
//!   │  Open  │ ─────────────────────────────────────────▶ │ Concluded │ ─▶ remediations (open …)
//!   └────────┘   notice of results: assessment,           └───────────┘    covered meetings
//!                remediations with deadlines, referral                     become `inspected`
//! ```

mod checks;
mod remediation;

pub(crate) use checks::open_remedies;

pub use remediation::{
    NewRemediation, OpenRemedy, Remediation, RemediationEntry, RemediationState,
};

use crate::error::{Error, InspectionError, PermissionError, TransitionError};
use crate::ids::{CellId, InspectionId, MeetingId, MemberId, RemediationId};
use crate::text;
use crate::time::Timestamp;
use serde::{Deserialize, Serialize};

/// The kind of check (R-60).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    /// Giám sát thường xuyên: attending meetings, reading minutes, resolutions and results.
    RegularSupervision,
    /// Giám sát chuyên đề: from a yearly plan announced to the cell.
    ThematicSupervision,
    /// Kiểm tra: formal inspection, opened by the inspection or standing committee.
    FormalInspection,
}

/// What is checked (R-61).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// A resolution follows each meeting.
    ResolutionEachMeeting,
    /// Every member had an assignment.
    EveryMemberAssigned,
    /// Absences and their reasons.
    Absences,
    /// The minutes book.
    MinutesBook,
    /// Each member's implementation.
    MemberImplementation,
    /// The cell's work with mass organisations in the hamlet.
    MassOrganisations,
    /// Anything else.
    Other,
}

/// The command opening a supervision or inspection of a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct OpenInspection {
    /// The new inspection's id.
    pub inspection: InspectionId,
    /// The cell.
    pub cell: CellId,
    /// Regular or thematic supervision, or formal inspection.
    pub kind: InspectionKind,
    /// The meetings whose minutes and results are read (all must be reported).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub meetings: Vec<MeetingId>,
    /// Who carries it out.
    pub inspectors: Vec<MemberId>,
    /// The topic, for thematic supervision (from the announced plan).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub topic: Option<String>,
}

/// The command recording one finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct RecordFinding {
    /// The inspection.
    pub inspection: InspectionId,
    /// What was checked (R-61).
    pub criterion: Criterion,
    /// Whether it was found in order.
    pub satisfactory: bool,
    /// What was found.
    pub text: String,
    /// Defects recorded on the cell's meetings that the finding rests on (R-61).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub defects: Vec<DefectRef>,
}

/// A recorded defect of a meeting, as a finding cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct DefectRef {
    /// The meeting.
    pub meeting: MeetingId,
    /// The defect's code, e.g. `too_short`.
    pub code: String,
}

/// One finding as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    /// What was checked.
    pub criterion: Criterion,
    /// Whether it was in order.
    pub satisfactory: bool,
    /// What was found.
    pub text: String,
    /// By whom.
    pub by: MemberId,
    /// When.
    pub at: Timestamp,
    /// The recorded defects it cites.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub defects: Vec<DefectRef>,
}

/// The command concluding: the notice of results (thông báo kết luận, R-62).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[serde(deny_unknown_fields)]
pub struct ConcludeInspection {
    /// The inspection.
    pub inspection: InspectionId,
    /// The objective assessment.
    pub conclusion: String,
    /// Requirements to remedy shortcomings, each with its deadline.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub remediations: Vec<NewRemediation>,
    /// Where a violation is suspected: the reason for referral to formal inspection.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub referral: Option<String>,
    /// Every remediation of the cell still not verified, each with what the inspectors found of
    /// it (R-62): a conclusion does not pass over an open remedy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub open_remedies: Vec<OpenRemedy>,
}

/// The notice of results as issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InspectionNotice {
    /// When.
    pub at: Timestamp,
    /// By whom.
    pub by: MemberId,
    /// The assessment.
    pub conclusion: String,
    /// The remediations required.
    pub remediations: Vec<RemediationId>,
    /// The referral to formal inspection, if any.
    pub referral: Option<String>,
    /// The earlier remediations still open, as the conclusion faced them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub open_remedies: Vec<OpenRemedy>,
}

/// The state of an inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[serde(rename_all = "snake_case")]
pub enum InspectionState {
    /// Under way: findings being recorded.
    Open,
    /// The notice of results issued.
    Concluded,
}

impl InspectionState {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            InspectionState::Open => "open",
            InspectionState::Concluded => "concluded",
        }
    }
}

/// A supervision or inspection of one cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Inspection {
    /// Its id.
    pub id: InspectionId,
    /// The cell.
    pub cell: CellId,
    /// Its kind.
    pub kind: InspectionKind,
    /// The meetings covered.
    pub meetings: Vec<MeetingId>,
    /// Who carries it out.
    pub inspectors: Vec<MemberId>,
    /// The thematic topic, if any.
    pub topic: Option<String>,
    /// Who opened it.
    pub opened_by: MemberId,
    /// When.
    pub opened_at: Timestamp,
    /// What was found, in order.
    pub findings: Vec<Finding>,
    /// Its state.
    pub state: InspectionState,
    /// The notice of results, once concluded.
    pub notice: Option<InspectionNotice>,
}

impl Inspection {
    pub(crate) fn open(
        command: OpenInspection,
        by: &MemberId,
        at: Timestamp,
    ) -> Result<Self, Error> {
        if command.inspectors.is_empty() {
            return Err(InspectionError::NoInspectors.into());
        }
        match command.kind {
            InspectionKind::ThematicSupervision => match &command.topic {
                Some(t) if !t.trim().is_empty() => text::bounded("topic", t)?,
                _ => return Err(InspectionError::TopicRequired.into()),
            },
            InspectionKind::RegularSupervision if command.meetings.is_empty() => {
                return Err(InspectionError::NoMeetings.into())
            }
            _ => {}
        }
        Ok(Self {
            id: command.inspection,
            cell: command.cell,
            kind: command.kind,
            meetings: command.meetings,
            inspectors: command.inspectors,
            topic: command.topic,
            opened_by: by.clone(),
            opened_at: at,
            findings: Vec::new(),
            state: InspectionState::Open,
            notice: None,
        })
    }

    pub(crate) fn require_open_inspector(
        &self,
        actor: &MemberId,
        action: &str,
    ) -> Result<(), Error> {
        if !self.inspectors.contains(actor) {
            return Err(PermissionError::NotInspector {
                actor: actor.clone(),
                inspection: self.id.clone(),
            }
            .into());
        }
        if self.state != InspectionState::Open {
            return Err(TransitionError::out_of_order(
                "inspection",
                &self.id,
                self.state.as_str(),
                action,
                "open",
            )
            .into());
        }
        Ok(())
    }

    /// Whether the member is one of its inspectors.
    pub fn is_inspector(&self, member: &MemberId) -> bool {
        self.inspectors.contains(member)
    }

    /// Records a finding, by one of the inspectors, while open.
    pub fn record_finding(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        command: RecordFinding,
    ) -> Result<(), Error> {
        self.require_open_inspector(actor, "record_finding")?;
        text::required("text", &command.text)?;
        self.findings.push(Finding {
            criterion: command.criterion,
            satisfactory: command.satisfactory,
            text: command.text,
            by: actor.clone(),
            at,
            defects: command.defects,
        });
        Ok(())
    }

    /// Issues the notice of results, by one of the inspectors: open → concluded. Returns the
    /// remediations it requires.
    pub fn conclude(
        &mut self,
        actor: &MemberId,
        at: Timestamp,
        command: ConcludeInspection,
    ) -> Result<Vec<Remediation>, Error> {
        self.require_open_inspector(actor, "conclude_inspection")?;
        if command.conclusion.trim().is_empty() {
            return Err(InspectionError::ConclusionRequired.into());
        }
        text::bounded("conclusion", &command.conclusion)?;
        if let Some(referral) = &command.referral {
            text::required("referral", referral)?;
        }
        let today = at.date_naive();
        let mut remediations = Vec::with_capacity(command.remediations.len());
        for new in command.remediations {
            text::required("requirement", &new.requirement)?;
            if new.deadline < today {
                return Err(InspectionError::DeadlineBeforeNotice {
                    remediation: new.remediation,
                    deadline: new.deadline,
                }
                .into());
            }
            remediations.push(Remediation::new(new, self.id.clone(), self.cell.clone()));
        }
        self.state = InspectionState::Concluded;
        self.notice = Some(InspectionNotice {
            at,
            by: actor.clone(),
            conclusion: command.conclusion,
            remediations: remediations.iter().map(|r| r.id.clone()).collect(),
            referral: command.referral,
            open_remedies: command.open_remedies,
        });
        Ok(remediations)
    }
}
