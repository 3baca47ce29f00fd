package org.jiaoyan.files;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiaoyan.security.Access;
import org.jiaoyan.shared.Inserts;
import org.jiaoyan.shared.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one attachment table for every module. The owning module checks that the user may read or change the owner
 * record before it calls here: this service knows files, not data scope. Deleting is soft (the recycle bin of the
 * owner restores it); the stored content is kept under its hash.
 */
@Service
@Transactional
public class Attachments {

    private static final String SELECT = "select * from attachment";

    private final JdbcClient jdbc;
    private final Uploads uploads;

    Attachments(JdbcClient jdbc, Uploads uploads) {
        this.jdbc = jdbc;
        this.uploads = uploads;
    }

    /** Checks and stores an upload ({@link Uploads}: type, content, size) and attaches it to the owner. */
    public Attachment upload(long institutionId, String ownerType, long ownerId, @Nullable String category,
                             String originalName, InputStream in) throws IOException {
        return attach(institutionId, ownerType, ownerId, category, uploads.store(originalName, in));
    }

    /** Attaches an already stored file (from {@link Uploads#store}) to the owner. */
    public Attachment attach(long institutionId, String ownerType, long ownerId, @Nullable String category,
                             StoredFile f) {
        long id = Inserts.id(jdbc.sql("""
                insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type,
                                        size_bytes, storage_key, created_by)
                values (:inst, :type, :owner, :cat, :name, :ct, :size, :key, :by)""")
                .param("inst", institutionId).param("type", ownerType).param("owner", ownerId).param("cat", category)
                .param("name", f.originalName()).param("ct", f.contentType()).param("size", f.size())
                .param("key", f.key()).param("by", Access.actor()));
        return get(id);
    }

    /**
     * For an owner that holds one file (a check's photo, a step's hand-in): the new file takes the place of the
     * current one, which goes to the recycle bin.
     */
    public Attachment replace(long institutionId, String ownerType, long ownerId, @Nullable String category, StoredFile f) {
        jdbc.sql("""
                update attachment set deleted_at = current_timestamp, deleted_by = ?
                 where owner_type = ? and owner_id = ? and deleted_at is null""")
                .params(Access.actor(), ownerType, ownerId).update();
        return attach(institutionId, ownerType, ownerId, category, f);
    }

    /** The owner's current file, the latest attached; 404 when it has none. The caller checks the owner. */
    @Transactional(readOnly = true)
    public Attachment current(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + " where owner_type = ? and owner_id = ? and deleted_at is null order by id desc limit 1")
                .params(ownerType, ownerId).query(Attachments::row).optional().orElseThrow(NotFoundException::new);
    }

    /**
     * SQL that joins an owner's current file (the latest attached) as {@code alias}, for lists that show it beside
     * their rows: {@code currentFileJoin("f", "quality.check", "q.id")}. The owner type is a module's constant, never
     * user input.
     */
    public static String currentFileJoin(String alias, String ownerType, String ownerIdColumn) {
        return " left join attachment " + alias + " on " + alias + ".id = (select max(x.id) from attachment x"
                + " where x.owner_type = '" + ownerType + "' and x.owner_id = " + ownerIdColumn + " and x.deleted_at is null)";
    }

    /** One attachment, not deleted; the caller checks the owner. */
    @Transactional(readOnly = true)
    public Attachment get(long id) {
        return jdbc.sql(SELECT + " where id = ? and deleted_at is null").param(id).query(Attachments::row).optional()
                .orElseThrow(NotFoundException::new);
    }

    /** One attachment that must belong to the given owner (a file id from another record is a 404). */
    @Transactional(readOnly = true)
    public Attachment get(long id, String ownerType, long ownerId) {
        Attachment a = get(id);
        if (!a.ownerType().equals(ownerType) || a.ownerId() != ownerId) {
            throw new NotFoundException();
        }
        return a;
    }

    /** The attachments of one owner, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> of(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + " where owner_type = ? and owner_id = ? and deleted_at is null order by id")
                .param(ownerType).param(ownerId).query(Attachments::row).list();
    }

    /** The attachments of many owners of one type, in one query: owner id → files, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> of(String ownerType, Collection<Long> ownerIds) {
        Map<Long, List<Attachment>> out = new LinkedHashMap<>();
        if (ownerIds.isEmpty()) {
            return out;
        }
        jdbc.sql(SELECT + " where owner_type = :type and owner_id in (:ids) and deleted_at is null order by id")
                .param("type", ownerType).param("ids", ownerIds).query(Attachments::row).list()
                .forEach(a -> out.computeIfAbsent(a.ownerId(), k -> new java.util.ArrayList<>()).add(a));
        return out;
    }

    /** The deleted attachments of one owner (its recycle bin), most recently deleted first. */
    @Transactional(readOnly = true)
    public List<Attachment> deleted(String ownerType, long ownerId) {
        return jdbc.sql(SELECT + " where owner_type = ? and owner_id = ? and deleted_at is not null order by deleted_at desc, id desc")
                .param(ownerType).param(ownerId).query(Attachments::row).list();
    }

    /** Moves an attachment to the recycle bin. */
    public void delete(long id) {
        jdbc.sql("update attachment set deleted_at = current_timestamp, deleted_by = ? where id = ? and deleted_at is null")
                .param(Access.actor()).param(id).update();
    }

    /** Takes an attachment back out of the recycle bin. */
    public void restore(long id) {
        jdbc.sql("update attachment set deleted_at = null, deleted_by = null where id = ?").param(id).update();
    }

    public InputStream open(Attachment a) throws IOException {
        return uploads.open(a.storageKey());
    }

    /** The response serving the file: PDFs and images inline, the rest as a download, under its Chinese name. */
    public ResponseEntity<InputStreamResource> download(Attachment a) throws IOException {
        return FileDownload.of(uploads, a.fileName(), a.contentType(), a.storageKey());
    }

    static Attachment row(ResultSet rs, int i) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("owner_type"),
                rs.getLong("owner_id"), rs.getString("category"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("storage_key"),
                rs.getTimestamp("created_at").toLocalDateTime(), rs.getString("created_by"));
    }
}
