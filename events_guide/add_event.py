"""Add an event to the guide in one command: ``tox -e add-event``.

It asks for the facts (or takes them as options, for scripts and for a
machine without a terminal), derives the id as the data's ids are made,
finds the region from the country, writes the entry in its place in
``events.yaml`` (next to the entries of its kind, in date order, every
comment and the file's layout kept: ruamel.yaml round trip), and checks
the whole file with the same models and checks as the build before it
keeps the change. It refuses, saying why, an id that exists or an entry
that is the same event as one already there. When the source can be
reached, it confirms that the quote is on it (the fact check's code).
It ends by saying what to run next.

Example (every option: ``--help``)::

    tox -e add-event -- --kind days --name "OpenInfra Day Kenya 2027" \\
        --start 2027-11-04 --end 2027-11-05 --city Nairobi --country Kenya \\
        --source-url https://openinfra.org/days \\
        --source-title "OpenInfra Days page" \\
        --quote "OpenInfra Day Kenya November 4 & 5, 2027 Nairobi, Kenya"
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import pathlib
import re
import sys
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from . import data
from .data import places
from .data.deadlines import DEADLINE_KINDS
from .data.errors import EventDataError
from .data.fields import NOTE_MAX_WORDS
from .data.models import FORMATS, STATUSES
from .evidence import QUOTE_MAX_WORDS
from .findings import format_report

SOURCE_DIR = pathlib.Path("doc/source")
NEXT_STEPS = ("Next: run tox (every check and test), then git commit and "
              "git review (patches go through Gerrit on OpenDev).")


class Refused(Exception):
    """The entry is not written; the message says why and what to do."""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def derive_id(name: str, year: int) -> str:
    """The data's convention: the name as a slug, ending with the year
    (``OpenInfra Day Kenya 2027`` -> ``openinfra-day-kenya-2027``)."""
    base = slug(re.sub(r"\b(?:19|20)\d\d\b(?!\.\d)", "", name))
    return f"{base}-{year}"


def _day(text: str) -> str:
    datetime.date.fromisoformat(text)
    return text


def _as_day(what: str, text: str) -> datetime.date:
    """A day written YYYY-MM-DD, or a refusal that says which fact is
    wrong (an answer at the terminal is not checked by argparse)."""
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise Refused(f"{what} {text!r} is not a day written YYYY-MM-DD, "
                      "such as 2099-05-04") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="tox -e add-event --",
        description="Add an event to doc/source/_data/events.yaml. Options "
                    "not given are asked for when there is a terminal.")
    p.add_argument("--kind", action="append", dest="kinds",
                   help="a kind id from kinds.yaml (repeat for several)")
    p.add_argument("--name", help="the event's name, with its year")
    p.add_argument("--id", help="the entry's id (default: made from the "
                   "name and year)")
    p.add_argument("--start", type=_day, help="first day, YYYY-MM-DD")
    p.add_argument("--end", type=_day, help="last day (default: the first)")
    p.add_argument("--city", help="the city (leave out for --online)")
    p.add_argument("--country", help="the country, in English")
    p.add_argument("--online", action="store_true", help="held online")
    p.add_argument("--format", choices=FORMATS,
                   help="default: in-person, or virtual with --online")
    p.add_argument("--region", help="default: the country's continent")
    p.add_argument("--source-url", help="an https page with the quote")
    p.add_argument("--source-title", help="what the page is, briefly")
    p.add_argument("--quote", help="the page's own words, at most "
                   f"{QUOTE_MAX_WORDS}, that prove the dates and place")
    p.add_argument("--checked", type=_day,
                   default=datetime.date.today().isoformat(),
                   help="the day you read the quote (default: today)")
    p.add_argument("--note", help="what a reader should know, at most "
                   f"{NOTE_MAX_WORDS} words (optional)")
    p.add_argument("--status", choices=[s for s in STATUSES
                                        if s != "scheduled"],
                   help="if it changed after it was announced; its source "
                   "is the same page unless --status-url and --status-quote")
    p.add_argument("--status-url")
    p.add_argument("--status-quote")
    p.add_argument("--deadline", action="append", default=[],
                   metavar="KIND=YYYY-MM-DD[THH:MM@ZONE]",
                   help="a key date (repeatable): kinds "
                   + ", ".join(DEADLINE_KINDS) + "; its source is "
                   "--deadline-url and --deadline-quote (default: the "
                   "event's)")
    p.add_argument("--deadline-url")
    p.add_argument("--deadline-quote")
    p.add_argument("--source", type=pathlib.Path, default=SOURCE_DIR,
                   help="the source folder (default: doc/source)")
    p.add_argument("--offline", action="store_true",
                   help="do not look the quote up in its source")
    return p


#: What is asked, in order, when an option is missing: (option, question).
QUESTIONS = (("kinds", "Kind (summit, ptg, days, meetup, ...)"),
             ("name", "Name, with its year"),
             ("start", "First day (YYYY-MM-DD)"),
             ("end", "Last day (YYYY-MM-DD, empty: the first day)"),
             ("country", "Country (empty: online)"),
             ("city", "City"),
             ("source_url", "Source: https address"),
             ("source_title", "Source: what the page is"),
             ("quote", "Source: its own words that prove the dates and "
                       "place"))


def ask_for_missing(args, ask) -> None:
    """Fill the missing facts by asking (*ask*: a question -> answer)."""
    for option, question in QUESTIONS:
        if option == "city" and (args.online or not args.country):
            continue
        if option == "end" and args.end is None and args.start:
            args.end = ask(question) or args.start
            continue
        if getattr(args, option) in (None, []):
            answer = ask(question)
            if option == "kinds":
                answer = [kind.strip() for kind in answer.split(",")]
            if option == "country" and not answer:
                args.online = True
                continue
            setattr(args, option, answer or None)


def _terminal_ask(question: str) -> str:
    try:
        import questionary
        return (questionary.text(question).ask() or "").strip()
    except ImportError:  # pragma: no cover - questionary is in the extra
        return input(f"{question}: ").strip()


#: The option that gives each fact.
FLAGS = {"kinds": "--kind", "name": "--name", "start": "--start",
         "source_url": "--source-url", "source_title": "--source-title",
         "quote": "--quote", "country": "--country", "city": "--city"}


def missing(args) -> list[str]:
    """The options of the facts still missing."""
    needed = ["kinds", "name", "start", "source_url", "source_title",
              "quote"] + ([] if args.online else ["country", "city"])
    return [FLAGS[name] for name in needed
            if getattr(args, name) in (None, [])]


def _deadline(text: str, source: dict) -> dict:
    match = re.fullmatch(r"([a-z-]+)=(\d{4}-\d{2}-\d{2})"
                         r"(?:T(\d{2}:\d{2})@([\w/+-]+))?", text)
    if not match:
        raise Refused(f"--deadline {text!r}: write KIND=YYYY-MM-DD, or "
                      "KIND=YYYY-MM-DDTHH:MM@Zone/Name")
    kind, day, time, zone = match.groups()
    entry = {"kind": kind, "date": _as_day(f"--deadline {kind}", day)}
    if time:
        # Quoted, as in the file: a plain 23:59 is a number in YAML 1.1.
        entry.update(time=DoubleQuotedScalarString(time), timezone=zone)
    entry["sources"] = [source]
    return entry


def _source(title, url, quote, checked) -> dict:
    """A source as the file writes it (the quote in double quotes)."""
    return {"title": title, "url": url,
            "quote": DoubleQuotedScalarString(quote),
            "checked": _as_day("--checked", checked)}


def entry_from(args) -> dict:
    """The new entry, as the file writes it."""
    start = _as_day("--start", args.start)
    source = _source(args.source_title, args.source_url, args.quote,
                     args.checked)
    entry = {"id": args.id or derive_id(args.name, start.year),
             "name": args.name, "kinds": list(args.kinds),
             "start": start,
             "end": _as_day("--end", args.end or args.start)}
    if args.online:
        entry.update(place="virtual", format=args.format or "virtual")
    else:
        region = args.region or next(iter(places.continents(args.country)),
                                     None)
        entry.update(place={"city": args.city, "country": args.country},
                     region=region, format=args.format or "in-person")
    if args.note:
        entry["note"] = args.note
    entry["sources"] = [source]
    if args.status:
        entry["status"] = args.status
        entry["status_sources"] = [_source(
            args.source_title, args.status_url or args.source_url,
            args.status_quote or args.quote, args.checked)]
    if args.deadline:
        deadline_source = _source(
            args.source_title, args.deadline_url or args.source_url,
            args.deadline_quote or args.quote, args.checked)
        entry["deadlines"] = [_deadline(text, deadline_source)
                              for text in args.deadline]
    return entry


def _yaml():
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        type(None), lambda representer, _: representer.represent_scalar(
            "tag:yaml.org,2002:null", "null"))
    return yaml, CommentedMap, CommentedSeq


def _styled(entry: dict, CommentedMap, CommentedSeq):
    """The entry with the file's layout: kinds and a place in flow style,
    a blank line before it."""
    result = CommentedMap()
    for key, value in entry.items():
        if key == "kinds" or (key == "place" and isinstance(value, dict)):
            styled = (CommentedSeq(value) if isinstance(value, list)
                      else CommentedMap(value))
            styled.fa.set_flow_style()
            result[key] = styled
        elif isinstance(value, list):
            result[key] = CommentedSeq(
                CommentedMap(item) if isinstance(item, dict) else item
                for item in value)
        else:
            result[key] = value
    return result


def _position(entries, new: dict) -> int:
    """Where the entry goes: among the entries whose first kind is its
    own (the longest such run), after the last one not later than it."""
    kind = new["kinds"][0]
    runs, run = [], []
    for index, entry in enumerate(entries):
        if entry["kinds"][0] == kind:
            if run and index != run[-1] + 1:
                runs.append(run)
                run = []
            run.append(index)
    if run:
        runs.append(run)
    if not runs:
        return len(entries)
    same = max(runs, key=len)
    earlier = [index for index in same
               if str(entries[index].get("start") or
                      entries[index].get("year") or "") <= str(new["start"])]
    return earlier[-1] + 1 if earlier else same[0]


def write_entry(events_file: pathlib.Path, entry: dict) -> str:
    """The events file's text with *entry* in its place."""
    yaml, CommentedMap, CommentedSeq = _yaml()
    document = yaml.load(events_file.read_text(encoding="utf-8"))
    entries = document["events"]
    index = _position(entries, entry)
    entries.insert(index, _styled(entry, CommentedMap, CommentedSeq))
    # A blank line before the new entry, as between the others.
    entries.yaml_set_comment_before_after_key(index, before="\n", indent=2)
    out = io.StringIO()
    yaml.dump(document, out)
    return re.sub(r"\n[ ]*\n(\s*\n)+", "\n\n", out.getvalue())


def refuse_existing(events, entry: dict) -> None:
    """An id that exists is refused before anything is written (the same
    event under another id is refused by the build's own duplicate check,
    which :func:`main` runs on the new file before writing it)."""
    for event in events:
        if event.id == entry["id"]:
            raise Refused(f"the id {entry['id']!r} is already the id of "
                          f"{event.name!r} (line {event.line}); give "
                          "another with --id, or correct that entry")


def check_file(text: str, events_file: pathlib.Path, source: pathlib.Path,
               today: datetime.date):
    """The new file's events, checked by the build's models and checks
    (EventDataError naming the events file and the line)."""
    kinds = data.load_kinds(source / data.DEFAULT_KINDS_FILE, today)
    return data.parse_events(text, str(events_file), list(kinds), today,
                             kinds)


def confirm_quote(url: str, quote: str, fetch=None) -> str:
    """Whether the quote is on its page, in words for the contributor
    (the fact check's fetching and reading); Refused when the page is
    read and the quote is not on it."""
    from .factcheck.fetch import fetch_text
    from .factcheck.normalise import normalise, page_text
    page = (fetch or fetch_text)(url)
    if page.error:
        return (f"The source could not be reached ({page.error}); the quote "
                "is not confirmed: tox -e factcheck checks it when online.")
    if normalise(quote) in page_text(page.body, page.content_type):
        return f"The quote is on {url}."
    raise Refused(f"the quote is not on {url}: copy the page's own words "
                  f"(at most {QUOTE_MAX_WORDS}), exactly as a reader sees "
                  "them")


def main(argv=None, ask=None, fetch=None, today=None) -> int:
    args = parser().parse_args(argv)
    if ask is None and sys.stdin.isatty():
        ask = _terminal_ask
    if ask is not None:
        ask_for_missing(args, ask)
    lacking = missing(args)
    if lacking:
        print("error: no terminal to ask on, and these facts are missing: "
              + ", ".join(lacking) + " (tox -e add-event -- --help)",
              file=sys.stderr)
        return 2
    events_file = args.source / data.DEFAULT_EVENTS_FILE
    today = today or datetime.date.today()
    try:
        try:
            current = data.load(events_file,
                                args.source / data.DEFAULT_KINDS_FILE, today)
        except EventDataError as error:
            raise Refused(
                "the data does not load as it is; fix it first (tox -e "
                "docs says the same):\n" + format_report(
                    error.findings, title="Event data")) from None
        entry = entry_from(args)
        refuse_existing(current.events, entry)
        text = write_entry(events_file, entry)
        try:
            events = check_file(text, events_file, args.source, today)
        except EventDataError as error:
            same = [f for f in error.findings
                    if "is the same event as" in f.what]
            if same:
                raise Refused(same[0].what.split(": ", 1)[-1]
                              .replace("is the same event", "this is the "
                                       "same event", 1)) from None
            raise Refused("the entry does not pass the build's checks:\n"
                          + format_report(error.findings,
                                          title="Event data")) from None
        new = next(event for event in events if event.id == entry["id"])
        message = ("The quote was not looked up (--offline)." if args.offline
                   else confirm_quote(args.source_url, args.quote, fetch))
    except Refused as refused:
        print(f"refused: {refused}", file=sys.stderr)
        return 1
    temporary = events_file.with_suffix(".yaml.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, events_file)
    print(f"Added {entry['id']} at line {new.line} of {events_file}.")
    print(message)
    print(NEXT_STEPS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
