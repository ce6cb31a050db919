"""The actor dictionary: built-in codes and PETRARCH-format user dictionaries."""
from __future__ import annotations

import pytest

from eventscope.errors import InputError
from eventscope.extract.actors import ActorDictionary, parse_dictionary

USER_ACTORS = """<!-- a test dictionary written for eventscope -->
NORTHLAND [NRL]
+NORTHLANDER
OSTRAVIA_ [OST] # exact word only
GENERAL_KARVEN [NRLMIL]
NOBODY [---]
"""
USER_AGENTS = """!OFFICIAL! = OFFICIAL, OFFICIALS
HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]
PORT_!OFFICIAL! [~BUS]
"""


@pytest.fixture(scope="module")
def builtin():
    return ActorDictionary.load()


@pytest.mark.parametrize("text,country,sector", [
    ("Armenian foreign ministry", "ARM", "GOV"),
    ("Azerbaijani troops", "AZE", "MIL"),
    ("Moscow", "RUS", "GOV"),
    ("the United Nations", "IGOUNO", None),
    ("separatists", None, "REB"),
    ("the White House", "USA", "GOV"),
    ("Taliban fighters", "AFG", "REB"),
    ("US", "USA", None),
    ("demonstrators in Moscow", "RUS", "CVL"),  # the role word outside the name wins
    ("striking workers in Armenia", "ARM", "LAB"),
])
def test_builtin_codes(builtin, text, country, sector):
    code = builtin.lookup(text)
    assert (code.country, code.sector) == (country, sector)


@pytest.mark.parametrize("text", ["a quiet afternoon", "us", "it", "They"])
def test_unknown_text_and_pronouns_have_no_code(builtin, text):
    assert builtin.lookup(text) is None


def test_user_dictionaries(tmp_path):
    (tmp_path / "actors.txt").write_text(USER_ACTORS)
    (tmp_path / "agents.txt").write_text(USER_AGENTS)
    d = ActorDictionary.load([str(tmp_path / "actors.txt"), str(tmp_path / "agents.txt")])
    assert d.lookup("Northlanders").country == "NRL"  # stems match longer words
    assert d.lookup("Ostravia").country == "OST"
    assert d.lookup("Ostravians") is None or d.lookup("Ostravians").country != "OST"
    assert (d.lookup("General Karven").country, d.lookup("General Karven").sector) == ("NRL", "MIL")
    assert d.lookup("the Northland harbour masters").code == "NRLGOV"
    assert d.lookup("port officials of Ostravia").code == "OSTBUS"
    assert d.lookup("Nobody") is None


def test_parse_reports_counts_and_missing_files(tmp_path):
    (tmp_path / "actors.txt").write_text(USER_ACTORS)
    actors, agents = parse_dictionary(tmp_path / "actors.txt")
    assert len(actors) == 4 and agents == []
    with pytest.raises(InputError, match="cannot read actor dictionary"):
        parse_dictionary(tmp_path / "missing.txt")


BLOCK_ACTORS = """SELDOVA_FRONT  # the code is on the next lines, restricted by date
+SELDOVAN_FRONT
\t[SLDREB < 19990101]
\t[SLDGOV 19990101 - 20100101]
\t[SLDOPP > 20100101]
NAMELESS_ONE  # no code at all: its synonyms must not inherit the previous entry's code
+STRANGER
KORVIA_ [KRV]
\t
ALL_OF_THEM [KRV/SLD]
"""
BLOCK_AGENTS = """RELIEF_CHARITY [NGO~]
HARBOUR_GUARD [~COP]
"""


def test_code_blocks_dates_and_primary_agents(tmp_path):
    (tmp_path / "actors.txt").write_text(BLOCK_ACTORS)
    (tmp_path / "agents.txt").write_text(BLOCK_AGENTS)
    d = ActorDictionary.load([str(tmp_path / "actors.txt"), str(tmp_path / "agents.txt")])
    assert d.lookup("the Seldovan Front").code == "SLDOPP"  # undated lookups get the latest code
    assert d.lookup("Stranger") is None
    assert d.lookup("all of them").country == "KRV"
    assert d.lookup("a relief charity").country == "NGO"
    assert d.lookup("Korvia harbour guard").code == "KRVCOP"


@pytest.mark.parametrize("codes,expected", [
    (["ABC"], "ABC"), (["ABC < 1999", "DEF > 1999"], "DEF"), (["ABC 1990 - 1995"], "ABC"),
    (["---"], None), (["+++"], None), ([], None), (["abc/DEF"], "ABC"),
])
def test_entry_code(codes, expected):
    from eventscope.extract.actors import entry_code

    assert entry_code(codes) == expected
