// An adopted resolution is not a draft any more: it has no `revise`.
use chibo::ids::MemberId;
use chibo::meeting::{Adopted, Context, Meeting, Revision};
use chibo::time::Timestamp;

fn rewrite_history(mut adopted: Meeting<Adopted>, ctx: &Context<'_>, at: Timestamp, revision: Revision) {
    let secretary = MemberId::new("x1-bt");
    let _ = adopted.revise(ctx, &secretary, at, revision);
}

fn main() {}
