// Supervision reads members' results: an assigned meeting cannot be marked inspected.
use chibo::ids::InspectionId;
use chibo::meeting::{Assigned, Meeting};

fn inspect_too_early(assigned: Meeting<Assigned>) {
    let _ = assigned.inspect(InspectionId::new("gs-q1"));
}

fn main() {}
