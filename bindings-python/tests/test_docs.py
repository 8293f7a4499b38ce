"""The Python code blocks of docs/python.md run, in order, in one namespace, from the repository
root (the guide's examples are tests, not prose)."""

from __future__ import annotations

import os
import re

import pytest

from conftest import NGA_TRUONG, ROOT


def test_the_guide_s_python_blocks_run(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    if not NGA_TRUONG.exists():
        pytest.skip("the Nga Trường journal is missing: run `cargo run --example nga_truong`")
    text = (ROOT / "docs" / "python.md").read_text("utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 3
    namespace: dict = {}
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        for block in blocks:
            exec(compile(block, "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(here)
    assert "permission.denied" in capsys.readouterr().out
