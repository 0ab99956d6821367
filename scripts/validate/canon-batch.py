#!/usr/bin/env python3
"""Canonicalise many metadata files in one process, as ../shared/schemas/canon.py does one.

canon.py parses the whole Metadata API XSD for every file it reorders, which is most of the schema
check's time (about 0.25 s a file). This loads the schema once with canon.py's own load() and runs
its canon() on each file, writing what canon.py would write.
Usage: canon-batch.py SCHEMAS_DIR SCHEMA.xsd OUT_DIR < NUL-separated list of files
Prints one line per file: the canonical copy's path, or "<file>: not well-formed".
"""
import os
import sys
import xml.etree.ElementTree as ET

schemas, xsd, out_dir = sys.argv[1:4]
sys.path.insert(0, schemas)
import canon  # noqa: E402  (../shared/schemas/canon.py)

order, own = canon.load(xsd)
ET.register_namespace('', canon.NS[1:-1])
for source in filter(None, sys.stdin.read().split('\0')):
    out = os.path.join(out_dir, source)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    try:
        tree = ET.parse(source)
    except ET.ParseError:
        print(source + ': not well-formed')
        continue
    root = tree.getroot()
    canon.canon(root, root.tag.replace(canon.NS, ''), order, own)
    tree.write(out, encoding='UTF-8', xml_declaration=True)
    # As canon.py: ElementTree drops an unused xmlns:xsd that xsi:type="xsd:string" needs.
    text = open(out, encoding='utf-8').read()
    if 'xsi:type="xsd:' in text and 'xmlns:xsd=' not in text:
        text = text.replace('<CustomMetadata ', '<CustomMetadata xmlns:xsd="http://www.w3.org/2001/XMLSchema" ', 1)
        open(out, 'w', encoding='utf-8').write(text)
    print(out)
