"""The shape every event page shares, declared once.

An event page says it is one with the file-wide field ``:page-kind: event``
at the top of its source. The structure checks then require each of
``EVENT_PAGE_SECTIONS`` as a section title on it, in this order, so a new
event page is checked the moment it declares itself.
"""

EVENT_PAGE_KIND = "event"

#: Section titles (h2) every event page has, in order.
EVENT_PAGE_SECTIONS = (
    "What it is",
    "Who it is for",
    "Format",
    "When and where",
    "How to take part",
    "How it has changed",
    "Sources",
)

#: The mission's event kinds and the page (docname) that covers each.
EVENT_KIND_PAGES = {
    "Summit": "summit",
    "Conference": "conference",
    "Forum": "forum",
    "PTG": "ptg",
    "Days": "days",
    "Meet-ups": "meetups",
}
