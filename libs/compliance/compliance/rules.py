"""The disclosure rules of each market, as data: which labels count where, and which rule says so.

A label is what a caption writes to tell viewers it is advertising (`#ad`, `Werbung`, `Paid
partnership with ...`). Each label is, per market:

    ACCEPTED   a clear disclosure there
    GIFT       a clear disclosure only when the fee was a gift (UK: and the brand had no control)
    VAGUE      does not tell a viewer it is an ad (FTC: "#sp", "#spon", "#collab", "thanks", "ambassador" alone)
    FOREIGN    a label in a language that market's viewers are not expected to read

Where a label sits matters too (see the placement rules): before the platform's "more" fold, not
mixed into a block of trailing hashtags, and in the UK and Germany up front.
"""

from dataclasses import dataclass
from enum import StrEnum

from compliance.model import Market, Rule


class Status(StrEnum):
    ACCEPTED = "accepted"
    GIFT = "gift"
    VAGUE = "vague"
    FOREIGN = "foreign"


A, G, V, F = Status.ACCEPTED, Status.GIFT, Status.VAGUE, Status.FOREIGN
COLUMNS = (Market.US, Market.UK, Market.DE)

# fmt: off
# label                    US  UK  DE
LABELS: dict[str, tuple[Status, Status, Status]] = {
    "ad":                     (A, A, F),  # "#ad", "Ad:", "[Ad]", "paid ad", "this is an ad"
    "advert":                 (A, A, F),
    "advertisement":          (A, A, F),  # also "Advertisement feature"
    "advertising":            (A, A, F),
    "sponsored":              (A, V, F),  # ASA/CMA: "sponsored" is not clear enough in the UK
    "paid_partnership":       (A, V, F),  # "Paid partnership with <brand>"
    "paid_promotion":         (A, V, F),  # "Includes paid promotion"
    "brand_partner":          (A, V, F),  # "#<brand>partner" (FTC: OK; UK: only sometimes)
    "brand_ambassador":       (A, V, F),  # "#<brand>ambassador"
    "werbung":                (F, F, A),
    "anzeige":                (F, F, A),
    "bezahlte_partnerschaft": (F, F, A),  # Instagram's German label "Bezahlte (Werbe)partnerschaft mit"
    "gifted":                 (G, G, F),
    "unbezahlte_werbung":     (F, F, G),  # "unbezahlte Werbung", "Werbung wegen Markennennung"
    "gesponsert":             (F, F, V),
    "sp":                     (V, V, V),
    "spon":                   (V, V, V),
    "collab":                 (V, V, V),  # also "in collaboration/partnership/association with", "powered by"
    "partner":                (V, V, V),  # "#partner" alone
    "ambassador":             (V, V, V),  # "#ambassador" alone
    "thanks":                 (V, V, V),  # "thanks to", "thank you @brand", "#thanks<brand>"
    "affiliate":              (V, V, V),  # "#affiliate", "#aff": affiliate content still needs an ad label
    "pr":                     (V, V, V),  # "#pr", "#prsample", "PR package"
    "kooperation":            (V, V, V),  # "in Kooperation mit", "mit freundlicher Unterstützung"
}
# fmt: on

# Hashtags (lower case, without the #) and the label each one is.
HASHTAG_LABELS: dict[str, str] = {
    "ad": "ad",
    "paidad": "ad",
    "advert": "advert",
    "advertisement": "advertisement",
    "advertising": "advertising",
    "sponsored": "sponsored",
    "sponsoredpost": "sponsored",
    "paidpartnership": "paid_partnership",
    "paidpromotion": "paid_promotion",
    "werbung": "werbung",
    "anzeige": "anzeige",
    "bezahltepartnerschaft": "bezahlte_partnerschaft",
    "bezahltewerbepartnerschaft": "bezahlte_partnerschaft",
    "gifted": "gifted",
    "giftedby": "gifted",
    "unbezahltewerbung": "unbezahlte_werbung",
    "unbeauftragtewerbung": "unbezahlte_werbung",
    "werbungwegenmarkennennung": "unbezahlte_werbung",
    "gesponsert": "gesponsert",
    "sp": "sp",
    "spon": "spon",
    "sponsor": "spon",
    "collab": "collab",
    "collaboration": "collab",
    "partner": "partner",
    "partnership": "partner",
    "brandpartner": "partner",
    "ambassador": "ambassador",
    "brandambassador": "ambassador",
    "affiliate": "affiliate",
    "affiliatelink": "affiliate",
    "aff": "affiliate",
    "afflink": "affiliate",
    "pr": "pr",
    "prsample": "pr",
    "prpackage": "pr",
    "prgift": "pr",
    "kooperation": "kooperation",
}

# A brand's own hashtag: its name or handle, then one of these ("#nikepartner", "#nike_ambassador");
# with a prefix, before it ("#thanksnike").
BRAND_TAG_SUFFIXES: dict[str, str] = {
    "partner": "brand_partner",
    "_partner": "brand_partner",
    "ambassador": "brand_ambassador",
    "_ambassador": "brand_ambassador",
}
BRAND_TAG_PREFIXES: dict[str, str] = {"thanks": "thanks", "thankyou": "thanks"}

# Words and phrases and the label each is: (a word every match contains, or several split by "|" of
# which each match contains one; the phrase as a lower-case regular expression; label; label_only).
# A phrase marked label_only counts only where it stands as a label: first on its line, in brackets,
# before ":" or "|", or alone after a full stop at the end of a line ("ad" in "a great ad" is none).
# Where two start at the same place the earlier row wins. Any of them right after "not", "no",
# "nicht", "kein(e)" does not count.
# fmt: off
PHRASE_LABELS: tuple[tuple[str, str, str, bool], ...] = (
    ("partnership",    r"paid partnership(?: with)?",                                  "paid_partnership",       False),
    ("partnerschaft",  r"bezahlte (?:werbe)?partnerschaft(?: mit)?",                   "bezahlte_partnerschaft", False),
    ("werbung",        r"(?:unbezahlte|unbeauftragte) werbung",                        "unbezahlte_werbung",     False),
    ("markennennung",  r"werbung (?:wegen|aufgrund|durch) markennennung",              "unbezahlte_werbung",     False),
    ("is a ad|is an ad", r"(?:this|it)(?: post| video| reel)? is an? (?:ad|advert|advertisement)", "ad",         False),
    ("paid ad",        r"paid (?:ad|advertisement)",                                   "ad",                     False),
    ("advertisement",  r"advertisement(?: feature)?",                                  "advertisement",          False),
    ("advert",         r"advert",                                                      "advert",                 False),
    ("advertising",    r"advertising",                                                 "advertising",            True),
    ("ad",             r"ad",                                                          "ad",                     True),
    ("sponsored by",   r"sponsored by",                                                "sponsored",              False),
    ("s sponsored",    r"(?:post|video|reel|content|episode) (?:is|was) sponsored",    "sponsored",              False),
    ("sponsored",      r"sponsored",                                                   "sponsored",              True),
    ("paid promotion", r"(?:includes )?paid promotion",                                "paid_promotion",         False),
    ("werbung",        r"werbung",                                                     "werbung",                False),
    ("anzeige",        r"anzeige",                                                     "anzeige",                False),
    ("gesponsert",     r"gesponsert",                                                  "gesponsert",             False),
    ("gift",           r"gifted|gift from",                                            "gifted",                 False),
    ("thank",          r"thanks to|thank you to|thanks? (?:you )?@[\w.]+",             "thanks",                 False),
    ("in co",          r"in (?:collaboration|collab|cooperation) with",                "collab",                 False),
    ("in partnership", r"in partnership with",                                         "collab",                 False),
    ("association",    r"in association with",                                         "collab",                 False),
    ("brought",        r"brought to you by",                                           "collab",                 False),
    ("possible",       r"made possible by",                                            "collab",                 False),
    ("powered",        r"powered by",                                                  "collab",                 False),
    ("supported",      r"supported by",                                                "collab",                 False),
    ("kooperation",    r"in kooperation mit|kooperation",                              "kooperation",            False),
    ("zusammenarbeit", r"in zusammenarbeit mit",                                       "kooperation",            False),
    ("unterstützung",  r"mit freundlicher unterstützung",                              "kooperation",            False),
    ("affiliate",      r"affiliate(?:[- ]links?)?",                                    "affiliate",              False),
    ("pr |pr-",        r"pr[- ](?:package|sample|paket)",                              "pr",                     False),
)
# fmt: on

# Hashtags that say the opposite: a post that says it is not sponsored.
DENIAL_HASHTAGS = frozenset(
    {"notsponsored", "notanad", "nonsponsored", "unsponsored", "nichtgesponsert", "keinewerbung"}
)


@dataclass(frozen=True, slots=True)
class MarketRules:
    disclosure: Rule  # a clear label is there
    placement: Rule  # and where viewers see it
    video: Rule  # a video says and shows it too
    gift: Rule  # when a gift label is enough
    affiliate: Rule  # an affiliate post names the commission
    live: Rule | None  # a live stream repeats it
    up_front_chars: int | None  # the label starts within this many characters ("up front")
    gift_needs_no_control: bool  # a gift label is enough only when the brand had no control
    write: str  # what to write instead, for messages


_FTC = "FTC Endorsement Guides, 16 CFR 255.5; FTC 'Disclosures 101 for Social Media Influencers' (2019)"
_ASA = "CAP Code rules 2.1 and 2.3; ASA/CMA 'Influencers' guide to making clear that ads are ads' (2023)"
_DE = "UWG §5a(4); MStV §22(1); Leitfaden der Medienanstalten 'Werbekennzeichnung bei Online-Medien'"

MARKETS: dict[Market, MarketRules] = {
    Market.US: MarketRules(
        disclosure=Rule("us.disclosure", "A material connection to the brand is disclosed in clear words", _FTC),
        placement=Rule(
            "us.placement",
            "The disclosure is hard to miss: seen without clicking 'more', not mixed into a group of hashtags",
            _FTC,
        ),
        video=Rule(
            "us.video",
            "A video endorsement discloses in the video itself, said and shown on screen",
            "FTC 'Disclosures 101 for Social Media Influencers' (2019)",
        ),
        gift=Rule("us.gift", "'#gifted' discloses a free product, not a paid post", _FTC),
        affiliate=Rule(
            "us.affiliate",
            "An affiliate post says the creator earns a commission",
            "FTC Endorsement Guides, 16 CFR 255.5; FTC 'Endorsement Guides: What People Are Asking'",
        ),
        live=Rule(
            "us.live",
            "A live stream repeats the disclosure periodically",
            "FTC 'Disclosures 101 for Social Media Influencers' (2019)",
        ),
        up_front_chars=None,
        gift_needs_no_control=False,
        write="'#ad', 'Advertisement' or 'Paid partnership with <brand>'",
    ),
    Market.UK: MarketRules(
        disclosure=Rule(
            "uk.disclosure", "An ad is obviously identifiable: 'Ad', 'Advert', 'Advertising' or 'Advertisement'", _ASA
        ),
        placement=Rule(
            "uk.placement", "The ad label is upfront and prominent, seen before anyone engages, not in hashtags", _ASA
        ),
        video=Rule("uk.video", "A video ad is labelled in the video itself", _ASA),
        gift=Rule("uk.gift", "'#gifted' is enough only for a gift the brand had no control over", _ASA),
        affiliate=Rule(
            "uk.affiliate",
            "Affiliate content is an ad and says the creator earns from it",
            "CAP Code rule 2.1; ASA advice 'Online affiliate marketing'",
        ),
        live=None,
        up_front_chars=40,
        gift_needs_no_control=True,
        write="'#ad' (or 'Ad', 'Advert', 'Advertisement') at the start",
    ),
    Market.DE: MarketRules(
        disclosure=Rule("de.disclosure", "Advertising is labelled 'Werbung' or 'Anzeige'", _DE),
        placement=Rule("de.placement", "The label stands at the start, visible at first glance", _DE),
        video=Rule("de.video", "A video shows the label in the picture itself", _DE),
        gift=Rule("de.gift", "'unbezahlte Werbung' is for a gift, not for a paid post", _DE),
        affiliate=Rule("de.affiliate", "Affiliate links are labelled and the commission named", _DE),
        live=None,
        up_front_chars=40,
        gift_needs_no_control=False,
        write="'Werbung' or 'Anzeige' at the start",
    ),
}

GIVEAWAY_RULE = Rule(
    "giveaway.terms",
    "A giveaway states how to enter, when it ends, who may enter, and that the platform does not run it",
    "Instagram Promotion Guidelines; CAP Code rule 8.17 (UK); other platforms: platform guidance",
)
BRIEF_RULE = Rule("brief", "What the campaign's brief requires of the caption", "the campaign brief")
APPROVED_RULE = Rule("approved", "The published caption keeps what was approved", "the approved version")

# A label among at least this many trailing hashtags (itself included) is buried in them.
BURIED_AMONG = 3


# Each market's column on its own: one look-up per label and market in a check.
STATUS_IN: dict[Market, dict[str, Status]] = {
    market: {label: row[i] for label, row in LABELS.items()} for i, market in enumerate(COLUMNS)
}


def status(label: str, market: Market) -> Status:
    return STATUS_IN[market][label]
