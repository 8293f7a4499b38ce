"""The `chibo` office command run as a user runs it (a subprocess of the installed script), each
command and its bad inputs, with the documented exit codes, in Vietnamese and English."""

from __future__ import annotations

import json

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
    assert f"Chữ ký: 0 bản ghi có chữ ký, {seq} bản ghi không có chữ ký; quy định của đảng bộ chưa bắt buộc ký" in plain.stdout
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


def test_verify_against_a_signed_seal(tmp_path: Path) -> None:
    from test_signing import SECRETARY, keyed, lines, revoke, seal, signed, text

    commune = keyed()
    signed(commune, SECRETARY, revoke("x1-bt", "2025-02-25T08:00:00+07:00", "x1-03"))
    seal_line = seal(commune, SECRETARY, "x1-bt", "2025-02-25T09:00:00+07:00")
    signed(commune, SECRETARY, revoke("x1-bt", "2025-02-26T08:00:00+07:00", "x1-bt"))
    kept = lines(commune)
    journal = tmp_path / "journal.jsonl"
    journal.write_text(text(kept), "utf-8")
    seal_file = tmp_path / "niem-phong.txt"
    seal_file.write_text(f"\n{seal_line}\r\n\n", "utf-8")  # blank lines and a CR LF around it

    ok = run("verify", str(journal), "--signed-seal", str(seal_file))
    assert ok.returncode == EXIT["ok"], ok.stderr
    signing = commune.signing
    assert f"Chữ ký: {signing['signed']} bản ghi có chữ ký, {signing['unsigned']} bản ghi không có chữ ký" in ok.stdout
    assert "bắt buộc ký từ ngày 01/02/2025" in ok.stdout
    assert f"khớp dấu niêm phong có chữ ký ở bản ghi {len(kept) - 1} (ký bởi x1-bt)" in ok.stdout
    assert f"{len(kept)} bản ghi" in ok.stdout and commune.head[1] in ok.stdout
    en = run("--lang", "en", "verify", str(journal), "--signed-seal", str(seal_file))
    assert en.returncode == EXIT["ok"] and f"holds its signed seal at record {len(kept) - 1} (signed by x1-bt)" in en.stdout
    assert f"Signatures: {signing['signed']} records signed" in en.stdout and "required from 2025-02-01" in en.stdout

    # A signature forged (another key's, the hash remade so the chain holds): the chain checks,
    # the signatures do not, and verify says so naming the record.
    from test_signing import STRANGER, rehashed, sig_of

    last = kept[-1]
    forged_sig = chibo.sign_command(STRANGER, json.loads(last)["event"])
    forged = tmp_path / "forged.jsonl"
    forged.write_text(text(kept[:-1] + [rehashed(last.replace(sig_of(last), forged_sig))]), "utf-8")
    chibo.verify(forged.read_bytes())
    refused = run("--lang", "en", "verify", str(forged))
    assert refused.returncode == EXIT["damaged"] and "journal.signature_invalid" in refused.stderr
    assert f"Record {len(kept)} " in refused.stderr
    both = run("verify", str(journal), "--seal", str(commune.head[0]), commune.head[1], "--signed-seal", str(seal_file))
    assert both.returncode == EXIT["ok"] and "khớp dấu niêm phong;" in both.stdout

    # The last records dropped, the seal among them: the journal's chain still holds, the seal does not.
    cut = tmp_path / "cut.jsonl"
    cut.write_text(text(kept[:-2]), "utf-8")
    assert run("verify", str(cut)).returncode == EXIT["ok"]
    dropped = run("verify", str(cut), "--signed-seal", str(seal_file))
    assert dropped.returncode == EXIT["damaged"] and "journal.seal_missing" in dropped.stderr
    assert "các bản ghi cuối đã bị xoá" in dropped.stderr
    dropped_en = run("--lang", "en", "verify", str(cut), "--signed-seal", str(seal_file))
    assert dropped_en.returncode == EXIT["damaged"] and "records at its end were removed" in dropped_en.stderr

    # An unsigned record is not a signed seal; a file of two lines is a usage error; no file, a file error.
    unsigned = tmp_path / "unsigned.txt"
    unsigned.write_text(kept[0] + "\n", "utf-8")
    not_a_seal = run("verify", str(journal), "--signed-seal", str(unsigned))
    assert not_a_seal.returncode == EXIT["damaged"] and "journal.not_a_signed_seal" in not_a_seal.stderr
    two = tmp_path / "two.txt"
    two.write_text(seal_line + "\n" + kept[0] + "\n", "utf-8")
    usage = run("--lang", "en", "verify", str(journal), "--signed-seal", str(two))
    assert usage.returncode == EXIT["usage"] and "exactly one signed seal line; it holds 2" in usage.stderr
    usage_vi = run("verify", str(journal), "--signed-seal", str(two))
    assert usage_vi.returncode == EXIT["usage"] and "phải chứa đúng một dòng" in usage_vi.stderr
    missing = run("verify", str(journal), "--signed-seal", str(tmp_path / "none.txt"))
    assert missing.returncode == EXIT["file"] and "Traceback" not in missing.stderr
    assert "--signed-seal" in run("verify", "--help").stdout
