"""The base of every event directive: the checked data, the build date,
the kind argument (checked against the kinds registry), dependency
tracking, and the table cells the directives share.
"""

from __future__ import annotations

import datetime
from typing import Optional

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from ...data import Event, EventData
from ..build_date import build_day
from .data import data_paths, event_data
from .nodes import FROM_DATA


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

    # -- cells ----------------------------------------------------------------

    def dates_cell(self, event: Event) -> list[nodes.Node]:
        cell: list[nodes.Node] = [nodes.Text(event.dates_label)]
        if event.start is not None and event.start > self.today:
            cell += [nodes.Text(" "), nodes.strong("", "(upcoming)")]
        return cell

    @staticmethod
    def event_cell(event: Event) -> list[nodes.Node]:
        cell: list[nodes.Node] = [nodes.Text(event.name)]
        if event.stand_in:
            cell += [nodes.Text(" "), nodes.emphasis(
                "", "(held instead, not counted as one)")]
        if event.note:
            cell += [nodes.Text(" — "), nodes.emphasis("", event.note)]
        return cell

    @staticmethod
    def where_cell(event: Event) -> list[nodes.Node]:
        return [nodes.Text(event.place_label)]

    @staticmethod
    def format_cell(event: Event) -> list[nodes.Node]:
        if event.is_virtual:
            return [nodes.strong("", "Virtual")]
        return [nodes.Text(event.format_label)]
