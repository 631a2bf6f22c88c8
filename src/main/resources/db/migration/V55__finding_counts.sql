-- A finding can stand for several items of one kind (issue 20, part 6): the office lists them line by line
-- in the note, one item a line, or states them in one line and gives their number. The scored count of the
-- input is the sum of its findings' counts, no longer the number of findings. Findings recorded before this
-- stand for one item each, as they were priced.
alter table verification_finding add column item_count integer default 1 not null;
alter table verification_finding add constraint verification_finding_item_count check (item_count >= 1);
-- Room for a list of items, one a line (at most 1,000 lines, 20,000 characters: VerificationService).
alter table verification_finding alter column note set data type varchar(20000);
