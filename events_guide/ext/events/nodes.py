"""Feed links: a placeholder node, resolved when the page is written.

A link to a calendar feed depends on where the page lands in the output
and on ``html_baseurl``, which a directive cannot know while the page is
read. Directives therefore put a :class:`feed_link` node in the doctree;
at ``doctree-resolved`` each becomes a reference for the builder at hand:

* HTML builders (which write the feeds): a relative link to the feed;
* other builders (EPUB, PDF): the published feed under ``html_baseurl``;
  linkcheck, or no ``html_baseurl``: the link text alone;
* a ``subscribe`` link: ``webcal://`` + the published address, or a hint
  to copy the download link when the guide has no published address.
"""

from __future__ import annotations

from typing import Optional

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ...data.feeds import feed_name

#: Builders that get the feed files in their output folder.
FEED_BUILDERS = ("html", "dirhtml", "singlehtml")

#: Set on every node an event directive returns: the facts in it are drawn
#: from the event data, whose sources carry the quotes, so the evidence
#: check (events_guide.ext.evidence) does not ask the page to cite them.
FROM_DATA = "events_guide_from_data"


class feed_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils)
    """A link to the feed file ``feed``; ``subscribe`` for a webcal link."""


def feed_links(kind: Optional[str]) -> list[nodes.Node]:
    """Download and Subscribe links for the calendar of *kind* (``None``:
    every event)."""
    name = feed_name(kind)
    return [feed_link("", "Download", feed=name,
                      classes=["events-guide-download"]),
            nodes.Text(" (.ics) · "),
            feed_link("", "Subscribe", feed=name, subscribe=True,
                      classes=["events-guide-subscribe"]),
            nodes.Text(" (webcal)")]


def json_link() -> feed_link:
    return feed_link("", "all events as JSON", feed=feed_name(None, "json"),
                     classes=["events-guide-json"])


def _baseurl(config) -> str:
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def _download(app, node: feed_link, docname: str, target: str) -> nodes.Node:
    builder, base = app.builder, _baseurl(app.config)
    if builder.name in FEED_BUILDERS:
        uri = relative_uri(builder.get_target_uri(docname), target)
    elif base and builder.name != "linkcheck":
        uri = base + target  # offline formats: the published feeds
    else:  # the feeds exist only once an HTML build has run
        return nodes.Text(node.astext())
    return nodes.reference("", node.astext(), refuri=uri,
                           classes=node["classes"])


def _subscribe(app, node: feed_link, target: str) -> nodes.Node:
    base = _baseurl(app.config)
    if not base.startswith(("https://", "http://")):
        return nodes.inline("", "to subscribe, copy the Download link into "
                            "your calendar app")
    return nodes.reference("", node.astext(), classes=node["classes"],
                           refuri="webcal://" + base.split("://", 1)[1]
                           + target)


def _resolve(app, doctree, docname) -> None:
    folder = app.config.events_guide_feeds_dir.strip("/")
    for node in list(doctree.findall(feed_link)):
        target = f"{folder}/{node['feed']}"
        node.replace_self(_subscribe(app, node, target)
                          if node.get("subscribe")
                          else _download(app, node, docname, target))


def setup_feed_links(app) -> None:
    app.add_node(feed_link)
    app.connect("doctree-resolved", _resolve)
