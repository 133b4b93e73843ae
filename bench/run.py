"""`make bench`: time tianbiao against plain docxtpl, python-docx and the floor; check targets.

Builds its inputs in a temporary folder, runs every measurement in a fresh child process
(medians of several runs at 1,000 files, single runs at 10,000), prints progress as it goes,
then the figures and each target from DESIGN.md as PASS or FAIL. Exits 1 when a target fails.

    .venv/bin/python bench/run.py            # the full benchmark (about 10-15 minutes)
    .venv/bin/python bench/run.py --quick    # small sizes, to try the script itself
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import inference_speed, levels_load, web_uploads  # noqa: E402
from bench.conversion import count_pages, install_soffice_watch, soffice_calls  # noqa: E402
from bench.generation import document_xml, shown_text  # noqa: E402
from bench.inputs import FORMS, REPORT_FORM, ReturnedFiles, write_roster  # noqa: E402
from bench.measure import RESULT_MARK  # noqa: E402
from bench.report import Measurement, Target, load_average  # noqa: E402
from bench.verdict import report  # noqa: E402

TEXT_SAMPLES = 25


@dataclass(frozen=True)
class Sizes:
    """How many files each part of the benchmark uses."""

    batch: int
    scale: tuple[int, ...]
    office: int
    one_by_one: int


FULL = Sizes(batch=1_000, scale=(100, 1_000, 10_000), office=40, one_by_one=4)
QUICK = Sizes(batch=100, scale=(20, 100, 400), office=6, one_by_one=2)


class Bench:
    """One benchmark run: its scratch folder, sizes, results and targets."""

    def __init__(self, scratch: Path, sizes: Sizes, runs: int) -> None:
        self.scratch = scratch
        self.sizes = sizes
        self.runs = runs
        self.cores = os.cpu_count() or 1
        self.results: dict[tuple[str, ...], Measurement] = {}
        self.targets: list[Target] = []
        self.failures: list[str] = []
        self.notes: list[str] = []
        self.generation_text: dict[str, tuple[int, int, int, str]] = {}
        self.office_calls: dict[str, list[int]] = {}
        self.pdf_pages = 0
        self.step = 0
        self.busiest = os.getloadavg()[0]
        self.started = time.perf_counter()

    # -- running children -------------------------------------------------------------------

    def measure(self, key: tuple[str, ...], label: str, job: dict[str, Any],
                env: dict[str, str] | None = None) -> Measurement | None:
        """Run `job` in a fresh child process; keep and print its result under `key`."""
        self.step += 1
        load = os.getloadavg()[0]
        self.busiest = max(self.busiest, load)
        print(f"  [{self.step}] {label} (load average {load:.2f}) ...", flush=True)
        completed = subprocess.run(
            [sys.executable, "-m", "bench.measure", json.dumps(job)],
            cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False,
            env={**os.environ, **(env or {})},
        )
        lines = [line for line in completed.stdout.splitlines() if line.startswith(RESULT_MARK)]
        if completed.returncode != 0 or not lines:
            self.failures.append(f"{label}: the measurement failed (exit {completed.returncode})")
            print(f"    FAILED (exit {completed.returncode})", flush=True)
            return None
        data = json.loads(lines[-1][len(RESULT_MARK):])
        result = Measurement(label, data.get("files") or 0, data["times"], data["peak_mb"],
                             data["children_peak_mb"], data.get("outcome", {}),
                             data.get("cpu", []))
        self.results[key] = result
        print(result.line() + f"   [{self.elapsed()}]", flush=True)
        return result

    def elapsed(self) -> str:
        """Return the time since the benchmark started, as m:ss."""
        seconds = int(time.perf_counter() - self.started)
        return f"{seconds // 60}:{seconds % 60:02d}"

    # -- inputs -----------------------------------------------------------------------------

    def build_inputs(self) -> None:
        """Write the rosters and the returned files every measurement reads."""
        print(f"Building inputs in {self.scratch} ...", flush=True)
        largest = max(self.sizes.scale)
        for form in FORMS:
            for rows in {self.sizes.batch, *self.sizes.scale}:
                write_roster(form, rows, self.roster(form, rows))
            from forms.registry import get_form

            spec = get_form(form)
            ReturnedFiles(spec).write(self.returned(form), largest)
            ReturnedFiles(spec, identity=False).write(self.returned(form, identity=False),
                                                      self.sizes.batch)
            print(f"  {form}: rosters, {largest:,} returned copies with identity,"
                  f" {self.sizes.batch:,} without   [{self.elapsed()}]", flush=True)

    def roster(self, form: str, rows: int) -> Path:
        """Return where the roster of `rows` rows for `form` is."""
        return self.scratch / "rosters" / f"{form}-{rows}.csv"

    def returned(self, form: str, *, identity: bool = True) -> Path:
        """Return the folder of returned copies of `form`."""
        return self.scratch / "returned" / form / ("identity" if identity else "blank")

    # -- generation -------------------------------------------------------------------------

    def generation(self) -> None:
        """Time generating the batch with tianbiao, docxtpl and the floor; compare the text."""
        n = self.sizes.batch
        print(f"\nGenerate {n:,} pre-filled copies per form ({self.runs} runs each)", flush=True)
        for form in FORMS:
            kept = {}
            for method in ("tianbiao", "docxtpl", "floor"):
                keep = self.scratch / "generated" / form / method
                kept[method] = keep
                self.measure(("generate", form, method), f"{form} {method} {n:,} copies", {
                    "task": "generate", "form": form, "method": method,
                    "roster": str(self.roster(form, n)), "runs": self.runs,
                    "scratch": str(self.scratch / "generate-runs"), "keep": str(keep),
                })
            self.compare_text(form, kept)
            shutil.rmtree(self.scratch / "generated" / form, ignore_errors=True)

    def compare_text(self, form: str, kept: dict[str, Path]) -> None:
        """Check that sampled copies show the same text whichever way they were made."""
        outputs = {m: sorted(folder.glob("*.docx")) for m, folder in kept.items()}
        if len({len(files) for files in outputs.values()}) != 1 or not outputs["tianbiao"]:
            self.generation_text[form] = (0, 0, 0, "the methods wrote different numbers of files")
            return
        total = len(outputs["tianbiao"])
        step = max(1, total // TEXT_SAMPLES)
        picks = sorted(set(range(0, total, step)) | set(range(96, total, 97)))
        same = same_xml = 0
        first_difference = ""
        for index in picks:
            texts = {m: shown_text(files[index]) for m, files in outputs.items()}
            if texts["tianbiao"] == texts["docxtpl"] == texts["floor"]:
                same += 1
            elif not first_difference:
                first_difference = _difference(outputs["tianbiao"][index].name, texts)
            if document_xml(outputs["tianbiao"][index]) == document_xml(outputs["docxtpl"][index]):
                same_xml += 1
        self.generation_text[form] = (same, len(picks), same_xml, first_difference)
        print(f"    same text (paragraphs + cells, python-docx): {same}/{len(picks)} sampled"
              f" copies; document.xml byte-identical to docxtpl's: {same_xml}/{len(picks)}",
              flush=True)
        if first_difference:
            print(f"    first difference: {first_difference}", flush=True)

    # -- parsing ----------------------------------------------------------------------------

    def parsing(self) -> None:
        """Time reading the batch of returned copies four ways, and without identity inside."""
        n = self.sizes.batch
        print(f"\nParse {n:,} returned .docx per form ({self.runs} runs each)", flush=True)
        for form in FORMS:
            for method in ("tianbiao-pool", "tianbiao-single", "python-docx", "floor"):
                self.measure(("parse", form, method), f"{form} {method} {n:,} files", {
                    "task": "parse", "method": method, "folder": str(self.returned(form)),
                    "limit": n, "runs": self.runs,
                })
            self.measure(("parse", form, "tianbiao-pool-blank"),
                         f"{form} tianbiao-pool, no identity inside (blank attachment filled),"
                         f" {n:,} files", {
                             "task": "parse", "method": "tianbiao-pool",
                             "folder": str(self.returned(form, identity=False)), "runs": 1,
                         })

    # -- scale ------------------------------------------------------------------------------

    def scaling(self) -> None:
        """Time and peak memory of tianbiao's generate and parse at growing batch sizes."""
        sizes = ", ".join(f"{s:,}" for s in self.sizes.scale)
        print(f"\nGrowth: tianbiao generate and parse at {sizes} files", flush=True)
        for form in FORMS:
            for n in self.sizes.scale:
                runs = self.runs if n < self.sizes.batch else 1
                self.measure(("scale-generate", form, str(n)), f"{form} generate {n:,}", {
                    "task": "generate", "form": form, "method": "tianbiao",
                    "roster": str(self.roster(form, n)), "runs": runs,
                    "scratch": str(self.scratch / "scale-runs"),
                })
                self.measure(("scale-parse", form, str(n)), f"{form} parse {n:,}", {
                    "task": "parse", "method": "tianbiao-pool",
                    "folder": str(self.returned(form)), "limit": n, "runs": runs,
                })

    # -- LibreOffice and PDF ----------------------------------------------------------------

    def office(self) -> None:
        """Time LibreOffice batched against once per file, and pdfplumber per page."""
        from parsers.office import WORD_97, WRITER_PDF, convert_on_all_cores

        n = self.sizes.office
        print(f"\n.doc and .pdf: {n} returned files (half of each form), LibreOffice on"
              f" {self.cores} cores", flush=True)
        folder = self.scratch / "office"
        docx_files = []
        for form in FORMS:
            source = sorted(self.returned(form).glob("*.docx"))[: n // 2]
            for index, path in enumerate(source, start=1):
                target = folder / "docx" / f"{form}-{index:02d}.docx"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
                docx_files.append(str(target))
        print(f"  making {n} .doc files with LibreOffice (input, not timed) ...", flush=True)
        made = convert_on_all_cores([Path(f) for f in docx_files], WORD_97, folder / "doc")
        doc_files = sorted(str(p) for p in made.values() if isinstance(p, Path))
        if len(doc_files) != n:
            self.failures.append(f"LibreOffice made {len(doc_files)} of {n} .doc inputs")
        watch = folder / "watch"

        def watched(name: str) -> tuple[dict[str, str], Path]:
            log = watch / f"{name}.log"
            return install_soffice_watch(watch / "bin", log), log

        env, log = watched("batched")
        self.measure(("office", "doc-batched"), f".doc -> .docx, {len(doc_files)} files,"
                     " convert_on_all_cores", {
                         "task": "office", "how": "batched", "files": doc_files,
                         "target": "docx:MS Word 2007 XML", "infilter": "MS Word 97",
                         "out": str(folder / "batched"),
                     }, env)
        self.office_calls["batched"] = soffice_calls(log)
        alone = doc_files[: self.sizes.one_by_one]
        env, log = watched("one-by-one")
        self.measure(("office", "doc-one-by-one"), f".doc -> .docx, {len(alone)} files,"
                     " one soffice call per file", {
                         "task": "office", "how": "one-by-one", "files": alone,
                         "out": str(folder / "one-by-one"),
                     }, env)
        self.office_calls["one-by-one"] = soffice_calls(log)
        env, log = watched("parse-doc")
        self.measure(("office", "parse-doc"), f"tianbiao parse_paths on {len(doc_files)} .doc",
                     {"task": "office", "how": "parse", "files": doc_files}, env)
        self.office_calls["parse-doc"] = soffice_calls(log)
        env, log = watched("pdf")
        self.measure(("office", "pdf-batched"), f".docx -> .pdf, {n} files,"
                     " convert_on_all_cores", {
                         "task": "office", "how": "batched", "files": docx_files,
                         "target": WRITER_PDF, "out": str(folder / "pdf"),
                     }, env)
        self.office_calls["pdf"] = soffice_calls(log)
        pdf_files = sorted(str(p) for p in (folder / "pdf").rglob("*.pdf"))
        self.pdf_pages = count_pages(pdf_files)
        self.measure(("office", "read-pdf"), f"read_pdf (pdfplumber) on {len(pdf_files)} PDFs,"
                     f" {self.pdf_pages} pages, one process", {
                         "task": "office", "how": "read-pdf", "files": pdf_files,
                         "runs": self.runs,
                     })
        self.measure(("office", "parse-pdf"), f"tianbiao parse_paths on {len(pdf_files)} PDFs",
                     {"task": "office", "how": "parse", "files": pdf_files, "runs": self.runs})

    # -- the store --------------------------------------------------------------------------

    def store(self) -> None:
        """Time ingesting returned files into SQLite and writing the summary of them."""
        sizes = [self.sizes.batch, max(self.sizes.scale)]
        print(f"\nStore: ingest and summary of {REPORT_FORM} at"
              f" {', '.join(f'{s:,}' for s in sizes)} files", flush=True)
        for n in sizes:
            database = self.scratch / f"store-{n}.db"
            self.measure(("ingest", str(n)), f"ingest {n:,} files into SQLite", {
                "task": "ingest", "folder": str(self.returned(REPORT_FORM)), "limit": n,
                "database": str(database),
            })
            self.measure(("summary", str(n)), f"summary of {n:,} records (Store.latest_records +"
                         " write_summary)", {
                             "task": "summary", "form": REPORT_FORM, "database": str(database),
                             "out": str(self.scratch / f"summary-{n}.xlsx"),
                         })

    @property
    def passed(self) -> bool:
        """Return whether every target passed and every measurement ran."""
        return all(t.passed for t in self.targets) and not self.failures


def _difference(name: str, texts: dict[str, list[str]]) -> str:
    reference = texts["tianbiao"]
    for method, lines in texts.items():
        for index, (a, b) in enumerate(zip(reference, lines, strict=False)):
            if a != b:
                return f"{name} line {index}: tianbiao {a!r} vs {method} {b!r}"
        if len(lines) != len(reference):
            return f"{name}: tianbiao {len(reference)} lines vs {method} {len(lines)}"
    return ""


def main() -> int:
    """Run the benchmark; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small sizes, to try the script")
    parser.add_argument("--runs", type=int, default=3, help="runs per cheap measurement (3)")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    bench_started = time.strftime("%Y-%m-%d %H:%M")
    print(f"tianbiao benchmark, {bench_started}, Python {sys.version.split()[0]},"
          f" {os.cpu_count()} cores, load average {load_average()}"
          f"{' (quick sizes)' if args.quick else ''}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tianbiao-bench-") as scratch:
        bench = Bench(Path(scratch), sizes, max(1, args.runs))
        bench.build_inputs()
        bench.generation()
        bench.parsing()
        bench.scaling()
        bench.office()
        bench.store()
        inference_speed.measure(bench)
        web_uploads.measure(bench)
        levels_load.measure(bench)
        report(bench)
    verdict = "All targets met." if bench.passed else "Some targets FAILED."
    if args.quick:
        verdict += " (Quick sizes: the targets are meant for the full run.)"
    print(f"\nTotal time {bench.elapsed()}. {verdict}")
    return 0 if bench.passed else 1


if __name__ == "__main__":
    sys.exit(main())
