"""The JSON Schemas of the data files: made from the models, shipped
beside the files, named in each file's first line for editors, and
checked by ``tox -e pep8`` with the file and line of each problem."""

import shutil

from events_guide.data import DEFAULT_EVENTS_FILE, DEFAULT_KINDS_FILE
from events_guide.data import schema


def test_the_shipped_schemas_are_made_from_the_models(doc_source):
    for data_file, make in schema.SCHEMAS.items():
        shipped = (doc_source / schema.schema_name(data_file)).read_text(
            encoding="utf-8")
        assert shipped == schema.schema_text(make), (
            f"{schema.schema_name(data_file)} is out of date with the "
            "models: python -m events_guide.data.schema --write")


def test_the_guides_data_passes_its_schemas(doc_source):
    assert schema.check(doc_source) == []


def _copy(doc_source, tmp_path):
    for data_file in (DEFAULT_EVENTS_FILE, DEFAULT_KINDS_FILE):
        for name in (data_file, schema.schema_name(data_file)):
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(doc_source / name, tmp_path / name)
    return tmp_path / DEFAULT_EVENTS_FILE


def test_a_bad_value_is_named_with_its_file_and_line(doc_source, tmp_path):
    events = _copy(doc_source, tmp_path)
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines)
                  if line.strip() == "format: in-person")
    lines[number] = lines[number].replace("in-person", "online")
    events.write_text("".join(lines), encoding="utf-8")
    (problem,) = schema.check(tmp_path)
    assert problem.startswith(f"{events}:{number + 1}: events[")
    assert "format: 'online' is not valid" in problem


def test_a_file_without_its_modeline_is_named(doc_source, tmp_path):
    events = _copy(doc_source, tmp_path)
    text = events.read_text(encoding="utf-8")
    events.write_text(text.split("\n", 1)[1], encoding="utf-8")
    (problem,) = schema.check(tmp_path)
    assert problem.startswith(f"{events}:1: the first line must name")


def test_a_file_that_is_not_yaml_is_named_not_a_traceback(doc_source,
                                                          tmp_path):
    events = _copy(doc_source, tmp_path)
    events.write_text(events.read_text(encoding="utf-8")
                      + "\n  - id: [unclosed\n", encoding="utf-8")
    problems = schema.check(tmp_path)
    assert len(problems) == 1 and str(events) in problems[0]
