-- The audit log shows who acted by name with the login beside (王丽（wangli）): keep the name the user had when acting.
alter table audit_log add column actor_name varchar(50);
update audit_log set actor_name = (select u.display_name from app_user u where u.id = audit_log.user_id)
 where user_id is not null;
