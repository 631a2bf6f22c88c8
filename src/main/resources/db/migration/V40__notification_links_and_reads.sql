-- A notification points at the Tasklist task it asks for, or else at the app page it concerns (both optional).
alter table notification add column task_id varchar(64);
alter table notification add column page varchar(300);

-- Who has read which notification: a group's message is unread for each member until that member saw it.
-- The primary key makes a read recorded twice at once (two windows) a refused duplicate, not a second row.
create table notification_read (
    notification_id bigint        not null references notification (id),
    user_id         varchar(64)   not null,
    read_at         timestamp with time zone not null,
    primary key (notification_id, user_id)
);
