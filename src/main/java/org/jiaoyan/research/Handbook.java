package org.jiaoyan.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jiaoyan.activity.Activities;
import org.jiaoyan.activity.PersonActivity;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ChineseDates;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.word.OfficialDocument;
import org.jiaoyan.word.OfficialDocument.Block;
import org.jiaoyan.word.OfficialDocument.Merge;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 《教师课题手册》: one member's record of a project as a Word document — the project, their role, their research tasks,
 * the weekly plan lines they carry, their papers, the project's study log and the activities they signed in to. A member downloads their own; the lead
 * and the school's office anyone's of the project.
 */
@Service
@Transactional(readOnly = true)
public class Handbook {

    private final JdbcClient jdbc;
    private final Projects projects;
    private final MessageSource messages;
    private final Activities activities;

    Handbook(JdbcClient jdbc, Projects projects, MessageSource messages, Activities activities) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.messages = messages;
        this.activities = activities;
    }

    /** Whether the user downloads the handbook of that member: their own, or anyone's as the lead or the office. */
    public boolean canRead(Project p, long personId) {
        CurrentUser u = Access.user();
        Long me = u.personId();
        return projects.officeOf(p) || (me != null && (me == personId || me == p.leadId()));
    }

    /** The file name: 《教师课题手册》张三.docx. */
    public String fileName(long projectId, long personId) {
        return "《教师课题手册》" + member(projects.get(projectId), personId).name() + ".docx";
    }

    /** The handbook of a member as a .docx. */
    public byte[] docx(long projectId, long personId) {
        Project p = projects.get(projectId);
        ProjectMember m = member(p, personId);
        if (!canRead(p, personId)) {
            throw new ForbiddenException();
        }
        OfficialDocument doc = new OfficialDocument();
        doc.title("教师课题手册");
        doc.subtitle(p.institutionName() + "　" + m.name());
        doc.blankLine();

        doc.paragraph(Block.HEADING, "一、课题概况");
        keyValues(doc, new String[][] {
                {"课题名称", p.title()}, {"立项编号", text(p.projectNo())}, {"课题级别", message(p.level().messageKey())},
                {"所属批次", text(p.roundName())}, {"承担学校", p.institutionName()}, {"学科", text(p.discipline())},
                {"主持人", p.leadName()}, {"起止时间", ChineseDates.date(p.startDate()) + " 至 " + ChineseDates.date(p.endDate())},
                {"当前阶段", message(p.stage().messageKey())}, {"本人角色", m.lead() ? "主持人" : "课题组成员"}});

        doc.paragraph(Block.HEADING, "二、研究任务");
        List<String[]> tasks = jdbc.sql("""
                select title, due_date, done_on from research_task
                 where project_id = ? and person_id = ? and deleted_at is null order by due_date, id""")
                .params(p.id(), personId).query((rs, i) -> new String[] {rs.getString(1),
                        ChineseDates.date(rs.getObject(2, LocalDate.class)), done(rs.getObject(3, LocalDate.class))}).list();
        table(doc, new String[] {"序号", "研究任务", "完成时间", "完成情况"}, new int[] {800, 0, 1900, 2100}, tasks);

        doc.paragraph(Block.HEADING, "三、周研究计划");
        List<String[]> weeks = jdbc.sql("""
                select week_start, content, done from research_week_plan
                 where project_id = ? and person_id = ? and deleted_at is null order by week_start""")
                .params(p.id(), personId).query((rs, i) -> new String[] {
                        ChineseDates.date(rs.getObject(1, LocalDate.class)) + "起", rs.getString(2),
                        rs.getBoolean(3) ? "已完成" : "未完成"}).list();
        table(doc, new String[] {"序号", "周次", "计划内容", "完成情况"}, new int[] {800, 2300, 0, 1500}, weeks);

        doc.paragraph(Block.HEADING, "四、课题论文");
        List<String[]> papers = jdbc.sql("""
                select title, written_on, published_in from research_paper
                 where project_id = ? and person_id = ? and deleted_at is null order by written_on, id""")
                .params(p.id(), personId).query((rs, i) -> new String[] {rs.getString(1),
                        ChineseDates.date(rs.getObject(2, LocalDate.class)), text(rs.getString(3))}).list();
        table(doc, new String[] {"序号", "论文题目", "完成时间", "发表或获奖"}, new int[] {800, 0, 1900, 2600}, papers);

        doc.paragraph(Block.HEADING, "五、理论学习记载");
        List<String[]> studies = jdbc.sql("""
                select studied_on, topic, reading, notes from research_study
                 where project_id = ? and deleted_at is null order by studied_on, id""")
                .param(p.id()).query((rs, i) -> new String[] {ChineseDates.date(rs.getObject(1, LocalDate.class)),
                        rs.getString(2), text(rs.getString(3)), text(rs.getString(4))}).list();
        table(doc, new String[] {"序号", "日期", "学习主题", "学习内容", "心得笔记"}, new int[] {800, 1900, 1900, 1900, 0}, studies);

        doc.paragraph(Block.HEADING, "六、参加的教研活动");
        table(doc, new String[] {"序号", "时间", "活动", "组织者"}, new int[] {800, 2600, 0, 2600}, attended(p, personId));
        return doc.bytes();
    }

    /**
     * The activities the member signed in to while the project runs (its start to its end or today), oldest first. The
     * user's right to this handbook was checked; the activity module's person check would refuse the lead reading a
     * member, so it reads as the system.
     */
    private List<String[]> attended(Project p, long personId) {
        LocalDate today = LocalDate.now();
        LocalDate from = p.startDate() != null ? p.startDate() : today.minusYears(1);
        LocalDate to = p.endDate() != null && p.endDate().isBefore(today) ? p.endDate() : today;
        if (to.isBefore(from)) {
            return List.of();
        }
        List<PersonActivity> list = Access.asSystem(() -> activities.ofPerson(personId, List.of(), from, to));
        return list.stream().filter(PersonActivity::attended)
                .sorted(java.util.Comparator.comparing(PersonActivity::startsAt))
                .map(a -> new String[] {ChineseDates.dateTime(a.startsAt()), a.title(), a.organiserName()}).toList();
    }

    private ProjectMember member(Project p, long personId) {
        return projects.membersOf(p.id()).stream().filter(x -> x.personId() == personId).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static void keyValues(OfficialDocument doc, String[][] rows) {
        int[] widths = {2200, OfficialDocument.TEXT_WIDTH - 2200};
        XWPFTable t = doc.table(widths);
        for (String[] r : rows) {
            XWPFTableRow row = OfficialDocument.row(t, false);
            OfficialDocument.cellText(OfficialDocument.cell(row, widths[0], 1, Merge.NONE), Block.CELL_HEADER, r[0]);
            OfficialDocument.cellText(OfficialDocument.cell(row, widths[1], 1, Merge.NONE), Block.CELL, r[1]);
        }
    }

    /** A numbered table; a width of 0 takes what is left of the type area. Without rows, a line saying 无. */
    private static void table(OfficialDocument doc, String[] headers, int[] widths, List<String[]> rows) {
        if (rows.isEmpty()) {
            doc.paragraph(Block.BODY, "（无）");
            return;
        }
        int used = 0;
        for (int w : widths) {
            used += w;
        }
        int[] ws = widths.clone();
        for (int i = 0; i < ws.length; i++) {
            if (ws[i] == 0) {
                ws[i] = OfficialDocument.TEXT_WIDTH - used;
            }
        }
        XWPFTable t = doc.table(ws);
        XWPFTableRow head = OfficialDocument.row(t, true);
        for (int c = 0; c < headers.length; c++) {
            OfficialDocument.cellText(OfficialDocument.cell(head, ws[c], 1, Merge.NONE), Block.CELL_HEADER, headers[c]);
        }
        int n = 1;
        for (String[] r : rows) {
            XWPFTableRow row = OfficialDocument.row(t, false);
            OfficialDocument.cellText(OfficialDocument.cell(row, ws[0], 1, Merge.NONE), Block.CELL_CENTRED, String.valueOf(n++));
            for (int c = 0; c < r.length; c++) {
                OfficialDocument.cellText(OfficialDocument.cell(row, ws[c + 1], 1, Merge.NONE), Block.CELL, r[c]);
            }
        }
    }

    private static String done(@Nullable LocalDate d) {
        return d == null ? "未完成" : "已完成（" + ChineseDates.date(d) + "）";
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
    }
}
