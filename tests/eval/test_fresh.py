"""``python -m pipeline.eval.fresh --corpus DIR``: scoring another blind set laid out like corpora/gold_fresh.

The gold sets built here are written by hand in the test; offsets in the expected values
were counted on the constructed texts (comments show the count), not read off the code.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import DataFileError, UsageError
from pipeline.eval import fresh

ROOT = Path(__file__).resolve().parents[2]

# ---------------------------------------------------------------- the option itself

CORPUS_ARGS = [
    ([], ROOT / "corpora" / "gold_fresh"),  # default unchanged
    (["--json"], ROOT / "corpora" / "gold_fresh"),
    (["--corpus", "/abs/blind"], Path("/abs/blind")),
    (["--corpus=/abs/blind"], Path("/abs/blind")),
    (["--no-jionlp", "--corpus", "/abs/blind", "--json"], Path("/abs/blind")),
    # a relative directory that exists nowhere is read from the repository root
    (["--corpus", "no_such_dir/gold_x"], ROOT / "no_such_dir" / "gold_x"),
]


@pytest.mark.parametrize("args,expected", CORPUS_ARGS)
def test_fresh_corpus_arg(args: list[str], expected: Path) -> None:
    assert fresh.corpus_arg(args) == expected


def test_fresh_corpus_arg_relative_to_the_repo_from_anywhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # corpora/gold_fresh2 does not exist under tmp_path
    assert fresh.corpus_arg(["--corpus", "corpora/gold_fresh2"]) == ROOT / "corpora" / "gold_fresh2"


CORPUS_ARGS_BAD = [["--corpus"], ["--corpus", "--json"], ["--corpus="]]


@pytest.mark.parametrize("args", CORPUS_ARGS_BAD)
def test_fresh_corpus_arg_without_a_directory_is_a_usage_error(args: list[str]) -> None:
    with pytest.raises(UsageError):
        fresh.corpus_arg(args)


# ---------------------------------------------------------------- reading another gold set

TEXT = "第五条 违反规定的，处5000元以上1万元以下罚款。\n申请人应当自收到通知之日起15日内补正；逾期处500元罚款。\n"
# offsets: "第五条 违反规定的，处" is 11 characters, so "5000元以上1万元以下" (12) spans 11..23; "罚款。" ends
# line 1 at 26, the newline is 26, so line 2 starts at 27; "申请人应当自收到通知之日起" is 13 more, so
# "15日内" spans 40..44; "补正；逾期处" is 6 more, so "500元" spans 50..54 ("5000元" holds no "500元").


def _write_corpus(base: Path, doc: Path, amounts: str, deadlines: str) -> Path:
    corpus = base / "blind"
    (corpus / "amounts").mkdir(parents=True)
    (corpus / "deadlines").mkdir(parents=True)
    (corpus / "split.yaml").write_text(f"test:\n  tiny: {doc}\n", encoding="utf-8")
    (corpus / "amounts" / "tiny.yaml").write_text(amounts, encoding="utf-8")
    (corpus / "deadlines" / "tiny.yaml").write_text(deadlines, encoding="utf-8")
    return corpus


AMOUNTS = """doc: tiny
amounts:
  - {text: 5000元以上1万元以下, occurrence: 1, value: null, currency: CNY, kind: range, low: 5000, high: 10000, percent: null}
  - {text: 500元, occurrence: 1, value: 500, currency: CNY, kind: exact, low: null, high: null, percent: null}
"""
DEADLINES = """doc: tiny
deadlines:
  - {text: 15日内, occurrence: 1, date: null, duration: {value: 15, unit: day}, recurrence: null, kind: period}
"""


@pytest.fixture()
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    doc = tmp_path / "tiny.txt"
    doc.write_text(TEXT, encoding="utf-8")
    return doc, _write_corpus(tmp_path, doc, AMOUNTS, DEADLINES)


def test_fresh_docs_reads_the_given_corpus(tiny: tuple[Path, Path]) -> None:
    doc, corpus = tiny
    assert fresh.fresh_docs(corpus) == {"tiny": doc.resolve()}


def test_fresh_docs_default_is_still_gold_fresh() -> None:
    docs = fresh.fresh_docs()
    assert len(docs) == 10  # the ten laws listed in corpora/gold_fresh/README.md
    assert "lawrefbook_laws_00398" in docs


def test_fresh_gold_amounts_from_the_given_corpus(tiny: tuple[Path, Path]) -> None:
    _, corpus = tiny
    gold = fresh.gold_amounts("tiny", TEXT, corpus)
    assert [(g.start, g.end, g.kind, g.value, g.low, g.high) for g in gold] == [
        (11, 23, "range", None, 5000.0, 10000.0),
        (50, 54, "exact", 500.0, None, None),
    ]


def test_fresh_gold_amounts_names_the_corpus_file_when_a_quote_is_missing(tmp_path: Path) -> None:
    doc = tmp_path / "tiny.txt"
    doc.write_text(TEXT, encoding="utf-8")
    corpus = _write_corpus(tmp_path, doc, AMOUNTS.replace("500元,", "700元,"), DEADLINES)
    with pytest.raises(DataFileError, match=r"blind/amounts/tiny\.yaml.*700元"):
        fresh.gold_amounts("tiny", TEXT, corpus)


def test_fresh_evaluate_scores_the_given_corpus(tiny: tuple[Path, Path]) -> None:
    _, corpus = tiny
    res = fresh.evaluate(with_jionlp=False, corpus=corpus)
    assert res["docs"] == 1
    assert res["corpus"] == str(corpus)  # outside the repository: shown as given
    amounts_row, deadlines_row = res["overall"][0], res["overall"][1]
    assert amounts_row["gold"] == 2 and deadlines_row["gold"] == 1
    assert res["per_doc"]["tiny"]["amounts"][2] == 2 and res["per_doc"]["tiny"]["deadlines"][2] == 1


def test_fresh_main_missing_corpus_is_one_line_and_exit_31(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere"
    assert fresh.main(["--no-jionlp", "--corpus", str(missing)]) == 31
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nowhere/split.yaml" in err


def test_fresh_main_corpus_without_value_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert fresh.main(["--corpus"]) == 2
    assert "--corpus needs a directory" in capsys.readouterr().err
