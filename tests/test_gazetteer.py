"""Tests for graphkit.gazetteer: data coverage, consistency, normalisation and look-ups."""

from __future__ import annotations

import copy
import time
from collections import defaultdict
from datetime import date

import pytest

from graphkit.gazetteer import Office, load_gazetteer, normalize
from graphkit.gazetteer import loader

pycountry = pytest.importorskip("pycountry")


@pytest.fixture(scope="module")
def gz():
    return load_gazetteer()


@pytest.fixture(scope="module")
def raw():
    return {name: loader._read(fname) for name, fname in loader._FILES.items()}


# ----------------------------------------------------------------------------- counts and coverage


def test_counts(gz):
    un = [c for c in gz.countries.values() if c.status == "un_member"]
    assert len(un) == 193
    assert {"VAT", "PSE", "XKX", "TWN"} <= set(gz.countries)
    assert len(gz.organizations) >= 60
    assert len(gz.office_holders) >= 400
    assert len(gz.offices) >= 40


def test_load_is_cached_and_fast(gz, raw):
    assert load_gazetteer() is gz
    started = time.perf_counter()
    loader.Gazetteer(copy.deepcopy(raw))
    # target is well under 150 ms; the bound is loose so a busy CI machine does not flake
    assert time.perf_counter() - started < 1.0


def test_every_un_member_resolvable(gz):
    un_codes = {iso3 for iso3, c in gz.countries.items() if c.status == "un_member"}
    for iso3 in un_codes:
        pc = pycountry.countries.get(alpha_3=iso3)
        assert pc is not None, iso3
        assert gz.countries[iso3].iso2 == pc.alpha_2
        assert gz.state_for(gz.countries[iso3].name) == iso3
        for attr in ("common_name", "name", "official_name"):
            text = getattr(pc, attr, None)
            if not text or "," in text or "(" in text:
                continue
            if iso3 == "COG" and text == "Congo":  # bare "Congo" is documented to mean the DRC
                continue
            assert gz.state_for(text) == iso3, (attr, text)


def test_every_un_member_has_demonym_and_capital_except_documented(gz):
    no_demonym = {"DMA", "COG"}  # 'Dominican' -> DOM, 'Congolese' -> COD
    for iso3, c in gz.countries.items():
        if c.status != "un_member":
            continue
        assert c.capital, iso3
        if iso3 not in no_demonym:
            assert c.demonyms, iso3


# ----------------------------------------------------------------------------- consistency


def test_ids_unique_and_references_exist(gz, raw):
    org_ids = [o["id"] for o in raw["organizations"]["organizations"]]
    assert len(org_ids) == len(set(org_ids))
    person_ids = [p["id"] for p in raw["office_holders"]["office_holders"]]
    assert len(person_ids) == len(set(person_ids))
    roles = {o.canonical for o in gz.offices}
    for holder in gz.office_holders.values():
        assert holder.offices, holder.id
        for term in holder.offices:
            assert term.role in roles, (holder.id, term.role)
            assert term.state or term.organization, holder.id
            if term.state:
                assert term.state in gz.countries, (holder.id, term.state)
            if term.organization:
                assert term.organization in gz.organizations, (holder.id, term.organization)
    for org in gz.organizations.values():
        assert set(org.members) <= set(gz.countries), org.id


def test_person_ids_are_ascii_slugs(gz):
    for pid in gz.office_holders:
        assert pid.isascii() and pid == pid.lower() and " " not in pid, pid


def test_no_surface_form_maps_to_two_states_or_orgs(gz):
    assert gz.collisions == []


def test_no_text_is_both_state_and_organization(gz):
    kinds = defaultdict(set)
    for text, kind, _ in gz.surface_forms():
        if kind in ("State", "Organization"):
            key = text if loader._is_acronym(text) else normalize(text)
            kinds[key].add(kind)
    both = sorted(k for k, v in kinds.items() if len(v) > 1)
    assert both == []


def test_person_full_names_unambiguous(gz):
    owners = defaultdict(set)
    for text, kind, ident in gz.surface_forms():
        if kind == "Person":
            key = text if loader._is_acronym(text) else normalize(text)
            owners[key].add(ident)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {}


def test_person_names_do_not_shadow_states_or_orgs(gz):
    state_org = {normalize(t) for t, kind, _ in gz.surface_forms() if kind != "Person"}
    clashes = [t for t, kind, _ in gz.surface_forms() if kind == "Person" and normalize(t) in state_org]
    assert clashes == []


def test_members_of_core_bodies(gz):
    orgs = gz.organizations
    assert len(orgs["eu"].members) == 27
    assert len(orgs["nato"].members) == 32
    assert set(orgs["g7"].members) == {"CAN", "FRA", "DEU", "ITA", "JPN", "GBR", "USA"}
    assert len(orgs["g20"].members) == 19
    assert set(orgs["e3"].members) == {"FRA", "DEU", "GBR"}
    assert set(orgs["aukus"].members) == {"AUS", "GBR", "USA"}
    assert set(orgs["gcc"].members) == {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"}
    assert "FIN" in orgs["nato"].members and "SWE" in orgs["nato"].members
    assert len(orgs["un"].members) == 193


def test_non_state_phrases_do_not_resolve(gz):
    assert gz.non_state_phrases
    for phrase in gz.non_state_phrases:
        assert gz.state_for(phrase) is None, phrase


# ----------------------------------------------------------------------------- state look-ups

STATE_CASES = {
    "Britain": "GBR", "British": "GBR", "Briton": "GBR", "UK": "GBR", "U.K.": "GBR", "Great Britain": "GBR",
    "the Kremlin": "RUS", "Kremlin": "RUS", "Moscow": "RUS", "Russian": "RUS",
    "Élysée": "FRA", "Elysee": "FRA", "the Élysée": "FRA", "Paris": "FRA", "French": "FRA",
    "Kyiv": "UKR", "Kiev": "UKR", "Ukrainians": "UKR",
    "Brasilia": "BRA", "Brasília": "BRA", "Planalto": "BRA",
    "Emirati": "ARE", "UAE": "ARE", "Saudi": "SAU", "Saudis": "SAU", "Riyadh": "SAU",
    "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV", "Cote d’Ivoire": "CIV", "Ivorian": "CIV",
    "US": "USA", "U.S.": "USA", "USA": "USA", "America": "USA", "American": "USA", "Washington": "USA",
    "White House": "USA", "United States of America": "USA",
    "DRC": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD", "Congo-Brazzaville": "COG",
    "Republic of the Congo": "COG", "Democratic Republic of the Congo": "COD",
    "Burma": "MMR", "Myanmar": "MMR", "Czechia": "CZE", "Czech Republic": "CZE",
    "North Korea": "PRK", "DPRK": "PRK", "North Korean": "PRK", "Pyongyang": "PRK",
    "South Korea": "KOR", "South Korean": "KOR", "Seoul": "KOR",
    "Türkiye": "TUR", "Turkiye": "TUR", "Turkey": "TUR", "Turkish": "TUR", "Ankara": "TUR",
    "Filipino": "PHL", "Philippine": "PHL", "Malacañang": "PHL",
    "Nigerian": "NGA", "Abuja": "NGA", "Nigerien": "NER", "Niger": "NER",
    "Addis Ababa": "ETH", "Nairobi": "KEN", "Pretoria": "ZAF", "South African": "ZAF",
    "Guinea": "GIN", "Guinea-Bissau": "GNB", "Guinea Bissau": "GNB", "Equatorial Guinea": "GNQ",
    "Papua New Guinea": "PNG", "Sudan": "SDN", "South Sudan": "SSD", "South Sudanese": "SSD",
    "Jakarta": "IDN", "Tehran": "IRN", "Iranian": "IRN", "Jerusalem": "ISR", "Palestinian": "PSE",
    "Holy See": "VAT", "Vatican": "VAT", "Kosovo": "XKX", "Taiwan": "TWN", "Taipei": "TWN",
    "Beijing": "CHN", "Zhongnanhai": "CHN", "Chinese": "CHN", "Chinese Taipei": "TWN",
    "Casa Rosada": "ARG", "Argentine": "ARG", "Bogotá": "COL", "Bogota": "COL", "Miraflores": "VEN",
    "Caracas": "VEN", "Havana": "CUB", "Mexico City": "MEX", "Ottawa": "CAN", "Canberra": "AUS",
    "Downing Street": "GBR", "Number 10": "GBR", "No. 10": "GBR", "Whitehall": "GBR",
    "Bankova": "UKR", "Aso Rock": "NGA", "Islamabad": "PAK", "New Delhi": "IND", "Delhi": "IND",
    "Georgia": "GEO", "Tbilisi": "GEO", "Dominican": "DOM", "Dominica": "DMA",
    "Netherlands": "NLD", "Dutch": "NLD", "Holland": "NLD", "Swiss": "CHE", "Bern": "CHE",
    "Greenland": "GRL", "Britain's": "GBR", "Germany's": "DEU", "Nukualofa": "TON", "Nuku'alofa": "TON",
}


@pytest.mark.parametrize("text,iso3", sorted(STATE_CASES.items()))
def test_state_for(gz, text, iso3):
    assert gz.state_for(text) == iso3


@pytest.mark.parametrize(
    "text",
    ["us", "Us", "who", "polish", "turkey", "chad", "china", "male", "Brussels", "The Hague", "Latin America",
     "Latin American", "Middle East", "Africa", "European", "", "   ", "pm", "Victoria"],
)
def test_state_for_rejects(gz, text):
    assert gz.state_for(text) is None


def test_how_named(gz):
    assert gz.how_named("Britain") == "name"
    assert gz.how_named("British") == "demonym"
    assert gz.how_named("the Kremlin") == "metonym"
    assert gz.how_named("Washington") == "metonym"
    assert gz.how_named("Singapore") == "name"  # capital equal to the country name reads as a name
    assert gz.how_named("nowhere") is None


def test_case_policy(gz):
    assert gz.case_policy("US") == "exact"
    assert gz.case_policy("U.S.") == "exact"
    assert gz.case_policy("WHO") == "exact"
    assert gz.case_policy("Turkey") == "capitalised"
    assert gz.case_policy("Britain") == "any"
    assert gz.state_for("BRITAIN") == "GBR"  # all-caps headlines still match non-acronym forms


# ----------------------------------------------------------------------------- organizations

ORG_CASES = {
    "Nato": "nato", "NATO": "nato", "North Atlantic Treaty Organization": "nato",
    "the European Commission": "european-commission", "European Council": "european-council",
    "European Parliament": "european-parliament", "EU": "eu", "E.U.": "eu", "European Union": "eu",
    "UNSC": "un-security-council", "UN Security Council": "un-security-council",
    "the Security Council": "un-security-council", "UN": "un", "U.N.": "un", "United Nations": "un",
    "UNGA": "un-general-assembly", "G7": "g7", "G-7": "g7", "G20": "g20", "BRICS": "brics", "SCO": "sco",
    "ASEAN": "asean", "Asean": "asean", "African Union": "african-union", "AU": "african-union",
    "Arab League": "arab-league", "GCC": "gcc", "OPEC": "opec", "OPEC+": "opec-plus", "ECOWAS": "ecowas",
    "SADC": "sadc", "EAC": "eac", "IGAD": "igad", "Mercosur": "mercosur", "CELAC": "celac", "OAS": "oas",
    "CARICOM": "caricom", "APEC": "apec", "the Quad": "quad", "AUKUS": "aukus", "Commonwealth": "commonwealth",
    "IAEA": "iaea", "UN nuclear watchdog": "iaea", "WHO": "who", "WTO": "wto", "IMF": "imf",
    "World Bank": "world-bank", "ICC": "icc", "ICJ": "icj", "Council of Europe": "council-of-europe",
    "coalition of the willing": "coalition-of-the-willing", "Coalition of the Willing": "coalition-of-the-willing",
    "Five Eyes": "five-eyes", "CSTO": "csto", "Eurasian Economic Union": "eaeu", "Nordic Council": "nordic-council",
    "Visegrad Group": "visegrad-group", "Visegrád Group": "visegrad-group", "Weimar Triangle": "weimar-triangle",
    "E3": "e3", "Pacific Islands Forum": "pacific-islands-forum", "OIC": "oic", "OSCE": "osce",
    "Hamas": "hamas", "Hezbollah": "hezbollah", "Houthis": "houthis", "M23": "m23",
}


@pytest.mark.parametrize("text,org_id", sorted(ORG_CASES.items()))
def test_organization_for(gz, text, org_id):
    assert gz.organization_for(text) == org_id


@pytest.mark.parametrize("text", ["who", "Brussels", "the Alliance", "Commission", "quad", "eu", "nato chief"])
def test_organization_for_rejects(gz, text):
    assert gz.organization_for(text) is None


# ----------------------------------------------------------------------------- people


def test_people_named_variants(gz):
    for text in ("Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelensky", "zelensky"):
        assert [p.id for p in gz.people_named(text)] == ["volodymyr-zelenskyy"], text
    assert [p.id for p in gz.people_named("Micheal Martin")] == ["micheal-martin"]
    assert [p.id for p in gz.people_named("Micheál Martin")] == ["micheal-martin"]
    assert [p.id for p in gz.people_named("Erdogan")] == ["recep-tayyip-erdogan"]
    assert [p.id for p in gz.people_named("Lula")] == ["luiz-inacio-lula-da-silva"]
    assert [p.id for p in gz.people_named("MBS")] == ["mohammed-bin-salman"]
    assert gz.people_named("mbs") == []
    assert [p.id for p in gz.people_named("von der Leyen")] == ["ursula-von-der-leyen"]
    assert [p.id for p in gz.people_named("Xi")] == ["xi-jinping"]
    assert gz.people_named("Nobody Atall") == []


def test_people_named_surname_ambiguous(gz):
    ids = {p.id for p in gz.people_named("Sánchez")}
    assert {"pedro-sanchez", "pedro-arnulfo-sanchez"} <= ids
    assert len({p.id for p in gz.people_named("bin Zayed")}) >= 3


def test_full_name_wins_over_surname(gz):
    assert [p.id for p in gz.people_named("Pedro Sánchez")] == ["pedro-sanchez"]


def test_mark_rutte_offices_by_date(gz):
    on_2025 = gz.offices_held("mark-rutte", "2025-09-04")
    assert [(t.role, t.organization, t.state) for t in on_2025] == [("Secretary-General", "nato", None)]
    on_2020 = gz.offices_held("mark-rutte", date(2020, 1, 1))
    assert [(t.role, t.state) for t in on_2020] == [("Prime Minister", "NLD")]


def test_offices_held_partial_dates_and_boundaries(gz):
    # Trump: two presidencies; nothing in between
    assert [t.role for t in gz.offices_held("donald-trump", "2019-06-01")] == ["President"]
    assert gz.offices_held("donald-trump", "2022-06-01") == []
    # an end date is exclusive, a start date inclusive
    assert "Chancellor" not in [t.role for t in gz.offices_held("olaf-scholz", "2025-05-06")]
    assert [t.role for t in gz.offices_held("friedrich-merz", "2025-05-06")] == ["Chancellor"]
    # start given as year only
    assert gz.offices_held("kaja-kallas", "2025") and gz.offices_held("kaja-kallas", "2025")[0].role == "High Representative"
    with pytest.raises(KeyError):
        gz.offices_held("no-such-person", None)


def test_holders_of(gz):
    assert [p.id for p in gz.holders_of("Foreign Minister", state="USA", on="2024-06-01")] == ["antony-blinken"]
    assert [p.id for p in gz.holders_of("Foreign Minister", state="USA", on="2025-06-01")] == ["marco-rubio"]
    assert [p.id for p in gz.holders_of("Secretary-General", organization="un", on="2025-06-01")] == ["antonio-guterres"]
    assert [p.id for p in gz.holders_of("Chancellor", state="DEU", on="2023-01-01")] == ["olaf-scholz"]


def test_major_leaders_present(gz):
    expected = {
        ("USA", "President"): "donald-trump", ("RUS", "President"): "vladimir-putin",
        ("CHN", "President"): "xi-jinping", ("FRA", "President"): "emmanuel-macron",
        ("GBR", "Prime Minister"): "keir-starmer", ("IND", "Prime Minister"): "narendra-modi",
        ("BRA", "President"): "luiz-inacio-lula-da-silva", ("ZAF", "President"): "cyril-ramaphosa",
        ("UKR", "President"): "volodymyr-zelenskyy", ("TUR", "President"): "recep-tayyip-erdogan",
        ("NGA", "President"): "bola-tinubu", ("KEN", "President"): "william-ruto",
        ("IDN", "President"): "prabowo-subianto", ("SAU", "Crown Prince"): "mohammed-bin-salman",
        ("ISR", "Prime Minister"): "benjamin-netanyahu", ("IRN", "Supreme Leader"): "ali-khamenei",
        ("JPN", "Prime Minister"): "sanae-takaichi", ("DEU", "Chancellor"): "friedrich-merz",
    }
    for (state, role), pid in expected.items():
        assert pid in {p.id for p in gz.holders_of(role, state=state, on="2025-11-01")}, (state, role)


# ----------------------------------------------------------------------------- offices


@pytest.mark.parametrize(
    "title,canonical,level",
    [
        ("Taoiseach", "Prime Minister", "state"),
        ("Prime Minister", "Prime Minister", "state"),
        ("PM", "Prime Minister", "state"),
        ("premier", "Prime Minister", "state"),
        ("Secretary of State", "Foreign Minister", "state"),
        ("foreign secretary", "Foreign Minister", "state"),
        ("top diplomat", "Foreign Minister", "state"),
        ("External Affairs Minister", "Foreign Minister", "state"),
        ("US Secretary of State", "Foreign Minister", "state"),
        ("Chancellor", "Chancellor", "state"),
        ("Chancellor of the Exchequer", "Finance Minister", "state"),
        ("Secretary-General", "Secretary-General", "organization"),
        ("Secretary General", "Secretary-General", "organization"),
        ("secretary-general", "Secretary-General", "organization"),
        ("General Secretary", "General Secretary", "state"),
        ("defence secretary", "Defence Minister", "state"),
        ("Defense Secretary", "Defence Minister", "state"),
        ("Secretary of War", "Defence Minister", "state"),
        ("Secretary of State for Defence", "Defence Minister", "state"),
        ("national security adviser", "National Security Adviser", "state"),
        ("special envoy", "Special Envoy", "state"),
        ("envoy", "Envoy", "state"),
        ("chief negotiator", "Chief Negotiator", "state"),
        ("chief of staff", "Chief of Staff", "state"),
        ("High Representative", "High Representative", "organization"),
        ("EU foreign policy chief", "High Representative", "organization"),
        ("Vice-President", "Vice President", "state"),
        ("Tánaiste", "Deputy Prime Minister", "state"),
        ("Tanaiste", "Deputy Prime Minister", "state"),
        ("crown prince", "Crown Prince", "state"),
        ("Emir", "Emir", "state"),
        ("acting President", "President", "state"),
        ("Pres.", "President", "state"),
    ],
)
def test_office_for(gz, title, canonical, level):
    office = gz.office_for(title)
    assert office == Office(canonical=canonical, level=level)


def test_office_for_rejects(gz):
    assert gz.office_for("pm") is None
    assert gz.office_for("banana") is None
    assert gz.office_for("") is None


def test_office_for_example_from_spec(gz):
    assert gz.office_for("foreign secretary") == Office(canonical="Foreign Minister", level="state")


# ----------------------------------------------------------------------------- surface forms


def test_surface_forms(gz):
    forms = gz.surface_forms()
    assert len(forms) > 2000
    as_set = set(forms)
    assert ("Elysee", "State", "FRA") in as_set
    assert ("Élysée", "State", "FRA") in as_set
    assert ("Kremlin", "State", "RUS") in as_set
    assert ("NATO", "Organization", "nato") in as_set
    assert ("Zelensky", "Person", "volodymyr-zelenskyy") in as_set
    assert ("Micheal Martin", "Person", "micheal-martin") in as_set
    assert all(kind in ("State", "Organization", "Person") for _, kind, _ in forms)
    # surnames alone only on request
    assert ("Martin", "Person", "micheal-martin") not in as_set
    assert ("Martin", "Person", "micheal-martin") in set(gz.surface_forms(include_surnames=True))
    # callers may mutate what they get back
    forms.clear()
    assert gz.surface_forms()


# ----------------------------------------------------------------------------- validation errors


def _expect_error(raw, match):
    with pytest.raises(ValueError, match=match):
        loader.Gazetteer(raw)


def test_validation_unknown_member(raw):
    bad = copy.deepcopy(raw)
    bad["organizations"]["organizations"][0]["members"].append("XYZ")
    _expect_error(bad, r"organizations\.json: organization 'nato' field 'members': unknown ISO3 'XYZ'")


def test_validation_unknown_state_in_term(raw):
    bad = copy.deepcopy(raw)
    person = bad["office_holders"]["office_holders"][0]
    person["offices"][0]["state"] = "XYZ"
    _expect_error(bad, rf"office_holders\.json: office holder '{person['id']}' offices\[0\] field 'state'")


def test_validation_unknown_org_in_term(raw):
    bad = copy.deepcopy(raw)
    person = bad["office_holders"]["office_holders"][0]
    person["offices"][0].pop("state", None)
    person["offices"][0]["organization"] = "no-such-org"
    _expect_error(bad, r"field 'organization': unknown organization id 'no-such-org'")


def test_validation_duplicate_ids(raw):
    bad = copy.deepcopy(raw)
    people = bad["office_holders"]["office_holders"]
    people.append(copy.deepcopy(people[0]))
    _expect_error(bad, rf"office_holders\.json: office holder '{people[0]['id']}' field 'id': duplicate id")
    bad = copy.deepcopy(raw)
    orgs = bad["organizations"]["organizations"]
    orgs.append(copy.deepcopy(orgs[0]))
    _expect_error(bad, r"organizations\.json: organization 'nato' field 'id': duplicate id")


def test_validation_unknown_role(raw):
    bad = copy.deepcopy(raw)
    bad["office_holders"]["office_holders"][0]["offices"][0]["role"] = "Grand Vizier"
    _expect_error(bad, r"field 'role': unknown canonical role 'Grand Vizier'")


def test_validation_duplicate_json_key():
    hook = loader._no_duplicate_keys("countries.json")
    with pytest.raises(ValueError, match="countries.json: duplicate key 'FRA'"):
        hook([("FRA", {}), ("FRA", {})])


@pytest.mark.parametrize("title", ["Information Minister", "minister of information", "Minister for Planning and Development",
                                   "Fijian Health Minister"])
def test_portfolio_titles_are_minister(gz, title):
    assert gz.office_for(title).canonical == "Minister"
