"""One-sentence reports in many phrasings: the sub-type each is coded as, the sentences that report
no event, and multi-clause sentences (invented sentences; a regression lock on phrasing coverage,
grown from probing batteries). A known miss is added as a strict xfail (pytest.param with
marks=pytest.mark.xfail(strict=True, reason=...)): fixing it fails the test until the mark is removed."""

from __future__ import annotations

import pytest

from eventledger import evaluate
from test_assemble import pipe, run, summary  # noqa: F401  (the same pipeline fixture and event summary)

def _run(pipe, text: str):
    return run(pipe, "Iran, March 9, 2024 - " + text + "\n", publisher="PMOI/MEK", published="2024-03-09")


SUB_TYPES = [
    ("On Sunday, workers at the Zanjan steel plant walked out.", "strike"),
    ("Security forces opened fire on protesters in Zanjan on Friday, killing three people and wounding dozens.",
     "attack_on_civilians"),
    ("On Friday, police in Zanjan fired on protesters, wounding at least 12.", "attack_on_civilians"),
    ("On Sunday, a crowd gathered in Zanjan and chanted slogans; it dispersed without intervention.", "demonstration"),
    ('On Sunday, Resistance Units put up banners in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units hung banners in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units displayed banners in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units installed posters in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units posted placards in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units affixed posters to walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units sprayed slogans on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units painted slogans in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units wrote graffiti in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units distributed leaflets in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units handed out flyers in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units scattered leaflets in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units projected images of Maryam Rajavi on a wall in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units raised a large banner over a highway in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units held up placards in the streets of Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units plastered posters on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units stuck posters on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units spray-painted slogans in Zanjan.', 'symbolic_action'),
    ('On Sunday, youths in Zanjan chanted anti-regime slogans from rooftops.', 'demonstration'),
    ('On Sunday, Resistance Units recorded video messages in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units installed a large poster of Massoud Rajavi in Zanjan.', 'symbolic_action'),
    ('On Sunday, graffiti reading "Down with Khamenei" appeared on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, posters of Maryam Rajavi were seen on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, anti-regime slogans were written on walls in Zanjan.', 'symbolic_action'),
    ('On Sunday, banners were hung from bridges in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units dropped leaflets in Zanjan.', 'symbolic_action'),
    ('On Sunday, Resistance Units set fire to a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units torched a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units set ablaze a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units burned a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units set a Basij base on fire in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units targeted a Basij base with Molotov cocktails in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units threw Molotov cocktails at a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units attacked an IRGC center in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units set fire to a large banner of Khamenei in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units burned a portrait of Khamenei in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units torched an image of Qassem Soleimani in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units set alight a poster of Khamenei in Zanjan.', 'property_attack'),
    ('On Sunday, a Basij base in Zanjan was set on fire.', 'property_attack'),
    ('On Sunday, a Basij base in Zanjan was torched.', 'property_attack'),
    ('On Sunday, Resistance Units set fire to the entrance of a seminary in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units firebombed a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units destroyed a billboard of Khamenei in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units tore down a banner of Khamenei in Zanjan.', 'property_attack'),
    ('On Sunday, Resistance Units smashed the windows of a Basij base in Zanjan.', 'property_attack'),
    ('On Sunday, retirees rallied in front of the governorate in Zanjan.', 'demonstration'),
    ('On Sunday, retirees gathered in front of the governorate in Zanjan.', 'demonstration'),
    ('On Sunday, retirees staged a protest in Zanjan.', 'demonstration'),
    ('On Sunday, retirees held a demonstration in Zanjan.', 'demonstration'),
    ('On Sunday, retirees protested in front of the governorate in Zanjan.', 'demonstration'),
    ('On Sunday, retirees marched in Zanjan.', 'demonstration'),
    ('On Sunday, retirees assembled outside the governorate in Zanjan.', 'demonstration'),
    ('On Sunday, retirees held a rally in Zanjan.', 'demonstration'),
    ('On Sunday, retirees took to the streets in Zanjan.', 'demonstration'),
    ('On Sunday, retirees staged a sit-in in Zanjan.', 'demonstration'),
    ('On Sunday, retirees held a protest gathering in Zanjan.', 'demonstration'),
    ('On Sunday, hundreds of farmers demonstrated in Zanjan.', 'demonstration'),
    ('On Sunday, nurses held a protest rally outside the hospital in Zanjan.', 'demonstration'),
    ('On Sunday, teachers staged a silent protest in Zanjan.', 'demonstration'),
    ('On Sunday, students staged a walkout and protest at the university in Zanjan.', 'demonstration'),
    ('On Sunday, residents of Zanjan protested water cuts.', 'demonstration'),
    ('On Sunday, people in Zanjan poured into the streets chanting slogans.', 'demonstration'),
    ('On Sunday, workers went on strike in Zanjan.', 'strike'),
    ('On Sunday, workers walked off the job in Zanjan.', 'strike'),
    ('On Sunday, workers stopped work in Zanjan.', 'strike'),
    ('On Sunday, workers downed tools in Zanjan.', 'strike'),
    ('On Sunday, shopkeepers closed their shops in Zanjan.', 'strike'),
    ('On Sunday, bazaar merchants went on strike in Zanjan.', 'strike'),
    ('On Sunday, truck drivers stayed home in Zanjan.', 'strike'),
    ('On Sunday, teachers held a sit-in strike in Zanjan.', 'strike'),
    ('On Sunday, workers continued their strike in Zanjan.', 'strike'),
    ('On Sunday, the bazaar of Zanjan was closed in a strike.', 'strike'),
    ('On Sunday, retirees gathered in Zanjan and security forces dispersed them.', 'protest_with_intervention'),
    ('On Sunday, police broke up a gathering of retirees in Zanjan.', 'protest_with_intervention'),
    ('On Sunday, security forces fired tear gas at protesters in Zanjan.', 'protest_with_intervention'),
    ('On Sunday, riot police attacked a rally of retirees in Zanjan.', 'protest_with_intervention'),
    ('On Sunday, security forces beat protesting retirees in Zanjan.', 'protest_with_intervention'),
    ('On Sunday, security forces beat protesting retirees in Zanjan.', 'attack_on_civilians'),
    ('On Sunday, police used batons to disperse a gathering of farmers in Zanjan.', 'protest_with_intervention'),
    ('On Sunday, security forces arrested three activists in Zanjan.', 'arrest'),
    ('On Sunday, security forces detained three activists in Zanjan.', 'arrest'),
    ('On Sunday, agents took three activists into custody in Zanjan.', 'arrest'),
    ('On Sunday, three activists were arrested in Zanjan.', 'arrest'),
    ('On Sunday, intelligence agents raided the home of an activist in Zanjan and arrested him.', 'arrest'),
    ('On Sunday, security forces abducted a student in Zanjan.', 'arrest'),
    ('On Sunday, a prisoner was executed in Zanjan prison.', 'execution'),
    ('On Sunday, the regime hanged a prisoner in Zanjan.', 'execution'),
    ('On Sunday, authorities executed two prisoners in Zanjan.', 'execution'),
    ('On Sunday, two men were hanged in Zanjan Central Prison.', 'execution'),
    ('On Sunday, security forces shot dead a protester in Zanjan.', 'killing'),
    ('On Sunday, security forces killed a protester in Zanjan.', 'killing'),
    ('On Sunday, a protester was shot and killed by security forces in Zanjan.', 'killing'),
]


@pytest.mark.parametrize("text, sub", SUB_TYPES)
def test_phrasing_is_coded_as_its_sub_type(pipe, text, sub):
    assert ("Zanjan", sub) in summary(_run(pipe, text))


NO_EVENT = [
    "On Sunday, the activist walked out of Zanjan prison after two years.",
    'Retirees plan to rally in Zanjan next week.',
    'Retirees planned to rally in Zanjan on Sunday, but the gathering was called off.',
    'Activists called for a strike in Zanjan on Sunday.',
    'Activists have called on people in Zanjan to take to the streets.',
    'The gathering planned for Sunday in Zanjan did not take place.',
    'Security forces prevented retirees from gathering in Zanjan on Sunday.',
    'No protests were reported in Zanjan on Sunday.',
    'Retirees in Zanjan threatened to go on strike if their pensions are not paid.',
    'Teachers in Zanjan will hold a rally on Thursday.',
    'The union urged workers in Zanjan to strike on Sunday.',
    'Protesters chanted "We will set fire to Zanjan" in Tabriz on Sunday.',
    'A banner reading "Zanjan will rise" was put up in Tabriz on Sunday.',
    'In November 2019, security forces killed dozens of protesters in Zanjan.',
    'Zanjan was one of the centres of the 2022 uprising.',
    'Hamid Moradi, a native of Zanjan, was arrested in Tabriz on Sunday.',
    'The governor of Zanjan said on Sunday that order had been restored in the province.',
    'A court in Zanjan will hear the case next month.',
    'Youths in Tabriz set fire to a banner of Khamenei on Sunday, in solidarity with the people of Zanjan.',
    'The Zanjan prosecutor warned that protesters would be dealt with harshly.',
    'Workers in Zanjan have not been paid for four months.',
    'Retirees in Zanjan gather every Sunday in front of the pension fund.',
    'Calls for protests in Zanjan have spread on social media.',
    "Would-be protesters in Zanjan stayed home after the authorities' warnings.",
    'Officials denied that any protest took place in Zanjan on Sunday.',
    'Security forces were deployed in Zanjan on Sunday to prevent protests.',
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_sentence_reports_no_event_in_its_town(pipe, text):
    assert not {sub for town, sub in summary(_run(pipe, text)) if town == "Zanjan"}



PLACES = [
    ('On Sunday, youths put up posters in the city of Zanjan.', 'Zanjan'),
    ('On Sunday, youths put up posters in Zanjan city.', 'Zanjan'),
    ('On Sunday, youths put up posters in Abhar, a town in Zanjan province.', 'Abhar'),
    ('On Sunday, youths put up posters in Abhar (Zanjan province).', 'Abhar'),
    ('On Sunday, youths put up posters in Abhar, northwest Iran.', 'Abhar'),
    ('On Sunday, youths put up posters in Abhar in northwestern Iran.', 'Abhar'),
    ('On Sunday, youths put up posters in the northwestern city of Abhar.', 'Abhar'),
    ("On Sunday, youths put up posters in Tehran's Narmak district.", 'Tehran'),
    ('On Sunday, youths put up posters in the Narmak district of Tehran.', 'Tehran'),
    ('On Sunday, youths put up posters on walls across Ahwaz.', 'Ahvaz'),
    ('On Sunday, youths put up posters in Esfahan.', 'Isfahan'),
    ('On Sunday, youths put up posters in Orumiyeh.', 'Urmia'),
    ('On Sunday, youths put up posters in Kermanshahan.', 'Kermanshah'),
    ('On Sunday, youths put up posters in Resht.', 'Rasht'),
    ('On Sunday, youths put up posters in Shahr-e Kord.', 'Shahr-e Kord'),
    ('On Sunday, youths put up posters in Bandar-e Abbas.', 'Bandar Abbas'),
    ('On Sunday, youths put up posters in Mashad.', 'Mashhad'),
    ('On Sunday, youths put up posters in Ghazvin.', 'Qazvin'),
    ('On Sunday, youths put up posters in Ghom.', 'Qom'),
    ('On Sunday, youths put up posters in Zahidan.', 'Zahedan'),
    ('On Sunday, youths put up posters in Tabriz, capital of East Azerbaijan.', 'Tabriz'),
    ('On Sunday, youths in Karaj put up posters.', 'Karaj'),
    ('Karaj: on Sunday, youths put up posters.', 'Karaj'),
    ('On Sunday, youths put up posters in Sanandaj (Sine).', 'Sanandaj'),
    ('On Sunday, youths put up posters in Mahabad, Bukan and Saqqez.', 'Saqqez'),
    ('On Sunday, youths put up posters in Amol, Babol, and Sari.', 'Sari'),
    ('On Sunday, youths put up posters in Gonbad-e Kavus.', 'Gonbad-e Kavus'),
    ('On Sunday, youths put up posters in Gonbad Kavus.', 'Gonbad-e Kavus'),
    ('On Sunday, youths put up posters in Khorram Abad.', 'Khorramabad'),
    ('On Sunday, youths put up posters in Dezfoul.', 'Dezful'),
]


@pytest.mark.parametrize("text, town", PLACES)
def test_town_written_this_way_is_found(pipe, text, town):
    assert town in {t for t, _ in summary(_run(pipe, text))}


DATES = [
    ("On the 5th of this month, youths put up posters in Zanjan.", "2024-03-05", "2024-03-05"),
    ("On the 5th of last month, youths put up posters in Zanjan.", "2024-02-05", "2024-02-05"),
    ('On Sunday, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On Sunday, March 3, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On March 3, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On 3 March, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On the 3rd of March, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On Sunday night, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('Last Sunday, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('Yesterday, youths put up posters in Zanjan.', '2024-03-08', '2024-03-08'),
    ('Two days ago, youths put up posters in Zanjan.', '2024-03-07', '2024-03-07'),
    ('On Thursday and Friday, youths put up posters in Zanjan.', '2024-03-07', '2024-03-08'),
    ('Between March 1 and March 5, youths put up posters in Zanjan.', '2024-03-01', '2024-03-05'),
    ('From March 1 to 5, youths put up posters in Zanjan.', '2024-03-01', '2024-03-05'),
    ('On March 1-5, youths put up posters in Zanjan.', '2024-03-01', '2024-03-05'),
    ('On 13 Esfand, youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On Sunday (March 3), youths put up posters in Zanjan.', '2024-03-03', '2024-03-03'),
    ('On the night of Saturday, March 2, youths put up posters in Zanjan.', '2024-03-02', '2024-03-02'),
    ('In early March, youths put up posters in Zanjan.', '2024-03-01', '2024-03-10'),
    ('On Saturday, 2 March 2024, youths put up posters in Zanjan.', '2024-03-02', '2024-03-02'),
    ('On 2024-03-02, youths put up posters in Zanjan.', '2024-03-02', '2024-03-02'),
]


@pytest.mark.parametrize("text, start, end", DATES)
def test_date_written_this_way_is_resolved(pipe, text, start, end):
    got = {(e.date.start.isoformat(), e.date.end.isoformat()) for e in _run(pipe, text).events
           if e.location.canonical == "Zanjan"}
    assert (start, end) in got


MULTI_CLAUSE = [
    ('On Sunday, posters were put up in Tehran, and in Karaj a Basij base was set on fire.',
     [('Karaj', 'property_attack'), ('Tehran', 'symbolic_action')]),
    ('On Sunday, youths put up posters in Tehran and set fire to a Basij base in Karaj.',
     [('Karaj', 'property_attack'), ('Tehran', 'symbolic_action')]),
    ('On Sunday, Resistance Units wrote slogans in Tehran, Karaj and Qom, while in Arak they torched a banner of Khamenei.',
     [('Arak', 'property_attack'), ('Karaj', 'symbolic_action'), ('Qom', 'symbolic_action'), ('Tehran', 'symbolic_action')]),
    ('Retirees rallied in Tehran on Sunday; in Karaj, police dispersed a similar gathering and arrested five.',
     [('Karaj', 'arrest'), ('Karaj', 'protest_with_intervention'), ('Tehran', 'demonstration')]),
    ('On Sunday, workers went on strike in Ahvaz and retirees rallied in Shush.',
     [('Ahvaz', 'strike'), ('Shush', 'demonstration')]),
    ('Youths set fire to a Basij base in Karaj on Sunday. The base in Karaj was badly damaged.',
     [('Karaj', 'property_attack')]),
    ('On Sunday, posters were put up in Tehran.\n\nOn Sunday, posters were put up in Tehran.',
     [('Tehran', 'symbolic_action')]),
    ('Protests took place in Tehran, Tabriz and Shiraz on Sunday. In Tabriz, security forces fired tear gas at the protesters.',
     [('Shiraz', 'demonstration'), ('Tabriz', 'protest_with_intervention'), ('Tehran', 'demonstration')]),
    ('Teachers in Sanandaj and Saqqez held sit-ins on Sunday, and two teachers were arrested in Saqqez.',
     [('Sanandaj', 'demonstration'), ('Saqqez', 'arrest'), ('Saqqez', 'protest_with_intervention')]),
    ('On Sunday, two prisoners were executed in Qezelhesar prison in Karaj, and their families gathered outside the prison.',
     [('Karaj', 'demonstration'), ('Karaj', 'execution')]),
]


@pytest.mark.parametrize("text, events", MULTI_CLAUSE)
def test_multi_clause_sentence_gives_each_town_its_act(pipe, text, events):
    assert summary(_run(pipe, text)) == set(events)



CLAIMS = [
    ("The nurses say that 31 of their colleagues were dismissed in Zanjan.", 31, "nurses"),
    # the share of the acts someone announced, counted in the publisher's voice
    ("Only 21 of the executions were announced by official media.", 21, None),
    ("Only around 9% were reported by official sources.", 9, None),
    ("At least 31 executions were announced by official media.", 31, "official media"),
    ("At least 31 of them were detained by the police, according to the Iran Human Rights Monitor, which said that "
     "the retirees had not been paid for months.", 31, "Iran Human Rights Monitor"),
    ("The Tasnim news agency, which is close to the Revolutionary Guards, says 12 people were arrested.", 12, "Tasnim"),
    ('Amnesty International said at least 321 people were killed in the November 2019 protests.', 321, 'Amnesty International'),
    ('According to Amnesty International, at least 321 people were killed.', 321, 'Amnesty International'),
    ('At least 321 people were killed, according to Amnesty International.', 321, 'Amnesty International'),
    ('At least 321 people were killed, Amnesty International said.', 321, 'Amnesty International'),
    ('Amnesty International has documented the killing of at least 321 people.', 321, 'Amnesty International'),
    ('Iran Human Rights reported that 834 people were executed in 2023.', 834, 'Iran Human Rights'),
    ('The Norway-based group Iran Human Rights said 834 people were executed in 2023.', 834, 'Iran Human Rights'),
    ('Reuters reported that 1,500 people were killed, citing three interior ministry officials.', 1500, 'Reuters'),
    ('HRANA said 19,262 people were arrested during the protests.', 19262, 'HRANA'),
    ('The rights group HRANA put the number of detainees at 19,262.', 19262, 'HRANA'),
    ('State media quoted the police chief as saying 200 rioters had been arrested.', 200, 'police chief'),
    ('The prosecutor of Zanjan announced that 45 people had been arrested.', 45, 'prosecutor of Zanjan'),
    ('Tasnim news agency reported that 45 people had been arrested in Zanjan.', 45, 'Tasnim'),
    ('Informed sources told the PMOI that 45 people had been arrested in Zanjan.', 45, 'informed sources'),
    ("The regime's own media admitted that 45 people had been arrested in Zanjan.", 45, "regime's own media"),
    ('Resistance Units carried out activities in 280 cities.', 280, None),
    ('The PMOI has published the names of more than 750 people killed in the 2022 uprising.', 750, 'PMOI'),
    ('Maryam Rajavi said more than 750 people were killed in the uprising.', 750, 'Maryam Rajavi'),
    ('The UN special rapporteur said at least 551 protesters were killed.', 551, 'UN special rapporteur'),
    ('In a statement, Hengaw said 12 Kurdish kolbars were killed in October.', 12, 'Hengaw'),
    ('The Kurdistan Human Rights Network (KHRN) said 12 kolbars were killed in October.', 12, 'Kurdistan Human Rights Network'),
    ("Some 3,000 workers joined the strike, the workers' union said.", 3000, "workers' union"),
    ('Nearly 2,000 people were arrested, per HRANA.', 2000, 'HRANA'),
    ('HRANA: 2,000 arrested in one week.', 2000, 'HRANA'),
    ('Rasht: 40 retirees gathered in front of the governorate.', 40, None),
]


@pytest.mark.parametrize("text, value, source", CLAIMS)
def test_claim_written_this_way_has_its_value_and_source(pipe, text, value, source):
    gold = {"value": value, "attributed_to": source, "reported_by": "PMOI/MEK"}
    claims = _run(pipe, text).claims
    assert any(evaluate._claim_value(c.value) == value and evaluate._attribution_agrees(
        gold, {"attributed_to": c.attributed_to, "reported_by": "PMOI/MEK"}) for c in claims)

