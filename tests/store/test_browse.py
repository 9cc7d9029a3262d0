"""The store is browsable with Datasette as it is: views, foreign keys, canned queries."""

from __future__ import annotations

import asyncio

from pipeline.store.browse import metadata_for


def fetch(db, path: str):
    from datasette.app import Datasette

    async def go():
        ds = Datasette([str(db)], metadata=metadata_for(db))
        await ds.invoke_startup()
        return await ds.client.get(path)

    return asyncio.run(go())


def test_browse_views_answer_common_questions(store_path):
    rows = fetch(store_path, "/store/reward_clauses.json?_shape=array").json()
    assert {r["amount_text"] for r in rows} >= {"最高800万元", "最高补助2万元", "30万元"}
    dates = [r["date"] for r in fetch(store_path, "/store/deadlines_by_date.json?_shape=array").json()]
    assert dates[:2] == ["2019-08-23", "2020-12-31"]


def test_browse_canned_queries(store_path):
    rows = fetch(store_path, "/store/rewards_at_least.json?min_yuan=1000000&_shape=array").json()
    assert [r["amount"] for r in rows] == ["5亿元", "最高800万元"]
    cited = fetch(store_path, "/store/who_cites.json?doc_number=191号&_shape=array").json()
    assert [r["cited_doc_number"] for r in cited] == ["鲁商字〔2018〕191号"]


def test_browse_foreign_keys_are_declared(store_path):
    info = fetch(store_path, "/store/clauses.json?_shape=array&_labels=on&_size=1").json()
    assert isinstance(info[0]["document_id"], dict)  # Datasette follows the foreign key to documents


def test_browse_missing_store_is_clear(tmp_path):
    from typer.testing import CliRunner

    from pipeline.cli import app

    result = CliRunner().invoke(app, ["browse", "--db", str(tmp_path / "nope.db")])
    assert result.exit_code == 40
    assert "nope.db: store error: no store here" in result.output
