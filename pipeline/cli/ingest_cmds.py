"""Commands: ``policylens text`` and ``policylens blocks`` — what ingestion made of a file.

Both take files, folders, zip dossiers (one output per member) and ``-``
for stdin. In a batch one unreadable file is one line on stderr; the rest
are still printed and the failures are listed again at the end.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

import typer

from pipeline.cli.app import app
from pipeline.cli.common import OutputFormat, expand_inputs, finish_batch, print_json, run_batch, stdout
from pipeline.config import DEFAULT_LIMITS, Limits
from pipeline.model import Document, block_dict

Loader = Callable[[], list[Document]]

FILES_ARG = typer.Argument(..., help="Files, folders or zip dossiers to read; '-' reads stdin.")
MAX_BYTES_OPT = typer.Option(None, "--max-bytes", help="Refuse input files larger than this many bytes.")
FORMAT_OPT = typer.Option(OutputFormat.table, "--format", "-f", help="table or json.")
TIMEOUT_OPT = typer.Option(None, "--timeout", help="Seconds allowed for one LibreOffice conversion.")


def _limits(max_bytes: int | None, timeout: int | None) -> Limits:
    return DEFAULT_LIMITS.with_(max_bytes=max_bytes, convert_timeout=timeout)


def work_items(paths: list[str], limits: Limits) -> list[tuple[str, Loader]]:
    """(label, loader) for every document the inputs hold: files, folder contents, zip members."""
    items: list[tuple[str, Loader]] = []
    for p in expand_inputs(paths):
        items.extend(_items_for(p, limits))
    return items


def _items_for(p: str, limits: Limits) -> Iterator[tuple[str, Loader]]:
    from pipeline.ingest import load, load_bytes

    if p == "-":
        data = sys.stdin.buffer.read()
        yield "-", lambda: [load_bytes(data, "-", limits=limits)]
        return
    if _is_zip_dossier(p):
        from pipeline.ingest.archive import iter_archive

        try:
            members = list(iter_archive(p, limits=limits))
        except Exception as err:  # noqa: BLE001 - reported as this input's failure in the batch
            failure = err

            def fail_loader() -> list[Document]:
                raise failure

            yield p, fail_loader
            return
        yield from members
        return
    yield p, lambda: [load(p, limits=limits)]


def _is_zip_dossier(p: str) -> bool:
    """A zip read as a dossier; a zip *named* .docx/.odt is that format (corrupt or not), never a dossier."""
    from pathlib import Path

    from pipeline.errors import PolicyLensError
    from pipeline.ingest import detect_format

    try:
        with open(p, "rb") as fh:
            head = fh.read(8192)
        return detect_format(Path(p), head) == "zip"
    except (OSError, PolicyLensError):
        return False  # load() reports the problem with its own message


@app.command("text")
def text_cmd(
    files: list[str] = FILES_ARG,
    max_bytes: int | None = MAX_BYTES_OPT,
    timeout: int | None = TIMEOUT_OPT,
) -> None:
    """Print the normalised text of each document (a '==> name <==' header when there are several)."""
    limits = _limits(max_bytes, timeout)
    items = work_items(files, limits)
    loaders = dict(items)
    several = len(items) > 1
    first = [True]

    def show(label: str) -> None:
        docs = loaders[label]()
        for doc in docs:
            if several or len(docs) > 1:
                sys.stdout.write(("" if first[0] else "\n") + f"==> {doc.source.display_name} <==\n")
            first[0] = False
            sys.stdout.write(doc.text + "\n")
        sys.stdout.flush()

    finish_batch(run_batch([label for label, _ in items], show), "files")


@app.command("blocks")
def blocks_cmd(
    files: list[str] = FILES_ARG,
    format: OutputFormat = FORMAT_OPT,
    max_bytes: int | None = MAX_BYTES_OPT,
    timeout: int | None = TIMEOUT_OPT,
) -> None:
    """Print the layout blocks ingestion found: kind, page, offsets and text."""
    limits = _limits(max_bytes, timeout)
    items = work_items(files, limits)
    loaders = dict(items)
    collected: list[dict] = []

    def show(label: str) -> None:
        for doc in loaders[label]():
            if format == OutputFormat.json:
                collected.append(_doc_blocks(doc))
            else:
                _print_table(doc)

    result = run_batch([label for label, _ in items], show)
    if format == OutputFormat.json:
        print_json(collected)
    finish_batch(result, "files")


def _doc_blocks(doc: Document) -> dict:
    src = doc.source
    return {
        "source": {
            "path": src.path,
            "member": src.member,
            "format": src.format,
            "encoding": src.encoding,
            "sha256": src.sha256,
            "size": src.size,
        },
        "blocks": [dict(block_dict(b), text=b.text_in(doc.text)) for b in doc.blocks],
    }


def _print_table(doc: Document) -> None:
    from rich.table import Table

    table = Table(title=doc.source.display_name, show_lines=False)
    for col in ("#", "kind", "page", "start", "end", "text"):
        table.add_column(col, justify="right" if col in ("#", "page", "start", "end") else "left")
    for i, b in enumerate(doc.blocks):
        text = b.text_in(doc.text).replace("\n", " ⏎ ")
        table.add_row(
            str(i),
            str(b.kind),
            "" if b.page is None else str(b.page),
            "" if b.start is None else str(b.start),
            "" if b.end is None else str(b.end),
            text if len(text) <= 80 else text[:79] + "…",
            style="dim" if b.start is None else None,
        )
    stdout.print(table)
