package org.jiaoyan.research;

import java.time.LocalDate;
import org.jiaoyan.files.Attachment;
import org.jiaoyan.shared.Inserts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lays a filed file into the project's archive box (档案盒) under a category: stage documents under 文本资料, monthly
 * material under 研究过程材料, papers under 教师成果材料. Callers have checked the project.
 */
@Component
public class BoxItems {

    /** The shipped categories' codes (an office may rename, reorder or add to them). */
    public static final String TEXT = "TEXT";
    public static final String PROCESS = "PROCESS";
    public static final String TEACHER = "TEACHER";
    public static final String STUDENT = "STUDENT";

    private final JdbcClient jdbc;

    BoxItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long file(long projectId, String categoryCode, Attachment a, String title, String sourceType, long sourceId,
                     LocalDate filedOn) {
        return Inserts.id(jdbc.sql("""
                insert into research_box_item (project_id, category_code, attachment_id, title, source_type, source_id, filed_on)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, categoryCode, a.id(), title, sourceType, sourceId, filedOn));
    }

    /** Takes the box items of a source record out with it (a deleted material, paper …). */
    public void removeSource(long projectId, String sourceType, long sourceId) {
        jdbc.sql("""
                update research_box_item set deleted_at = current_timestamp
                 where project_id = ? and source_type = ? and source_id = ? and deleted_at is null""")
                .params(projectId, sourceType, sourceId).update();
    }
}
