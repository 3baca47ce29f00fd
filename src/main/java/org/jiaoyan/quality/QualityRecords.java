package org.jiaoyan.quality;

import org.jiaoyan.shared.PageQuery;
import org.jiaoyan.shared.PageResult;

/**
 * The shape the three kinds of quality record share (质控检查, 业务学习, 应急演练): listed within the data scope, read,
 * recorded for a department, changed with optimistic locking, deleted to the recycle bin and restored from it.
 *
 * @param <R> the record
 * @param <D> what a form gives to record or change one
 */
public interface QualityRecords<R extends QualityRecord, D> {

    PageResult<R> list(QualityFilter filter, PageQuery page);

    /** A record the user reads (404 otherwise). */
    R get(long id);

    boolean canManage(R record);

    /** Records for the data's department; returns the new id. */
    long create(D data);

    /** Changes a record; its department stays. */
    void update(long id, int version, D data);

    void delete(long id, int version);

    void restore(long id);
}
