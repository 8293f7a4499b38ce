"""The `chibo` office command run as a user runs it (a subprocess of the installed script), each
command and its bad inputs, with the documented exit codes, in Vietnamese and English."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import List, Optional

import pytest

import chibo
from chibo.cli import EXIT

from conftest import NGA_TRUONG

pytest.importorskip("pyarrow")
openpyxl = pytest.importorskip("openpyxl")

SCRIPT = shutil.which("chibo", path=os.path.dirname(sys.executable))


def run(*args: str, lang: str = "C.UTF-8", cwd: Optional[Path] = None) -> "subprocess.CompletedProcess[str]":
    assert SCRIPT, "the chibo script is not installed next to this Python"
    env = dict(os.environ, LANG=lang, LC_ALL="")
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def journal() -> str:
    if not NGA_TRUONG.exists():
        pytest.skip("the Nga Trường journal is missing")
    return str(NGA_TRUONG)


def test_help_in_vietnamese_and_english() -> None:
    vi = run("--help")
    assert vi.returncode == 0 and "Cách dùng" in vi.stdout and "Mã thoát" in vi.stdout
    en = run("--help", lang="en_GB.UTF-8")
    assert en.returncode == 0 and "usage:" in en.stdout and "Exit codes" in en.stdout
    assert "export a period's tables" in run("--lang", "en", "export", "--help").stdout


def test_verify_with_and_without_a_seal(journal: str, tmp_path: Path) -> None:
    seq, digest = chibo.verify(Path(journal).read_bytes())
    plain = run("verify", journal)
    assert plain.returncode == EXIT["ok"] and str(seq) in plain.stdout and digest in plain.stdout
    assert run("verify", journal, "--seal", str(seq), digest).returncode == EXIT["ok"]
    wrong = run("--lang", "en", "verify", journal, "--seal", str(seq - 1), digest)
    assert wrong.returncode == EXIT["damaged"] and "journal." in wrong.stderr
    lines = Path(journal).read_text("utf-8").splitlines(keepends=True)
    damaged = tmp_path / "damaged.jsonl"
    damaged.write_text("".join(lines[:5]) + lines[5].replace('"v":', '"v" :', 1) + "".join(lines[6:20]), "utf-8")
    broken = run("verify", str(damaged))
    assert broken.returncode == EXIT["damaged"] and "Nhật ký không hợp lệ" in broken.stderr
    missing = run("verify", str(tmp_path / "none.jsonl"))
    assert missing.returncode == EXIT["file"]


def test_report_and_bad_periods(journal: str) -> None:
    report = run("report", journal, "--period", "03/2025")
    assert report.returncode == 0 and "tháng 03/2025" in report.stdout and "Cảnh báo" in report.stdout
    english = run("--lang", "en", "report", journal, "--period", "2025-03")
    assert english.returncode == 0 and "Alerts" in english.stdout
    for wrong in ["13/2025", "31/03/2025", "March"]:
        bad = run("report", journal, "--period", wrong)
        assert bad.returncode == EXIT["usage"] and "03/2025" in bad.stderr and "Traceback" not in bad.stderr
    assert "write a month" in run("--lang", "en", "report", journal, "--period", "2025-13").stderr
    assert run("report", journal).returncode == EXIT["usage"]
    assert run("nonsense").returncode == EXIT["usage"]


def test_export_each_format(journal: str, tmp_path: Path) -> None:
    book = tmp_path / "out" / "bao-cao.xlsx"
    done = run("export", journal, "--period", "03/2025", "--out", str(book))
    assert done.returncode == 0, done.stderr
    assert openpyxl.load_workbook(book).sheetnames[0] == "Thông tin"
    csvs = run("export", journal, "--period", "Q1/2025", "--format", "csv", "--table", "alerts", "--out", str(tmp_path / "csv"))
    assert csvs.returncode == 0 and (tmp_path / "csv" / "alerts.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    parquet = run("export", journal, "--period", "2025", "--format", "parquet", "--out", str(tmp_path / "pq"))
    assert parquet.returncode == 0 and len(list((tmp_path / "pq").glob("*.parquet"))) == 8
    assert run("export", journal, "--period", "2025", "--format", "ods", "--out", "x").returncode == EXIT["usage"]


def test_minutes(journal: str, nga_truong: chibo.Commune, tmp_path: Path) -> None:
    held = next(m for m in nga_truong.meetings() if m.state is chibo.MeetingState.INSPECTED)
    markdown = run("minutes", journal, "--meeting", held.id)
    assert markdown.returncode == 0 and "BIÊN BẢN" in markdown.stdout.upper()
    page = tmp_path / "bien-ban.html"
    html = run("--lang", "en", "minutes", journal, "--meeting", held.id, "--html", "--out", str(page))
    assert html.returncode == 0 and "<html" in page.read_text("utf-8").lower()
    unknown = run("minutes", journal, "--meeting", "m-1999-01-nowhere")
    assert unknown.returncode == EXIT["refused"] and "lookup." in unknown.stderr
