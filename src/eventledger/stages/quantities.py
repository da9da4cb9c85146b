"""Quantities: numbers about people and actions, with qualifier and kind.

"at least 40 prisoners have been hanged this year" -> Count(executed, 40, at_least).
Runs on ``doc.view``, where Persian/Arabic digits are already ASCII. Hand-written because
no maintained English number parser returns spans *and* the qualifier words around them
(``word2number``-style libraries convert a whole string only). Dates, years, ordinals,
"10-point plan" and clock times are not quantities.
"""

from __future__ import annotations

import bisect
import re

from ..doc import Doc, Quantity
from ..models import Count, Span
from .dates_lexicon import lexicon
from .lexmatch import KeyedPatterns, first_letters, sentence_index
from .lowered import lowered

__all__ = ["find_quantities", "parse_number"]

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = r"(?:tens of thousands|hundreds of thousands|thousands|hundreds|dozens|scores|a few|several|many)"

_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# ("half a million people": a half of a scale word)
_WORDNUM = rf"(?:half an? (?:million|thousand)|{_WORD}(?:[- ]{_WORD})?(?: (?:hundred|thousand|million))?(?: (?:and )?{_WORD})?)"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUAL = (
    r"(?P<qual>at least|no fewer than|no less than|not less than|more than|over|upwards of|in excess of|"
    r"nearly|almost|about|around|approximately|roughly|some|an estimated|estimated at|estimated|up to|as many as|"
    r"at most|no more than|not more than|fewer than|less than)"
)
_PERSON_WORDS = (
    "prisoners?", "inmates?", "protesters?", "people", "persons?", "men", "women", "children",
    "compatriots?", "students?", "workers?", "teachers?", "members?", "activists?", "youths?", "civilians?", "detainees?",
    "journalists?", "demonstrators?", "individuals?", "citizens?", "centers?", "bases?", "sites?", "banks?",
    # the people reports count in ones ("a man was hanged", "a 16-year-old boy", "14 operatives")
    "man", "woman", "boys?", "girls?", "minors?", "teenagers?", "officers?", "operatives?", "suspects?", "defendants?",
    "kolbars?", "porters?", "retirees?", "pensioners?", "nurses?", "drivers?", "clerics?", "mourners?", "farmers?",
    # ("against the suspension of 14 classmates", "three pupils")
    "classmates?", "pupils?", "colleagues?",
    # people counted by where they live, their trade or their community ("27 Kurds were arrested",
    # "two Afghan nationals", "five residents", "11 Baha'is")
    "residents?", "villagers?", "truckers?", "lawyers?", "doctors?", "miners?", "labou?rers?",
    "fishermen", "fisherman", "crewm[ae]n", "sailors?", "shepherds?", "conscripts?", "smugglers?",
    "bakers?", "Kurds?", "Baluch(?:is?)?", "Arabs?", "Baha['’]is?", "Christians?", "converts?", "nationals?",
    # ("one guard was wounded in an exchange of fire"; not "a guard post")
    r"guards?(?!\s+(?:posts?|houses?|towers?|stations?|booths?))", "soldiers?", "policemen", "policeman",
    # people counted by the state's name for them ('22 "rioters" have been arrested', "14 rioters")
    "rioters?",
    # people counted by whom they back ("sentenced a supporter of the PMOI to death", "two MEK supporters")
    "supporters?", "sympathi[sz]ers?",
)
_PERSON_FIRSTS = first_letters(_PERSON_WORDS)
# Up to two words, then a people noun. The words are taken whole (possessive): a word can be
# followed by "-" or " " only where it ends. The noun alternation is case-insensitive, so the
# engine would enter each branch to reject a word; the look-ahead rejects it on its first
# letter (the same letters the nouns begin with).
# (the words between a number and its people are modifiers, never a preposition: "November 19
# with 52 prisoners" is a day, then a count)
# (no "that" skipped: "said on January 19 that eight people ...": the day of a month before a clause)
# (the noun may stand in quotes, the source's word: 'According to Mizan, 22 "rioters" have been arrested')
_PERSON_NOUN = rf"(?:(?!(?:with|and|or|of|in|on|at|for|from|to|by|after|before|that)\b)\w++[- ]){{0,2}}?(?:[\"\u201c](?=[{_PERSON_FIRSTS}]))?(?=[{_PERSON_FIRSTS}])(?:{'|'.join(_PERSON_WORDS)})\b[\"\u201d]?"

_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"

_NUM_BODY = (
    rf"(?:{_QUAL}\s+)?(?:(?P<dig>{_DIGITS})(?!\d)|(?P<word>\b{_WORDNUM}\b)|(?P<vague>\b{_VAGUE}\b)|"
    # (possessive: the spaces, the word and the spaces after it are each taken whole, as what
    # follows each cannot begin with what it is made of)
    # (not the one who speaks: "a local cleric told AFP", "a doctor at the hospital said")
    # ("detained at least a dozen of them", "a hundred more are held": a dozen, a hundred (a thousand) with no
    # people noun after them still count)
    # (nor a source: "according to an activist", "an activist network said")
    rf"(?<!according to )(?<!According to )(?P<art>\b(?:a|an|one)\b)(?=[ ]++(?:dozen|hundred|thousand)\b(?![ ]++(?:years?|times|metres|meters|kilomet)\b)|[ ]++(?:\d{{1,3}}-year-old[ ]++)?(?:(?!of\b)[A-Za-z'’]++\s++)?{_PERSON_NOUN}"
    r"(?![ ]++(?:network|group|channel|website|organi[sz]ation|association|union|council|committee)s?\b)"
    r"(?![ ]++(?:[\w'’-]++[ ]++){0,5}?(?:told|said|says|tells|added|confirmed)\b)))"
)
_NUM_RE = re.compile(_NUM_BODY, re.I)
# candidate positions come from a prefix index (see .lexmatch): the regex runs only there
_NUM_STARTS = KeyedPatterns([(0, _NUM_BODY)])
_SIZED_AFTER = re.compile(r" \w+-member\b")
# ("a four-member team was arrested": the team's members are the people the sentence counts)
# ("the Council's sixty-first session": an ordinal, not sixty)
_AFTER_BAD = re.compile(r"^(?:st|nd|rd|th)\b|^-(?:point|year-old|day|member(?! (?:team|cell|gang|group))|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|^\s*(?:%\s*)?(?:a\.m\.|p\.m\.|am\b|pm\b)|^[:/]\d", re.I)
_BEFORE_DATE = re.compile(rf"{_MONTHS}\s*$|\b(?:in|since|of|from|until|by|to|and|year|,)\s*$", re.I)
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d|13\d\d|14\d\d)$")
# numbers that name or identify rather than count: "Article 610", "Branch 15", "Ward 209"
_LABEL_WORDS = frozenset({"article", "articles", "art.", "clause", "clauses", "section", "sections", "branch", "note", "no.",
                          "ward", "block", "hall", "resolution", "chapter", "paragraph", "page", "pages", "p.", "pp.",
                          "unit", "item", "items",
                          # industrial sites by number ("South Pars phase 19", "phases 13 and 14", "platform 3")
                          "phase", "phases", "platform", "platforms", "gate", "hangar", "line"})
# ages: "Shirin Daneshvar, 37, ...", "Farhad Rostami (34)", "aged 19", "at the age of 15"
# ("a Basij member, 34, was injured", "the boy, 17,": a person named by a common noun)
# ("Mehdi K., 41, ...": a name with the surname cut to its initial)
_AGE_BEFORE = re.compile(r"(?:[A-Z][\w'’-]+(?:,[ ]|[ ]\()|\b[A-Z][a-z'’-]+ [A-Z]\.,[ ]|\baged[ ]|\bage of[ ]|\bwho (?:is|was)[ ]|"
                         r"\b(?:member|protester|demonstrator|man|woman|boy|girl|student|worker|teacher|activist|"
                         r"prisoner|detainee|officer|guard|driver|nurse|retiree|pensioner|farmer|porter|kolbar|"
                         r"mother|father|son|daughter|brother|sister|wife|husband|cousin)(?:,[ ]|[ ]\())$")
# an age told by "when": "arrested when they were 16 or 17", "when he was 15"
_WHEN_AGED_BEFORE = re.compile(r"\b(?:when|while) (?:they|he|she) (?:was|were) (?:\d{1,2} (?:or|and) )?\Z")
# a range of ages: "aged between 17 and 25", "aged from 15 to 20", "between the ages of 18 and 30"
_AGED_RANGE_BEFORE = re.compile(r"\b(?:aged|ages(?: of)?|between the ages of)\s+(?:(?:between|from)\s+)?(?:\d{1,3}\s+(?:and|to)\s+)?$", re.I)
# an age closing a sentence after a full name ("the head of the guild, Morad Rostami, 58.")
_NAME_AGE_END = re.compile(r"[A-Z][a-z'’-]+ [A-Z][\w'’-]+, $")
# ages in a list: "were 27, 25 and 33 years old" (the last number's "years old" makes them all ages)
_AGE_LIST_AFTER = re.compile(r"(?:[ ]*,[ ]*\d{1,3})*+,?[ ]+(?:and|or)[ ]+\d{1,3}[ ]+years?[ -]old\b", re.I)
# phone numbers: "+33 1 39 22 45 80", "00 33 1 ...", "the hotline on 110 or 197"
# ("(202) 747-7847": an area code in brackets; "+44 7700 900123": a subscriber group of six digits)
_PHONE_RUN = re.compile(r"(?:\+|\b00[ ]?)?(?:\(\d{1,4}\)[ ]?)?\d{1,4}(?:[ .-]\d{1,6}){1,}")
# (not past a clause the cue word opens: "an activist wrote on Telegram that 40 people were arrested"
# names the channel of a statement, whose number is a count)
_PHONE_CUE = re.compile(r"\b(?:hotline|helpline|phone|telephone|tel|fax|call|whatsapp|telegram|enquiries|inquiries)\b"
                        r"(?![^.\n]*\b(?:that|said|says|reported|reports|wrote|writes|posted)\b)[^.\n]{0,25}$", re.I)
# (found once per report with str.find in the lower-cased view; the regex runs only after a number
# that has one of them in the 30 characters before it)
_PHONE_CUE_WORDS = ("hotline", "helpline", "phone", "tel", "fax", "call", "whatsapp", "telegram", "enquiries", "inquiries")
# "up from 18 last year", "the death toll rose to 12": a comparison or a new total, not a day of the month
# ("bringing to 13 the number executed", "raising the toll to 9": a new total too)
_COMPARED_BEFORE = re.compile(r"\b(?:(?:up|down)\s+from|(?:rose|risen|rising|climbed|increased|jumped|fell|dropped)\s+to|"
                              r"(?:bringing|brings|brought|raising|raises|raised)(?:\s+the\s+[\w-]+)?\s+to)\s*$", re.I)
# "in 19 cities", "in 27 prisons": a small number before a place noun counts places, not a day
# ("rallies were held in 23 cities in 14 countries": countries too)
_PLACES_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:cities|towns|villages|provinces|counties|prisons|universities|countries)\b", re.I)
# "not even one in a thousand", "one in five": a ratio, not a count
_RATIO_AFTER = re.compile(rf"\s+in\s+(?:(?:a|an|every|each)\s+(?:hundred|thousand|million|{_WORD}|\d[\d,]*)\b|"
                          rf"(?:{_WORD}|\d{{1,3}})(?![\w,])(?!\s+[a-z]))", re.I)
# "two juvenile offenders who were under 18", "under 25": an age limit, unless people are counted
_UNDER_BEFORE = re.compile(r"\b(?:under|below|aged)\s+$", re.I)
# "is among those at imminent risk of execution": a threat, not an execution
_AT_RISK = re.compile(r"\b(?:(?:at|in)\s+(?:imminent\s+)?(?:risk|danger)\s+of\s+|fac(?:e|es|ing)\s+(?:imminent\s+)?)execution\b", re.I)
#: "a father of three", "a mother of two": the number of a person's children
# ("a family of four": the household's size)
_PARENT_OF = re.compile(r"\b(?:father|mother|parent|family)s?\s+of\s+$", re.I)
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent|per cent)", re.I)
# "three people were killed and 15 were injured": a day of the month is not followed by a verb
_VERB_AFTER = re.compile(r"\s+(?:were|was|had|have|has|are|remain|remained|died)\b")
_PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:them|whom|those|these|the|their|our|his|her|its)\b", re.I)
_PARTITIVE_NP = re.compile(r"\s+of\s+(?:them|whom|(?:those|these|the)(?:\s+[\w'’-]+){1,2})", re.I)
# "between 20 and 30 women": one quantity, the lower bound, with the range kept as its words
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)
#: a month's day and a range word right before a number ("between October 12 and 15", "May 3-5")
_MONTH_DAY_BEFORE = re.compile(rf"\b{_MONTHS}\s+[0-3]?\d(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*$")
_AND_NUMBER = re.compile(rf"\s+and\s+(?:{_DIGITS}|{_WORDNUM})\b", re.I)
_DIGIT_SCALE = re.compile(r"\s+(million|billion)\b", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# the words between two numbers of one list: "... prisoners and ", "... men, ", "... rifles, four handguns and ",
# "Arrests: 71 (of them 18 women)", "in at least 27 towns and cities, up from 18 last year"
#: one person named before "and N other people" ("his father and four other people", "a student and
#: two others"): the count is N + 1 (people only: "Tehran and 12 other cities" stays as written)
_ONE_PERSON_AND = re.compile(
    r"\b(?:father|mother|brother|sister|son|daughter|husband|wife|uncle|aunt|cousin|nephew|niece|man|woman|"
    r"student|activist|teacher|worker|lawyer|journalist|farmer|retiree|leader|organi[sz]er|driver)\s+and\s+$")
_OTHERS_AFTER = re.compile(r"\s+other(?:s\b|\s+(?:people|persons|men|women|protesters|mourners|students|activists|workers|relatives)\b)")
_COORDINATED = re.compile(r"[ \w'’-]*(?:,|\(|\band|\bor)\s*(?:(?:including|among them|of them|of whom|up from|down from)\s+)?")

# kind cues: head nouns right after the number win; otherwise the nearest verb in the clause
# (the head patterns take the spaces and the words before the noun whole, possessively: what
# follows each, a noun or "-" or " ", cannot begin with a space or a word character, so
# giving characters back never helps, and the engine need not try it). After each word they
# skip, a look-ahead tests the next letter against the first letters of the nouns: one test
# instead of entering each case-insensitive branch (tests check the letters)
_HEAD_KINDS = [
    (re.compile(r"^\s*+(?:percent|per cent|%)", re.I), "percent_change"),
    # weights, distances and money are not counts of people or actions ("50 kilograms", "1,240 billion rials")
    (re.compile(r"^\s*+(?:(?:million|billion|trillion)\s++)?(?=[bdegklmrt])(?:kilo(?:gram|metre|meter)s?|kg|grams?|tonnes?|tons|"
                r"litres?|liters?|km|metres?|meters?|miles?|rials?|tomans?|dollars?|euros?|billion|trillion)\b", re.I), "measure"),
    # a floor area ("a 75-square-meter apartment"; farmland left dry, "100,000 hectares", stays a figure as ho113 has it)
    (re.compile(r"^(?:\s*+|-)(?=[s])square[- ](?:met(?:er|re)s?|kilomet(?:er|re)s?|km)\b", re.I), "measure"),
    (re.compile(r"^\s*+(?:\w++[- ]){0,2}?(?=[v])video(?: messages?| clips?)?\b", re.I), "video_messages"),
    # ("22,000 people during the uprising": people counted, the uprising only dates them)
    (re.compile(r"^\s*+(?:(?!(?:people|persons|during|in|of|the|since|after|before|at)\b)\w++[- ]){0,3}?(?=[u])(?:uprisings?)\b",
                re.I), "uprisings"),
    (re.compile(r"^\s*+(?:\w++[- ]){0,3}?(?=[o])(?:operations?)\b", re.I), "operations"),
    (re.compile(r"^\s*+(?:\w++[- ]){0,1}?(?=[i])(?:indictments?)\b", re.I), "indicted"),
    (re.compile(r"^\s*+(?:\w++ ){0,1}?(?=[cpt])(?:cities|towns|provinces)\b", re.I), "cities"),
    # ("1,200 prisoners in 22 prisons went on hunger strike": prisons counted, not the strikers)
    (re.compile(r"^\s*+(?:\w++ ){0,1}?(?=[cpu])(?:prisons|universities|countries)\b", re.I), "other"),
    # ("raided seven homes ... and arrested nine Baha'is": the homes raided, not the people arrested)
    (re.compile(r"^\s*+(?:\w++ ){0,1}?(?=[hrfa])(?:homes|houses|residences|flats|apartments)\b", re.I), "other"),
    # "18 months", "a 13-year prison term"
    (re.compile(r"^(?:\s*+|-)(?:months?)\b", re.I), "months"),
    (re.compile(r"^(?:\s*+|-)(?:years?)\b", re.I), "years"),
    (re.compile(r"^\s*+(?:decades?|days?|nights?|weeks?|hours?|centuries|century)\b", re.I), "duration"),
    (re.compile(r"^\s*+(?:lashes)\b", re.I), "lashes"),
    # "hit by two missiles", "fired three rounds": weapons, not people (the verb nearby is no cue)
    (re.compile(r"^\s*+(?:\w++[- ]){0,1}?(?=[bcdgmrst])(?:missiles?|rockets?|bullets?|rounds|grenades?|drones?|bombs?|shells|"
                r"tear gas canisters?|canisters?)\b", re.I), "weapons"),
    (re.compile(r"^\s*+(?:\w++[- ]){0,2}?(?=[eps])(?:participants|experts|speakers)\b", re.I), "participants"),
    (re.compile(r"^\s*+(?:\w++ ){0,3}?(?=[dfkm])(?:death toll|deaths|dead|killed|fatalities|martyrs)\b", re.I), "killed"),
    # ("reported one death": the noun right after the number, not "sentenced to death")
    (re.compile(r"^\s*+(?:[\w-]++ )?death\b(?![ -](?:sentences?|penalty|row))", re.I), "killed"),
]
_VERB_KINDS = [
    (re.compile(r"\b(?:execut\w*|hang(?:ed|ing|ings)?|hung|gallows|massacred?|put to death)\b", re.I), "executed"),
    (re.compile(r"\b(?:beaten to death|stoned to death|shot dead)\b", re.I), "killed"),
    (re.compile(r"\b(?:sentenced to death|death sentences?|condemned to death|to death)\b", re.I), "sentenced_to_death"),
    # ("the PMOI put the toll at 1,500": a toll alone is of the dead)
    (re.compile(r"\b(?:killed|killing|shot dead|died|death toll|(?:the|a|its|their) toll|fallen|martyred|(?:sacrificed|given|gave|give|laid down) their lives|lost their lives|murdered)\b", re.I), "killed"),
    # (people shot and not told dead are hurt: "two kolbars were shot near Baneh"; "shot two kolbars
    # dead" is the killed's)
    (re.compile(r"\b(?:injur\w*|wounded|wounding|hurt|beaten|poisoned|shot(?! dead\b| and killed\b| to death\b)"
                r"(?!(?: [\w,'’-]+){1,4}? dead\b))\b", re.I), "injured"),
    (re.compile(r"\b(?:arrest\w*|detain\w*|detention|imprisoned|gone missing|taken into custody|abducted|summoned|"
                r"took away|taken away|rounded up|in custody|"
                # ("dismantled a five-member team": state media's word for the arrest of its members)
                r"dismantl(?:ed|ing))\b", re.I), "arrested"),
    (re.compile(r"\b(?:indict\w*|charged with|(?:been|were|was) charged|faces? charges|facing charges)\b", re.I), "indicted"),
    (re.compile(r"\b(?:torched|set fire|set on fire|burned|targeted|attacked)\b", re.I), "sites_attacked"),
    (re.compile(r"\b(?:participa\w*|involving|attended|gathered|rall(?:y|ied)|marched|joined|took part|turned out|solidarity|took to the streets|"
                r"on (?:a )?(?:hunger )?strike|protested|demonstrated|picketed|"
                # (the gathering they held: "dozens of students held a silent protest, according to a video")
                r"protests?|sit-ins?|vigils?|gatherings?|march(?:es)?)\b", re.I), "participants"),
    (re.compile(r"\b(?:video)\b", re.I), "video_messages"),
]
# (across a line break only into a line that goes on in lower case, as hard-wrapped text does: "January
# 10" ending a list line over the heading "Retirees protest in Ahvaz" is a day, not ten retirees)
_PERSON_AFTER = re.compile(rf"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*(?=(?-i:[a-z]))){_PERSON_NOUN}", re.I)
#: the sources a number counts ("two rights groups said", "three witnesses told Reuters")
_SOURCES_AFTER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,2}?(?:groups|organi[sz]ations|sources|witnesses|monitors|agencies|outlets|newspapers|"
    r"activists|officials|residents|diplomats|lawyers)(?:,[^,.;]{0,60},)?\s+(?:said|say|says|reported|report|told|confirmed|claimed)\b", re.I)
_PERSON_OF_AFTER = re.compile(rf"\s+(?:of )?{_PERSON_NOUN}", re.I)
# ("reported one death", "confirmed one execution": one act counted)
_ONE_AFTER = re.compile(r"\s+in\b|\s+(?:death|execution|killing)\b|\s+" + _PERSON_NOUN, re.I)
# ("July: 88\nAugust: 97": a table row's count before the next row's month is no day of that month)
_MONTH_AFTER = re.compile(r"[^\S\n]*" + _MONTHS)
# "۱۵ شهریور ۱۴۰۴", "15 Shahrivar": a day of a Solar Hijri month (the month names of lexicons/dates.toml)
_JALALI_AFTER = re.compile(r"[^\S\n]*(?:" + "|".join(sorted(map(re.escape, lexicon().jalali_months), key=len, reverse=True))
                           + r")(?![^\W\d_])", re.I)
_YEARS_AFTER = re.compile(r"(?:\s*|-)years?", re.I)
# "sentenced to 18 months": a small number after "to" is a term, not a day of the month
_TERM_AFTER = re.compile(r"(?:\s*|-)(?:months?|years?|lashes)\b", re.I)
_AND_MONTHS = re.compile(rf"\s*years?\s+and\s+(\d+|{_WORD})\s+months?", re.I)
# "sentenced to 54 and 27 years": two numbers sharing the unit after the second
_SHARED_TERM = re.compile(rf"\s+(?:and|or|to)\s+(\d+|{_WORD})(?=(?:\s*|-)(?:months?|years?)\b)", re.I)
_PAREN_AFTER = re.compile(r"\s*(?:months?|years?)?\s*\(")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_SPLIT = re.compile(r"[\s-]+")
_STOPS = re.compile(r"[.;:!?]")
# ("received ten years in prison": a term the court handed down, not time spent)
_SENTENCE_CUE = re.compile(r"\b(?:sentenc\w*|(?:prison|jail) terms?|received|handed)\b", re.I)
# a table row or tally line: "Executions: 26", "New death sentences: 3"; its label is the cue
_LABEL_ROW = re.compile(r"[ \t]*+[-•*]?[ \t]*+([A-Za-z][\w ’'-]{0,40}):[ \t]*+")
_SENTENCED_BEFORE = ("sentenced ", "condemned ", "Sentenced ", "Condemned ")
_TO_DEATH = re.compile(r"\bto death\b", re.I)
# where a clause ends: [.;:!?\n], ", and|while|but ", or "and" before "<word> were|was|in".
# Every branch begins with a literal character (the "a" of "and", then a look-behind for the
# word boundary before it, which is what \b means before a letter), so the search skips
# ahead to those characters instead of trying the pattern at every offset.
_CLAUSE_END = re.compile(r"\.|;|:|!|\?|\n|, (?:and|while|but) |a(?<!\wa)nd (?=\w+ (?:were|was|in)\b)")


def parse_number(text: str) -> int | float | None:
    t = text.strip().lower().replace(",", "")
    if not t:
        return None
    if _PLAIN_NUMBER.fullmatch(t):
        v = float(t)
        return int(v) if v.is_integer() else v
    if t.startswith("half a"):  # "half a million"
        rest = parse_number(t.removeprefix("half an").removeprefix("half a"))
        return rest // 2 if isinstance(rest, int) and rest >= 1000 else None
    total, current = 0, 0
    for w in _NUMBER_SPLIT.split(t):
        if w == "and":
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _SCALES:
            current = max(current, 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total += current
                current = 0
        else:
            return None
    return total + current


_QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least", "not less than": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "nearly": "about", "almost": "about", "about": "about", "around": "about", "approximately": "about",
    "roughly": "about", "some": "about", "an estimated": "about", "estimated": "about",
    "estimated at": "about",  # ("a crowd estimated at 5,000")
    "up to": "at_most", "as many as": "at_most", "at most": "at_most", "no more than": "at_most", "not more than": "at_most", "fewer than": "at_most", "less than": "at_most",
}


# each list as one alternation (named groups in priority order): one regex call instead of many
_HEAD_ONE = re.compile("|".join(f"(?P<h{i}>{p.pattern.lstrip('^')})" for i, (p, _) in enumerate(_HEAD_KINDS)), re.I)
_VERB_ONE = re.compile("|".join(f"(?P<v{i}>{p.pattern})" for i, (p, _) in enumerate(_VERB_KINDS)), re.I)


# the verb cues of a whole document found once (shared scan, see .lexmatch), then looked up
# around each number by bisection instead of a regex search per number
_VERB_KP = KeyedPatterns([(k, p.pattern) for k, (p, _) in enumerate(_VERB_KINDS)])


class _VerbHits:
    __slots__ = ("starts", "ends", "kinds")

    def __init__(self, view: str) -> None:
        hits = list(_VERB_KP.finditer(view))
        self.starts = [h[0] for h in hits]
        self.ends = [h[1] for h in hits]
        self.kinds = [_VERB_KINDS[h[2]][1] for h in hits]  # type: ignore[index]

    def first(self, lo: int, hi: int) -> str | None:
        k = bisect.bisect_left(self.starts, lo)
        if k < len(self.starts) and self.ends[k] <= hi:
            return self.kinds[k]
        return None

    def just_before(self, view: str, pos: int) -> str | None:
        """The kind of a verb that ends right before ``pos``, with only spaces between."""
        k = bisect.bisect_left(self.starts, pos) - 1
        if k >= 0 and self.ends[k] <= pos and pos - self.ends[k] <= 2 and view[self.ends[k] : pos].isspace():
            return self.kinds[k]
        return None

    def last(self, lo: int, hi: int) -> str | None:
        k = bisect.bisect_left(self.starts, lo)
        found = None
        while k < len(self.starts) and self.ends[k] <= hi:
            found = self.kinds[k]
            k += 1
        return found


_UNPAID_AFTER = re.compile(r"\s*(?:months?|years?)(?:['’]|\s+of)?\s+(?:unpaid\s+|overdue\s+|delayed\s+|back\s+)?"
                           r"(?:wages|salar(?:y|ies)|pay|overtime|pensions?|bonuses)\b", re.I)
_UNPAID_BEFORE = re.compile(r"\b(?:not|never)\s+(?:been\s+)?(?:paid|received\s+(?:their|his|her|any)\s+(?:wages|salar(?:y|ies)|pay))"
                            r"\s+(?:for|in)\s+(?:the\s+(?:past|last)\s+)?(?:over\s+|more\s+than\s+)?$", re.I)


_TIME_DISTANCE_AFTER = re.compile(r"\s+(?:after|since|before|ago|later|earlier|on\s+from)\b", re.I)
_LATE_AFTER = re.compile(r"\s*months?\s+(?:late|overdue|behind|in\s+arrears)\b", re.I)
_PAY_BEFORE = re.compile(r"\b(?:wages|salar(?:y|ies)|pay|pensions?)\b[^.;]{0,50}$", re.I)


def _kind(view: str, start: int, end: int, sent_start: int, sent_end: int, verbs: _VerbHits | None = None) -> str:
    hm = _HEAD_ONE.match(view, end, min(sent_end, end + 60))
    if hm is not None:
        kind = _HEAD_KINDS[int(hm.lastgroup[1:])][1]  # type: ignore[index]
        if kind in ("months", "years"):
            # ("four months of unpaid wages", "have not been paid for five months"): the arrears a
            # labour protest counts, a figure of its own, not a duration of the narrative
            if _UNPAID_AFTER.match(view, end) or _UNPAID_BEFORE.search(view, max(sent_start, start - 60), start):
                return "other"
            if _LATE_AFTER.match(view, end) and _PAY_BEFORE.search(view, max(sent_start, start - 60), start):
                return "other"  # ("wages that are, at some sites, four months late"): arrears too
            if _TIME_DISTANCE_AFTER.match(view, hm.end()):
                return "duration"  # ("four years after the November 2019 uprising"): a span of time, no term
            return "sentenced_months" if _SENTENCE_CUE.search(view, sent_start, sent_end) else "duration"
        return kind  # ("lashes", "weapons": told apart from a number with no cue, then stored as "other")
    # nearest kind cue in the same clause, after the number first, then before it
    cut = _CLAUSE_END.search(view, end, sent_end)
    if verbs is not None:
        label = None
        if ":" in view[start - 2 : start]:
            line = view.rfind("\n", max(0, start - 50), start) + 1
            label = _LABEL_ROW.fullmatch(view, line, start) if line or start <= 50 else None
        if label is not None:  # "Arrests: 71": the row's label says what is counted
            got = verbs.first(label.start(1), label.end(1))
            if got is not None:
                return got
        # "sentenced three protesters to death": the number between the verb and "to death"
        if view.endswith(_SENTENCED_BEFORE, sent_start, start) and _TO_DEATH.search(view, end, cut.start() if cut else sent_end):
            return "sentenced_to_death"
        # a verb right before the number takes it as its object ("shot dead nine kolbars and wounded 17")
        got = verbs.just_before(view, start)
        if got is not None:
            return got
        # ("19 of the detainees": the set the number is taken from, not what happened to them)
        partitive = _PARTITIVE_NP.match(view, end, cut.start() if cut else sent_end) if view.startswith(" of ", end) else None
        got = verbs.first(partitive.end() if partitive else end, cut.start() if cut else sent_end)
        if got is not None:
            return got
        lo = max(sent_start, start - 80)
        stops = [s.end() for s in _STOPS.finditer(view, lo, start)]
        return verbs.last(stops[-1] if stops else lo, start) or "other"
    m = _VERB_ONE.search(view, end, cut.start() if cut else sent_end)
    if m is not None:
        return _VERB_KINDS[int(m.lastgroup[1:])][1]  # type: ignore[index]
    lo = max(sent_start, start - 80)
    stops = [s.end() for s in _STOPS.finditer(view, lo, start)]
    last = None
    for last in _VERB_ONE.finditer(view, stops[-1] if stops else lo, start):
        pass
    return _VERB_KINDS[int(last.lastgroup[1:])][1] if last is not None else "other"  # type: ignore[index]


def find_quantities(doc: Doc) -> list[Quantity]:
    view = doc.view or doc.text
    out: list[Quantity] = []
    sentences = doc.sentences
    skip_until = -1
    sidx = sentence_index(doc) if sentences else None
    verbs: _VerbHits | None = None
    phone_cues = _phone_cue_offsets(lowered(view))
    for m, _ in _NUM_STARTS.matches(view):
        s = m.start()
        if s < skip_until or (s > 0 and view[s - 1] in ".,:/"):  # "3.5", "1,000", "14:05", "A/HRC/61/68"
            continue
        start, end = s, m.end()
        qual, dig, word, vague, art = m.group("qual", "dig", "word", "vague", "art")  # one call for all five
        qual_word = (qual or "").lower() or None
        num_text = dig or word or art
        after = view[end : end + 12]
        if _AFTER_BAD.match(after):  # every branch starts with "^": a search could only match at 0
            continue
        if art and _SIZED_AFTER.match(view, end):
            continue  # "a four-member team": the article of the team, whose size is the number
        if num_text is not None:
            num_start = m.start("dig") if dig else m.start("word") if word else m.start("art")
            plain = num_text.replace(",", "")
            if dig and _not_a_count(view, phone_cues, num_start, end, qual_word):
                continue
            if dig and end - num_start <= 3 and view.startswith((". ", ") "), end) and not qual_word \
                    and not view[view.rfind("\n", 0, num_start) + 1 : num_start].strip():
                continue  # "1. Tehran – posters ...": the number of a numbered line
            if dig and end - num_start <= 3 and view.startswith((",", " and ", " or "), end) \
                    and _AGE_LIST_AFTER.match(view, end, end + 60):
                continue
            if dig:
                if "," not in num_text and _YEAR.match(plain) and (view.startswith("\n", end) or view.startswith(" \n", end)
                                                                   or not _PERSON_AFTER.match(view, end, end + 40)):  # "2,000" is no year
                    continue  # (a year ending its line, "December 17, 2023" over "Retirees rally ...", is a year)
                if not qual_word and _BEFORE_DATE.search(view[max(0, num_start - 12) : num_start]) and int(float(plain)) <= 31 \
                        and not _PERSON_AFTER.match(view, end, end + 40) \
                        and not _TERM_AFTER.match(view, end, end + 10) \
                        and not _SHARED_TERM.match(view, end, end + 30) \
                        and not _PARTITIVE_AFTER.match(view, end, end + 12) \
                        and not _VERB_AFTER.match(view, end, end + 10) \
                        and not _PERCENT_AFTER.match(view, end, end + 10) \
                        and not _PLACES_AFTER.match(view, end, end + 40) \
                        and not _COMPARED_BEFORE.search(view, max(0, num_start - 30), num_start) \
                        and not _after_counted_noun(view, out, num_start):  # "In Ahvaz, 7 workers" is a count
                    continue
                if _MONTH_AFTER.match(view, end, end + 12) or _JALALI_AFTER.match(view, end, end + 14):  # "15 August"
                    continue
                if not qual_word and end - num_start <= 2 and int(plain) <= 31 \
                        and view[num_start - 5 : num_start].endswith(("and ", "to ", "-", "–")) \
                        and _MONTH_DAY_BEFORE.search(view, max(0, num_start - 24), num_start):
                    continue  # "between October 12 and 15": the range's second day
            value = parse_number(num_text)
            if value is None:
                continue
            if view.startswith(" ", end) and _SOURCES_AFTER.match(view, end, end + 90):
                continue  # "two rights groups said": how many sources speak, not a count they give
            if view.startswith(" in ", end) and _RATIO_AFTER.match(view, end, end + 24):
                continue
            if view.endswith(" of ", 0, num_start) and _PARENT_OF.search(view, max(0, num_start - 24), num_start):
                continue  # "a father of three": his children, not a count
            if dig and value <= 100 and view.endswith(("r ", "w ", "d "), 0, num_start) \
                    and _UNDER_BEFORE.search(view, max(0, num_start - 8), num_start) \
                    and not _PERSON_AFTER.match(view, end, end + 40):
                continue
            if not dig and view.startswith(" dozen", end) and not view.startswith("s", end + 6):
                # "a dozen young people" (the article admits one word before its people noun), "two dozen"
                value = 6 if art and view.endswith(("half ", "Half "), 0, num_start) else value * 12
                end += 6
            elif art and view.startswith(" hundred", end):
                value, end = 100, end + 8  # "a hundred more are held"
            elif art and view.startswith(" thousand", end) and not view.startswith("s", end + 9):
                value, end = 1000, end + 9  # "more than a thousand locations"
            count_text = None
            if dig:
                scale = _DIGIT_SCALE.match(view, end, end + 10) if view.startswith((" m", " b", " M", " B"), end) else None  # "3.2 million"
                if scale:
                    value = int(float(plain) * (1_000_000 if scale.group(1).lower() == "million" else 1_000_000_000))
                    end = scale.end()
            if not qual_word:
                upper = _AND_NUMBER.match(view, end, end + 40) if view.startswith(" and ", end) else None
                between = _BETWEEN_BEFORE.search(view, max(0, num_start - 12), num_start) if upper else None
                if between:
                    qual_word = "at least"  # (the codebook has no range qualifier: the lower bound, at least)
                    end = skip_until = upper.end()
                    count_text = view[between.start() : end]
            if word and num_text.lower() in ("one",) and not _ONE_AFTER.match(view, end, end + 40) \
                    and not _TERM_AFTER.match(view, end, end + 10):  # "one year in prison" is a term
                continue
            if qual_word == "some" and not dig:
                qual_word = None
            qualifier = _QUALIFIERS.get(qual_word or "", "exact")
        else:
            if vague.lower() in ("a few", "several", "many") and qual_word is None:
                # too vague to count unless a people noun follows ("several prisoners")
                if not _PERSON_OF_AFTER.match(view, end, end + 40):
                    continue
            value = None
            qualifier = None
            count_text = view[start:end]
        if sidx is not None:
            s0, s1 = sidx.bounds(start, 200, len(view))
        else:
            s0, s1 = max(0, start - 200), min(len(view), end + 200)
        if verbs is None:
            verbs = _VerbHits(view)
        shared = _SHARED_TERM.match(view, end, min(s1, end + 30))
        unit_at = shared.end(1) if shared else end
        kind = _kind(view, start, unit_at, s0, s1, verbs)
        if kind == "sentenced_months" and isinstance(value, (int, float)) and _YEARS_AFTER.match(view, unit_at, unit_at + 8):
            value = int(value * 12)
            more = _AND_MONTHS.match(view, end)  # "six years and three months"
            if more:
                extra = parse_number(more.group(1))
                if isinstance(extra, int):
                    value += extra
                    end = more.end()
                    skip_until = end
        if kind == "executed" and view.find("execution", s0, s1) >= 0 and _AT_RISK.search(view, s0, s1) \
                and not _VERB_KINDS[0][0].search(_AT_RISK.sub(" ", view[s0:s1])):
            kind = "other"  # (the people at risk are counted, not executions)
        if kind == "measure":
            continue  # "50 kilograms", "1,240 billion rials": no count of people or actions
        if kind == "cities" and word and _THE_BEFORE.search(view, max(0, start - 4), start):
            continue  # "in the two towns": the towns just named, not a count of them
        if kind == "other" and (art and value == 1 or (word or "").lower() == "one"):  # ("a hundred more": 100)
            continue  # "a member of ...": an article, not a number about people or actions
        if kind == "other" and out and out[-1].count.kind not in ("other", "percent_change") and start - out[-1].span.end <= 40 \
                and start >= s0 and _COORDINATED.fullmatch(view, out[-1].span.end, start):
            kind = out[-1].count.kind  # "23 Kurdish prisoners and three women": the same kind of count
        if kind in ("lashes", "weapons"):
            kind = "other"
        if isinstance(value, int) and view.startswith(" other", end) and _OTHERS_AFTER.match(view, end, end + 30) \
                and _ONE_PERSON_AND.search(view, max(0, start - 40), start):
            value += 1  # "arrested Hamed's father and four other people": five people
        out.append(Quantity(Span(start, end), Count(kind, value, qualifier, count_text)))
    if "th " in view or "st " in view or "nd " in view or "rd " in view:
        ordinal = _ordinal_tallies(view)
        if ordinal:
            out = sorted(out + ordinal, key=lambda q: q.span.start)
    if " of " in view and ("detained" in view or "arrested" in view):
        kin = [Quantity(Span(m.start("who"), m.end("who")), Count("arrested", 1, "exact", m.group("who")))
               for m in _KIN_ARRESTED.finditer(view)
               if not any(q.span.start <= m.start("who") < q.span.end for q in out)]
        if kin:
            out = sorted(out + kin, key=lambda q: q.span.start)
    return _drop_restatements(out, view)


#: one relative taken, named by whose kin they are ("detained the mother of one victim", "arrested
#: the father of a young man killed in 2022"): one person arrested (the number after "of" counts the
#: dead, not the detained)
# (the word boundary checked behind the verb, not before it: a \b in front makes the engine try the
# pattern at every character of the report)
_KIN_ARRESTED = re.compile(r"(?:detained|arrested)(?<!\wdetained)(?<!\warrested)\s+(?:the|a)\s+(?P<who>(?:mother|father|brother|sister|son|daughter|wife|husband))"
                           r"\s+of\b")


#: a running count told as an ordinal ("Karimi is the 14th person executed in connection with the
#: protests", "She is at least the 40th lawyer to be detained"): that many so far
_ORDINAL_TALLY = re.compile(
    r"\b(?P<q>at\s+least\s+)?the\s+(?P<n>\d{1,4})(?:st|nd|rd|th)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:person|people|prisoner|protester|man|woman|lawyer|journalist|activist|student|teacher|kolbar|porter|inmate|"
    r"detainee|dissident|demonstrator|child|minor)s?\s+(?:to\s+(?:be|have\s+been)\s+)?"
    r"(?P<verb>executed|hanged|put\s+to\s+death|killed|shot\s+dead|detained|arrested|sentenced\s+to\s+death)\b", re.I)
_ORDINAL_KINDS = {"executed": "executed", "hanged": "executed", "put to death": "executed", "killed": "killed",
                  "shot dead": "killed", "detained": "arrested", "arrested": "arrested", "sentenced to death": "sentenced_to_death"}


#: a necessary part of every _ORDINAL_TALLY match, searched for first in the lower-cased view (the
#: pattern itself, case-blind and led by an optional group, is tried at every word start: about
#: 140 µs a report, where this test costs a third of that and most reports have no ordinal)
_ORDINAL_HINT = re.compile(r"\d(?:st|nd|rd|th)\s")


def _ordinal_tallies(view: str) -> list[Quantity]:
    out: list[Quantity] = []
    if not _ORDINAL_HINT.search(lowered(view)):
        return out
    for m in _ORDINAL_TALLY.finditer(view):
        verb = " ".join(m.group("verb").lower().split())
        qualifier = "at_least" if m.group("q") else "exact"
        out.append(Quantity(Span(m.start("n"), m.end("verb")), Count(_ORDINAL_KINDS[verb], int(m.group("n")), qualifier, m.group(0))))
    return out


def _phone_cue_offsets(low: str) -> list[int]:
    """Where the phone cue words occur in the lower-cased view (a few str.find calls per report)."""
    out: list[int] = []
    for w in _PHONE_CUE_WORDS:
        i = low.find(w)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)
    out.sort()
    return out


_WORD3 = re.compile(r"[A-Za-z]{3}")


def _after_counted_noun(view: str, out: list[Quantity], num_start: int) -> bool:
    """"recorded 164 executions, 412 arrests, 9 death sentences and 27 labour protests": a small
    number after ", " or "and" that follows a counted noun of one list is a count, not a day."""
    if not out or num_start - out[-1].span.end > 60 or out[-1].count.value is None:
        return False
    return bool(_COORDINATED.fullmatch(view, out[-1].span.end, num_start)) and \
        _WORD3.search(view, out[-1].span.end, num_start) is not None


def _not_a_count(view: str, cues: list[int], start: int, end: int, qual_word: str | None) -> bool:
    """Digits that label, give an age or dial a phone ("Article 610", "Shirin Daneshvar, 37,",
    "aged 19", "+33 1 39 22 45 80", "the hotline on 110"). ``cues``: offsets of phone cue words.
    (Called for every number in digits: the literal tests come first, the regexes after them.)"""
    prev = view[start - 1 : start]
    if prev == " ":
        lo = max(0, start - 13)
        w = view.rfind(" ", lo, start - 1)
        if view[w + 1 if w >= 0 else lo : start - 1].lower() in _LABEL_WORDS:
            return True
    if end - start <= 3 and view[end : end + 1] in (",", ")") and not qual_word and _AGE_BEFORE.search(
            view, max(0, start - 30), start):
        return True
    if end - start <= 2 and _WHEN_AGED_BEFORE.search(view, max(0, start - 30), start):
        return True  # "juvenile offenders, arrested when they were 16 or 17": ages
    if end - start <= 3 and _AGED_RANGE_BEFORE.search(view, max(0, start - 30), start):
        return True  # "Most of the detainees were aged between 17 and 25": ages, both ends of the range
    if end - start <= 2 and view[end : end + 1] == "." and not qual_word and _NAME_AGE_END.search(
            view, max(0, start - 40), start):
        return True  # "..., among them the head of the guild, Morad Rostami, 58.": an age ends the sentence
    # (a phone run has a digit group right before or after the number, or a "+")
    # ("1-800-555-0192": a group after a dash, or the digits after a leading zero)
    if prev == "+" or prev.isdigit() or (prev in (" ", "-") and view[start - 2 : start - 1].isdigit()) or (
            view[end : end + 1] in (" ", "-", ".") and view[end + 1 : end + 2].isdigit()) or (
            prev == "(" and view[end : end + 2] == ") " and view[end + 2 : end + 3].isdigit()) or (
            prev == " " and view[start - 2 : start - 1] == ")"):
        for m in _PHONE_RUN.finditer(view, max(0, start - 20), min(len(view), end + 20)):
            run = m.group()
            if m.start() <= start and end <= m.end() and run.count(" ") + run.count("-") + run.count(".") + run.count(")") >= 2:
                return True
    if not cues:
        return False
    k = bisect.bisect_left(cues, start - 30)
    return k < len(cues) and cues[k] < start and _PHONE_CUE.search(view, max(0, start - 30), start) is not None


def _drop_restatements(qs: list[Quantity], view: str) -> list[Quantity]:
    """'75 months (6 years and 3 months)': the parenthesised restatement is not a second number."""
    out: list[Quantity] = []
    paren_until = -1
    for q in qs:
        if q.span.start < paren_until:
            continue
        out.append(q)
        rest = view[q.span.end : q.span.end + 30]
        m = _PAREN_AFTER.match(rest)
        if m and q.count.kind in ("sentenced_months", "duration"):
            close = view.find(")", q.span.end, q.span.end + 60)
            paren_until = close if close != -1 else -1
    return out
