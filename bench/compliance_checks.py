"""Compliance checks per second on one core (issue 13: goal above 20k/s), and sponsored-post detections per second.

10k generated, realistic captions: English and German, 20 to ~2,500 characters, labels up front, late,
buried in trailing hashtag blocks or vague, mentions, links, emoji (with zero-width-joiner sequences),
full-width and accented letters; each with its own context (platform, format, one to three markets,
collaboration type, one of a few campaign briefs). Each check builds a fresh Caption, so tokenising
is measured too. CPU time (time.process_time) of this one process, best and median of the rounds.

    python bench/compliance_checks.py [--captions 10000] [--rounds 5] [--seed 7]
Prints the figures and writes bench/results/compliance_checks.json.
"""

import argparse
import json
import platform
import random
import statistics
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import compliance.labels
import compliance.text
from compliance import (
    Brand,
    BrandIndex,
    BriefRequirements,
    Caption,
    CheckContext,
    Collaboration,
    Format,
    Market,
    Platform,
    check,
    detect_sponsorship,
)

ROOT = Path(__file__).resolve().parents[1]
BRANDS = [
    Brand("Nike", ("@nike",)),
    Brand("Glossier", ("@glossier",)),
    Brand("Lavazza", ("@lavazza",)),
    Brand("Ben & Jerry's", ("@benandjerrys",)),
    Brand("Zara", ("@zara",)),
    Brand("Dior", ("@dior",)),
]
BRIEFS = [
    BriefRequirements(),
    BriefRequirements(required_hashtags=("#NikeRun",), required_mentions=("@nike",), forbidden_words=("cure",)),
    BriefRequirements(required_links=("glossier.com/spring",), forbidden_words=("best ever", "guaranteed")),
    BriefRequirements(required_hashtags=("#Lavazza", "#CoffeeTime"), required_mentions=("@lavazza",)),
]
SENTENCES_EN = [
    "Morning run in my new trainers from {m}, feeling fast",
    "This serum changed my skin routine completely",
    "Dinner in 20 minutes thanks to {m}",
    "Honestly the comfiest pair I have owned in years",
    "Link in bio for the full review",
    "Use my code SPRING20 for 20% off",
    "Shop the look at https://glossier.com/spring?utm_source=ig",
    "We tried every flavour so you don't have to",
    "Swipe for the before and after",
    "Can't believe how good this coffee is at 6am",
]
SENTENCES_DE = [
    "Mein neues Lieblingsparfum von {m} riecht einfach traumhaft",
    "Heute ging es mit den neuen Schuhen auf die große Runde",
    "Straße, Sonne und ein guter Kaffee von {m}",
    "Mit meinem Code FRÜHLING15 bekommt ihr 15% Rabatt",
    "Alle Infos findet ihr über den Link in der Bio",
]
EMOJI = ["✨", "🔥", "😍", "☕️", "🏃\u200d♀️", "👩\u200d💻", "🇩🇪", "👍🏽", "💄", ""]
LABELS_UP_FRONT = [
    "#ad ",
    "#AD ",
    "Ad | ",
    "Werbung | ",
    "#anzeige ",
    "Paid partnership with Nike. ",
    "#sponsored ",
    "＃ＡＤ ",
]
VAGUE = ["#collab ", "#sp ", "Thanks to @nike! ", "#ambassador ", "In Kooperation mit @zara: "]
TAGS = [
    "run", "fitness", "skincare", "coffee", "ootd", "style", "gym", "travel", "food", "beauty", "love", "sunday",
    "laufen", "kaffee", "nikerun", "coffeetime", "lavazza", "glowup", "fyp", "viral",
]  # fmt: skip
GIVEAWAY_TERMS = (
    "To enter: follow @lavazza and tag a friend. Ends 31 May at 23:59 GMT. Open to UK residents 18+. "
    "This giveaway is in no way sponsored, endorsed or administered by Instagram."
)


def caption_text(rng: random.Random) -> str:
    german = rng.random() < 0.3
    sentences = SENTENCES_DE if german else SENTENCES_EN
    parts: list[str] = []
    placement = rng.random()
    if placement < 0.55:
        parts.append(rng.choice(LABELS_UP_FRONT))
    elif placement < 0.65:
        parts.append(rng.choice(VAGUE))
    for _ in range(rng.choice([1, 1, 2, 3, 4, 6, 10, 25])):
        sentence = rng.choice(sentences).format(m="@" + rng.choice(BRANDS).handles[0].lstrip("@"))
        parts.append(sentence + rng.choice([". ", "! ", " "]) + rng.choice(EMOJI) + " ")
    if rng.random() < 0.1:
        parts.append(GIVEAWAY_TERMS + " ")
    if 0.65 <= placement < 0.8:
        parts.append(rng.choice(["#ad", "Werbung", "#sponsored"]) + " ")
    tags = [f"#{t}" for t in rng.sample(TAGS, rng.choice([0, 0, 1, 3, 5, 8, 12, 20]))]
    if 0.8 <= placement < 0.9 and tags:
        tags.insert(rng.randrange(len(tags) + 1), "#ad")
    if tags:
        parts.append(rng.choice(["\n.\n.\n", "\n\n", " "]) + " ".join(tags))
    return "".join(parts).strip()


def context_for(rng: random.Random) -> CheckContext:
    platform_ = rng.choice(list(Platform))
    formats = {
        Platform.INSTAGRAM: [Format.POST, Format.CAROUSEL, Format.REEL, Format.STORY],
        Platform.TIKTOK: [Format.VIDEO],
        Platform.YOUTUBE: [Format.VIDEO, Format.SHORT, Format.LIVE],
        Platform.X: [Format.POST],
    }[platform_]
    collaboration = rng.choices(list(Collaboration), weights=[50, 15, 10, 10, 15])[0]
    return CheckContext(
        platform=platform_,
        format=rng.choice(formats),
        markets=tuple(rng.sample(list(Market), rng.choice([1, 1, 1, 2, 3]))),
        collaboration=collaboration,
        fee_is_gift=rng.random() < 0.15,
        brand_controls_content=rng.random() < 0.8,
        brand=rng.choice(BRANDS),
        brief=rng.choice(BRIEFS),
        in_video_disclosure_confirmed=rng.random() < 0.5,
    )


def timed(work: list[tuple[str, CheckContext]], rounds: int, run: Any) -> list[float]:
    rates = []
    for _ in range(rounds):
        started = time.process_time()
        for text, context in work:
            run(text, context)
        rates.append(len(work) / (time.process_time() - started))
    return rates


def build() -> str:
    """Whether the rule modules run compiled (libs/compliance/setup.py) or as their Python source."""
    compiled = [m.__name__ for m in (compliance.text, compliance.labels) if m.__file__.endswith(".so")]
    return "compiled (Cython)" if len(compiled) == 2 else "pure Python"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--captions", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "compliance_checks.json"))
    args = parser.parse_args()

    rng = random.Random(args.seed)
    work = [(caption_text(rng), context_for(rng)) for _ in range(args.captions)]
    index = BrandIndex(BRANDS)

    def one_check(text: str, context: CheckContext) -> None:
        check(Caption(text), context)

    def one_detection(text: str, _: CheckContext) -> None:
        detect_sponsorship(Caption(text), platform_label=False, known_brands=index)

    timed(work[:500], 1, one_check)  # warm-up
    check_rates = timed(work, args.rounds, one_check)
    detection_rates = timed(work, args.rounds, one_detection)
    by_length: dict[str, float] = {}
    for name, low, high in (
        ("up_to_150", 0, 150),
        ("151_to_300", 151, 300),
        ("301_to_600", 301, 600),
        ("over_600", 601, 10**6),
    ):
        some = [(text, context) for text, context in work if low <= len(text) <= high]
        if some:
            by_length[name] = round(1e6 / max(timed(some, args.rounds, one_check)), 1)

    codes: Counter[str] = Counter()
    blocking = 0
    for text, context in work:
        report = check(Caption(text), context)
        blocking += report.blocking
        codes.update(set(report.codes()))
    lengths = sorted(len(text) for text, _ in work)
    result = {
        "benchmark": "compliance_checks",
        "when": datetime.now(UTC).isoformat(),
        "machine": f"{platform.machine()} {platform.system()}, python {platform.python_version()}",
        "build": build(),
        "captions": len(work),
        "caption_chars": {
            "p50": lengths[len(lengths) // 2],
            "p99": lengths[int(0.99 * len(lengths))],
            "max": lengths[-1],
        },
        "rounds": args.rounds,
        "checks_per_s": {"best": round(max(check_rates)), "median": round(statistics.median(check_rates))},
        "us_per_check": round(1e6 / statistics.median(check_rates), 1),
        "us_per_check_by_caption_chars": by_length,
        "detections_per_s": {"best": round(max(detection_rates)), "median": round(statistics.median(detection_rates))},
        "goal_checks_per_s": 20_000,
        "share_blocking": round(blocking / len(work), 3),
        "captions_with_code": dict(codes.most_common()),
    }
    print(json.dumps(result, indent=2))
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
