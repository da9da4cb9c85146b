"""Deaths a sentence tells in passing, about the people its act concerns, not as its news.

"the families of three prisoners executed in Qezelhesar last month went to the cemetery on
Friday" (a reduced relative clause after the kin or the graves of the dead); "a banner of Qassem
Soleimani, the commander of the Quds Force killed a year ago, in Shahin Shahr" (an apposition
after a name). The killing's place and day are not those of the act, and the killing is no
event of the sentence. Shared by the places, dates and triggers stages.
"""

from __future__ import annotations

import re

__all__ = ["KIN_OF_DEAD", "DEATH_PARTICIPLES", "DEATH_IN_APPOSITION_RE", "death_in_apposition", "dates_a_death_in_apposition",
           "cause_of_death_in_relative", "place_of_death_in_relative"]

#: the kin or the graves of people killed, the killing told in a reduced relative clause ("the
#: families of three prisoners executed", "the graves of protesters who were shot"): where and when
#: the killing was is not where and when the kin act
KIN_OF_DEAD = (
    r"\b(?:(?:famil(?:y|ies)|relatives|mothers?|fathers?|parents|widows?|graves?|memory|funerals?|burials?|"
    # (or their pictures an act shows: "projected the images of the prisoners executed in March")
    r"images|pictures|portraits|photos|photographs|posters|names)\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?(?:prisoners?|protesters?|people|(?:wo)?m[ae]n|boys?|girls?|child(?:ren)?|teenagers?|youths?|"
    r"sons?|daughters?|victims?|activists?|workers?|students?|porters?|kolbars?|demonstrators?)\s+(?:who\s+(?:were|was)\s+)?"
    # ("mothers whose children were killed in the uprising")
    r"|(?:famil(?:y|ies)|relatives|mothers?|fathers?|parents|widows?|wives|(?:wo)?m[ae]n|people)\s+whose\s+(?:[\w'’-]+\s+)?"
    r"(?:child(?:ren)?|sons?|daughters?|husbands?|wives|brothers?|sisters?|relatives|loved\s+ones|family\s+members)\s+"
    r"(?:were|was|had\s+been|have\s+been)\s+)"
    r"(?:executed|killed|hanged|shot(?:\s+dead)?|slain|murdered)"
)

#: the participles that tell a death in such an apposition
DEATH_PARTICIPLES = frozenset({"killed", "executed", "assassinated", "slain", "murdered", "hanged", "shot dead"})
#: a name (and an age), then an apposition or a relative clause that tells the person's death:
#: "Qassem Soleimani, the commander of the IRGC's Quds Force killed", "Arash Molaei, 23, a young
#: man shot dead", "Mehdi Zare, 21, who was killed" (matched up to the participle, which ends the
#: text searched)
DEATH_IN_APPOSITION_RE = re.compile(
    r"[A-Z][\w'’-]+,\s+(?:\d{1,2},\s+)?"
    r"(?:(?:the|a|an)\s+(?:(?!(?:was|were|had|has|have|who|and|but)\b)[^,;.!?\n]){1,80}?\s"
    r"|who\s+(?:was|were|had\s+been|has\s+been)\s+(?:[a-z]+ly\s+)?)"
    rf"(?:{'|'.join(sorted(DEATH_PARTICIPLES))})$")


def death_in_apposition(view: str, start: int, end: int) -> bool:
    """The participle at ``start:end`` tells, in an apposition closed by a comma, the death of
    the person named before it ("X, the commander ... killed a year ago, in ...")."""
    lo = max(0, start - 100)
    if view[start:end].lower() not in DEATH_PARTICIPLES or ", " not in view[lo:start]:
        return False
    closed_by_comma = view.find(",", end, end + 60) >= 0
    if not closed_by_comma and not _ENDS_SENTENCE.match(view, end):
        return False
    m = DEATH_IN_APPOSITION_RE.search(view, lo, end)
    if m is None or _OPENING_PHRASE.match(view, max(0, m.start() - 4), m.end()):
        return False
    if not closed_by_comma and not _INDEFINITE_APPOSITION.match(view, m.start()):
        # (an apposition that closes its sentence names a person with "a"/"an" after a name: "X,
        # a protester from Bukan executed in Urmia"; "On Sunday, the regime hanged a prisoner" is news)
        return False
    if "who" in view[m.start() : start]:
        # a relative clause that places and dates the death tells it as an event of its own ("Hiwa
        # Ahmadi, 24, who was shot dead by border guards near the town on Wednesday, February 25");
        # one that does not ("Mehdi Zare, 21, who was killed on November 16, ...") says who the
        # person was
        rest = view[end : view.find(",", end, end + 60)]
        return not (_DATED.search(rest) and _PLACED.search(rest))
    return True


#: (or the apposition closes the sentence: "..., sister of X, a protester from Bukan executed in
#: Urmia in September.")
_ENDS_SENTENCE = re.compile(r"[^,;.!?\n]{0,60}[.;!?](?:\s|$)")


#: a name (not a day or a month) and "a"/"an": "Navid Sobhani, a protester ..."
_INDEFINITE_APPOSITION = re.compile(r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|June|"
                                    r"July|August|September|October|November|December)\b)[A-Z][\w'’-]+,\s+(?:\d{1,2},\s+)?an?\s")
#: a sentence's opening phrase before its subject, no name in apposition: "On Sunday, the regime
#: hanged X, 28, in ...", "On Tuesday, 21 Bahman, the regime executed ...", "In Ahvaz, the regime
#: executed X, ..." (the participle is the main verb; the few characters before it may hold the
#: paragraph break: "...\n\nOn Wednesday, the regime hanged ...")
_OPENING_PHRASE = re.compile(r"(?s:.{0,4}?)(?<![\w'’-])(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
                             r"July|August|September|October|November|December|Farvardin|Ordibehesht|Khordad|Tir|Mordad|"
                             r"Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand),"
                             # (or a source's name before the clause: "According to HRANA, the regime executed ...")
                             r"|(?s:.{0,4}?)(?<![\w'’-])[A-Z][\w'’-]+,\s+(?:the|a|an)\s+(?:regime|authorities|judiciary|"
                             r"security\s+forces|police|guards|agents|officers|forces)\s")


_PLACED = re.compile(r"\b(?:near|at|outside|in)\s+(?!(?:the\s+)?(?:\d|January|February|March|April|May|June|July|August|"
                     r"September|October|November|December|the\s+(?:morning|afternoon|evening|night)))")
_DATED = re.compile(r"\d|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)\b")


_BEFORE_DATE = re.compile(r"\s+(?:(?:on|in)\s+)?$")


def dates_a_death_in_apposition(view: str, start: int) -> bool:
    """The date at ``start`` follows the participle of such an apposition ("X, the commander ...
    killed a year ago, in ..."): the day of that death."""
    lo = max(0, start - 120)
    gap = _BEFORE_DATE.search(view, max(lo, start - 6), start)
    if gap is None or ", " not in view[lo:start]:
        return False
    return DEATH_IN_APPOSITION_RE.search(view, lo, gap.start()) is not None


#: a person named, then a relative clause that tells how the person died, up to the cause's
#: participle: "The funeral of Ali Sawari, a 23-year-old man from Susangerd who died on Thursday
#: after being beaten in the custody of the police in Ahvaz, turned into a protest"
_DIED_CLAUSE = r"[A-Z][\w'’-]+,\s+(?:[^,;.!?\n]{0,80}?\s)?who\s+(?:had\s+)?died\b"
_DIED_AFTER_RE = re.compile(
    _DIED_CLAUSE + r"[^,;.!?\n]{0,60}?\b(?:after|from|following|of)\s+"
    r"(?:being\s+|having\s+been\s+|injuries\s+sustained\s+when\s+(?:he|she)\s+was\s+)?(?:[a-z]+ly\s+)?$")


def cause_of_death_in_relative(view: str, start: int) -> bool:
    """The act at ``start`` is the cause of a death told in a relative clause about a person the
    sentence names ("X, ..., who died on Thursday after being beaten in custody in Ahvaz"): who the
    person was, told in passing, not the sentence's news."""
    lo = max(0, start - 160)
    if "died" not in view[lo:start]:
        return False
    return _DIED_AFTER_RE.search(view, lo, start) is not None


#: ... and the place of that death, inside the same clause ("... who died on Thursday after being
#: beaten in the custody of the police in Ahvaz"): where the person died, not where the act is
_DIED_IN_RE = re.compile(_DIED_CLAUSE + r"[^,;.!?\n]{0,100}?\s(?:in|at|near)\s+(?:the\s+)?$")


def place_of_death_in_relative(view: str, start: int) -> bool:
    """The place at ``start`` is inside a relative clause that tells how a named person died."""
    lo = max(0, start - 220)
    if "died" not in view[lo:start]:
        return False
    m = _DIED_IN_RE.search(view, lo, start)
    # ("alarmed by the death in custody of X, a 32-year-old man who died on 24 April in a detention
    # centre in Mahabad": the death the sentence is about is the news, and its place is the event's)
    return m is not None and _DEATH_OF_BEFORE_RE.search(view, max(0, m.start() - 90), m.start()) is None


_DEATH_OF_BEFORE_RE = re.compile(r"\b(?:the|a|his|her) death (?:in (?:custody|detention) )?of (?:[A-Z][\w'’-]+ ){0,3}$")
