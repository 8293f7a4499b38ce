"""``chibo``: the office command, installed with the package.

    chibo verify JOURNAL [--seal SEQ HASH] [--signed-seal FILE]
    chibo report JOURNAL --period 03/2025
    chibo export JOURNAL --period 03/2025 --format xlsx --out bao-cao.xlsx
    chibo minutes JOURNAL --meeting ID [--html] [--out FILE]
    chibo rollup FOLDER --period 2025 --format parquet --out tong-hop/ [--seals FILE] [--processes 2 | --dask local]

Help and messages in Vietnamese (the default) or English (``--lang en``, or ``LANG=en…``).
Exit codes are in :data:`EXIT` and in ``chibo --help``."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any, Dict, List, NoReturn, Optional, Sequence, TextIO

from .cli_text import language, t
from .periods import PeriodError, parse

#: Exit codes.
EXIT = {"ok": 0, "damaged": 1, "usage": 2, "file": 3, "refused": 4}
FORMATS = ("csv", "xlsx", "parquet")


class _Parser(argparse.ArgumentParser):
    """argparse with its titles, usage prefix and errors in the chosen language."""

    lang = "vi"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT["usage"], f"{self.prog}: {t('bad_usage', self.lang)}: {message}\n")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage: ", t("usage", self.lang), 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage: ", t("usage", self.lang), 1)


def _period(lang: str) -> Any:
    def read(text: str) -> Any:
        try:
            return parse(text)
        except PeriodError as wrong:
            vi, en = str(wrong).split(" / ", 1)
            raise argparse.ArgumentTypeError(en if lang == "en" else vi) from None

    read.__name__ = "period"
    return read


def _parser(lang: str) -> argparse.ArgumentParser:
    def make(**kwargs: Any) -> _Parser:
        p = _Parser(add_help=False, **kwargs)
        p.lang = lang
        p._positionals.title = t("positionals", lang)
        p._optionals.title = t("optionals", lang)
        p.add_argument("-h", "--help", action="help", help=t("help", lang))
        p.add_argument("--lang", choices=("vi", "en"), default=lang, help=t("lang", lang))
        return p

    from .arrow import TABLES

    top = make(prog="chibo", description=t("prog", lang), epilog=t("epilog", lang))
    commands = top.add_subparsers(dest="command", title=t("commands", lang), required=True, parser_class=_Parser)

    def command(name: str) -> _Parser:
        p: _Parser = commands.add_parser(name, help=t(name, lang), description=t(name, lang), epilog=t("epilog", lang), add_help=False)
        p.lang = lang
        p._positionals.title = t("positionals", lang)
        p._optionals.title = t("optionals", lang)
        p.add_argument("-h", "--help", action="help", help=t("help", lang))
        p.add_argument("--lang", choices=("vi", "en"), default=lang, help=t("lang", lang))
        return p

    period = _period(lang)
    tables_help = t("table", lang) + ", ".join(TABLES)

    p = command("verify")
    p.add_argument("journal", help=t("journal", lang))
    p.add_argument("--seal", nargs=2, metavar=("SEQ", "HASH"), help=t("seal", lang))
    p.add_argument("--signed-seal", metavar="FILE", help=t("signed_seal", lang))

    p = command("report")
    p.add_argument("journal", help=t("journal", lang))
    p.add_argument("--period", type=period, required=True, help=t("period", lang))

    p = command("export")
    p.add_argument("journal", help=t("journal", lang))
    p.add_argument("--period", type=period, required=True, help=t("period", lang))
    p.add_argument("--format", choices=FORMATS, default="xlsx", help=t("format", lang))
    p.add_argument("--out", required=True, help=t("out", lang))
    p.add_argument("--table", action="append", choices=TABLES, metavar="TABLE", help=tables_help)

    p = command("minutes")
    p.add_argument("journal", help=t("journal", lang))
    p.add_argument("--meeting", required=True, help=t("meeting", lang))
    p.add_argument("--html", action="store_true", help=t("html", lang))
    p.add_argument("--out", help=t("out", lang))

    p = command("rollup")
    p.add_argument("folder", nargs="+", help=t("folder", lang))
    p.add_argument("--period", type=period, required=True, help=t("period", lang))
    p.add_argument("--format", choices=FORMATS, default="xlsx", help=t("format", lang))
    p.add_argument("--out", required=True, help=t("out", lang))
    p.add_argument("--table", action="append", choices=TABLES, metavar="TABLE", help=tables_help)
    p.add_argument("--seals", help=t("seals", lang))
    p.add_argument("--processes", type=int, default=1, help=t("processes", lang))
    p.add_argument("--dask", help=t("dask", lang))
    p.add_argument("--quiet", action="store_true", help=t("quiet", lang))
    return top


def _read(path: str) -> Any:
    from .commune import Commune

    return Commune.read(path)


def _seal_line(path: str, lang: str) -> bytes:
    """The signed seal line a file holds: its one non-blank line (as printed in the minutes, or
    copied from the journal), line ending and surrounding blank lines aside."""
    with open(path, "rb") as file:
        found = [line.strip() for line in file.read().splitlines() if line.strip()]
    if len(found) != 1:
        raise _Usage(t("signed_seal_lines", lang).format(path=path, lines=len(found)))
    return found[0]


def _verify(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    import json

    from ._chibo import verify, verify_signed_seal

    with open(args.journal, "rb") as file:
        text = file.read()
    seal_line = _seal_line(args.signed_seal, lang) if args.signed_seal else None
    notes: List[str] = []
    if args.seal:
        seq, digest = args.seal
        if not seq.isdigit():
            raise _Usage(f"SEQ: {seq!r}")
        verify(text, seal=(int(seq), digest))
        head = (int(seq), digest)
        notes.append(t("sealed_ok", lang))
    else:
        head = verify(text)
    if seal_line is not None:
        # Loads the journal (every signature checked) and finds the seal's line in it.
        head = verify_signed_seal(text, seal_line)
        try:
            record = json.loads(seal_line)
            where = f" {record['seq']} ({t('signed_by', lang)} {record['event']['actor']})"
        except (ValueError, KeyError, TypeError):
            where = ""
        notes.append(f"{t('signed_seal_ok', lang)}{where}")
    sealed = f" ({'; '.join(notes)})" if notes else ""
    # Every record replayed through the rules, every signature checked against its actor's key.
    from .commune import Commune

    signing = Commune.load(text).signing
    print(f"{t('ok', lang)}{sealed}: {head[0]} {t('records', lang)}, {t('last_hash', lang)} {head[1]}", file=out)
    print(_signatures_line(signing, lang), file=out)
    return EXIT["ok"]


def _signatures_line(signing: Any, lang: str) -> str:
    """How many records are signed and unsigned, and from when signatures are required."""
    required = signing["required_from"]
    if required is None:
        policy = t("signatures_not_required", lang)
    else:
        day = required if lang == "en" else "/".join(reversed(required.split("-")))
        policy = t("signatures_required_from", lang).format(day=day)
    counts = t("signatures_counts", lang).format(signed=signing["signed"], unsigned=signing["unsigned"])
    return f"{t('signatures', lang)}: {counts}; {policy}"



def _percent(per_mille: Optional[int], lang: str) -> str:
    """A rate the core gives in per mille, as a clerk reads it: `92,3%` (vi) or `92.3%` (en)."""
    if per_mille is None:
        return "—"
    text = f"{per_mille / 10:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def _report(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    commune = _read(args.journal)
    board = commune.dashboard(month=args.period.first_month())
    rows = commune.table_rows("dashboard", args.period)
    alerts = commune.table_rows("alerts", args.period)
    print(f"{t('commune', lang)}: {board['commune_name']} ({board['commune']}) — {args.period.label(lang)}", file=out)
    for row in rows:
        held = t("held", lang) if row["meeting"] and row["present"] is not None else t("not_held", lang)
        figures = ""
        if row["present"] is not None:
            figures = f", {t('attendance', lang)} {row['present']}/{row['expected']} ({_percent(row['attendance_per_mille'], lang)})"
        print(f"  {row['month']} {row['cell']} {row['cell_name']}: {held}{figures}, {t('tasks_open', lang)} {row['tasks_pending']}", file=out)
    print(f"{t('alerts', lang)}: {len(alerts) or t('none', lang)}", file=out)
    key = "message_en" if lang == "en" else "message_vi"
    for alert in alerts:
        print(f"  [{alert['rule']}] {alert[key]}", file=out)
    return EXIT["ok"]


def _write(tables: Dict[str, Any], fmt: str, target: str, lang: str, out: TextIO, about: Optional[List[List[Any]]] = None) -> None:
    from . import sheets

    if fmt == "xlsx":
        folder = os.path.dirname(os.path.abspath(target))
        os.makedirs(folder, exist_ok=True)
        sheets.write_xlsx(tables, target, lang, about=about)
        print(f"{t('written', lang)} {target}: " + ", ".join(f"{n} {tb.num_rows} {t('rows', lang)}" for n, tb in tables.items()), file=out)
        return
    os.makedirs(target, exist_ok=True)
    for name, table in tables.items():
        path = os.path.join(target, f"{name}.{fmt}")
        if fmt == "csv":
            sheets.write_csv(table, path, lang)
        else:
            sheets.write_parquet(table, path)
        print(f"{t('written', lang)} {path}: {table.num_rows} {t('rows', lang)}", file=out)


def _export(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    commune = _read(args.journal)
    names = args.table or None
    tables = commune.tables(args.period) if names is None else {n: commune.table(n, args.period) for n in names}
    board = commune.dashboard(month=args.period.first_month())
    seq, digest = commune.head
    about = [
        [t("commune", lang), board["commune_name"], board["commune"]],
        [t("period", lang).split(":")[0], args.period.label(lang)],
        [t("journals", lang), seq, digest],
    ]
    _write(tables, args.format, args.out, lang, out, about)
    return EXIT["ok"]


def _minutes(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    commune = _read(args.journal)
    written = commune.minutes(meeting=args.meeting, language=lang)
    if args.html:
        text = written["html"] + "\n" + written["resolution_html"]
    else:
        text = written["markdown"] + "\n\n" + written["resolution_markdown"]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as file:
            file.write(text)
        print(f"{t('written', lang)} {args.out}", file=out)
    else:
        print(text, file=out)
    return EXIT["ok"]


def _rollup(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from .rollup import DEFAULT_TABLES, read_seals, rollup

    seals = read_seals(args.seals) if args.seals else None
    source = args.folder[0] if len(args.folder) == 1 else args.folder

    def progress(done: int, total: int, name: str) -> None:
        if not args.quiet:
            print(f"[{done}/{total}] {name}", file=sys.stderr, flush=True)

    tables = rollup(
        source,
        args.period,
        seals=seals,
        tables=tuple(args.table or DEFAULT_TABLES),
        processes=args.processes,
        dask=args.dask,
        progress=progress,
    )
    journals = tables["journals"].to_pylist()
    failed = [j for j in journals if not j["ok"]]
    print(f"{len(journals) - len(failed)} {t('journals', lang)} {t('read_ok', lang)}, {len(failed)} {t('read_failed', lang)}", file=out)
    for j in failed:
        print(f"  {j['journal']}: {j['error_code']}: {j['error']}", file=out)
    _write_rollup(tables, args, lang, out)
    return EXIT["damaged"] if failed else EXIT["ok"]


def _write_rollup(tables: Dict[str, Any], args: argparse.Namespace, lang: str, out: TextIO) -> None:
    from . import sheets

    if args.format == "xlsx":
        folder = os.path.dirname(os.path.abspath(args.out))
        os.makedirs(folder, exist_ok=True)
        sheets.write_xlsx(tables, args.out, lang)
        print(f"{t('written', lang)} {args.out}", file=out)
        return
    os.makedirs(args.out, exist_ok=True)
    for name, table in tables.items():
        path = os.path.join(args.out, f"{name}.{args.format}")
        if args.format == "csv":
            sheets.write_csv(table, path, lang)
        else:
            sheets.write_parquet(table, path)
        print(f"{t('written', lang)} {path}: {table.num_rows} {t('rows', lang)}", file=out)


class _Usage(Exception):
    """An argument the parser let through but that is wrong."""


COMMANDS = {"verify": _verify, "report": _report, "export": _export, "minutes": _minutes, "rollup": _rollup}


def main(argv: Optional[Sequence[str]] = None, out: TextIO = sys.stdout) -> int:
    """Runs the command ``argv`` (``sys.argv[1:]`` when ``None``) and returns its exit code."""
    from .errors import ChiboError, JournalError

    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = language(args_list)
    args = _parser(lang).parse_args(args_list)
    lang = args.lang
    try:
        return COMMANDS[args.command](args, lang, out)
    except _Usage as wrong:
        print(f"chibo: {t('bad_usage', lang)}: {wrong}", file=sys.stderr)
        return EXIT["usage"]
    except JournalError as damaged:
        print(f"chibo: {t('damaged', lang)}: {damaged.code}: {damaged.message_en if lang == 'en' else damaged.message_vi}", file=sys.stderr)
        return EXIT["damaged"]
    except ChiboError as refused:
        print(f"chibo: {t('refused', lang)}: {refused.code}: {refused.message_en if lang == 'en' else refused.message_vi}", file=sys.stderr)
        return EXIT["refused"]
    except ImportError as missing:
        print(f"chibo: {t('missing_lib', lang)}: {missing}", file=sys.stderr)
        return EXIT["file"]
    except BrokenPipeError:  # the output was cut short (`| head`): nothing more to say
        return EXIT["ok"]
    except (OSError, ValueError) as failed:
        print(f"chibo: {t('file_error', lang)}: {failed}", file=sys.stderr)
        return EXIT["file"]


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())


__all__ = ["main", "run", "EXIT"]
