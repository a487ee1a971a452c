"""Text similarity between a brief (or a profile) and profiles, behind one interface.

TF-IDF (scikit-learn's weighting, computed with numpy and scipy) is the default: cosine of the
TF-IDF vectors, with inverse document frequencies taken over the documents compared, so a word
every candidate uses counts little.
A sentence-embedding backend (all-MiniLM-L6-v2, offline, optional extra `embeddings`) compares
meaning instead of words; DISCOVERY_TEXT_SIMILARITY=embedding selects it.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import chain
from typing import NamedTuple, Protocol

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

_TOKEN = re.compile(r"[^\W_]{2,}")
_ASCII_TOKEN = re.compile(r"[a-z0-9]{2,}")  # the same on folded ASCII text, and faster
_STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"https", "http", "www", "com"}

Vector = npt.NDArray[np.float64]


def analyze(text: str) -> list[str]:
    """Lower-cased, accent-free words of two or more letters, without stop words and bare numbers."""
    plain = fold(text)
    tokens = (_ASCII_TOKEN if plain.isascii() else _TOKEN).findall(plain)
    return [t for t in tokens if t not in _STOP_WORDS and not t.isdigit()]


def fold(text: str) -> str:
    """Lower case without accents."""
    plain = text.casefold()
    if plain.isascii():
        return plain
    folded = unicodedata.normalize("NFKD", plain)
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


class ProfileText(NamedTuple):
    """A document to compare: its text (for embeddings) and its analysed terms (for TF-IDF),
    computed once when the profile is written. (A tuple: ranking builds hundreds per query.)"""

    text: str
    terms: str

    @classmethod
    def of(cls, text: str) -> "ProfileText":
        return cls(text=text, terms=" ".join(analyze(text)))


def profile_document(
    display_name: str | None, bio: str | None, categories: Sequence[str], past_sponsors: Sequence[str]
) -> ProfileText:
    """What brand affinity and lookalikes compare: name, bio, categories and past sponsors."""
    parts = [display_name or "", bio or "", " ".join(categories), " ".join(past_sponsors)]
    return ProfileText.of(" ".join(p for p in parts if p)[:4000])


def with_posts(text: str, terms: str, post_text: str | None, post_terms: str | None) -> ProfileText:
    """A profile's own words and, when it has posts, those of its recent captions and the brands
    they tag (posts_document): what brand affinity compares with a brief."""
    if not post_terms:
        return ProfileText(text, terms)
    if post_terms.count(" ") >= MAX_POST_TERMS:  # stored when the cap was higher: its first terms lead
        post_terms = " ".join(post_terms.split()[:MAX_POST_TERMS])
    return ProfileText(f"{text} {post_text or ''}", f"{terms} {post_terms}")


def posts_document(captions: Sequence[str], brands: Sequence[str]) -> ProfileText:
    """The recent captions (newest first) and the brands the posts tag, as one document: the
    brands and the captions' most frequent words (ties: the newest first), MAX_POST_TERMS in all, so
    that a profile with posts costs ranking's TF-IDF little more than its bio does (a bio gives about
    8 terms; 60 post terms made a ranked search over 600 candidates several ms slower)."""
    named = list(dict.fromkeys(term for brand in brands for term in analyze(brand)))
    counts = Counter(term for caption in captions if caption for term in analyze(caption))
    frequent = [term for term, _ in counts.most_common() if term not in named]
    terms = [*named, *frequent][:MAX_POST_TERMS]
    text = " ".join([*dict.fromkeys(brands), *(c for c in captions if c)])[:MAX_POSTS_TEXT]
    return ProfileText(text=text, terms=" ".join(terms))


MAX_POST_TERMS = 20
MAX_POSTS_TEXT = 1000


class TextSimilarity(Protocol):
    name: str
    # Whether it compares the documents' text (else their analysed terms suffice).
    reads_text: bool

    def similarities(self, query: ProfileText, documents: Sequence[ProfileText]) -> Vector:
        """Similarity of each document to the query, each in 0..1."""
        ...


class TfidfSimilarity:
    """scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm="l2") on the analysed
    terms, computed with C-level loops: the vectorizer counts each term in a Python loop, which made a
    ranked search over 600 profiles with posts' words (about 50 terms each, not 8) 2-3x slower."""

    name = "tfidf"
    reads_text = False

    def similarities(self, query: ProfileText, documents: Sequence[ProfileText]) -> Vector:
        if not documents or not query.terms:
            return np.zeros(len(documents))
        term_lists = [query.terms.split(), *(d.terms.split() for d in documents)]
        rows = len(term_lists)
        lengths = np.fromiter(map(len, term_lists), dtype=np.intp, count=rows)
        vocabulary = {term: column for column, term in enumerate(dict.fromkeys(chain.from_iterable(term_lists)))}
        if not vocabulary:
            return np.zeros(len(documents))
        columns = np.fromiter(
            map(vocabulary.__getitem__, chain.from_iterable(term_lists)), dtype=np.intp, count=int(lengths.sum())
        )
        counts = sparse.csr_matrix(
            (np.ones(len(columns)), (np.repeat(np.arange(rows), lengths), columns)), shape=(rows, len(vocabulary))
        )
        counts.sum_duplicates()  # one entry per (document, term): its count
        per_row = np.diff(counts.indptr)
        idf = np.log((1 + rows) / (1 + np.bincount(counts.indices, minlength=len(vocabulary)))) + 1.0
        weights = (1.0 + np.log(counts.data)) * idf[counts.indices]
        row_of = np.repeat(np.arange(rows), per_row)
        norms = np.sqrt(np.bincount(row_of, weights=weights * weights, minlength=rows))
        norms[norms == 0] = 1.0
        weights /= norms[row_of]
        unit = sparse.csr_matrix((weights, counts.indices, counts.indptr), shape=counts.shape)
        scores = (unit[1:] @ unit[0].T).toarray().ravel()
        return np.clip(scores, 0.0, 1.0)


Encoder = Callable[[list[str]], Vector]


class EmbeddingSimilarity:
    """Cosine of sentence embeddings, negative similarities counted as none."""

    name = "embedding"
    reads_text = True

    def __init__(self, encode: Encoder) -> None:
        self._encode = encode

    def similarities(self, query: ProfileText, documents: Sequence[ProfileText]) -> Vector:
        if not documents or not query.text.strip():
            return np.zeros(len(documents))
        vectors = np.asarray(self._encode([query.text, *(d.text for d in documents)]), dtype=np.float64)
        norms = np.linalg.norm(vectors, axis=1)
        norms[norms == 0] = 1.0
        unit = vectors / norms[:, None]
        return np.clip(unit[1:] @ unit[0], 0.0, 1.0)
