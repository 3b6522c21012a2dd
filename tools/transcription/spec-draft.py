"""Drafting aid for section 2.2 (course specifications): reads the seed, cuts each table into units by the
unit names of 1.1.2 (or of spec-units.json where 2.2 lists other units), sorts each line into content,
methods, key points and hours, and prints what does not fit (run: python3 spec-draft.py [tables]).
spec-emit.py writes the 2.2.x-spec-*.json files. spec-splits.json gives a seed line as the cells it holds; a cell
starting with @ belongs to the unit's name, one starting with % to its methods. Not part of the build; every file it writes is checked by
hand and by TrainingPackageDataTest."""
import json, re, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from seed import DATA, lines, clean

TABLES = [
    ('2.2.1', None, None, 5125, 6104, '1.1.2-basic-course.json'),
    ('2.2.2', 'L5', 'PRODUCT_SELECTOR', 6108, 6761, None),
    ('2.2.2', 'L5', 'LIVE_SELLER', 6763, 7233, None),
    ('2.2.2', 'L5', 'VIDEO_PROMOTER', 7235, 7738, None),
    ('2.2.2', 'L5', 'PLATFORM_OPERATOR', 7740, 8258, None),
    ('2.2.3', 'L4', 'PRODUCT_SELECTOR', 8262, 8865, None),
    ('2.2.3', 'L4', 'LIVE_SELLER', 8867, 9305, None),
    ('2.2.3', 'L4', 'VIDEO_PROMOTER', 9307, 9753, None),
    ('2.2.3', 'L4', 'PLATFORM_OPERATOR', 9755, 10221, None),
    ('2.2.4', 'L3', 'PRODUCT_SELECTOR', 10225, 10767, None),
    ('2.2.4', 'L3', 'LIVE_SELLER', 10769, 11251, None),
    ('2.2.4', 'L3', 'VIDEO_PROMOTER', 11253, 11814, None),
    ('2.2.4', 'L3', 'PLATFORM_OPERATOR', 11816, 12365, None),
    ('2.2.5', 'L2', 'PRODUCT_SELECTOR', 12369, 12830, None),
    ('2.2.5', 'L2', 'LIVE_SELLER', 12832, 13255, None),
    ('2.2.5', 'L2', 'VIDEO_PROMOTER', 13257, 13653, None),
    ('2.2.6', 'L1', 'PRODUCT_SELECTOR', 13657, 14187, None),
    ('2.2.6', 'L1', 'LIVE_SELLER', 14189, 14761, None),
    ('2.2.6', 'L1', 'VIDEO_PROMOTER', 14763, 15133, None),
]

# Relocations: (first, last, target key) - seed line ranges printed inside another table.
MOVES = json.load(open(os.path.join(HERE, 'spec-moves.json')))
# Line edits: line -> list of replacement lines (split of two cells printed on one line)
SPLITS = json.load(open(os.path.join(HERE, 'spec-splits.json')))

HEADER = {'模块 课程 学习单元 课程内容 培训建议', '课堂', '学时'}
ITEM = re.compile(r'^(\d+)[）)](.*)$')
SUB = re.compile(r'^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]')
METHOD = re.compile(r'^（1）\s*方法[：:](.*)$')
ADVICE = re.compile(r'^（([2-4])）\s*(重点与难点|重点及难点|重点和难点|重点|难点)?[：:]?(.*)$')
MODULE = re.compile(r'^\d+[.．]\D')
COURSE = re.compile(r'^\d+-\d+(?![\d)）])')
NAMESEQ = re.compile(r'^（(\d+)）')

def norm(s):
    return re.sub(r'\s+', '', s).replace('．', '.')

def tokens_of(key, first, last):
    out = []
    moved_out = set()
    for m in MOVES:
        for n in range(m[0], m[1] + 1):
            moved_out.add(n)
    rng = [n for n in range(first, last + 1) if n not in moved_out]
    extra = []
    for m in MOVES:
        if m[2] == key:
            extra.append((m[3] if len(m) > 3 else 'start', list(range(m[0], m[1] + 1))))
    for where, ns in extra:
        if where == 'start':
            rng = ns + rng
        elif where == 'end':
            rng = rng + ns
        else:  # before line number
            i = rng.index(where)
            rng = rng[:i] + ns + rng[i:]
    for n in rng:
        t = lines[n].strip()
        if not t or t in HEADER or t.startswith('课堂学时合计') or re.fullmatch(r'(课堂学时)?合计\s*\d+', t):
            continue
        if re.fullmatch(r'\d+', t) and int(t) > 20:
            continue
        parts = SPLITS.get(str(n))
        if parts is None:
            # two cells on one line: "1）... （1）方法：..."
            mm = re.match(r'^(.*\S)\s+(（1）\s*方法[：:].*)$', t)
            parts = [mm.group(1), mm.group(2)] if mm and not t.startswith('（1）方法') else [t]
            if len(parts) == 1:
                mm = re.match(r'^(（\d+）[^）\s]+)\s+(\d+）.*)$', t) or re.match(r'^([^\s\d（][^\s]*)\s+(1）.*)$', t)
                if mm:
                    parts = [mm.group(1), mm.group(2)]
        for p in parts:
            out.append((n, clean(p)))
    return out

OVR = json.load(open(os.path.join(HERE, 'spec-units.json')))
def expected_units(d, tkey):
    res = []
    ov = OVR.get(tkey, {})
    for m in d['modules']:
        for c in m['courses']:
            if c['code'] in ov:
                for seq, name, hours in ov[c['code']]:
                    res.append((m, c, {'seq': seq, 'name': name, 'hours': hours, 'override': True}))
                continue
            for u in c['units']:
                res.append((m, c, u))
    return res

def parse_table(key, level, job, first, last, fname):
    fname = fname or f'1.1.2-{level}-{job}.json'
    d = json.load(open(os.path.join(DATA, fname)))
    exp = expected_units(d, f'{key}-{level}-{job}')
    toks = tokens_of(f'{key}-{level}-{job}', first, last)
    flags = []
    bounds = []
    i = 0
    for k, (m, c, u) in enumerate(exp):
        prev = exp[k - 1] if k else (None, None, None)
        new_module = prev[0] is not m
        new_course = prev[1] is not c
        found = None
        while i < len(toks):
            t = norm(toks[i][1])
            if new_module:
                mm = re.match(r'^(\d+)\.', t)
                if mm and mm.group(1) == m['code'] and not ITEM.match(t):
                    found = i; break
            elif new_course:
                tc = re.sub(r'^(\d+)\.(\d+)', r'\1-\2', t)
                if tc.startswith(c['code']) and COURSE.match(re.sub(r'^(\d+)\.(\d+)', r'\1-\2', toks[i][1].strip()) + ' '):
                    found = i; break
            else:
                nm = norm(u['name'])
                ms = re.match(r'^（(\d+)）(.*)$', t)
                if u['seq'] is not None or u.get('anyseq'):
                    if ms and not (ADVICE.match(toks[i][1]) and ADVICE.match(toks[i][1]).group(2)):
                        rest = ms.group(2)
                        if (int(ms.group(1)) == u['seq'] and (rest[:3] == nm[:3] or (len(rest) >= 2 and nm.startswith(rest)))) or (int(ms.group(1)) > u["seq"] and len(rest) >= 3 and nm.startswith(rest)):
                            found = i; break
                elif t[:3] == nm[:3] or (len(t) < 3 and nm.startswith(t)):
                    found = i; break
            i += 1
        if found is None:
            flags.append(f'{key} {level} {job} unit {k+1} {u["name"]}: header not found')
            break
        bounds.append(found)
        i = found + 1
    units = []
    for k, b in enumerate(bounds):
        e = bounds[k + 1] if k + 1 < len(bounds) else len(toks)
        chunk = toks[b:e]
        h = 0
        while h < len(chunk) and not (ITEM.match(chunk[h][1]) or SUB.match(chunk[h][1]) or METHOD.match(chunk[h][1]) or re.fullmatch(r'\d+', chunk[h][1])):
            h += 1
        hdr = chunk[:h] + [(n, t[1:]) for n, t in chunk[h:] if t.startswith('@')]
        body = [(n, t) for n, t in chunk[h:] if not t.startswith('@')]
        units.append({'header': hdr, 'body': body or chunk[-1:]})
    return d, exp, units, flags

PAGE_HEADER = '模块 课程 学习单元 课程内容 培训建议'
# What the drafting put elsewhere than the extraction's line order says, with why: spec-emit.py writes it to
# provenance.json, which the import lists in the integrity report.
PROVENANCE = []

def page_break_between(a, b):
    """The line of the page header printed between seed lines a and b (a page break), or None."""
    for k in range(a + 1, b):
        if lines[k].strip() == PAGE_HEADER:
            return k
    return None

def completes(text, eu, outline):
    """Whether a key point's text is whole: the unit's name or one of its content items."""
    t = norm(text)
    return t == norm(eu['name']) or any(t == norm(o['text']) for o in outline)

def key_point_text(a):
    """A key point's text without the label, which may still be split (['重点', '与难点：…'])."""
    return re.split(r'[：:]', a[1], maxsplit=1)[-1] if re.match(r'^(与难|及难|和难)?点?[：:]', a[1]) else a[1]

def cells(key, level, job, idx, u, exp_unit):
    m, c, eu = exp_unit
    # continuations printed right after a page header: [cell kind, cell, text, seed lines, header line]
    after_break = []
    prev_n = None
    outline = []
    methods = None
    advice = []
    hours = None
    cur = None
    notes = []
    expected_n = 1
    curcell = (None, None)
    for n, t in u['body']:
        header_line = page_break_between(prev_n, n) if prev_n is not None else None
        continuing = bool(after_break) and after_break[-1][3][-1] == prev_n
        prev_n = n
        mi = ITEM.match(t)
        if mi and hours is None and int(mi.group(1)) != expected_n and len(mi.group(1)) >= 2 and mi.group(1)[1:] == str(expected_n):
            hours = int(mi.group(1)[0])
            t = mi.group(1)[1:] + '）' + mi.group(2)
            mi = ITEM.match(t)
        if mi:
            num = int(mi.group(1))
            if num != expected_n:
                notes.append(f'item {num} where {expected_n} expected (line {n})')
            expected_n = num + 1
            cur = {'text': mi.group(2).strip(), 'items': [], 'line': n}
            outline.append(cur)
            curcell = ('item', cur)
            continue
        if SUB.match(t):
            if not outline:
                notes.append(f'sub-item before any item (line {n})')
                outline.append({'text': '', 'items': [], 'line': n})
            outline[-1]['items'].append(t)
            curcell = ('sub', outline[-1])
            continue
        mm = METHOD.match(t)
        if mm:
            methods = mm.group(1)
            curcell = ('methods', None)
            continue
        ma = ADVICE.match(t)
        if ma and methods is not None:
            advice.append([ma.group(2) or '', ma.group(3)])
            if not ma.group(2):
                notes.append(f'unlabelled advice ({ma.group(1)}) (line {n})')
            curcell = ('advice', None)
            continue
        if re.fullmatch(r'\d+', t):
            if hours is None:
                hours = int(t)
            else:
                notes.append(f'second number {t} (line {n})')
            continue
        if t.startswith(('点：', '点:')) and advice and (advice[-1][0] + advice[-1][1]).endswith('难'):
            advice[-1][1] += t  # the rest of a label broken across lines, printed after cells of other columns
            curcell = ('advice', None)
            continue
        mk = re.match(r'^(重点与难点|重点及难点|重点|难点)[：:](.*)$', t)
        if mk and methods is not None:  # a key point printed without its number
            advice.append([mk.group(1), mk.group(2)])
            curcell = ('advice', None)
            continue
        if t.startswith('%'):  # spec-splits.json: a piece of the methods cell printed among other cells
            methods += t[1:]
            continue
        # continuation; a method broken across lines may continue after cells of other columns
        if methods is not None and curcell[0] != 'methods' and not methods.endswith(('法', '等', '）')) \
                and re.fullmatch(r'[^，。：；]{0,8}法(、[^，。：；]{1,10}法)*、?', t):
            if curcell[0] == 'advice' and len(t) == 1 and not completes(key_point_text(advice[-1]), eu, outline) \
                    and completes(key_point_text(advice[-1]) + t, eu, outline):
                # a lone character that ends the key point (the unit's name, or a content item), not the methods
                PROVENANCE.append({'kind': 'LONE_CHARACTER', 'section': key, 'level': level, 'jobType': job,
                                   'course': c['code'], 'seq': eu['seq'], 'unit': eu['name'], 'text': t,
                                   'field': 'keyPoint', 'index': len(advice) - 1, 'otherField': 'methods',
                                   'seedLines': [n]})
                advice[-1][1] += t
                curcell = ('advice', None)
                continue
            methods += t
            continue
        kind = curcell[0]
        if kind in ('item', 'sub', 'advice', 'methods') and (header_line is not None or continuing):
            if header_line is not None:
                after_break.append([kind, curcell[1], '', [], header_line, len(advice) - 1])
            after_break[-1][2] += t
            after_break[-1][3].append(n)
        if kind == 'item':
            curcell[1]['text'] += t
        elif kind == 'sub':
            curcell[1]['items'][-1] += t
        elif kind == 'methods':
            methods += t
        elif kind == 'advice':
            advice[-1][1] += t
        else:
            notes.append(f'stray {t} (line {n})')
    for a in advice:  # a label broken across lines ("重点与难" + "点：…") is put back together
        m = re.match(r'^(重点与难点|重点及难点|重点和难点|重点|难点)[：:]?(.*)$', a[0] + a[1]) if a[0] else None
        if m:
            a[0], a[1] = m.group(1), m.group(2)
    # A page break cuts every column of a row: text printed after the page header that the line order put after a
    # content item may be the rest of a key point cut at the foot of the page. It is, when the key point is not
    # whole and with the text becomes whole (a content item, or the unit's name).
    for kind, cell, text, at, header_line, _ in after_break:
        if kind != 'item' or not cell['text'].endswith(text) or len(cell['text']) == len(text):
            continue
        for k, a in enumerate(advice):
            if not completes(a[1], eu, outline) and completes(a[1] + text, eu, outline):
                index = next(i for i, o in enumerate(outline) if o is cell)
                PROVENANCE.append({'kind': 'PAGE_BREAK', 'section': key, 'level': level, 'jobType': job,
                                   'course': c['code'], 'seq': eu['seq'], 'unit': eu['name'], 'text': text,
                                   'field': 'keyPoint', 'index': k, 'otherField': 'content', 'otherIndex': index,
                                   'seedLines': [at[0], at[-1]], 'pageHeaderLine': header_line})
                cell['text'] = cell['text'][:-len(text)]
                a[1] += text
                break
    return outline, methods, advice, hours, notes

if __name__ == '__main__':
    allflags = []
    out = {}
    for key, level, job, first, last, fname in TABLES[:int(sys.argv[1]) if len(sys.argv) > 1 else None]:
        d, exp, units, flags = parse_table(key, level, job, first, last, fname)
        allflags += flags
        tbl = []
        for k, u in enumerate(units):
            if k >= len(exp):
                break
            outline, methods, advice, hours, notes = cells(key, level, job, k, u, exp[k])
            m, c, eu = exp[k]
            hdr = ''.join(norm(t) for n, t in u.get('header', []))
            prev = exp[k - 1] if k else (None, None, None)
            want = ''
            if prev[0] is not m: want += m['code'] + '.' + norm(m['name'])
            if prev[1] is not c: want += c['code'] + norm(c['name'])
            if eu['seq'] is not None: want += '（%d）' % eu['seq']
            want += norm(eu['name'])
            if hdr != want:
                notes.append(f'header {hdr} != {want}')
            if hours != eu['hours']:
                notes.append(f'hours {hours} vs 1.1.2 {eu["hours"]}')
            if methods is None:
                notes.append('no methods')
            if not advice:
                notes.append('no key points')
            tbl.append({'module': m['code'], 'course': c['code'], 'seq': eu['seq'], 'name112': eu['name'], 'header': hdr,
                        'hours': hours, 'outline': outline, 'methods': methods, 'advice': advice,
                        'lines': [u['body'][0][0], u['body'][-1][0]], 'notes': notes})
            for nt in notes:
                allflags.append(f'{key} {level} {job} {c["code"]}({eu["seq"]}) {eu["name"]}: {nt}')
        out[f'{key}-{level}-{job}'] = tbl
        print('\n'.join(allflags))
    print(len(allflags), 'flags')
