"""``eventscope actors``: stored people and organisations grouped by name and codes, with the
words that gave the codes; name matching, filters, JSON, the cut line, and the learned roles
written as an actor dictionary the dictionary reader takes back. The store is written by hand."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventscope.cli.main import cli
from eventscope.extract.actors import ActorDictionary
from eventscope.records import (
    Article, ArticleResult, Entity, PipelineInfo, Span, StageInfo, content_id,
)
from eventscope.store import ActorFilter, Store
from eventscope.store.learned import day_code, entry_name
from eventscope.store.queries import name_matches

INFO = PipelineInfo((StageInfo("entities", 1),), "en_test", "1.0")


def run(*args: str, env=None):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)


def _span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(start, start + len(words), words)


def _entity(text, words, label, canonical, country=None, sector=None, said=None, title=None,
            source=None, after=0) -> Entity:
    at = _span(text, words, after)
    return Entity(id=content_id(text, at.start), start=at.start, end=at.end, text=words,
                  label=label, cluster=content_id(text, canonical), canonical=canonical,
                  country=country, sector=sector, code_source=source,
                  description=_span(text, said) if said else None,
                  title=_span(text, title) if title else None)


def _result(text: str, published, *entities) -> ArticleResult:
    article = Article(id=content_id(text), text=text, title="t", published=published)
    return ArticleResult(article=article, pipeline=INFO,
                         entities=tuple(e(text) if callable(e) else e for e in entities))


def _dellaverde(words, country, sector, said, after=0, canonical="Tomás Dellaverde"):
    return lambda text: _entity(text, words, "PERSON", canonical, country, sector, said,
                                source="description", after=after)


ONE = ("Peruvian Foreign Minister Tomás Dellaverde met Estonian President Ilse Varnhoek. "
       "Dellaverde left.")
TWO = "Peruvian Foreign Minister Tomas Dellaverde spoke."
THREE = "Peruvian army chief Tomás Dellaverde and the rebel leader Kestrel, Peruvian rebel, met."
FOUR = "Mr Orla Kestrin of the Northern Grain Council met Benno Quist in Peru."
ARTICLES = {"one": content_id(ONE), "two": content_id(TWO), "three": content_id(THREE),
            "four": content_id(FOUR)}


def _results() -> list[ArticleResult]:
    return [
        _result(ONE, "2016-03-02",
                _dellaverde("Tomás Dellaverde", "PER", "GOV", "Peruvian Foreign Minister"),
                lambda t: _entity(t, "Ilse Varnhoek", "PERSON", "Ilse Varnhoek", "EST", "GOV",
                                  "Estonian President", title="President",
                                  source="description"),
                _dellaverde("Dellaverde", "PER", "GOV", "Peruvian Foreign Minister", after=50)),
        _result(TWO, "2016-05-10",
                _dellaverde("Tomas Dellaverde", "PER", "GOV", "Peruvian Foreign Minister",
                            canonical="Tomas Dellaverde")),
        _result(THREE, "2017-01-20",
                _dellaverde("Tomás Dellaverde", "PER", "MIL", "Peruvian army chief"),
                lambda t: _entity(t, "Kestrel", "PERSON", "Kestrel", "PER", "REB",
                                  "Peruvian rebel", source="description")),
        _result(FOUR, None,
                lambda t: _entity(t, "Mr Orla Kestrin", "PERSON", "Orla Kestrin", "NZL", "GOV",
                                  title="Mr", source="dictionary"),
                lambda t: _entity(t, "the Northern Grain Council", "ORG",
                                  "Northern Grain Council", "NZL", "BUS", source="dictionary"),
                lambda t: _entity(t, "Benno Quist", "PERSON", "Benno Quist"),
                lambda t: _entity(t, "Peru", "GPE", "Peru", "PER", source="dictionary")),
    ]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Store.open(f"sqlite:///{path}") as store:
        store.write(_results())
    return path


def listed(db, *args) -> list[dict]:
    result = run("actors", "--db", str(db), "--json", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


# --- grouping and counts -------------------------------------------------------------------------

def test_mentions_group_by_folded_name_and_codes(db):
    rows = listed(db)
    assert [(r["name"], r["code"], r["source"]) for r in rows] == [
        ("Tomás Dellaverde", "PERGOV", "description"),  # two articles: first
        ("Ilse Varnhoek", "ESTGOV", "description"),
        ("Kestrel", "PERREB", "description"),
        ("Northern Grain Council", "NZLBUS", "dictionary"),
        ("Orla Kestrin", "NZLGOV", "dictionary"),
        ("Tomás Dellaverde", "PERMIL", "description"),
    ]


def test_a_row_counts_mentions_and_articles_and_keeps_its_earliest_evidence(db):
    row = listed(db, "Dellaverde", "--sector", "GOV")[0]
    assert row == {
        "name": "Tomás Dellaverde",  # two mentions spelt so, one "Tomas"
        "label": "PERSON", "country": "PER", "sector": "GOV", "code": "PERGOV",
        "source": "description", "evidence": "Peruvian Foreign Minister",
        "mentions": 3, "articles": 2, "first": "2016-03-02", "last": "2016-05-10",
        "example_article": ARTICLES["one"], "example_span": [0, 25],
        "example_published": "2016-03-02",
    }
    assert ONE[0:25] == "Peruvian Foreign Minister"


def test_evidence_falls_back_to_the_title_and_dates_may_be_unknown(db):
    kestrin = listed(db, "Kestrin")[0]
    assert kestrin["evidence"] == "Mr" and kestrin["first"] is None and kestrin["last"] is None
    council = listed(db, "--label", "org")[0]
    assert council["evidence"] is None
    assert council["example_span"] == [FOUR.index("the Northern"), FOUR.index(" met")]


def test_uncoded_actors_and_other_labels_are_not_listed(db):
    names = {r["name"] for r in listed(db)}
    assert "Benno Quist" not in names and "Peru" not in names


def test_the_python_api_lists_and_counts(db):
    with Store.open(f"sqlite:///{db}", create=False) as store:
        assert len(store.actors()) == 6
        assert [r.name for r in store.actors(ActorFilter(limit=2, offset=1))] == [
            "Ilse Varnhoek", "Kestrel"]
        assert store.count(ActorFilter(limit=2, offset=1)) == 6
        assert store.count(ActorFilter(country="PER")) == 3


# --- name matching -------------------------------------------------------------------------------

@pytest.mark.parametrize("query, names", [
    ("Tomás Dellaverde", {"Tomás Dellaverde"}),
    ("tomas dellaverde", {"Tomás Dellaverde"}),  # diacritics and case folded
    ("DELLAVERDE", {"Tomás Dellaverde"}),  # surname alone
    ("Foreign Minister Dellaverde", {"Tomás Dellaverde"}),  # title stripped
    ("Dr. Tomas Dellaverde", {"Tomás Dellaverde"}),
    ("President Ilse Varnhoek", {"Ilse Varnhoek"}),
    ("varnh", {"Ilse Varnhoek"}),  # part of a name
    ("Grain Council", {"Northern Grain Council"}),
    ("Kestr", {"Kestrel", "Orla Kestrin"}),
    ("Ivo Marek", set()),
])
def test_name_matching(db, query, names):
    assert {r["name"] for r in listed(db, query)} == names


@pytest.mark.parametrize("query, canonical, matches", [
    ("Marek", "Ivo Marek", True),
    ("President Ivo Marek", "Ivo Marek", True),
    ("Foreign Minister Marek", "Ivo Marek", True),
    ("Mr. Marek", "Ivo Marek", True),
    ("ivo marék", "Ivo Márek", True),
    ("Ivo", "Ivo Marek", True),
    ("Ivo Marek", "Ivo", False),
    ("General", "General Grain Works", True),  # a title word alone is the query itself
    ("President", "Ivo Marek", False),
    ("", "Ivo Marek", False),
])
def test_name_matches(query, canonical, matches):
    assert name_matches(query, canonical) is matches


# --- filters -------------------------------------------------------------------------------------

@pytest.mark.parametrize("args, expected", [
    (["--country", "Peru"], {"PERGOV", "PERMIL", "PERREB"}),
    (["--country", "estonian"], {"ESTGOV"}),
    (["--sector", "gov"], {"PERGOV", "ESTGOV", "NZLGOV"}),
    (["--source", "dictionary"], {"NZLGOV", "NZLBUS"}),
    (["--source", "DESCRIPTION", "--country", "PER", "--sector", "MIL"], {"PERMIL"}),
    (["--label", "ORG"], {"NZLBUS"}),
    (["--label", "person", "--country", "NZL"], {"NZLGOV"}),
    (["--source", "spelling"], set()),
])
def test_filters(db, args, expected):
    assert {r["code"] for r in listed(db, *args)} == expected


@pytest.mark.parametrize("args, expected", [
    (["--source", "guess"], "'guess' is not a code source; choose one of: description, "),
    (["--label", "GPE"], "'GPE' is not an actor label; choose one of: ORG, PERSON"),
    (["--country", "Narnia"], "'Narnia' is not a country"),
    (["--sector", "GOVT"], "'GOVT' is not a sector code"),
])
def test_invalid_values_are_one_line(db, args, expected):
    result = run("actors", "--db", str(db), *args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and expected in result.stderr


# --- table, JSON and the cut line ----------------------------------------------------------------

def test_the_table_shows_codes_evidence_and_dates(db):
    result = run("actors", "--db", str(db), "Dellaverde", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    for cell in ("Tomás Dellaverde", "PERGOV", "PERMIL", "Peruvian Foreign Minister",
                 "2016-03-02 – 2016-05-10", "2017-01-20"):
        assert cell in result.stdout


@pytest.mark.parametrize("args, shown, cut", [
    ([], 6, None),
    (["--limit", "2"], 2, "showing 2 of 6 actors; use --limit, --offset or --all"),
    (["--offset", "4"], 2, "showing 2 of 6 actors (rows 5-6); use --limit, --offset or --all"),
    (["--json", "--limit", "5"], 5, "showing 5 of 6 actors; use --limit, --offset or --all"),
    (["--all"], 6, None),
])
def test_the_cut_line(db, args, shown, cut):
    result = run("actors", "--db", str(db), *args)
    assert result.exit_code == 0
    if "--json" in args:
        assert len(result.stdout.splitlines()) == shown
    else:
        assert f"actors ({shown})" in result.stdout
    assert result.stderr == (f"{cut}\n" if cut else "")


# --- the learned roles as an actor dictionary ----------------------------------------------------

def test_the_dictionary_holds_each_persons_stated_roles_newest_first(db, tmp_path):
    path = tmp_path / "learned.actors.txt"
    result = run("actors", "--db", str(db), "--dictionary", str(path))
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == (f"wrote 2 actor dictionary entries (3 role(s)) to {path}; "
                             "left out 1 (one-word names or no country)\n")
    entries = [line for line in path.read_text(encoding="utf-8").splitlines()
               if not line.startswith("#")]
    assert entries == [
        "ILSE_VARNHOEK_",
        f'[ESTGOV >160302]\t# "Estonian President" in article {ARTICLES["one"]} of 2016-03-02',
        "TOMAS_DELLAVERDE_",
        f'[PERMIL >170120]\t# "Peruvian army chief" in article {ARTICLES["three"]} of 2017-01-20',
        f'[PERGOV >160302]\t# "Peruvian Foreign Minister" in article {ARTICLES["one"]} '
        "of 2016-03-02",
    ]
    assert not [p for p in tmp_path.iterdir() if p != path]  # no temporary file left


@pytest.mark.parametrize("name, on, code", [
    ("Tomás Dellaverde", None, "PERMIL"),  # the latest role without a date
    ("Tomas Dellaverde", "2016-04-01", "PERGOV"),
    ("Tomás Dellaverde", "2018-06-30", "PERMIL"),
    ("Ilse Varnhoek", "2016-03-02", "ESTGOV"),
    ("Ilse Varnhoek", "2015-12-31", "EST"),  # before an article stated the role
])
def test_the_dictionary_reads_back(db, tmp_path, name, on, code):
    path = tmp_path / "learned.actors.txt"
    assert run("actors", "--db", str(db), "--dictionary", str(path)).exit_code == 0
    found = ActorDictionary.load([str(path)], bundled=False).lookup(name, on=on)
    assert found is not None and found.code == code


def test_the_dictionary_takes_the_listing_filters_and_replaces_a_file(db, tmp_path):
    path = tmp_path / "learned.actors.txt"
    path.write_text("old\n", encoding="utf-8")
    result = run("actors", "--db", str(db), "--country", "EST", "--dictionary", str(path))
    assert result.exit_code == 0 and "wrote 1 actor dictionary entry (1 role(s))" in result.stderr
    assert "old" not in path.read_text(encoding="utf-8")
    assert ActorDictionary.load([str(path)], bundled=False).lookup("Tomas Dellaverde") is None


@pytest.mark.parametrize("args", [["--source", "dictionary"], ["--label", "ORG"],
                                  ["--limit", "3"], ["--json"]])
def test_the_dictionary_refuses_options_that_do_not_apply(db, tmp_path, args):
    path = tmp_path / "learned.actors.txt"
    result = run("actors", "--db", str(db), "--dictionary", str(path), *args)
    assert result.exit_code == 2 and not path.exists()


def test_a_dictionary_in_a_missing_folder_is_one_error_line(db, tmp_path):
    path = tmp_path / "no" / "learned.actors.txt"
    result = run("actors", "--db", str(db), "--dictionary", str(path))
    assert result.exit_code == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("eventscope: error: cannot write actor dictionary")


@pytest.mark.parametrize("name, entry", [
    ("Tomás Dellaverde", "TOMAS_DELLAVERDE_"), ("J. R.  O'Hara-Vint", "J_R_O'HARA-VINT_"),
    ("Kestrel", None),
])
def test_entry_names(name, entry):
    assert entry_name(name) == entry


@pytest.mark.parametrize("published, code", [
    ("2016-03-02", "160302"), ("1999-12-31", "991231"), ("2031-01-01", "20310101"),
    ("1920-05-01", "19200501"), ("2016-03-02T10:00:00+01:00", "160302"), (None, None),
    ("2016", None),
])
def test_day_codes_are_what_the_reader_reads(published, code):
    assert day_code(published) == code


# --- a missing database --------------------------------------------------------------------------

@pytest.mark.parametrize("extra", [[], ["--dictionary", "out.actors.txt"]])
def test_a_database_that_does_not_exist_is_an_error(tmp_path, monkeypatch, extra):
    monkeypatch.chdir(tmp_path)
    missing = tmp_path / "typo" / "nwes.db"
    result = run("actors", "--db", str(missing), *extra)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert "no such file" in result.stderr and "nwes.db" in result.stderr
    assert not missing.parent.exists() and not (tmp_path / "out.actors.txt").exists()
