-- A scoring round stores each unit's sheet as it priced it, with what priced it, so that a result read later
-- (the pages, the PDF, the exports, the public page) is the result as decided, not a new pricing by whatever
-- catalogue and grade table are current then.
--
-- What priced a result: the catalogue's version (sha256 of its file) and the grade table's decision
-- definition (id and version). Empty only for results recorded before this migration; V46 stores their
-- sheets once, keeping the grade their round recorded.
alter table score_record add column catalogue_version varchar(80);
alter table score_record add column grade_table_id varchar(64);
alter table score_record add column grade_table_version integer;

-- The priced sheet: every indicator's points and explanation lines, the subtotals, the total and the grade,
-- as one JSON document (scoring/ScoreSheetJson). It is written once and read whole, never searched by its
-- parts, so one row per result keeps a round's write one batch and a sheet's read one row; the lists read
-- score_record only.
create table score_sheet (
    campaign_id     bigint        not null,
    unit_code       varchar(32)   not null,
    scoring_round   integer       not null,
    sheet_json      text          not null,
    primary key (campaign_id, unit_code, scoring_round),
    foreign key (campaign_id, unit_code, scoring_round) references score_record (campaign_id, unit_code, scoring_round)
);
