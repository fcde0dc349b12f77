"""Pages generated from the event data, made like every page from a source.

Each family of generated pages (:data:`events_guide.published
.GENERATED_FAMILIES`: the year pages of :mod:`.archive`, the event pages
of :mod:`.event_pages`) builds its pages' bodies as docutils nodes with a
:class:`PageWriter`, and hands each page to :func:`page_tuple` for
``html-collect-pages``. That gives every generated page what a page from
a source gets:

* the theme's page template, with the page's own stylesheet;
* the head: its summary as ``<meta name="description">``, the canonical
  link (Sphinx writes it from ``html_baseurl``) and the Open Graph tags
  sphinxext-opengraph writes for source pages (which it cannot do for a
  page without a doctree), built from the same ``ogp_*`` settings;
* a place in the search index (Sphinx would prune it: it keeps only the
  documents of the environment) and in the sitemap (sphinx-sitemap lists
  every page written);
* previous and next links, and in place of "View source · Edit this page"
  links to the data file the page is made from, at the entry's line
  (``source_data_file``, ``source_data_line`` in the template context).

The site's navigation (the theme's ``toctree()``) is the same for every
generated page of one folder: no toctree lists them, and their links
start from the same place. It is resolved once per folder and shared
(:func:`share_navigation`), so that a thousand event pages cost one
navigation, not a thousand.

Only the web builders call these (``events_guide.published``).
"""

from __future__ import annotations

import copy
import dataclasses
import html
import posixpath
import urllib.parse
from typing import Optional

from docutils import nodes
from docutils.transforms.universal import SmartQuotes
from docutils.utils import new_document
from sphinx.util.osutil import relative_uri

from ... import published
from ...data import EventData
from ...text import tidy_summary
from .data import event_data

#: The attribute of the builder that lists the generated pages fed to the
#: search index in this build.
_INDEXED = "events_guide_generated_indexed"
#: The attribute of the builder that keeps each folder's navigation.
_NAVIGATION = "events_guide_generated_navigation"


class PageWriter:
    """Builds one generated page's body as docutils nodes, with links
    relative to where the page lands."""

    def __init__(self, app, pagename: str):
        self.app, self.pagename = app, pagename
        self.data: EventData = event_data(app.env)

    def uri(self, target: str) -> str:
        """A relative link from this page to a file of the output."""
        return relative_uri(self.app.builder.get_target_uri(self.pagename),
                            target)

    def page_link(self, text: str, pagename: str,
                  **attributes) -> nodes.reference:
        """A link to a page (from a source or generated) by its name."""
        return nodes.reference("", text, internal=True, refuri=self.uri(
            self.app.builder.get_target_uri(pagename)), **attributes)

    def file_link(self, text: str, path: str,
                  **attributes) -> nodes.reference:
        """A link to a file of the output by its path (a feed)."""
        return nodes.reference("", text, internal=True,
                               refuri=self.uri(path), **attributes)


@dataclasses.dataclass(frozen=True)
class GeneratedPage:
    """One generated page: its name, its body (a section whose first child
    is the title), its one-sentence summary, its neighbours and the line
    of the data it is made from."""

    pagename: str
    section: nodes.section
    summary: str
    previous: Optional[tuple[str, str]] = None   # (pagename, title)
    next: Optional[tuple[str, str]] = None
    data_line: Optional[int] = None
    #: Extra head elements (already HTML), such as a page's JSON-LD.
    head: str = ""

    @property
    def title(self) -> str:
        return self.section[0].astext()


def open_graph_tags(app, pagename: str, title: str, summary: str) -> str:
    """The Open Graph tags sphinxext-opengraph gives a page from a source,
    from the same settings, for a page it never sees."""
    config = app.config
    site = getattr(config, "ogp_canonical_url", None) or getattr(
        config, "ogp_site_url", "") or config.html_baseurl or ""
    tags = {"og:title": title,
            "og:type": getattr(config, "ogp_type", "website")}
    if site:
        tags["og:url"] = urllib.parse.urljoin(
            site, app.builder.get_target_uri(pagename))
    site_name = getattr(config, "ogp_site_name", None)
    if site_name is not False:
        tags["og:site_name"] = site_name or config.project
    tags["og:description"] = summary
    return "".join(f'<meta property="{name}" content="{html.escape(value)}"'
                   " />\n" for name, value in tags.items())


def _keep_in_search_index(builder, pagename: str) -> None:
    """Sphinx prunes the search index to the documents of the environment
    before writing it; keep this generated page in it too."""
    indexer = builder.indexer
    kept = getattr(builder, _INDEXED, None)
    if kept is None:
        kept = set()
        setattr(builder, _INDEXED, kept)
        prune = indexer.prune
        indexer.prune = lambda docnames: prune(set(docnames) | kept)
    kept.add(pagename)


def _neighbour(app, pagename: str, neighbour) -> Optional[dict]:
    if neighbour is None:
        return None
    target, title = neighbour
    return {"link": relative_uri(app.builder.get_target_uri(pagename),
                                 app.builder.get_target_uri(target)),
            "title": html.escape(title)}


def render_fragment(builder, section: nodes.section) -> str:
    """The HTML of a generated page's body, as the builder's
    ``render_partial`` makes it, without the transforms that have nothing
    to do on a body made of nodes (validation, system messages, class
    stripping, admonitions): only the typographic quotes remain, turned on
    as Sphinx turns them on for a page read from a source, so the text
    reads as on every other page. About half the cost per page."""
    settings = copy.copy(builder._settings)
    # Typographic quotes, as Sphinx gives every page read from a source
    # (its own transform reads the config; docutils' needs the setting).
    settings.smart_quotes = builder.config.smartquotes
    settings.language_code = builder.config.language or "en"
    document = new_document("<generated page>", settings)
    document.append(section)
    document.transformer.add_transforms([SmartQuotes])
    document.transformer.apply_transforms()
    visitor = builder.create_translator(document, builder)
    document.walkabout(visitor)
    return "".join(visitor.fragment)


def page_tuple(app, page: GeneratedPage):
    """(pagename, context, template) for ``html-collect-pages``; the page
    also goes into the search index."""
    document = new_document(page.pagename, getattr(app.builder, "docsettings",
                                                   None))
    document += page.section
    if getattr(app.builder, "indexer", None) is not None:
        app.builder.indexer.feed(page.pagename, f"{page.pagename}.html",
                                 page.title, document)
        _keep_in_search_index(app.builder, page.pagename)
    # What the builder sets for each document it writes, which a build that
    # writes no document (nothing changed) has not set: this page has no
    # numbered figures or sections.
    app.builder.fignumbers, app.builder.secnumbers = {}, {}
    app.builder.current_docname = page.pagename
    body = render_fragment(app.builder, page.section)
    # The summary as the page shows it, typographic quotes included.
    summary = next((tidy_summary(node.astext()) for node in page.section
                    if isinstance(node, nodes.paragraph)), page.summary)
    context = {
        "title": page.title, "body": body,
        "metatags": ('<meta name="description" content="'
                     f'{html.escape(summary)}" />\n'
                     + open_graph_tags(app, page.pagename, page.title,
                                       summary) + page.head),
        "prev": _neighbour(app, page.pagename, page.previous),
        "next": _neighbour(app, page.pagename, page.next),
        "source_data_file": app.config.events_guide_events_file,
        "source_data_line": page.data_line,
    }
    return page.pagename, context, "page.html"


def share_navigation(app, pagename, templatename, context, doctree) -> None:
    """html-page-context: a generated page's ``toctree()`` is resolved
    once for its folder (see the module)."""
    if doctree is not None or "toctree" not in context or \
            published.family_of(published.html_file(pagename)) is None:
        return
    resolve = context["toctree"]
    shared = app.builder.__dict__.setdefault(_NAVIGATION, {})
    folder = posixpath.dirname(pagename)

    def toctree(**kwargs):
        key = (folder, tuple(sorted(kwargs.items())))
        if key not in shared:
            shared[key] = resolve(**kwargs)
        return shared[key]
    context["toctree"] = toctree


def setup_generated(app) -> None:
    # Before the theme's page style renders the page (priority 999).
    app.connect("html-page-context", share_navigation, priority=400)
