#!/usr/bin/env python3
"""Reads the paragraph texts of a ParsedCable v2 event, as cable-events' SpanText does in Java.

Offsets are UTF-16 code units (Java's and JavaScript's string indices), not Python's code points: a character
outside the Basic Multilingual Plane counts two. So the raw text is sliced as UTF-16.

    python3 cable_spans.py event.json     prints the paragraph texts as a JSON list
"""
import json
import re
import sys

LINE_BREAKS = "\n\r\f\u2028\u2029"


def utf16_slice(text, start, end):
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * start:2 * end].decode("utf-16-le", "surrogatepass")


def span_text(raw_text, start, end, omit=()):
    """The text of raw_text[start:end] (UTF-16 offsets) without the omitted spans, as a reader sees it."""
    length = len(raw_text.encode("utf-16-le", "surrogatepass")) // 2
    end = min(max(end, 0), length)
    parts, at = [], max(start, 0)
    for span in omit:
        if span["start"] >= at:
            parts.append(utf16_slice(raw_text, at, span["start"]))
            at = span["end"]
    parts.append(utf16_slice(raw_text, at, max(at, end)))
    text = "".join(parts)
    text = re.sub(r"\\(?=[\r\n]|$)", "", text)               # an export's line-continuation backslash
    text = re.sub(r"[\x00-\x08\x0b\x0e-\x1f\x7f]", "", text)  # control characters other than blanks
    text = re.sub(r"[\t\u00a0]", " ", text)
    text = re.sub(r"[ %s]*[%s][ %s]*" % (LINE_BREAKS, LINE_BREAKS, LINE_BREAKS), " ", text)  # lines joined
    return text.strip(" ")


def paragraph_texts(event):
    raw = event.get("rawText", "")
    return [span_text(raw, p["start"], p["end"], p.get("omit", ())) for p in event.get("paragraphs", [])]


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        print(json.dumps(paragraph_texts(json.load(f)), ensure_ascii=False))
