"""document.schema.json documents what ``policylens extract`` writes."""

from __future__ import annotations

import copy
import json

import jsonschema
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.data import DATA_DIR
from tests.conftest import SEED_NOTICE, SEED_OPINIONS

SCHEMA = json.loads((DATA_DIR / "schema" / "document.schema.json").read_text(encoding="utf-8"))
runner = CliRunner()


@pytest.fixture(scope="module")
def seed_outputs() -> list[dict]:
    result = runner.invoke(app, ["extract", "--blocks", str(SEED_NOTICE), str(SEED_OPINIONS)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_schema_validates_extract_output_for_both_seeds(seed_outputs: list[dict]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert len(seed_outputs) == 2
    for data in seed_outputs:
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]
        assert errors == []
        assert data["clauses"], "seeds have clauses"


def test_schema_offsets_point_into_text(seed_outputs: list[dict]) -> None:
    for data in seed_outputs:
        for field in ("clauses", "amounts", "deadlines", "citations", "contacts"):
            for item in data[field]:
                assert data["text"][item["start"] : item["end"]] == item["text"], (field, item["text"])


def test_schema_clause_kinds_match_label_set() -> None:
    from pipeline.extract.clause_kind import labels

    assert SCHEMA["$defs"]["clause"]["properties"]["kind"]["enum"] == list(labels())


# documents the schema must reject: each breaks one documented rule
def _broken(seed: dict) -> list[tuple[str, dict]]:
    out = []
    d = copy.deepcopy(seed)
    d["clauses"][0]["kind"] = "misc"
    out.append(("unknown clause kind", d))
    d = copy.deepcopy(seed)
    del d["source"]["sha256"]
    out.append(("no sha256", d))
    d = copy.deepcopy(seed)
    d["meta"]["date"] = "24/09/2020"
    out.append(("non-ISO date", d))
    d = copy.deepcopy(seed)
    d["clauses"][0]["start"] = -1
    out.append(("negative offset", d))
    d = copy.deepcopy(seed)
    d["surprise"] = 1
    out.append(("undocumented top-level field", d))
    return out


def test_schema_rejects_broken_documents(seed_outputs: list[dict]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for why, doc in _broken(seed_outputs[0]):
        assert not validator.is_valid(doc), why


def test_document_clause_at_finds_the_clause_holding_an_offset() -> None:
    from pipeline.model import Clause, Document, Source

    text = "第一句。第二句很长一些。第三句。"
    doc = Document(source=Source(path="x.txt", format="txt", sha256="0"), text=text)
    doc.clauses = [Clause(id=f"c{i}", section=None, kind="other", start=a, end=b, text=text[a:b])
                   for i, (a, b) in enumerate([(0, 4), (4, 12), (13, 16)])]
    assert [doc.clause_at(k).id if doc.clause_at(k) else None for k in (0, 3, 4, 11, 12, 13, 15, 16, -1)] == [
        "c0", "c0", "c1", "c1", None, "c2", "c2", None, None
    ]
