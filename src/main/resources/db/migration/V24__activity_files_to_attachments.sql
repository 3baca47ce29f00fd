-- An activity's photos and files move into the shared attachment table (owner_type 'activity'); the old table stays
-- readable for a release but is no longer written.
insert into attachment (institution_id, owner_type, owner_id, category, file_name, content_type, size_bytes, storage_key,
                        created_at, created_by)
select a.institution_id, 'activity', f.activity_id, null, f.file_name, f.content_type, f.size_bytes, f.storage_key,
       f.created_at, f.created_by
  from activity_file f join activity a on a.id = f.activity_id
 order by f.id;
