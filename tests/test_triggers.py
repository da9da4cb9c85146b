"""Recognisers of the ``triggers`` stage: triggers and modality, actors, quantities, quotes,
attributions; and the publisher stance table. Texts are written for these tests."""

from __future__ import annotations

import hashlib

import pytest

from eventledger.config import Options
from eventledger.doc import Doc
from eventledger.models import Report
from eventledger.publishers import canonical_publisher, stance
from eventledger.stages.actors import find_actors, normalise_actor_name
from eventledger.stages.clean import CleanStage
from eventledger.stages.lexmatch import KeyedPatterns, literal_prefixes
from eventledger.stages.quantities import find_quantities, parse_number
from eventledger.stages.quotes import find_attributions, find_quotes
from eventledger.stages.segment import SegmentStage
from eventledger.stages.triggers import TriggersStage


def segmented(text: str, publisher: str | None = None) -> Doc:
    """clean + segment (the lead's stages) + triggers, without places or dates."""
    doc = Doc(Report("t", text, hashlib.sha256(text.encode()).hexdigest(), publisher=publisher))
    CleanStage()(doc, Options())
    SegmentStage()(doc, Options())
    TriggersStage()(doc, Options())
    return doc


def triggers_by_word(doc: Doc) -> dict[str, object]:
    return {doc.text[t.span.start : t.span.end].lower(): t for t in doc.triggers}


# --- triggers -----------------------------------------------------------------------------


def test_two_actions_in_one_sentence_give_two_trigger_types():
    doc = segmented("Activists posted banners in Tabriz and torched a police vehicle in Karaj on Monday.\n")
    subs = {(t.event_type, t.sub_event_type) for t in doc.triggers}
    assert ("protest", "symbolic_action") in subs
    assert ("riot", "property_attack") in subs
    torch = next(t for t in doc.triggers if t.sub_event_type == "property_attack")
    assert torch.tactics == ("arson",)


def test_burning_images_is_image_burning_not_arson():
    doc = segmented("Young people burned portraits of the supreme leader in Rasht.\n")
    t = next(t for t in doc.triggers if t.sub_event_type == "property_attack")
    assert t.tactics == ("image_burning",)


@pytest.mark.parametrize(
    "text, modality, negated",
    [
        ("Workers did not strike in Abadan on Sunday.\n", "asserted", True),
        ("Teachers will rally in Shiraz next week.\n", "planned", False),
        ("The union called for a strike in Ahvaz.\n", "called_for", False),
        ("Every Thursday, pensioners hold rallies in Ahvaz.\n", "generic", False),
        ("Militants have been launching attacks on police stations.\n", "generic", False),
        ("Nurses rallied outside a hospital in Tabriz on Monday.\n", "asserted", False),
        # (held-out set 20) a newspaper or a masthead named "daily" or "Weekly" is no rhythm
        ("Editors of the conservative daily Resalat rallied in Arak on Friday.\n", "asserted", False),
        ("The Hamshahri daily reported that teachers rallied in Arak.\n", "asserted", False),
        ("Teachers rallied in Arak on Friday, a teacher told Kalameh Weekly.\n", "asserted", False),
        ("Street vendors in Arak rallied daily during the summer.\n", "generic", False),
        ("Weekly rallies are held in Arak by retirees.\n", "generic", False),
    ],
)
def test_modality(text, modality, negated):
    doc = segmented(text)
    t = next(t for t in doc.triggers if t.sub_event_type in ("strike", "demonstration", "property_attack"))
    assert t.modality == modality
    assert t.negated is negated


def test_trigger_inside_a_slogan_is_quoted():
    doc = segmented("A banner in Qom read: “We will set fire to the palace of tyranny”.\n")
    arson = [t for t in doc.triggers if t.sub_event_type == "property_attack"]
    assert arson and all(t.modality == "quoted" for t in arson)
    banner = next(t for t in doc.triggers if "banner" in t.tactics)
    assert banner.modality == "asserted"


def test_excluded_phrases_are_not_triggers():
    doc = segmented("Prisoners on hunger strike chanted slogans of protest.\n")
    assert not any(t.sub_event_type in ("strike", "demonstration") for t in doc.triggers)


def test_going_on_hunger_strike_is_a_strike():
    doc = segmented("In Evin Prison, nine inmates went on hunger strike on Sunday.\n")
    assert [t.sub_event_type for t in doc.triggers if t.modality == "asserted"] == ["strike"]
    doc = segmented("Nine inmates began a hunger strike on Sunday.\n")
    assert any(t.sub_event_type == "strike" for t in doc.triggers)


def test_writing_on_walls_is_graffiti():
    doc = segmented('In Qom, activists wrote on walls: "Freedom".\n')
    assert any("graffiti" in t.tactics for t in doc.triggers)


def test_a_protest_named_as_the_reason_for_a_sentence_is_no_trigger():
    doc = segmented("Two teachers were sentenced to a year in prison for taking part in a teachers' union gathering.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["sentence"]
    doc = segmented("Two teachers took part in a gathering.\n")
    assert any(t.sub_event_type == "demonstration" for t in doc.triggers)


def test_habitual_words_inside_a_quoted_slogan_do_not_make_the_act_habitual():
    doc = segmented('In Shiraz, a banner read: "1,000 more each year - enough is enough."\n')
    banner = next(t for t in doc.triggers if "banner" in t.tactics)
    assert banner.modality == "asserted"
    doc = segmented("Each year, a banner is hung in Shiraz.\n")
    assert next(t for t in doc.triggers if "banner" in t.tactics).modality == "generic"


# --- actors ---------------------------------------------------------------------------------


def test_actor_aliases_are_normalised_to_neutral_names():
    doc = segmented(
        "Angry youths torched a Basij base while Revolutionary Guards and riot police watched; "
        "members of the Resistance Units and retirees also took part.\n"
    )
    names = [a.name for a in doc.actors]
    assert "unidentified youths" in names
    assert "IRGC" in names
    assert "Iranian security forces" in names
    assert "MEK Resistance Units" in names
    assert "retirees" in names
    assert not any("ebellious" in n for n in names)


def test_compound_and_retired_worker_groups_are_named():
    """"steelworkers" is one word; "retired steelworkers", "retired telecom employees" are
    retirees (the group that acts as such), not unnamed."""
    names = [a.name for a in segmented("Steelworkers and dockworkers struck while retired steelworkers and "
                                       "retired telecom employees rallied.\n").actors]
    assert names == ["workers", "workers", "retirees", "retirees"]
    assert [a.name for a in segmented("Worshippers marched after Friday prayers.\n").actors] == ["worshippers"]


# --- quantities ---------------------------------------------------------------------------


def counts(text: str):
    doc = segmented(text)
    return [(q.count.kind, q.count.value, q.count.qualifier, q.count.qualifier_text) for q in doc.quantities]


def test_quantity_qualifiers_and_kinds():
    got = counts(
        "Rights groups say at least 87 prisoners were executed. More than 45,000 people rallied. "
        "About 30 workers were arrested. Up to 50 were injured.\n"
    )
    assert ("executed", 87, "at_least", None) in got
    assert ("participants", 45000, "more_than", None) in got
    assert ("arrested", 30, "about", None) in got
    assert ("injured", 50, "at_most", None) in got


def test_vague_amounts_keep_their_words():
    got = counts("Thousands of people were arrested and dozens were killed.\n")
    assert ("arrested", None, None, "Thousands") in got
    assert ("killed", None, None, "dozens") in got


def test_number_words_articles_and_sentence_lengths():
    got = counts(
        "Two prisoners were hanged in Qom and a prisoner was hanged in Arak. "
        "A court sentenced a teacher to 40 months in prison. The court sentenced another to three years.\n"
    )
    assert ("executed", 2, "exact", None) in got
    assert ("executed", 1, "exact", None) in got
    assert ("sentenced_months", 40, "exact", None) in got
    assert ("sentenced_months", 36, "exact", None) in got


def test_persian_digits_are_read_through_the_view():
    got = counts("گزارش: ۱۲۰ نفر دستگیر شدند. Officials said 120 people were arrested.\n")
    assert any(v == 120 for _, v, _, _ in got)
    assert ("arrested", 120, "exact", None) in got


def test_dates_years_ordinals_and_plans_are_not_quantities():
    got = counts("On August 26, 2020, in its 57th year, the group unveiled a 10-point plan founded in 1981.\n")
    assert got == []


def test_parse_number():
    assert parse_number("three thousand") == 3000
    assert parse_number("1,500") == 1500
    assert parse_number("twenty-four") == 24
    assert parse_number("banana") is None


# --- quotes and attributions ----------------------------------------------------------------


def test_quotes_exclude_marks_and_tell_slogans_from_statements():
    doc = segmented(
        "Their banners read “Bread, work, freedom”.\n"
        "The governor said: “Order has been restored.”\n"
        "“We are not afraid,” said a student.\n"
        "Crowds chanted «Women, life, freedom».\n"
    )
    by_text = {q.text: q.kind for q in doc.quotes}
    assert by_text["Bread, work, freedom"] == "slogan"
    assert by_text["Order has been restored."] == "statement"
    assert by_text["We are not afraid,"] == "statement"
    assert by_text["Women, life, freedom"] == "slogan"
    for q in doc.quotes:
        assert doc.text[q.span.start : q.span.end] == q.text
        assert "“" not in q.text and "”" not in q.text


def test_attributions():
    doc = segmented(
        "Amnesty International reports that at least 20 people were killed.\n"
        "According to HRANA, 15 teachers were detained.\n"
        "State media quoted the governor of Ilam as saying that calm had returned.\n"
        "The toll of 40 was announced by the Kurdistan Human Rights Network on May 2.\n"
        "“Order will be restored soon.” (Kayhan daily, March 3)\n"
    )
    sources = {a.source for a in doc.attributions}
    assert "Amnesty International" in sources
    assert "HRANA" in sources
    assert "state media" in {s.lower() for s in sources}
    assert "governor of Ilam" in sources
    assert "Kurdistan Human Rights Network" in sources
    assert "Kayhan" in sources


# --- publishers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("PMOI/MEK", "party_to_conflict"),
        ("NCRI", "party_to_conflict"),
        ("Tasnim", "state_media"),
        ("Press TV", "state_media"),
        ("amnesty international", "rights_monitor"),
        ("HRANA", "rights_monitor"),
        ("Reuters", "news_agency"),
        ("AFP", "news_agency"),
        ("Some Blog", "unknown"),
        (None, "unknown"),
    ],
)
def test_publisher_stance(publisher, expected):
    assert stance(publisher) == expected


def test_publisher_table_override(tmp_path):
    table = tmp_path / "pub.toml"
    table.write_text('[[publisher]]\nname = "Local Herald"\nstance = "news_agency"\naliases = ["Herald"]\n')
    assert stance("herald", table) == "news_agency"
    assert stance("Reuters", table) == "unknown"  # the override replaces the shipped table
    assert canonical_publisher("Herald", table) == "Local Herald"


# --- prefix-indexed matching ----------------------------------------------------------------


def test_literal_prefixes_and_keyed_patterns():
    assert literal_prefixes("graffiti") == frozenset({"graffi"})
    assert literal_prefixes("(?:went|go) on") == frozenset({"went o", "go on"})
    assert literal_prefixes(r"\w+ing") is None
    kp = KeyedPatterns([("a", "set fire to"), ("b", "set"), ("c", r"fire(?:s)?")])
    hits = list(kp.finditer("They set fire to it; fires spread."))
    assert [(k) for _, _, k in hits] == ["a", "c"]


def test_keyed_patterns_share_one_scan_and_agree_with_plain_regex():
    from eventledger.stages.lexmatch import candidate_positions

    a = KeyedPatterns([("strike", r"strik(?:e|es|ing)"), ("march", r"march(?:ed|es)")])
    b = KeyedPatterns([("n", r"\d+"), ("w", r"dozens")])
    text = "Dozens of workers were striking; 30 marched. A strikebreaker came."
    assert [(text[s:e], k) for s, e, k in a.finditer(text)] == [("striking", "strike"), ("marched", "march")]
    assert [(text[s:e], k) for s, e, k in b.finditer(text)] == [("Dozens", "w"), ("30", "n")]
    # both lexicons read the one candidate list of this text
    per_lexicon = candidate_positions(text)
    assert [s for s, _ in per_lexicon[a.rid]] == [text.index("striking"), text.index("marched"), text.index("strikeb")]


def _candidates_by_brute_force(text: str) -> list[list[tuple[int, tuple[int, ...]]]]:
    """Every word start (no word character before it), each lexicon asked for its patterns
    whose prefix starts the next characters: what the shared scan must find."""
    import re

    from eventledger.stages import lexmatch

    low = text.lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    anywhere = any(kp.always for kp in lexmatch._registry)
    out: list[list[tuple[int, tuple[int, ...]]]] = [[] for _ in lexmatch._registry]
    for s in range(len(low)):
        if s > 0 and re.match(r"\w", low[s - 1]):
            continue
        if anywhere and not re.match(r"\w", low[s]):
            continue
        for rid, kp in enumerate(lexmatch._registry):
            cands = kp._candidates(low[s : s + lexmatch._K])
            if cands:
                out[rid].append((s, cands))
    return out


@pytest.mark.parametrize("text", [
    "Strikes began. Dozens of workers were striking; 30 marched in Tehran.",
    "(Dozens) of 30-workers_struck; \u201cDeath to the dictator\u201d, the official said, as saying",
    "\u0130stanbul strikers: \u0130n Ahvaz, at least 12 prisoners were executed \u2014 HRANA reported.",
    "_strike 1988\n\tarrested \u06f3\u06f0 people, according to the group; arson-attack",
    "",
    "a",
    "..executed",
])
def test_shared_scan_finds_every_word_start_a_lexicon_asks_for(text):
    from eventledger.stages.lexmatch import candidate_positions

    TriggersStage(Options())  # the real lexicons are registered
    KeyedPatterns([("x", r"strik(?:e|es|ing)"), ("y", r"\d+ people")])
    assert candidate_positions(text) == _candidates_by_brute_force(text)


@pytest.mark.parametrize("text", [
    "Strikes began. Dozens of workers were striking; 30 marched in Tehran. They set fire to it; fires spread.",
    "(Dozens) of 30-workers_struck; \u201cDeath to the dictator\u201d, the official said, as saying",
    "\u0130stanbul strikers: \u0130n Ahvaz, at least 12 prisoners were executed \u2014 HRANA reported.",
    "_strike 1988\n\tarrested \u06f3\u06f0 people, according to the group; arson-attack",
    "",
    "a",
])
def test_finditer_agrees_with_matches(text):
    """finditer is the loop of matches written out: the same (start, end, key) for every
    lexicon, with and without a start and end offset."""
    from eventledger.stages import lexmatch

    TriggersStage(Options())
    KeyedPatterns([("a", "set fire to"), ("b", "set"), ("c", r"fire(?:s)?"), ("d", r"\d+ people")])
    for kp in lexmatch._registry:
        for lo, hi in ((0, None), (3, None), (5, max(0, len(text) - 7))):
            want = [(m.start(), m.end(), k) for m, k in kp.matches(text, lo, hi)]
            assert list(kp.finditer(text, lo, hi)) == want


@pytest.mark.parametrize("text,word", [
    ("Despite a wave of executions, youths posted banners in Qom.\n", "executions"),
    ("Amid arrests, students wrote graffiti in Rasht.\n", "arrests"),
    ("Activists honoured those executed in 1988 with posters in Sari.\n", "executed"),
    ("Hundreds rallied in Paris to protest against the death sentences.\n", "death sentences"),
])
def test_repression_words_in_a_context_frame_are_context(text, word):
    t = triggers_by_word(segmented(text))[word]
    assert t.modality == "context"


def test_repression_words_that_report_acts_stay_asserted():
    t = triggers_by_word(segmented("Security forces arrested 12 students in Rasht on Monday.\n"))["arrested"]
    assert t.modality == "asserted" and not t.negated


def test_hanging_objects_and_adjectival_participles_are_not_triggers():
    doc = segmented("Youths hung a banner on a bridge. A banner hung from an overpass. "
                    "Posters of imprisoned teachers and the arrested students appeared.\n")
    assert not [t for t in doc.triggers if t.event_type == "repression"]
    doc = segmented("Two prisoners were hanged in Karaj. The arrested men were released.\n")
    assert [doc.text[t.span.start:t.span.end] for t in doc.triggers if t.event_type == "repression"] == ["hanged"]


def test_work_stoppages_are_strikes():
    doc = segmented("Truck drivers stopped work on Tuesday and joined the stoppage; shops in the old bazaar "
                    "stayed closed.\n")
    subs = {doc.text[t.span.start:t.span.end].lower(): t.sub_event_type for t in doc.triggers}
    assert subs.get("stopped work") == "strike" and subs.get("stoppage") == "strike"
    assert any(k.startswith("shops") and v == "strike" for k, v in subs.items())


def test_habitual_and_planned_wording_is_not_asserted():
    doc = segmented("The province has seen recurrent protests by residents. The team had planned attacks on banks.\n")
    mods = {doc.text[t.span.start:t.span.end].lower(): t.modality for t in doc.triggers}
    assert mods["protests"] == "generic"
    assert all(m != "asserted" for k, m in mods.items() if k.startswith("attack"))


def test_chanting_in_public_is_a_demonstration_and_online_chanting_is_symbolic():
    street = segmented("Mourners at the funeral were chanting slogans against the government.\n")
    (t,) = [t for t in street.triggers if "chanting" in t.tactics]
    assert (t.event_type, t.sub_event_type) == ("protest", "demonstration")
    online = segmented("Activists posted a video online of themselves chanting in their neighbourhood.\n")
    chants = [t for t in online.triggers if "chanting" in t.tactics]
    assert chants and all(t.sub_event_type == "symbolic_action" for t in chants)


def test_official_jurisdiction_and_figures_as_sources():
    doc = segmented("The prosecutor of Golestan province announced that 14 people had been detained. "
                    "Official figures show that 30 people were hurt. A video shows men running.\n")
    sources = {a.source for a in doc.attributions}
    assert "prosecutor of Golestan province" in sources
    assert "Official figures" in sources
    assert not any("video" in s.lower() for s in sources)


def test_a_small_number_after_a_comma_before_a_people_noun_is_a_count():
    doc = segmented("In Sari, 6 teachers were detained on Tuesday.\n")
    assert [(q.count.kind, q.count.value) for q in doc.quantities] == [("arrested", 6)]


def test_a_number_of_weapons_is_not_a_count_of_people():
    doc = segmented("Nine people were killed when the bus was hit by two rockets.\n")
    kinds = {q.count.value: q.count.kind for q in doc.quantities}
    assert kinds == {9: "killed", 2: "other"}


_PHRASES = [
    "Amnesty", "amnesty international", "  Amnesty   International ", "HRANA", "Human Rights Watch", "HRW",
    "PMOI / MEK", "PMOI/MEK", "MEK", "Mojahedin-e Khalq", "NCRI", "Resistance", "Resistance reported",
    "brave and young youths", "young people", "IRGC", "Revolutionary Guards Corps (IRGC)", "Basiji members",
    "the regime", "regime", "Iranian authorities", "state-run TV", "state media", "Press TV", "AP", "ap", "AFP",
    "prosecutor of Zahedan", "prosecutors", "Tasnim News Agency", "Relatives", "relatives", "residents",
    "The", "Local media", "many families", "union", "judiciary's news site", "a prosecutor", "Lawyers",
    "x", "", "2", "İran Human Rights", "Iran Human Rights (IHR)", "Amnesty Internationa", "Amnest",
]


def _alias_of_the_whole_phrase(text, categories=None):
    """normalise_actor_name without the prefix shortcut: the alternation of every alias."""
    from eventledger.stages.actors import _compiled

    pat, entries = _compiled()
    m = pat.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    e = entries[int(m.lastgroup[1:])]
    return None if categories is not None and e.category not in categories else e.name


@pytest.mark.parametrize("categories", [None, ("opposition", "media", "monitor")])
def test_alias_prefix_shortcut_agrees_with_the_full_alternation(categories):
    phrases = _PHRASES + [p.upper() for p in _PHRASES] + [p.lower() + " said" for p in _PHRASES]
    got = [normalise_actor_name(p, categories) for p in phrases]
    assert got == [_alias_of_the_whole_phrase(p, categories) for p in phrases]
    assert any(got)  # some phrases are aliases: the comparison is not of Nones only


@pytest.mark.parametrize("pattern", [
    None,  # the speaker-line pattern of the attributions
    r"(?m)^\w+:\s*",  # a match that runs over the next line start
    r"(?m)^x[^y]*",  # a match that takes a whole line that would match by itself
    r"(?m)^$",
])
def test_line_start_shortcut_agrees_with_finditer(pattern):
    import re

    from eventledger.stages.quotes import _at_line_starts, _patterns

    pat = next(p for p in _patterns().literal if p.pattern.startswith("(?m)^")) if pattern is None else re.compile(pattern)
    texts = [
        "Ali Shamkhani, Secretary of the Council: \u201cWe will not retreat.\u201d\nThe Governor: \"No.\"\n",
        "\nHRANA:\n\n\u201cThree were held.\u201d\nA:\n\nB: x\nC:",
        "x1\nx2\ny\nx3", "", "\n", "\n\n", "no anchors here", "A: \"b\"",
    ]
    for text in texts:
        got = [(m.span(), m.groups()) for m in _at_line_starts(pat, text)]
        assert got == [(m.span(), m.groups()) for m in pat.finditer(text)]


def _every_character() -> str:
    return "".join(map(chr, range(0x110000)))


@pytest.mark.parametrize("module, words, letters", [
    ("quotes", "_LOW_DESCRIPTORS", "_LOW_DESCRIPTOR_FIRSTS"),  # descriptors of a source phrase
    ("quantities", "_PERSON_WORDS", "_PERSON_FIRSTS"),  # people nouns after a number
    ("triggers", "_FRAME_CUES", "_FRAME_FIRSTS"),  # context frames before a repression word
])
def test_first_letter_look_aheads_admit_what_the_words_begin_with(module, words, letters):
    """Each look-ahead before a case-insensitive alternation admits, case-insensitively,
    exactly the characters that one of the alternatives can begin with."""
    import importlib
    import re

    mod = importlib.import_module(f"eventledger.stages.{module}")
    chars = _every_character()
    firsts = set()
    for w in getattr(mod, words):
        firsts |= set(re.findall(f"(?i:{re.escape(w[0])})", chars))
    assert set(re.findall(f"(?i:[{getattr(mod, letters)}])", chars)) == firsts


def test_first_letters_refuses_alternatives_without_a_literal_first_letter():
    from eventledger.stages.lexmatch import first_letters

    assert first_letters(["State", "local", "labou?r"]) == "ls"
    assert first_letters(["40th[- ]day", "seventh"]) == "4s"  # a literal digit is as good as a letter
    with pytest.raises(ValueError):
        first_letters(["state", r"\w+ media"])
    with pytest.raises(ValueError):
        first_letters(["(?:40th|seventh) day"])

def test_source_phrases_with_and_without_the_descriptor_test_agree():
    import re

    from eventledger.stages import quotes

    gated = quotes._NP_LOW
    plain = re.sub(r"\(\?=\[[a-z]+\]\)", "", gated, count=1)
    assert plain != gated
    texts = [
        "Local media reported", "the state-run news agency said", "Several human rights activists said",
        "Many independent sources told", "informed sources", "the trade union council added",
        "Ali's Iranian semi-official media", "a labour union", "the judiciary's news site", "Stately media",
        "the provincial city government officials", "regime media", "close sources", "UNION MEDIA",
    ]
    for text in texts:
        for pat in (rf"(?<![\w'’])(?P<src>{{}})\s+\w+$", r"(?P<src>{})"):
            a = re.compile(pat.format(gated)).search(text)
            b = re.compile(pat.format(plain)).search(text)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict()))


def test_number_pattern_with_and_without_its_shortcuts_agrees():
    """The people-noun look-ahead and the possessive repeats change no match of a number."""
    import re

    from eventledger.stages import quantities as q

    gated = q._NUM_BODY
    plain = gated.replace(f"(?=[{q._PERSON_FIRSTS}])", "").replace("++", "+")
    assert plain != gated and "++" not in plain
    texts = [
        "a prisoner was hanged", "a group of teachers", "an elderly woman and a young men's group",
        "A  political-prisoner was moved", "one of them", "a 17-year-old youth", "a member of staff",
        "about a hundred workers", "an estimated 2,000 people", "a few Kurdish kolbar porters",
        "a dozen\tstudents", "a half-dozen civilians", "a sit-in", "a man", "a bases-sites", "a Citizen",
        "one injured journalist's relatives", "several student activists", "a new   prison", "a’s workers",
    ]
    g, p = re.compile(gated, re.I), re.compile(plain, re.I)
    for text in texts:
        for s in range(len(text)):
            a, b = g.match(text, s), p.match(text, s)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (text, s)
    assert g.match(texts[0]).group("art") == "a"


def test_head_noun_patterns_with_and_without_possessive_repeats_and_letter_tests_agree():
    import re

    from eventledger.stages import quantities as q

    plain = re.compile(re.sub(r"\(\?=\[[a-z]+\]\)", "", q._HEAD_ONE.pattern).replace("*+", "*").replace("++", "+"), re.I)
    assert plain.pattern != q._HEAD_ONE.pattern and "++" not in plain.pattern and "(?=[" not in plain.pattern
    texts = [
        " percent", "% ", " per cent rise", "  video messages", " short-video clips", " new uprisings",
        " covert military operations", " indictments", " major cities", "-month sentence", " 18 months",
        "-years", " decades", " lashes", " anti-tank missiles", " tear gas canisters", " foreign experts",
        " of the dead", " people killed", " dozen of them were killed", "\n\tyears", " two-day strike",
    ]
    for text in texts:
        for s in range(len(text)):
            for end in (len(text), min(len(text), s + 8)):
                a, b = q._HEAD_ONE.match(text, s, end), plain.match(text, s, end)
                assert (a and (a.span(), a.lastgroup)) == (b and (b.span(), b.lastgroup)), (text, s, end)


def test_clause_end_with_literal_first_branches_agrees_with_the_plain_pattern():
    import re

    from eventledger.stages.quantities import _CLAUSE_END

    plain = re.compile(r"[.;:!?\n]|, (?:and|while|but) |\band (?=\w+ (?:were|was|in)\b)")
    texts = [
        "12 workers and students were held", "band members were held", "a brand and more were there",
        "30 held, and others; later", "and five were in jail", "the stand and sand were in", "x:y", "and",
        "Tehran and Karaj were in the news? yes", "_and them were", "ANd they were", "5 killed, while 3\nhurt",
    ]
    for text in texts:
        for s in range(len(text) + 1):
            for end in (len(text), min(len(text), s + 6)):
                a, b = _CLAUSE_END.search(text, s, end), plain.search(text, s, end)
                assert (a and a.span()) == (b and b.span()), (text, s, end)


def test_frame_with_and_without_the_first_letter_test_agrees():
    import re

    from eventledger.stages.triggers import _FRAME, _FRAME_FIRSTS

    plain = re.compile(_FRAME.pattern.replace(f"(?=[{_FRAME_FIRSTS}])", ""), re.I)
    assert plain.pattern != _FRAME.pattern
    texts = [
        "despite a wave of", "Amidst the", "in the memory of those", "In Honour of", "honoring", "Commemorating",
        "mourners gathered", "protested against the", "in solidarity with", "Condemned", "number of", "amid",
        "the families of", "a rise in arrests", "denouncing", "pretest against", "xdespite", "Against all",
    ]
    for text in texts:
        for s in range(len(text) + 1):
            a, b = _FRAME.search(text, s), plain.search(text, s)
            assert (a and a.span()) == (b and b.span()), (text, s)


def test_head_noun_letter_tests_admit_what_the_nouns_begin_with():
    import re

    from eventledger.stages import quantities as q

    chars = _every_character()
    seen = 0
    for p, _ in q._HEAD_KINDS:
        for m in re.finditer(r"\(\?=\[([a-z]+)\]\)", p.pattern):
            rest = p.pattern[m.end():]
            if rest.startswith("(?:"):  # the alternation right after the look-ahead
                depth = 0
                for i, ch in enumerate(rest):
                    depth += ch == "("
                    depth -= ch == ")"
                    if depth == 0:
                        break
                nouns = re.split(r"\|(?![^()]*\))", rest[3:i])
            else:
                nouns = [rest]
            firsts = set()
            for n in nouns:
                assert n[0].isalpha()
                firsts |= set(re.findall(f"(?i:{n[0]})", chars))
            assert set(re.findall(f"(?i:[{m.group(1)}])", chars)) == firsts, p.pattern
            seen += 1
    assert seen == 12  # (the measure nouns added one, the prisons head noun one, the homes head noun one, the floor area one)


@pytest.mark.parametrize("text", [
    "Ali Rezaei, a member of the council: \u201cWe will not stop.\u201d\nThe Union: \"No.\"\n",
    "No colon here\nStill none\nThe Workers Council:\n\u201cStrike on.\u201d",
    "line one: no quote\nMaryam Ahmadi, activist in Tehran, said: \u201cenough\u201d\nx: \u201cy\u201d\nHRANA: \"z\"",
    "The Council of Teachers: \u201ca\u201d The Council: \u201cb\u201d\n\n\nNazanin:\u201cc\u201d",
    "",
    ":",
    "\n\nA: \"\"",
])
def test_speaker_lines_gated_on_the_colon_agree_with_the_plain_search(text):
    """Trying only the lines that hold a colon finds what the plain multi-line search finds."""
    from eventledger.stages import quotes

    pat = quotes._SPEAKER_LINE
    assert pat in quotes._patterns().literal and pat.pattern.startswith("(?m)^")
    plain = [(m.span(), m.group("src")) for m in pat.finditer(text)]
    gated = [(m.span(), m.group("src")) for m in quotes._at_line_starts(pat, text, ":")]
    assert gated == plain


# --- phrasings found when six new held-out reports were first run -------------------------


@pytest.mark.parametrize("text, word, sub_event_type, tactics", [
    ("Nurses in Yasuj walked off the job on Sunday.\n", "walked off the job", "strike", ("strike",)),
    ("Truck drivers in Qazvin stayed off the job on Monday.\n", "stayed off the job", "strike", ("strike",)),
    ("Merchants in Tabriz pulled down their shutters on Monday.\n", "pulled down their shutters", "strike", ("strike",)),
    ("In Qom, activists beamed slogans onto a mosque wall.\n", "beamed slogans onto", "symbolic_action", ("projection",)),
    ("Activists used small projectors in Kashan.\n", "projectors", "symbolic_action", ("projection",)),
    ("Youths tore down a billboard of the supreme leader in Bam.\n", "tore down a billboard", "property_attack", ()),
    ("Riot police charged the crowd with batons in Urmia.\n", "charged the crowd", "protest_with_intervention", ()),
    ("Agents took three men to an unknown location in Khoy.\n", "took three men to an unknown location", "arrest", ()),
    ("Officers beat four residents at a checkpoint in Khash.\n", "beat four residents", "attack_on_civilians", ()),
    ("Activists painted anti-regime slogans on walls in Rasht.\n", "painted anti-regime slogans", "symbolic_action",
     ("graffiti",)),
    ("Youths wrote anti-regime slogans in Sari.\n", "wrote anti-regime slogans", "symbolic_action", ("graffiti",)),
    ("Youths wrote \u201cDeath to the dictator\u201d on the walls of a school in Sari.\n",
     "wrote \u201cdeath to the dictator\u201d on the walls", "symbolic_action", ("graffiti",)),
    ("Merchants in Saqqez shuttered their shops.\n", "shuttered their shops", "strike", ("strike",)),
    ("A protester died of his injuries in Sanandaj.\n", "died of his injuries", "killing", ()),
    ("A boy succumbed to gunshot wounds in Izeh.\n", "succumbed to gunshot wounds", "killing", ()),
    ("In Ilam, truck drivers refused to load cargo on Thursday.\n", "refused to load cargo", "strike", ("strike",)),
    ("Activists held a ceremony in Shiraz to mark the anniversary of her death.\n", "mark the anniversary",
     "symbolic_action", ("commemoration",)),
])
def test_further_phrasings_of_known_actions(text, word, sub_event_type, tactics):
    t = triggers_by_word(segmented(text)).get(word)
    assert t is not None, f"{word!r} not a trigger in {text!r}"
    assert (t.sub_event_type, t.tactics) == (sub_event_type, tactics)


def test_beat_without_people_beaten_is_no_attack():
    assert not segmented("An official in Ahvaz said the regime beat the drums of war.\n").triggers


def test_a_burnt_banner_is_the_arsons_object_not_a_banner_put_up():
    doc = segmented("On January 3, youths set fire to large banners of Qassem Soleimani in Kerman.\n")
    assert {t.sub_event_type for t in doc.triggers} == {"property_attack"}
    assert doc.triggers[0].tactics == ("image_burning",)
    # a banner that is not burnt is still a banner
    doc = segmented("Youths set fire to a police car and hung banners in Kerman.\n")
    assert {t.sub_event_type for t in doc.triggers} == {"property_attack", "symbolic_action"}


@pytest.mark.parametrize("text, word", [
    ("Activists were unable to put up posters in Sanandaj.\n", "posters"),
    ("We did not receive confirmed reports of executions in Ilam this month.\n", "executions"),
    ("There were no reports of arrests in Ilam.\n", "arrests"),
])
def test_actions_denied_or_not_done_are_negated(text, word):
    assert triggers_by_word(segmented(text))[word].negated


def test_a_report_of_an_act_without_a_negation_stays_asserted():
    t = triggers_by_word(segmented("Our network received reports of executions in Ilam.\n"))["executions"]
    assert not t.negated and t.modality == "asserted"


@pytest.mark.parametrize("text, word", [
    ("Crowds marked the fortieth day after the deaths of two men killed by police.\n", "killed"),
    ("Hundreds attended the funeral of a protester shot dead in Izeh.\n", "shot dead"),
])
def test_a_killing_recalled_by_a_ceremony_for_the_dead_is_context(text, word):
    assert triggers_by_word(segmented(text))[word].modality == "context"


@pytest.mark.parametrize("text", [
    "In Sari, activists handed out boycott leaflets outside the mosque on Friday.\n",
    "Boycott campaign of the Resistance Units — Sari, Iran - June 12, 2021\n",
])
def test_boycott_naming_a_campaigns_material_is_no_strike(text):
    doc = segmented(text)
    assert not [t for t in doc.triggers if t.sub_event_type == "strike"]


def test_a_boycott_people_make_stays_a_strike():
    doc = segmented("Students in Sari boycotted their classes on Monday.\n")
    assert triggers_by_word(doc)["boycotted"].sub_event_type == "strike"


def test_beat_and_arrested_sharing_an_object_gives_both_acts():
    doc = segmented("In Qom, police beat and arrested at least six street vendors on Monday.\n")
    by_word = triggers_by_word(doc)
    assert by_word["beat"].sub_event_type == "attack_on_civilians"
    assert by_word["arrested"].sub_event_type == "arrest"


@pytest.mark.parametrize("text, word", [
    ("On Friday, families visited Khavaran cemetery in Tehran.\n", "visited khavaran cemetery"),
    ("A mother in Sari held a small gathering at the grave of her son on Sunday.\n", "held a small gathering at the grave"),
])
def test_a_cemetery_visited_by_name_or_a_gathering_at_a_grave_is_a_grave_visit(text, word):
    assert triggers_by_word(segmented(text))[word].tactics == ("grave_visit",)


@pytest.mark.parametrize("text, sub", [
    # the charge an arrest names, and the grounds it was made on, are no acts of their own
    ("In Yazd, police detained a student on charges of burning a poster of the supreme leader.\n", "property_attack"),
    ("Agents in Arak detained two girls who were caught writing slogans near the bazaar.\n", "symbolic_action"),
    # an execution feared, a death in an accident
    ("A teacher from Bukan is at risk of imminent execution in Urmia prison.\n", "execution"),
    ("The bus crash that killed eleven pilgrims near Saveh was blamed on the road.\n", "killing"),
    # the repression an act answers and the dead it honours
    ("Activists responded to the executions with slogans in memory of the executed prisoners.\n", "execution"),
    # a rally that names what was burned, not a rally told here
    ("Posters of the Quds Day rally were set on fire in Arak.\n", "demonstration"),
])
def test_phrases_that_name_an_act_without_reporting_it(text, sub):
    assert not [t for t in segmented(text).triggers if t.sub_event_type == sub]


def test_calling_on_people_to_act_is_a_call():
    doc = segmented("Activists wrote slogans in Arak, calling on the people to boycott the rallies.\n")
    assert {t.modality for t in doc.triggers if t.sub_event_type in ("strike", "demonstration")} == {"called_for"}


def test_a_quoted_slogan_written_on_walls_after_the_slogan_is_graffiti():
    doc = segmented("Youths in Arak wrote the slogan “No to the sham vote” on the walls of a mosque.\n")
    assert [t.tactics for t in doc.triggers] == [("graffiti",)]
# --- phrasings found when held-out set 9 (ho55-ho60) was first run ---------------------------


@pytest.mark.parametrize("text, word, sub_event_type", [
    ("In Qom, agents took at least 20 people away on Monday.\n", "took at least 20 people away", "arrest"),
    ("In Arak, the police took away two students on Monday.\n", "took away", "arrest"),
    ("In Ilam, nurses stopped all non-emergency work on Sunday.\n", "stopped all non-emergency work", "strike"),
    ("In Semnan, truck drivers refused to take on cargo on Monday.\n", "refused to take on cargo", "strike"),
    ("Truckers in Yazd kept their vehicles off the road for two days.\n", "kept their vehicles off the road", "strike"),
    ("In Arak, lorry owners parked their rigs on Tuesday.\n", "parked their rigs", "strike"),
    ("In Sirjan, a group of drivers parked in a row at the terminal.\n", "drivers parked", "strike"),
])
def test_phrasings_of_held_out_set_9(text, word, sub_event_type):
    t = triggers_by_word(segmented(text)).get(word)
    assert t is not None, f"{word!r} not a trigger in {text!r}"
    assert t.sub_event_type == sub_event_type


def test_a_rally_announced_for_a_later_day_is_no_rally():
    doc = segmented("In Yazd, teachers who had announced a rally for Sunday were threatened with dismissal.\n")
    assert not [t for t in doc.triggers if t.sub_event_type == "demonstration"]
    # a rally held is still one
    assert triggers_by_word(segmented("In Yazd, teachers held a rally on Sunday.\n"))["rally"].modality == "asserted"


def test_an_act_compared_with_earlier_weeks_is_not_habitual():
    doc = segmented("In Khash, worshippers marched on Friday, as they have every week since October.\n")
    assert triggers_by_word(doc)["marched"].modality == "asserted"
    doc = segmented("In Khash, worshippers marched every week.\n")
    assert triggers_by_word(doc)["marched"].modality != "asserted"


# --- phrasings found when held-out set 11 (ho73-ho78) was first run ---------------------------


def test_two_quoted_slogans_written_on_walls_are_graffiti():
    doc = segmented("In Saveh, youths wrote “No to the sham vote” and “Down with the dictator” on the walls of a mosque.\n")
    assert [t.tactics for t in doc.triggers] == [("graffiti",)]


def test_a_banner_that_was_burned_is_no_banner_put_up():
    doc = segmented("In Arak, a large banner of Khamenei hung at the entrance of the town was burned on Monday.\n")
    assert [(t.sub_event_type, t.tactics) for t in doc.triggers] == [("property_attack", ("image_burning",))]
    # a banner put up beside a base burnt in the passive stays a banner
    doc = segmented("In Arak, youths put up banners, and a Basij base was torched in Saveh.\n")
    assert {t.sub_event_type for t in doc.triggers} == {"symbolic_action", "property_attack"}


def test_a_second_object_of_an_arson_is_no_poster_put_up():
    doc = segmented("The youths torched a seminary in Arak and a large poster of Soleimani in Saveh on Monday.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["property_attack"]


def test_posters_of_a_rally_put_up_are_posters_and_no_rally():
    doc = segmented("On Monday, the units put up posters of the rally in Arak and Saveh.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["symbolic_action"]
    # burnt, or put up by a man arrested for it, the posters are not put up here
    doc = segmented("Posters of the Quds Day rally were set on fire in Arak.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["property_attack"]


def test_a_time_counted_from_a_rally_reports_no_rally():
    doc = segmented("In Arak, youths burned a portrait of Khamenei a few hours before the rally.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["property_attack"]


def test_burnt_verb_gate_agrees_with_the_case_insensitive_pattern():
    """triggers._BURNT_VERB runs on the lower-cased view (literal-led, so the engine skips to
    each "w"); it finds a passive burning verb exactly where the re.I pattern with a leading
    \\b found one, and wherever _PASSIVE_BURNT (which it gates) matches."""
    import random
    import re

    from eventledger.stages import triggers as T

    old = re.compile(r"\b(?:was|were)\s+(?:also\s+)?(?:torn\s+down\s+and\s+)?(?:burn|torch|set\s+(?:on\s+fire|ablaze|alight))", re.I)
    rng = random.Random(3)
    pieces = ["a banner", " of Khamenei", " WAS", " were", " Were ", "also ", "burned", "Torched", " set on fire",
              " set ablaze", " torn down and ", "swas ", "awere ", "\n", ", ", "posters", " the portrait ", "x", "é", "W", "was\tset alight"]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        gate = bool(T._BURNT_VERB.search(s.lower()))
        assert gate == bool(old.search(s)), s
        if T._PASSIVE_BURNT.search(s):
            assert gate, s
# --- phrasings found when held-out set 13 (ho85-ho90) was first run ---------------------------


def test_a_weekly_publication_does_not_make_the_act_habitual():
    doc = segmented("Nurses in Sari went on strike on Monday, the union said in its weekly bulletin.\n")
    assert triggers_by_word(doc)["went on strike"].modality == "asserted"
    doc = segmented("Nurses in Sari hold weekly rallies outside the hospital.\n")
    assert triggers_by_word(doc)["rallies"].modality != "asserted"


def test_a_rally_postponed_after_a_relative_clause_is_no_act():
    doc = segmented("In Arak, a rally that the retired teachers had planned for Sunday was postponed.\n")
    assert not [t for t in doc.triggers if t.sub_event_type == "demonstration" and t.modality == "asserted"
                and not t.negated]
    doc = segmented("In Arak, a rally that drew hundreds of retired teachers ended peacefully.\n")
    assert triggers_by_word(doc)["rally"].modality == "asserted"


def test_shops_that_did_not_open_are_a_closure():
    doc = segmented("In Yazd, the carpet dealers of the old bazaar did not open on Monday.\n")
    strikes = [t for t in doc.triggers if t.sub_event_type == "strike"]
    assert strikes and strikes[0].modality == "asserted" and not strikes[0].negated
    # shops that reopened are no closure
    doc = segmented("In Yazd, the carpet dealers of the old bazaar reopened on Monday.\n")
    assert not [t for t in doc.triggers if t.sub_event_type == "strike"]


def test_chanting_near_a_prison_is_in_public():
    doc = segmented("In Rasht, near the prison, residents chanted slogans after midnight.\n")
    assert triggers_by_word(doc)["chanted"].sub_event_type == "demonstration"
    doc = segmented("In Rasht, inmates chanted slogans in their ward after midnight.\n")
    assert triggers_by_word(doc)["chanted"].sub_event_type == "symbolic_action"


@pytest.mark.parametrize("text", [
    "Agents fired tear-gas canisters at the balconies where residents were chanting.\n",
    "Police restored order in the square after two hours, the governor said.\n",
])
def test_fire_at_windows_and_restored_order_are_interventions(text):
    doc = segmented(text)
    assert [t for t in doc.triggers if t.sub_event_type == "protest_with_intervention"]


def test_firing_at_a_base_is_no_intervention():
    doc = segmented("Youths fired fireworks at the gate of a Basij base.\n")
    assert not [t for t in doc.triggers if t.sub_event_type == "protest_with_intervention"]


@pytest.mark.parametrize("text,subs", [
    # one portrait put up, not only portraits
    ("Activists put up his portrait with the words \"He will not be forgotten\" in Arak.\n", ["symbolic_action"]),
    # a possessive between the shops and "closed"
    ("On Friday, shops on Saveh's main street stayed closed.\n", ["strike"]),
    # a road blocked by residents is a street protest; by the security forces it is none
    ("Residents of the Golshahr district blocked a road in Karaj.\n", ["demonstration"]),
    ("In Saqqez, the security forces blocked the road to the cemetery.\n", []),
    # a gathering not held, a vigil called off, with words between
    ("A gathering planned by the students in Arak was not held because of the patrols.\n", []),
    ("A vigil the mothers had planned outside the prison in Arak was called off.\n", []),
    # a day counted from an execution: no execution reported here
    ("On Sunday night, the day before the execution, families gathered in Arak.\n", ["demonstration"]),
    # the dead a poster shows: the poster is the act
    ("Posters of prisoners executed last year were put up in Arak.\n", ["symbolic_action"]),
    # a gathering people are called on to join is not reported
    ("They called on the people of Arak and Saveh to join the mothers' gatherings.\n", []),
    # the strikers an act supports, without a place of their own, are no strike ...
    ("Youths in Arak wrote slogans in support of the striking merchants on Sunday.\n", ["symbolic_action"]),
    # ... strikers with their own place are
    ("Youths put up posters in support of the striking workers of the Arak wagon factory.\n",
     ["symbolic_action", "strike"]),
    # the protests an act supports are told elsewhere: no protest of its own
    ("Students in Qom painted slogans on a bridge in support of the nationwide protests.\n", ["symbolic_action"]),
    # how a confession was obtained is background to the rally, no attack reported here
    ("Relatives rallied in Babol on Sunday. A rights group said he had been tortured into a confession.\n",
     ["demonstration"]),
    # pictures of the dead held up in public are a symbolic act
    ("In Babol, young women stood on the square holding up portraits of the victims of 2019.\n", ["symbolic_action"]),
])
def test_set_14_phrasings(text, subs):
    doc = segmented(text)
    assert [t.sub_event_type for t in doc.triggers if t.modality == "asserted" and not t.negated] == subs


def test_a_crowd_that_dispersed_peacefully_met_no_intervention():
    doc = segmented("In Arak, 200 residents gathered on Monday and dispersed peacefully after an hour.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["demonstration"]
    doc = segmented("In Arak, police dispersed 200 residents who had gathered on Monday.\n")
    assert "protest_with_intervention" in [t.sub_event_type for t in doc.triggers]


def test_anyone_who_in_a_threat_is_not_an_act():
    doc = segmented("The prosecutor warned that anyone who sets fire to banners would be arrested.\n")
    assert not [t for t in doc.triggers if t.modality == "asserted" and not t.negated]


@pytest.mark.parametrize("text", [
    "A large banner of Khamenei that had been hung over the main road for the rally was set ablaze in Arak.\n",
    "A banner of the head of the judiciary, Gholam-Hossein Mohseni Ejei, was set on fire in Arak.\n",
    "A poster bearing Khomeini's picture was torn down and burnt in Arak.\n",
])
def test_a_burnt_banner_with_a_clause_or_a_name_between_is_not_a_banner_put_up(text):
    doc = segmented(text)
    assert [t.sub_event_type for t in doc.triggers if t.sub_event_type != "demonstration"] == ["property_attack"]


def test_a_banner_hung_for_a_rally_reports_no_rally():
    doc = segmented("A banner that had been hung over the main road for the rally was set ablaze in Arak.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["property_attack"]


@pytest.mark.parametrize("text", [
    "A rally planned by students at the university on Sunday did not take place after the gates were locked.\n",
    "In Kerman, students who had announced a sit-in at the university called it off after warnings.\n",
])
def test_a_gathering_that_did_not_take_place_or_was_called_off_by_its_organisers_is_no_act(text):
    doc = segmented(text)
    assert not [t for t in doc.triggers if t.sub_event_type == "demonstration"]


def test_a_road_blocked_by_residents_of_a_village_set_off_by_where_it_lies():
    doc = segmented("On Friday, residents of the village of Gasht, near Fuman, blocked the road with tractors.\n")
    assert [t.sub_event_type for t in doc.triggers] == ["demonstration"]


@pytest.mark.parametrize("text", [
    "On 11 May, two prisoners were transferred to the prison in Karaj, where many executions are carried out.\n",
    "Two men were released on bail on Tuesday; 14 others remain in detention in Sanandaj prison.\n",
    "Three men are at risk after Iran's Supreme Court upheld their death sentences on 6 May.\n",
])
def test_a_prison_told_by_its_executions_held_detainees_and_an_upheld_sentence_report_no_act(text):
    # what is done at a prison, people still held, and the appeal step before an execution are
    # no execution, arrest or sentence of their own
    doc = segmented(text)
    assert not [t for t in doc.triggers if t.sub_event_type in ("execution", "arrest", "sentence")
                and t.modality == "asserted"]


def test_a_subject_described_by_a_participle_is_no_news_of_this_sentence():
    # "Five men arrested after protests in X are at risk ...": the arrest and the protests are the
    # men's story, dated elsewhere; the sentence's own date belongs to its main clause
    doc = segmented("Five men arrested after protests in Javanrud, Kermanshah province, are at risk after a court "
                    "upheld their sentences on 6 October.\n")
    assert not [t for t in doc.triggers if t.sub_event_type in ("arrest", "protest_with_intervention", "demonstration")
                and t.modality == "asserted"]
    # a participle before a past main verb still tells the arrest
    doc = segmented("Five men arrested in Tehran on Monday were released on bail on Tuesday.\n")
    assert [t.modality for t in doc.triggers if t.sub_event_type == "arrest"] == ["asserted"]


@pytest.mark.parametrize("text,sub", [
    ("Bakers in Yasuj closed their bakeries on Monday in protest at flour prices.\n", "strike"),
    ("About 300 people held a memorial for the young man in Sarvabad on Saturday.\n", "symbolic_action"),
])
def test_closed_bakeries_and_a_memorial_held_are_acts(text, sub):
    doc = segmented(text)
    assert [t.sub_event_type for t in doc.triggers if t.modality == "asserted"] == [sub]


def test_cheap_gates_of_the_participle_subject_and_prison_patterns_agree_with_them():
    """triggers._has_described_part is _DESCRIBED_PART.search found from the participles, and
    _may_be_not_public admits every window where _NOT_PUBLIC matches (random texts)."""
    import random

    from eventledger.stages import triggers as T

    rng = random.Random(11)
    pieces = ["Five", " men", " women", "Yemen", " workers", "co-workers", "  ", "\n", " arrested", " detained",
              " jailed", " sentenced", "ly", " in", " Prison", " prisoners", " JAIL", " wards", " near the", " cell",
              " outside", ", ", "İ", "é", "x"]
    for _ in range(5000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        assert T._has_described_part(s) == bool(T._DESCRIBED_PART.search(s)), s
        if T._NOT_PUBLIC.search(s):
            assert T._may_be_not_public(s, 0, len(s)), s


@pytest.mark.parametrize("text,sub", [
    # a caption or a heading with no verb: "City – Slogans on walls – day"
    ("Bojnurd – Slogans on walls – 3 May\n", "symbolic_action"),
    # a site "targeted ... with fire" is arson, whatever the site is called
    ("On Friday night, a unit in Dezful targeted the entrance of a Basij resistance district with fire.\n",
     "property_attack"),
])
def test_slogans_on_walls_and_a_site_targeted_with_fire_are_acts(text, sub):
    doc = segmented(text)
    assert {t.sub_event_type for t in doc.triggers if t.modality == "asserted"} == {sub}


def test_live_fire_is_no_arson():
    doc = segmented("On Friday, guards in Saravan targeted the crowd with live fire.\n")
    assert "arson" not in {tac for t in doc.triggers for tac in (t.tactics or ())}


@pytest.mark.parametrize("text", [
    # the act a time is counted from is not reported ("since the last sit-in")
    "Farmers in Shahrekord say they have written many letters to the governor since the last sit-in.\n",
    # repression named as a class, as the background of something else
    "The fire came a week after new death sentences against political prisoners.\n",
])
def test_an_earlier_act_named_as_background_is_no_trigger(text):
    doc = segmented(text)
    assert not [t for t in doc.triggers if t.modality == "asserted"]


def test_half_a_million_is_a_number():
    assert parse_number("half a million") == 500_000
    assert parse_number("half an hour") is None
    doc = segmented("In 1999, half a million people marched in the capital.\n")
    assert 500_000 in {q.count.value for q in find_quantities(doc)}


def test_threatened_with_arrest_after_an_object_is_no_arrest():
    doc = segmented("Intelligence agents threatened the teachers' families with arrest on Sunday.\n")
    assert [t.modality for t in doc.triggers if t.sub_event_type == "arrest"] == ["threatened"]


@pytest.mark.parametrize("text,sub", [
    # a death named as what an act answers, reported where it is dated
    ("Following the killing of a young porter, shops in the town closed on Monday.\n", "killing"),
    # slogans named as the charge of an arrest
    ("Agents arrested three students on charges of writing slogans.\n", "symbolic_action"),
    # an execution put off
    ("The execution set for Sunday in Qezelhesar prison was postponed after the family agreed to accept diyeh.\n",
     "execution"),
])
def test_acts_named_as_reasons_charges_or_put_off_are_not_reported(text, sub):
    doc = segmented(text)
    assert not [t for t in doc.triggers if t.sub_event_type == sub and t.modality == "asserted"]


# --- phrasings found when held-out set 21 (ho133-ho138) was first run ---------------------------


@pytest.mark.parametrize("text,word,modality", [
    # an act likened to its weekly habit is one act; the habit alone is not
    ("In Yazd, retired teachers gathered, as every Monday, outside the education office.\n", "gathered", "asserted"),
    ("In Yazd, retired teachers gathered every Monday outside the education office.\n", "gathered", "generic"),
    # a stoppage warned of is a threat
    ("At the Arak car plant, the workers' council warned of a stoppage from Saturday.\n", "stoppage", "threatened"),
    ("At the Arak car plant, workers staged a stoppage on Saturday.\n", "stoppage", "asserted"),
])
def test_a_habit_likened_to_and_a_stoppage_warned_of(text, word, modality):
    assert triggers_by_word(segmented(text))[word].modality == modality


def test_a_fire_started_by_gunfire_is_no_arson():
    doc = segmented("Near Jask, the gunfire set alight a fisherman's boat.\n")
    assert not [t for t in doc.triggers if t.sub_event_type == "property_attack"]
    doc = segmented("Near Jask, youths set alight a Basij post.\n")
    assert [t for t in doc.triggers if t.sub_event_type == "property_attack"]



# --- phrasings found when held-out set 20 (ho127-ho132) was first run ---------------------------


@pytest.mark.parametrize("text,source", [
    ("Iranian authorities have said that 300 people were detained in Arak.\n", "Iranian authorities"),
    ("The Teachers' Association's board says four members were detained in Arak.\n", "Teachers' Association's board"),
    # a statement's owner speaks; reports received by a source are its own
    ("Two more teachers were detained in Arak, according to the community's statement.\n", "community"),
    ("Guards killed two porters near Baneh, according to credible reports received by the Kurdistan Rights Bureau.\n",
     "Kurdistan Rights Bureau"),
])
def test_set_20_sources(text, source):
    assert {a.source for a in segmented(text).attributions} == {source}


def test_a_habit_told_of_someone_else_in_a_relative_clause_leaves_the_act_one_event():
    from eventledger.pipeline import default_pipeline
    from eventledger.ingest.report import make_report

    pipe = default_pipeline()
    doc = pipe.run(make_report("h1", "Police dispersed a gathering of retirees in Ardakan on Sunday and detained "
                                     "at least 15 of them, according to a council that organizes the weekly protests.\n"))
    assert {e.sub_event_type for e in doc.events} == {"protest_with_intervention", "arrest"}
    doc = pipe.run(make_report("h2", "Retirees gather outside the governor's office in Ardakan every Sunday.\n"))
    assert not doc.events  # the habit itself is no event


@pytest.mark.parametrize("text", [
    'The night before, in Ardakan, slogans reading "No to the regime" were sprayed on shop shutters, a resident said.',
    "Ardakan – 21 February 2024 – Slogan on a shop shutter",
])
def test_slogans_quoted_before_their_verb_and_on_shutters_are_graffiti(text):
    from eventledger.ingest.report import make_report
    from eventledger.pipeline import default_pipeline

    doc = default_pipeline().run(make_report("g1", text + "\n"))
    assert any("graffiti" in t.tactics for t in doc.triggers)


def test_a_number_of_people_arrested_is_an_act_the_number_of_arrests_is_not():
    from eventledger.ingest.report import make_report
    from eventledger.pipeline import default_pipeline

    pipe = default_pipeline()
    doc = pipe.run(make_report("n1", "A number of people were arrested in Ardakan on Friday.\n"))
    assert [e.sub_event_type for e in doc.events] == ["arrest"]
    doc = pipe.run(make_report("n2", "A sharp rise in the number of arrests in Ardakan was reported on Friday.\n"))
    assert not doc.events
