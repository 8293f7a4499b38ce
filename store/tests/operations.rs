//! The Rust column of docs/operations.md names real functions: each is named below so that this
//! test compiles only if it exists, and the column must list exactly these names.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests

/// Each operation's name as the table writes it, with a call of it (never run) that compiles
/// only if the function exists with that name.
macro_rules! named {
    ($($name:literal => $call:expr),* $(,)?) => {{
        $(let _ = $call;)*
        vec![$($name.to_owned()),*]
    }};
}

#[test]
fn the_rust_column_of_the_operations_table_names_real_functions() {
    use chibo::journal::Journal;
    use chibo::report;
    use chibo::report::query::Query;
    use chibo::Command;
    use chibo::Commune;
    use chibo_store::{repair_file, verify_file, JournalFile};
    let mut exported = named![
        "Journal::new" => Journal::new,
        "Journal::load" => |t: &str| Journal::load(t),
        "JournalFile::open" => |p: &str| JournalFile::open(p),
        "JournalFile::create" => |p: &str| JournalFile::create(p),
        "JournalFile::open_or_create" => |p: &str| JournalFile::open_or_create(p),
        "Journal::execute" => |j: &mut Journal, c: &Command| j.execute(c).map(|_| ()),
        "JournalFile::execute_batch" => |f: &mut JournalFile, c: &[Command]| f.execute_batch(c).map(|_| ()),
        "report::query::report" => |c: &Commune, q: &Query| report::query::report(c, q),
        "report::dashboard::dashboard" => report::dashboard::dashboard,
        "report::alerts::alerts" => report::alerts::alerts,
        "Commune::summary" => Commune::summary,
        "Journal::merge" => |j: &mut Journal, t: &str| j.merge(t).map(|_| ()),
        "Journal::head" => Journal::head,
        "Journal::handover" => Journal::handover,
        "journal::verify" => |t: &str| chibo::journal::verify(t),
        "journal::verify_sealed" => |t: &str, h: &chibo::journal::Head| chibo::journal::verify_sealed(t, h),
        "journal::repair" => chibo::journal::repair,
        "verify_file" => |p: &str| verify_file(p).map(|_| ()),
        "repair_file" => |p: &str| repair_file(p).map(|_| ()),
        "PublicKey::of_secret" => chibo::journal::PublicKey::of_secret,
        "journal::sign_key_proof" => chibo::journal::sign_key_proof,
        "journal::sign_command" => chibo::journal::sign_command,
        "journal::event_message" => chibo::journal::event_message,
        "Journal::execute_signed" => |j: &mut Journal, c: &Command, s: &chibo::journal::Signature| j.execute_signed(c, s).map(|_| ()),
        "journal::verify_signed_seal" => |t: &str, l: &[u8]| chibo::journal::verify_signed_seal(t, l),
        "Journal::signing" => Journal::signing,
        "create_key_file" => |p: &str| chibo_store::create_key_file(p).map(|_| ()),
    ];
    let table = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/operations.md"
    ))
    .unwrap();
    let start = table.find("<!-- operations:start -->").unwrap();
    let end = table.find("<!-- operations:end -->").unwrap();
    let mut listed: Vec<String> = Vec::new();
    for row in table[start..end]
        .lines()
        .filter(|l| l.starts_with("| "))
        .skip(1)
    {
        let cell = row.split('|').nth(2).unwrap_or_default();
        listed.extend(cell.split('`').skip(1).step_by(2).map(str::to_owned));
    }
    listed.sort();
    exported.sort();
    assert_eq!(listed, exported, "docs/operations.md's Rust column");
}
