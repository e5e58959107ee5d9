-- A worker's message to the author of an initiative stays between them. It used to live in
-- initiatieven.moderator_message, which visitors read once the initiative was published; now every
-- decision is a row of the decision history, read by the author, the co-organisers and the workers
-- of the wijk only.

create table public.initiatief_beslissingen (
  id bigint generated always as identity primary key,
  initiatief_id uuid not null references public.initiatieven on delete cascade,
  decided_by uuid references public.profiles on delete set null,
  decision text not null check (decision in ('gepubliceerd', 'aanpassing_gevraagd', 'afgewezen')),
  message text not null default '' check (length(message) <= 2000),
  created_at timestamptz not null default now()
);
create index on public.initiatief_beslissingen (initiatief_id, id desc);

-- The history so far, from the audit log (every decision was logged with its message) ...
insert into public.initiatief_beslissingen (initiatief_id, decided_by, decision, message, created_at)
select i.id, a.actor_id, substr(a.action, length('initiatief_') + 1), a.reason, a.created_at
  from public.audit_log a join public.initiatieven i on i.id::text = a.subject_id
 where a.subject_type = 'initiatief'
   and a.action in ('initiatief_gepubliceerd', 'initiatief_aanpassing_gevraagd', 'initiatief_afgewezen')
 order by a.id;
-- ... and a message that has no logged decision (written straight into the row) is kept too.
insert into public.initiatief_beslissingen (initiatief_id, decided_by, decision, message, created_at)
select i.id, i.claimed_by, i.status, i.moderator_message, i.updated_at
  from public.initiatieven i
 where i.moderator_message <> '' and i.status in ('gepubliceerd', 'aanpassing_gevraagd', 'afgewezen')
   and not exists (select 1 from public.initiatief_beslissingen b where b.initiatief_id = i.id and b.message = i.moderator_message);

alter table public.initiatieven drop column moderator_message;

alter table public.initiatief_beslissingen enable row level security;
revoke all on public.initiatief_beslissingen from anon, authenticated;
grant select on public.initiatief_beslissingen to authenticated;
-- The author, the co-organisers and the workers of the wijk read the decisions and their messages;
-- they are written only by moderate_initiatief.
create policy beslissingen_read on public.initiatief_beslissingen for select to authenticated
  using (app.organises_initiatief(initiatief_id) or app.works_on_initiatief(initiatief_id));

-- A worker of the wijk decides on a submitted initiative: publish (they become its coach), ask for
-- changes or decline; the last two need a message for the author. Nobody decides on their own.
create or replace function public.moderate_initiatief(p_id uuid, p_decision text, p_message text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
  v_status text := case p_decision when 'publiceren' then 'gepubliceerd' when 'aanpassen' then 'aanpassing_gevraagd'
                                   when 'afwijzen' then 'afgewezen' end;
  v_message text := trim(coalesce(p_message, ''));
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or not app.works_in_wijk(v_row.wijk_code) then
    raise exception 'Alleen een opbouwwerker van deze wijk beslist hierover' using errcode = '42501';
  end if;
  if v_row.author_id = app.uid() then
    raise exception 'Over je eigen initiatief beslist een collega' using errcode = '42501';
  end if;
  if v_status is null then
    raise exception 'Onbekende beslissing' using errcode = '22023';
  end if;
  if v_status <> 'gepubliceerd' and length(v_message) = 0 then
    raise exception 'Schrijf de maker waarom' using errcode = '23514';
  end if;
  -- The decision first: triggers on the status change (notifications) find its message.
  insert into public.initiatief_beslissingen (initiatief_id, decided_by, decision, message)
  values (p_id, app.uid(), v_status, v_message);
  update public.initiatieven
     set status = v_status, claimed_by = app.uid(),
         coach_id = case when v_status = 'gepubliceerd' then coalesce(coach_id, app.uid()) else coach_id end
   where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'initiatief_' || v_status, 'initiatief', p_id::text, v_row.wijk_code, v_message);
end
$$;

grant all on public.initiatief_beslissingen to service_role;
grant usage, select on all sequences in schema public to service_role;
