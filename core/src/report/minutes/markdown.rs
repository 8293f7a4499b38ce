//! Blocks as Markdown (CommonMark with pipe tables).

use super::document::Block;
use std::fmt::Write as _;

/// Escapes what Markdown would read as markup inside a table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Renders a document.
pub(super) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        match block {
            Block::Letterhead {
                issuer,
                number,
                party,
                place_date,
            } => {
                let [superior, cell] = issuer;
                let _ = writeln!(
                    out,
                    "**{superior}**  \n**{cell}**  \n{number}\n\n**{party}**  \n*{place_date}*\n"
                );
            }
            Block::Title(title) => {
                let _ = writeln!(out, "# {title}\n");
            }
            Block::Subtitle(text) => {
                let _ = writeln!(out, "*{text}*\n");
            }
            Block::Heading(text) => {
                let _ = writeln!(out, "## {text}\n");
            }
            Block::Centered(text) => {
                let _ = writeln!(out, "**{text}**\n");
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{text}\n");
            }
            Block::Bullets(items) => {
                for item in items {
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            Block::Numbered(items) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "{}. {item}", i + 1);
                }
                out.push('\n');
            }
            Block::Code(text) => {
                let _ = writeln!(out, "```text\n{text}\n```\n");
            }
            Block::Table(head, rows) => table(&mut out, head, rows),
            Block::Signatures {
                recipients,
                note,
                signers,
            } => signatures(&mut out, recipients.as_ref(), note, signers),
        }
    }
    out
}

/// A pipe table: the header row, the rule, the rows.
fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(out, "|{}", "---|".repeat(head.len()));
    for row in rows {
        let _ = writeln!(
            out,
            "| {} |",
            row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
        );
    }
    out.push('\n');
}

/// The recipients, if any, then each role with the note and the name under it.
fn signatures(
    out: &mut String,
    recipients: Option<&(String, Vec<String>)>,
    note: &str,
    signers: &[(String, String)],
) {
    if let Some((title, lines)) = recipients {
        let _ = writeln!(out, "*{title}*  \n{}\n", lines.join("  \n"));
    }
    for (role, name) in signers {
        let _ = writeln!(
            out,
            "**{}**  \n*{note}*  \n{name}\n",
            role.replace('\n', " — ")
        );
    }
}
