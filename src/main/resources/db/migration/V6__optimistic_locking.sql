-- Optimistic locking of what users edit side by side: two staff of one unit on one self-check, two staff of
-- one evaluator (or the office) on one value. A save names the version it was loaded at and is refused when
-- the row has moved on, instead of silently overwriting the other's work. Pages show 0 for "nothing stored
-- yet", so stored rows start at 1.
alter table self_check_entry add column version bigint not null default 1;
alter table unit_fact add column version bigint not null default 1;
