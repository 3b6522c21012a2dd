"""Drafting aid for section 2.1 (training requirements): reads the seed's 2.1 tables, sorts each line into
module, training content, skill target (e.g. 1-1-1 能…) and training item (（1）…), joins the lines a cell
is broken into, and writes 2.1.x-requirements-*.json (run: python3 req-draft.py). req-splits.json gives a
seed line as the cells it holds; a cell starting with # is a training item the seed does not number, one starting with ^ the rest of a
skill target printed after its items. Not part of the build; every file it writes is checked by hand and by
TrainingPackageDataTest."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from seed import DATA, JOBS, clean, lines, write
SPLITS = json.load(open(os.path.join(HERE, 'req-splits.json')))

TABLES = [
    ('2.1.1', None, None, 1550, 1657), ('2.1.2', 'L5', 'PRODUCT_SELECTOR', 1661, 1853), ('2.1.2', 'L5', 'LIVE_SELLER', 1855, 2044),
    ('2.1.2', 'L5', 'VIDEO_PROMOTER', 2046, 2277), ('2.1.2', 'L5', 'PLATFORM_OPERATOR', 2279, 2457),
    ('2.1.3', 'L4', 'PRODUCT_SELECTOR', 2461, 2688), ('2.1.3', 'L4', 'LIVE_SELLER', 2690, 2887),
    ('2.1.3', 'L4', 'VIDEO_PROMOTER', 2889, 3089), ('2.1.3', 'L4', 'PLATFORM_OPERATOR', 3091, 3292),
    ('2.1.4', 'L3', 'PRODUCT_SELECTOR', 3296, 3497), ('2.1.4', 'L3', 'LIVE_SELLER', 3499, 3695),
    ('2.1.4', 'L3', 'VIDEO_PROMOTER', 3697, 3909), ('2.1.4', 'L3', 'PLATFORM_OPERATOR', 3911, 4098),
    ('2.1.5', 'L2', 'PRODUCT_SELECTOR', 4102, 4256), ('2.1.5', 'L2', 'LIVE_SELLER', 4258, 4411),
    ('2.1.5', 'L2', 'VIDEO_PROMOTER', 4413, 4574),
    ('2.1.6', 'L1', 'PRODUCT_SELECTOR', 4578, 4764), ('2.1.6', 'L1', 'LIVE_SELLER', 4766, 4955),
    ('2.1.6', 'L1', 'VIDEO_PROMOTER', 4957, 5121),
]
TITLES = {'2.1.1': '职业基本素质培训要求', '2.1.2': '五级/初级职业技能培训要求', '2.1.3': '四级/中级职业技能培训要求',
          '2.1.4': '三级/高级职业技能培训要求', '2.1.5': '二级/技师职业技能培训要求', '2.1.6': '一级/高级技师职业技能培训要求'}
HEADER = re.compile(r'^(职业功能|模块|职业功能模块|职业基本素质模块)?\s*(培训内容\s*(技能目标\s*)?培训细目)?$')
MODULE = re.compile(r'^(\d+)[.．]\s*(\D.*)?$')
CONTENT = re.compile(r'^(\d+)-(\d+)(?![-\d])\s*(.*)$')
TARGET = re.compile(r'^(\d+)-(\d+)-(\d+)\s*(.*)$')
ITEM = re.compile(r'^[（(](\d+)[）)]\s*(.*)$')


def parse(key, level, job, first, last):
    modules, problems = [], []
    cell = None  # (kind, object)
    for n in range(first, last + 1):
        raw = lines[n].strip()
        if not raw or HEADER.fullmatch(raw) or re.fullmatch(r'\d+', raw):
            continue
        parts = SPLITS.get(str(n))
        if parts is None:  # the end of a module's name and the next content on one line: "销 2-1 直播预演"
            m = re.match(r'^(\S{1,6})\s+(\d+-\d+(?![-\d]).*)$', raw) or re.match(r'^(\d+-\d+(?![-\d])\s*\S*)\s+(\d+-\d+-\d+.*)$', raw)
            parts = [m.group(1), m.group(2)] if m else [raw]
        for t in parts:
            t = clean(t)
            if t.startswith('^'):  # req-splits.json: the rest of a skill target printed after its first items
                modules[-1]['contents'][-1]['targets'][-1]['text'] += t[1:]
                continue
            if t.startswith('#'):  # req-splits.json: a training item that the seed does not number
                content = modules[-1]['contents'][-1]
                holder = content['targets'][-1] if content['targets'] else content
                holder['items'].append(t[1:])
                cell = ('item', holder)
            elif m := TARGET.match(t):
                target = {'code': f'{m.group(1)}-{m.group(2)}-{m.group(3)}', 'text': m.group(4), 'items': [], 'seedLine': n}
                if not modules or not modules[-1]['contents']:
                    problems.append(f'{key} {level} {job}: target before any content, line {n}')
                    continue
                modules[-1]['contents'][-1]['targets'].append(target)
                cell = ('target', target)
            elif m := CONTENT.match(t):
                content = {'code': f'{m.group(1)}-{m.group(2)}', 'name': m.group(3), 'targets': [], 'items': [], 'seedLine': n}
                modules[-1]['contents'].append(content)
                cell = ('content', content)
            elif m := MODULE.match(t):
                module = {'code': m.group(1), 'name': m.group(2) or '', 'contents': [], 'seedLine': n}
                modules.append(module)
                cell = ('module', module)
            elif m := ITEM.match(t):
                content = modules[-1]['contents'][-1]
                holder = content['targets'][-1] if content['targets'] else content
                holder['items'].append(m.group(2))
                cell = ('item', holder)
            elif cell is None:
                problems.append(f'{key} {level} {job}: stray {t} (line {n})')
            elif cell[0] == 'item':
                cell[1]['items'][-1] += t
            elif cell[0] == 'target':
                cell[1]['text'] += t
            else:
                cell[1]['name'] += t
    return modules, problems


if __name__ == '__main__':
    allp = []
    for key, level, job, first, last in TABLES:
        modules, problems = parse(key, level, job, first, last)
        allp += problems
        table = json.load(open(os.path.join(DATA, f'1.1.2-{level}-{job}.json' if level else '1.1.2-basic-course.json')))
        courses = {c['code']: c['name'] for m in table['modules'] for c in m['courses']}
        for mo in modules:
            for c in mo['contents']:
                known = courses.get(c['code'], '')
                if not c['targets'] and not c['items']:  # content and its only item printed on one line
                    if '（1）' in c['name']:
                        c['name'], c['items'] = c['name'].split('（1）', 1)[0], [c['name'].split('（1）', 1)[1]]
                    elif known and c['name'].startswith(known) and len(c['name']) > len(known):
                        c['name'], c['items'] = known, [c['name'][len(known):]]
                    else:
                        allp.append(f'{key} {level} {job} {c["code"]}: cannot tell the item from the content in {c["name"]}')
                if not c['targets']:
                    del c['targets']
                else:
                    del c['items']
                    codes = [t['code'] for t in c['targets']]
                    if len(set(codes)) != len(codes):
                        allp.append(f'{key} {level} {job} {c["code"]}: target codes {codes}')
                    for t in c['targets']:
                        body = t['text'][1:] if t['text'].startswith('能') else ''
                        half = len(body) // 2
                        if not t['items'] and body and len(body) % 2 == 0 and body[:half] == body[half:]:
                            t['text'], t['items'] = '能' + body[:half], [body[half:]]  # one unnumbered item: the target without 能
                        if not t['items']:
                            allp.append(f'{key} {level} {job} {t["code"]}: no items')
        doc = {'section': key, 'level': level, 'jobType': job, 'title': TITLES[key] + (' · ' + JOBS[job] if job else ''),
               'seedLines': [first - 1, last], 'modules': modules}
        name = f'{key}-requirements-{level}-{job}.json' if level else f'{key}-requirements-basic-course.json'
        write(name, doc)
        print(name, sum(len(c.get('targets', [])) for m in modules for c in m['contents']))
    print('\n'.join(allp))
