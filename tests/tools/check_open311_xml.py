#!/usr/bin/env python3
"""Reads an Open311 answer in XML and the same answer in JSON, and checks with Python's own
XML parser that the XML is well formed, has the element names GeoReport v2 gives (the
document's root, one element per list item) and says what the JSON says.

  check_open311_xml.py ROOT ITEM ANSWER.xml ANSWER.json

ROOT is the document element ("service_requests"), ITEM the element of each list item
("request"). Prints what differs and exits 1, or exits 0.
"""
import json
import sys
import xml.etree.ElementTree as ET

# Lists inside an item, and the element each of their entries has (GeoReport v2).
NESTED = {"attributes": "attribute", "values": "value", "endpoints": "endpoint",
          "formats": "format"}


def text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value) if not isinstance(value, float) else repr(value)


def compare(element, value, where, problems):
    if isinstance(value, dict):
        names = [child.tag for child in element]
        if sorted(names) != sorted(value.keys()):
            problems.append(f"{where}: elements {sorted(names)} but fields {sorted(value.keys())}")
            return
        for child in element:
            compare(child, value[child.tag], f"{where}/{child.tag}", problems)
    elif isinstance(value, list):
        item = NESTED.get(element.tag, "item")
        children = list(element)
        if [c.tag for c in children] != [item] * len(value):
            problems.append(f"{where}: {len(children)} <{item}> for {len(value)} entries")
            return
        for i, (child, entry) in enumerate(zip(children, value)):
            compare(child, entry, f"{where}/{item}[{i}]", problems)
    else:
        got = element.text or ""
        want = text(value)
        same = got == want
        if not same and isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                same = float(got) == float(value)
            except ValueError:
                same = False
        if not same:
            problems.append(f"{where}: XML {got!r}, JSON {want!r}")


def main():
    root_name, item_name, xml_path, json_path = sys.argv[1:5]
    try:
        root = ET.parse(xml_path).getroot()
    except ET.ParseError as e:
        print(f"not well formed: {e}")
        return 1
    answer = json.load(open(json_path, encoding="utf-8"))
    problems = []
    if root.tag != root_name:
        problems.append(f"root <{root.tag}>, expected <{root_name}>")
    elif isinstance(answer, list):
        if [c.tag for c in root] != [item_name] * len(answer):
            problems.append(f"{len(list(root))} children for {len(answer)} items of <{item_name}>")
        else:
            for i, (child, entry) in enumerate(zip(root, answer)):
                compare(child, entry, f"{root_name}/{item_name}[{i}]", problems)
    else:
        compare(root, answer, root_name, problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
