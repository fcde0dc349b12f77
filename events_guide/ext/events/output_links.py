"""Links to what only the web builders write: placeholder nodes, resolved
when the page is written.

The calendar feeds and the generated pages (year pages, event pages) exist
only in the output of the web builders
(:func:`events_guide.published.writes_generated_files`), and a link to
them depends on where the page lands and on ``html_baseurl``, which a
directive cannot know while the page is read. Directives therefore put an
:class:`output_link` in the doctree; at ``doctree-resolved`` each becomes
a reference for the builder at hand:

* web builders (which write those files): a relative link;
* every other builder (singlehtml, EPUB, PDF): the published file under
  ``html_baseurl``; linkcheck, or no ``html_baseurl``: the link text alone;
* a feed's ``subscribe`` link: ``webcal://`` + the published address, or a
  hint to copy the download link when the guide has no published address.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.osutil import relative_uri

from ... import published
from ...data.feeds import feed_name


class output_link(nodes.Inline, nodes.TextElement):  # noqa: N801 (docutils)
    """A link to a file of the HTML output: a calendar feed (``feed``, a
    name inside the feeds folder; ``subscribe`` for its webcal link) or a
    generated page (``page``, a page name such as ``history/2017``), or a
    file beside the generated pages (``file``, such as an event's
    ``events/<id>.ics``)."""


def feed_links(name: str) -> list[nodes.Node]:
    """Download and Subscribe links for the calendar file *name*
    (``ptg.ics``, ``regions/asia.ics``)."""
    return [output_link("", "Download", feed=name,
                        classes=["events-guide-download"]),
            nodes.Text(" (.ics) · "),
            output_link("", "Subscribe", feed=name, subscribe=True,
                        classes=["events-guide-subscribe"]),
            nodes.Text(" (webcal)")]


def json_link() -> output_link:
    return output_link("", "all events as JSON",
                       feed=feed_name(None, "json"),
                       classes=["events-guide-json"])


def page_link(text: str, page: str, **attributes) -> output_link:
    """A link to a page the build generates (``history/2017``)."""
    return output_link("", text, page=page, **attributes)


def _baseurl(config) -> str:
    base = (config.html_baseurl or "").strip()
    return base if not base or base.endswith("/") else base + "/"


def _download(app, node: output_link, docname: str,
              target: str) -> nodes.Node:
    builder, base = app.builder, _baseurl(app.config)
    if published.writes_generated_files(builder.name):
        return nodes.reference(
            "", node.astext(), internal=True, classes=node["classes"],
            refuri=relative_uri(builder.get_target_uri(docname), target))
    if base and builder.name != "linkcheck":
        # Offline formats: the published files.
        return nodes.reference("", node.astext(), refuri=base + target,
                               classes=node["classes"])
    return nodes.Text(node.astext())  # no HTML build has written them


def _subscribe(app, node: output_link, target: str) -> nodes.Node:
    base = _baseurl(app.config)
    if not base.startswith(("https://", "http://")):
        return nodes.inline("", "to subscribe, copy the Download link into "
                            "your calendar app")
    return nodes.reference("", node.astext(), classes=node["classes"],
                           refuri="webcal://" + base.split("://", 1)[1]
                           + target)


def _target(app, node: output_link) -> str:
    """The path of the linked file in the output."""
    if node.get("feed"):
        return f"{published.FEEDS_FOLDER}/{node['feed']}"
    if node.get("file"):
        return node["file"]
    if published.writes_generated_files(app.builder.name):
        return app.builder.get_target_uri(node["page"])
    return published.html_file(node["page"])


def _resolve(app, doctree, docname) -> None:
    for node in list(doctree.findall(output_link)):
        target = _target(app, node)
        node.replace_self(_subscribe(app, node, target)
                          if node.get("subscribe")
                          else _download(app, node, docname, target))


def setup_output_links(app) -> None:
    app.add_node(output_link)
    app.connect("doctree-resolved", _resolve)
