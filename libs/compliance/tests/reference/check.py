"""The compliance check of one caption: disclosure per market, the collaboration's terms, the brief, the limits."""

from compliance.model import CheckContext, Report

from .brief import brief_findings, limit_findings
from .collaboration import collaboration_findings
from .disclosure import disclosure_findings
from .labels import find_labels
from .text import Caption


def as_caption(caption: Caption | str) -> Caption:
    return caption if isinstance(caption, Caption) else Caption(caption)


def check(caption: Caption | str, context: CheckContext) -> Report:
    caption = as_caption(caption)
    brand_keys = context.brand.keys if context.brand is not None else frozenset()
    labels = find_labels(caption, brand_keys)
    return Report(
        (
            *disclosure_findings(caption, context, labels),
            *collaboration_findings(caption, context),
            *brief_findings(caption, context.brief),
            *limit_findings(caption, context.platform),
        )
    )
