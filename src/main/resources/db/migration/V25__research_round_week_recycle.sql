-- 申报批次 go to the recycle bin with who deleted them; lines of the weekly research plan are deleted softly too.
-- A week keeps one row (ux_research_week_plan): planning a deleted week again takes its row back out of the bin.
alter table research_round add column deleted_by varchar(64);
alter table research_week_plan add column deleted_at timestamp;
alter table research_week_plan add column deleted_by varchar(64);
