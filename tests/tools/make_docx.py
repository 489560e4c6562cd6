#!/usr/bin/env python3
"""Writes a Word file with python-docx from a JSON description of its blocks.

    make_docx.py OUT.docx SPEC.json

SPEC is a list of blocks, each an object with one of these keys:
    {"heading": "Text", "level": 1}       a heading (style Heading N)
    {"p": "Text"}                         a paragraph
    {"p": ["Run one ", ["bold", {"bold": true}], " and a",
           {"tab": true}, {"br": true}]}  a paragraph of runs, tabs, line breaks
    {"bullets": ["One", "Two"]}           a bulleted list (style List Bullet)
    {"numbers": ["One", "Two"]}           a numbered list (style List Number)
    {"table": [["a", "b"], ["c", "d"]]}   a table, one string per cell
    {"page_break": true}                  a page break
Text may hold any Unicode, no-break spaces included.
"""
import json
import sys

import docx


def runs(paragraph, content):
    if isinstance(content, str):
        paragraph.add_run(content)
        return
    for item in content:
        if isinstance(item, dict):
            run = paragraph.add_run()
            if item.get("tab"):
                run.add_tab()
            if item.get("br"):
                run.add_break()
            continue
        text, style = (item, {}) if isinstance(item, str) else item
        run = paragraph.add_run(text)
        run.bold = style.get("bold")
        run.italic = style.get("italic")


def main():
    out, spec_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    document = docx.Document()
    for block in spec:
        if "heading" in block:
            document.add_heading(block["heading"], level=block.get("level", 1))
        elif "p" in block:
            runs(document.add_paragraph(), block["p"])
        elif "bullets" in block:
            for item in block["bullets"]:
                runs(document.add_paragraph(style="List Bullet"), item)
        elif "numbers" in block:
            for item in block["numbers"]:
                runs(document.add_paragraph(style="List Number"), item)
        elif "table" in block:
            rows = block["table"]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, text in enumerate(row):
                    table.cell(i, j).text = text
        elif "page_break" in block:
            document.add_page_break()
        else:
            sys.exit(f"make_docx.py: unknown block {block!r}")
    document.save(out)


if __name__ == "__main__":
    main()
