//! Blocks as a self-contained HTML page (no scripts, no external files) that prints on A4 in the
//! layout of Vietnamese administrative documents (Times New Roman 13 pt, margins 2/2/2/3 cm).

use super::document::Block;
use super::words::Language;
use std::fmt::Write as _;

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "@page { size: A4; margin: 2cm 2cm 2cm 3cm;
  @bottom-center { content: counter(page) \"/\" counter(pages); font: 11pt 'Times New Roman', serif; } }
body { font-family: 'Times New Roman', Times, 'Noto Serif', 'DejaVu Serif', serif; font-size: 13pt; line-height: 1.4;
  max-width: 16cm; margin: 1cm auto; color: #000; background: #fff; }
@media print { body { margin: 0; max-width: none; } }
.letterhead { display: flex; justify-content: space-between; text-align: center; margin-bottom: 1.2em; }
.letterhead > div { width: 48%; }
.letterhead .party { font-weight: bold; text-decoration: underline; }
.letterhead .date { font-style: italic; margin-top: 0.6em; }
.letterhead .number { margin-top: 0.3em; }
.centered { text-align: center; font-weight: bold; margin: 0.8em 0; }
h1 { font-size: 14pt; text-align: center; margin: 0.8em 0 0.2em; }
.subtitle { text-align: center; font-style: italic; margin-bottom: 1em; }
h2 { font-size: 13pt; margin: 1em 0 0.3em; break-after: avoid; page-break-after: avoid; }
p { text-align: justify; margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.8em; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 0.15em 0.4em; vertical-align: top; }
th { background: #eee; }
.signatures { display: flex; justify-content: space-around; margin-top: 2em; text-align: center;
  break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
.signatures .recipients { text-align: left; font-size: 11pt; align-self: flex-start; }
thead { display: table-header-group; }
.signatures .role { font-weight: bold; }
.signatures .sign { font-style: italic; height: 5em; }
li { overflow-wrap: anywhere; }
pre.record { font: 8pt 'DejaVu Sans Mono', 'Courier New', monospace; white-space: pre-wrap; word-break: break-all;
  border: 1px solid #000; padding: 0.3em; margin: 0.4em 0; }
";

/// Renders a document as a whole page.
pub(super) fn page(language: Language, blocks: &[Block]) -> String {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("");
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        language.code(),
        esc(title)
    );
    for block in blocks {
        render(&mut out, block);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn render(out: &mut String, block: &Block) {
    let _ = match block {
        Block::Letterhead {
            issuer,
            number,
            party,
            place_date,
        } => {
            let [superior, cell] = issuer;
            writeln!(
                out,
                "<div class=\"letterhead\"><div>{}<br><b>{}</b><br>*<div class=\"number\">{}</div></div><div><span class=\"party\">{}</span><div class=\"date\">{}</div></div></div>",
                esc(superior),
                esc(cell),
                esc(number),
                esc(party),
                esc(place_date)
            )
        }
        Block::Title(text) => writeln!(out, "<h1>{}</h1>", esc(text)),
        Block::Subtitle(text) => writeln!(out, "<div class=\"subtitle\">{}</div>", esc(text)),
        Block::Heading(text) => writeln!(out, "<h2>{}</h2>", esc(text)),
        Block::Centered(text) => writeln!(out, "<p class=\"centered\">{}</p>", esc(text)),
        Block::Paragraph(text) => writeln!(out, "<p>{}</p>", esc(text)),
        Block::Bullets(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
        Block::Code(text) => writeln!(out, "<pre class=\"record\">{}</pre>", esc(text)),
        Block::Table(head, rows) => table(out, head, rows),
        Block::Signatures {
            recipients,
            note,
            signers,
        } => signatures(out, recipients.as_ref(), note, signers),
    };
}

/// A table, the header row in <thead>, which a printed page repeats when the table breaks.
fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) -> std::fmt::Result {
    out.push_str("<table>\n<thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for c in row {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>\n");
    }
    writeln!(out, "</tbody>\n</table>")
}

/// The recipients, if any, then each role with the note and the name under it, kept together.
fn signatures(
    out: &mut String,
    recipients: Option<&(String, Vec<String>)>,
    note: &str,
    signers: &[(String, String)],
) -> std::fmt::Result {
    out.push_str("<div class=\"signatures\">");
    if let Some((title, lines)) = recipients {
        let _ = write!(
            out,
            "<div class=\"recipients\"><i><b>{}</b></i>",
            esc(title)
        );
        for line in lines {
            let _ = write!(out, "<br>{}", esc(line));
        }
        out.push_str("</div>");
    }
    for (role, name) in signers {
        let _ = write!(
            out,
            "<div><div class=\"role\">{}</div><div class=\"sign\">{}</div><div>{}</div></div>",
            esc(role),
            esc(note),
            esc(name)
        );
    }
    writeln!(out, "</div>")
}

fn list(out: &mut String, tag: &str, items: &[String]) -> std::fmt::Result {
    let _ = write!(out, "<{tag}>");
    for item in items {
        let _ = write!(out, "<li>{}</li>", esc(item));
    }
    writeln!(out, "</{tag}>")
}
