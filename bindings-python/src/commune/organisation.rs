//! The organisation's commands (R-10..R-14) and the commune's monthly direction, one method each.
//! Every method takes the actor (a member id) and the time (`datetime` with its offset) and the
//! payload of docs/json.md as keyword arguments; it returns the record's sequence number.

use super::{payload, Commune};
use crate::convert;
use pyo3::prelude::*;

type Arg<'a, 'py> = &'a Bound<'py, PyAny>;
type Opt<'a, 'py> = Option<&'a Bound<'py, PyAny>>;

#[pymethods]
impl Commune {
    /// Founds the commune's record: the first event of every journal. `levels` lists the levels
    /// above it (`{id, name, kind, parent?}`); `rules` chooses a preset and overrides
    /// (default: `national`, the documents each on the dates they were in force; none).
    #[pyo3(signature = (*, actor, at, commune, name, registrar, levels=None, rules=None))]
    #[allow(clippy::too_many_arguments)]
    fn establish_commune(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        commune: Arg,
        name: Arg,
        registrar: Arg,
        levels: Opt,
        rules: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(commune, name, registrar, levels, rules);
        self.act(py, actor, at, "establish_commune", payload)
    }

    /// Adopts the commune's own rules from `from_` (a date, not before today) on: `overrides`
    /// maps parameters to `{value, source}` (docs/rules.md).
    #[pyo3(signature = (*, actor, at, from_, overrides))]
    fn amend_rules(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        from_: Arg,
        overrides: Arg,
    ) -> PyResult<u64> {
        let mut payload = payload!(overrides);
        crate::commune::Field::put(from_, &mut payload, "from")?;
        self.act(py, actor, at, "amend_rules", payload)
    }

    /// Adds levels above the commune and abolishes others from today on: `add` are
    /// `{id, name, kind, parent?}`, `abolish` level ids (the district level on 01/7/2025).
    #[pyo3(signature = (*, actor, at, add=None, abolish=None))]
    fn reorganise_levels(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        add: Opt,
        abolish: Opt,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "reorganise_levels", payload!(add, abolish))
    }

    /// Takes over communes merged into this one: this commune goes on as `commune`
    /// (`name`), and each of `absorbed` (as the other commune's `handover()` gives it) brings its
    /// cells, members and leadership, linked to the end of its own journal.
    #[pyo3(signature = (*, actor, at, commune, name, absorbed))]
    #[allow(clippy::too_many_arguments)]
    fn merge_communes(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        commune: Arg,
        name: Arg,
        absorbed: Arg,
    ) -> PyResult<u64> {
        self.act(
            py,
            actor,
            at,
            "merge_communes",
            payload!(commune, name, absorbed),
        )
    }

    /// Adds a cell (chi bộ); `kind` is a `CellKind`.
    #[pyo3(signature = (*, actor, at, cell, name, kind))]
    fn add_cell(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        cell: Arg,
        name: Arg,
        kind: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "add_cell", payload!(cell, name, kind))
    }

    /// Adds a member to the roll (or a higher-level member who follows cells). `home` is
    /// `{"cell": id}` or `{"level": id}`; `status` a `MemberStatus`; `joined_on` a `date`.
    #[pyo3(signature = (*, actor, at, member, name, home, status, joined_on))]
    #[allow(clippy::too_many_arguments)]
    fn add_member(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        member: Arg,
        name: Arg,
        home: Arg,
        status: Arg,
        joined_on: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(member, name, home, status, joined_on);
        self.act(py, actor, at, "add_member", payload)
    }

    /// Changes a member's status (official / probationary).
    #[pyo3(signature = (*, actor, at, member, status))]
    fn set_member_status(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        member: Arg,
        status: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "set_member_status", payload!(member, status))
    }

    /// Sets (`on=True`) or clears the exempted, suspended or transferred flag; `reason` is
    /// required to set exempted or transferred.
    #[pyo3(signature = (*, actor, at, member, flag, on, reason=None))]
    #[allow(clippy::too_many_arguments)]
    fn set_member_flag(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        member: Arg,
        flag: Arg,
        on: Arg,
        reason: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(member, flag, on, reason);
        self.act(py, actor, at, "set_member_flag", payload)
    }

    /// Moves a member's party activity to another cell.
    #[pyo3(signature = (*, actor, at, member, cell))]
    fn move_member(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        member: Arg,
        cell: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "move_member", payload!(member, cell))
    }

    /// Takes a member off the roll.
    #[pyo3(signature = (*, actor, at, member, reason))]
    fn member_leaves(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        member: Arg,
        reason: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "member_leaves", payload!(member, reason))
    }

    /// Sets the members of one of the commune's committees (`executive`, `standing`,
    /// `inspection`).
    #[pyo3(signature = (*, actor, at, committee, members))]
    fn appoint_committee(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        committee: Arg,
        members: Arg,
    ) -> PyResult<u64> {
        self.act(
            py,
            actor,
            at,
            "appoint_committee",
            payload!(committee, members),
        )
    }

    /// Records the cell's elected secretary, deputy and committee; `committee` lists the
    /// whole cell committee, secretary and deputy included, and stays empty under the threshold.
    #[pyo3(signature = (*, actor, at, cell, secretary, deputy=None, committee=None))]
    #[allow(clippy::too_many_arguments)]
    fn elect_cell_leadership(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        cell: Arg,
        secretary: Arg,
        deputy: Opt,
        committee: Opt,
    ) -> PyResult<u64> {
        let payload = payload!(cell, secretary, deputy, committee);
        self.act(py, actor, at, "elect_cell_leadership", payload)
    }

    /// Forms a cluster of cells in the charge of a standing committee member.
    #[pyo3(signature = (*, actor, at, cluster, name, cells, in_charge))]
    #[allow(clippy::too_many_arguments)]
    fn form_cluster(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        cluster: Arg,
        name: Arg,
        cells: Arg,
        in_charge: Arg,
    ) -> PyResult<u64> {
        let payload = payload!(cluster, name, cells, in_charge);
        self.act(py, actor, at, "form_cluster", payload)
    }

    /// Assigns a higher-level member to follow a cell.
    #[pyo3(signature = (*, actor, at, cell, member))]
    fn assign_follower(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        cell: Arg,
        member: Arg,
    ) -> PyResult<u64> {
        self.act(py, actor, at, "assign_follower", payload!(cell, member))
    }

    /// Issues the commune committee's direction for a month; `month` is `"YYYY-MM"`.
    #[pyo3(signature = (*, actor, at, directive, month, content))]
    #[allow(clippy::too_many_arguments)]
    fn issue_directive(
        &self,
        py: Python<'_>,
        actor: Arg,
        at: Arg,
        directive: Arg,
        month: Arg,
        content: Arg,
    ) -> PyResult<u64> {
        let month = &convert::month(month)?;
        let payload = payload!(directive, month, content);
        self.act(py, actor, at, "issue_directive", payload)
    }
}
