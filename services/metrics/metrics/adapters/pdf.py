"""HTML to PDF with WeasyPrint: pure Python on Pango (Debian: libpango-1.0-0, libpangoft2-1.0-0,
and a font such as fonts-dejavu-core). Without them a PDF cannot be made; the caller says so."""

import threading

# A PDF takes about a second of CPU and ~60 MB while it is made: two at a time per replica keep a
# burst of them within the pod's memory; the others wait their turn.
_AT_ONCE = threading.BoundedSemaphore(2)


class PdfUnavailable(Exception):
    """The PDF renderer cannot run here; the message says what is missing."""


MISSING = (
    "PDF rendering needs WeasyPrint with the Pango library "
    "(Debian packages libpango-1.0-0 and libpangoft2-1.0-0, and a font such as fonts-dejavu-core)"
)


def html_to_pdf(html: str) -> bytes:
    """The page as PDF, nothing fetched from outside (the report is self-contained). CPU-bound."""
    try:
        from weasyprint import HTML  # loads Pango through cffi: an OSError when it is absent
    except (ImportError, OSError) as exc:
        raise PdfUnavailable(MISSING) from exc

    def refuse(url: str, *args: object, **kwargs: object) -> dict[str, object]:
        raise ValueError(f"the report fetches nothing: {url}")

    with _AT_ONCE:
        return HTML(string=html, url_fetcher=refuse).write_pdf()  # type: ignore[no-any-return]
