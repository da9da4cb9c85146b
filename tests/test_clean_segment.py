from eventledger.config import Options
from eventledger.doc import Doc
from eventledger.models import Report
from eventledger.stages.clean import CleanStage, boilerplate_reason
from eventledger.stages.segment import SegmentStage, paragraph_kind, split_sentences

TEXT = (
    "300 x 250\n\n"
    "Workers rally in three cities\n\n"
    "Example City, May 2, 2024\u2014Workers marched in Tabriz on Monday. Mr. Karimi, a retired "
    "teacher, said the U.S. sanctions were not the cause. Police dispersed them.\n"
    "\u2022 \u201cBread, work, freedom\u201d\n"
    "Tabriz \u2013 Workers gather outside the governor's office \u2013 May 1, 2024\n"
    "photo_0042.jpg\n"
    "Share on Facebook\n"
    "Example City, May 2, 2024\u2014Workers marched in Tabriz on Monday. Mr. Karimi, a retired "
    "teacher, said the U.S. sanctions were not the cause. Police dispersed them.\n"
    "\u201cWe want our wages\u201d\n"
    "\u06f1\u06f4\u06f0\u06f2 and 10\u00a0000 people\n"
)


def run(text):
    doc = Doc(Report("d", text, "h"))
    CleanStage()(doc, Options())
    SegmentStage()(doc, Options())
    return doc


def test_view_keeps_length_and_normalises_digits_and_spaces():
    doc = run(TEXT)
    assert len(doc.view) == len(doc.text)
    assert "1402 and 10 000 people" in doc.view
    assert "\u06f1\u06f4\u06f0\u06f2" in doc.text  # the original is never changed


def test_boilerplate_is_tagged_not_deleted():
    doc = run(TEXT)
    reasons = {doc.snippet(span): reason for span, reason in doc.boilerplate}
    assert reasons == {"300 x 250": "ad_size", "photo_0042.jpg": "image_name", "Share on Facebook": "share_link"}
    assert "300 x 250" in doc.text


def test_boilerplate_reason_examples():
    assert boilerplate_reason("a1b2c3d4 9f8e 4a3b 2c1d 0e9f8a7b6c5d 696x390") == "image_name"
    assert boilerplate_reason("https://example.org/x") == "link"
    assert boilerplate_reason("Workers marched in Tabriz.") is None


def test_paragraph_kinds():
    doc = run(TEXT)
    kinds = [(p.kind, doc.snippet(p.span)[:20]) for p in doc.paragraphs]
    assert kinds[0][0] == "boilerplate"
    assert kinds[1] == ("heading", "Workers rally in thr")
    assert kinds[2][0] == "body"
    assert kinds[3][0] == "list_item"
    assert kinds[4][0] == "caption"
    assert any(k == "quote" for k, _ in kinds)


def test_repeated_paragraph_points_to_first():
    doc = run(TEXT)
    body = [p for p in doc.paragraphs if doc.snippet(p.span).startswith("Example City")]
    assert len(body) == 2 and body[0].repeat_of is None and body[1].repeat_of == body[0].index
    repeats = [p for p in doc.paragraphs if p.repeat_of is not None]
    assert len(repeats) == 1 and doc.paragraphs[repeats[0].repeat_of].span.start < repeats[0].span.start
    # sentences of the repeated paragraph carry the mark too
    assert any(s.repeat_of is not None for s in doc.sentences)


def test_repeat_detection_normalises_whitespace():
    doc = run("Crowds gathered in Shiraz on Friday.\n\nCrowds gathered in\u00a0Shiraz on Friday.\n")
    assert [p.repeat_of for p in doc.paragraphs] == [None, 0]


def test_sentences_respect_abbreviations_and_quotes():
    text = 'Mr. Karimi said the U.S. plan failed. \u201cWe stay.\u201d They left at 5 p.m. Then it rained.'
    spans = split_sentences(text, 0, len(text))
    parts = [text[s:e] for s, e in spans]
    assert parts[0] == "Mr. Karimi said the U.S. plan failed."
    assert parts[1] == "\u201cWe stay.\u201d"
    assert parts[2:] == ["They left at 5 p.m.", "Then it rained."]


def test_spans_inside_text_and_sorted():
    doc = run(TEXT)
    last = -1
    for s in doc.sentences:
        assert 0 <= s.span.start < s.span.end <= len(doc.text)
        assert s.span.start >= last
        last = s.span.end


def test_paragraph_kind_alt_text_is_caption():
    assert paragraph_kind("protest in tabriz march 3 2024", False) == "caption"
    assert paragraph_kind("Protesters gathered in Tabriz.", False) == "body"


def test_hard_wrapped_text_keeps_paragraphs_whole():
    text = (
        "Iran, May 3, 2024\u2014Teachers gathered on Thursday, May 2, in front of the education offices in\n"
        "Tabriz and Shiraz to demand unpaid wages, and nurses joined them later in the day near the\n"
        "governor's office. Police watched from a distance.\n"
        "\n"
        "According to the teachers' council, at least 40 teachers were summoned in Tabriz last\n"
        "month and several were warned not to speak to journalists about the protests again.\n"
    )
    doc = run(text)
    assert len(doc.paragraphs) == 2
    first = doc.snippet(doc.sentences[0].span)
    assert first.startswith("Iran, May 3") and "Tabriz and Shiraz" in first and first.endswith("office.")


def test_soft_continuation_in_lower_case_joins_lines():
    doc = run("Crowds gathered outside the bazaar\nand chanted slogans.\nA second line.\n")
    assert len(doc.paragraphs) == 2
    assert doc.snippet(doc.paragraphs[0].span).endswith("slogans.")


def test_one_line_paragraphs_stay_apart():
    doc = run("A headline without a period\nThe body starts here, in a long line that ends with a stop.\n"
              "Tabriz \u2013 A caption \u2013 May 1, 2024\nAnother body line.\n")
    assert len(doc.paragraphs) == 4


def test_line_cut_after_a_function_word_continues():
    doc = run("Teachers gathered on Thursday in front of the offices in\nTabriz and Shiraz to demand wages.\n")
    assert len(doc.paragraphs) == 1 and len(doc.sentences) == 1


def test_a_day_range_in_a_title_is_not_a_caption_dash():
    assert paragraph_kind("Weekly report: arrests and sentences, 3\u20139 March 2024", False) == "heading"
    assert paragraph_kind("Tabriz \u2013 a rally outside the bazaar \u2013 March 3, 2024", False) == "caption"


def test_paragraph_and_sentence_lookup_by_offset():
    doc = run("First paragraph. Two sentences.\n\nSecond paragraph here.\n")
    second = doc.text.index("Second")
    assert doc.paragraph_at(second).index == 1 and doc.paragraph_at(0).index == 0
    assert doc.sentence_at(doc.text.index("Two")).index == 1
    assert doc.paragraph_at(doc.text.index("\n\n") + 1) is None  # the blank line between
    assert doc.paragraph_at(len(doc.text) + 5) is None


def test_cheap_line_tests_agree_with_the_patterns_they_stand_for():
    """segment._ends_terminal is _TERMINAL.search without the scan; paragraph_kind and
    clean.boilerplate_reason run their unanchored patterns only behind necessary tests."""
    import random
    import re

    from eventledger.stages import clean as C
    from eventledger.stages import segment as S

    rng = random.Random(7)
    pieces = ["a", "B", " ", ".", "!", ":", ";", "…", "'", '"', "”", ")", "]", "\u00a0", "-", "–", "—", "7", "2024",
              "March", "may", " 12,", "x", "696x390", ".jpg", ".PNG", "deadbeef", "_1a2b", "-cafe", "share", "http://",
              " – October 10, 2020", "August 29,2020-", "Jan. 3, 2021 –", "12345678", " abcd", "-0f0f", "é", "9"]
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9))).strip()
        if not s:
            continue
        assert S._ends_terminal(s) == bool(S._TERMINAL.search(s)), s
        if S._CAPTION_DATE.search(s):
            assert S._has_dash(s) and (s.rstrip(".").rstrip()[-1:].isdigit() or s[0] in S._MONTH_INITIALS), s
        if C._IMAGE_NAME.search(s):
            assert s[-1].isdigit() or s.lower().endswith(C._IMAGE_SUFFIXES), s
        if C._HASHY.search(s):
            assert C._has_hex_word(s), s
        # the fast test of clean._has_hex_word says what the word-bounded regex says
        assert C._has_hex_word(s) == bool(re.search(r"\b[0-9a-f]{8}\b", s, re.I)), s


def test_first_character_gates_of_the_anchored_line_patterns():
    """clean.boilerplate_reason tries _AD_SIZE, _URL_ONLY and _SHARE only when the line's first
    character is one they can start with: every line they match passes its gate."""
    import random

    from eventledger.stages import clean as C

    rng = random.Random(11)
    pieces = ["share", "Share this", " on", " via", "Tweet", "click to print", "Follow us on", "print", "EMAIL",
              "facebook", "Twitter", "whatsapp", "telegram", "LinkedIn", "Read more", "related posts", ":",
              "Advertisement", "https://", "www.", "x.org/a", "728", " x ", "×", "90", "\u017fhare", "\u00a0",
              "\t", " ", "Workers", "a", "Z", "1", "\u0661\u0662", "K"]
    gates = ((C._AD_SIZE, C._AD_FIRST), (C._URL_ONLY, C._URL_FIRST), (C._SHARE, C._SHARE_FIRST))
    for _ in range(20000):
        s = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        if rng.random() < 0.5:
            s = s.strip()
        if not s:
            continue
        for pattern, first in gates:
            if pattern.match(s):
                assert s[0] in first or not s[0].isascii(), (pattern.pattern, s)
    assert C.boilerplate_reason("Share this on Twitter") == "share_link"
    assert C.boilerplate_reason("728 x 90") == "ad_size"
    assert C.boilerplate_reason("www.example.org") == "link"


def test_caption_with_its_date_between_dashes_and_labelled_list_lines():
    assert paragraph_kind("Kazerun, Iran – June 1, 2025 – Youths set fire to a seminary entrance", False) == "caption"
    assert paragraph_kind("Jiroft – 2025 – Slogans at the city entrance", False) == "caption"
    assert paragraph_kind("Gilan: Rasht, Lahijan, Langarud", False) == "list_item"
    assert paragraph_kind("Tehran province: Tehran, Pakdasht and Varamin", False) == "list_item"
    # a sentence with a colon is not a list line
    assert paragraph_kind("The slogans read: Down with the dictator, hail to freedom, and more.", False) != "list_item"


def test_a_run_without_full_stops_is_cut_into_bounded_sentences():
    from eventledger.stages.segment import MAX_SENTENCE_CHARS

    text = " ".join(f"row {i} Tehran 12 Shiraz 7" for i in range(400))  # a flattened table
    spans = split_sentences(text, 0, len(text))
    assert len(spans) > 1 and all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # cut at white space, nothing lost: the pieces and the spaces between them are the text
    assert all(text[s] != " " and text[e - 1] != " " for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text
    short = "Protesters gathered in Tehran on Monday, and police dispersed them."
    assert split_sentences(short, 0, len(short)) == [(0, len(short))]


def test_a_caption_date_may_write_its_day_as_an_ordinal():
    # the same photo caption with "29th" for "29": still a caption (its date is the photo's,
    # not an act of the capital on that day)
    line = "Posters of the opposition seen on a wall—Arak, Iran - May 29th, 2023"
    assert paragraph_kind(line, False) == "caption"
    assert paragraph_kind(line.replace("29th", "29"), False) == "caption"
    assert paragraph_kind("Yazd, Iran – June 1st, 2025 – Youths set fire to a banner", False) == "caption"
    assert paragraph_kind("June 3rd, 2025 – Youths wrote slogans in Yazd", False) == "caption"
