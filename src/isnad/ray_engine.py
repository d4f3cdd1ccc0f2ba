"""The Ray Data engine: the same per-page steps, as Ray Data map batches.

The driver expands the inputs into units (files, or error rows for missing
paths); Ray reads each unit on the cluster (``flat_map``), runs
:func:`isnad.pipeline.process_pages` over batches of pages (``map_batches``),
and streams the results back in input order, so the driver writes exactly
the records of the local engine.  Corpus steps then run in the driver.
"""
from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator

from .model import Skipped
from .read import DEFAULT_OPTIONS, ReadOptions, expand_inputs, read_unit


def map_pages_ray(inputs: Iterable[str], address: str | None, batch_size: int = 64, corpus: bool = True,
                  read_options: ReadOptions = DEFAULT_OPTIONS) -> Iterator:
    """PageResults of every input page, in input order (``corpus``: see :func:`isnad.pipeline.process_pages`;
    ``read_options``: see :class:`isnad.read.ReadOptions`)."""
    import ray

    from .pipeline import page_key, process_pages

    units = list(expand_inputs(inputs))
    if "-" in units:
        raise ValueError("standard input cannot be read by the Ray engine; pass files")
    ray.init(address=address, ignore_reinit_error=True, include_dashboard=False,
             log_to_driver=False, configure_logging=False)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False

    def read(row: dict) -> list[dict]:
        rows = []
        for page in read_unit(pickle.loads(row["unit"]), read_options):
            if isinstance(page, Skipped):
                continue
            rows.append({"key": page_key(page), "page": pickle.dumps(page)})
        return rows

    def process(batch: dict) -> dict:
        results = process_pages([(key, pickle.loads(page)) for key, page in zip(batch["key"], batch["page"])], corpus)
        return {"result": [pickle.dumps(r) for r in results]}

    dataset = (
        ray.data.from_items([{"unit": pickle.dumps(u)} for u in units], override_num_blocks=max(1, len(units)))
        .flat_map(read)
        .map_batches(process, batch_size=batch_size, batch_format="numpy")
    )
    for row in dataset.iter_rows():
        yield pickle.loads(row["result"])
