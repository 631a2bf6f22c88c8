-- 按缺失计分 (issue 20): the office's decision that an input nobody entered is priced as missing, with its reason.
-- Comprehensive evaluation cannot be completed while an input is missing without one; the sheet cites it.
create table missing_input_decision (
    campaign_id     bigint        not null,
    unit_code       varchar(32)   not null,
    indicator_code  varchar(8)    not null,
    input_name      varchar(64)   not null,
    reason          varchar(300)  not null,
    decided_by      varchar(64)   not null,
    decided_at      timestamp with time zone not null,
    primary key (campaign_id, unit_code, indicator_code, input_name),
    foreign key (campaign_id, unit_code) references campaign_unit (campaign_id, unit_code)
);
