// Tasks are assigned from an adopted resolution: a draft has no `assign`.
use chibo::ids::MemberId;
use chibo::meeting::{Context, Draft, Meeting, TaskPlan};
use chibo::time::Timestamp;

fn skip_the_vote(draft: Meeting<Draft>, ctx: &Context<'_>, plan: TaskPlan, at: Timestamp) {
    let secretary = MemberId::new("x1-bt");
    let _ = draft.assign(ctx, &secretary, at, plan);
}

fn main() {}
