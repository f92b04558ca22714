"""Quotation marks → quote spans. Character-level, so unbalanced marks never break anything."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Opening mark -> the marks that close it. „ closes with “ (German) or ” (Polish and others). A curly and a
# straight double mark close each other too: web copy often mixes them ("more hours” before ...).
OPENERS: dict[str, str] = {"“": '”"', "«": "»", "„": "“”", '"': '"”'}
# Two apostrophes stand for a straight double mark in some archives (the New York Times' text as the LDC
# distributes it: ''It's anti-reform,'' he said).
DOUBLE_APOSTROPHE = "''"
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


@dataclass(frozen=True)
class Quote:
    start: int  # first character of the quoted text (after the mark)
    end: int  # one past its last character (before the closing mark, or the paragraph end)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when the quote runs to the paragraph end
    paragraph: int
    continues: bool = False  # continues a quote left open at the end of the previous paragraph
    continued: bool = False  # left open at its paragraph end, and the next paragraph continues it


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph, blank lines being the separators, whitespace trimmed."""
    spans, pos = [], 0
    for brk in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            spans.append((pos + lead, pos + len(chunk.rstrip())))
        pos = brk.end() if brk else len(text)
    return spans


def mark_at(text: str, i: int) -> tuple[str, int] | None:
    """The quotation mark at offset i, as (the marks that close it, its width), or None."""
    if text.startswith(DOUBLE_APOSTROPHE, i):
        return DOUBLE_APOSTROPHE, 2
    return (OPENERS[text[i]], 1) if i < len(text) and text[i] in OPENERS else None


def _closes(text: str, i: int, closers: str) -> bool:
    return text.startswith(closers, i) if closers == DOUBLE_APOSTROPHE else text[i] in closers


def _scan(text: str, start: int, end: int) -> tuple[list[tuple[int, int | None, int]], int | None, int]:
    """(open_at, close_at, width of the opening mark) of each quote in one paragraph, and the offset and width of
    a mark left open, if any."""
    pairs: list[tuple[int, int | None, int]] = []
    open_at: int | None = None
    closers, width = "", 1
    i = start
    while i < end:
        if open_at is not None and _closes(text, i, closers):
            pairs.append((open_at, i, width))
            open_at = None
            i += len(closers) if closers == DOUBLE_APOSTROPHE else 1
            continue
        mark = mark_at(text, i) if open_at is None else None
        if mark is not None:
            open_at, (closers, width) = i, mark
            i += width
            continue
        i += 1
    return pairs, open_at, width


def find_quotes(text: str) -> tuple[list[Quote], list[str]]:
    """Every quote span, and a warning for each mark that is never closed.

    A paragraph that ends inside a quote continues it when the next paragraph opens with a mark (the
    newspaper convention); otherwise the quote is closed at the paragraph end and a warning says so.
    """
    quotes: list[Quote] = []
    warnings: list[str] = []
    paras = paragraphs(text)
    carried = False
    for index, (start, end) in enumerate(paras):
        pairs, left_open, width = _scan(text, start, end)
        if left_open is not None:
            pairs.append((left_open, None, width))
        for n, (open_at, close_at, width) in enumerate(pairs):
            q_end = close_at if close_at is not None else end
            continues = carried and n == 0 and open_at == start
            quotes.append(Quote(open_at + width, q_end, open_at, close_at, index, continues))
        carried = left_open is not None
        if carried:
            nxt = paras[index + 1][0] if index + 1 < len(paras) else None
            if nxt is None or mark_at(text, nxt) is None:
                warnings.append(f"unbalanced quotation mark at offset {left_open}: quote closed at paragraph end")
                carried = False
            else:
                quotes[-1] = replace(quotes[-1], continued=True)
    return quotes, warnings
