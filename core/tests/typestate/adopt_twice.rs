// A meeting is held once: an assigned meeting has no `adopt`.
use chibo::ids::MemberId;
use chibo::meeting::{Assigned, Context, Meeting, MeetingRecord};

fn hold_again(assigned: Meeting<Assigned>, ctx: &Context<'_>, record: MeetingRecord) {
    let chair = MemberId::new("x1-bt");
    let _ = assigned.adopt(ctx, &chair, record);
}

fn main() {}
