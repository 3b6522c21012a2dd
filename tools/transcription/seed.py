"""What the drafting aids share: where the seed and the data files are, the seed's lines, how a line is cleaned
(spaces the PDF extraction put between Chinese characters are dropped), the job types' names, and writing a file."""
import json, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SEED = os.environ.get('SEED', os.path.join(HERE, 'seed-000_69a11254becfc026.txt'))
DATA = os.path.join(REPO, 'resources', 'src', 'main', 'resources', 'training-package', '2021')
lines = [None] + open(SEED, encoding='utf-8').read().split('\n')
JOBS = {'PRODUCT_SELECTOR': '选品员', 'LIVE_SELLER': '直播销售员', 'VIDEO_PROMOTER': '视频创推员', 'PLATFORM_OPERATOR': '平台管理员'}


def clean(s):
    s = re.sub(r'\s+', ' ', s.strip())
    return re.sub(r'(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])', '', s)


def write(name, doc):
    with open(os.path.join(DATA, name), 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write('\n')
