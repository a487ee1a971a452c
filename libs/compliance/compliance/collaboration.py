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

# (code, what a giveaway must state, an example of saying it)
GIVEAWAY_TERMS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "giveaway.no_entry_method",
        re.compile(
            r"\b(?:to enter|how to enter|enter by|to participate|to take part|for a chance to win|to win"
            r"|so nimmst du teil|teilnehmen|teilnahme|mitmachen|um zu gewinnen)\b"
            r"|\b(?:follow|folge|folgt)\s+@"
            r"|\b(?:tag|markiere|markiert)\s+(?:(?:a|an|one|two|three|\d+|eine?n?|zwei|drei)\s+)?"
            r"(?:friends?|freund\w*|people|personen|buddies|mates?)\b"
            r"|\b(?:comment|kommentiere|kommentiert)\b|\blike (?:this|the) (?:post|video|reel)\b"
        ),
        "how to enter (e.g. 'To enter: follow @brand and tag a friend')",
    ),
    (
        "giveaway.no_end_date",
        re.compile(_END_CUE + r"[^\n]{0,40}?" + _DATE),
        "when it ends (e.g. 'Ends 31 May at 23:59 GMT')",
    ),
    (
        "giveaway.no_eligibility",
        re.compile(
            r"\b(?:open to|eligib\w*|residents?|teilnahmeberechtigt\w*|volljährig\w*|wohnsitz|worldwide|weltweit"
            r"|international(?:ly)?|must be \d{2}|aged? \d{2}|\d{2}\s?\+|\d{2} (?:years|jahre)|over \d{2}|ab \d{2}"
            r"|(?:uk|us|usa|eu|de|germany|deutschland|austria|österreich) only|nur (?:in|für))"
        ),
        "who may enter (e.g. 'Open to UK residents aged 18+')",
    ),
    (
        "giveaway.no_platform_disclaimer",
        re.compile(
            rf"{_PLATFORM_NAMES}\s+(?:is|ist|steht|has|hat|does|will|wird)\b[^.!?\n]{{0,60}}?{_NOT}[^.!?\n]{{0,60}}?{_RUN_BY}"
            rf"|{_NOT}[^.!?\n]{{0,80}}?{_RUN_BY}[^.!?\n]{{0,80}}?{_PLATFORM_NAMES}"
        ),
        "that the platform does not sponsor or run it (e.g. 'Not sponsored, endorsed or administered by Instagram')",
    ),
)

# Words that every statement of a term holds (tests/test_collaboration proves it on what each pattern
# matches): a caption with none of them cannot state the term, and one pass over it tells which terms'
# patterns can match at all. Without it most giveaways' captions ran all four patterns at every position.
# fmt: off
TERM_WORDS: dict[str, tuple[str, ...]] = {
    "giveaway.no_entry_method": (
        "enter", "particip", "take part", "to win", "nimmst", "teiln", "mitmachen", "gewinnen", "follow", "folg",
        "friend", "freund", "people", "personen", "buddies", "mate", "comment", "kommentier", "like ",
    ),
    "giveaway.no_end_date": (
        "end", "clos", "until", "till", "deadline", "by", "before", "winner", "bis", "schluss",
    ),
    "giveaway.no_eligibility": (
        "open to", "eligib", "resident", "teilnahmeberechtigt", "volljährig", "wohnsitz", "worldwide", "weltweit",
        "international", "must be", "age", "+", "years", "jahre", "over ", "ab ", "only", "nur ",
    ),
    "giveaway.no_platform_disclaimer": (
        "sponsor", "endors", "administ", "associat", "affiliat", "connect", "gesponsert", "unterstützt",
        "organisiert", "verbindung", "zusammenhang", "veranstaltet", "durchgeführt",
    ),
}
# fmt: on
_TERM_WORDS = ahocorasick.Automaton()
for _word in {word for words in TERM_WORDS.values() for word in words}:
    _TERM_WORDS.add_word(_word, tuple(code for code, words in TERM_WORDS.items() if _word in words))
_TERM_WORDS.make_automaton()


def possible_terms(text: str) -> set[str]:
    """The giveaway terms whose words the text holds: only their patterns can match."""
    return {code for _, codes in _TERM_WORDS.iter(text) for code in codes}


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
        possible = possible_terms(text)
        for code, stated, example in GIVEAWAY_TERMS:
            if code not in possible or stated.search(text) is None:
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
