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
    ("Moscow", "RUS", "GOV"),  # a capital stands for its government
    ("the government in Moscow", "RUS", "GOV"),
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
    assert d.lookup("the Seldovan Front", on="1996-05-01").code == "SLDREB"
    assert d.lookup("the Seldovan Front", on="2004-02-29").code == "SLDGOV"
    assert d.lookup("Stranger") is None
    assert d.lookup("all of them").country == "KRV"
    assert d.lookup("a relief charity").country == "NGO"
    assert d.lookup("Korvia harbour guard").code == "KRVCOP"


@pytest.mark.parametrize("codes,expected", [
    (["ABC"], "ABC"), (["ABC < 1999", "DEF > 1999"], "DEF"), (["ABC 1990 - 1995"], "ABC"),
    (["---"], None), (["+++"], None), ([], None), (["abc/DEF"], "ABC"),
    (["ABCGOV 100101-120101", "ABCELI"], "ABCELI"), (["ABCELI", "ABCGOV >100101"], "ABCGOV"),
    (["KSV"], "XKX"), (["TMPGOV"], "TLSGOV"),  # older CAMEO codes become ISO 3166 ones
])
def test_entry_code(codes, expected):
    from eventscope.extract.actor_files import entry_code

    assert entry_code(codes) == expected


@pytest.mark.parametrize("codes,day,expected", [
    # a period's code inside it; the first listed wins where periods overlap
    (["ABCELI 700101-991231", "ABCGOV 991231-050101"], "1999-12-31", "ABCELI"),
    (["ABCGOV 991231-050101"], "2001-06-30", "ABCGOV"),
    (["ABCGOV 991231-050101", "ABCELI"], "2007-01-01", "ABCELI"),  # the undated default
    (["ABCGOV 991231-050101"], "2007-01-01", "ABCELI"),  # no default: a former office holder
    (["ABCGOV 991231-050101"], "1980-01-01", "ABC"),  # before any office: the country only
    (["ABCGOV > 20100501"], "2010-05-01", "ABCGOV"),
    (["ABCGOV < 20100501", "ABCLEG > 20100501"], "2009-01-01", "ABCGOV"),
    (["IGOXYZ 100101-120101"], "2015-01-01", None),  # an organisation's code stops with it
    (["ABCGOV 291231-300101"], "2030-01-01", "ABCGOV"),  # two-digit years up to 30 are 20YY
])
def test_roles_by_date(codes, day, expected):
    from eventscope.extract.actor_files import entry_roles
    from eventscope.extract.actors import day_of

    code, roles = entry_roles(codes)
    assert roles.on(day_of(day)) == expected


@pytest.mark.parametrize("on,expected", [
    ("2014-03-18", 735310), ("2014-03-18T09:30:00+00:00", 735310), (None, None), ("", None),
    ("March 2014", None), ("2014-02-30", None),
])
def test_day_of_reads_iso_dates_and_ignores_the_rest(on, expected):
    from eventscope.extract.actors import day_of

    assert day_of(on) == expected


@pytest.mark.parametrize("text,code", [
    ("Abkhazia", "GEO"),  # a breakaway region: the state whose territory it is, no sector
    ("the breakaway region of Transnistria", "MDAREB"),
    ("the Republic of Artsakh", "AZEREB"),  # a self-declared state: that state and REB
    ("the army of the Luhansk People's Republic", "UKRREB"),  # its state bodies stay REB
    ("the Turkish Republic of Northern Cyprus", "CYPREB"),
    ("separatist leaders in South Ossetia", "GEOREB"),
    ("Kosovo", "XKX"),  # partly recognised, with a code of its own
])
def test_disputed_entities_follow_the_documented_convention(builtin, text, code):
    assert builtin.lookup(text).code == code


@pytest.mark.parametrize("code,expected", [
    ("ARMGOV", ("ARM", "GOV")), ("IGOUNOWFP", ("IGOUNOWFP", None)), ("ELI", (None, "ELI")),
    ("RUS", ("RUS", None)), ("", (None, None)),
])
def test_split_code(code, expected):
    from eventscope.extract.actors import split_code

    assert split_code(code) == expected
