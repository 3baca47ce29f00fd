-- The modules' own file columns and tables move into the shared attachment table (files.Attachments), as the
-- activity's files did in V24: the stored object keys stay, so the stored bytes are found under the same key; name,
-- type, size, uploader and upload time are kept. The old columns and tables are no longer read or written.

-- 计划事项的佐证材料 (plan_item_evidence) → owner type plan.evidence, owner id the item
insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type, size_bytes, storage_key,
                        created_at, created_by)
select p.institution_id, 'plan.evidence', e.item_id, null, e.file_name, e.content_type, e.size_bytes, e.storage_key,
       e.created_at, e.created_by
  from plan_item_evidence e join plan_item it on it.id = e.item_id join plan p on p.id = it.plan_id
 order by e.id;

-- 质控检查的附件 (quality_check.file_name …, one per check) → owner type quality.check, owner id the check
insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type, size_bytes, storage_key,
                        created_at, created_by)
select q.institution_id, 'quality.check', q.id, null, q.file_name, q.content_type, coalesce(q.size_bytes, 0), q.storage_key,
       coalesce(q.updated_at, q.created_at), coalesce(q.updated_by, q.created_by)
  from quality_check q
 where q.storage_key is not null and q.file_name is not null
 order by q.id;

-- 申诉的附件 (assess_appeal.file_key, file_name; no type or size was kept) → owner type assessment.appeal, owner id the
-- appeal; the type follows the name's extension as uploads are served, the size is unknown (0)
insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type, size_bytes, storage_key,
                        created_at, created_by)
select a.institution_id, 'assessment.appeal', a.id, null, coalesce(a.file_name, 'file'),
       case when lower(a.file_name) like '%.pdf' then 'application/pdf'
            when lower(a.file_name) like '%.jpg' or lower(a.file_name) like '%.jpeg' then 'image/jpeg'
            when lower(a.file_name) like '%.png' then 'image/png'
            when lower(a.file_name) like '%.gif' then 'image/gif'
            when lower(a.file_name) like '%.webp' then 'image/webp'
            when lower(a.file_name) like '%.txt' then 'text/plain'
            when lower(a.file_name) like '%.doc' then 'application/msword'
            when lower(a.file_name) like '%.docx' then 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
            when lower(a.file_name) like '%.xls' then 'application/vnd.ms-excel'
            when lower(a.file_name) like '%.xlsx' then 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            else 'application/octet-stream' end,
       0, a.file_key, a.created_at, a.created_by
  from assess_appeal a
 where a.file_key is not null
 order by a.id;

-- 集体备课每一步交的文件 (prep_step.file_name …, one per step) → owner type activity.prep-step, owner id the step; the
-- step does not record when the file came, its hand-in time stands for it
insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type, size_bytes, storage_key,
                        created_at, created_by)
select a.institution_id, 'activity.prep-step', s.id, null, s.file_name, s.content_type, coalesce(s.size_bytes, 0), s.storage_key,
       coalesce(s.done_at, a.created_at), (select min(u.username) from app_user u where u.person_id = s.person_id)
  from prep_step s join activity a on a.id = s.activity_id
 where s.storage_key is not null and s.file_name is not null
 order by s.id;
