#!/usr/bin/env python3
"""Writes the plan-import corpus: plans in 12 layouts, each with <name>.expected.tsv (content, months, weeks, owner).

The item lists below were written by hand (wording of several schools); this script only renders each list in a
layout the way an office's copy looks (glued web cells, merged cells, pipes, time words, page furniture), so the
label of every plan is the list it was rendered from. Binary formats (.docx .doc .pdf .xlsx .xls) are converted
from an HTML table with merged cells by LibreOffice (soffice --headless --convert-to), run once; the results are
committed. Run: python3 make_corpus.py (needs soffice for the binary layouts).
"""
import os, random, subprocess, shutil, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CN = {1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 7: '七', 8: '八', 9: '九', 10: '十', 11: '十一', 12: '十二',
      13: '十三', 14: '十四', 15: '十五', 16: '十六', 17: '十七', 18: '十八', 19: '十九', 20: '二十'}
MONTH_CN = {9: '九月', 10: '十月', 11: '十一月', 12: '十二月', 1: '元月', 2: '二月', 3: '三月', 4: '四月', 5: '五月', 6: '六月'}

SCHOOLS = ['城南实验学校', '红星小学', '柳河镇中心小学', '东方红中学', '青石县第二中学', '桃园小学', '育才初级中学',
           '新华路小学', '西湖区教师发展中心', '北关镇中学', '白鹭洲小学', '实验幼儿园']
PEOPLE = ['王海燕', '李明', '欧阳晓红', '张建国', '陈静', '刘芳', '赵丽华', '孙伟', '周敏', '吴宏', '郑晓东', '黄文', '杨帆',
          '马丽', '朱红', '胡军', '何静', '林涛', '郭慧', '徐磊']
UNITS = ['教科室', '教导处', '德育处', '各教研组长', '各备课组长', '课题组', '语文教研组', '数学教研组', '工会', '校长室',
         '团委', '总务处', '信息中心']
ACTIVITIES = {
    '课程建设': ['制定校本课程实施方案', '开展校本课程展示活动', '修订选修课程纲要', '评选优秀校本课程案例', '整理校本课程资源包'],
    '教学常规': ['教学常规月查', '作业设计专题研讨', '期中教学质量分析', '学生作业展评', '开展推门听课活动', '检查教师备课笔记'],
    '教师发展': ['青蓝工程师徒结对', '青年教师汇报课', '骨干教师示范课', '教师基本功竞赛', '读书交流活动', '新教师入职培训'],
    '课题研究': ['县级课题中期检查', '课题组上报过程性资料', '校级小课题立项评审', '课题研究课展示', '优秀论文评选'],
    '质量监控': ['期中教学质量检测', '质量分析会', '期末复习研讨', '学业水平抽测', '单元测试命题研讨'],
    '德育活动': ['班主任工作论坛', '家长开放日', '主题班会观摩', '心理健康教育讲座'],
}
AUTUMN = [9, 10, 11, 12, 1]


def plan_items(rng, n, autumn=True):
    """n items: a category, a content, one or a range of months, one to three owners."""
    items = []
    cats = rng.sample(list(ACTIVITIES), k=min(4, len(ACTIVITIES)))
    months = AUTUMN if autumn else [2, 3, 4, 5, 6]
    used = set()
    for i in range(n):
        cat = cats[min(i * len(cats) // n, len(cats) - 1)]
        content = rng.choice([a for a in ACTIVITIES[cat] if a not in used] or ACTIVITIES[cat])
        used.add(content)
        m = months[min(i * len(months) // n, len(months) - 1)]
        span = [m]
        if rng.random() < 0.2 and m in (9, 10, 2, 3):
            span = [m, m + 1, m + 2] if m + 2 <= 12 else [m, m + 1]
        r = rng.random()
        owners = rng.sample(PEOPLE, 1) if r < 0.45 else rng.sample(PEOPLE, rng.choice([2, 3])) if r < 0.65 \
            else [rng.choice(UNITS)]
        items.append(dict(cat=cat, content=content, months=span, weeks=None, owners=owners))
    return items


def mtext(months, style='arabic'):
    if len(months) == 1:
        return str(months[0]) if style == 'arabic' else MONTH_CN[months[0]]
    return f'{months[0]}—{months[-1]}' if style == 'arabic' else MONTH_CN[months[0]][:-1] + '至' + MONTH_CN[months[-1]]


def tsv(items):
    lines = ['content\tmonths\tweeks\towner']
    for it in items:
        months = ','.join(map(str, it['months'])) if it['months'] else ''
        weeks = ','.join(map(str, it['weeks'])) if it.get('weeks') else ''
        lines.append(f"{it['content']}\t{months}\t{weeks}\t{'、'.join(it['owners'])}")
    return '\n'.join(lines) + '\n'


def title(rng, autumn=True, kind='教研工作安排'):
    school = rng.choice(SCHOOLS)
    return f"{school}2026{'年秋' if autumn else '年春'}学期{kind}"


def write(name, text, items, ext='txt'):
    with open(os.path.join(HERE, f'{name}.{ext}'), 'w', encoding='utf-8') as f:
        f.write(text)
    with open(os.path.join(HERE, f'{name}.expected.tsv'), 'w', encoding='utf-8') as f:
        f.write(tsv(items))


PROSE = '一、指导思想\n以县教研室工作要点为指导，立足课堂，聚焦课题研究，促进教师专业成长。\n\n二、工作目标\n1．落实教研组每周一次研讨活动。\n2．规范课题过程管理。\n'


# ---------------------------------------------------------------- layouts

def web_glued(rng, i):
    """项目工作内容月份负责人 glued; a month glued to owners; owners glued to the next category."""
    items = plan_items(rng, rng.randint(7, 9))
    out = [title(rng), '', PROSE, '三、具体工作安排']
    head = '项目工作内容月份负责人'
    pending = head
    last_cat = None
    for it in items:
        if it['cat'] != last_cat:
            out.append(pending + it['cat'])
            pending = None
            last_cat = it['cat']
        elif pending:
            out.append(pending)
            pending = None
        out.append(it['content'])
        pending = mtext(it['months']) + ''.join(it['owners'])
    out.append(pending)
    out.append('')
    out.append('四、保障措施')
    out.append('教科室每月检查一次教研记录。')
    return '\n'.join(out) + '\n', items


def web_cells(rng, i):
    """A web table copied as text: every cell on its own line, merged month cells written once."""
    items = plan_items(rng, rng.randint(6, 8))
    out = [title(rng, kind='教科研工作计划'), PROSE, '三、工作行事历', '月份', '工作内容', '负责人']
    last = None
    for it in items:
        key = tuple(it['months'])
        if key != last:
            out.append(mtext(it['months'], 'cn' if i % 2 else 'arabic'))
            last = key
        out.append(it['content'])
        out.extend(it['owners'])
    return '\n'.join(out) + '\n', items


def pipe_weeks(rng, i):
    """| 周次 | 日期 | 工作内容 | 负责人 | with merged 周次 cells (shifted rows), 开学前 rows and 第九—十周."""
    out = [title(rng, kind='教学工作行事历'), '', '| 周次 | 日期 | 工作内容 | 负责人 |', '|---|---|---|---|']
    items = []
    out.append('| 开学前 | 8月28日 | 新教师入职培训 | 教导处 |')
    items.append(dict(content='新教师入职培训', months=[8], weeks=None, owners=['教导处']))
    day = 1
    week = 1
    month = 9
    pool = [a for acts in ACTIVITIES.values() for a in acts]
    rng.shuffle(pool)
    while week <= 14 and pool:
        span = 2 if rng.random() < 0.25 else 1
        label = f'第{CN[week]}—{CN[week + span - 1]}周' if span > 1 else (f'第{CN[week]}周' if i % 2 else f'第{week}周')
        n = 2 if rng.random() < 0.4 else 1
        weeks = list(range(week, week + span))
        for k in range(n):
            content = pool.pop()
            owner = rng.choice(PEOPLE + UNITS)
            date = f'{month}.{day}'
            if k == 0:
                out.append(f'| {label} | {date} | {content} | {owner} |')
            else:
                out.append(f'| {content} | {owner} |')  # the merged 周次/日期 cells leave the row short
            items.append(dict(content=content, months=[month], weeks=weeks, owners=[owner]))
        week += span
        day += 7 * span
        if day > 28:
            day -= 28
            month = month + 1 if month < 12 else 1
    out.append('')
    out.append('注：以上安排如有变动，另行通知。')
    return '\n'.join(out) + '\n', items


def tab_merged(rng, i):
    """Word table pasted as text: TAB between cells; after a merged 月份 cell the rows have one cell less."""
    items = plan_items(rng, rng.randint(7, 9))
    out = [title(rng), '', '具体工作安排', '月份\t工作内容\t负责人']
    last = None
    for it in items:
        key = tuple(it['months'])
        owner = '、'.join(it['owners'])
        if key != last:
            out.append(f"{mtext(it['months'])}月\t{it['content']}\t{owner}")
            last = key
        else:
            out.append(f"{it['content']}\t{owner}")
    return '\n'.join(out) + '\n', items


def month_prose(rng, i):
    """九月份： then ①/1．/（1） items with （负责人：…） or 责任人：… after them."""
    items = plan_items(rng, rng.randint(7, 10))
    for it in items:
        it['months'] = it['months'][:1]
    out = [title(rng, kind='教科室工作计划'), PROSE, '三、月份工作安排']
    last = None
    n = 0
    for it in items:
        if it['months'][0] != last:
            last = it['months'][0]
            out.append(f"{MONTH_CN[last]}{'份' if i % 2 else ''}：")
            n = 0
        n += 1
        mark = ['①②③④⑤⑥⑦⑧'[n - 1], f'{n}．', f'（{n}）'][i % 3]
        owner = '、'.join(it['owners'])
        out.append(f"{mark}{it['content']}（负责人：{owner}）" if i % 2 == 0 else f"{mark}{it['content']}。责任人：{owner}")
    return '\n'.join(out) + '\n', items


def time_words(rng, i):
    """上旬/中旬/下旬 under a month, 月初/月底, and term words (开学前, 期中, 期末, 寒假前) as headings."""
    words = [('开学前', [9]), ('期中', [11]), ('期末', [1]), ('寒假前', [1])]
    out = [title(rng, kind='教研工作安排'), '', '一、工作安排', '月份\t时间\t工作内容\t负责人']
    items = []
    pool = [a for acts in ACTIVITIES.values() for a in acts]
    rng.shuffle(pool)
    for m in [9, 10, 11, 12]:
        for k, part in enumerate(rng.sample(['上旬', '中旬', '下旬', '月初', '月底'], 2)):
            content = pool.pop()
            owner = rng.choice(PEOPLE + UNITS)
            first = f'{m}月' if k == 0 else ''
            out.append(f'{first}\t{part}\t{content}\t{owner}')
            items.append(dict(content=content, months=[m], weeks=None, owners=[owner]))
    out.append('')
    out.append('二、其他安排')
    for w, months in rng.sample(words, 3):
        content = pool.pop()
        owner = rng.choice(UNITS)
        out.append(f'{w}：{content}（{owner}）')
        items.append(dict(content=content, months=months, weeks=None, owners=[owner]))
    return '\n'.join(out) + '\n', items


def brackets(rng, i):
    """一、/（一） categories, ① items with （9月，教科室） after them, full-width spaces and page furniture."""
    items = plan_items(rng, rng.randint(6, 8))
    for it in items:
        it['months'] = it['months'][:1]
        it['owners'] = it['owners'][:1]
    out = [title(rng, kind='教育科研工作要点'), '', '四、具体工作安排']
    last = None
    n = 0
    for k, it in enumerate(items):
        if it['cat'] != last:
            last = it['cat']
            n = 0
            out.append(f"（{CN[len(set(x['cat'] for x in items[:k + 1]))]}）{it['cat']}")
        n += 1
        out.append(f"\u3000\u3000{'①②③④⑤⑥⑦⑧'[n - 1]}{it['content']}（{it['months'][0]}月，{it['owners'][0]}）")
        if k == 3:
            out.append('—2—')
            out.append('')
    return '\n'.join(out) + '\n', items


def spaced_weeks(rng, i):
    """周次　　工作内容　　负责人 with full-width spaces, Chinese week numbers and ranges, a repeated header."""
    out = [title(rng, kind='教研组工作行事历'), '周次\u3000\u3000工作内容\u3000\u3000负责人']
    items = []
    pool = [a for acts in ACTIVITIES.values() for a in acts]
    rng.shuffle(pool)
    week = 1
    while week <= 16:
        span = rng.choice([1, 1, 2])
        label = f'第{CN[week]}至{CN[week + span - 1]}周' if span > 1 else f'第{CN[week]}周'
        content = pool.pop()
        owner = rng.choice(PEOPLE + UNITS)
        out.append(f'{label}\u3000\u3000{content}\u3000\u3000{owner}')
        items.append(dict(content=content, months=None, weeks=list(range(week, week + span)), owners=[owner]))
        if week == 7:
            out.append('第 1 页 共 2 页')
            out.append('周次\u3000\u3000工作内容\u3000\u3000负责人')
        week += span
    return '\n'.join(out) + '\n', items


def html_table(rng, i, autumn=True):
    """An HTML page with a 项目/工作内容/月份/负责人 table whose 项目 and 月份 cells span rows (converted by soffice)."""
    items = plan_items(rng, rng.randint(6, 8), autumn)
    t = title(rng, autumn)
    rows = []
    k = 0
    while k < len(items):
        cat = items[k]['cat']
        j = k
        while j < len(items) and items[j]['cat'] == cat:
            j += 1
        group = items[k:j]
        for g, it in enumerate(group):
            cells = []
            if g == 0:
                cells.append(f'<td rowspan="{len(group)}">{cat}</td>')
            cells.append(f"<td>{it['content']}</td>")
            same = g > 0 and group[g - 1]['months'] == it['months']
            if not same:
                span = 1
                while g + span < len(group) and group[g + span]['months'] == it['months']:
                    span += 1
                cells.append(f'<td rowspan="{span}">{mtext(it["months"])}月</td>')
            cells.append(f"<td>{'、'.join(it['owners'])}</td>")
            rows.append('<tr>' + ''.join(cells) + '</tr>')
        k = j
    html = (f'<html><head><meta charset="utf-8"></head><body><p>{t}</p><p>一、指导思想</p>'
            f'<p>以县教研室工作要点为指导，立足课堂，促进教师专业成长。</p><p>二、具体工作安排</p>'
            '<table border="1"><tr><td>项目</td><td>工作内容</td><td>月份</td><td>负责人</td></tr>'
            + ''.join(rows) + '</table><p>三、保障措施</p><p>教科室每月检查一次。</p></body></html>')
    return html, items


def convert(html, name, targets, calc=False):
    tmp = tempfile.mkdtemp()
    src = os.path.join(tmp, name + '.html')
    with open(src, 'w', encoding='utf-8') as f:
        f.write(html)
    for ext, filt in targets:
        args = ['soffice', '--headless']
        if calc:
            args += ['--infilter=HTML (StarCalc)']
        else:
            args += ['--infilter=HTML (StarWriter)']
        subprocess.run(args + ['--convert-to', f'{ext}:{filt}', '--outdir', tmp, src], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copy(os.path.join(tmp, f'{name}.{ext}'), os.path.join(HERE, f'{name}.{ext}'))
    shutil.rmtree(tmp)


TEXT_LAYOUTS = [('web-glued', web_glued), ('web-cells', web_cells), ('pipe-weeks', pipe_weeks),
                ('tab-merged', tab_merged), ('month-prose', month_prose), ('time-words', time_words),
                ('brackets', brackets), ('spaced-weeks', spaced_weeks)]
BINARY_LAYOUTS = [('docx-merged', [('docx', 'MS Word 2007 XML')], False),
                  ('doc-merged', [('doc', 'MS Word 97')], False),
                  ('pdf-table', [('pdf', 'writer_pdf_Export')], False),
                  ('xlsx-merged', [('xlsx', 'Calc MS Excel 2007 XML')], True),
                  ('xls-merged', [('xls', 'MS Excel 97')], True)]

if __name__ == '__main__':
    for layout, render in TEXT_LAYOUTS:
        for i in range(1, 4):
            rng = random.Random(f'{layout}-{i}')
            text, items = render(rng, i)
            write(f'{layout}-{i:02d}', text, items)
    if shutil.which('soffice'):
        for layout, targets, calc in BINARY_LAYOUTS:
            for i in range(1, 3):
                rng = random.Random(f'{layout}-{i}')
                html, items = html_table(rng, i, autumn=i % 2 == 1)
                name = f'{layout}-{i:02d}'
                convert(html, name, targets, calc)
                with open(os.path.join(HERE, f'{name}.expected.tsv'), 'w', encoding='utf-8') as f:
                    f.write(tsv(items))
