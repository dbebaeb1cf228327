"""The pure core of sphinx-newsarc: event model, dates, entities, ranking, archive.

Nothing in this package imports Sphinx or docutils; it is tested on its own.
"""
