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

