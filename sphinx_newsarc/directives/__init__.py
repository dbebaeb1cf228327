"""The directives of the ``news`` domain, one module each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.environment import BuildEnvironment

if TYPE_CHECKING:
    from ..domain import NewsDomain


def news_domain(env: BuildEnvironment) -> NewsDomain:
    """The ``news`` domain of this build, typed."""
    from ..domain import NewsDomain

    domain = env.get_domain("news")
    assert isinstance(domain, NewsDomain)
    return domain
