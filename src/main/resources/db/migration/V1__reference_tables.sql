-- Reference data of the assessment: the assessed units and the specialist evaluators.
-- Camunda keeps its own tables; these are the application's.

create table assessed_unit (
    code        varchar(32)  not null primary key,
    name        varchar(100) not null unique,
    kind        varchar(16)  not null,   -- DEPARTMENT (区政府委办局) or STREET (街道办事处)
    sort_order  integer      not null,
    active      boolean      not null default true
);

create table specialist_evaluator (
    code        varchar(32)  not null primary key,  -- as named by the catalogue's "by" fields
    name        varchar(100) not null,
    sort_order  integer      not null,
    unit_code   varchar(32)  references assessed_unit (code)  -- the assessed unit it also is, if any
);
