-- Repair Cafés go public as a worker reviewed them. Nobody publishes their own series: a series that
-- its own organiser creates (a resident organiser, or a worker for themselves) waits until a worker
-- of the buurt who does not organise it puts it online. A change of the public text after that waits
-- for review too (the approved text stays public meanwhile), and only a worker lifts a worker's
-- unpublish.

alter table public.repair_cafe_series
  add column approved_at timestamptz,
  add column approved_by uuid references public.profiles on delete set null,
  add column unpublished_by_worker boolean not null default false;
comment on column public.repair_cafe_series.approved_at is 'Set by trigger when a reviewing worker first puts the series online.';
comment on column public.repair_cafe_series.approved_by is 'Set by trigger: the reviewing worker.';
comment on column public.repair_cafe_series.unpublished_by_worker is
  'Set by trigger: a reviewing worker took the series offline, so only such a worker puts it back.';
-- What is online now was online before there was a review.
update public.repair_cafe_series set approved_at = created_at where published;

-- A change of the public text waiting for review; one per series (a newer change replaces it).
create table public.repair_cafe_series_changes (
  series_id uuid primary key references public.repair_cafe_series on delete cascade,
  name text not null check (length(name) between 3 and 120),
  venue text not null check (length(venue) between 2 and 120),
  address text not null check (length(address) between 2 and 200),
  description text not null default '' check (length(description) <= 2000),
  proposed_by uuid references public.profiles on delete set null,
  proposed_at timestamptz not null default now()
);
alter table public.repair_cafe_series_changes enable row level security;
revoke all on public.repair_cafe_series_changes from anon, authenticated;
grant select on public.repair_cafe_series_changes to authenticated;
-- The organiser and the workers of the buurt read a waiting change; it is written by the trigger below
-- and applied or dropped by review_repair_cafe_series.
create policy repair_cafe_series_changes_read on public.repair_cafe_series_changes for select to authenticated
  using (app.manages_repair_series(series_id));

-- True when the current user may review this series: a worker of its buurt who does not organise it.
create function app.reviews_repair_series(p_series uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.repair_cafe_series s
                  where s.id = p_series and s.organiser_id is distinct from app.uid() and app.works_in_buurt(s.buurt_code))
$$;

create function public.reviews_repair_series(p_series uuid) returns boolean
language sql stable
as $$ select app.reviews_repair_series(p_series) $$;
revoke execute on function public.reviews_repair_series from public, anon;
grant execute on function public.reviews_repair_series to authenticated;

create function app.repair_series_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_reviewer boolean := app.reviews_repair_series(old.id);
begin
  -- A change of the public text after approval waits; the approved text stays public until then.
  if not v_reviewer and old.approved_at is not null
     and (new.name, new.venue, new.address, new.description) is distinct from (old.name, old.venue, old.address, old.description) then
    insert into public.repair_cafe_series_changes (series_id, name, venue, address, description, proposed_by)
    values (old.id, new.name, new.venue, new.address, new.description, app.uid())
    on conflict (series_id) do update
      set name = excluded.name, venue = excluded.venue, address = excluded.address, description = excluded.description,
          proposed_by = excluded.proposed_by, proposed_at = now();
    new.name := old.name;
    new.venue := old.venue;
    new.address := old.address;
    new.description := old.description;
  end if;
  if new.published and not old.published then
    if v_reviewer then
      new.approved_at := coalesce(old.approved_at, now());
      new.approved_by := app.uid();
    elsif old.approved_at is null then
      raise exception 'Een opbouwwerker van de buurt zet dit Repair Café online' using errcode = '42501', hint = 'repair_needs_review';
    elsif old.unpublished_by_worker then
      raise exception 'Een opbouwwerker heeft dit Repair Café offline gehaald; alleen een opbouwwerker zet het weer online'
        using errcode = '42501', hint = 'repair_unpublished_by_worker';
    end if;
    new.unpublished_by_worker := false;
  elsif old.published and not new.published then
    new.unpublished_by_worker := v_reviewer;
  end if;
  -- Users change the approval only by reviewing (the system, without a user, may record one).
  if (new.approved_at, new.approved_by) is distinct from (old.approved_at, old.approved_by) and app.uid() is not null
     and not (v_reviewer and new.published and not old.published) then
    raise exception 'Dit verandert alleen met een beoordeling' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger repair_cafe_series_guard before update on public.repair_cafe_series
  for each row execute function app.repair_series_guard();

-- A worker of the buurt who does not organise the series decides: approve (puts it online, with a
-- waiting change applied) or refuse the waiting change (with a reason, mailed to the organiser). Logged.
create function public.review_repair_cafe_series(p_series uuid, p_decision text, p_reason text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_series public.repair_cafe_series;
  v_change public.repair_cafe_series_changes;
  v_reason text := trim(coalesce(p_reason, ''));
begin
  select * into v_series from public.repair_cafe_series where id = p_series for update;
  if v_series.id is null or not app.works_in_buurt(v_series.buurt_code) then
    raise exception 'Alleen een opbouwwerker van de buurt beoordeelt een Repair Café' using errcode = '42501';
  end if;
  if v_series.organiser_id = app.uid() then
    raise exception 'Over je eigen Repair Café beslist een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  if p_decision not in ('goedkeuren', 'afwijzen') then
    raise exception 'Onbekende beslissing' using errcode = '22023';
  end if;
  select * into v_change from public.repair_cafe_series_changes where series_id = p_series for update;
  if p_decision = 'afwijzen' then
    if v_change.series_id is null then
      raise exception 'Er is geen wijziging om te beoordelen' using errcode = '23514';
    end if;
    if length(v_reason) = 0 then
      raise exception 'Schrijf de organisator waarom' using errcode = '23514', hint = 'repair_reason';
    end if;
    delete from public.repair_cafe_series_changes where series_id = p_series;
    -- The organiser hears why (the audit log is for workers).
    insert into public.email_outbox (to_address, subject, body_text, kind)
    select u.email, 'Je wijziging van ' || v_series.name || ' is niet overgenomen',
           'Hallo,' || chr(10) || chr(10) || 'Een opbouwwerker heeft je wijziging van ' || v_series.name
             || ' niet overgenomen. Bewoners zien de tekst zoals die was.' || chr(10) || chr(10) || 'Waarom: ' || v_reason,
           'repair_change_refused'
      from public.users u where u.id = v_series.organiser_id;
  else
    update public.repair_cafe_series
       set name = coalesce(v_change.name, name), venue = coalesce(v_change.venue, venue),
           address = coalesce(v_change.address, address), description = coalesce(v_change.description, description),
           published = true
     where id = p_series;
    delete from public.repair_cafe_series_changes where series_id = p_series;
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'repair_cafe_' || p_decision, 'repair_cafe', p_series::text,
          (select wijk_code from public.buurten where code = v_series.buurt_code), v_reason);
end
$$;
revoke execute on function public.review_repair_cafe_series from public, anon;
grant execute on function public.review_repair_cafe_series to authenticated;

-- A worker of the buurt creates a series for an organiser (themselves or a resident); an organiser of
-- a series creates further series. It is online at once only when a worker made it for someone else;
-- otherwise it waits for a worker of the buurt who does not organise it.
create or replace function public.create_repair_cafe_series(
  p_buurt_code text, p_name text, p_venue text, p_address text, p_lat double precision, p_lng double precision,
  p_description text, p_rule text, p_dates date[], p_start time, p_end time, p_capacity integer,
  p_organiser uuid default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_organiser uuid := coalesce(p_organiser, app.uid());
  v_reviewed boolean;
begin
  if app.uid() is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  if not app.works_in_buurt(p_buurt_code) and not (
       v_organiser = app.uid() and exists (select 1 from public.repair_cafe_series where organiser_id = app.uid())) then
    raise exception 'Alleen een opbouwwerker van deze buurt of een organisator maakt een Repair Café' using errcode = '42501';
  end if;
  if cardinality(p_dates) = 0 or cardinality(p_dates) > 60 then
    raise exception 'Kies 1 tot 60 datums' using errcode = '22023';
  end if;
  if p_end <= p_start then
    raise exception 'De eindtijd ligt na de begintijd' using errcode = '22023';
  end if;
  v_reviewed := coalesce(app.works_in_buurt(p_buurt_code), false) and v_organiser <> app.uid();
  insert into public.repair_cafe_series (organiser_id, buurt_code, name, venue, address, lat, lng, description, rule,
                                         published, approved_at, approved_by)
  values (v_organiser, p_buurt_code, p_name, p_venue, p_address, p_lat, p_lng, p_description, p_rule,
          v_reviewed, case when v_reviewed then now() end, case when v_reviewed then app.uid() end)
  returning id into v_id;
  insert into public.repair_cafe_dates (series_id, starts_at, ends_at, capacity)
  select v_id, (d + p_start) at time zone 'Europe/Amsterdam', (d + p_end) at time zone 'Europe/Amsterdam', p_capacity
    from (select distinct unnest(p_dates) as d) dates;
  if not v_reviewed then
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'repair_cafe_ingediend', 'repair_cafe', v_id::text, (select wijk_code from public.buurten where code = p_buurt_code));
  end if;
  return v_id;
end
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.repair_cafe_series_changes to service_role;
grant execute on all functions in schema public to service_role;
