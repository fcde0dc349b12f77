"""JSON Schemas of the data files, generated from the pydantic models.

``doc/source/_data/events.schema.json`` and ``kinds.schema.json`` are
shipped beside the files they describe, and each YAML file names its
schema in its first line (a ``yaml-language-server`` modeline), so that an
editor completes field names, shows each field's hint and flags a bad
value while the contributor types. They are made here from the same
models the build validates with (never by hand): each property's
description is the hint the build prints when the field is wrong.

``python -m events_guide.data.schema --write`` writes them; ``--check``
validates both YAML files against them (``tox -e pep8`` runs it) and
names the file and line of each problem; a test fails when a shipped
schema is out of date with the models.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import sys

import jsonschema

from .deadlines import DEADLINE_KINDS
from .errors import EventDataError
from . import DEFAULT_EVENTS_FILE
from .kinds import DEFAULT_KINDS_FILE
from .models import Event, KindInfo
from .validation import EVENT_HINTS, SOURCE_HINTS
from .yaml_source import parse_yaml, read_text

DRAFT = "https://json-schema.org/draft/2020-12/schema"
#: The modeline each data file starts with, naming its schema.
MODELINE = "# yaml-language-server: $schema={schema}"
SOURCE_DIR = pathlib.Path("doc/source")


def schema_name(data_file: str) -> str:
    """``_data/events.yaml`` -> ``_data/events.schema.json``."""
    return data_file.removesuffix(".yaml") + ".schema.json"


def _describe(definition: dict, hints: dict) -> None:
    for name, prop in definition.get("properties", {}).items():
        if name in hints:
            prop["description"] = hints[name][0].upper() + hints[name][1:]


def _model_schema(model, hints) -> tuple[dict, dict]:
    schema = model.model_json_schema(ref_template="#/$defs/{model}")
    definitions = schema.pop("$defs", {})
    _describe(schema, hints)
    for name, definition in definitions.items():
        _describe(definition, SOURCE_HINTS if name == "Source" else {})
    if "Deadline" in definitions:
        props = definitions["Deadline"]["properties"]
        props["kind"]["enum"] = list(DEADLINE_KINDS)
        props["time"]["anyOf"][0]["pattern"] = r"^\d{2}:\d{2}$"
    return schema, definitions


def events_schema() -> dict:
    event, definitions = _model_schema(Event, EVENT_HINTS)
    definitions["Event"] = event
    return {
        "$schema": DRAFT,
        "title": "The OpenStack Events Guide's events (events.yaml)",
        "description": "One entry per event; the build checks more than "
                       "this schema (see contributing/adding-an-event.rst).",
        "type": "object", "additionalProperties": False,
        "required": ["events"],
        "properties": {"events": {"type": "array",
                                  "items": {"$ref": "#/$defs/Event"}}},
        "$defs": dict(sorted(definitions.items())),
    }


def kinds_schema() -> dict:
    kind, definitions = _model_schema(KindInfo, {})
    definitions["KindInfo"] = kind
    return {
        "$schema": DRAFT,
        "title": "The OpenStack Events Guide's kinds of event (kinds.yaml)",
        "type": "object", "additionalProperties": False,
        "required": ["kinds"],
        "properties": {"kinds": {
            "type": "object", "minProperties": 1,
            "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
            "additionalProperties": {"$ref": "#/$defs/KindInfo"}}},
        "$defs": dict(sorted(definitions.items())),
    }


#: Each data file (relative to the source folder) and its schema.
SCHEMAS = {DEFAULT_EVENTS_FILE: events_schema,
           DEFAULT_KINDS_FILE: kinds_schema}


def schema_text(make) -> str:
    return json.dumps(make(), indent=2, ensure_ascii=False) + "\n"


def check(source_dir: pathlib.Path) -> list[str]:
    """Every problem the schemas find in the data files, as
    ``file:line: message``."""
    problems = []
    for data_file, make in SCHEMAS.items():
        path = source_dir / data_file
        try:
            text = read_text(path)
            doc = parse_yaml(text, str(path))
        except EventDataError as error:
            problems += [str(finding) for finding in error.findings]
            continue
        if not text.startswith(MODELINE.format(
                schema=pathlib.PurePath(schema_name(data_file)).name)):
            problems.append(f"{path}:1: the first line must name the schema "
                            "for editors: " + MODELINE.format(
                                schema=pathlib.PurePath(
                                    schema_name(data_file)).name))
        validator = jsonschema.Draft202012Validator(make())
        for error in sorted(validator.iter_errors(doc.data),
                            key=lambda e: list(map(str, e.absolute_path))):
            line = doc.line_of(*error.absolute_path) or 1
            where = "".join(f"[{part}]" if isinstance(part, int)
                            else f".{part}" for part in error.absolute_path)
            problems.append(f"{path}:{line}: {where.lstrip('.') or 'file'}:"
                            f" {error.message}")
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m events_guide.data.schema",
        description="Write the data files' JSON Schemas, or check the data "
                    "files against them.")
    parser.add_argument("--write", action="store_true",
                        help="write the schemas from the models")
    parser.add_argument("--source", type=pathlib.Path, default=SOURCE_DIR,
                        help="the source folder (default: doc/source)")
    args = parser.parse_args(argv)
    if args.write:
        for data_file, make in SCHEMAS.items():
            target = args.source / schema_name(data_file)
            target.write_text(schema_text(make), encoding="utf-8")
            print(f"wrote {target}")
        return 0
    problems = check(args.source)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problems; each line names the file and "
              "line. The schemas are made from the models: if a field is "
              "new, run python -m events_guide.data.schema --write.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
