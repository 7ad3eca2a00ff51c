"""English news about Russian partners and Title Case headlines: names a headline runs into its
verb are cut at the verb, and the kinds of body the Russian heads name (design bureau, fund,
cluster, shipyard, factory, museum) are read in English too. tests/data/endom_probe.jsonl holds
invented English news about SPbPU and Russian companies, state bodies and universities, written
before the extractor was measured on it."""

from __future__ import annotations

import pytest

from bot.facts.extraction import ArticleInput, Extraction, Extractor
from tests import probes


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _extract(ex: Extractor, title: str, text: str) -> Extraction:
    return ex.extract(ArticleInput(id="t", title=title, text=text, lang="en"))


def _names(result: Extraction) -> list[str]:
    return [p.name for p in result.partners]


def test_a_headline_list_names_each_partner(extractor: Extractor) -> None:
    # "SPbPU, Zhejiang University and ...": the name after the list's comma stood alone and was
    # dropped as a cut Title Case run.
    result = _extract(
        extractor,
        "SPbPU, Zhejiang University and Hangzhou Government Sign Trilateral Agreement",
        "The parties will create a joint center.",
    )
    assert sorted(_names(result)) == ["Hangzhou Government", "Zhejiang University"]


@pytest.mark.parametrize(
    ("title", "text", "partner"),
    [
        (
            "SPbPU and Zhejiang University Launch Joint Research Center",
            "The universities will work together on new materials.",
            "Zhejiang University",
        ),
        (
            "SPbPU and Kirov Plant Open Robotics Center",
            "The plant and the university will train engineers together.",
            "Kirov Plant",
        ),
        (
            "Tsinghua University Delegation Visits SPbPU",
            "The delegation met the rector and discussed joint programs.",
            "Tsinghua University",
        ),
    ],
)
def test_a_title_case_headline_names_the_partner_up_to_its_verb(
    extractor: Extractor, title: str, text: str, partner: str
) -> None:
    # The whole run ("Zhejiang University Launch Joint Research Center") was the partner's
    # name; a headline naming it before a delegation gave none at all.
    assert _names(_extract(extractor, title, text)) == [partner]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "SPbPU and the Rubin Central Design Bureau will jointly develop underwater robots "
            "under a new agreement.",
            "Rubin Central Design Bureau",
        ),
        (
            "The Skolkovo Foundation and the Leningrad Region Industrial Development Fund signed "
            "an agreement with SPbPU to support student startups.",
            "Leningrad Region Industrial Development Fund",
        ),
        (
            "SPbPU joined the St. Petersburg Innovation Cluster of Medical Technologies, which "
            "unites 40 companies and universities working on joint projects.",
            "St. Petersburg Innovation Cluster of Medical Technologies",
        ),
    ],
)
def test_english_bodies_of_the_kinds_russian_heads_name(
    extractor: Extractor, text: str, partner: str
) -> None:
    result = _extract(extractor, "Cooperation news", text)
    assert partner in _names(result), _names(result)


def test_english_domestic_probe_partner_f1_floor(extractor: Extractor) -> None:
    f1, (tp, fp, fn) = probes.partner_f1(extractor, probes.load("endom_probe.jsonl"))
    # 0.850 before the headline cut and the English heads (the probe's first measure), 0.878
    # after; the misses left are context bodies (an alumni reunion's employers, a meeting's
    # host, the end customer).
    assert f1 >= 0.86, (f1, tp, fp, fn)


def test_second_english_domestic_probe_partner_f1_floor(extractor: Extractor) -> None:
    f1, (tp, fp, fn) = probes.partner_f1(extractor, probes.load("endom2_probe.jsonl"))
    # 0.835 before the headline verbs, the Latin and spelt legal forms, the "named after ...
    # of the" parent and the peers of a selection (the probe's first measure), 0.905 after;
    # the misses left are a firm named only "with the participation of", a ministry named only
    # through its minister and a special economic zone.
    assert f1 >= 0.89, (f1, tp, fp, fn)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "SPbPU and JSC Concern Okeanpribor signed an agreement on a base department.",
            "Concern Okeanpribor",
        ),
        (
            "SPbPU and LLC Baltic Industrial Company launched a joint project on additive "
            "manufacturing.",
            "Baltic Industrial Company",
        ),
        (
            "SPbPU and the St. Petersburg Metro will jointly develop a tunnel monitoring system.",
            "St. Petersburg Metro",
        ),
    ],
)
def test_a_russian_company_in_english_is_named_without_its_legal_form(
    extractor: Extractor, text: str, partner: str
) -> None:
    # "JSC Concern Okeanpribor" was the display name; the Metro was no candidate at all.
    assert _names(_extract(extractor, "Cooperation news", text)) == [partner]


@pytest.mark.parametrize(
    ("title", "text", "partner"),
    [
        (
            "SPbPU and Fund for Open Innovation Sign Memorandum",
            "The fund will support startups at the university.",
            "Fund for Open Innovation",
        ),
        (
            "SPbPU Expands Cooperation",
            "SPbPU signed a memorandum with the Association of Young Researchers of Kazakhstan. "
            "The association will host joint seminars.",
            "Association of Young Researchers of Kazakhstan",
        ),
        (
            "SPbPU Expands Cooperation",
            "SPbPU signed a memorandum with the Woodrow Wilson International Center for Scholars. "
            "The center will host joint seminars.",
            "Woodrow Wilson International Center for Scholars",
        ),
    ],
)
def test_a_verb_or_people_of_a_names_own_phrase_is_no_headline_cut(
    extractor: Extractor, title: str, text: str, partner: str
) -> None:
    # The headline cut took "Open", "Researchers", "Scholars" for a predicate or the people a
    # name sends: the fund was lost, the others named 'Association of Young', '... Center'.
    assert _names(_extract(extractor, title, text)) == [partner]


@pytest.mark.parametrize(
    ("title", "text", "partners"),
    [
        # "Chamber" read as a head named 'Chamber Choir' and 'Beijing Chamber Orchestra'.
        (
            "Concert at Tsinghua University",
            "The SPbPU Chamber Choir and the Beijing Chamber Orchestra gave a joint concert at "
            "Tsinghua University.",
            ["Tsinghua University"],
        ),
        # "Enterprise" read as a head split the corporation into 'Corporation for Small' and
        # 'Medium Enterprise'.
        (
            "SPbPU and Corporation for Small and Medium Enterprise Sign Agreement",
            "The corporation will support student startups.",
            ["Corporation for Small and Medium Enterprise"],
        ),
    ],
)
def test_a_head_word_qualifying_another_noun_heads_no_organisation(
    extractor: Extractor, title: str, text: str, partners: list[str]
) -> None:
    assert _names(_extract(extractor, title, text)) == partners


@pytest.mark.parametrize(
    ("title", "text", "partners"),
    [
        # A sentence opened by "Besides": 'Besides the Polytechnic University' was a partner.
        (
            "New Consortium on Catalysis",
            "Besides the Polytechnic University, the consortium includes Kazan Federal "
            "University, which signed the consortium agreement last week.",
            ["Kazan Federal University"],
        ),
        # A headline's verb before the name it runs into: 'Bashkortostan Visits Polytechnic
        # University' was a partner.
        (
            "Delegation of Bashkortostan Visits Polytechnic University",
            "The guests discussed cooperation with Ufa State Petroleum Technological University, "
            "which signed an agreement with SPbPU.",
            ["Ufa State Petroleum Technological University"],
        ),
        # A headline's verb capitalised after the university's own name: 'Polytechnic Speaks'.
        (
            "Rector of Polytechnic Speaks at Engineering Forum",
            "The rector spoke about the agreement SPbPU signed with Samara University.",
            ["Samara University"],
        ),
        # ... and a participle: 'Engineering Consortium Led'.
        (
            "Engineering Consortium Led by Polytechnic Starts Work",
            "The consortium agreement was signed by SPbPU and Perm National Research Polytechnic "
            "University.",
            ["Perm National Research Polytechnic University"],
        ),
        # A name with no head word and the university's own name before the headline's verb:
        # 'Rosgidromet and Polytechnic' was a partner beside the agency.
        (
            "Rosgidromet and Polytechnic Sign Agreement on Climate Monitoring",
            "The Federal Agency for Hydrometeorology (Rosgidromet) and SPbPU signed an "
            "agreement on cooperation.",
            ["Federal Agency for Hydrometeorology"],
        ),
    ],
)
def test_a_headline_verb_or_an_opening_word_is_cut_off_the_name(
    extractor: Extractor, title: str, text: str, partners: list[str]
) -> None:
    assert sorted(_names(_extract(extractor, title, text))) == partners


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            'SPbPU and JSC "Vektor" signed a contract on the supply of test benches.',
            "Vektor",
        ),
        (
            'SPbPU and JSC "Concern "Morinformsystem-Agat" signed an agreement on a base '
            "department.",
            'Concern "Morinformsystem-Agat"',
        ),
    ],
)
def test_a_quoted_name_after_a_latin_legal_form_is_the_company(
    extractor: Extractor, text: str, partner: str
) -> None:
    # No candidate for "Vektor" (a quoted word, no head); the concern was read without quotes
    # and 'JSC' stood beside it as a candidate of its own.
    assert _names(_extract(extractor, "Cooperation news", text)) == [partner]


def test_a_name_named_after_a_person_keeps_the_body_it_belongs_to(extractor: Extractor) -> None:
    # The parent after "named after ... of the" was a partner of its own, cut off the name.
    result = _extract(
        extractor,
        "Cooperation news",
        "SPbPU signed an agreement with the Research Institute of Welding Technologies named "
        "after N.N. Rykalin of the National Research Centre Kurchatov Institute.",
    )
    assert _names(result) == [
        "Research Institute of Welding Technologies named after N.N. Rykalin of the National "
        "Research Centre Kurchatov Institute"
    ]


def test_an_order_the_university_receives_is_a_partnership(extractor: Extractor) -> None:
    # Nothing but an order and a contract told the cooperation: the article was no partnership.
    result = _extract(
        extractor,
        "Baltic Wheel Plant Orders Research on Bogie Wear from SPbPU",
        "The Institute of Mechanical Engineering of SPbPU has received an order from "
        "the Baltic Wheel Plant for research on the wear of bogies. Under the contract, the "
        "university's scientists will test new steels for wheels. This is the second research "
        "contract with the plant.",
    )
    assert result.partnership
    assert _names(result) == ["Baltic Wheel Plant"]


def test_a_russian_federal_service_is_a_state_body(extractor: Extractor) -> None:
    # "Service" heads no name (a press service is none): the agreement had no party.
    result = _extract(
        extractor,
        "Cooperation news",
        "SPbPU signed an agreement with the Federal Service for Intellectual Property on "
        "training patent engineers.",
    )
    assert [(p.name, p.kind) for p in result.partners] == [
        ("Federal Service for Intellectual Property", "government")
    ]


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "Trest Baltenergomontazh, CJSC, and SPbPU signed a contract on internships.",
            "Trest Baltenergomontazh",
        ),
        (
            "SPbPU signed a contract on internships with Baltenergomontazh Trust JSC.",
            "Baltenergomontazh Trust",
        ),
    ],
)
def test_a_russian_legal_form_after_the_name_is_no_part_of_it(
    extractor: Extractor, text: str, partner: str
) -> None:
    # 'CJSC' was read as an abbreviation and the company's name was lost: a contract with no
    # party.
    result = _extract(extractor, "Cooperation news", text)
    assert _names(result) == [partner]
    assert [a.parties for a in result.agreements] == [(partner,)]


def test_a_state_bodys_contracted_name_in_brackets_is_its_alias(extractor: Extractor) -> None:
    # "(Rosstandart)" was dropped: the card could not be found by the name people use.
    result = _extract(
        extractor,
        "Cooperation news",
        "The Federal Agency for Technical Regulation and Metrology (Rosstandart) and SPbPU "
        "signed an agreement on training specialists in metrology.",
    )
    assert [(p.name, p.aliases) for p in result.partners] == [
        ("Federal Agency for Technical Regulation and Metrology", ("Rosstandart",))
    ]


def test_the_other_universities_of_a_selection_are_no_partners(extractor: Extractor) -> None:
    # The universities listed as fellow grant holders were partners of a partnership article.
    result = _extract(
        extractor,
        "SPbPU Among Winners of Engineering Schools Selection",
        "SPbPU has won the federal selection of advanced engineering schools. In total, 30 "
        "universities will receive grants, including Kazan Federal University, Ural Federal "
        "University and Tomsk State University. The school will train engineers in power "
        "machinery.",
    )
    assert not result.partnership
    assert _names(result) == []


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # "LPI" is the university's historical abbreviation; with "RAS" after it, it is the
        # Lebedev Physical Institute, which was dropped as the university itself.
        (
            "SPbPU and the Lebedev Physical Institute of the Russian Academy of Sciences (LPI "
            "RAS) signed an agreement on a joint laboratory of lasers.",
            "Lebedev Physical Institute of the Russian Academy of Sciences",
        ),
        # A legal form spelt out was read as the name's first words.
        (
            "SPbPU and the Federal State Unitary Enterprise Central Research Institute of "
            "Robotics signed a roadmap of cooperation.",
            "Central Research Institute of Robotics",
        ),
        (
            "SPbPU and Public Joint-Stock Company Nevsky Turbines signed an agreement on "
            "targeted training.",
            "Nevsky Turbines",
        ),
        # A committee's portfolio listed with a comma was cut at the comma.
        (
            "SPbPU and the Committee for Transport, Logistics and Roads of the Leningrad Region "
            "signed an agreement on a joint laboratory.",
            "Committee for Transport, Logistics and Roads of the Leningrad Region",
        ),
        # ... and the portfolio's city cut at "St.": "... and Trade of St".
        (
            "SPbPU and the Committee for Industrial Policy, Innovation and Trade of St. "
            "Petersburg signed an agreement on supporting young engineers.",
            "Committee for Industrial Policy, Innovation and Trade of St. Petersburg",
        ),
        # A quoted name after a type word in lower case had no candidate.
        (
            'SPbPU and the company "Neva Cables" signed an agreement on a joint laboratory.',
            "Neva Cables",
        ),
        # ... and after a firm's capitalised type words the quoted name was left out.
        (
            'SPbPU and the Scientific and Production Association "Meridian" signed an '
            "agreement on a joint laboratory.",
            'Scientific and Production Association "Meridian"',
        ),
        (
            'SPbPU and the Concern "Meridian" signed an agreement on a joint laboratory.',
            'Concern "Meridian"',
        ),
        # A field with its article ("in the ...") was cut off the fund's name.
        (
            "SPbPU and the Foundation for Advanced Projects in the Shipbuilding Industry signed "
            "an agreement on a joint laboratory.",
            "Foundation for Advanced Projects in the Shipbuilding Industry",
        ),
    ],
)
def test_russian_bodies_named_the_ways_english_press_offices_name_them(
    extractor: Extractor, text: str, partner: str
) -> None:
    result = _extract(extractor, "Cooperation news", text)
    assert _names(result) == [partner]
    assert [a.parties for a in result.agreements] == [(partner,)]


def test_the_parent_an_apposition_names_after_of_is_no_partner(extractor: Extractor) -> None:
    # "a branch of Rosenergoatom Concern" made the parent a co-signer of the plant's agreement.
    result = _extract(
        extractor,
        "Cooperation news",
        "SPbPU and the Kola Nuclear Power Plant, a branch of Rosenergoatom Concern, signed an "
        "agreement on targeted training.",
    )
    assert _names(result) == ["Kola Nuclear Power Plant"]


@pytest.mark.parametrize(
    ("text", "partners"),
    [
        (
            "Polytechnic University, Sevmash and the Northern Arctic Federal University signed "
            "an agreement on a network program.",
            ["Northern Arctic Federal University", "Sevmash"],
        ),
        (
            "Zvezdochka, the Northern Arctic Federal University and SPbPU signed an agreement on "
            "a network program.",
            ["Northern Arctic Federal University", "Zvezdochka"],
        ),
    ],
)
def test_a_one_word_name_in_a_list_of_co_signers_with_the_university(
    extractor: Extractor, text: str, partners: list[str]
) -> None:
    # A name of no head word was found beside the university ("X and SPbPU signed"), not in
    # a list of three.
    result = _extract(extractor, "Cooperation news", text)
    assert sorted(_names(result)) == partners
    assert [sorted(a.parties) for a in result.agreements] == [partners]
