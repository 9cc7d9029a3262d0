"""Store queries on a hand-built store: text of any length, filters, odd input."""

from __future__ import annotations

import sqlite3

import pytest

from pipeline.errors import QueryError
from pipeline.store import Store


def texts(frame) -> list[str]:
    return list(frame["text"])


@pytest.mark.parametrize(
    "query, expected_substring",
    [
        ("公示", "对候选名单进行为期7个工作日公示。"),  # 2 chars: trigram alone finds nothing
        ("奖", "每个试点县奖励资金最高800万元，根据评审结果分批下达。"),  # 1 char
        ("奖励资金", "每个试点县奖励资金最高800万元，根据评审结果分批下达。"),  # 3+ chars: trigram
        ("800万元", "每个试点县奖励资金最高800万元，根据评审结果分批下达。"),
        ("展位费", "对参加境外重要展会活动的企业，每次展位费再补助30%，最高补助2万元。"),
    ],
)
def test_query_text_any_length(store_path, query, expected_substring):
    frame = Store(store_path).query(query)
    assert expected_substring in texts(frame)
    assert all(query in t for t in texts(frame))


def test_query_two_char_counts_every_match(store_path):
    # 奖励 occurs in exactly two clauses of the fixture store
    assert sorted(texts(Store(store_path).query("奖励"))) == sorted(
        ["每个试点县奖励资金最高800万元，根据评审结果分批下达。", "对年度进出口额达5亿元的企业给予30万元奖励。"]
    )


@pytest.mark.parametrize(
    "odd",
    ["%", "_", "'", '"', '"公示', "公示\"", "AND", "OR NOT", "NEAR(公示 奖励)", "*", "奖励*", "(", ")", "^",
     "'; DROP TABLE clauses; --", "公示 OR 1=1", "\\", "{}", "：", "，。", "a" * 999],
)
def test_query_odd_input_never_sql_error(store_path, odd):
    frame = Store(store_path).query(odd)  # must not raise sqlite3 errors
    assert all(odd.strip() in t for t in texts(frame))
    # the store is intact afterwards
    assert len(Store(store_path).table("clauses")) == 7


def test_query_too_long_is_clear_message(store_path):
    with pytest.raises(QueryError, match="the limit is 1000"):
        Store(store_path).query("奖" * 1001)


def test_query_empty_text_returns_all(store_path):
    assert len(Store(store_path).query("")) == 7
    assert len(Store(store_path).query(None, limit=3)) == 3


def test_query_kind_and_unknown_kind(store_path):
    frame = Store(store_path).query(kind="funding_reward")
    assert len(frame) == 3 and set(frame["kind"]) == {"funding_reward"}
    with pytest.raises(QueryError, match="unknown --kind 'reward'"):
        Store(store_path).query(kind="reward")


@pytest.mark.parametrize(
    "filters, expected_count",
    [
        ({"min_amount": 5_000_000}, 2),  # 800万 cap, 5亿 threshold
        ({"min_amount": 5_000_000, "kind": "funding_reward"}, 2),
        ({"max_amount": 25_000}, 1),  # the 2万 cap (and its 30% percent row) – one clause
        ({"min_amount": 10_000, "max_amount": 400_000}, 2),  # 2万 cap; 30万 reward
        ({"currency": "USD"}, 0),
        ({"currency": "cny", "min_amount": 1}, 3),
    ],
)
def test_query_amount_filters(store_path, filters, expected_count):
    assert len(Store(store_path).query(**filters)) == expected_count


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"deadline_after": "2019-08-01", "deadline_before": "2019-08-31"}, ["申报材料于2019年8月23日前报省商务厅。"]),
        ({"deadline_after": "2020-01-01"}, ["各单位于2020年12月31日前完成自查。"]),
        ({"deadline_before": "2018-12-31"}, []),
    ],
)
def test_query_deadline_filters(store_path, filters, expected):
    assert texts(Store(store_path).query(**filters)) == expected


def test_query_bad_date_is_clear(store_path):
    with pytest.raises(QueryError, match="--deadline-after must be a date like 2019-08-30; got '8月'"):
        Store(store_path).query(deadline_after="8月")


@pytest.mark.parametrize(
    "filters, n",
    [
        ({"issuer": "山东"}, 4),
        ({"issuer": "市中区人民政府"}, 3),
        ({"issuer": "财政厅"}, 4),  # second issuer of a joint document
        ({"year": "2019"}, 4),
        ({"year": "2019:"}, 7),
        ({"year": ":2019"}, 4),
        ({"year": "2020:2021"}, 3),
        ({"cites": "鲁商字〔2018〕191号"}, 4),
        ({"cites": "鲁商字[2018]191号"}, 4),  # other bracket style
        ({"cites": "外贸转型升级试点县建设"}, 4),  # by title
        ({"doc": "市中发〔2020〕12号"}, 3),
        ({"doc": "zaozhuang"}, 3),
    ],
)
def test_query_document_filters(store_path, filters, n):
    assert len(Store(store_path).query(**filters)) == n


def test_query_bad_year_is_clear(store_path):
    with pytest.raises(QueryError, match="--year must be a year"):
        Store(store_path).query(year="last year")


def test_query_result_carries_document_section_amounts_deadlines(store_path):
    row = Store(store_path).query("公示").iloc[0]
    assert row["title"] == "关于开展第二批山东省外贸转型升级试点县认定工作的通知"
    assert row["doc_number"] == "鲁商字〔2019〕88号"
    assert row["issuer"] == "山东省商务厅"
    assert row["date"] == "2019-08-01"
    assert row["section_path"] == "一、总则"
    assert [d["duration_value"] for d in row["deadlines"]] == [7.0]
    assert row["deadlines"][0]["duration_unit"] == "workday"
    reward = Store(store_path).query("展位费").iloc[0]
    assert {(a["kind"], a.get("percent"), a.get("cap")) for a in reward["amounts"]} >= {("percent", 30.0, 20000.0)}


def test_store_replace_source_keeps_fts_in_step(store_path):
    from pipeline.store.db import connect
    from pipeline.store.writer import write_source

    conn = connect(store_path)
    write_source(conn, "shandong.txt", "c" * 64, "test", [])  # the file now yields no documents
    conn.close()
    assert texts(Store(store_path).query("公示")) == []
    assert len(Store(store_path).table("clauses")) == 3
    raw = sqlite3.connect(store_path)
    assert raw.execute("SELECT count(*) FROM clause_chars").fetchone()[0] == 3
    assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.execute("INSERT INTO clause_trigram(clause_trigram) VALUES('integrity-check')")


def test_store_stats_and_export(store_path, tmp_path):
    import pandas as pd

    stats = Store(store_path).stats()
    assert dict(zip(stats["kind"]["kind"], stats["kind"]["clauses"]))["funding_reward"] == 3
    assert list(stats["year"]["year"]) == [2019, 2020]
    written = Store(store_path).export(tmp_path / "pq")
    clauses = pd.read_parquet(tmp_path / "pq" / "clauses.parquet")
    assert len(clauses) == 7 and {p.name for p in written} >= {"amounts.parquet", "documents.parquet"}
    Store(store_path).export(tmp_path / "pq2", partition_by_year=True)
    amounts = pd.read_parquet(tmp_path / "pq2" / "amounts")
    assert sorted(amounts["value"].dropna()) == [20000.0, 300000.0, 8000000.0, 5e8]


@pytest.mark.parametrize(
    "text, filters",
    [
        ("奖励", {}),
        ("公示", {}),
        ("奖", {"kind": "funding_reward"}),
        (None, {"min_amount": 10_000}),
        (None, {"min_amount": 10_000, "max_amount": 400_000, "currency": "CNY"}),
        (None, {"deadline_after": "2019-01-01", "deadline_before": "2020-12-31"}),
        ("报", {"deadline_after": "2019-08-01", "issuer": "山东"}),
        (None, {"year": "2020", "kind": "funding_reward", "limit": 1}),
        ("%", {}),
    ],
)
def test_query_window_and_index_paths_agree(store_path, monkeypatch, text, filters):
    """The newest-first window and the index-driven fallback must return the same rows in the same order."""
    from pipeline.store import query

    monkeypatch.setattr(query, "WINDOW", 10**9)  # everything answered by the window walk
    by_window = Store(store_path).query(text, **filters)
    monkeypatch.setattr(query, "WINDOW", 1)  # the window is too small: the indexes drive
    by_index = Store(store_path).query(text, **filters)
    assert list(by_window["clause_id"]) == list(by_index["clause_id"])
    assert len(by_window) == len(Store(store_path).query(text, **filters))


def test_store_regression_v1_store_is_upgraded_before_a_query(tmp_path):
    """A store written by schema v1 (no clauses.doc_sort) is migrated in place when first queried."""
    import sqlite3

    from pipeline.store.db import SCHEMA_VERSION, _migrations, _statements

    db = tmp_path / "old.db"
    raw = sqlite3.connect(db)
    for statement in _statements(dict(_migrations())[1]):
        raw.execute(statement)
    raw.execute("PRAGMA user_version = 1")
    raw.commit()
    raw.close()
    assert Store(db).query("奖励").empty
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
