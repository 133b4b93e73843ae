"""A throw-away PostgreSQL server for the tests and the benchmarks: Debian's binaries, no mock.

`start_cluster` runs initdb and pg_ctl in a temporary folder, listening on a free loopback
port and on a unix socket inside that folder, with trust authentication for its own
superuser. Run as root (CI), the server runs as the unprivileged ``postgres`` user that
Debian's package creates, since PostgreSQL refuses to run as root. `Cluster.stop` stops it
and the folder goes with the test session's temporary files.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SUPERUSER = "tianbiao"


def postgres_bin() -> Path:
    """Return the folder of the newest installed PostgreSQL server's programs."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda path: int(path.parent.parent.name))
    if not found:
        raise RuntimeError(
            "PostgreSQL server programs not found (/usr/lib/postgresql/*/bin): install the"
            " Debian package postgresql (make test does so when run as root)")
    return found[-1].parent


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Cluster:
    """A running throw-away PostgreSQL server."""

    folder: Path
    port: int
    owner: str | None

    @property
    def socket_dir(self) -> Path:
        """Return the folder of the server's unix socket."""
        return self.folder / "socket"

    def url(self, database: str = "postgres") -> str:
        """Return a connection URL to `database` over loopback TCP."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """Create an empty database `name` and return its URL."""
        self._run([str(postgres_bin() / "createdb"), "-h", str(self.socket_dir),
                   "-p", str(self.port), "-U", SUPERUSER, name])
        return self.url(name)

    def stop(self) -> None:
        """Stop the server at once (in-flight connections are cut)."""
        self._run([str(postgres_bin() / "pg_ctl"), "-D", str(self.folder / "data"),
                   "-m", "immediate", "-w", "stop"], check=False)

    def _run(self, command: Sequence[str], *, check: bool = True) -> None:
        _run_as(self.owner, command, check=check)


def _run_as(owner: str | None, command: Sequence[str], *, check: bool = True) -> None:
    if owner is not None:
        command = ["runuser", "-u", owner, "--", *command]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


def start_cluster(folder: Path) -> Cluster:
    """Create and start a server in `folder` (empty or absent; its parents open to all, as
    a folder of ``tempfile.mkdtemp()`` is)."""
    folder.mkdir(parents=True, exist_ok=True)
    owner = None
    if os.geteuid() == 0:
        owner = "postgres"
        if shutil.which("runuser") is None:
            raise RuntimeError("runuser not found: cannot start PostgreSQL as a normal user")
        shutil.chown(folder, user=owner)
        folder.chmod(0o700)
    cluster = Cluster(folder=folder, port=_free_port(), owner=owner)
    cluster.socket_dir.mkdir()
    if owner is not None:
        shutil.chown(cluster.socket_dir, user=owner)
    bin_dir = postgres_bin()
    _run_as(owner, [str(bin_dir / "initdb"), "-D", str(folder / "data"), "-U", SUPERUSER,
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"])
    options = (f"-c listen_addresses=127.0.0.1 -p {cluster.port}"
               f" -c unix_socket_directories={cluster.socket_dir} -c fsync=off"
               " -c max_connections=200 -c shared_buffers=64MB")
    _run_as(owner, [str(bin_dir / "pg_ctl"), "-D", str(folder / "data"), "-l",
                    str(folder / "server.log"), "-o", options, "-w", "start"])
    return cluster
