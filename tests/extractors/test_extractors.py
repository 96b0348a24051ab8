"""Table-driven cases for each extractor: a short text, its date, the events expected.

Each case is (text, published, [(event_type, start, end), ...]) with ``end``
empty unless the event spans several units.
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extractors import extractors
from timeline.pipeline import analyse
from timeline.published import parse_published
from timeline.sources import SourceDocument

Expected = list[tuple[str, str, str]]


def events_of(text: str, published: str | None) -> Expected:
    source = SourceDocument(name="case.txt", path="case.txt", text=text, published=published)
    analysis = analyse(source, not_after=date(2026, 11, 23))
    return [(e.event_type, e.date.start, e.date.end or "") for e in analysis.events]


CASES: dict[str, list[tuple[str, str | None, Expected]]] = {
    "meeting": [
        (
            "The deputy minister was received by the governor in Herat on Tuesday.",
            "2025-06-20",
            [("meeting", "2025-06-17", "")],
        ),
        (
            "The two ministers spoke by phone on Thursday.",
            "2025-06-20",
            [("meeting", "2025-06-19", "")],
        ),
        (
            "The presidents held a video call on 3 May 2025.",
            None,
            [("meeting", "2025-05-03", "")],
        ),
        (
            "The emir received the visiting foreign minister in Doha on Monday.",
            "2025-06-20",
            [("meeting", "2025-06-16", "")],
        ),
        ("The ministry received a letter on Monday.", "2025-06-20", []),
        (
            "The Kyrgyz minister sat down with the envoy in Bishkek on Friday.",
            "2025-06-22",
            [("meeting", "2025-06-20", "")],
        ),
        (
            "Officials held consultations in Ankara on March 3, 2025.",
            None,
            [("meeting", "2025-03-03", "")],
        ),
        ("The two envoys met in Doha on Tuesday.", "2025-03-05", [("meeting", "2025-03-04", "")]),
        (
            "Leaders of the bloc held talks on Dec. 11 in Minsk.",
            "2024-12-12",
            [("meeting", "2024-12-11", "")],
        ),
        (
            "The summit, held in Astana in May 2023, ended without a statement.",
            "2024-01-01",
            [("meeting", "2023-05", "")],
        ),
        ("Ministers will meet again next month.", "2025-06-20", [("meeting", "2025-07", "")]),
        ("These meetings take place every year.", "2025-06-20", []),
        # Its length gives its end.
        (
            "Leaders opened a three-day summit in Baku on Sunday.",
            "2025-06-24",
            [("meeting", "2025-06-22", "2025-06-24")],
        ),
        (
            "The council session convened last week in Geneva.",
            "2025-06-20",
            [("meeting", "2025-W24", "")],
        ),
        # A dash between two days is a span without "from".
        (
            "Foreign ministers gathered in Tashkent on May 12-13 for the bloc's council.",
            "2025-06-20",
            [("meeting", "2025-05-12", "2025-05-13")],
        ),
        ("Protesters gathered outside the embassy on Friday.", "2025-06-21", []),
        # The next thing done, told right after the date, happened then too.
        (
            "The envoy visited Herat on May 6 and met the governor.",
            "2025-06-20",
            [("visit", "2025-05-06", ""), ("meeting", "2025-05-06", "")],
        ),
        (
            "The envoy arrived in Herat on Monday and will meet the governor.",
            "2025-06-20",
            [("arrival", "2025-06-16", "")],
        ),
        # A verb that ends the event makes its date the last day.
        (
            "The envoys wrapped up three days of talks in Doha on Thursday.",
            "2025-06-21",
            [("meeting", "2025-06-17", "2025-06-19")],
        ),
    ],
    "announcement": [
        (
            "The ministry said on Friday that the border was open.",
            "2025-06-21",
            [("announcement", "2025-06-20", "")],
        ),
        ("The spokesman said the border was open.", "2025-06-21", []),
        (
            "In a statement issued on Sunday, the embassy urged calm.",
            "2025-06-24",
            [("announcement", "2025-06-22", "")],
        ),
        (
            "The group claimed responsibility on March 2.",
            "2025-03-04",
            [("announcement", "2025-03-02", "")],
        ),
    ],
    "appointment": [
        (
            "The cleric was made acting prime minister on 18 May 2023.",
            None,
            [("appointment", "2023-05-18", "")],
        ),
        ("The minister was made to wait for an hour on Tuesday.", "2025-06-20", []),
        (
            "The Taliban replaced the governor of Kandahar on 2 November 2025.",
            None,
            [("appointment", "2025-11-02", "")],
        ),
        (
            "In May 2024, the movement installed a new governor in Badakhshan.",
            "2025-06-20",
            [("appointment", "2024-05", "")],
        ),
        (
            "Moscow accepted the credentials of the new envoy on 3 July 2025.",
            None,
            [("appointment", "2025-07-03", "")],
        ),
        (
            "The new envoy took up his post in Kabul on 5 May 2025.",
            None,
            [("appointment", "2025-05-05", "")],
        ),
        ("She took over as mayor last week.", "2025-06-20", [("appointment", "2025-W24", "")]),
        (
            "The new envoy presented his credentials in Ashgabat in December.",
            "2022-01-15",
            [("appointment", "2021-12", "")],
        ),
        (
            "Two days later, the district governor was replaced.",
            "2025-06-20",
            [("appointment", "2025-06-22", "")],
        ),
        ("The old terminal was replaced in 2019.", "2025-06-20", []),
        (
            "She was appointed ambassador to Japan in January 2024.",
            "2025-01-01",
            [("appointment", "2024-01", "")],
        ),
        ("The governor was dismissed last month.", "2025-06-20", [("appointment", "2025-05", "")]),
        ("He was sworn in on Monday, June 2.", "2025-06-05", [("appointment", "2025-06-02", "")]),
    ],
    "arrival": [
        # "reached" and "crossed into" report an arrival only with a place after them.
        (
            "A relief convoy reached Mazar-i-Sharif on Friday.",
            "2025-06-22",
            [("arrival", "2025-06-20", "")],
        ),
        (
            "The first returnees crossed into Afghanistan at Torkham on 1 November 2025.",
            None,
            [("arrival", "2025-11-01", "")],
        ),
        ("Exports reached a record on Friday.", "2025-06-22", []),
        ("The river crossed into flood stage on Monday.", "2025-06-22", []),
        (
            "Troops of the rapid reaction force were deployed to Tajikistan on 10 October 2025.",
            None,
            [("arrival", "2025-10-10", "")],
        ),
        (
            "The first cargo train pulled into Hairatan on 3 March 2025.",
            None,
            [("arrival", "2025-03-03", "")],
        ),
        (
            "The president flew into Dushanbe on Wednesday.",
            "2025-06-20",
            [("arrival", "2025-06-18", "")],
        ),
        (
            "A day earlier, the delegation landed at Termez airport.",
            "2025-06-20",
            [("arrival", "2025-06-19", "")],
        ),
        # What someone came for is not what the date before it dates.
        (
            "The envoy arrived in Kabul on Tuesday for talks on trade.",
            "2025-06-20",
            [("arrival", "2025-06-17", "")],
        ),
        (
            "The delegation arrived in Kabul on Sunday.",
            "2025-06-24",
            [("arrival", "2025-06-22", "")],
        ),
        (
            "A UN envoy landed in Tehran in October 2022.",
            "2023-01-01",
            [("arrival", "2022-10", "")],
        ),
        (
            "The minister's plane touched down in Kabul on Monday evening.",
            "2025-06-20",
            [("arrival", "2025-06-16", "")],
        ),
    ],
    "vaccination-campaign": [
        (
            "The second round of the national polio campaign kicked off on Monday.",
            "2025-06-20",
            [("vaccination-campaign", "2025-06-16", "")],
        ),
        (
            "UNICEF launched a campaign to immunise children against polio on 10 June 2025.",
            None,
            [("vaccination-campaign", "2025-06-10", "")],
        ),
        (
            "Health teams will vaccinate two million children against measles from May 5.",
            "2025-04-20",
            [("vaccination-campaign", "2025-05-05", "")],
        ),
        (
            "A polio vaccination campaign started on Saturday in Herat and Farah provinces. "
            "Officials said the campaign would run until Wednesday, June 25.",
            "2025-06-22",
            [("vaccination-campaign", "2025-06-21", "2025-06-25")],
        ),
        (
            "A round of measles immunisation begins on April 7.",
            "2025-04-01",
            [("vaccination-campaign", "2025-04-07", "")],
        ),
        # Its length gives its end: four days from Monday, April 7.
        (
            "A four-day measles vaccination drive begins on April 7.",
            "2025-04-01",
            [("vaccination-campaign", "2025-04-07", "2025-04-10")],
        ),
        (
            "A two-week polio immunisation campaign began on Monday.",
            "2025-04-09",
            [("vaccination-campaign", "2025-04-07", "2025-04-20")],
        ),
    ],
    "report": [
        (
            "The think tank published a briefing on 4 February 2025.",
            None,
            [("report", "2025-02-04", "")],
        ),
        (
            "The UN rights office released findings on 9 March 2025 about executions.",
            None,
            [("report", "2025-03-09", "")],
        ),
        (
            "The agency is expected to publish its annual report at the end of the month.",
            "2025-03-14",
            [("report", "2025-03", "")],
        ),
        (
            "In its annual survey, released on 2 June 2025, the agency counted the displaced.",
            None,
            [("report", "2025-06-02", "")],
        ),
        (
            "UNICEF published a report in March 2024 on child malnutrition.",
            "2025-01-01",
            [("report", "2024-03", "")],
        ),
        ("The study was released on Thursday.", "2025-06-21", [("report", "2025-06-19", "")]),
    ],
    "statistic": [
        (
            "Trade between the two countries reached $1.1 billion in 2024.",
            None,
            [("statistic", "2024", "")],
        ),
        (
            "Exports to Pakistan totalled 600 million dollars in the first half of 2025.",
            None,
            [("statistic", "2025-H1", "")],
        ),
        (
            "More than 400,000 Afghans were pushed back from Iran in September 2025.",
            None,
            [("statistic", "2025-09", "")],
        ),
        ("The budget reached parliament in March 2025.", None, []),
        (
            "Opium cultivation fell by 95 percent in 2023, according to the agency.",
            "2025-06-20",
            [("statistic", "2023", "")],
        ),
        (
            "About 23.7 million Afghans needed humanitarian aid in 2024, the UN said.",
            "2025-06-20",
            [("statistic", "2024", "")],
        ),
        ("Prices fell by 5 percent on Monday.", "2025-06-20", []),
        (
            "Some 3,000 people died of measles in 2024, the agency estimated.",
            "2025-06-20",
            [("statistic", "2024", "")],
        ),
        (
            "The agency registered 12,000 new arrivals in the first quarter of 2025.",
            "2025-06-20",
            [("statistic", "2025-Q1", "")],
        ),
        (
            "More than 500,000 Afghans returned from Iran in June 2025.",
            None,
            [("statistic", "2025-06", "")],
        ),
        (
            "The number of measles cases reached 60,000 in 2024.",
            "2025-06-20",
            [("statistic", "2024", "")],
        ),
        # A single day is an event, not a count over time.
        ("Two hundred families returned on Monday.", "2025-06-20", []),
        (
            "The agency counted 2,300 new cases recorded in 2024.",
            "2025-06-20",
            [("statistic", "2024", "")],
        ),
        (
            "Officials said 120 cases were recorded in 2023.",
            "2024-02-01",
            [("statistic", "2023", "")],
        ),
        ("Forty deaths were reported this year.", "2025-06-21", [("statistic", "2025", "")]),
        (
            "About 3.5 million people were displaced in 2024.",
            "2025-01-10",
            [("statistic", "2024", "")],
        ),
        (
            "Some 1,200 families were evacuated last month.",
            "2025-06-21",
            [("statistic", "2025-05", "")],
        ),
        (
            "In 2022 the province recorded at least 45 measles deaths, officials said.",
            "2025-01-10",
            [("statistic", "2022", "")],
        ),
        # A count on a single day is an event of its own kind, not a statistic.
        ("Two hundred people were evacuated on Monday.", "2025-06-21", []),
    ],
    "founding": [
        (
            "Kazakhstan opened a trade house in Kabul on 12 June 2025.",
            None,
            [("founding", "2025-06-12", "")],
        ),
        (
            "The government formed a new commission on mining in April 2025.",
            "2025-06-20",
            [("founding", "2025-04", "")],
        ),
        (
            "The alliance, founded in 1949, has 32 members.",
            "2025-01-01",
            [("founding", "1949", "")],
        ),
        (
            "The university was established in 1932 in the capital.",
            "2025-01-01",
            [("founding", "1932", "")],
        ),
        (
            "Turkmenistan opened a consulate in Mazar-i-Sharif on March 3.",
            "2025-03-10",
            [("founding", "2025-03-03", "")],
        ),
        ("The embassy reopened on March 3 after repairs.", "2025-03-10", []),
    ],
    "membership": [
        (
            "Azerbaijan applied for membership of the bloc in 2024.",
            "2025-06-20",
            [("membership", "2024", "")],
        ),
        (
            "The bloc admitted Laos as its eleventh full member on May 3, 2024.",
            None,
            [("membership", "2024-05-03", "")],
        ),
        (
            "Georgia, which froze its participation in the group in March 2023, stayed away.",
            "2025-01-01",
            [("membership", "2023-03", "")],
        ),
        ("Egypt joined the group in January 2024.", "2025-01-01", [("membership", "2024-01", "")]),
        (
            "Armenia froze its membership in the alliance in February 2024.",
            "2025-01-01",
            [("membership", "2024-02", "")],
        ),
        ("Laos became a full member in 1997.", "2025-01-01", [("membership", "1997", "")]),
        (
            "The bloc admitted Mongolia as its ninth member in May 2022.",
            "2025-01-01",
            [("membership", "2022-05", "")],
        ),
        # A possessive date names its event; what happened at that event shares it.
        (
            "Laos became the bloc's tenth member at last year's summit in Vientiane.",
            "2025-01-01",
            [("meeting", "2024", ""), ("membership", "2024", "")],
        ),
        # A date before a verb joined by "and" belongs to the verb before it.
        (
            "Tajikistan joined the alliance in 1994 and hosted its summit in Dushanbe last June.",
            "2025-01-01",
            [("membership", "1994", ""), ("meeting", "2024-06", "")],
        ),
    ],
    "attack": [
        # A comma ends the hazard's clause: the gunmen killed.
        (
            "Despite the snow, gunmen killed three guards in Salang on 3 February 2025.",
            None,
            [("attack", "2025-02-03", "")],
        ),
        (
            "Militants fired rockets at a base in Takhar on Thursday.",
            "2025-06-20",
            [("attack", "2025-06-19", "")],
        ),
        (
            "Twelve people were wounded when a grenade exploded in a market on Sunday.",
            "2025-06-20",
            [("attack", "2025-06-15", "")],
        ),
        (
            "Two guards died in an exchange of fire at the border on Sunday.",
            "2025-06-20",
            [("attack", "2025-06-15", "")],
        ),
        (
            "A suicide bomber attacked a mosque in Kunduz on Friday, killing dozens.",
            "2021-10-09",
            [("attack", "2021-10-08", "")],
        ),
        ("Gunmen killed two guards on Aug. 3.", "2025-08-05", [("attack", "2025-08-03", "")]),
        ("An attack on one member is an attack on all.", "2025-08-05", []),
        (
            "A suicide bomber struck a bus station in Herat on Sunday night.",
            "2025-08-05",
            [("attack", "2025-08-03", "")],
        ),
        ("Rockets hit the airport on Aug. 2.", "2025-08-05", [("attack", "2025-08-02", "")]),
        # A deal struck is an agreement, not an attack.
        ("The two sides struck a deal on Aug. 2.", "2025-08-05", [("agreement", "2025-08-02", "")]),
        # A heart attack is how someone died, not an attack.
        (
            "The former minister died of a heart attack on Aug. 2.",
            "2025-08-05",
            [("death", "2025-08-02", "")],
        ),
        (
            "A bomber blew himself up outside a school in Khost on Monday evening.",
            "2025-08-05",
            [("attack", "2025-08-04", "")],
        ),
        ("Militants stormed a checkpoint on Aug. 2.", "2025-08-05", [("attack", "2025-08-02", "")]),
        (
            "Jets carried out airstrikes in Khost on Aug. 1.",
            "2025-08-05",
            [("attack", "2025-08-01", "")],
        ),
        (
            "Border guards clashed near Torkham on Sunday.",
            "2025-08-05",
            [("attack", "2025-08-03", "")],
        ),
        # A week that only says which week a day is in dates nothing else.
        (
            "The group released a study on Thursday last week about a bombing in Kunduz.",
            "2025-08-05",
            [("report", "2025-07-31", "")],
        ),
    ],
    "agreement": [
        (
            "The two sides signed off on a new transit protocol in Tashkent on Friday.",
            "2025-06-20",
            [("agreement", "2025-06-20", "")],
        ),
        (
            "The two countries reached a deal on water sharing in March 2025.",
            None,
            [("agreement", "2025-03", "")],
        ),
        (
            "Iran and Turkmenistan agreed on Monday to reopen the rail link.",
            "2025-06-20",
            [("agreement", "2025-06-16", "")],
        ),
        ("The minister agreed on Monday to answer questions.", "2025-06-20", []),
        (
            "The two countries signed a trade agreement on Wednesday, March 5.",
            "2025-03-06",
            [("agreement", "2025-03-05", "")],
        ),
        (
            "A memorandum was signed in Tashkent in July 2023.",
            "2024-01-01",
            [("agreement", "2023-07", "")],
        ),
        (
            "The two sides agreed a ceasefire on Sunday.",
            "2025-10-20",
            [("agreement", "2025-10-19", "")],
        ),
        (
            "A truce was agreed in Doha on Oct. 19.",
            "2025-10-20",
            [("agreement", "2025-10-19", "")],
        ),
        # What is signed during a dated occasion takes its date, beside the occasion.
        (
            "The two sides signed 12 trade deals during a business forum in Almaty on May 6.",
            "2025-05-08",
            [("meeting", "2025-05-06", ""), ("agreement", "2025-05-06", "")],
        ),
        (
            "Both ministers signed two contracts at a summit in Baku on May 6.",
            "2025-05-08",
            [("meeting", "2025-05-06", ""), ("agreement", "2025-05-06", "")],
        ),
        (
            "Leaders met in Baku on May 6, where the two ministers signed a transit deal.",
            "2025-05-08",
            [("meeting", "2025-05-06", ""), ("agreement", "2025-05-06", "")],
        ),
        # Only occasions (meetings, visits, drills, campaigns) lend their date: numbers
        # that grew "at Kabul airport" are no occasion for what was said.
        (
            "The ministry said passenger numbers at Kabul airport grew by 18 percent this year.",
            "2025-06-20",
            [("statistic", "2025", "")],
        ),
    ],
    "visit": [
        (
            "The minister is due to travel to Moscow in October.",
            "2025-06-20",
            [("visit", "2025-10", "")],
        ),
        (
            "The foreign minister visited Islamabad on Monday.",
            "2025-06-24",
            [("visit", "2025-06-23", "")],
        ),
        ("The president flew to Ankara on Monday.", "2025-06-24", [("visit", "2025-06-23", "")]),
        (
            "The minister is expected to visit Kabul next week for talks.",
            "2025-06-24",
            [("visit", "2025-W27", "")],
        ),
    ],
    "decree": [
        (
            "The Taliban ordered the closure of private schools for girls in March 2022.",
            None,
            [("decree", "2022-03", "")],
        ),
        (
            "The court removed the group from its terror list on 17 April 2025.",
            None,
            [("decree", "2025-04-17", "")],
        ),
        (
            "The Taliban barred women from working for NGOs on 24 December 2022.",
            None,
            [("decree", "2022-12-24", "")],
        ),
        ("Critics barred from the hall on Monday shouted outside.", "2025-06-20", []),
        (
            "The ministry ordered all beauty salons closed on Tuesday.",
            "2025-06-20",
            [("decree", "2025-06-17", "")],
        ),
        (
            "A court struck the movement off its list of terrorist organisations on 2 May 2025.",
            None,
            [("decree", "2025-05-02", "")],
        ),
        (
            "The leader issued a decree on June 1 banning music at weddings.",
            "2025-06-03",
            [("decree", "2025-06-01", "")],
        ),
        (
            "The authorities banned kite flying in March 2024.",
            "2025-06-03",
            [("decree", "2024-03", "")],
        ),
        (
            "Ministries must help returnees, says a decree published on Wednesday.",
            "2025-06-06",
            [("decree", "2025-06-04", "")],
        ),
        (
            "The court lifted the ban on the movement on April 17.",
            "2025-06-03",
            [("decree", "2025-04-17", "")],
        ),
        (
            "Kyrgyzstan removed the movement from its list of banned organisations in May 2024.",
            "2025-06-03",
            [("decree", "2024-05", "")],
        ),
        ("The host removed two names from the guest list on Monday.", "2025-06-03", []),
        (
            "Kazakhstan added the group to its national terrorist list on Monday.",
            "2025-06-03",
            [("decree", "2025-06-02", "")],
        ),
        (
            "A new law on media licences came into force on May 1.",
            "2025-06-03",
            [("decree", "2025-05-01", "")],
        ),
        # A participle after "of" or a determiner is an adjective.
        ("The group was on a list of banned parties in March 2024.", "2025-06-03", []),
    ],
    "flight": [
        (
            "The airline launched a weekly service to Almaty on 1 October 2025.",
            None,
            [("flight", "2025-10-01", "")],
        ),
        ("The company suspended its service to customers on Monday.", "2025-06-22", []),
        (
            "The carrier restored flights to Kabul on 1 October 2025.",
            None,
            [("flight", "2025-10-01", "")],
        ),
        (
            "The first direct flight from Kabul to Moscow landed on Sunday.",
            "2025-06-20",
            [("flight", "2025-06-15", "")],
        ),
        (
            "On Sunday, an Ariana plane took off for Dubai with 150 passengers.",
            "2025-06-20",
            [("flight", "2025-06-15", "")],
        ),
        ("The minister's hopes took off in 2020.", "2025-06-20", []),
        (
            "The airline resumed flights to Dubai on May 10.",
            "2025-05-12",
            [("flight", "2025-05-10", "")],
        ),
        (
            "Kam Air will launch a route to Almaty in December.",
            "2025-11-20",
            [("flight", "2025-12", "")],
        ),
        (
            "The airport will start weekly flights to Herat next month.",
            "2025-04-01",
            [("flight", "2025-05", "")],
        ),
        (
            "The airline will operate two weekly flights to Jeddah starting October 5.",
            "2025-09-01",
            [("flight", "2025-10-05", "")],
        ),
        # "from" with no end after it is when the flights start.
        (
            "The carrier will resume flights to Kabul from April 15.",
            "2025-04-01",
            [("flight", "2025-04-15", "")],
        ),
    ],
    "exercise": [
        (
            "Troops from four states held joint exercises near Khatlon from 8 to 12 September"
            " 2025.",
            None,
            [("exercise", "2025-09-08", "2025-09-12")],
        ),
        (
            "The navies staged drills in the Caspian Sea last week.",
            "2025-06-20",
            [("exercise", "2025-W24", "")],
        ),
        ("Waiting on Monday was an exercise in patience.", "2025-06-20", []),
    ],
    "disaster": [
        # "before" or "after" bounds the hour; the day is the event's.
        (
            "The quake struck Kunar shortly before midnight on August 31, 2025.",
            None,
            [("disaster", "2025-08-31", "")],
        ),
        # A hazard that kills is a disaster's toll, not an attack.
        (
            "Heavy snow and avalanches killed 20 people in Salang on 3 February 2025.",
            None,
            [("disaster", "2025-02-03", "")],
        ),
        (
            "A 6.3-magnitude earthquake struck Herat on 7 October 2023.",
            None,
            [("disaster", "2023-10-07", "")],
        ),
        (
            "Flash floods swept through Baghlan on Friday, killing dozens.",
            "2025-06-20",
            [("disaster", "2025-06-20", "")],
        ),
        ("A flood of refugees arrived on Friday.", "2025-06-20", [("arrival", "2025-06-20", "")]),
    ],
    "border": [
        (
            "Iran reopened the Milak border crossing on Saturday after a week.",
            "2025-07-07",
            [("border", "2025-07-05", "")],
        ),
        (
            "The Chaman crossing was shut on 3 May 2025 after clashes.",
            None,
            [("border", "2025-05-03", "")],
        ),
        (
            "The closure of the Torkham border in March 2025 hurt traders.",
            None,
            [("border", "2025-03", "")],
        ),
        ("The shop closed its doors on Monday.", "2025-07-07", []),
    ],
    "recognition": [
        (
            "Earlier in July, Russia became the first country to formally recognise the "
            "Taliban government.",
            "2025-07-20",
            [("recognition", "2025-07", "")],
        ),
        (
            "Moscow recognised the independence of the two regions on 26 August 2008.",
            None,
            [("recognition", "2008-08-26", "")],
        ),
        ("No country has extended formal recognition to the Taliban since 2021.", None, []),
        ("The minister recognised the need for reform on Monday.", "2025-07-20", []),
        ("The group was recognised as a terrorist organisation in 2003.", None, []),
    ],
    "death": [
        (
            "The former president was killed in 2011.",
            "2025-06-20",
            [("death", "2011", "")],
        ),
        # How someone was killed makes it an attack.
        (
            "Three guards were shot dead in Khost on Monday.",
            "2025-06-20",
            [("attack", "2025-06-16", "")],
        ),
        (
            "The former president died on Tuesday at the age of 84.",
            "2025-06-20",
            [("death", "2025-06-17", "")],
        ),
    ],
}


# A "when" clause right after a date tells what happened then, even after "since" or "to".
WHEN_CLAUSES = [
    (
        "Uzbekistan has been a member since 2001, when the group was founded in Shanghai.",
        [("founding", "2001", "")],
    ),
    (
        "The pact dates back to 1992, when the treaty was signed in Tashkent.",
        [("agreement", "1992", "")],
    ),
    (
        "On Monday, when the envoys arrived in Kabul, the talks had not begun.",
        [("arrival", "2025-06-16", "")],
    ),
    # Without "when", a date bounding a span still starts nothing.
    ("The group has existed since 2001 and was founded in Shanghai.", []),
    # The "when" clause must follow the date directly.
    ("In 2001 the group grew, when others were founded elsewhere.", []),
]


# What the text says did not happen is no event; what it says happened stays one.
OWNED_BY_THE_EVENT = [
    # A trigger that owns something names a thing of its event, not the event.
    "The summit's host city was chosen on Monday.",
    "The attack's victims were buried on Monday.",
    "The new law replaced the minister's powers on Monday.",
]


@pytest.mark.parametrize("text", OWNED_BY_THE_EVENT)
def test_a_trigger_before_a_possessive_starts_no_event(text: str) -> None:
    assert events_of(text, "2025-10-06") == []


NOT_HAPPENED = [
    ("The two ministers did not meet on Monday.", []),
    ("The envoy has not yet visited Kabul this year.", []),
    ("The ministry denied that an airstrike had hit Khost on Sunday.", []),
    ("A planned visit by the delegation on Tuesday was cancelled.", []),
    ("Talks scheduled for Wednesday were postponed.", []),
    ("The group did not claim the attack on Monday.", [("attack", "2025-06-16", "")]),
    ("The ministry denied involvement in the bombing on Sunday.", [("attack", "2025-06-15", "")]),
    (
        "The summit, which was postponed in March, opened in Astana on Monday.",
        [("meeting", "2025-06-16", "")],
    ),
    ("Kam Air cancelled its flights to Dubai on Sunday.", [("flight", "2025-06-15", "")]),
]


@pytest.mark.parametrize(("text", "expected"), NOT_HAPPENED)
def test_events_the_text_says_did_not_happen(text: str, expected: Expected) -> None:
    assert events_of(text, "2025-06-20") == expected


@pytest.mark.parametrize(("text", "expected"), WHEN_CLAUSES)
def test_a_when_clause_takes_the_date_before_it(text: str, expected: Expected) -> None:
    assert events_of(text, "2025-06-20") == expected


def test_every_extractor_has_cases() -> None:
    assert {e.event_type for e in extractors()} == set(CASES)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [case for cases in CASES.values() for case in cases],
)
def test_extractor_case(text: str, published: str | None, expected: Expected) -> None:
    assert events_of(text, published) == expected


# Where an event happened: a place after "in"/"at", or named right after a trigger whose
# object is a place ("visited Kabul"); never a place after a trigger whose object is not.
LOCATIONS = [
    ("The envoy visited Herat on Monday.", "Herat"),
    ("The envoy paid a visit to Herat on Monday.", "Herat"),
    ("Gunmen attacked Jalalabad on Monday.", "Jalalabad"),
    ("The envoys met in Doha on Monday.", "Doha"),
    ("The envoys met in the eastern border city of Jalalabad on Monday.", "Jalalabad"),
    ("The envoy met Kabul's mayor on Monday.", None),
    ("The president flew into Dushanbe on Monday.", "Dushanbe"),
    ("The delegation landed at Termez airport on Monday.", "Termez"),
]


@pytest.mark.parametrize(("text", "place"), LOCATIONS)
def test_event_location(text: str, place: str | None) -> None:
    source = SourceDocument(name="case.txt", path="case.txt", text=text, published="2025-06-20")
    [event] = analyse(source, not_after=date(2026, 11, 23)).events
    assert (event.location.name if event.location else None) == place


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("The SCO admitted Mongolia as its ninth member in May 2022.", "Mongolia"),
        (
            "The SCO, whose members include China and Russia, granted observer status to "
            "Iran's neighbour Turkmenistan in May 2022.",
            "Turkmenistan",
        ),
        # The state may end the text.
        ("In May 2022 the SCO granted observer status to Turkmenistan", "Turkmenistan"),
    ],
)
def test_a_state_admitted_by_a_bloc_is_its_new_member(text: str, member: str) -> None:
    source = SourceDocument(name="case.txt", path="case.txt", text=text, published="2025-01-01")
    [event] = analyse(source, not_after=date(2026, 11, 23)).events
    assert [(p.entity.name, p.role) for p in event.participants] == [
        (member, "agent"),
        ("Shanghai Cooperation Organisation", "participant"),
    ]


def test_a_person_named_in_a_possessive_is_not_a_participant() -> None:
    source = SourceDocument(
        name="case.txt",
        path="case.txt",
        text="Foreign Minister Omar Siddiq's spokesman died on Sunday in Doha.",
        published="2025-06-20",
    )
    [event] = analyse(source, not_after=date(2026, 11, 23)).events
    assert event.event_type == "death"
    assert [p.entity.name for p in event.participants] == []


def test_a_possessive_before_its_event_names_who_took_part() -> None:
    source = SourceDocument(
        name="case.txt",
        path="case.txt",
        text="Envoy Omar Siddiq's visit to Kabul on Monday was short.",
        published="2025-06-20",
    )
    [event] = analyse(source, not_after=date(2026, 11, 23)).events
    assert event.event_type == "visit"
    assert [p.entity.name for p in event.participants] == ["Omar Siddiq"]


def test_no_anchor_keeps_the_year_unresolved() -> None:
    assert events_of("Envoys met in Doha on March 3.", None) == [("meeting", "XXXX-03-03", "")]


def test_published_is_required_to_be_a_date() -> None:
    with pytest.raises(ValueError, match="not a date"):
        events_of("Envoys met.", "soon")


def test_parse_published_precisions() -> None:
    assert parse_published("2025-03", basis="option").precision == "month"
