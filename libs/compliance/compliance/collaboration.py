"""What a collaboration type adds: a giveaway states its terms, an affiliate post names the commission.

The phrases are English and German, matched on the folded (lower-case) caption outside its hashtags
("#comment" tells nobody how to enter).
"""

import re

import ahocorasick

from compliance.model import CheckContext, Collaboration, Finding, Severity, Span
from compliance.rules import GIVEAWAY_RULE, MARKETS
from compliance.text import Caption

# Enum members as constants: Python 3.11 looks a member up on its class in about half a microsecond.
BLOCKING = Severity.BLOCKING
GIVEAWAY, AFFILIATE = Collaboration.GIVEAWAY, Collaboration.AFFILIATE

_MONTHS = (
    "jan(?:uary|uar)?|feb(?:ruary|ruar)?|mar(?:ch)?|märz|apr(?:il)?|may|mai|june?|juni|july?|juli"
    "|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?"
)
_DAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
)
_DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s*(?:of\s+)?(?:{_MONTHS})\b"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
    rf"|(?:{_DAYS})\b|midnight|mitternacht|tomorrow|tonight"
    r"|\d{1,2}(?::\d{2})?\s*(?:am|pm|uhr)\b)"
)
_END_CUE = (
    r"\b(?:ends?|ending|closes?|closing|until|till|deadline|by|before"
    r"|winners? (?:will be )?(?:announced|picked|chosen|drawn)"
    r"|endet|läuft bis|bis|einsendeschluss|teilnahmeschluss|gewinner(?:in)? wird)\b"
)
_PLATFORM_NAMES = r"\b(?:instagram|tiktok|youtube|meta|facebook|twitter|x corp)\b"
_NOT = r"\b(?:not|in no way|nicht|keiner|keinen|keine|kein)\b"
_RUN_BY = (
    r"(?:sponsor|endors|administ|associat|affiliat|connect|gesponsert|unterstützt|organisiert"
    r"|verbindung|zusammenhang|veranstaltet|durchgeführt)"
)

# What a giveaway must state: each term's ways of stating it, each way a pattern and the words every
# statement it matches holds (tests/test_collaboration proves it on what each pattern matches). A caption
# with none of a way's words cannot state the term that way: one pass over it tells which ways' patterns
# can match at all (most giveaways' captions otherwise ran every pattern at every position; a term whose
# alternatives all run at each position took up to 50 us on a long caption).
# fmt: off
TERM_WAYS: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {
    "giveaway.no_entry_method": (
        (("enter", "particip", "take part", "to win", "nimmst", "teiln", "mitmachen", "gewinnen"),
         r"\b(?:to enter|how to enter|enter by|to participate|to take part|for a chance to win|to win"
         r"|so nimmst du teil|teilnehmen|teilnahme|mitmachen|um zu gewinnen)\b"),
        (("follow", "folg"), r"\b(?:follow|folge|folgt)\s+@"),
        (("friend", "freund", "people", "personen", "buddies", "mate"),
         r"\b(?:tag|markiere|markiert)\s+(?:(?:a|an|one|two|three|\d+|eine?n?|zwei|drei)\s+)?"
         r"(?:friends?|freund\w*|people|personen|buddies|mates?)\b"),
        (("comment", "kommentier"), r"\b(?:comment|kommentiere|kommentiert)\b"),
        (("like ",), r"\blike (?:this|the) (?:post|video|reel)\b"),
    ),
    "giveaway.no_end_date": (
        (("end", "clos", "until", "till", "deadline", "by", "before", "winner", "bis", "schluss"),
         _END_CUE + r"[^\n]{0,40}?" + _DATE),
    ),
    "giveaway.no_eligibility": (
        (("open to", "eligib", "resident", "teilnahmeberechtigt", "volljährig", "wohnsitz", "worldwide", "weltweit",
          "international"),
         r"\b(?:open to|eligib\w*|residents?|teilnahmeberechtigt\w*|volljährig\w*|wohnsitz|worldwide|weltweit"
         r"|international(?:ly)?)"),
        (("must be",), r"\bmust be \d{2}"),
        (("age",), r"\baged? \d{2}"),
        (("+",), r"\b\d{2}\s?\+"),
        (("years", "jahre"), r"\b\d{2} (?:years|jahre)"),
        (("over ",), r"\bover \d{2}"),
        (("ab ",), r"\bab \d{2}"),
        (("only",), r"\b(?:uk|us|usa|eu|de|germany|deutschland|austria|österreich) only"),
        (("nur ",), r"\bnur (?:in|für)"),
    ),
    "giveaway.no_platform_disclaimer": (
        (("sponsor", "endors", "administ", "associat", "affiliat", "connect", "gesponsert", "unterstützt",
          "organisiert", "verbindung", "zusammenhang", "veranstaltet", "durchgeführt"),
         rf"{_PLATFORM_NAMES}\s+(?:is|ist|steht|has|hat|does|will|wird)\b[^.!?\n]{{0,60}}?{_NOT}[^.!?\n]{{0,60}}?{_RUN_BY}"
         rf"|{_NOT}[^.!?\n]{{0,80}}?{_RUN_BY}[^.!?\n]{{0,80}}?{_PLATFORM_NAMES}"),
    ),
}
# fmt: on
EXAMPLES = {
    "giveaway.no_entry_method": "how to enter (e.g. 'To enter: follow @brand and tag a friend')",
    "giveaway.no_end_date": "when it ends (e.g. 'Ends 31 May at 23:59 GMT')",
    "giveaway.no_eligibility": "who may enter (e.g. 'Open to UK residents aged 18+')",
    "giveaway.no_platform_disclaimer": (
        "that the platform does not sponsor or run it (e.g. 'Not sponsored, endorsed or administered by Instagram')"
    ),
}
# Every way in order: (term, words, pattern); the automaton gives each word's ways by their numbers.
WAYS = tuple((code, words, re.compile(pattern)) for code, ways in TERM_WAYS.items() for words, pattern in ways)
_WAY_WORDS = ahocorasick.Automaton()
for _word in {word for _, words, _ in WAYS for word in words}:
    _WAY_WORDS.add_word(_word, tuple(number for number, (_, words, _) in enumerate(WAYS) if _word in words))
_WAY_WORDS.make_automaton()


def stated_terms(text: str) -> set[str]:
    """The giveaway terms the text states: only the ways whose words it holds are tried."""
    stated: set[str] = set()
    for number in sorted({number for _, numbers in _WAY_WORDS.iter(text) for number in numbers}):
        code, _, pattern = WAYS[number]
        if code not in stated and pattern.search(text) is not None:
            stated.add(code)
    return stated


# Every way of naming the commission below has one of these words: a quick check before the pattern.
COMMISSION_WORDS = ("commission", "provision", "associate", "purchas", "sale", "order", "buy", "anteil", "geld")
COMMISSION = re.compile(
    r"\bcommissions?\b|\bprovision(?:en)?\b|\bprovisionslinks?\b|\bas an amazon associate\b"
    r"|\b(?:i|we)\s+(?:may\s+|might\s+|will\s+)?(?:earn|get|receive|make)\b[^.\n]{0,60}?"
    r"\b(?:purchases?|sales?|orders?|buy)\b"
    r"|\b(?:ich|wir)\s+(?:erhalte|erhalten|bekomme|bekommen|verdiene|verdienen)\b[^.\n]{0,60}?"
    r"\b(?:provision|anteil|geld)\b"
)


def names_commission(text: str) -> bool:
    return any(word in text for word in COMMISSION_WORDS) and COMMISSION.search(text) is not None


def collaboration_findings(caption: Caption, context: CheckContext) -> list[Finding]:
    if context.collaboration not in (GIVEAWAY, AFFILIATE):
        return []
    whole = Span(0, len(caption.text))
    text = caption.prose
    findings: list[Finding] = []
    if context.collaboration is GIVEAWAY:
        stated = stated_terms(text)
        for code, example in EXAMPLES.items():
            if code not in stated:
                findings.append(Finding(code, BLOCKING, GIVEAWAY_RULE, f"a giveaway must state {example}", whole))
    if context.collaboration is AFFILIATE and not names_commission(text):
        for market in context.markets:
            findings.append(
                Finding(
                    "affiliate.commission_undisclosed",
                    BLOCKING,
                    MARKETS[market].affiliate,
                    "say that you earn a commission on purchases through your link "
                    "(e.g. 'I earn a commission if you buy through my link')",
                    whole,
                    market,
                )
            )
    return findings
