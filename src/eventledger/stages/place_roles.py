"""The role of each place a report names: where something happened, or not.

Used by :mod:`.places` once names are resolved and finer places folded. Each mention gets a
role: ``event`` unless the words around it say the place is an origin ("a prisoner from X"),
a possessive of the state ("Tehran's regime"), a route ("the road to X", "a city between X
and Y"), a qualifier, or part of an organisation's name ("Tehran Times") -> ``other``. The
country is an ``event`` place only where the text says something happened in it ("in Iran",
"across Iran", "throughout Iran"); "Iran's regime" is ``possessive`` and any other use
``other``.

Not where it happened either (role ``other``/``possessive``): an official's seat ("Tabriz's
governor", "the prosecutor of Marand" unless the sentence says "in the city"), a cause ("in
solidarity with Khash"), a slogan in quotes, the hospital people were taken to, a capital
standing for its government ("a harder line on Tehran"). A province is an event place only
when the report names none of its towns as one, or lists it among towns.

The rules are cue words, not a model: the cue lists are at the top of this module so that a
reviewer can see and change them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .told_in_passing import KIN_OF_DEAD, death_in_apposition, place_of_death_in_relative

if TYPE_CHECKING:
    from .places import PlaceItem

__all__ = ["LIST_GAP_RE", "ORIGIN_BEFORE_RE", "assign_roles", "is_kin_death_place", "may_be_origin"]

#: "<town>'s <...> regime/rule/...": the state, not the town ("Tehran's theocratic rule"); other
#: possessives stay event places ("Shiraz's old bazaar", "Mashhad's Vakilabad Prison")
_CITY_STATE_RE = re.compile(
    r"^['\u2019]s\s+(?:[\w-]+\s+){0,2}?(?:regime|rulers?|rule|government|mullahs|clerics|clerical|"
    r"dictatorship|theocracy|theocratic|diplomacy|foreign|nuclear|ambassadors?|envoys?|polic(?:y|ies)|"
    r"proxies|interference|missiles?|negotiators?|delegation|leaders?|leadership)\b",
    re.I,
)
ORIGIN_BEFORE_RE = re.compile(
    r"(?:\b(?:prisoners?|inmates?|activists?|citizens?|residents?|natives?|man|woman|men|women|youths?|"
    r"students?|teachers?|workers?|protesters?|people|family|families|dissidents?|journalists?|lawyers?|"
    r"farmers?|retirees|nurses?|doctors?|truckers?|drivers?|labou?rers?|athletes?|wrestlers?|boxers?|"
    r"kolbars?|sukhtbars?|porters?|shepherds?|fisherm[ae]n|conscripts?|"
    # other trades a person is named by ("a fisherman from Minab", "a shopkeeper from Saqqez")
    r"shopkeepers?|merchants?|vendors?|bakers?|employees?|engineers?|writers?|poets?|bloggers?|"
    # a person named by his people ("a Baluch from Iranshahr", "a Kurd from Bukan")
    r"baluch(?:i|es)?|kurds?|arabs?|lurs?|turkmens?|"
    r"rappers?|singers?|artists?|clerics?|mothers?|fathers?|sons?|daughters?|brothers?|sisters?|"
    r"girls?|boys?|child|children|[a-z]+-year-old|\d{1,3}-year-old|one|two|three|four|five|six|seven|eight|nine|ten|"
    # "two prisoners, both from Bukan": the people named before the comma
    r"both|all|each|"
    # ("a Kurdish kolbar (cross-border porter) from Piranshahr": a gloss in brackets before "from")
    r"\d+)\s+(?:\w+\s+){0,2}?(?:\([^()]{1,40}\)\s+)?from\s+(?:the\s+(?:city|town|village)\s+of\s+)?$)"
    r"|(?:\bborn\s+in\s+(?:the\s+(?:city|town|village)\s+of\s+)?$)|(?:\bnatives?\s+of\s+$)"
    r"|(?:\bhails?\s+from\s+$)|(?:\bhailing\s+from\s+$)|(?:\boriginally\s+from\s+$)"
    # where something is denied to have come from ("the images did not come from Paris, Berlin or Washington")
    r"|(?:\b(?:did|does|do)\s+not\s+come\s+from\s+$)"
    # where people came from to the act's place ("farmers, many of whom travelled overnight in
    # pickup trucks from Varzaneh and other towns, chanted ..."): not where it happened
    r"|(?:\b(?:travell?ed|drove)\s+(?:[\w-]+\s+){0,7}?from\s+(?:the\s+(?:city|town|village)\s+of\s+)?$)"
    # where a source spoke from ("his brother told the AP by phone from Erbil"): no act's place
    r"|(?:\b(?:by\s+(?:tele)?phone|by\s+video\s+link|in\s+a\s+(?:tele)?phone\s+(?:call|interview))\s+from\s+$)"
    # (an act told "in his home town of Izeh" happens there: only the bare home town is an origin)
    r"|(?:(?<!\bin his )(?<!\bin her )(?<!\bin their )\bhome\s*town\s+(?:of\s+|is\s+|was\s+)?$)"
    # a person's origin told in a relative clause: "Zahra Safaei, who is from Qom"
    r"|(?:\b(?:who|he|she|they)\s+(?:is|are|was|were)\s+(?:originally\s+)?from\s+$)"
    # ... with the place's kind between ("Mahsa Amini, who was from the Kurdish town of Saqqez")
    r"|(?:\b(?:who|he|she|they)\s+(?:is|are|was|were)\s+(?:originally\s+)?from\s+the\s+(?:[A-Za-z-]+\s+){0,2}?(?:city|town|village)\s+of\s+$)",
    re.I,
)
#: "Reza Karimi, 34, from Sanandaj, was executed": a person's name (two or three capitalised
#: words), an optional age, then "from" in an apposition; the place is an origin when the
#: apposition closes after it (a comma), which keeps "the Resistance Units, from Tehran to
#: Zahedan, ..." a route. Case-sensitive, unlike ORIGIN_BEFORE_RE
#: (a surname may be cut to its initial, as reports do to shield a family: "Mehdi K., 41, from ...")
#: (two people with their two ages: "Kamal and Jalal Sharafi, 30 and 28, from ...")
_NAME_FROM_BEFORE_RE = re.compile(r"\b[A-Z][a-z'’]+(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.)){1,2},\s+(?:(?:aged\s+)?\d{1,3}(?:\s+and\s+\d{1,3})?,\s+)?from\s+$")
#: "... confirmed the identity of one, Rasoul Abdi from Piranshahr.": a name, "from" and the
#: place closing the sentence (case-sensitive)
_NAME_THEN_FROM_RE = re.compile(r"\b[A-Z][a-z'\u2019]+(?:\s+[A-Z][a-z'\u2019-]+){1,2}\s+from\s+$")
#: " and Suran, ...": a second name closing the apposition after the first
_AND_PLACE_CLOSES_RE = re.compile(r"\s+and\s+[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?\s*[,.;]")
#: "Parvin Azizi, a teacher and member of the teachers' union from ": a name, an apposition that
#: describes the person ("a", "an"), then "from" (case-sensitive, like _NAME_FROM_BEFORE_RE)
_NAME_DESCRIBED_FROM_RE = re.compile(r"\b[A-Z][a-z'\u2019]+(?:\s+[A-Z][a-z'\u2019-]+){1,2},\s+an?\s+[^,;.\n]{1,70}?\s+from\s+$")
#: an incident named by its town ("the Saravan shooting", "the Zahedan massacre")
_NAMED_INCIDENT_AFTER_RE = re.compile(r"\s+(?:shootings?|massacre|killings?|bombings?|crackdown|attack|fire)\b(?!\s+(?:on|at|in)\b)", re.I)
#: a society named after a place, with a town told before it in the sentence
_SOCIETY_AFTER_RE = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:association|society|club|group|foundation|charity|collective)\b")
#: the act told "near the town" just named as someone's home town
_NEAR_HOME_AFTER_RE = re.compile(r"\b(?:near|outside|around|in)\s+the\s+(?:town|village|city)\b(?!\s+of\b)")
_POSSESSIVE_S_RE = re.compile(r"^['\u2019]s\b")
_ORIGIN_AFTER_RE = re.compile(r"^(?:-born\b|\s+native\b|\s+born\b)", re.I)
_ROUTE_BEFORE_RE = re.compile(
    r"(?:\b(?:road|roads|highway|route|railway|motorway|freeway|expressway|way|journey|flight|flights|"
    r"trip|bus|train|drive)\s+(?:to|from|towards?)\s+$)"
    r"|(?:\b(?:city|town|village|located|situated|lies|lying|halfway|midway|road|highway|checkpoints?|crossing)\b[^.;]{0,40}"
    r"\bbetween\s+$)|(?:\b(?:km|kilometers?|kilometres?|miles?)\s+(?:\w+\s+)?(?:of|from)\s+$)"
    # "in Shahin Shahr, north of Isfahan": a bearing from a landmark town ("the north of Tehran"
    # is a part of the town, and stays an event place)
    # ("villages east of the Iranian city of Isfahan": the landmark named with its kind)
    r"|(?:(?<!\bthe\s)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the\s+(?:[A-Z][\w-]*\s+)?(?:city|town)\s+of\s+)?$)"
    # "In Khomeini Shahr, near Isfahan, ...": the landmark town after a comma, as a bearing
    r"|(?:,\s+near\s+$)"
    # "in Pardis, a suburb of Tehran, ...", "in Fuman, a town near Rasht": the apposition's landmark
    r"|(?:,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:suburb|town|city|village|district|neighbou?rhood|satellite\s+town)\s+"
    r"(?:of|close\s+to)\s+$)"
    # "in Eslamshahr, in the south of Tehran, ...": a bearing after the town's comma
    r"|(?:,\s+in\s+the\s+(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:part\s+|outskirts\s+)?of\s+$)"
    # "In Khomeyni Shahr, on the western edge of Isfahan, ...": the landmark town a bearing too
    r"|(?:,\s+(?:on|at)\s+the\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+)?(?:edges?|outskirts|fringes?)\s+of\s+$)"
    # "protests have spread this summer from Khuzestan to Isfahan": where the wave came from
    r"|(?:\bspread\s+(?:[\w-]+\s+){0,3}?from\s+$)",
    re.I,
)
#: a finer place named with its kind ("Aychi cemetery in Saqqez", "Evin prison"): "the highway to"
#: it leads to where the act is, inside its town, as "the road to Tabriz" does not
_FINER_PLACE_RE = re.compile(r"\b(?:cemetery|graveyard|square|shrine|mosque|prison|university|bazaar|hospital)\b", re.I)
_ROUTE_AFTER_RE = re.compile(
    r"^(?:\s*[-\u2013]\s*[A-Z][\w-]*)?\s+(?:road|highway|motorway|freeway|expressway|railway|route)\b", re.I
)
#: capitalised words after a place that make it part of an organisation's or event's name
_ORG_AFTER_RE = re.compile(
    r"^\s+(?:Times|Post|Bureau|Tribune|Herald|Daily|News|Gazette|Declaration|Accord|Agreement|"
    r"Conference|Summit|Process|Stock|Exchange|FC|Club|Airways|Air|Province\s+Governor|Governorate|"
    r"Municipality|Chamber|Institute|Radio|TV|Television|Agency|Group|Dialogue|Forum|Prize|International|"
    r"Human\s+Rights|Focus|Watch|Insight|Khodro|Railways?|Metro|"
    # a party named after its region ("the Kurdistan Democratic Party of Iran", "Kurdistan Free Life Party")
    r"Democratic\s+Party|Free\s+Life\s+Party|Freedom\s+Party|Socialist\s+Party)\b"
)
#: a site named after a place, then the town it is in ("Jam gas refinery, Kangan", "Zarand steel plant, Kerman",
#: "the Parsian gas refinery near Lamerd", "the Zayandeh Rud dam in Chadegan")
_FACILITY_IN_TOWN_AFTER_RE = re.compile(
    r"^\s+(?:[a-z]+\s+){0,2}?(?:refinery|plant|field|complex|mine|factory|works|company|station|terminal|dam)"
    r"(?:\s*,\s+|\s+(?:near|in|outside)\s+(?:the\s+(?:town|city)\s+of\s+)?)[A-Z]")
#: lower-case outlet words after a place: the outlet named after it ("the regime's Fars news agency")
_OUTLET_AFTER_RE = re.compile(r"^\s+news\s+(?:agency|website|site|outlet)\b|^\s+newspaper\b")
#: a speech verb right after "Fars" (the agency): "Fars reported", "Fars has learned", "Fars quoted"
_OUTLET_SPEAKS_AFTER_RE = re.compile(
    r"^\s+(?:(?:also|later|earlier)\s+)?(?:reported|reports|said|says|quoted|quotes|cited|wrote|writes|added|claimed|published|"
    r"carried|announced|has\s+learned|learned|obtained|released)\b")
#: the agency told or quoted ("told Fars", "according to Fars", "quoted by Fars", "Fars and Tasnim")
_OUTLET_NAMED_BEFORE_RE = re.compile(
    r"(?:\btold|\baccording\s+to|\bquoted\s+by|\bcited\s+by|\breported\s+by|\bspeaking\s+to|\bin\s+an\s+interview\s+with)\s+$"
    r"|\b(?:IRNA|Tasnim|Mizan|ISNA|ILNA|Mehr),?\s+(?:and\s+)?$")
#: a rights group named after a place ("according to the Karun human rights group"): the group
_RIGHTS_GROUP_AFTER_RE = re.compile(r"^\s+(?:human\s+)?rights\s+(?:group|organi[sz]ation|monitor|network|watch|cent(?:er|re))\b")
#: a clock named after a town ("times are Tehran time", "at 9 pm Tehran local time"): no place
_TIME_ZONE_AFTER_RE = re.compile(r"^\s+(?:local\s+)?time\b(?!['’]s)")
_COUNTRY_EVENT_BEFORE_RE = re.compile(
    r"\b(?:in|across|throughout|all\s+over|around|inside|within|all\s+across|over)\s+"
    r"(?:the\s+(?:whole\s+(?:of\s+)?)?)?(?:(?:cities|towns|parts|provinces|villages)\s+(?:of|in)\s+)?$"
    r"|(?:\u062f\u0631|\u0633\u0631\u0627\u0633\u0631)\s*$",  # Persian "dar" (in), "sarasar" (throughout)
    re.I,
)
#: "<town>'s governor said", "Zahedan prosecutor says": the town names an official, not a place
#: where something happened ("'s" -> possessive, bare -> other)
_OFFICIAL_AFTER_RE = re.compile(
    r"^(['\u2019]s)?\s+(?:(?:deputy|public|chief|acting|provincial|general|revolutionary|local)\s+){0,2}"
    r"(?:governor(?:-general)?|governorate|prosecutor(?:-general)?|police\s+(?:chief|commander)|mayor|"
    # ("Tehran's imam", not a site named after one: "Tehran's Imam Khomeini and Sina hospitals")
    r"judiciary(?:\s+chief)?|chief\s+justice|Friday\s+prayer\s+leader|imam(?!\s+(?-i:[A-Z]))|MPs?|representatives?|"
    r"officials?|authorities|city\s+council|intelligence\s+(?:office|department|chief))\b",
    re.I,
)
#: "five of their representatives were summoned by the Shush prosecutor": the town's prosecutor who
#: summons or detains people does so in his town (the act's place, not a title only)
_SUMMONED_BY_BEFORE_RE = re.compile(
    r"\b(?:summoned|detained|arrested|questioned|interrogated)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:by|to|before)\s+the\s+$", re.I)
#: "the prosecutor of Marand said": an official's title; an event place only when the same
#: sentence says where things happened as "in the city"
_OFFICIAL_OF_RE = re.compile(
    r"\b(?:governor(?:-general)?|prosecutor(?:-general)?|police\s+(?:chief|commander)|mayor|"
    r"Friday\s+prayer\s+leader|imam|MPs?|representatives?|officials?|authorities|head|chief|"
    r"governorate)\s+of\s+(?:the\s+(?:city|town|county|province)\s+of\s+)?$",
    re.I,
)
#: "in front of the Salmas governorate": the governorate as a building where people gathered
_AT_BUILDING_BEFORE_RE = re.compile(
    r"\b(?:in\s+front\s+of|outside|at|near|before|to|towards?|around)\s+the\s+$", re.I)
#: an apposition describing the town just named by what stands or lies in it
_TOWN_WHERE_BEFORE_RE = re.compile(r",\s+the\s+(?:town|city|county|village)\s+(?:where|in\s+which)\s+(?:the\s+)?$")
_BUILDING_AFTER_RE = re.compile(r"\s+(?:building|compound|offices)\b", re.I)
_IN_THE_CITY_RE = re.compile(r"\b(?:in|across|throughout)\s+(?:the|this|that)\s+(?:city|town)\b", re.I)
#: "in solidarity with Khash", "slogans in support of Zahedan": the place is named, not where it happened
_SOLIDARITY_BEFORE_RE = re.compile(
    r"\b(?:solidarity\s+with|in\s+support\s+of|support\s+for|sympathy\s+with|tribute\s+to|"
    # ("in solidarity with the Ghezel Hesar strikers": the strikers' prison is named, not where it happened)
    # ("in solidarity with their Tehran colleagues": a possessive before the place too)
    r"(?:slogans?|chants?)\s+(?:for|about)|chant(?:ed|ing|s)?\s+for)\s+(?:the\s+(?:people|residents|protesters|citizens|city|town)\s+of\s+|the\s+|their\s+|its\s+|his\s+|her\s+|our\s+)?$",
    re.I,
)
#: "gathered in Zahedan to protest the alleged rape of a girl by a police commander in Chabahar":
#: the place of the grievance a protest names, not where the protest is (one clause, no comma)
#: (or the deaths it is held over: "shops in Tabriz closed in protest at the killings in Zahedan",
#: "merchants went on strike over the killing of protesters in Zahedan")
_GRIEVANCE_BEFORE_RE = re.compile(
    r"\bto\s+protest\s+(?:against\s+)?(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){1,12}?(?:in|at)\s+$"
    r"|\b(?:in\s+protest\s+(?:at|against|over)|over|against)\s+the\s+(?:[\w'\u2019-]+\s+){0,3}?"
    r"(?:killings?|deaths?|executions?|shootings?|massacre|crackdown)\s+(?:of\s+(?:[\w'\u2019-]+\s+){1,5}?)?in\s+$", re.I)
#: "Shopkeepers in Saravan kept their shops shut on Monday after the killing of the porters near
#: Mirjaveh": the place of the deaths the act followed, not a second place of the act
_AFTER_DEATHS_BEFORE_RE = re.compile(
    r"\b(?:after|following)\s+the\s+(?:[\w'\u2019-]+\s+){0,3}?(?:killings?|deaths?|executions?|shootings?|massacre)"
    r"\s+(?:of\s+(?:[\w'\u2019-]+\s+){1,5}?)?(?:in|near)\s+$", re.I)
#: "has sentenced three men to death and five others to prison terms over a protest in the Kurdish
#: city of Bukan": the place of the protest a court punished, not where the court sat
_PUNISHED_PROTEST_BEFORE_RE = re.compile(
    r"\b(?:sentenc\w*|prison\s+terms?|convicted|jailed|condemned|executed|hanged)\s+(?:[\w'\u2019-]+\s+){0,12}?"
    r"(?:over|for)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:protests?|riots?|unrest|demonstrations?|attack|clashes)\s+in\s+"
    r"(?:the\s+(?:[\w-]+\s+)?(?:city|town|village)\s+of\s+)?$", re.I)
#: "sentenced the journalist to five years in Tehran over his reporting on a funeral in Saqqez":
#: the subject of a reporter's work, not where the sentence's act is (a town named before it)
_REPORTED_SUBJECT_BEFORE_RE = re.compile(
    r"\b(?:(?:over|for|about|after)\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:reporting|coverage|reports?|articles?|posts?|"
    r"interviews?|photographs?|footage)|covered|covering|reported\s+on|reporting\s+on|wrote\s+about|writing\s+about)"
    r"\s+(?:on\s+|of\s+|about\s+)?(?:the|a|an)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:in|at)\s+$", re.I)
_REPORTED_SUBJECT_CUES = ("eport", "over", "wrot", "writ", "rticle", "post", "nterview", "hotograph", "ootage")
#: "gathered in Iranshahr, demanding the release of their sons arrested in Zahedan": where the
#: people whose release is demanded were taken, not where the crowd is
_RELEASE_OF_BEFORE_RE = re.compile(
    r"\b(?:demand(?:ed|ing|s)?|call(?:ed|ing|s)?\s+for|urg(?:ed|ing|es))\s+the\s+release\s+of\s+(?:[\w'\u2019-]+\s+){1,8}?"
    r"(?:arrested|detained|held|jailed|imprisoned|taken)\s+in\s+$", re.I)
#: "the wounded were taken to a hospital in Kermanshah": where people were taken, not the event
_TAKEN_TO_BEFORE_RE = re.compile(
    r"\b(?:taken|took|transferred|moved|rushed|sent|flown|carried|admitted|hospitali[sz]ed|died)\s+(?:\w+\s+){0,3}?"
    # (British usage drops the article: "were taken to hospital in Mahabad")
    r"(?:to|in|at)\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+)?|(?:[A-Z][\w'\u2019-]*\s+){1,3})?"
    r"(?:hospitals?|clinic|medical\s+cent(?:er|re)|detention\s+cent(?:er|re))\s+"
    r"(?:in|at)\s+(?:the\s+(?:city|town)\s+of\s+)?$",
    re.I,
)
#: "a harder line on Tehran", "talks with Tehran": a capital standing for its government
#: (also "its trade with Tehran", "any agreement with Tehran", after a rally abroad)
_METONYM_BEFORE_RE = re.compile(
    r"\b(?:line|pressure|sanctions|stance|position|polic(?:y|ies)|talks|relations|ties|dialogue|negotiations|"
    r"trade|business|cooperation|agreements?|contracts?|dealings|"
    r"deal|engagement|approach|demands?|message|ultimatum|concessions?)\s+(?:on|against|with|toward|towards|to|"
    r"from)\s+$",
    re.I,
)
#: words that open a quoted slogan or inscription: a place inside the quotes is not an event place
_SLOGAN_OPENER_RE = re.compile(
    r"\b(?:chant(?:s|ed|ing)?|slogans?|read(?:s|ing)?|words?|banners?|placards?|signs?|graffiti|wrote|"
    r"written|shout(?:s|ed|ing)?|hashtag|sang|singing)\b[^.\n]{0,60}$",
    re.I,
)
#: "..., where some of the wounded were taken": where people were taken, not the event
_TAKEN_THERE_AFTER_RE = re.compile(
    r"^,\s+where\s+(?:\w+\s+){0,4}?(?:wounded|injured|bodies|dead|victims|detainees)\s+(?:were|had\s+been|have\s+been)\s+"
    r"(?:taken|transferred|moved|rushed|brought|sent|hospitali[sz]ed)\b", re.I)
#: "<town>, near <landmark town>" (or without the comma, "in Rask near Saravan"): the gap between the two names
#: (an apposition may name what the first place is: "Ahmadabad, the village near Karaj where ...")
# (the apposition's kind with "a" too: "in Pardis, a town near Tehran")
_NEAR_LANDMARK_GAP_RE = re.compile(r",?\s+(?:(?:the|a|an)\s+(?:small\s+)?(?:village|town|city|suburb)\s+)?(?:just\s+|somewhere\s+)?near\s+$")
LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)$")


_ORIGIN_HINT_RE = re.compile(r"from|born|native|home", re.I)
#: "<town>, in <county> county": the gap between the two names, and the word after the second
_THOSE_DEAD_IN_RE = re.compile(r"\b(?:posters?|pictures?|photos?|photographs?|portraits?|images?|names?|banners?|graves?)\s+of\s+"
                               r"those\s+(?:killed|executed|slain|murdered|shot(?:\s+dead)?)\s+(?:in|at)\s+$")
_COUNTY_GAP_RE = re.compile(r",\s+in\s+$")
_ORIGIN_PROVINCE_GAP_RE = re.compile(r",?\s+in\s+$")
_PROVINCE_AFTER_RE = re.compile(r"\s+province\b", re.I)
_VILLAGE_GAP_RE = re.compile(r",?\s+in\s+$")
_COUNTY_AFTER_RE = re.compile(r"\s+(?:county|district)\b", re.I)
_ROUTE_HINT_RE = re.compile(r" to | from | toward| of |, near ", re.I)


def may_be_origin(before: str) -> bool:
    # a cheap test before the (slower) anchored regex search; on ASCII text the case-blind
    # regex is the same as substring tests on the lower-cased tail, which cost less
    if before.isascii():
        tail = before[-45:].lower()
        return "from" in tail or "born" in tail or "native" in tail or "home" in tail
    return _ORIGIN_HINT_RE.search(before, len(before) - 45) is not None


def _may_be_route(before: str) -> bool:
    if "between" in before:
        return True
    if before.isascii():
        tail = before[-30:].lower()
        return " to " in tail or " from " in tail or " toward" in tail or " of " in tail or ", near " in tail
    return _ROUTE_HINT_RE.search(before, len(before) - 30) is not None


def _may_be_route_after(after: str) -> bool:
    # each of the road words _ROUTE_AFTER_RE requires ("highway", "route" ...) contains "road",
    # "way" or "route", letters case-blind matching pairs with no other characters: a substring
    # test is a necessary condition, and much cheaper than the regex
    low = after.lower()
    return "way" in low or "road" in low or "route" in low


#: every branch of ORIGIN_BEFORE_RE / _ROUTE_BEFORE_RE ends "<one of these words>\s+$", so the
#: last whitespace-separated word of ``before`` ends with one of them (for ASCII text, where
#: re.I is plain lower-casing); testing that first skips most regex searches
#: the people of an act named in an apposition by where they study or work ("police detained six
#: young men, among them two students of Shiraz University"): their affiliation, not the place
_AFFILIATION_BEFORE_RE = re.compile(
    r"\b(?:among\s+them|including|one\s+of\s+them|two\s+of\s+them)\s+(?:\w+\s+){0,2}?"
    r"(?:students?|professors?|lecturers?|teachers?|staff|members?|workers?|employees?)\s+(?:of|at|from)\s+(?:the\s+)?$", re.I)
_ORIGIN_LAST = ("from", "in", "of", "town", "is", "was")
_ROUTE_LAST = ("to", "from", "toward", "towards", "between", "of", "near")
#: the same for the English branch of _COUNTRY_EVENT_BEFORE_RE (its Persian branch is non-ASCII)
_COUNTRY_LAST = ("in", "across", "throughout", "over", "around", "inside", "within", "the", "whole", "of")
_COUNTRY_PERSIAN = ("\u062f\u0631", "\u0633\u0631\u0627\u0633\u0631")  # its Persian branch may end without a space


def _last_word(before: str) -> str | None:
    """The lower-cased last word of ``before`` when it ends with whitespace ("" if it is all
    whitespace); None when no regex ending in ``\\s+$`` can match; "*" when that word is not
    ASCII (no shortcut: the regexes decide). Only the last word matters: the regexes' last
    literal lies in it, and non-ASCII text elsewhere does not change how it matches."""
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return None
    words = stripped.rsplit(None, 1)  # str.split's whitespace is the regexes' \s
    if not words:
        return ""
    return words[-1].lower() if words[-1].isascii() else "*"


def assign_roles(items: list[PlaceItem], view: str) -> None:
    prev: PlaceItem | None = None
    quotes = _quote_positions(view) if '"' in view or "\u201c" in view else None
    for it in items:
        if it.role == "qualifier":
            prev = it
            continue
        before = view[max(0, it.start - 80) : it.start]
        after = view[it.end : it.end + 60]
        # what the anchored regexes on ``after`` need as a first character: most places are
        # followed by punctuation, and then none of them can match
        c0 = after[:1]
        spaced = c0.isspace()
        apostrophe = c0 in ("'", "\u2019")
        last = _last_word(before)
        p = it.candidate.place
        role = "event"
        if p.precision == 4:
            if _POSSESSIVE_S_RE.match(after):
                role = "possessive"
            elif (last is not None and (last == "*" or last.endswith(_COUNTRY_LAST))
                  or before.endswith(_COUNTRY_PERSIAN)) and _COUNTRY_EVENT_BEFORE_RE.search(before):
                role = "event"
            else:
                role = "other"
        elif apostrophe and _CITY_STATE_RE.match(after):
            role = "possessive"
        elif p.precision == 1 and prev is not None and prev.candidate.place.precision == 1 \
                and prev.candidate.place.canonical != p.canonical and prev.candidate.place.admin1 == p.admin1 \
                and view[prev.end : it.start] in ("'s ", "\u2019s ") and prev.role == "event":
            # "in Tehran's Shahr-e Rey and Nazi Abad": a town named as a part of the city before its
            # "'s" (a district that was a town of its own) is that city's, no event place of its own
            role = "other"
        elif it.name_end == it.end and (spaced or apostrophe) \
                and (official := _OFFICIAL_AFTER_RE.match(after)) is not None \
                and not (official.group(0).lower().endswith("governorate")
                         and (_AT_BUILDING_BEFORE_RE.search(before) or _BUILDING_AFTER_RE.match(after, official.end()))) \
                and not (_SUMMONED_BY_BEFORE_RE.search(before) and "prosecutor" in official.group(0).lower()):
            # ("projected ... onto the front of the Rasht governorate building": the building, a site in the town)
            role = "possessive" if official.group(1) else "other"
        # (every regex of _names_without_being_there ends in \s+$ or \s+(?:...)?$, so ``before``
        # must end with white space, i.e. ``last`` is not None; the function has no side effects)
        elif (quotes and _in_slogan(view, it.start, quotes)) or (
                last is not None and _names_without_being_there(before, view, it)):
            role = "other"
        elif last == "of" and ("prisoners" in before or "inmates" in before or "detainees" in before) \
                and _HONOURED_PRISONERS_OF_RE.search(view, max(0, it.start - 160), it.start):
            # "paid tribute ... to the women political prisoners of Evin and Qarchak": the jails of
            # those honoured (as "prisoners from A and B" is their origin), not where the tribute
            # was paid; "the prisoners of Ghezel Hesar went on hunger strike", with no tribute or
            # solidarity before, stays the strike's place
            role = "origin"
        elif last in ("of", "at", "from") and _AFFILIATION_BEFORE_RE.search(before):
            role = "origin"  # "detained six young men, among them two students of Shiraz University": who they are
        elif "ospital " in view[it.start : it.end] and (cut := view.rfind(" in ", it.start, it.end)) > it.start \
                and _TAKEN_TO_BEFORE_RE.search(view, max(0, cut - 90), cut + 4):
            role = "other"  # "taken to Khatam al-Anbia hospital in Zahedan": a named hospital with its town
        # (the words _ORIGIN_AFTER_RE and _ORG_AFTER_RE look for after the spaces start with
        # "n"/"b" ("native", "born") and with an ASCII capital: that character is tested first)
        elif (last is not None and (last == "*" or last.endswith(_ORIGIN_LAST))
              and may_be_origin(before) and ORIGIN_BEFORE_RE.search(before)) or (
                (c0 == "-" or spaced and after.lstrip()[:1] in ("n", "N", "b", "B")) and _ORIGIN_AFTER_RE.match(after)) or (
                # (the apposition may close the sentence: "... and Ali Rezaei, 31, from Neyshabur.")
                last == "from" and c0 in (",", ".", ";") and it.name_end == it.end and _NAME_FROM_BEFORE_RE.search(before)) or (
                last == "from" and c0 in (".", ";") and it.name_end == it.end and _NAME_THEN_FROM_RE.search(before)) or (
                # (a home town of two names: "Abdolghani Shahbakhsh, 31, from Sib and Suran, was executed")
                last == "from" and c0 == " " and it.name_end == it.end and _AND_PLACE_CLOSES_RE.match(after)
                and _NAME_FROM_BEFORE_RE.search(before)) or (
                # (the person described in the apposition: "for Parvin Azizi, a teacher and member of the
                # teachers' union from Divandarreh, HRANA has learned")
                last == "from" and c0 in (",", ".", ";") and it.name_end == it.end and _NAME_DESCRIBED_FROM_RE.search(before)):
            role = "origin"
            if "the town" in after or "the village" in after or "the city" in after:
                cut = after.find(". ")
                if _NEAR_HOME_AFTER_RE.search(after, 0, cut if cut != -1 else len(after)):
                    role = "event"  # "a kolbar from Sardasht, in the heights ... near the town": the home town is the place
        elif last == "in" and prev is not None and prev.role == "event" and it.name_end == it.end \
                and _VILLAGE_GAP_RE.match(view, prev.end, it.start) and _COUNTY_AFTER_RE.match(after) \
                and view[max(0, prev.start - 12) : prev.start].lower().endswith("village of "):
            prev.role = "other"  # "near the village of Jaleq in Saravan county": the county's town is the place
        elif last == "in" and prev is not None and prev.role == "event" and it.name_end == it.end \
                and _COUNTY_GAP_RE.match(view, prev.end, it.start) and _COUNTY_AFTER_RE.match(after):
            role = "route"  # "near Nowsud, in Paveh county": the county that locates the town just named
        elif last in ("in", "near") and prev is not None and prev.role == "event" \
                and ("after " in before or "following " in before) \
                and ". " not in view[prev.end : it.start] and _AFTER_DEATHS_BEFORE_RE.search(before):
            role = "other"  # the deaths an act followed; the act's town was named before it
        elif last == "near" and prev is not None and prev.role == "event" \
                and _NEAR_LANDMARK_GAP_RE.match(view, prev.end, it.start):
            role = "route"  # "In Qahderijan, near Isfahan, ...": the town that locates the one just named
        elif last == "near" and _NEAR_LANDMARK_GAP_RE.search(before) is not None \
                and not (prev is not None and _NEAR_LANDMARK_GAP_RE.match(view, prev.end, it.start)):
            role = "event"  # "residents of the village of Gasht, near Fuman, ...": no town before it to locate
        elif (last is not None and (last == "*" or last.endswith(_ROUTE_LAST))
              and _may_be_route(before) and _ROUTE_BEFORE_RE.search(before)
              and not _FINER_PLACE_RE.search(view, it.start, it.end)) or (
                (spaced or c0 in ("-", "\u2013")) and it.name_end == it.end and _may_be_route_after(after)
                and _ROUTE_AFTER_RE.match(after)):
            role = "route"
        elif spaced and "A" <= after.lstrip()[:1] <= "Z" and _ORG_AFTER_RE.match(after) and it.name_end == it.end:
            role = "other"
        elif last == "in" and prev is not None and prev.role == "event" \
                and ("protest" in before or "over " in before or "against " in before) \
                and ". " not in view[prev.end : it.start] and _GRIEVANCE_BEFORE_RE.search(before):
            role = "other"  # the grievance's place; the protest's town was named before it
        elif last in ("in", "of") and ("over " in before or "for " in before) and _PUNISHED_PROTEST_BEFORE_RE.search(before):
            role = "other"  # the protest a court punished, not the court's town
        elif last == "in" and prev is not None and prev.role == "event" \
                and any(w in before for w in _REPORTED_SUBJECT_CUES) \
                and ". " not in view[prev.end : it.start] and _REPORTED_SUBJECT_BEFORE_RE.search(before):
            role = "other"  # the place a reporter wrote about; the act's town was named before it
        elif last == "in" and prev is not None and prev.role == "event" and "release" in before \
                and ". " not in view[prev.end : it.start] and _RELEASE_OF_BEFORE_RE.search(before):
            role = "other"  # whose release the crowd demands was arrested there; the crowd is in the town before
        elif spaced and after.lstrip()[:1] == "n" and it.name_end == it.end and _OUTLET_AFTER_RE.match(after):
            role = "other"
        elif it.name_end == it.end and view[it.start : it.end] in ("Fars", "FARS") and (
                (spaced and _OUTLET_SPEAKS_AFTER_RE.match(after)) or _OUTLET_NAMED_BEFORE_RE.search(before)):
            # the agency, not the province ("Fars reported on January 10 that ...", "told Fars",
            # "according to Fars"): the one province whose name an outlet carries alone
            role = "other"
        elif spaced and after.lstrip()[:1] in ("h", "r") and it.name_end == it.end and before.endswith("the ") \
                and _RIGHTS_GROUP_AFTER_RE.match(after):
            role = "other"  # "the Karun human rights group": a source, not where anything happened
        elif spaced and after.lstrip()[:1] in ("t", "l") and it.name_end == it.end and _TIME_ZONE_AFTER_RE.match(after):
            role = "other"
        elif spaced and "a" <= after.lstrip()[:1] <= "z" and it.name_end == it.end and _FACILITY_IN_TOWN_AFTER_RE.match(after):
            role = "other"  # "Jam gas refinery, Kangan": the site's name; the town after the comma is where it is
        elif spaced and it.name_end == it.end and _NAMED_INCIDENT_AFTER_RE.match(after) \
                and before.lower().endswith(("of the ", "over the ", "about the ", "after the ", "since the ")):
            role = "other"  # "videos of the Saravan shooting": the incident's name, not where the sentence's act is
        elif spaced and prev is not None and prev.role == "event" and it.name_end == it.end \
                and before.endswith("the ") and _SOCIETY_AFTER_RE.match(after) and ". " not in view[prev.end : it.start]:
            role = "other"  # "agents in Saqez arrested members of the Chia environmental association"
        elif c0 == "," and _TAKEN_THERE_AFTER_RE.match(after):
            role = "other"  # "hospital staff in Sanandaj, where some of the wounded were taken"
        elif last == "in" and prev is not None and prev.role == "origin" and _ORIGIN_PROVINCE_GAP_RE.match(view, prev.end, it.start) \
                and _PROVINCE_AFTER_RE.match(after):
            role = "origin"  # "a prisoner from Nahavand in Hamedan province": the province of his home town
        elif prev is not None and prev.role in ("origin", "route") and LIST_GAP_RE.match(view[prev.end : it.start]):
            role = prev.role  # "prisoners from A, B and C"
        elif prev is not None and prev.role == "route" and re.match(r"^\s+and\s+$", view[prev.end : it.start]):
            role = "route"
        it.role = role
        prev = it
    _demote_provinces(items, view)


_BEFORE_OTHER_HINTS = ("solidar", "support", "sympath", "tribute", "slogan", "chant", "hospital", "clinic",
                       "medical", "detention cent")
#: "sentenced to 15 years in prison and exile to Zabol": the place of exile, not where it happened
_EXILE_BEFORE_RE = re.compile(
    r"\b(?:exile|exiled|banish(?:ed|ment))\s+(?:\w+\s+){0,2}?(?:to|in)\s+(?:the\s+(?:city|town|county)\s+of\s+)?$", re.I)
_KIN_DEATH_PLACE_RE = re.compile(KIN_OF_DEAD + r"\s+(?:in|at)\s+(?:the\s+)?$", re.I)
#: "arrested four of them, who were taken to Isfahan": where detainees were taken, not the arrest's town
_TAKEN_AWAY_TO_RE = re.compile(
    r"\b(?:who|and|then|later)\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:later\s+|then\s+)?"
    r"(?:taken|transferred)\s+to\s+$"
    # (or in the active, the detainee its object: "arrested X at his home in Shahriar and transferred him to Evin prison")
    r"|\b(?:transferred|taken|took)\s+(?:him|her|them)\s+to\s+$", re.I)
#: "is being held in Dezful prison", "remains jailed in Evin prison": where a detainee is kept,
#: not where the arrest (or anything else) happened ("a rally was held in" has no prison after it)
_HELD_IN_RE = re.compile(
    r"\b(?:is|are|was|were|been|remains?|remained|still|now)\s+(?:still\s+|now\s+)?(?:being\s+)?"
    r"(?:held|kept|jailed|imprisoned)\s+(?:in|at)\s+(?:the\s+)?$")
_PRISON_WORD_RE = re.compile(r"\b(?:[Pp]rison|[Jj]ail|[Dd]etention)\b")
_METONYM_LAST_WORDS = frozenset({"on", "against", "with", "toward", "towards", "to", "from"})


#: the past act an anniversary counts from ("Twenty-six years after the attack on the Tehran
#: University dormitory, students marked ..."): that act's place, not the news's
_YEARS_AFTER_PAST_RE = re.compile(
    r"\b(?:years?|decades?|months?)\s+(?:after|since)\s+the\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:attack|raid|massacre|uprising|protests?|killings?|storming|crackdown|fire|bombing|executions?)"
    r"\s+(?:on|at|in|of)\s+(?:the\s+)?$")


_DEATH_PARTICIPLE_BEFORE_RE = re.compile(r"\b(killed|executed|assassinated|slain|murdered|hanged|shot dead)\s+(?:in|at|near)\s+(?:the\s+)?$")


def is_kin_death_place(before: str) -> bool:
    """The place after ``before`` is where the dead whose kin or graves the sentence is about
    were killed ("the families of three prisoners executed in Qezelhesar ...")."""
    window = before[-120:]
    return " of " in window and bool(_KIN_DEATH_PLACE_RE.search(window))


_HONOURED_PRISONERS_OF_RE = re.compile(
    r"\b(?:tribute|solidarity|support|honou?r(?:ed|ing|s)?|salut(?:e|ed|ing))\b[^.;:!?\n]{0,100}?"
    r"\b(?:prisoners|inmates|detainees)\s+of\s+(?:the\s+)?$", re.I)


def _names_without_being_there(before: str, view: str, it: PlaceItem) -> bool:
    """An official's title, a cause supported, a hospital people were taken to, a government.

    Cheap substring tests guard each regex: the regexes are anchored at the end of
    ``before`` but ``re.search`` still tries every start position.
    """
    tail = before[-50:].lower()
    stripped = tail.rstrip()
    last = stripped[stripped.rfind(" ") + 1 :]
    if last == "of" and (official := _OFFICIAL_OF_RE.search(tail)) is not None \
            and not _IN_THE_CITY_RE.search(_sentence(view, it.start, it.end)) \
            and not (official.group(0).lower().startswith("governorate")
                     and _AT_BUILDING_BEFORE_RE.search(tail, 0, official.start())):
        # ("gathered in front of the governorate of Torbat-e Heydarieh": the building, as "in front
        # of the Salmas governorate" is)
        return True
    if last in _METONYM_LAST_WORDS and _METONYM_BEFORE_RE.search(tail):
        return True
    if ("exile" in tail or "banish" in tail) and _EXILE_BEFORE_RE.search(tail):
        return True
    if last == "to" and ("taken" in tail or "transferred" in tail) and _TAKEN_AWAY_TO_RE.search(tail):
        return True
    if ("after the" in tail or "since the" in tail) and _YEARS_AFTER_PAST_RE.search(tail):
        return True
    if last in ("in", "at") and ("held" in tail or "jailed" in tail or "kept" in tail or "imprisoned" in tail) \
            and _HELD_IN_RE.search(tail) and _PRISON_WORD_RE.search(view, it.start, it.end + 12):
        return True  # "... was arrested at his home in Shush and is being held in Dezful prison": the jail
    if " by " in tail and _CREDIT_BEFORE.search(tail):
        return True  # "(Reporting by Parisa Hafezi; Editing by Alex Richardson)": a person's name
    if "where" in tail and _TOWN_WHERE_BEFORE_RE.search(tail):
        return True  # "In Varamin, the town where Qarchak prison stands, ...": what the town is known for
    if last == "in" and _based_in(stripped):
        return True  # "Iran Human Rights, a monitoring group based in Oslo, reported ...": the source's seat
    if view.startswith("-based", it.end):
        return True  # "the Oslo-based group said": the same seat, told as an adjective
    if last in ("in", "at") and " those " in tail and _THOSE_DEAD_IN_RE.search(tail):
        return True  # "posters of those killed in Zahedan": where the dead were killed, not the posters
    if last in ("in", "at", "the") and is_kin_death_place(before):
        return True  # "the families of three prisoners executed in Qezelhesar went to ...": the execution's place
    if last in ("in", "at", "near", "the") and place_of_death_in_relative(view, it.start):
        return True  # "The funeral of X, ..., who died after being beaten in custody in Ahvaz, turned into ...": where X died
    # (searched in the last words only: the pattern is anchored at the end, and a search of the whole
    # text before would try every start position)
    if last in ("in", "at", "near") and (m := _DEATH_PARTICIPLE_BEFORE_RE.search(win := before[-40:])) is not None:
        # "Speakers included X, a protester from Bukan executed in Urmia in September": a death told
        # in an apposition after a name, its place no event's
        at = it.start - len(win) + m.start(1)
        if death_in_apposition(view, at, at + len(m.group(1))):
            return True
    if last in ("in", "at") and "to " in before[-60:] and _SENT_TO_BEFORE_RE.search(before[-160:]):
        return True  # "sent ... video messages to the organizers in Berlin": where they were sent, not where made
    for hint in _BEFORE_OTHER_HINTS:
        if hint in tail:
            if _SOLIDARITY_BEFORE_RE.search(tail):
                return True
            taken = _TAKEN_TO_BEFORE_RE.search(before)
            # ("died on 24 April in a detention centre in Mahabad": a death in custody happens where
            # the detainee is held, unlike one in a hospital the wounded were taken to)
            return taken is not None and not (taken.group().lower().startswith("died") and "detention" in taken.group().lower())
    return False


#: the gathering abroad that messages were sent to ("sent more than 3,000 video messages to the organizers in Berlin")
_SENT_TO_BEFORE_RE = re.compile(
    r"\b(?:sent|send|sends|sending|addressed|delivered)\b[^.;:!?\n]{0,100}?\bto\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:organi[sz]ers|participants|attendees|gathering|summit|rally|conference|crowd|audience)\s+(?:in|at)\s+$")


#: a wire story's credit line before a name (searched in the lower-cased tail)
_CREDIT_BEFORE = re.compile(r"\b(?:reporting|editing|writing|additional reporting|compiled|photos?|photographs?|translated)"
                            r"\s+by\s+(?:[\w'’.-]+\s+){0,3}$")


def _based_in(stripped: str) -> bool:
    """``stripped`` (lower-cased, ending "in") ends "based in" / "headquartered in": the seat of
    an organisation named before it, not where anything happened."""
    return stripped.endswith((" based in", "-based in", " headquartered in"))


def _demote_provinces(items: list[PlaceItem], view: str) -> None:
    """A province is an event place only when the report names none of its towns as one.

    "Retirees gathered in Ahvaz ... Retirees in Khuzestan gather every week": the events are
    in Ahvaz; the province is background. Provinces alone ("protests in Kurdistan province")
    stay event places, and so does a province listed among towns as if it were one ("in
    Tehran, Mazandaran, Babol and Rasht").
    """
    towns = {(p.country, p.admin1) for it in items
             if it.role == "event" and (p := it.candidate.place).precision <= 2}
    for i, it in enumerate(items):
        if it.role != "event" or (p := it.candidate.place).precision != 3 or (p.country, p.admin1) not in towns:
            continue
        # listed among towns, as if it were one; a list of provinces ("in Khuzestan and
        # Kermanshah provinces") is still provinces
        after_town = i > 0 and items[i - 1].candidate.place.precision <= 2 \
            and LIST_GAP_RE.match(view[items[i - 1].name_end : it.name_start])
        before_town = i + 1 < len(items) and items[i + 1].candidate.place.precision <= 2 \
            and LIST_GAP_RE.match(view[it.name_end : items[i + 1].name_start])
        if before_town and not after_town and _heads_its_towns(items, i, view):
            it.role = "other"  # "In Fars, Shiraz and Marvdasht followed": the province heads its towns
        elif not (after_town or before_town):
            it.role = "other"


#: a clause that opens on a province before its towns ("...; in Khuzestan, Ahvaz and Dezful on Saturday")
_CLAUSE_OPENS_IN = re.compile(r"(?:^|[.;:\n]\s*|,\s+and\s+)[Ii]n\s+\Z")


def _heads_its_towns(items: list[PlaceItem], i: int, view: str) -> bool:
    """Whether province ``i`` opens its clause ("In Fars, ...") and the next item is a town of it."""
    it, nxt = items[i], items[i + 1]
    if nxt.candidate.place.admin1 != it.candidate.place.admin1 or view[it.name_end : it.name_end + 1] != ",":
        return False
    return _CLAUSE_OPENS_IN.search(view, max(0, it.name_start - 8), it.name_start) is not None


def _sentence(view: str, start: int, end: int) -> str:
    lo = max(view.rfind(". ", 0, start), view.rfind("\n", 0, start), start - 400, 0)
    hi = min(x for x in (view.find(". ", end), view.find("\n", end), end + 400, len(view)) if x >= 0)
    return view[lo:hi]


_QUOTE_CHARS = ('"', "\u201c", "\u201d")


def _quote_positions(view: str) -> list[int]:
    """Offsets of the quote marks in ``view``, sorted."""
    out = []
    for c in _QUOTE_CHARS:
        i = view.find(c)
        while i != -1:
            out.append(i)
            i = view.find(c, i + 1)
    out.sort()
    return out


def _in_slogan(view: str, pos: int, quotes: list[int]) -> bool:
    """Is ``pos`` inside a quoted slogan ("chanted \"Kurdistan is not alone\"")? ``quotes``:
    :func:`_quote_positions` of ``view``, which answer at once for most places (no quote
    mark in the 200 characters before them)."""
    if bisect_left(quotes, pos) == bisect_left(quotes, pos - 200):
        return False
    line_start = view.rfind("\n", 0, pos) + 1
    # the marks are counted from the start of the line (a quote closed within the last 200
    # characters but opened before them is not an open quote), at most 3,000 characters back
    lo = max(line_start, pos - 3000)
    seg = view[lo:pos]
    n = seg.count('"') + seg.count("\u201c") + seg.count("\u201d")
    if n % 2 == 0 or seg.rfind("\u201d") > seg.rfind("\u201c") >= 0:
        return False  # not inside quotes (straight quotes pair up; a curly close after the open)
    q = lo + max(seg.rfind(c) for c in _QUOTE_CHARS)
    return _SLOGAN_OPENER_RE.search(view, max(line_start, q - 80), q) is not None
