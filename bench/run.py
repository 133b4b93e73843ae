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

from bench.conversion import count_pages, install_soffice_watch, soffice_calls  # noqa: E402
from bench.generation import document_xml, shown_text  # noqa: E402
from bench.inputs import INSPECTION_FORM, REPORT_FORM, ReturnedFiles, write_roster  # noqa: E402
from bench.measure import RESULT_MARK  # noqa: E402
from bench.report import Measurement, Target, ratio, table  # noqa: E402

FORMS = (REPORT_FORM, INSPECTION_FORM)
SPEEDUP_TARGET = 5.0
MEMORY_GROWTH_LIMIT = 1.5
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
            self.measure(("summary", str(n)), f"summary of {n:,} records (Store.latest +"
                         " write_summary)", {
                             "task": "summary", "form": REPORT_FORM, "database": str(database),
                             "out": str(self.scratch / f"summary-{n}.xlsx"),
                         })

    # -- the report -------------------------------------------------------------------------

    def report(self) -> None:
        """Print the figures as tables and judge each target."""
        n = self.sizes.batch
        print(f"\n===== Results ({self.cores} cores, {self.elapsed()} so far;"
              f" load average now {_load()}) =====")
        self._generation_table(n)
        self._parse_table(n)
        self._scale_table()
        self._office_table()
        self._store_table()
        self._judge()

    def _generation_table(self, n: int) -> None:
        rows = []
        for form in FORMS:
            base = self.results.get(("generate", form, "docxtpl"))
            for method in ("tianbiao", "docxtpl", "floor"):
                m = self.results.get(("generate", form, method))
                if m is None:
                    continue
                rows.append([form, method, m.median, m.cpu_median, m.per_file_ms, m.per_second,
                             m.peak_mb, ratio(base.median, m.median) if base else "-"])
        print(f"\nGenerate {n:,} copies (median of {self.runs}; files written to disk)")
        print(table(["form", "method", "s", "CPU s", "ms/copy", "copies/s", "peak MB",
                     "vs docxtpl"], rows))
        for form, (same, total, same_xml, difference) in self.generation_text.items():
            print(f"  {form}: same text in {same}/{total} sampled copies"
                  f" (tianbiao = docxtpl = floor); document.xml byte-identical to docxtpl"
                  f" {same_xml}/{total}" + (f"; {difference}" if difference else ""))

    def _parse_table(self, n: int) -> None:
        rows = []
        for form in FORMS:
            base = self.results.get(("parse", form, "python-docx"))
            for method in ("tianbiao-pool", "tianbiao-single", "python-docx", "floor",
                           "tianbiao-pool-blank"):
                m = self.results.get(("parse", form, method))
                if m is None:
                    continue
                children = f"{m.children_peak_mb:.0f}" if m.children_peak_mb else "-"
                outcome = ", ".join(f"{k} {v}" for k, v in m.outcome.items())
                rows.append([form, method, m.median, m.cpu_median, m.per_file_ms, m.per_second,
                             m.peak_mb, children, ratio(base.median, m.median) if base else "-",
                             outcome])
        print(f"\nParse {n:,} returned .docx (median of {self.runs}; 'blank': 1 run)")
        print(table(["form", "method", "s", "CPU s", "ms/file", "files/s", "peak MB",
                     "worker MB", "vs python-docx", "outcome"], rows))
        print(f"  tianbiao-pool: parse_paths, {self.cores} workers; the others one process."
              " tianbiao-pool-blank: files with no identity inside, so the form is found"
              " by title and labels.")

    def _scale_table(self) -> None:
        rows = []
        for task in ("generate", "parse"):
            for form in FORMS:
                for n in self.sizes.scale:
                    m = self.results.get((f"scale-{task}", form, str(n)))
                    if m is None:
                        continue
                    children = f"{m.children_peak_mb:.0f}" if m.children_peak_mb else "-"
                    rows.append([task, form, f"{n:,}", m.median, m.cpu_median, m.per_file_ms,
                                 m.per_second, m.peak_mb, children])
        print("\nGrowth with the number of files (tianbiao; one fresh process per size;"
              f" {self.runs} runs below {self.sizes.batch:,} files, else 1)")
        print(table(["task", "form", "files", "s", "CPU s", "ms/file", "files/s", "peak MB",
                     "worker MB"], rows))

    def _office_table(self) -> None:
        rows = []
        for key, label in (("doc-batched", ".doc -> .docx, batched on all cores"),
                           ("doc-one-by-one", ".doc -> .docx, one soffice per file"),
                           ("parse-doc", "tianbiao parse of .doc (incl. conversion)"),
                           ("pdf-batched", ".docx -> .pdf, batched on all cores"),
                           ("read-pdf", "read_pdf, one process"),
                           ("parse-pdf", "tianbiao parse of .pdf, all cores")):
            m = self.results.get(("office", key))
            if m is None:
                continue
            calls = {"doc-batched": "batched", "doc-one-by-one": "one-by-one",
                     "parse-doc": "parse-doc", "pdf-batched": "pdf"}.get(key)
            logged = self.office_calls.get(calls or "", [])
            soffice = f"{len(logged)} ({'+'.join(map(str, logged))} files)" if calls else "-"
            rows.append([label, m.files, m.median, m.per_file_ms, m.per_second, soffice])
        print("\n.doc and .pdf")
        print(table(["what", "files", "s", "ms/file", "files/s", "soffice calls"], rows))
        read = self.results.get(("office", "read-pdf"))
        if read is not None and self.pdf_pages:
            print(f"  pdfplumber: {self.pdf_pages} pages in {read.median:.2f} s ="
                  f" {self.pdf_pages / read.median:.1f} pages/s"
                  f" ({read.median / self.pdf_pages * 1000:.0f} ms a page)")

    def _store_table(self) -> None:
        rows = []
        for key in sorted({k[1] for k in self.results if k[0] == "ingest"}, key=int):
            for task in ("ingest", "summary"):
                m = self.results.get((task, key))
                if m is None:
                    continue
                outcome = ", ".join(
                    f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                    for k, v in m.outcome.items())
                rows.append([task, f"{int(key):,}", m.median, m.per_file_ms, m.per_second,
                             m.peak_mb, outcome])
        print("\nStore (SQLite in a temporary file) and summary workbook (1 run each)")
        print(table(["task", "files", "s", "ms/file", "files/s", "peak MB", "outcome"], rows))

    def _judge(self) -> None:
        for form in FORMS:
            tb = self.results.get(("generate", form, "tianbiao"))
            base = self.results.get(("generate", form, "docxtpl"))
            same, total, _, _ = self.generation_text.get(form, (0, 0, 0, ""))
            if tb and base:
                speed = base.median / tb.median
                self.targets.append(Target(
                    f"generate {form}: >= {SPEEDUP_TARGET:g}x plain docxtpl, same text",
                    speed >= SPEEDUP_TARGET and total > 0 and same == total,
                    f"{speed:.1f}x; same text {same}/{total}"))
        for form in FORMS:
            pool = self.results.get(("parse", form, "tianbiao-pool"))
            single = self.results.get(("parse", form, "tianbiao-single"))
            base = self.results.get(("parse", form, "python-docx"))
            if pool and base:
                speed = base.median / pool.median
                detail = f"{speed:.1f}x with parse_paths on {self.cores} cores"
                if single:
                    detail += f"; {base.median / single.median:.1f}x parse_file on one core"
                detail += (f"; CPU time per file {pool.cpu_median / pool.files * 1000:.1f} ms"
                           f" (pool) vs {base.cpu_median / base.files * 1000:.1f} ms"
                           " (python-docx)")
                not_ok = {k: v for k, v in pool.outcome.items() if k != "ok"}
                if not_ok:
                    detail += f"; records not ok: {not_ok}"
                self.targets.append(Target(
                    f"parse {form}: >= {SPEEDUP_TARGET:g}x python-docx cell walk",
                    speed >= SPEEDUP_TARGET and not not_ok, detail))
        self._judge_memory()
        calls = self.office_calls.get("parse-doc")
        m = self.results.get(("office", "parse-doc"))
        if m is not None and calls is not None:
            self.targets.append(Target(
                "LibreOffice never called once per file by tianbiao",
                0 < len(calls) <= self.cores and len(calls) < m.files,
                f"parse of {m.files} .doc started soffice {len(calls)} times"
                f" ({'+'.join(map(str, calls))} files)"))
        # The benchmark itself keeps up to one process per core plus the pool's parent busy.
        if self.busiest > self.cores + 0.5:
            self.notes.append(
                f"other processes used the CPU during this run (load average up to"
                f" {self.busiest:.1f} on {self.cores} cores): wall-clock times are pessimistic,"
                " the process pool's most of all; 'CPU s' is the work done (own + children)")
        print("\nTargets")
        for target in self.targets:
            print(f"  {'PASS' if target.passed else 'FAIL'}  {target.name}: {target.detail}")
        for failure in self.failures:
            print(f"  FAIL  {failure}")
        for note in self.notes:
            print(f"  note: {note}")

    def _judge_memory(self) -> None:
        small, large = sorted(self.sizes.scale)[-2:]
        for task in ("generate", "parse"):
            for form in FORMS:
                a = self.results.get((f"scale-{task}", form, str(small)))
                b = self.results.get((f"scale-{task}", form, str(large)))
                if a is None or b is None:
                    continue
                growth = b.peak_mb / a.peak_mb
                detail = f"main {a.peak_mb:.0f} -> {b.peak_mb:.0f} MB ({growth:.2f}x)"
                passed = growth <= MEMORY_GROWTH_LIMIT
                if a.children_peak_mb and b.children_peak_mb:
                    worker = b.children_peak_mb / a.children_peak_mb
                    detail += (f", worker {a.children_peak_mb:.0f} -> {b.children_peak_mb:.0f}"
                               f" MB ({worker:.2f}x)")
                    passed = passed and worker <= MEMORY_GROWTH_LIMIT
                self.targets.append(Target(
                    f"memory flat, {task} {form}: peak at {large:,} <= {MEMORY_GROWTH_LIMIT}x"
                    f" peak at {small:,}", passed, detail))

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


def _load() -> str:
    return " ".join(f"{v:.2f}" for v in os.getloadavg())


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
          f" {os.cpu_count()} cores, load average {_load()}"
          f"{' (quick sizes)' if args.quick else ''}", flush=True)
    with tempfile.TemporaryDirectory(prefix="tianbiao-bench-") as scratch:
        bench = Bench(Path(scratch), sizes, max(1, args.runs))
        bench.build_inputs()
        bench.generation()
        bench.parsing()
        bench.scaling()
        bench.office()
        bench.store()
        bench.report()
    verdict = "All targets met." if bench.passed else "Some targets FAILED."
    print(f"\nTotal time {bench.elapsed()}. {verdict}")
    return 0 if bench.passed else 1


if __name__ == "__main__":
    sys.exit(main())
