import json, re, os, sys
"""Writes the 2.2.x-spec-*.json files of the first TABLES tables (default all) from spec-draft.py's parse, and
provenance.json: what the drafting put elsewhere than the extraction's line order says (page breaks, lone characters)."""
HERE = os.path.dirname(os.path.abspath(__file__))
__file__ = os.path.join(HERE, 'spec-draft.py')
exec(open(__file__).read().replace("if __name__ == '__main__':", "if False:"))
TITLES = {'2.2.1': '职业基本素质培训课程规范', '2.2.2': '五级/初级职业技能培训课程规范', '2.2.3': '四级/中级职业技能培训课程规范',
          '2.2.4': '三级/高级职业技能培训课程规范', '2.2.5': '二级/技师职业技能培训课程规范', '2.2.6': '一级/高级技师职业技能培训课程规范'}
from seed import JOBS, write
n_tables = int(os.environ.get('TABLES', str(len(TABLES))))
problems = []
for key, level, job, first, last, fname in TABLES[:n_tables]:
    d, exp, units, flags = parse_table(key, level, job, first, last, fname)
    modules = []
    for k, u in enumerate(units):
        m, c, eu = exp[k]
        outline, methods, advice, hours, notes = cells(key, level, job, k, u, exp[k])
        H = ''.join(t for n, t in u['header'])
        prev = exp[k - 1] if k else (None, None, None)
        if prev[0] is not m:
            mm = re.match(r'^(\d+)[.．](.*?)(\d+[-.]\d+.*)$', H)
            modules.append({'code': mm.group(1), 'name': mm.group(2), 'courses': []})
            H = mm.group(3)
        if prev[1] is not c:
            mc = re.match(r'^(\d+)[-.](\d+)(.*)$', H)
            code = mc.group(1) + '-' + mc.group(2)
            rest = mc.group(3)
            ms = re.search(r'（(\d+)）', rest)
            if ms:
                cname, H = rest[:ms.start()], rest[ms.start():]
            else:
                nc, nu = norm(c['name']), norm(eu['name'])
                if norm(rest).startswith(nc) and len(norm(rest)) > len(nc):
                    cut = len(nc)
                elif norm(rest).endswith(nu) and len(norm(rest)) > len(nu):
                    cut = len(norm(rest)) - len(nu)
                else:
                    problems.append(f'{key} {level} {job} {code}: cannot split {rest}')
                    cut = len(rest) // 2
                # map the cut on normalised text back onto rest
                i = j = 0
                while j < cut:
                    if not rest[i].isspace(): j += 1
                    i += 1
                cname, H = rest[:i].strip(), rest[i:].strip()
            if '-' in c['code'] and mc.group(0)[len(mc.group(1))] == '.':
                problems.append(f'{key} {level} {job}: course code printed {mc.group(1)}.{mc.group(2)}')
            modules[-1]['courses'].append({'code': code, 'codeAsPrinted': mc.group(1) + mc.group(0)[len(mc.group(1))] + mc.group(2), 'name': cname, 'units': []})
        ms = re.match(r'^（(\d+)）(.*)$', H)
        seq, uname = (int(ms.group(1)), ms.group(2)) if ms else (None, H)
        unit = {'seq': seq, 'name': uname, 'hours': hours,
                'content': [{'text': o['text'], 'points': o['items']} for o in outline],
                'methods': methods, 'keyPoints': [{'label': a[0] or None, 'text': a[1]} for a in advice],
                'seedLine': (u['header'] or u['body'])[0][0]}
        modules[-1]['courses'][-1]['units'].append(unit)
        for nt in notes:
            if not nt.startswith('header') and not nt.startswith('unlabelled'):
                problems.append(f'{key} {level} {job} {c["code"]}: {nt}')
    for mo in modules:
        for co in mo['courses']:
            if co['codeAsPrinted'] == co['code']:
                del co['codeAsPrinted']
    title = TITLES[key] + (' · ' + JOBS[job] if job else '')
    doc = {'section': key, 'level': level, 'jobType': job, 'title': title, 'seedLines': [first - 1 if key != '2.2.1' else first - 1, last],
           'modules': modules}
    out = f'{key}-spec-{level}-{job}.json' if level else f'{key}-spec-basic-course.json'
    write(out, doc)
    print(out, sum(len(co['units']) for mo in modules for co in mo['courses']))
write('provenance.json', {'title': '培训课程规范（2.2）的文字归位记录', 'entries': PROVENANCE})
print('provenance.json', len(PROVENANCE))
print('\n'.join(problems))
