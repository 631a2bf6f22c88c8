-- Inputs a campaign still awaits (units and evaluators not yet ready), counted down under the campaign
-- row lock: deciding whether the last input arrived then costs the same for 60 or 6,000 units, and the
-- lock is held only briefly.
alter table campaign add column pending_inputs integer not null default 0;

update campaign set pending_inputs =
    (select count(*) from campaign_unit u where u.campaign_id = campaign.id and not u.ready)
  + (select count(*) from campaign_evaluator e where e.campaign_id = campaign.id and not e.ready);
