project = "One bad input per warning subtype"
author = "Test"
copyright = "2026, Test"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_newsarc"]
exclude_patterns = ["_build"]
newsarc_related_limit = -1  # newsarc.config
newsarc_feeds = True  # newsarc.feed: no html_baseurl
