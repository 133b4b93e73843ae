"""OCR runs offline: its models come from the installed wheel and nothing is ever fetched.

The test reads a scan in a separate `tianbiao parse` run in a network namespace of its own
with no network at all (where `unshare` can make one), whose Python sockets also refuse to
connect, and whose home folder is empty: it must read the values, try no connection, write
nothing (no model cache, no onnxruntime telemetry id), and never import the model wheel's
own code (its downloader).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from parsers.scan import ocr

ROOT = Path(__file__).resolve().parents[2]
_OFFLINE = """
import socket, sys
def refuse(*args, **kwargs):
    sys.stderr.write("NETWORK USED\\n")
    raise OSError("no network in this test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from cli import main
try:
    main()
finally:
    if "rapidocr" in sys.modules:
        sys.stderr.write("MODEL PACKAGE IMPORTED\\n")
"""


def test_a_scan_is_read_with_no_network_and_no_download(scans, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    # No network at all for the process and its workers, where a namespace can be made.
    isolated = _no_network_prefix()
    result = subprocess.run(
        [*isolated, sys.executable, "-c", _OFFLINE, "parse", "--format", "jsonl",
         str(scans.files["application.jpg"])],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
             "PYTHONPATH": str(ROOT)},
    )
    assert "NETWORK USED" not in result.stderr
    assert "MODEL PACKAGE IMPORTED" not in result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    (record,) = map(json.loads, result.stdout.splitlines())
    values = {f["id"]: f["value"] for f in record["fields"]}
    assert values["leader_phone"] == "13907347781"
    assert list(home.rglob("*")) == []  # no model, no cache written anywhere


def _no_network_prefix() -> list[str]:
    """Return the command prefix that runs a command with no network, or [] if none can."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def test_the_models_are_the_wheels_own_files():
    folder = ocr.model_folder()
    assert folder.parts[-2:] == ("rapidocr", "models")
    assert "site-packages" in folder.parts
    assert (folder / ocr.DETECT_MODEL).stat().st_size > 1_000_000
    assert (folder / ocr.RECOGNISE_MODEL).stat().st_size > 1_000_000
