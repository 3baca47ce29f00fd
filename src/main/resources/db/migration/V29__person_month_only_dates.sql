-- Rosters keep 出生年月 and 参加工作时间 as a year and a month (1985.03); the date stores the 1st, and these flags say the
-- day is not known, so that pages show 1985年3月 instead of inventing 1985年3月1日.
alter table person add column birth_month_only boolean not null default false;
alter table person add column work_start_month_only boolean not null default false;
