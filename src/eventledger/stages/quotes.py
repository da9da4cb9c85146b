"""Quoted texts (slogans, statements) and attributions ("according to X", "X reported").

Hand-written patterns: no maintained library recognises English reporting-verb
attributions with character offsets, and the cue lists live in ``lexicons/attribution.toml``
so they can be reviewed and extended without touching code.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from dataclasses import dataclass

from ..doc import Attribution, Doc, Quote
from ..models import Span
from .actors import normalise_actor_name
from .lexmatch import KeyedPatterns, first_letters, sentence_index

__all__ = ["is_publisher_head", "find_quotes", "find_attributions", "normalise_source", "before_source_cues"]

# “…”  "…"  «…»  — never across a paragraph break; a quote left open runs to the line end
# (reports often drop the closing mark of a list item).
_QUOTE_RE = re.compile(r"“([^”\n]{1,1500})(?:”|(?=\n))|\"([^\"\n]{1,1500})\"|«([^»\n]{1,1500})»")
# ("activists wrote on walls: “…”", "wrote slogans": graffiti, whose text is a slogan, not a statement)
_STATEMENT_BEFORE = re.compile(
    r"\b(?:said|says|say|saying|stated|states|told|tells|added|adds|declared|"
    r"wr(?:ote|ites)(?!\s+(?:slogans?\b|graffiti\b|on\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+)?walls?\b))|asked|asserted|"
    r"tweeted|announced|as saying|question|remarks?|insisted|claimed|argued|disputed)\b[^“\"«\n.]{0,90}$",
    re.I,
)
# the gap between a statement quote and the next quote when only the speaker's verb stands between
# ('"The rate is horrifying," the expert said. "At least 239 of those executed ..."', set 69): the
# second quote goes on with the same speaker's words, it is no slogan
_SAID_THEN_QUOTE = re.compile(r",?[”\"»]?,?[ \t]*(?:[\w'’.-]+[ \t]+){1,4}?(?:said|says|added|adds|noted|notes|stated|continued)\.[ \t]*\Z",
                              re.I)
# "Ali Shamkhani, security official: “…”" is a statement; "Their slogans read: “…”" is not
_COLON_BEFORE = re.compile(r":\s*$")
_SLOGAN_CUES = re.compile(r"\b(?:slogans?|reads?|banners?|signs?|posters?|placards?|chant\w*|graffiti|wr(?:ote|itten)|messages?|following)\b", re.I)
_STATEMENT_AFTER = re.compile(
    r"^[,.!?]?\s*(?:[”\"»]\s*)?(?:,\s*)?(?:said|says|stated|added|told|wrote|declared|asked)\b", re.I
)
# '“…,” the official said': a quote closed by a comma, then a short speaker phrase and the verb
_SPEAKER_AFTER_COMMA = re.compile(
    r"^(?:[”\"»])?,?[ \t]*(?:[\w'’.-]+[ \t]+){1,4}?(?:said|says|stated|added|told|wrote|declared|asked)\b", re.I
)
# '… said that “no more than a few dozen …” had tried …, and that “more than 95 percent” …': a quote
# right after "that" is reported speech (the verb may sit before an earlier quote of the sentence)
_THAT_BEFORE = re.compile(r"\bthat\s*$")
_SCARE_BEFORE = re.compile(r"\b(?:so-called|purported|alleged|regime|of|as)\s*$", re.I)
# graffiti whose wall comes after its text ('wrote "120,000 martyrs ..." on walls', also after a
# second quotation: 'wrote "..." and "..." on walls near the bazaar'): a slogan, not a statement
_WROTE_BEFORE = re.compile(r"\bwr(?:ote|ites|iting)\s*$", re.I)
#: what "wrote" governs when it is graffiti, not a statement: slogans, graffiti, the walls, or a
#: quotation put on walls ('wrote slogans', 'wrote on walls', 'wrote "Down with ..." on walls')
_GRAFFITI_AFTER = re.compile(
    r"\s+(?:(?:(?:anti-regime|new|more|their|the|these|such)\s+)?(?:slogans?|graffiti)\b"
    r"|(?:on|across)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?walls?\b"
    r"|[“\"][^”\"\n]{1,150}[”\"](?=(?:\s*(?:,|and|,\s*and)\s*[“\"][^”\"\n]{1,150}[”\"])*\s*on\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?walls?\b))",
    re.I)
_ON_WALLS_AFTER = re.compile(
    r"(?:\s*(?:,|and|,\s*and)\s*[“\"][^”\"\n]{1,150}[”\"])*\s*on\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?walls?\b", re.I)


def find_quotes(doc: Doc) -> list[Quote]:
    view = doc.view or doc.text
    out: list[Quote] = []
    for m in _QUOTE_RE.finditer(view):
        g = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
        start, end = m.start(g), m.end(g)
        body = view[start:end]
        # trim trailing punctuation/space that sits inside the marks of an open quote
        while end > start and view[end - 1] in " \t":
            end -= 1
        if end <= start:
            continue
        text = doc.text[start:end]
        before = view[max(0, m.start() - 60) : m.start()]
        after = view[m.end() : m.end() + 30]
        words = body.split()
        line_before = before.rsplit("\n", 1)[-1]
        if "wr" in before[-9:].lower() and _WROTE_BEFORE.search(before) and _ON_WALLS_AFTER.match(view, m.end()):
            kind = "slogan"
        elif (
            _STATEMENT_BEFORE.search(before)
            or _THAT_BEFORE.search(before)
            or _STATEMENT_AFTER.search(after)
            or ((body.rstrip().endswith(",") or after.startswith(",")) and _SPEAKER_AFTER_COMMA.search(after))
            or (_COLON_BEFORE.search(line_before) and not _SLOGAN_CUES.search(line_before))
        ):
            kind = "statement"
        elif out and out[-1].kind == "statement" and _SAID_THEN_QUOTE.match(view, out[-1].span.end, m.start()):
            kind = "statement"  # '"…," the expert said. "At least 239 …"': the speaker goes on
        elif body[:1].islower() and _after_statement(out, view, m.start()):
            kind = "statement"  # 'reported that "hypocrite elements" had attacked "around 40 bases"': still its words
        elif len(words) <= 3 and (body[:1].islower() or _SCARE_BEFORE.search(before)):
            kind = "term"  # scare quotes around a word ("experts"): neither slogan nor statement
        else:
            kind = "slogan"
        out.append(Quote(Span(start, end), text, kind))
    return out


def _after_statement(out: list[Quote], view: str, pos: int) -> bool:
    """Does a statement quote of the same sentence end shortly before ``pos`` (a lower-case quote
    after it goes on with the reported words: '… reported that "x" had attacked "around 40 bases"')?"""
    if not out or out[-1].kind != "statement":
        return False
    gap = view[out[-1].span.end : pos]
    return len(gap) <= 90 and "." not in gap and "\n" not in gap


# ---------------------------------------------------------------------------------------
# attributions


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    text = resources.files("eventledger").joinpath("lexicons/attribution.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def before_source_cues() -> tuple[str, ...]:
    """The lexicon's phrases that come right before a source ("according to", "announced by")."""
    return tuple(_lexicon()["before_source"])


# A source noun phrase: capitalised words with connectors, optionally preceded by a
# lower-case descriptor ("the state media", "many experts close to the regime").
_CAP = r"[A-Z](?:[\w'’&-]|\.(?=[A-Za-z])|/(?=[A-Z]))*"  # "U.S" and "PMOI/MEK" but not "HRANA." at a sentence end
# _CAP taken whole (possessive) in the noun phrases below: everything that may follow a name
# word there (a space, a comma, the end of the phrase, and after the phrase a space, comma,
# parenthesis or colon in every pattern that uses them) is a character the word cannot
# hold, so a name word given back character by character can never lead to a match; the
# engine would otherwise retry the rest of the phrase at every shorter word, at every word
# start the source search tries. (Not so where a name may end before a full stop, "[.;]"
# in literal and before_src's apposition: those keep _CAP.)
_CAP_WORD = r"[A-Z](?:[\w'’&-]|\.(?=[A-Za-z])|/(?=[A-Z]))*+"
# (a comma only before a capitalised word: "Ali Shamkhani, Secretary"; "..., the police arrested five
# people in Ahvaz, the Intelligence Ministry said" names the ministry, not "Ahvaz, the Intelligence Ministry")
# ("the Human Rights Activists in Iran group", "the Center for Human Rights in Iran": "in Iran"
# closes such a name; any other "in" places a source: "Amnesty International in London")
# ("according to the regime's Statistical Center": the office, not the regime whose it is)
# ("the Intelligence Department of Kurdistan province announced", "The Prosecutor of Isfahan province
# announced": the office's province word closes it)
_NP_CAP = rf"(?:the |The )?(?:(?:regime|government|country)['’]s (?:own )?)?{_CAP_WORD}(?:,? {_CAP_WORD}| (?:of|the|for|and|de|al|in(?= Iran\b))){{0,7}}(?: of {_CAP_WORD}(?: and {_CAP_WORD})? (?:province|county)\b)?"
# the lower-case descriptors of _NP_LOW ("state", "local", "human rights" media). Each
# repetition first tests the next character against their first letters: one test where the
# engine would otherwise enter every alternative (re.I literals have no quick reject), and
# the same letters, case-insensitively, as the alternatives themselves begin with
_LOW_DESCRIPTORS = (
    "state", "state-run", "semi-official", "official", "local", "regime", "Iranian", "independent", "informed",
    "rights", "human rights", "close", "provincial", "city", "government", "judiciary's", "news", "union",
    "labou?r", "trade union", "former",
    # ("according to a student news channel")
    "student",
    # ("a medical source at Tohid Hospital")
    "medical",
    # ("the regime’s own media admitted")
    "own",
)
_LOW_DESCRIPTOR_FIRSTS = first_letters(_LOW_DESCRIPTORS)
#: the people of a protest, sources in their own voice only before a speech verb (_SPEAKING_ONLY)
_PROTEST_PEOPLE = ("nurses", "workers", "retirees", "pensioners", "teachers", "farmers", "students", "merchants",
                   "truckers", "drivers", "protesters", "mourners")
_NP_LOW = (
    # ("two rights groups said": the number is part of the source's name, not a figure)
    # ("his brother told HRANA", "a prisoner's relative said", "the workers' representatives");
    # the look-ahead first finds the possessive's apostrophe (every character before it is a
    # word character, an apostrophe or the slash of "PMOI/MEK’s"): one scan of the word where
    # the engine would otherwise backtrack through it at every word of the sentence
    # ("according to an informed source": the article before a vowel too)
    r"(?:the |The |many |some |several |Many |Some |Several |a |A |an |An |[Hh]is |[Hh]er |[Tt]heir |(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|\d{1,2}) )?"
    # ("according to local farmers' associations": a descriptor before the possessive)
    rf"(?:(?i:(?=[{_LOW_DESCRIPTOR_FIRSTS}])(?:{'|'.join(_LOW_DESCRIPTORS)}) )(?=[\w'’/]*['’]))?"
    r"(?:(?=[\w'’/]*['’])[\w'’]+(?:/[A-Z][\w]*)?['’]s? )?"
    # ("the state-run Hamshahri daily": a descriptor may come before the name too)
    rf"(?i:(?=[{_LOW_DESCRIPTOR_FIRSTS}])(?:{'|'.join(_LOW_DESCRIPTORS)})[ -])*(?:[A-Z][\w'’-]*(?:/[A-Z][\w]*)? (?:in (?=Iran ))?){{0,4}}"
    rf"(?i:(?=[{_LOW_DESCRIPTOR_FIRSTS}])(?:{'|'.join(_LOW_DESCRIPTORS)})[ -])*"
    r"(?:"
    # "a source close to the family of one prisoner", "people familiar with the case"
    r"(?:sources?|people) (?:close to|familiar with|inside|within) (?:[\w'’-]+ ){0,5}?[\w'’-]+|"
    # "a medical source at Tohid Hospital in Sanandaj told": the source, not the town
    r"sources? at (?:the )?(?:[A-Z][\w'’-]* ){1,3}(?:[Hh]ospital|[Cc]linic|[Pp]rison|[Cc]emetery|[Uu]niversity)(?: in [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)?|"
    # ("The units said they had carried out activities in 47 cities": the Resistance Units named before)
    # ("..., a local activist said", "her lawyer said", "a local council member told the channel")
    r"media|officials?|authorities|sources?|experts?|economists?|analysts?|observers|(?:eye)?witness(?:es)?|activists?|groups?|monitors?|resistance|opposition|units|"
    r"lawyers?|attorneys?|(?:council|board|committee|union|family) members?|"
    # ("His own deputy told the Majlis", "the chair noted", "The secretariat said")
    # ("the ministry's deputy for nursing claimed": a deputy named by the field he is deputy for)
    r"deput(?:y|ies)(?: for [a-z]+(?: affairs)?)?|chair(?:man|woman|person)?|secretariat|"
    # the people of a protest speaking for themselves ("The nurses say that 31 of their colleagues
    # were dismissed"; only before a speech verb, see find_attributions)
    # (or bare after "and", a clause of their own: "..., and students say at least four were killed")
    rf"(?:(?<=[Tt]he )|(?<=\band ))(?:{'|'.join(_PROTEST_PEOPLE)})|"
    # ("the campaign said that prisoners in 56 prisons had joined": a campaign named before)
    r"campaigns?|"
    # ("the PMOI/MEK’s network reported": the organisation's network inside the country; "the Bar
    # Association's board says", "according to the community's statement")
    # ("..., the PMOI/MEK's social headquarters inside Iran said": the organisation's office that counts)
    r"(?<=['’]s )(?:network(?: inside (?:the country|Iran))?|(?:social |central )?headquarters(?: inside (?:the country|Iran))?|board|statement)|"
    # ("the PMOI/MEK network said": an acronym's network, the name in capitals before it)
    r"(?<=[A-Z] )network(?: inside (?:the country|Iran))?|"
    # ("a former inmate told the monitor", "the regime claimed that …")
    r"inmates?|prisoners?|detainees?|relatives?|classmates|colleagues|neighbou?rs|researchers?|regime(?!['’]s (?:own )?[A-Z])|"
    # ("a local cleric told AFP", "a doctor at the hospital said")
    rf"(?:doctors?|physicians?|medics?|nurses?|staff) (?:at|in) (?:the |a |an )?(?:[\w'’-]+ ){{0,2}}?(?:[Hh]ospitals?|[Cc]linics?|[Pp]risons?)"
    rf"(?: in {_CAP}(?: {_CAP})?)?|"
    r"clerics?|imams?|doctors?|physicians?|medics?|"
    # kin and delegates who speak for someone ("his brother told HRANA", "the workers' representatives"),
    # an office's department, and a statement that speaks ("their statement said")
    r"brothers?|sisters?|fathers?|mothers?|sons?|daughters?|wife|husband|cousins?|uncles?|aunts?|"
    # ("A worker told HRANA that more than 400 workers had stopped work": one of them speaks; "HRANA's
    # statistics department says": an office named by its lower-case words)
    # ("A nurse who took part told the Committee that ...")
    r"(?<=[Aa] )(?:worker|employee|nurse|teacher|driver|farmer|retiree|pensioner|shopkeeper|merchant|miner|student)"
    r"(?: who (?:took part|was there|attended|joined (?:them|it|the \w+)))?|"
    r"workers|employees|representatives?|(?:[a-z][\w-]+ ){0,2}department|(?<=[Tt]heir )statement|(?<=[Hh]is )statement|(?<=[Hh]er )statement|(?<=[Ii]ts )statement|"
    # "a UN fact-finding mission", "the Special Rapporteur"
    # ("Iran's mission to the EU had replied": a country's mission to a body)
    r"(?:fact-finding )?mission(?: to the (?:UN|EU|United Nations|European Union)(?: in [A-Z][\w-]+)?)?|(?:special )?rapporteur|"
    # "a member of the parliament’s national security committee" (a name after it is taken instead)
    # ("a member of parliament from Tehran told": the seat the member holds, not who speaks)
    rf"members? of (?:the )?(?:[\w'’-]+ ){{0,5}}(?:committee|commission|council|parliament|assembly|board|Majlis)(?: (?:from|for) {_CAP_WORD}(?: {_CAP_WORD}){{0,2}})?|"
    r"news agency|agency|newspaper|website|news site|site|daily|outlets?|television|TV|radio|(?:news |Telegram )?channels?|"
    r"organi[sz]ers|spokes(?:person|man|woman)|judiciary|ministry|associations?|coalition|"
    # ("The hospital's management said", "the parliament's research centre estimated", "Iran's road
    # transport organisation denied ..., saying": an office named by its lower-case words)
    r"management|administration|research cent(?:re|er)|(?:[a-z][\w-]+ ){1,2}organi[sz]ation|"
    # ("The university's chancellor told the ISNA news agency that 41 students ...")
    r"chancellor|rector|dean|"
    # the footage a figure is read from ("around 200 students rallied ..., videos shared on social media showed")
    # (not footage another source vouched for: "a video verified by The Associated Press" is AP's)
    r"(?:videos?|footage)(?: (?:shared|posted|circulating|published) (?:on social media|online))?(?! (?:verified|obtained|authenticated|geolocated) by)|"
    # ("the city's water company admitted that 60 percent of its reservoirs were empty")
    r"compan(?:y|ies)|"
    # ("the bakers' guild of Kermanshah", "the truckers' union of Isfahan": the body, placed by "of")
    # ("the student trade union councils count at least 140": the plural bodies)
    rf"(?:unions?|councils?|committees?|guilds?)(?: of (?:the )?{_CAP_WORD}(?: {_CAP_WORD}){{0,2}})?|"
    # (workers' syndicates speak as unions do: "Their syndicate said some 3,000 workers had stopped work")
    r"syndicates?|"
    # ("the Paris police headquarters put it at 2,300": a force's headquarters speaks for it)
    r"(?:police |military |army )?command|(?:police|army|military) headquarters|residents|families|family|figures|statistics|"
    # "the Hengaw organisation reported", "the regime’s oil minister claimed" (the portfolio in lower case)
    r"organi[sz]ations?|(?:(?:oil|interior|foreign|labou?r|energy|health|economy|intelligence|justice|education|"
    r"agriculture|roads|culture|defen[cs]e|welfare|industry|trade|communications) )?minister|"
    # an official with the jurisdiction it speaks for: "the prosecutor of Sistan and
    # Baluchestan province", "the governor of Khash", "the police chief of Zahedan"
    # ("the Basij commander of Tehran province said", "The IRGC commander said": a force's commander)
    rf"(?:prosecutor|governor|police(?: chief)?|mayor|police commander|judiciary chief|head|commander|chief)"
    rf"(?: of (?:the )?{_CAP_WORD}(?: (?:and )?{_CAP_WORD}){{0,3}}(?: province| county| city)?)?|"
    # an office holder placed by "in": "the head of the judiciary in Khuzestan", "Khamenei’s
    # representative in Mashhad" (the place alone is not who speaks)
    # ("the Intelligence Ministry's directorate in Khuzestan province announced")
    rf"(?:[Dd]irectorate|[Rr]epresentative|[Hh]ead|[Cc]hief|[Gg]overnor|[Pp]rosecutor|[Pp]rayer leader|[Cc]ommander|[Ss]pokes(?:man|woman|person)|[Oo]fficials?|[Pp]olice(?: chief| command)?|"
    # ("a lawyer in Mashhad had told her office": the lawyer speaks, not the town)
    rf"[Ll]awyers?|[Aa]ctivists?|[Jj]ournalists?|[Ww]itness(?:es)?|[Rr]esidents?)"
    # ("the commander of the IRGC in Razavi Khorasan province": a body named by its acronym, the province word)
    rf"(?: of (?:the )?(?:[a-z][\w'’-]*|[A-Z]{{2,}}(?![\w'’]))(?: [a-z][\w'’-]*){{0,2}})? in {_CAP_WORD}(?: {_CAP_WORD}){{0,2}}(?: province| county)?|"
    # "a lawyer representing two of them", "a lawyer for the family"
    r"lawyers?(?: (?:representing|for|of) (?:[\w'’-]+ ){0,3}?[\w'’-]+)?|"
    r"tally of different reports)"
)
# "the rights group Iran Justice Watch": a descriptor, then the name that identifies the source
_DESCRIPTOR = (
    # (the descriptors may be capitalised adjectives: "the Kurdish rights group Zagros Rights Network",
    # "the Norway-based group Iran Human Rights")
    r"(?:the |The |a |A |an |An )?(?:[A-Za-z][\w'’-]* ){0,3}?(?:group|organi[sz]ation|monitor|watchdog|association|"
    r"coalition|NGO|agency|website|site|newspaper|daily|outlet|body|bureau|campaign|network|project|union|council|channel)"
)
_NP_DESC = rf"{_DESCRIPTOR},? (?P<named>{_NP_CAP})"
_NP = rf"(?:{_NP_DESC}|{_NP_CAP}|{_NP_LOW})"
_NP_PLAIN = rf"(?:{_DESCRIPTOR},? {_NP_CAP}|{_NP_CAP}|{_NP_LOW})"  # the same without a named group


# 'Ali Shamkhani, Secretary for the Council: “…”': a speaker line. It starts a line and holds
# its colon on that line (nothing in the name or the words after the comma can be a newline
# or a colon), which lets _at_line_starts try only the lines with a colon
_SPEAKER_LINE = re.compile(rf"(?m)^(?P<src>{_NP_CAP})(?:,[^:\n“]{{2,90}})?:\s*(?=[“\"])")


# "- HRANA: 11 killed and 486 arrested", "• State media: four dead": a bulleted line of a toll
# list that opens with its source's name and a colon, then gives figures. Like the speaker line
# it holds its colon on its line (tried only at the lines with one)
_TOLL_LINE = re.compile(r"(?m)^[ \t]*[-–•*][ \t]+(?P<src>[A-Z][\w'’./&()-]*(?: [\w'’./&()-]+){0,5}?):[ \t]+"
                        r"(?=[^\n]*?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds)\b))")

#: a headline or a post that opens with its source and a colon ("HRANA: 2,000 arrested in one
#: week", also after a dateline): only a source the actor list knows (a town or a topic opens such
#: lines too)
_HEADLINE_SOURCE = re.compile(r"(?m)^[ \t]*(?:[A-Z][^\n:]{0,40}?\d{1,4}\s*(?:\([^)\n]{1,30}\)\s*)?[-–—]+\s*)?(?P<src>[A-Z][\w'’./&-]*(?: [\w'’./&-]+){0,4}?):[ \t]+(?=[^\n]*?\d)")

#: a toll line's label that names a source: an acronym ("HRANA", "PMOI/MEK network"), a name of
#: capitalised words ("Amnesty International", "Iran Human Rights") or a kind of source ("State
#: media", "The judiciary"); not a topic ("- Bakers: On Wednesday, 20 May, ...")
_TOLL_SOURCE = re.compile(r"(?:[A-Z]{2,}[\w/'’.&-]*|[A-Z][\w'’.-]+(?: (?:of |for |the |and )*[A-Z][\w'’.-]*)+"
                          r"|(?:[Tt]he )?(?:[A-Za-z-]+ )?(?:media|television|TV|judiciary|police|ministry|government|authorities|officials))"
                          r"(?: (?:network|media|news agency|agency))?(?: \([^()]{2,20}\))?")


@dataclass(frozen=True, slots=True)
class _AttrPatterns:
    cues: KeyedPatterns  # keys: "verb" | "before" | "saying"
    verb_src: re.Pattern[str]  # source right before a reporting verb (searched up to the verb)
    before_src: re.Pattern[str]  # source right after "according to" (matched at its end)
    quoted_src: re.Pattern[str]  # "X quoted Y as saying" (searched up to "as saying")
    quoted_by: re.Pattern[str]  # "Y was quoted by X as saying"
    literal: tuple[re.Pattern[str], ...]  # patterns with a literal first character: run as is


@lru_cache(maxsize=1)
def _patterns() -> _AttrPatterns:
    lex = _lexicon()
    # (an entry "re:..." is a regular expression: "put the July figure", "put the 2025 total")
    cues = [("verb", v[3:] if v.startswith("re:") else re.escape(v)) for v in lex["report_verbs"]]
    cues += [("before", re.escape(b)) for b in lex["before_source"]]
    cues.append(("saying", "as saying"))
    src = rf"(?<![\w'’])(?P<src>{_NP})"
    return _AttrPatterns(
        cues=KeyedPatterns(cues),
        # ("Amnesty International, which has documented 326 of those deaths": a relative clause
        # between the source and its verb; it is no apposition naming the source; nor is another
        # source's cue: "detained by the police, according to X, which said": X speaks, not the police)
        # ("..., internet monitor NetBlocks and residents said": the named source speaks for both)
        # (the apposition may hold a parenthesis with commas of its own: "A leaked document of the
        # Interior Ministry, dated 1404/10/26 (January 16, 2026), puts the number ...", set 69)
        verb_src=re.compile(rf"{src}(?:\s*\([^)]{{1,40}}\))?(?: and (?:residents|witnesses|eyewitnesses|activists|locals|relatives))?(?:,\s*(?P<app>(?!(?:which|who|whose)\b)(?!\s*(?:according|citing|quoting)\b)(?:[^,\n(]|\([^)\n]{{1,40}}\)){{2,80}}),)?"
                            # ("The PMOI/MEK, citing reports from 1,600 polling stations, put ...": the source cites, it speaks)
                            r"(?:,\s*(?:citing|quoting)\s(?:[^,\n]|(?<=\d),(?=\d)){2,80},)?"
                            r"(?:,?\s+(?:which|who)\b)?(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"  # ("HRANA on Monday reported")
                            r",?\s+(?:also |again |further |recently |now |later |earlier |first |has |have |had )*$"),
        # ("according to a member of the … committee, Hossein Naqavi Hosseini": the name in the apposition)
        # (a described source before a bare name: "according to Iranian officials", "according to Baluch
        # rights activists", not "Iranian" or "Baluch"; nothing ends this match, so the first
        # alternative that matches is the one taken)
        before_src=re.compile(rf"\s+(?P<src>(?:{_NP_DESC}|{_NP_LOW}|{_NP_CAP}))(?:,\s+(?P<app>{_CAP}(?: {_CAP}){{1,3}})(?=\s*[.;\n]|\s*$))?"),
        quoted_src=re.compile(rf"{src}(?:\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?\s+quoted\s+(?P<spk>[^,.;:]{{2,80}}?)\s+as saying$"),
        quoted_by=re.compile(rf"(?<![\w'’])(?P<spk>{_NP_PLAIN})(?:,[^,]{{2,60}},)?\s+(?:was|were) quoted by\s+(?P<src>{_NP})\s+as saying$"),
        literal=(
            # '“…,” said Mike Pence'
            re.compile(rf"[”\"]\s*,?\s*(?P<cue>said|says|stated|added|wrote)\s+(?P<src>(?:[a-z]+ ){{0,4}}{_NP_CAP})"),
            # "..., said the Council of Retirees of Iran, a loosely organised network": a named
            # source after its statement with no quotation marks (a capitalised name closing the clause)
            re.compile(rf"(?<=,)\s+(?P<cue>said|says|reported|added)\s+(?P<src>(?:the |The )?{_CAP}"
                       rf"(?: (?:{_CAP}|of|the|for|and|in(?= Iran\b))){{0,7}})"
                       # (its apposition belongs to the attribution: it still closes the sentence)
                       # ("said Haalvsh, a group that monitors rights abuses against the Baluch community.")
                       r"(?:,\s+(?:a|an|the)\s+[^,.;\n“\"]{2,100}?)?(?=[.;]|\s*$)"),
            # a UN expert named by the mandate, whose lower-case words no source phrase spans ("The
            # Special Rapporteur on the situation of human rights in the Islamic Republic of Iran today
            # expressed alarm at ..., with at least 419 people reported executed", set 69)
            _MANDATE_HOLDER,
            _SPEAKER_LINE,
            _TOLL_LINE,
            _HEADLINE_SOURCE,
            # "(Tabnak website, November 18)"
            re.compile(lex["source_paren"]),
        ),
    )


_MANDATE_HOLDER = re.compile(
    r"(?P<src>(?:the |The )?(?:UN |United Nations )?Special Rapporteurs? on the situation of human rights in "
    r"(?:the Islamic Republic of )?[A-Z][\w-]+)(?:,[^,\n]{2,60},)?\s+(?:today |on (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day |also )?"
    r"(?P<cue>expressed (?:alarm|concern|deep concern|particular concern|grave concern)|said|says|stated|warned|noted|highlighted)\b")


_POSSESSED_CUES = frozenset({"count of", "tally of", "figure of"})
_DOCUMENT_ONLY_CUES = frozenset({"stood at", "stands at"})
#: "Only 21 of the executions were announced by official media": the share of the acts that someone
#: announced, counted by the publisher (the cue tells which acts are counted, not who counts them)
_COUNTED_BY_CUES = frozenset({"reported by", "announced by", "acknowledged by"})
_ONLY_N_WERE = re.compile(r"\b(?:[Oo]nly|[Jj]ust)\s+(?:around\s+|about\s+|some\s+)?[\d,.]+\s*(?:%|percent|per\s+cent)?"
                          r"(?:\s+of\s+(?:the\s+|them\b|these\s+|those\s+)?[\w-]*)?\s+(?:were|was|had\s+been|have\s+been)\s+$")
#: a source named by its kind alone ("the group", "the organisation"), named in full before
_THE_KIND = re.compile(r"the (?:rights |human rights )?(?:group|organi[sz]ation|monitor|network|agency|campaign|watchdog)")
#: "reported to Evin prison", "reports to the prosecutor's office": a person going somewhere, not a source speaking
_REPORTED_TO_PLACE = re.compile(r"\s+(?:to|at)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?"
                                r"(?:prison|jail|court|office|police\s+station|headquarters|detention|ward|work|duty)\b", re.I)
#: a source's document as the subject of a report verb ("HRANA's annual report recorded", "Amnesty's
#: latest report said"): ends where the verb begins
_POSSESSED_DOCUMENT = re.compile(
    # (unlike _NP_CAP's possessive name words, these give back the "'s" of the owner)
    rf"(?<![\w'’])(?P<src>(?:the |The )?{_CAP}(?: {_CAP}| (?:of|the|for|and|de|al)){{0,7}})['’]s (?:(?:new|latest|annual|monthly|weekly|quarterly|yearly|recent|last|"
    r"preliminary|final|own|first|second|third) ){0,2}(?:report|statement|study|survey|data|figures|tally|count|"
    r"review|bulletin|digest|analysis|findings)\s+(?:also |further )?(?:has |have |had )?\Z")
#: the owner right before a possessed cue ("the interior ministry's figure of", "Amnesty's count of")
_POSSESSOR_BEFORE = re.compile(r"(?<![\w'’])(?P<src>(?:the |The )?(?:[a-z][\w-]* ){0,2}(?:ministry|judiciary|police|government|"
                               r"authorities|governorate|prosecutor|prosecutor's office|regime|parliament|council|union))['’]s\s+\Z")
#: a document named by its kind alone, whose author a sentence before named
_THE_DOCUMENT = re.compile(r"\s+(?P<src>(?:the|its|this|that) (?:new |latest |annual |monthly |weekly )?(?:report|statement|study|survey|findings))\b")


def _matches(doc: Doc, view: str) -> list[tuple[re.Match[str], str, int]]:
    """Every attribution match with its cue; the costly source patterns run only next to a cue."""
    pats = _patterns()
    out: list[tuple[re.Match[str], str, int]] = []
    sidx = sentence_index(doc)
    for s, e, key in pats.cues.finditer(view):
        sent = sidx.at(s)
        lo = max(sent.span.start if sent else 0, s - 200)
        if key == "verb":
            if view[s] in "rR" and _REPORTED_TO_PLACE.match(view, e) and view[s:e].lower() in ("reported", "reports", "report"):
                continue  # "X reported to Evin prison to begin serving a sentence": going there, no statement
            if view[s] in "ctf" and view[s - 3 : s - 1] in ("'s", "’s", "s'", "s’") and view[s:e].lower() in _POSSESSED_CUES:
                lo = max(lo, s - 120)  # "Amnesty International's count of at least 14 killed"
            elif view[s] in "ctf" and view[s:e].lower() in _POSSESSED_CUES:
                continue  # "a count of", "the official tally of": no owner named
            # ("Amnesty's tally stood at 52": a tally's owner only; "Attendance stood at 300" has none)
            m = pats.verb_src.search(view, lo, s) if view[s:e].lower() not in _DOCUMENT_ONLY_CUES else None
            if m and (_PRONOUN.fullmatch(m.group("src")) or m.group("src") == "It"
                      or view.endswith("same ", 0, m.start("src"))):  # ("the same daily": named before)
                m = None
            if m and (m.groupdict().get("named") or m.group("src"))[:1].islower() and view.startswith(" and ", m.end("src")):
                m = None  # "organisers and witnesses said": no one named speaks for both (a name does: "NetBlocks and residents")
            if m is None and ("'s " in view[max(lo, s - 60) : s] or "’s " in view[max(lo, s - 60) : s]):
                # "HRANA's annual report recorded 2,150 protests": the document's owner reports it
                m = _POSSESSED_DOCUMENT.search(view, max(lo, s - 120), s)
                if m is None and view[s:e].lower() in _POSSESSED_CUES:
                    # ("The interior ministry's figure of 41 arrests": an owner in lower case)
                    m = _POSSESSOR_BEFORE.search(view, max(lo, s - 120), s)
            if m:
                out.append((m, view[s:e].lower(), e))
            else:
                m = _PRONOUN_SRC.search(view, max(lo, s - 40), s)
                if m:  # "he said", "the official added": resolved to the last named speaker
                    out.append((m, "pronoun:" + view[s:e].lower(), e))
        elif key == "before":
            if view[s:e].lower() == "per" and not (view[e + 1 : e + 2].isupper() or view.startswith((" the ", " a ", " an "), e)):
                continue  # "per" names a source only before a name or "the ..." ("per cent", "per family")
            if view[s] in "ar" and view[s:e].lower() in _COUNTED_BY_CUES and _ONLY_N_WERE.search(view, max(0, s - 70), s):
                continue  # "Only 14 were reported by official media": what the number counts, not its source
            stop = sent.span.end if sent else len(view)
            # "according to figures compiled by the Kurdistan Human Rights Network", "according to a
            # tally by Iran Human Rights": the source is whose figures they are
            by = _DATA_BY.match(view, e, stop) if view.startswith((" fig", " dat", " sta", " rec", " rep", " a t", " a c", " the", " off", " cre", " rel", " ver", " con", " mul", " sev", " fur", " new"), e) else None
            # "according to a Caspian Wire tally": the tally's owner
            owner = _NAMED_TALLY.match(view, e, stop) if view.startswith((" a ", " an ", " the "), e) and not by else None
            m = owner or (pats.before_src.match(view, by.end() - 1, stop) if by else None) or pats.before_src.match(view, e, stop)
            if m and _THE_KIND.fullmatch(m.group("src")):
                # "According to the group, ...": the group named before ("Iran Human Rights published
                # its monthly report"), resolved as a pronoun is
                out.append((m, "pronoun:" + view[s:e].lower(), m.end()))
            elif m:
                out.append((m, view[s:e].lower(), m.end()))
            elif (doc_m := _THE_DOCUMENT.match(view, e, stop)) is not None:
                # "According to the report, ...": the report of the source named before ("Amnesty
                # International published a report on Tuesday"), resolved as a pronoun is
                out.append((doc_m, "pronoun:" + view[s:e].lower(), doc_m.end()))
        else:
            lo = max(sent.span.start if sent else 0, e - 260)
            m = pats.quoted_src.search(view, lo, e) or pats.quoted_by.search(view, lo, e)
            if m:  # first, so that the plain "quoted" verb cue does not take its source
                out.insert(0, (m, "quoted as saying", m.end()))
    for k, pat in enumerate(pats.literal):
        if pat is _MANDATE_HOLDER and "Special Rapporteur" not in view:
            continue  # (led by optional words, it would be tried at every character; most reports name no mandate)
        line = pat is _SPEAKER_LINE or pat is _TOLL_LINE or pat is _HEADLINE_SOURCE
        for m in (_at_line_starts(pat, view, ":") if line else pat.finditer(view)):
            if pat is _TOLL_LINE and not _TOLL_SOURCE.fullmatch(m.group("src")):
                continue
            if pat is _HEADLINE_SOURCE and not normalise_actor_name(m.group("src"), _SOURCE_CATEGORIES):
                continue  # ("Rasht: 40 retirees gathered ...": a town's line, not a source's)
            cue = "according to" if pat is _TOLL_LINE or pat is _HEADLINE_SOURCE else (m.groupdict().get("cue") or "said")
            out.append((m, "source" if k == len(pats.literal) - 1 else cue, m.end()))
    return out


def _at_line_starts(pat: re.Pattern[str], view: str, needs: str = "") -> Iterator[re.Match[str]]:
    """``pat.finditer(view)`` for a pattern that begins with ``(?m)^``: a match can start only
    at offset 0 or after a newline, so the regex is tried there alone (a search starts it
    at every character of the document), each offset from the end of the last match on.

    ``needs``: a character every match holds on the line it starts on (the speaker line
    has its colon there: nothing in the name or the words after the comma can be a newline
    or a colon). A line without it cannot match, so the first line start tried is the one of
    the line that holds the next such character, and with none left no line can match."""
    p = end = 0
    while True:
        if p >= end:
            if needs:
                c = view.find(needs, p)
                if c < 0:
                    return
                p = view.rfind("\n", p, c) + 1 or p  # the start of the line holding it
            m = pat.match(view, p)
            if m is not None:
                yield m
                end = m.end()
        p = view.find("\n", p) + 1
        if p == 0:
            return


_THE = re.compile(r"^(?:the|The|a|A|an|An|his|His|her|Her|their|Their)\s+")
# ("The main opposition group", "The prosecutor of Yazd": a description, with a lower-case word
# other than the article; a name such as "Maryam Rajavi" is none, whatever its apposition names)
_GENERIC_SOURCE = re.compile(r"^(?:the |a |an )?(?=.*(?<![\w'’-])(?!(?:the|a|an)\b)(?-i:[a-z]))(?:[a-z][\w'’-]* ){0,3}[a-z][\w'’-]*$", re.I)
_NAME_APPOSITION = re.compile(rf"^(?:the |The )?{_CAP}(?: (?:{_CAP}|of|for|the|and))*$")
# ("Two sources, HRANA and the Karun group, reported": two names, a kind word closing the last)
_NAMES_APPOSITION = re.compile(rf"^{_CAP}(?: {_CAP})* and (?:the )?{_CAP}(?: {_CAP})* (?:group|organi[sz]ation|network|monitor|campaign)$")
# ("the Norway-based group said": a description of a source named before, like "the group")
# ("A month earlier, the same daily had given a figure of 950": the outlet named before; "One of them
# said that ...": one of the sources named last, at a sentence start)
_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he|(?<=, )it|(?:(?<=\. )|(?<=\n))(?:It|One of them)|[Tt]he (?:[A-Z][\w'’]*-based )?(?:official|prosecutor|spokes(?:man|woman|person)|minister|governor|chief|commander|judge|"
                      r"group|organi[sz]ation|monitor|agency|network|party)|[Tt]he same (?:daily|newspaper|agency|outlet|channel|website|group|organi[sz]ation|monitor|network))")
# ("In August, it had claimed the arrest of ...": an organisation's "it", after an opening phrase)
_PRONOUN_SRC = re.compile(rf"(?<![\w'’])(?P<src>{_PRONOUN.pattern}),?\s+(?:also |further |later )?(?:had |has )?$")
# ("according to reports compiled by the MEK’s network": whose reports they are)
_DATA_BY = re.compile(r" (?:(?:the|a|an|official) )?(?:(?:figures|data|statistics|tally|count|records)"
                      r"(?: (?:compiled|collected|gathered|published|released|kept))? (?:by|from|of)|"
                      # ("reports from Zahedan": a place, not a source)
                      # ("according to reports received from inside the country by the PMOI/MEK")
                      # ("according to credible reports received by the Office")
                      r"(?:(?:credible|reliable|verified|confirmed|multiple|several|further|new) )?"
                      r"reports(?: (?:compiled|collected|gathered|published|released|received|obtained)"
                      r"(?: from (?:inside |within )?(?:the country|Iran))?)? by"
                      # ("reports from the PMOI/MEK network inside Iran": a named network, not a town)
                      r"|reports from(?= (?:the )?[A-Z][\w/'’-]* network\b))"
                      # ("reports gathered by the network of the PMOI/MEK inside the country": whose network)
                      r"(?: (?:the )?(?:network|sources) (?:inside (?:the country|Iran) )?of)? ")
_NAMED_TALLY = re.compile(rf" (?:a|an|the) (?P<src>{_CAP}(?: {_CAP}){{0,4}})(?:'s|’s)? (?:tally|count|survey|analysis|review|database)\b")
_FOOTAGE_SOURCE = re.compile(r"(?:the )?(?:videos?|footage)\b", re.I)
_DATA_SOURCE = re.compile(r"\b(?:figures|statistics|data|records|tally|count|reports?|survey)\b", re.I)
_SPEAKER_REACH = 1200  # how far back a pronoun looks for its speaker (about two paragraphs)
_STOP_SOURCES = re.compile(
    r"^(?:the |The )?(?:It|This|That|These|Those|They|He|She|We|I|There|Also|However|But|And|In|On|At|As|When|While|What|Who|How|Why|"
    # a report's kind in a heading ("Monthly report – October 2024"), not who reports
    r"Monthly|Weekly|Daily|Annual|Yearly|Quarterly|Special|Final|Interim|Latest|Field|Sample|Not|"
    # a day is no source ("a statement posted on Monday said", "State media on Saturday quoted")
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$)\b"
    # an article alone: "A report by ... found" (the noun "report", not the verb)
    r"|^(?:A|An|The)$"
    # a conjunction before a second verb: "agents came on Wednesday and told the family"
    r"|^(?:and|or|but|then)$"
)
# "On Saturday, the Intelligence Ministry said": the day before the comma is no part of the name
_LEADING_TIME = re.compile(
    r"(?:(?:(?:On|In|Since|Last|Early|Late) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Today|Yesterday)(?: \d{1,2})?,? "
    # ("hanged on 20 Aban, Iran Human Rights reported": a Persian month, only with its comma, since
    # "Mehr news agency" is a source)
    r"|(?:Farvardin|Ordibehesht|Khordad|Tir|Mordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand)(?: \d{4})?, )+(?=[A-Za-z])")
# "Hengaw’s data", "Iran Human Rights’ figures": the organisation, not its data
_POSSESSIVE_DATA = re.compile(r"(?:'s|’s|'|’)(?: (?:own )?(?:figures|data|statistics|tally|count|records|documentation|monitoring|network(?: inside (?:the country|Iran))?|(?:social |central )?headquarters(?: inside (?:the country|Iran))?))?$")


_WHOSE_OFFICE = re.compile(r"^(?:regime|government|country)['’]s (?:own )?(?=[A-Z])")
_REGIME_MEDIA = re.compile(r"(?:the )?(?:regime|government|state)(?:['’]s)? (?:own )?(?:state-run |state )?media$", re.I)


# (a pure function of the phrase; a document names its few sources again and again and a corpus
# the same monitors and agencies: about 13 calls per document, each a dozen regexes, mostly repeats)
@lru_cache(maxsize=4096)
def normalise_source(text: str) -> str:
    """Map a source phrase to a known organisation name where the actor list knows it."""
    src = " ".join(text.split()).strip(" ,.;:")
    src = _POSSESSIVE_DATA.sub("", _THE.sub("", src))
    if src.startswith(("regime", "government", "country")) and not _REGIME_MEDIA.match(src):
        src = _WHOSE_OFFICE.sub("", src)  # "the regime's own Statistical Center": the office speaks
    if _REGIME_MEDIA.match(src):
        return "state media"  # "the regime’s own media", "regime media": the state's outlets
    known = normalise_actor_name(src, _SOURCE_CATEGORIES) or _known_behind_descriptors(src)
    if known:
        return known
    # ("the ILNA news agency": an acronym without its kind in lower case; not "a Baluch rights
    # group", a description, nor "Iran Human Rights Monitor", whose capitalised kind is its name's)
    kind = _LOWER_KIND_AFTER.search(src)
    return src[: kind.start()] if kind and src[: kind.start()].isupper() and kind.start() >= 2 else src


_SOURCE_CATEGORIES = ("opposition", "media", "monitor")
# words a report puts before or after a source's name that are no part of it: "the semi-official
# Fars news agency", "rights group HRANA", "the Norway-based Hengaw", "IRNA news agency"
_SOURCE_DESCRIPTOR = re.compile(
    r"(?:[A-Za-z]+-)?(?:official|run|affiliated|owned|linked|based|aligned|controlled)\s+|"
    # ("State news agency IRNA", "the state broadcaster IRIB": the agency the descriptors name)
    r"(?:hardline|conservative|reformist|independent|rights|human|group|organi[sz]ation|monitor|news|agency|"
    r"outlet|website|daily|newspaper|watchdog|state|broadcaster)\s+", re.I)
#: a source's kind after its name ("IRNA news agency", "Hengaw rights group"): any case for a
#: known name, lower case only for an unknown acronym (see normalise_source)
_KIND_AFTER = (r"\s+(?:news\s+agency|agency|news\s+website|website|daily|newspaper|channel|TV|"
               r"(?:(?:human\s+)?rights\s+)?(?:group|organi[sz]ation|monitor|network))$")
_SOURCE_KIND_AFTER = re.compile(_KIND_AFTER, re.I)
_LOWER_KIND_AFTER = re.compile(_KIND_AFTER)


def _known_behind_descriptors(src: str) -> str | None:
    """The known organisation a source phrase names once its descriptors are set aside (only
    a whole alias counts: "the lawyer of Amnesty" stays as written)."""
    from .actors import normalise_actor_name

    core = src
    for _ in range(4):
        kind = _SOURCE_KIND_AFTER.search(core)
        if kind and (known := normalise_actor_name(core[: kind.start()], _SOURCE_CATEGORIES)):
            return known
        m = _SOURCE_DESCRIPTOR.match(core)
        if m is None:
            return None
        core = core[m.end():]
        if known := normalise_actor_name(core, _SOURCE_CATEGORIES):
            return known
    return None


_POSSESSOR_STATEMENT = re.compile(r"['’]s statement$")


def find_attributions(doc: Doc, quotes: list[Quote] | None = None) -> list[Attribution]:
    view = doc.view or doc.text
    quotes = quotes if quotes is not None else doc.quotes
    out: list[Attribution] = []
    pronouns: list[tuple[Span, str, Span, str | None, str]] = []  # span, cue, scope, head, words of "he said"
    seen: set[tuple[int, int]] = set()
    place_ends = {p.span.start: p.span.end for p in doc.places}  # (a town before a source's comma)
    place_starts_by_end = {p.span.end: p.span.start for p in doc.places}
    for m, cue, cue_end in _matches(doc, view):
        if cue in ("wrote", "writes") and _GRAFFITI_AFTER.match(view, cue_end):
            continue  # "Youths wrote slogans in Tabriz": an act whose text is a slogan, no one's statement
        if cue.startswith("pronoun:"):
            head = m.group("src").split()[-1].casefold()
            own = _sentence_subject(doc, view, m.start("src")) if head in _GROUP_HEADS else None
            if own is not None:  # "The PMOI/MEK has organised …, the group said": the group its sentence opens with
                out.append(Attribution(Span(m.start("src"), cue_end), own, cue.split(":", 1)[1], _scope(doc, m.start(), cue_end)))
                continue
            # ("the monitor recorded 118 executions" in a report by the Example Rights Monitor: the
            # publisher's head noun names the publisher, not the source quoted last)
            pub = doc.report.publisher if doc.report is not None else None
            if head in _GROUP_HEADS and len(m.group("src").split()) > 1 and is_publisher_head(head, pub):
                out.append(Attribution(Span(m.start("src"), cue_end), pub, cue.split(":", 1)[1], _scope(doc, m.start(), cue_end)))
                continue
            pronouns.append((Span(m.start("src"), cue_end), cue.split(":", 1)[1], _scope(doc, m.start(), cue_end),
                             head if len(m.group("src").split()) > 1 else None, m.group("src").casefold()))
            continue
        gd = m.groupdict()
        if cue == "source":  # parenthetical source
            src_span = Span(m.start(1), m.end(1))
        else:
            src_span = Span(m.start("src"), m.end("src"))
            if gd.get("named"):  # "the rights group Iran Justice Watch" -> "Iran Justice Watch"
                src_span = Span(m.start("named"), m.end("named"))
            # "the main opposition group, the People's Mojahedin ..., has determined": the
            # appositive names the source better than the description before it
            if gd.get("app") and (view[src_span.start : src_span.end][:1].islower() or _GENERIC_SOURCE.match(
                    view[src_span.start : src_span.end])):
                from .actors import normalise_actor_name

                app = _THE.sub("", gd["app"].strip())
                # "A rights group, the Kurdish Human Rights Bureau, said": the name in the apposition
                if normalise_actor_name(app) or _NAME_APPOSITION.match(gd["app"].strip()) or _NAMES_APPOSITION.match(app):
                    src_span = Span(m.start("app"), m.end("app"))
        lead = _LEADING_TIME.match(view, src_span.start, src_span.end)
        if lead:
            src_span = Span(lead.end(), src_span.end)
        # ("In Zahedan, Molavi Abdolhamid said": the opening "In" of a town before the name)
        if view.startswith("In ", src_span.start) and place_ends.get(src_span.start + 3, 0) < src_span.end:
            src_span = Span(src_span.start + 3, src_span.end)
        # ("12 people were detained in Rasht, HRANA said": the town ends the clause before the source)
        # (or the end of a finer place the town closes: "hanged two prisoners in Ghezel Hesar prison in
        # Karaj, Mizan reported", the place named from "Ghezel")
        while (comma := view.find(", ", src_span.start, src_span.end)) > 0 \
                and (place_ends.get(src_span.start) == comma or place_starts_by_end.get(comma, comma) < src_span.start) \
                and view[comma + 2 : comma + 3].isupper():
            src_span = Span(comma + 2, src_span.end)
            lead = lead or True  # (the attribution starts at the name, as after a trimmed day)
        if _only_places(view, src_span, place_ends):
            # ("a resident of Shadegan said": the people of the town speak; "Resistance Units in
            # Rasht, Ardabil and Urmia wrote": towns, not a source)
            people = _PEOPLE_OF.search(view, max(0, src_span.start - 40), src_span.start)
            if people is None:
                # ("The UN Special Rapporteur on the situation of human rights in Iran said": the
                # office the sentence opens with, placed by "in")
                sent = sentence_index(doc).at(src_span.start)
                office = _OFFICE_IN.fullmatch(view, sent.span.start, src_span.start) if sent is not None else None
                if office is None:
                    continue
                people = office
            src_span = Span(people.start(), src_span.end)
        if view.endswith("statement", src_span.start, src_span.end):
            own = _POSSESSOR_STATEMENT.search(view, src_span.start, src_span.end)
            if own is not None:  # "according to the community's statement": the community speaks
                src_span = Span(src_span.start, own.start())
        src_text = view[src_span.start : src_span.end]
        if src_text.endswith(_SPEAKING_ONLY) and cue not in _SPEECH_CUES:
            continue  # "the units also recorded 45 video messages": their own act, not a source's words
        if cue.startswith("show") and not _DATA_SOURCE.search(src_text) \
                and not (view.startswith((".", ";"), cue_end) and _FOOTAGE_SOURCE.match(src_text)):
            # "a video shows ...": a picture, not a source; "official figures show": one; and so is
            # footage closing the sentence it sources ("..., videos shared on social media showed.")
            continue
        if _STOP_SOURCES.match(src_text) and not src_text.lower().startswith("the "):
            continue
        if (src_span.start, src_span.end) in seen:
            continue
        seen.add((src_span.start, src_span.end))
        if cue == "source":
            para = doc.paragraph_at(m.start())
            scope = Span(para.span.start if para else max(0, m.start() - 600), cue_end)
        else:
            scope = _scope(doc, m.start(), cue_end)
            if cue in _SPEECH_CUES and _RELATIVE_BEFORE.search(view, max(0, src_span.start - 8), src_span.start):
                scope = _relative_scope(view, scope, cue_end)
            # a quote that starts right after the cue belongs to it, however many sentences it runs
            for q in quotes:
                if 0 <= q.span.start - cue_end <= 3 and q.span.end > scope.end:
                    scope = Span(scope.start, q.span.end + 1)
        if gd.get("spk"):
            spk = Span(m.start("spk"), m.end("spk"))
            out.append(Attribution(spk, normalise_source(view[spk.start : spk.end]), "as saying", scope))
        # (after a day trimmed off the name the attribution starts at the name: "…in May, Iran Human Rights said")
        start = src_span.start if lead else min(m.start(), src_span.start)
        out.append(Attribution(Span(start, cue_end), normalise_source(src_text), cue.lower(), scope))
    out.extend(_saying_clauses(doc, view))
    if " and " in view:
        out.extend(_and_verb_clauses(doc, view, out))
    if "own count" in view or "own figures" in view:
        out.extend(_own_count_clauses(doc, view, out))
    if " at " in view:
        out.extend(_elided_second_sources(view, out))
    out.sort(key=lambda a: (a.span.start, a.span.end))
    if pronouns:
        out = _resolve_pronouns(out, pronouns, view)
    if ", " in view:
        out = _named_soon_after(out, view)
    return out


#: a source described only by its kind ("a Baluch rights group", "a Norway-based monitor"): the head noun
_DESCRIBED_ONLY = re.compile(r"(?:[A-Z][\w'’-]*(?:-based)? |[a-z][\w'’-]* ){0,3}(group|organi[sz]ation|monitor|network)")
#: how far on the text names the described source
_NAMED_REACH = 400


def _named_soon_after(found: list[Attribution], view: str) -> list[Attribution]:
    """"…, killing at least two people, a Baluch rights group said Saturday. The group, Haalvsh, said
    more than 30 ...": a source described by its kind and named right after ("The group, <Name>,")
    is that name, for the figures it gave before the name too."""
    out = found
    for k, a in enumerate(found):
        m = _DESCRIBED_ONLY.fullmatch(a.source or "")
        if m is None:
            continue
        head = m.group(1)
        named = re.compile(rf"\b[Tt]he {re.escape(head)}, (?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,4}}),")
        n = named.search(view, a.span.end, a.span.end + _NAMED_REACH)
        if n is None:
            continue
        name = normalise_source(n.group("name"))
        if name:
            out = out if out is not found else list(found)
            out[k] = Attribution(a.span, name, a.cue, a.scope)
    return out


#: "Amnesty International has put the number killed ... at 304, and Reuters at 1,500": a second
#: source whose verb and noun are left out, its own figure after "at"
_ELIDED_SECOND_SOURCE = re.compile(r",?\s+and\s+(?P<src>(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+at\s+"
                                   r"(?=(?:about\s+|around\s+|some\s+|more\s+than\s+|at\s+least\s+|nearly\s+)?\d)")


def _elided_second_sources(view: str, found: list[Attribution]) -> list[Attribution]:
    extra: list[Attribution] = []
    for a in found:
        if not a.cue.startswith(("put ", "puts ")):
            continue
        m = _ELIDED_SECOND_SOURCE.search(view, a.span.end, a.scope.end)
        if m is not None:
            extra.append(Attribution(Span(m.start("src"), m.end()), normalise_source(m.group("src")), a.cue,
                                     Span(m.start("src"), a.scope.end)))
    return extra


#: "the price rise, which the regime announced on Thursday, ...": the source of a relative clause
_RELATIVE_BEFORE = re.compile(r"(?<![\w'’])(?:which|that|whom)\s+$")


def _relative_scope(view: str, scope: Span, cue_end: int) -> Span:
    """A source inside a relative clause ("…, which the regime announced on Thursday, continued
    in 40 cities") speaks for what the clause tells and the noun before it, not for the rest of
    the sentence: its scope ends at the clause's first comma."""
    comma = view.find(",", cue_end, scope.end)
    return Span(scope.start, comma) if comma > 0 else scope


#: sources that speak only with a speech verb ("the units also recorded 45 video messages", "the
#: workers reported for work": their own acts)
_SPEAKING_ONLY = tuple(" " + w for w in ("units", *_PROTEST_PEOPLE))
#: the verbs after which "the units" (Resistance Units named before) speak rather than act
_SPEECH_CUES = frozenset({"said", "says", "say", "reported", "reports", "report", "announced", "announces", "stated",
                          "states", "recalled", "recalls", "claimed", "claims", "added", "adds", "noted", "notes",
                          "declared", "declares", "wrote", "writes", "told"})


#: the people of a town, right before its name ("a resident of", "families in")
_PEOPLE_OF = re.compile(r"(?<![\w'’])(?:(?:an?|the|one|two|three|several|many|some)\s+)?"
                        r"(?:residents?|inhabitants?|people|famil(?:y|ies)|witness(?:es)?|locals?|activists?|sources?"
                        # (the member for a town: "An MP from Tabriz told ICANA that ...")
                        r"|(?-i:MPs?)|lawmakers?|(?:parliamentary\s+)?deput(?:y|ies)|representatives?)"
                        r"\s+(?:of|in|from|for)\s+$", re.I)


#: a sentence's subject that names an office and then its country or town ("The UN Special
#: Rapporteur on the situation of human rights in ", "The head of the judiciary in "): no comma,
#: a dozen words at most
_OFFICE_IN = re.compile(r"(?:The |An? )?(?=[^,\n]*\b(?:[Rr]apporteur|[Rr]epresentative|[Ee]nvoy|[Ss]pokes(?:man|woman|person)|"
                        r"[Mm]inist(?:er|ry)|[Oo]ffice|[Cc]ommission(?:er)?|[Mm]ission|[Cc]hief|[Hh]ead|[Dd]irector|[Gg]overnor|"
                        r"[Pp]rosecutor|[Oo]fficials?|[Aa]mbassador|[Jj]udiciary|[Cc]ommittee|[Cc]ouncil)\b)"
                        r"[A-Z][^,\n]{0,100}?\s(?:in|on|for) ")


def _only_places(view: str, span: Span, place_ends: dict[int, int]) -> bool:
    """Is ``span`` nothing but place names joined by commas and "and" ("Qom, Kashan and Yazd")?"""
    pos = span.start
    while (end := place_ends.get(pos)) is not None:
        if end >= span.end:
            return True
        for joint in (", and ", ", ", " and "):
            if view.startswith(joint, end):
                pos = end + len(joint)
                break
        else:
            return False
    return False


#: a second speech verb of the sentence's subject ("Fars called the Berlin march \"a circus\" and claimed
#: that \"no more than 2,000 people\" had attended"): no source of its own before it
# (led by the literal "and", its word boundary checked behind it: the engine then skips to each
# "and" instead of trying the pattern at every character, 60 µs a report against 4)
_AND_SPEECH = re.compile(r"and(?<!\wand)\s+(?:also\s+|later\s+)?(?P<cue>claimed|said|added|insisted|stated|admitted|warned|asserted)\s+that\b")
#: the sentence's subject: a named source (an outlet's kind may follow its name) and then a past verb
_SUBJECT_SOURCE = re.compile(
    rf"(?P<src>(?:the |The )?(?:state-run |state |official |semi-official |regime's )?{_CAP_WORD}(?: {_CAP_WORD}){{0,3}}"
    r"(?: (?:news agency|agency|daily|newspaper|website|television|TV|channel))?)\s+(?:(?:also|later|then)\s+)?[a-z]+ed\b")


def _subject_of_cue(doc: Doc, view: str, found: list[Attribution], m: re.Match[str],
                    subject: re.Pattern[str]) -> tuple[re.Match[str], Span] | None:
    """The sentence subject ``subject`` matches for the cue ``m`` (past a leading time or a history
    month and year: "On Sunday", "In February 2020,"), when no source of its own comes before the cue."""
    sent = sentence_index(doc).at(m.start())
    if sent is None or any(sent.span.start <= a.span.start < m.end() for a in found):
        return None  # (a source of its own in the sentence before the cue speaks for it)
    lead = _LEADING_TIME.match(view, sent.span.start, m.start())
    pos = lead.end() if lead else sent.span.start
    if (history := _HISTORY_OPENING.match(view, pos)) is not None:
        pos = history.end()  # ("In February 2020, the regime had ...": a time before the subject)
    s = subject.match(view, pos, m.start())
    if s is None or _STOP_SOURCES.match(s.group("src")):
        return None
    return s, sent.span


_HISTORY_OPENING = re.compile(r"In (?:[A-Z][a-z]+ )?(?:19|20)\d\d, ")


def _and_verb_clauses(doc: Doc, view: str, found: list[Attribution]) -> list[Attribution]:
    out: list[Attribution] = []
    for m in _AND_SPEECH.finditer(view):
        if (got := _subject_of_cue(doc, view, found, m, _SUBJECT_SOURCE)) is None:
            continue
        s, sent = got
        out.append(Attribution(Span(s.start("src"), m.end("cue")), normalise_source(s.group("src")), m.group("cue"),
                               _scope(doc, sent.start, m.end("cue"))))
    return out


#: "by its own count" closing a figure: the sentence's subject counts ("the regime had already recorded the
#: lowest turnout ..., 42 percent by its own count")
_BY_OWN_COUNT = re.compile(r"\b(?:by|on|according\s+to)\s+its\s+own\s+(?:count|figures|tally|estimate)\b")
_OWN_COUNT_SUBJECT = re.compile(
    rf"(?P<src>(?:the |The )(?:clerical |Iranian )?(?:regime|government|judiciary|(?:[A-Z][\w-]+ )?[Mm]inistry|police)|{_NP_CAP})"
    r"\s+(?:had\s+|has\s+|have\s+)?(?:already\s+|also\s+)?[a-z]+ed\b")


def _own_count_clauses(doc: Doc, view: str, found: list[Attribution]) -> list[Attribution]:
    out: list[Attribution] = []
    for m in _BY_OWN_COUNT.finditer(view):
        if (got := _subject_of_cue(doc, view, found, m, _OWN_COUNT_SUBJECT)) is None:
            continue
        s, sent = got
        out.append(Attribution(Span(m.start(), m.end()), normalise_source(s.group("src")), "by its own count",
                               _scope(doc, sent.start, m.end())))
    return out


_SAYING = re.compile(r",\s+saying\b")
_NAME_AFTER_DESCRIPTION = re.compile(r" ((?-i:[A-Z][\w'’.-]*)(?: (?-i:[A-Z][\w'’.-]*)){0,2})\b")
# the subject a sentence opens with, after a wire dateline ("GENEVA, May 14, 2026 (AFP) - ") or a count
# ("About 1,200 workers of …"); the source of its ", saying …" clause
_SAYING_SUBJECT = re.compile(
    r"(?:[A-Z][A-Z ]{2,30},[^()\n]{0,40}\([^)\n]{1,30}\)\s*[-\u2013\u2014]+\s*)?"
    rf"(?:{_LEADING_TIME.pattern})?(?:(?:[Aa]bout|[Ss]ome|[Aa]round|[Nn]early|[Oo]ver|[Mm]ore than|[Aa]t least) )?(?:\d[\d,]* )?"
    # (a described source first: "United Nations human rights experts", not "United Nations")
    rf"(?P<src>{_NP_LOW}|{_NP_PLAIN})")


def _saying_clauses(doc: Doc, view: str) -> list[Attribution]:
    """"UN experts on Thursday urged Iran …, saying at least 430 people had been put to death":
    the sentence's subject says what the ", saying" clause tells (the clause alone is in scope)."""
    out: list[Attribution] = []
    if ", saying" not in view:
        return out
    sidx = sentence_index(doc)
    for m in _SAYING.finditer(view):
        sent = sidx.at(m.start())
        if sent is None:
            continue
        sm = _SAYING_SUBJECT.match(view, sent.span.start, m.start())
        if sm is None:
            continue
        src_text = sm.group("src")
        if _STOP_SOURCES.match(src_text) or _PRONOUN.fullmatch(src_text):
            continue
        # ("State news agency IRNA gave a different account, saying ...": the descriptor's name
        # right after it is the source)
        if (named := _NAME_AFTER_DESCRIPTION.match(view, sm.end(), m.start())) is not None \
                and _known_behind_descriptors(" ".join((src_text + " " + named.group(1)).split())) is not None:
            src_text = src_text + " " + named.group(1)
        out.append(Attribution(Span(m.start() + 1, m.end()), normalise_source(src_text), "said",
                               Span(m.start() + 1, sent.span.end)))
    return out


_GROUP_HEADS = frozenset({"group", "organisation", "organization", "monitor", "network", "party"})


def is_publisher_head(head: str, publisher: str | None) -> bool:
    """Whether ``head`` ("the monitor", "the network's sources") is the last word of a
    publisher's name of several words ("Example Rights Monitor"): the publisher naming itself."""
    words = publisher.split() if publisher else ()
    return len(words) > 1 and head.casefold() == words[-1].casefold()
_ORG_IN_SENTENCE = re.compile(_NP_CAP)
_SUBJECT_NAME = re.compile(rf"(?:{_LEADING_TIME.pattern})?(?P<name>{_NP_CAP})")


def _sentence_subject(doc: Doc, view: str, pos: int) -> str | None:
    """The known organisation a sentence opens with, when "the group" later in it reports."""
    from .actors import normalise_actor_name

    sent = sentence_index(doc).at(pos)
    if sent is None:
        return None
    m = _SUBJECT_NAME.match(view, sent.span.start, pos)
    if m is not None:
        got = normalise_actor_name(_THE.sub("", m.group("name")), ("opposition", "media", "monitor"))
        if got is not None:
            return got
    # ("In the 60 years since its founding, more than 120,000 of the PMOI’s members ..., the
    # organisation says": the one organisation the sentence names before "the organisation")
    names = {normalise_actor_name(_POSSESSIVE_DATA.sub("", _THE.sub("", n.group(0))), ("opposition", "monitor"))
             for n in _ORG_IN_SENTENCE.finditer(view, sent.span.start, pos)}
    names.discard(None)
    return names.pop() if len(names) == 1 else None


_BEFORE_SOURCE_CUES = frozenset(c.lower() for c in before_source_cues()) | {"source"}
_PERSON_HEADS = frozenset({"official", "prosecutor", "spokesman", "spokeswoman", "spokesperson", "minister", "governor",
                           "chief", "commander", "judge"})
# the last word of a source that speaks for many or for a body, not for one person
_COLLECTIVE_LAST = re.compile(r"(?:[a-z]+[^s]s|group|organi[sz]ation|monitor|agency|network|media|council|committee|"
                              r"ministry|department|union|campaign|judiciary|police|command|television|TV|radio|website|"
                              r"newspaper|daily|channel|outlet|broadcaster|station|site)$")


def _collective(source: str) -> bool:
    """'HRANA rights groups', 'state media', 'Hengaw': no one person ('he said' is not theirs)."""
    from .actors import normalise_actor_name

    words = source.split()
    return bool(words) and (_COLLECTIVE_LAST.fullmatch(words[-1]) is not None
                            or normalise_actor_name(source, ("media", "monitor", "opposition")) is not None)


def _not_the_person(named: list[Attribution], j: int) -> bool:
    """Is ``named[j]`` a collective source, or one its sentence's earlier speaker quoted?"""
    a = named[j]
    if _collective(a.source):
        return True
    return any(b.span.end <= a.span.start and b.scope is not None and a.scope is not None and b.scope.start == a.scope.start
               and b.cue not in _BEFORE_SOURCE_CUES for b in named[max(0, j - 4) : j])


#: offices a "the <role> said" names; one differing from the last speaker's is another speaker
_ROLE_HEADS = frozenset({"prosecutor", "minister", "governor", "commander", "judge", "spokesman", "spokeswoman", "spokesperson"})


def _source_words(a: Attribution, view: str) -> str:
    """A source's name with the words just before it ("The prosecutor of Yazd, Hamid Sadeghi, told")."""
    return (a.source + " " + view[max(0, a.span.start - 60) : a.span.end]).casefold()


def _other_role(source: str, head: str) -> bool:
    """Does ``source`` name an office other than ``head`` ("Shahram Karami, Kermanshah's prosecutor" for "the minister")?"""
    words = set(re.findall(r"[a-z]+", source.casefold()))
    return head not in words and bool(words & _ROLE_HEADS)


def _resolve_pronouns(named: list[Attribution], pronouns: list[tuple[Span, str, Span, str | None, str]], view: str = "") -> list[Attribution]:
    """'He said' / 'the official added': the nearest named source before it (within about two
    paragraphs) is the speaker; with none, the statement stays unattributed."""
    out = list(named)
    starts = [a.span.start for a in named]
    for span, cue, scope, head, pronoun in pronouns:
        k = bisect.bisect_left(starts, span.start) - 1
        while k >= 0 and named[k].cue in ("source",):
            k -= 1
        # "the prosecutor said": the nearest source that is a prosecutor, when there is one
        j = k
        found = False
        while head and j >= 0 and span.start - named[j].span.start <= _SPEAKER_REACH:
            if named[j].cue != "source" and head in named[j].source.casefold():
                k, found = j, True
                break
            j -= 1
        if head in _GROUP_HEADS and not found and (described := _described_as(view, head, span.start)) is not None:
            # ("The Resistance Units, a network of activists ..., have grown. ... more than 8,000
            # activities, the network said": the name the text gave that description, not the
            # source quoted last)
            out.append(Attribution(span, described, cue, scope))
            continue
        if head in _ROLE_HEADS and not found and k >= 0 and all(
                _collective(named[j].source) or _COLLECTIVE_LAST.fullmatch(named[j].source.split()[-1].lower())
                for j in range(k, -1, -1) if span.start - named[j].span.start <= _SPEAKER_REACH):
            # ("Eyewitnesses said ..., while the governor put the crowd at 300": an office is no one of
            # the collective sources named before it, with no person among them; the role itself speaks)
            out.append(Attribution(span, pronoun, cue, scope))
            continue
        if head in _ROLE_HEADS and not found and k >= 0 and _other_role(_source_words(named[k], view), head) and not any(
                head in _source_words(named[j], view) for j in range(k, -1, -1) if span.start - named[j].span.start <= _SPEAKER_REACH):
            # ("…, the prosecutor told Tasnim. … 63 teams …, the minister said": another office than
            # the speaker named last speaks; the role itself is the source)
            out.append(Attribution(span, pronoun, cue, scope))
            continue
        # ("The Hengaw and HRANA rights groups have said …. He also announced …": a person's
        # pronoun skips the collective sources told in between, and the sources its speaker
        # quoted ("Karimi said … the toll announced by the governor's office"), for the person
        # named before them)
        if k >= 0 and (pronoun in ("he", "she") or head in _PERSON_HEADS) and _not_the_person(named, k):
            j = k - 1
            while j >= 0 and span.start - named[j].span.start <= _SPEAKER_REACH:
                if named[j].cue != "source" and not _not_the_person(named, j):
                    k = j
                    break
                j -= 1
        if k >= 0 and span.start - named[k].span.start <= _SPEAKER_REACH:
            out.append(Attribution(span, named[k].source, cue, scope))
        elif head in _ROLE_HEADS:
            # ("The governor put the crowd at 300" with no governor named before: the office speaks)
            out.append(Attribution(span, pronoun, cue, scope))
    out.sort(key=lambda a: (a.span.start, a.span.end))
    return out


def _described_as(view: str, head: str, pos: int) -> str | None:
    """The name the text last described as a <head> before ``pos`` ("the Resistance Units, a network
    of activists", "Hengaw, a Norway-based rights group"), within a speaker's reach."""
    lo = max(0, pos - _SPEAKER_REACH)
    if view.find(head, lo, pos) < 0:
        return None
    pat = _DESCRIBED_AS.get(head)
    if pat is None:
        pat = _DESCRIBED_AS[head] = re.compile(rf"(?<![\w'’])(?P<name>{_NP_CAP}), (?:an?|the) (?:[\w'’-]+ ){{0,3}}?{head}\b")
    last = None
    for m in pat.finditer(view, lo, pos):
        last = m
    return normalise_source(last.group("name")) if last is not None else None


_DESCRIBED_AS: dict[str, re.Pattern[str]] = {}


def _scope(doc: Doc, start: int, end: int) -> Span:
    """The statement an attribution covers: its sentence, extended over a quote that runs on."""
    sidx = sentence_index(doc)
    s = sidx.at(start)
    if s is None:
        return Span(start, end)
    e = sidx.at(max(end - 1, start))
    stop = e.span.end if e is not None else s.span.end
    return Span(s.span.start, max(stop, end))
