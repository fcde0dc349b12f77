"""The base of every event directive: the checked data, the build date,
the kind argument (checked against the kinds registry) and dependency
tracking. The table cells the directives share are in :mod:`.render`.
"""

from __future__ import annotations

import datetime
from typing import Optional

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...data import EventData
from ...evidence import FROM_DATA
from ..build_date import build_day
from .data import data_paths, event_data


class EventDirective(SphinxDirective):
    """Subclasses implement :meth:`render`; :meth:`run` notes that the page
    depends on the YAML files, so editing them rebuilds it."""

    has_content = False
    required_arguments = 0
    optional_arguments = 0
    final_argument_whitespace = False

    @property
    def data(self) -> EventData:
        return event_data(self.env)

    @property
    def today(self) -> datetime.date:
        return build_day(self.config)

    def run(self) -> list[nodes.Node]:
        for path in data_paths(self.env.srcdir, self.config):
            self.env.note_dependency(str(path))
        result = self.render()
        for node in result:
            # Facts drawn from the data cite their sources in the data.
            node[FROM_DATA] = True
        return result

    def render(self) -> list[nodes.Node]:  # pragma: no cover - abstract
        raise NotImplementedError

    def kind_argument(self, required: bool = True) -> Optional[str]:
        """The kind named by the argument, one of the registry's ids."""
        known = ", ".join(self.data.kinds)
        if not self.arguments:
            if required:
                raise self.error(f"{self.name}: give a kind, one of: "
                                 f"{known} (from kinds.yaml)")
            return None
        kind = self.arguments[0].strip()
        if kind not in self.data.kinds:
            raise self.error(f"{self.name}: unknown kind {kind!r}; use one "
                             f"of: {known} (from kinds.yaml)")
        return kind

    def kind_link(self, kind: str) -> addnodes.pending_xref:
        """A link to the page that covers *kind*, named after the kind."""
        info = self.data.kinds[kind]
        ref = addnodes.pending_xref(
            "", refdomain="std", reftype="doc", reftarget="/" + info.page,
            refexplicit=True, refwarn=True, refdoc=self.env.docname)
        ref += nodes.inline("", info.name, classes=["xref", "std", "std-doc"])
        return ref
