-- ShedLock: a scheduled job runs on one node at a time; a row per job name holds the lock until lock_until.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
