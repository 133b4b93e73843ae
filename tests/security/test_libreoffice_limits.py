"""LibreOffice as a hostile file meets it: no network, its own profile, a hang costs one file."""

from __future__ import annotations

import os
import stat
import subprocess
import time
from pathlib import Path

from parsers import office
from parsers.office import WRITER_PDF, convert_batch


def _fake_soffice(tmp_path: Path, real: str) -> Path:
    """Write a soffice stand-in that hangs on any file named *STUCK*, else runs the real one."""
    script = tmp_path / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'case "$*" in *STUCK*) sleep 300 ;; esac\n'
        f'exec "{real}" "$@"\n',
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_a_hanging_conversion_costs_that_file_only(tmp_path, soffice, generated_reports,
                                                   monkeypatch):
    fake = _fake_soffice(tmp_path, soffice)
    monkeypatch.setattr(office, "find_soffice", lambda: str(fake))
    monkeypatch.setattr(office, "FILE_TIMEOUT", 15.0)
    sources = []
    for name, key in (("a.docx", "1-1"), ("STUCK.docx", "2"), ("b.docx", "3")):
        sources.append(tmp_path / name)
        sources[-1].write_bytes(generated_reports[key].read_bytes())
    started = time.monotonic()
    results = convert_batch(sources, WRITER_PDF, tmp_path / "pdf", timeout=10.0)
    assert time.monotonic() - started < 90
    assert isinstance(results[sources[0]], Path) and isinstance(results[sources[2]], Path)
    failure = results[sources[1]]
    assert not isinstance(failure, Path) and failure.code == "timeout"
    assert "超时" in failure.message
    leftovers = subprocess.run(["pgrep", "-f", str(fake)], capture_output=True, check=False)
    assert leftovers.stdout == b""  # the hung process group was killed


def test_each_run_has_its_own_profile_and_no_network(tmp_path, monkeypatch, soffice):
    seen = []

    class Recorder:
        def __init__(self, command, **kwargs):
            seen.append((command, kwargs))
            self.returncode = 0
            self.pid = os.getpid()

        def communicate(self, timeout=None):
            return b"", b""

    monkeypatch.setattr(office.subprocess, "Popen", Recorder)
    source = tmp_path / "x.docx"
    source.write_bytes(b"PK")
    convert_batch([source], WRITER_PDF, tmp_path / "one")
    convert_batch([source], WRITER_PDF, tmp_path / "two")
    profiles = [next(a for a in command if a.startswith("-env:UserInstallation="))
                for command, _ in seen]
    assert len(set(profiles)) == 2  # never a shared profile
    isolation = office._without_network()
    assert isolation, "this system cannot run LibreOffice without network (unshare -rn)"
    for command, kwargs in seen:
        assert tuple(command[: len(isolation)]) == isolation
        assert kwargs["start_new_session"] is True
