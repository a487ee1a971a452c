"""TfidfSimilarity gives what scikit-learn's TfidfVectorizer gives (sublinear tf, smoothed idf over the
documents compared, l2 rows), in time that grows little with each document's length."""

import random

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from discovery.domain.text import ProfileText, TfidfSimilarity


def _reference(query: str, documents: list[str]) -> np.ndarray:
    vectorizer = TfidfVectorizer(analyzer=str.split, sublinear_tf=True, norm="l2")
    matrix = vectorizer.fit_transform([query, *documents])
    return np.clip((matrix[1:] @ matrix[0].T).toarray().ravel(), 0.0, 1.0)


def _document(rng: random.Random, words: list[str]) -> str:
    size = rng.choice([0, 1, 3, 8, 20, 60])
    return " ".join(rng.choice(words[: rng.choice([5, 50, len(words)])]) for _ in range(size))


@pytest.mark.parametrize("seed", range(6))
def test_the_scores_are_those_of_scikit_learns_vectorizer(seed: int) -> None:
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(400)] + ["coffee", "café", "nike", "trail"]
    documents = [_document(rng, words) for _ in range(rng.choice([1, 2, 30, 600]))]
    query = " ".join(rng.choice(words) for _ in range(rng.choice([1, 4, 12])))

    scores = TfidfSimilarity().similarities(ProfileText("", query), [ProfileText("", d) for d in documents])

    np.testing.assert_allclose(scores, _reference(query, documents), rtol=0, atol=1e-12)


def test_a_document_sharing_no_term_scores_zero_and_an_equal_one_scores_one() -> None:
    scores = TfidfSimilarity().similarities(
        ProfileText("", "coffee beans"),
        [ProfileText("", "coffee beans"), ProfileText("", "trail running"), ProfileText("", ""), ProfileText("", "")],
    )

    np.testing.assert_allclose(scores, [1.0, 0.0, 0.0, 0.0], atol=1e-12)


def test_no_query_terms_or_no_documents_score_nothing() -> None:
    similarity = TfidfSimilarity()
    assert similarity.similarities(ProfileText("", ""), [ProfileText("", "coffee")]).tolist() == [0.0]
    assert similarity.similarities(ProfileText("", "coffee"), []).tolist() == []
