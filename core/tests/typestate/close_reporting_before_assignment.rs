// Reporting closes on assigned tasks: an adopted meeting has no `close_reporting`.
use chibo::ids::MemberId;
use chibo::meeting::{Adopted, Context, Meeting};
use chibo::time::Timestamp;

fn skip_the_tasks(adopted: Meeting<Adopted>, ctx: &Context<'_>, at: Timestamp) {
    let secretary = MemberId::new("x1-bt");
    let _ = adopted.close_reporting(ctx, &secretary, at);
}

fn main() {}
