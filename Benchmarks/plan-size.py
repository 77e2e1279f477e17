#!/usr/bin/env python3
"""The size of a drafted plan, from its board XML: objectives, actions, repeated action text, areas under review, words,
leads an action, timescales without a year; with s11's content folder, actions an officer proposed that carry a
template's measure they do not deliver.

    python3 Benchmarks/plan-size.py ex/plan.xml [CONTENT]     (after `s11 example --out ex`; CONTENT: s11's folder)
"""
import collections, re, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = root.tag[:root.tag.index('}') + 1]      # version 2 ({urn:s11:plan:2}) or an older version 1 file
inputs = [e.text for e in root.iter(ns + 'input')]
repeated = sum(n for t, n in collections.Counter(inputs).items() if n > 1)
words = len(re.findall(r"\w+", ' '.join(t.strip() for t in root.itertext())))
print(f"objectives {len(list(root.iter(ns + 'objective')))}, actions {len(inputs)}, actions sharing their text with another {repeated}, areas under review {len(list(root.iter(ns + 'area')))}, words {words}")
actions = list(root.iter(ns + 'action'))
leads = [[lead.get('supporting') in ('true', '1') for lead in action.findall(ns + 'lead')] for action in actions]
accountable = sum(1 for named in leads if named.count(False) == 1 and named.count(True) <= 2)
print(f"leads an action {sum(map(len, leads)) / max(1, len(leads)):.1f} (most {max(map(len, leads), default=0)}), "
      f"actions with one accountable lead and at most two with {accountable} of {len(actions)}")
stripped = [re.sub(r"^[A-Z][A-Za-z' ]+: ", "", t) for t in inputs]
print("actions repeating another's text once a service-area prefix is taken off:", sum(n for t, n in collections.Counter(stripped).items() if n > 1))
timescales = [e.text or '' for e in root.iter(ns + 'timescale')]
print("timescales without a year:", sum(1 for t in timescales if not re.search(r"\b(19|20|21)\d\d\b", t)), "of", len(timescales))
if len(sys.argv) > 2:
    import glob
    templates, measures = set(), set()
    for path in glob.glob(sys.argv[2] + '/Standards/*.xml'):
        for improvement in ET.parse(path).getroot().iter():
            if improvement.tag.endswith('improvement'):
                templates.update(e.text for e in improvement if e.tag.endswith('action'))
                measures.update(e.text for e in improvement if e.tag.endswith('measure'))
    paired = sum(1 for action in actions if action.findtext(ns + 'input') not in templates and action.findtext(ns + 'measure') in measures)
    print("actions an officer proposed carrying a template's measure:", paired)
