"""Fills in a questionnaire workbook by program, as its recipient would in Excel.

    python3 fill_questionnaire.py BOOK.xlsx                  # prints the answer cells as JSON
    python3 fill_questionnaire.py BOOK.xlsx NAME=TEXT ...    # types TEXT into each named cell

The app writes each answer cell with a defined name (BIA_P1_RTO, BIA_P1_S2_3,
...). Without arguments this prints every defined name with its sheet, cell
and the text shown in it now; with NAME=TEXT pairs it rewrites those cells as
typed text (an inline string, keeping the cell's style) and saves the
workbook in place. Standard library only (zipfile, re, json): no package.
"""

import json
import re
import sys
import zipfile
from html import escape, unescape

NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def read_parts(path):
    with zipfile.ZipFile(path) as z:
        return [(i, z.read(i.filename)) for i in z.infolist()]


def part(parts, name):
    for info, data in parts:
        if info.filename == name:
            return data.decode("utf-8")
    raise SystemExit(f"no part {name}")


def sheet_parts(parts):
    """Sheet name -> its part (xl/worksheets/sheetN.xml)."""
    workbook = part(parts, "xl/workbook.xml")
    rels = part(parts, "xl/_rels/workbook.xml.rels")
    targets = {
        m.group("id"): m.group("target")
        for m in re.finditer(r'<Relationship\b(?=[^>]*\bId="(?P<id>[^"]+)")(?=[^>]*\bTarget="(?P<target>[^"]+)")[^>]*/>', rels)
    }
    out = {}
    for m in re.finditer(r"<sheet\b[^>]*/>", workbook):
        element = m.group(0)
        name = unescape(re.search(r'\bname="([^"]*)"', element).group(1))
        rid = re.search(r'\br:id="([^"]*)"', element).group(1)
        target = targets[rid].lstrip("/")
        out[name] = target if target.startswith("xl/") else f"xl/{target}"
    return out


def defined_names(parts):
    """NAME -> (sheet, cell) for every defined name pointing at one cell."""
    workbook = part(parts, "xl/workbook.xml")
    out = {}
    for m in re.finditer(r'<definedName\b[^>]*\bname="([^"]+)"[^>]*>([^<]*)</definedName>', workbook):
        ref = unescape(m.group(2))
        at = re.fullmatch(r"'?(.*?)'?!\$?([A-Z]+)\$?(\d+)", ref)
        if at:
            out[m.group(1)] = (at.group(1).replace("''", "'"), f"{at.group(2)}{at.group(3)}")
    return out


def shared_strings(parts):
    try:
        xml = part(parts, "xl/sharedStrings.xml")
    except SystemExit:
        return []
    return [unescape("".join(re.findall(r"<t[^>]*>([^<]*)</t>", si))) for si in re.findall(r"<si>(.*?)</si>", xml, re.S)]


def cell_element(sheet_xml, cell):
    return re.search(rf'<c r="{cell}"(?P<attrs>[^>]*?)(?:/>|>(?P<inner>.*?)</c>)', sheet_xml, re.S)


def cell_text(sheet_xml, cell, strings):
    m = cell_element(sheet_xml, cell)
    if not m or not m.group("inner"):
        return ""
    inner = m.group("inner")
    if 't="s"' in m.group("attrs"):
        return strings[int(re.search(r"<v>(\d+)</v>", inner).group(1))]
    texts = re.findall(r"<t[^>]*>([^<]*)</t>", inner)
    if texts:
        return unescape("".join(texts))
    v = re.search(r"<v>([^<]*)</v>", inner)
    return unescape(v.group(1)) if v else ""


def main():
    path, pairs = sys.argv[1], sys.argv[2:]
    parts = read_parts(path)
    sheets = sheet_parts(parts)
    names = defined_names(parts)
    if not pairs:
        strings = shared_strings(parts)
        listed = {}
        for name, (sheet, cell) in sorted(names.items()):
            xml = part(parts, sheets[sheet]) if sheet in sheets else ""
            listed[name] = {"sheet": sheet, "cell": cell, "text": cell_text(xml, cell, strings)}
        print(json.dumps(listed, ensure_ascii=False))
        return
    edited = {}
    for pair in pairs:
        name, text = pair.split("=", 1)
        sheet, cell = names[name]
        target = sheets[sheet]
        xml = edited.get(target) or part(parts, target)
        m = cell_element(xml, cell)
        if not m:
            raise SystemExit(f"{name}: no cell {cell} on {sheet}")
        style = re.search(r'\bs="(\d+)"', m.group("attrs"))
        typed = f'<c r="{cell}"{f" s={chr(34)}{style.group(1)}{chr(34)}" if style else ""} t="inlineStr"><is><t xml:space="preserve">{escape(text, quote=False)}</t></is></c>'
        edited[target] = xml[: m.start()] + typed + xml[m.end() :]
    out = path + ".filling"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in parts:
            z.writestr(info, edited[info.filename].encode("utf-8") if info.filename in edited else data)
    import os

    os.replace(out, path)
    print(json.dumps({"typed": {p.split("=", 1)[0]: p.split("=", 1)[1] for p in pairs}}, ensure_ascii=False))


if __name__ == "__main__":
    main()
