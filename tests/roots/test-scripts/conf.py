project = "Scripts"
author = "Test"
copyright = "2026, Test"
version = release = "1.0"
extensions = ["myst_parser", "sphinx_newsarc"]
exclude_patterns = ["_build"]
# names in Greek, Cyrillic and Japanese: a Unicode engine (tests override it with pdflatex)
latex_engine = "xelatex"
