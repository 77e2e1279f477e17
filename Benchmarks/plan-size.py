#!/usr/bin/env python3
"""The size of a drafted plan, from its board XML: objectives, actions, repeated action text, areas under review, words,
leads an action, timescales without a year; with s11's content folder, actions an officer proposed that carry a
template's measure they do not deliver; with the officers' list and their returns too, findings and leads' service
areas that name an area fewer officers answered in than the self-assessment's smallest group.

    python3 Benchmarks/plan-size.py ex/plan.xml [CONTENT [OFFICERS.csv RETURNS]]
    (after `s11 example --out ex`; CONTENT: s11's folder; RETURNS: the folder of the officers' XML returns)
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
if len(sys.argv) > 4:
    import csv, glob
    survey = ET.parse(sys.argv[2] + '/Surveys/self-assessment.xml').getroot()
    smallest = int(survey.get('smallestGroup') or 2)
    requirement = {q.get('id'): q.get('requirement') for q in survey.iter() if q.tag.endswith('question')}
    area = {row['email'].lower(): row['service_area'] for row in csv.DictReader(open(sys.argv[3], newline=''))}
    scored = collections.defaultdict(set)                  # (requirement, area) -> officers who scored it
    for path in glob.glob(sys.argv[4] + '/*.xml'):
        ret = ET.parse(path).getroot()
        officer = ret.get('officer').lower()
        for answer in ret.iter():
            if answer.tag.endswith('answer') and answer.get('option') not in (None, 'na'):
                scored[(requirement.get(answer.get('question')), area.get(officer))].add(officer)
    areas = set(area.values())
    def small(req, text):
        return [a for a in areas if a in text and len(scored[(req, a)]) < smallest]
    found = [(o.get('requirement'), ' '.join(o.findtext(ns + 'finding', '').split()) + ' ' +
              ' '.join(l.get('serviceArea') or '' for l in o.iter(ns + 'lead'))) for o in root.iter(ns + 'objective')]
    found += [(a.get('requirement'), a.findtext(ns + 'finding', '')) for a in root.iter(ns + 'area')]
    single = [req for req, text in found if req and small(req, text)]
    print(f"findings or leads naming an area fewer than {smallest} officers answered in: {len(single)} of {len(found)}")
