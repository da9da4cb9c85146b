"""HTML reports: main text and metadata through trafilatura.

trafilatura drops scripts, styles, navigation and comments; its text is what becomes
``Report.text`` (so offsets are into the extracted text, not the markup). Parsing hostile
HTML is best effort: any failure inside the parser becomes a skip with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BadReportError

__all__ = ["HtmlContent", "extract_html"]


@dataclass(frozen=True, slots=True)
class HtmlContent:
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


def _extract(trafilatura, html: str, *, favor_recall: bool):
    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,  # reader comments are not the report
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=favor_recall,
        deduplicate=False,
    )


def extract_html(html: str) -> HtmlContent:
    """Decoded HTML -> main text and metadata. Raises BadReportError."""
    import trafilatura  # lazy: slow to import and only HTML needs it

    try:
        # recall mode: precision mode drops what follows a table or a list in a short page
        # (a town's heading and its bullet lines of incidents), a silent loss for a report;
        # navigation, asides and footers stay out either way, and the clean stage tags
        # what boilerplate remains
        doc = _extract(trafilatura, html, favor_recall=True)
    except RecursionError:
        raise BadReportError("HTML nested too deeply to parse") from None
    except Exception as exc:  # noqa: BLE001 - third-party parser on hostile input
        raise BadReportError(f"HTML could not be parsed ({type(exc).__name__})") from None
    if doc is None or not (doc.text or "").strip():
        raise BadReportError("no main text found in HTML")
    return HtmlContent(
        text=doc.text,
        title=doc.title or None,
        published=doc.date or None,
        publisher=doc.sitename or doc.author or None,
        url=doc.url or None,
        language=getattr(doc, "language", None) or None,
    )
