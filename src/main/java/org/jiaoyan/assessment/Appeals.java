package org.jiaoyan.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jiaoyan.audit.AuditLog;
import org.jiaoyan.files.Attachments;
import org.jiaoyan.files.StoredFile;
import org.jiaoyan.files.Uploads;
import org.jiaoyan.security.Access;
import org.jiaoyan.security.CurrentUser;
import org.jiaoyan.shared.ForbiddenException;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jiaoyan.shared.StaleEditException;
import org.jiaoyan.shared.Text;
import org.jiaoyan.shared.ValidationException;
import org.jiaoyan.shared.ValidationException.FieldProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 申诉: a teacher appeals a line of their own scorecard (a group's leader a line of their group's) with a reason and
 * optionally a file, until the term's deadline; the 教科室 accepts it with a change of points or rejects it, with a
 * reason either way. Nothing is deleted: the appeal and its resolution stay on the card. Locked results refuse
 * appeals and resolutions.
 */
@Service
@Transactional
public class Appeals {

    private final JdbcClient jdbc;
    private final Scorecards scorecards;
    private final Schemes schemes;
    private final TermResults results;
    private final Uploads uploads;
    private final Attachments attachments;
    private final AuditLog audit;

    /** Owner type of an appeal's file in the shared {@link Attachments} table (owner id: the appeal). */
    public static final String FILE = "assessment.appeal";

    Appeals(JdbcClient jdbc, Scorecards scorecards, Schemes schemes, TermResults results, Uploads uploads,
            Attachments attachments, AuditLog audit) {
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.schemes = schemes;
        this.results = results;
        this.uploads = uploads;
        this.audit = audit;
    }

    public enum Status { OPEN, ACCEPTED, REJECTED }

    public record Appeal(long id, long institutionId, long termId, CheckLevel level, long subjectId, String subjectName,
                         String itemCode, String itemName, @Nullable String lineText, String reason, @Nullable String fileName,
                         Status status, @Nullable Double delta, @Nullable String resolution, LocalDateTime createdAt,
                         @Nullable String createdBy, @Nullable LocalDateTime resolvedAt, @Nullable String resolvedBy, int version) {
    }

    /** A file attached to an appeal, as typed: its original name and content (null when none). */
    public record Attachment(String name, InputStream content) {
    }

    // --- reading ---------------------------------------------------------------------------------------------

    /** Appeals the user may read in a term: all of the school for its readers, else their own. */
    @Transactional(readOnly = true)
    public List<Appeal> list(long termId, @Nullable Status status) {
        CurrentUser u = Access.user();
        Long school = u.institutionId();
        if (school == null) {
            return List.of();
        }
        boolean all = u.scope().canReadInstitution(school);
        return jdbc.sql(SELECT + " where a.institution_id = :school and a.term_id = :term"
                        + (status == null ? "" : " and a.status = :status")
                        + (all ? "" : " and a.created_by = :me")
                        + " order by case a.status when 'OPEN' then 0 else 1 end, a.created_at desc, a.id desc")
                .param("school", school).param("term", termId).param("status", status == null ? "" : status.name())
                .param("me", Access.actor()).query(Appeals::row).list();
    }

    @Transactional(readOnly = true)
    public Appeal get(long id) {
        Appeal a = find(id);
        CurrentUser u = Access.user();
        if (!u.scope().canReadInstitution(a.institutionId()) && !Access.actor().equals(a.createdBy())) {
            throw new NotFoundException();
        }
        return a;
    }

    /** The appeal's file, to serve it (404 when the appeal is out of reach or has no file). */
    @Transactional(readOnly = true)
    public org.jiaoyan.files.Attachment file(long id) {
        get(id);
        return attachments.current(FILE, id);
    }

    // --- changing --------------------------------------------------------------------------------------------

    /** Files an appeal on an item of a scorecard the user may appeal (their own; their group's as its leader). */
    public long file(long termId, CheckLevel level, long subjectId, @Nullable String itemCode, @Nullable String lineText,
                     @Nullable String reason, @Nullable Attachment attachment) {
        Scorecard card = scorecards.card(termId, level, subjectId);
        CurrentUser u = Access.user();
        boolean own = level == CheckLevel.TEACHERS ? Long.valueOf(subjectId).equals(u.personId())
                : u.personId() != null && jdbc.sql("select count(*) from org_unit where id = ? and leader_id = ?")
                .params(subjectId, u.personId()).query(Long.class).single() > 0;
        if (!own) {
            throw new ForbiddenException();
        }
        if (card.locked()) {
            throw new ResultsLockedException();
        }
        LocalDate deadline = results.settings(card.institutionId(), termId).appealDeadline();
        if (deadline != null && LocalDate.now().isAfter(deadline)) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.appeal.pastDeadline", deadline)));
        }
        List<FieldProblem> problems = new ArrayList<>();
        Scheme.Item item = itemCode == null ? null : card.scheme().item(itemCode);
        if (item == null) {
            problems.add(new FieldProblem("itemCode", "assessment.appeal.item"));
        }
        String why = Text.clean(reason);
        if (why == null) {
            problems.add(new FieldProblem("reason", "assessment.appeal.reason"));
        } else if (why.length() > 1000) {
            problems.add(new FieldProblem("reason", "validation.tooLong", 1000));
        }
        String line = Text.clean(lineText);
        if (line != null && line.length() > 300) {
            line = line.substring(0, 300);
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        StoredFile stored = null;
        if (attachment != null) {
            try {
                stored = uploads.store(attachment.name(), attachment.content());
            } catch (IOException e) {
                throw new ValidationException("file", "assessment.appeal.fileFailed");
            }
        }
        long id = Inserts.id(jdbc.sql("""
                insert into assess_appeal (institution_id, term_id, level, subject_id, item_code, item_name, line_text, reason,
                                           created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(card.institutionId(), termId, level.name(), subjectId, item.code(), item.name(), line, why,
                        Access.actor()));
        if (stored != null) {
            attachments.attach(card.institutionId(), FILE, id, null, stored);
        }
        audit.success("CREATE", "assess_appeal", id, item.name(), null);
        return id;
    }

    /** Accepts an appeal: the item changes by delta (not zero), with the reason shown on the card. */
    public void accept(long id, int version, @Nullable Double delta, @Nullable String resolution) {
        Appeal a = resolvable(id);
        List<FieldProblem> problems = new ArrayList<>();
        if (delta == null || delta.isNaN() || delta == 0 || Math.abs(delta) > Schemes.MAX_POINTS) {
            problems.add(new FieldProblem("delta", "assessment.appeal.delta"));
        }
        String why = requireResolution(resolution, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        resolve(a, version, Status.ACCEPTED, delta, why);
        results.applyToStored(a.institutionId(), a.termId(), a.level(), a.subjectId(), a.itemCode(), delta);
    }

    /** Rejects an appeal: the line keeps its points; the reason is shown to the teacher. */
    public void reject(long id, int version, @Nullable String resolution) {
        Appeal a = resolvable(id);
        List<FieldProblem> problems = new ArrayList<>();
        String why = requireResolution(resolution, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        resolve(a, version, Status.REJECTED, null, why);
    }

    private void resolve(Appeal a, int version, Status to, @Nullable Double delta, String why) {
        int n = jdbc.sql("""
                update assess_appeal set status = ?, delta = ?, resolution = ?, resolved_at = ?, resolved_by = ?, version = version + 1
                 where id = ? and version = ? and status = 'OPEN'""")
                .params(to.name(), delta == null ? null : BigDecimal.valueOf(delta), why, LocalDateTime.now(), Access.actor(),
                        a.id(), version).update();
        if (n == 0) {
            throw new StaleEditException();
        }
        audit.success(to.name(), "assess_appeal", a.id(), a.itemName(), AuditLog.fact("reason", why));
    }

    private Appeal resolvable(long id) {
        Appeal a = get(id);
        if (!schemes.canManage() || !Long.valueOf(a.institutionId()).equals(Access.user().institutionId())) {
            throw new ForbiddenException();
        }
        if (a.status() != Status.OPEN) {
            throw new ValidationException(List.of(new FieldProblem(null, "assessment.appeal.resolved")));
        }
        results.requireOpen(a.institutionId(), a.termId(), a.level());
        return a;
    }

    private static String requireResolution(@Nullable String resolution, List<FieldProblem> problems) {
        String why = Text.clean(resolution);
        if (why == null) {
            problems.add(new FieldProblem("resolution", "assessment.appeal.resolution"));
        } else if (why.length() > 1000) {
            problems.add(new FieldProblem("resolution", "validation.tooLong", 1000));
        }
        return why == null ? "" : why;
    }

    private static final String SELECT = """
            select a.*, case when a.level = 'TEACHERS' then (select p.name from person p where p.id = a.subject_id)
                             else (select coalesce(u.short_name, u.name) from org_unit u where u.id = a.subject_id) end as subject_name,
                   f.file_name as att_name
              from assess_appeal a""" + Attachments.currentFileJoin("f", FILE, "a.id");

    private Appeal find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Appeals::row).optional().orElseThrow(NotFoundException::new);
    }

    private static Appeal row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        BigDecimal delta = rs.getBigDecimal("delta");
        return new Appeal(rs.getLong("id"), rs.getLong("institution_id"), rs.getLong("term_id"), CheckLevel.valueOf(rs.getString("level")),
                rs.getLong("subject_id"), rs.getString("subject_name"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getString("line_text"), rs.getString("reason"), rs.getString("att_name"), Status.valueOf(rs.getString("status")),
                delta == null ? null : delta.doubleValue(), rs.getString("resolution"), rs.getObject("created_at", LocalDateTime.class),
                rs.getString("created_by"), rs.getObject("resolved_at", LocalDateTime.class), rs.getString("resolved_by"),
                rs.getInt("version"));
    }

}
