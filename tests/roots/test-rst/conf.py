project = "Sample in rST"
author = "Test"
copyright = "2026, Test"
version = release = "1.0"
extensions = ["sphinx_newsarc"]
exclude_patterns = ["_build"]
