project = 'Feeds & <Tests> "Q"'
author = 'Zoë <Ünal> & "O\'Brien"'
copyright = "2026, Test"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_newsarc"]
exclude_patterns = ["_build"]
html_baseurl = "https://example.org/archive/"
nitpicky = True
