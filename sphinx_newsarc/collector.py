"""Fewer garbage-collector passes while Sphinx builds an archive.

An archive's build keeps tens of thousands of small objects alive (the stored events, the
archive model, the pages' views). CPython's cyclic collector runs a young-generation pass
every 700 allocations (its default) and now and then walks everything alive, so its cost
grows with the archive: on the benchmark's one year (8,210 events) it was a quarter of a
rebuild after one edit (``docs/performance.md``). From ``config-inited`` (before the
pickled environment is loaded) to ``build-finished`` the young generation's threshold is
raised to :data:`YOUNG_THRESHOLD` (as mypy does for the same reason), unless it is higher
already; the thresholds found are put back at the end, so a process that runs several
builds (tests, a live server) keeps its own settings between them. Garbage is still
collected, only in larger batches: peak memory stays that of CPython's defaults.
"""

from __future__ import annotations

import gc

from sphinx.application import Sphinx
from sphinx.config import Config

__all__ = ["OLDER_THRESHOLDS", "YOUNG_THRESHOLD", "setup_collector"]

#: Allocations between two young-generation passes during a build (CPython's default: 700).
YOUNG_THRESHOLD = 10_000

#: The older generations' thresholds during a build (CPython's defaults: 10, 10): the
#: middle generation is collected every 2 young passes (20,000 allocations, not 10 x
#: 10,000), so garbage that outlives a young pass (a written page's document tree) is
#: freed about as soon as with CPython's defaults. With (10, 10) the 2010 archive-layout
#: build needed 38% more memory for 10% less time; this keeps its peak memory.
OLDER_THRESHOLDS = (2, 10)


def setup_collector(app: Sphinx) -> None:
    """Raise the collector's threshold from ``config-inited`` to ``build-finished``."""
    found: list[tuple[int, int, int]] = []  # the thresholds in force before this build

    def raise_thresholds(app: Sphinx, config: Config) -> None:
        found[:] = [gc.get_threshold()]
        young = found[0][0]
        if young and young < YOUNG_THRESHOLD:  # 0: collection is off; leave it so
            gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)

    def restore_thresholds(app: Sphinx, exception: BaseException | None) -> None:
        if found:
            gc.set_threshold(*found.pop())

    app.connect("config-inited", raise_thresholds, priority=0)
    app.connect("build-finished", restore_thresholds, priority=1000)
