"""The archive reaches every builder without the author's toctree.

Sphinx's own general index is in the website, the PDF and the ePub whether or not an
author lists it; so is the archive. When no toctree lists the archive's front page, the
root document gets a toctree of it, appended at its end: the sidebar, the PDF (the
archive after the author's chapters) and the ePub navigation then have it, and Sphinx does
not warn ``toc.not_included``. The toctree is not hidden (the ePub's navigation leaves
hidden toctrees out): the root page ends with one link to the archive. Where the author
lists the front page, their place wins and nothing is added.

Whether a toctree lists the front page is known only when every document has been read.
The root document decides when it is read, from what it knows then (its own toctrees and
those of documents already read); after reading (``env-updated``) the decision is checked
against all documents, and in the rare case it changed (an author added or removed the
front page from a toctree elsewhere), the root document is read again and every page is
written again (their sidebars show the archive or no longer do).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from .config import settings
from .core.pages import plan_roots
from .stubs import is_generated_stub

__all__ = [
    "add_archive_toctree",
    "archive_front_page",
    "check_archive_toctree",
    "setup_toctree",
    "toctree_of",
]

#: Domain data key: root docname -> the front page its added toctree lists.
DATA_KEY = "auto_toctree"


def archive_front_page(env: BuildEnvironment) -> str | None:
    """The archive's front page, when sphinx-newsarc writes it (not an author's file)."""
    config = settings(env.config)
    if not config.generate_pages:
        return None
    front = plan_roots(config.pages, config.titles())[0].docname
    if front == env.config.root_doc or front not in env.found_docs:
        return None
    if not is_generated_stub(env.doc2path(front)):
        return None
    return front


def _listed_elsewhere(env: BuildEnvironment, front: str, root: str) -> bool:
    """Whether a toctree other than the one added to the root lists ``front``."""
    added = env.domaindata["news"][DATA_KEY].get(root)
    for docname, includes in env.toctree_includes.items():
        if front not in includes:
            continue
        if docname != root or added != front or includes.count(front) > 1:
            return True
    return False


def toctree_of(parent: str, docnames: list[str]) -> nodes.compound:
    """A visible toctree of ``docnames`` (one level), as the ``toctree`` directive
    makes it, in its wrapper."""
    toctree = addnodes.toctree()
    toctree["parent"] = parent
    toctree["entries"] = [(None, docname) for docname in docnames]
    toctree["includefiles"] = list(docnames)
    toctree["maxdepth"] = 1
    toctree["caption"] = None
    toctree["glob"] = False
    toctree["hidden"] = False
    toctree["includehidden"] = False
    toctree["numbered"] = 0
    toctree["titlesonly"] = False
    return nodes.compound("", toctree, classes=["toctree-wrapper"])


def add_archive_toctree(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read`` (before Sphinx notes the toctrees): give the root document a
    toctree of the archive (one link) when no toctree known so far lists it."""
    env = app.env
    root = env.config.root_doc
    if env.docname != root:
        return
    front = archive_front_page(env)
    if front is None:
        return
    own = {f for node in doctree.findall(addnodes.toctree) for f in node["includefiles"]}
    if front in own or _listed_elsewhere(env, front, root):
        return
    doctree.append(toctree_of(root, [front]))
    env.domaindata["news"][DATA_KEY][root] = front


def check_archive_toctree(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: read the root document again when whether it must list the
    archive changed; return the documents to write again (all of them, for their
    sidebars), or none."""
    root = env.config.root_doc
    if root not in env.found_docs:
        return []
    front = archive_front_page(env)
    added = env.domaindata["news"][DATA_KEY].get(root)
    wanted = front if front is not None and not _listed_elsewhere(env, front, root) else None
    if wanted == added:
        return []
    app.events.emit("env-purge-doc", env, root)
    env.clear_doc(root)
    app.builder.read_doc(root)
    return sorted(env.found_docs)


def setup_toctree(app: Sphinx) -> None:
    """Before Sphinx's toctree collector (priority 500) notes the root document's
    toctrees; checked after reading, before the conflicts are reported."""
    app.connect("doctree-read", add_archive_toctree, priority=400)
    app.connect("env-updated", check_archive_toctree, priority=400)
