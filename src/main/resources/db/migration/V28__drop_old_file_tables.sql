-- The files now live in the shared attachment table (V24, V27); nothing reads or writes the old tables and columns.
drop table activity_file;
drop table plan_item_evidence;

alter table quality_check drop column file_name;
alter table quality_check drop column content_type;
alter table quality_check drop column size_bytes;
alter table quality_check drop column storage_key;

alter table prep_step drop column file_name;
alter table prep_step drop column content_type;
alter table prep_step drop column size_bytes;
alter table prep_step drop column storage_key;

alter table assess_appeal drop column file_key;
alter table assess_appeal drop column file_name;
