"""Render a document as a real HTML page, as councils publish minutes online.

Headings are <h1>-<h3>, numbered paragraphs keep their number in a <span>,
attendance and action logs are <table>s, lists are <ul>. The agenda of a
pack links to its papers instead of printing page numbers (a web page has
no pages).
"""

from __future__ import annotations

from html import escape

from minutebook.synth.document import (
    Anchor,
    Bullets,
    Document,
    Heading,
    PageBreak,
    PageRange,
    Para,
    Table,
)

_CSS = (
    "body{font-family:Arial,sans-serif;max-width:60em;margin:auto}"
    "table{border-collapse:collapse;margin:.5em 0}"
    "table.grid td,table.grid th{border:1px solid #888;padding:3px;vertical-align:top}"
    "td{padding:2px 8px 2px 0;vertical-align:top}.num{display:inline-block;min-width:3em}"
    "p.centre{text-align:center}footer{border-top:1px solid #888;margin-top:2em}"
)


def _para(p: Para) -> str:
    text = escape(p.text)
    if p.bold:
        text = f"<strong>{text}</strong>"
    if p.italic:
        text = f"<em>{text}</em>"
    if p.label:
        text = f"<strong>{escape(p.label)}</strong> {text}"
    if p.number:
        text = f'<span class="num">{escape(p.number)}</span> {text}'
    cls = ' class="centre"' if p.centre else (' class="action"' if p.indent else "")
    return f"<p{cls}>{text}</p>"


def _cell(value: object) -> str:
    if isinstance(value, PageRange):
        return f'<a href="#{escape(value.anchor)}">paper</a>'
    return escape(str(value))


def _table(t: Table) -> str:
    cls = {"grid": "grid", "attendance": "attendance", "plain": "plain"}[t.kind]
    out = [f'<table class="{cls}">']
    if t.header:
        out.append(
            "<thead><tr>" + "".join(f"<th>{escape(h)}</th>" for h in t.header) + "</tr></thead>"
        )
    out.append("<tbody>")
    for row in t.rows:
        cells = []
        for n, c in enumerate(row):
            value = _cell(c)
            if t.kind in ("attendance", "plain") and n == 0 and value:
                value = f"<strong>{value}</strong>"
            cells.append(f"<td>{value}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def render_html(doc: Document) -> bytes:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{escape(doc.title)}</title>",
        f'<meta name="author" content="{escape(doc.author)}">',
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    for b in doc.blocks:
        if isinstance(b, Heading):
            level = min(3, b.level)
            text = f"{b.number} {b.text}" if b.number else b.text
            parts.append(f"<h{level}>{escape(text)}</h{level}>")
        elif isinstance(b, Para):
            parts.append(_para(b))
        elif isinstance(b, Table):
            parts.append(_table(b))
        elif isinstance(b, Bullets):
            parts.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in b.items) + "</ul>")
        elif isinstance(b, PageBreak):
            parts.append("<hr>")
        elif isinstance(b, Anchor):
            parts.append(f'<section id="{escape(b.key)}"></section>')
    parts += ["</main>", f"<footer><p>{escape(doc.footer)}</p></footer>", "</body>", "</html>"]
    return ("\n".join(parts) + "\n").encode("utf-8")
