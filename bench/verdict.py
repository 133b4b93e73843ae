"""Print a benchmark run's figures as tables and judge the targets from DESIGN.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bench.inputs import FORMS
from bench.report import Target, load_average, ratio, table

if TYPE_CHECKING:
    from bench.run import Bench

SPEEDUP_TARGET = 5.0
MEMORY_GROWTH_LIMIT = 1.5


def report(bench: Bench) -> None:
    """Print the figures as tables and judge each target."""
    n = bench.sizes.batch
    print(f"\n===== Results ({bench.cores} cores, {bench.elapsed()} so far;"
          f" load average now {load_average()}) =====")
    _generation_table(bench, n)
    _parse_table(bench, n)
    _scale_table(bench)
    _office_table(bench)
    _store_table(bench)
    _judge(bench)


def _generation_table(bench: Bench, n: int) -> None:
    rows = []
    for form in FORMS:
        base = bench.results.get(("generate", form, "docxtpl"))
        for method in ("tianbiao", "docxtpl", "floor"):
            m = bench.results.get(("generate", form, method))
            if m is None:
                continue
            rows.append([form, method, m.median, m.cpu_median, m.per_file_ms, m.per_second,
                         m.peak_mb, ratio(base.median, m.median) if base else "-"])
    print(f"\nGenerate {n:,} copies (median of {bench.runs}; files written to disk)")
    print(table(["form", "method", "s", "CPU s", "ms/copy", "copies/s", "peak MB",
                 "vs docxtpl"], rows))
    for form, (same, total, same_xml, difference) in bench.generation_text.items():
        print(f"  {form}: same text in {same}/{total} sampled copies"
              f" (tianbiao = docxtpl = floor); document.xml byte-identical to docxtpl"
              f" {same_xml}/{total}" + (f"; {difference}" if difference else ""))


def _parse_table(bench: Bench, n: int) -> None:
    rows = []
    for form in FORMS:
        base = bench.results.get(("parse", form, "python-docx"))
        for method in ("tianbiao-pool", "tianbiao-single", "python-docx", "floor",
                       "tianbiao-pool-blank"):
            m = bench.results.get(("parse", form, method))
            if m is None:
                continue
            children = f"{m.children_peak_mb:.0f}" if m.children_peak_mb else "-"
            outcome = ", ".join(f"{k} {v}" for k, v in m.outcome.items())
            rows.append([form, method, m.median, m.cpu_median, m.per_file_ms, m.per_second,
                         m.peak_mb, children, ratio(base.median, m.median) if base else "-",
                         outcome])
    print(f"\nParse {n:,} returned .docx (median of {bench.runs}; 'blank': 1 run)")
    print(table(["form", "method", "s", "CPU s", "ms/file", "files/s", "peak MB",
                 "worker MB", "vs python-docx", "outcome"], rows))
    print(f"  tianbiao-pool: parse_paths, {bench.cores} workers; the others one process."
          " tianbiao-pool-blank: files with no identity inside, so the form is found"
          " by title and labels.")


def _scale_table(bench: Bench) -> None:
    rows = []
    for task in ("generate", "parse"):
        for form in FORMS:
            for n in bench.sizes.scale:
                m = bench.results.get((f"scale-{task}", form, str(n)))
                if m is None:
                    continue
                children = f"{m.children_peak_mb:.0f}" if m.children_peak_mb else "-"
                rows.append([task, form, f"{n:,}", m.median, m.cpu_median, m.per_file_ms,
                             m.per_second, m.peak_mb, children])
    print("\nGrowth with the number of files (tianbiao; one fresh process per size;"
          f" {bench.runs} runs below {bench.sizes.batch:,} files, else 1)")
    print(table(["task", "form", "files", "s", "CPU s", "ms/file", "files/s", "peak MB",
                 "worker MB"], rows))


def _office_table(bench: Bench) -> None:
    rows = []
    for key, label in (("doc-batched", ".doc -> .docx, batched on all cores"),
                       ("doc-one-by-one", ".doc -> .docx, one soffice per file"),
                       ("parse-doc", "tianbiao parse of .doc (incl. conversion)"),
                       ("pdf-batched", ".docx -> .pdf, batched on all cores"),
                       ("read-pdf", "read_pdf, one process"),
                       ("parse-pdf", "tianbiao parse of .pdf, all cores")):
        m = bench.results.get(("office", key))
        if m is None:
            continue
        calls = {"doc-batched": "batched", "doc-one-by-one": "one-by-one",
                 "parse-doc": "parse-doc", "pdf-batched": "pdf"}.get(key)
        logged = bench.office_calls.get(calls or "", [])
        soffice = f"{len(logged)} ({'+'.join(map(str, logged))} files)" if calls else "-"
        rows.append([label, m.files, m.median, m.per_file_ms, m.per_second, soffice])
    print("\n.doc and .pdf")
    print(table(["what", "files", "s", "ms/file", "files/s", "soffice calls"], rows))
    read = bench.results.get(("office", "read-pdf"))
    if read is not None and bench.pdf_pages:
        print(f"  pdfplumber: {bench.pdf_pages} pages in {read.median:.2f} s ="
              f" {bench.pdf_pages / read.median:.1f} pages/s"
              f" ({read.median / bench.pdf_pages * 1000:.0f} ms a page)")


def _store_table(bench: Bench) -> None:
    rows = []
    for key in sorted({k[1] for k in bench.results if k[0] == "ingest"}, key=int):
        for task in ("ingest", "summary"):
            m = bench.results.get((task, key))
            if m is None:
                continue
            outcome = ", ".join(
                f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}"
                for k, v in m.outcome.items())
            rows.append([task, f"{int(key):,}", m.median, m.per_file_ms, m.per_second,
                         m.peak_mb, outcome])
    print("\nStore (SQLite in a temporary file) and summary workbook (1 run each)")
    print(table(["task", "files", "s", "ms/file", "files/s", "peak MB", "outcome"], rows))


def _judge(bench: Bench) -> None:
    for form in FORMS:
        tb = bench.results.get(("generate", form, "tianbiao"))
        base = bench.results.get(("generate", form, "docxtpl"))
        same, total, _, _ = bench.generation_text.get(form, (0, 0, 0, ""))
        if tb and base:
            speed = base.median / tb.median
            bench.targets.append(Target(
                f"generate {form}: >= {SPEEDUP_TARGET:g}x plain docxtpl, same text",
                speed >= SPEEDUP_TARGET and total > 0 and same == total,
                f"{speed:.1f}x; same text {same}/{total}"))
    for form in FORMS:
        pool = bench.results.get(("parse", form, "tianbiao-pool"))
        single = bench.results.get(("parse", form, "tianbiao-single"))
        base = bench.results.get(("parse", form, "python-docx"))
        if pool and base:
            speed = base.median / pool.median
            detail = f"{speed:.1f}x with parse_paths on {bench.cores} cores"
            if single:
                detail += f"; {base.median / single.median:.1f}x parse_file on one core"
            detail += (f"; CPU time per file {pool.cpu_median / pool.files * 1000:.1f} ms"
                       f" (pool) vs {base.cpu_median / base.files * 1000:.1f} ms"
                       " (python-docx)")
            not_ok = {k: v for k, v in pool.outcome.items() if k != "ok"}
            if not_ok:
                detail += f"; records not ok: {not_ok}"
            bench.targets.append(Target(
                f"parse {form}: >= {SPEEDUP_TARGET:g}x python-docx cell walk",
                speed >= SPEEDUP_TARGET and not not_ok, detail))
    _judge_memory(bench)
    calls = bench.office_calls.get("parse-doc")
    m = bench.results.get(("office", "parse-doc"))
    if m is not None and calls is not None:
        bench.targets.append(Target(
            "LibreOffice never called once per file by tianbiao",
            0 < len(calls) <= bench.cores and len(calls) < m.files,
            f"parse of {m.files} .doc started soffice {len(calls)} times"
            f" ({'+'.join(map(str, calls))} files)"))
    # The benchmark itself keeps up to one process per core plus the pool's parent busy.
    if bench.busiest > bench.cores + 0.5:
        bench.notes.append(
            f"other processes used the CPU during this run (load average up to"
            f" {bench.busiest:.1f} on {bench.cores} cores): wall-clock times are pessimistic,"
            " the process pool's most of all; 'CPU s' is the work done (own + children)")
    print("\nTargets")
    for target in bench.targets:
        print(f"  {'PASS' if target.passed else 'FAIL'}  {target.name}: {target.detail}")
    for failure in bench.failures:
        print(f"  FAIL  {failure}")
    for note in bench.notes:
        print(f"  note: {note}")


def _judge_memory(bench: Bench) -> None:
    small, large = sorted(bench.sizes.scale)[-2:]
    for task in ("generate", "parse"):
        for form in FORMS:
            a = bench.results.get((f"scale-{task}", form, str(small)))
            b = bench.results.get((f"scale-{task}", form, str(large)))
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
            bench.targets.append(Target(
                f"memory flat, {task} {form}: peak at {large:,} <= {MEMORY_GROWTH_LIMIT}x"
                f" peak at {small:,}", passed, detail))
    # Ingest streams records into the store, the summary streams them out of it into the
    # workbook: neither may grow with the batch.
    for task in ("ingest", "summary"):
        sizes = sorted(int(k[1]) for k in bench.results if k[0] == task)
        if len(sizes) < 2:
            continue
        a, b = (bench.results[(task, str(n))] for n in sizes[-2:])
        growth = b.peak_mb / a.peak_mb
        bench.targets.append(Target(
            f"memory flat, {task}: peak at {sizes[-1]:,} <= {MEMORY_GROWTH_LIMIT}x peak at"
            f" {sizes[-2]:,}", growth <= MEMORY_GROWTH_LIMIT,
            f"main {a.peak_mb:.0f} -> {b.peak_mb:.0f} MB ({growth:.2f}x)"))
