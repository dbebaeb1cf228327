# intersphinx_mapping is set by the test, pointing at project A's objects.inv
project = "B"
extensions = ["myst_parser", "sphinx.ext.intersphinx", "sphinx_newsarc"]
nitpicky = True
newsarc_generate_pages = False
