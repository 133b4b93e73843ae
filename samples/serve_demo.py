"""`make serve`: the web page over the demo's store, ready to open in a browser.

After `make demo` (run first when its store is missing), the 瑞安 report becomes a web
campaign in out/tianbiao.db the first time: its list's 60 rows, a link each (written to
out/web-links.xlsx) and the demo office password; then the page is served on this machine.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

FORM = "ruian-2022-report"
LIST = Path(__file__).resolve().parent / "ruian-2022-list.xlsx"
TIANBIAO = Path(sys.executable).parent / "tianbiao"  # the command the virtualenv installed
DEMO_PASSWORD = "tianbiao-demo"  # the demo's only; an office sets its own with `tianbiao passwd`


def tianbiao(*args: str, stdin: str | None = None) -> str:
    """Run one tianbiao command and return what it printed; stop the demo if it fails."""
    done = subprocess.run([str(TIANBIAO), *args], input=stdin, text=True,
                          capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"tianbiao {' '.join(args)} 失败：{done.stderr or done.stdout}")
    return done.stdout


def main() -> None:
    """Set the demo campaign up once, print where to look, and serve the page."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("out"))
    parser.add_argument("--port", default="8000")
    options = parser.parse_args()
    out = options.out
    db = out / "tianbiao.db"
    base = f"http://127.0.0.1:{options.port}"
    links_file = out / "web-links.xlsx"
    campaigns = json.loads(tianbiao("campaign", "list", "--db", str(db), "--format", "json"))
    if not campaigns:
        tianbiao("campaign", "add", FORM, "--roster", str(LIST), "--due", "2023-03-10",
                 "--db", str(db))
        campaign = json.loads(tianbiao("campaign", "list", "--db", str(db),
                                       "--format", "json"))[0]
        links = json.loads(tianbiao("links", str(campaign["id"]), "--db", str(db),
                                    "--base-url", base, "--out", str(links_file),
                                    "--format", "json"))
        tianbiao("passwd", "--db", str(db), stdin=DEMO_PASSWORD + "\n")
        (out / "web-first-link.txt").write_text(links[0]["url"] + "\n", encoding="utf-8")
    first = (out / "web-first-link.txt").read_text(encoding="utf-8").strip()
    print(f"办公室页面：{base}/office（演示密码 {DEMO_PASSWORD}）")
    print(f"一所学校的链接（全部链接见 {links_file}）：{first}")
    print("按 Ctrl+C 停止。")
    sys.stdout.flush()
    subprocess.run([str(TIANBIAO), "serve", "--db", str(db), "--port", options.port],
                   check=False)


if __name__ == "__main__":
    main()
