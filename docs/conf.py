"""Sphinx configuration of the sphinx-newsarc documentation (built with the extension)."""

from __future__ import annotations

import importlib.util

project = "sphinx-newsarc"
author = "sphinx-newsarc developers"
copyright = "2026, sphinx-newsarc developers; demo events: Wikipedia contributors (CC BY-SA)"
version = release = "0.1"
today_fmt = "%Y"  # no build date in the output: the same input gives the same bytes

extensions = ["myst_parser", "sphinx_design", "sphinx_newsarc"]
# the settings and warning subtypes, generated from the code (sphinx_newsarc/_docs.py)
extensions += ["sphinx_newsarc._docs"]
myst_enable_extensions = ["colon_fence", "deflist", "dollarmath"]
myst_heading_anchors = 3
exclude_patterns = ["_build", "_data"]
nitpicky = True

newsarc_related_limit = 5
newsarc_front_days = 7
# the search finds events with Pagefind where it is installed (sphinx-newsarc[search])
_pagefind = all(importlib.util.find_spec(m) for m in ("pagefind", "pagefind_bin"))
newsarc_search = "pagefind" if _pagefind else "sphinx"

html_theme = "furo" if importlib.util.find_spec("furo") else "alabaster"
html_title = "sphinx-newsarc"
epub_show_urls = "no"
latex_documents = [("index", "sphinx-newsarc.tex", "sphinx-newsarc", author, "manual")]
latex_elements = {"papersize": "a4paper"}
