-- Repair Cafés: a series at a venue with dates; residents sign up for a date with the item they bring.
-- Capacity holds in the database: every sign-up goes through one function that locks the date, and
-- a check constraint on the date's counter refuses anything past capacity whatever the client does.

create table public.repair_cafe_series (
  id uuid primary key default gen_random_uuid(),
  organiser_id uuid not null references public.profiles on delete restrict,
  buurt_code text not null references public.buurten,
  name text not null check (length(name) between 3 and 120),
  venue text not null check (length(venue) between 2 and 120),
  address text not null check (length(address) between 2 and 200),
  lat double precision not null check (lat between 50.7 and 53.6),
  lng double precision not null check (lng between 3.3 and 7.3),
  description text not null default '' check (length(description) <= 2000),
  -- How the dates were made, shown to residents ("elke eerste zaterdag").
  rule text not null default '' check (length(rule) <= 120),
  published boolean not null default true,
  created_at timestamptz not null default now()
);
create index on public.repair_cafe_series (buurt_code);
create index on public.repair_cafe_series (organiser_id);

create table public.repair_cafe_dates (
  id bigint generated always as identity primary key,
  series_id uuid not null references public.repair_cafe_series on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  capacity integer not null check (capacity between 1 and 500),
  -- Kept by the sign-up functions; the check is the last line against overbooking.
  booked integer not null default 0 check (booked >= 0 and booked <= capacity),
  waiting integer not null default 0 check (waiting >= 0),
  cancelled boolean not null default false,
  unique (series_id, starts_at)
);
create index on public.repair_cafe_dates (starts_at) where not cancelled;

create table public.repair_cafe_signups (
  id bigint generated always as identity primary key,
  date_id bigint not null references public.repair_cafe_dates on delete cascade,
  resident_id uuid not null references public.profiles on delete cascade,
  category text not null check (category in ('electrical', 'textile', 'bicycle', 'furniture', 'computer', 'other')),
  item text not null check (length(item) between 2 and 100),
  problem text not null check (length(problem) between 2 and 1000),
  status text not null check (status in ('booked', 'waiting', 'cancelled')),
  outcome text check (outcome in ('fixed', 'repairable', 'end_of_life')),
  outcome_notes text not null default '' check (length(outcome_notes) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index on public.repair_cafe_signups (date_id, status, created_at);
create index on public.repair_cafe_signups (resident_id);
-- One active sign-up per resident per date.
create unique index repair_cafe_signups_once on public.repair_cafe_signups (date_id, resident_id) where status <> 'cancelled';

-- True when the current user organises this series or works in its buurt.
create function app.manages_repair_series(p_series uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.repair_cafe_series s
                  where s.id = p_series and (s.organiser_id = app.uid() or app.works_in_buurt(s.buurt_code)))
$$;

create function app.manages_repair_date(p_date bigint) returns boolean
language sql stable security definer set search_path = ''
as $$ select app.manages_repair_series((select series_id from public.repair_cafe_dates where id = p_date)) $$;

-- For the app: may the current user manage this series (to show its management page or a 403)?
create function public.manages_repair_series(p_series uuid) returns boolean
language sql stable
as $$ select app.manages_repair_series(p_series) $$;
grant execute on function public.manages_repair_series to anon, authenticated;

-- Only legal moves: waiting → booked (moved up), waiting or booked → cancelled; cancelled is final.
-- The item may be edited by its resident until the day; the outcome only by organisers and workers.
create function app.repair_signup_guard() returns trigger
language plpgsql
as $$
begin
  if new.status is distinct from old.status and not (
       (old.status = 'waiting' and new.status in ('booked', 'cancelled'))
    or (old.status = 'booked' and new.status = 'cancelled')) then
    raise exception 'Deze stap kan niet: % naar %', old.status, new.status using errcode = '23514';
  end if;
  if (new.date_id, new.resident_id, new.created_at) is distinct from (old.date_id, old.resident_id, old.created_at) then
    raise exception 'Een aanmelding verhuist niet' using errcode = '42501';
  end if;
  if (new.outcome, new.outcome_notes) is distinct from (old.outcome, old.outcome_notes)
     and not app.manages_repair_date(new.date_id) then
    raise exception 'Alleen de organisatie legt de uitkomst vast' using errcode = '42501';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger repair_cafe_signups_guard before update on public.repair_cafe_signups
  for each row execute function app.repair_signup_guard();

alter table public.repair_cafe_series enable row level security;
alter table public.repair_cafe_dates enable row level security;
alter table public.repair_cafe_signups enable row level security;
revoke all on public.repair_cafe_series, public.repair_cafe_dates, public.repair_cafe_signups from anon, authenticated;

grant select on public.repair_cafe_series, public.repair_cafe_dates to anon, authenticated;
grant update (name, venue, address, description, published) on public.repair_cafe_series to authenticated;
-- Everyone sees published series; organisers and workers of the buurt also their unpublished ones.
create policy repair_cafe_series_read on public.repair_cafe_series for select to anon, authenticated
  using (published or app.manages_repair_series(id));
-- The organiser and the workers of the buurt edit a series.
create policy repair_cafe_series_update on public.repair_cafe_series for update to authenticated
  using (app.manages_repair_series(id)) with check (app.manages_repair_series(id));
-- Dates (with free places) of published series are public, like the series.
create policy repair_cafe_dates_read on public.repair_cafe_dates for select to anon, authenticated
  using (exists (select 1 from public.repair_cafe_series s where s.id = series_id and (s.published or app.manages_repair_series(s.id))));

grant select on public.repair_cafe_signups to authenticated;
grant update (category, item, problem) on public.repair_cafe_signups to authenticated;
-- Who signed up with what: that resident, the organiser, and workers of the buurt.
create policy repair_cafe_signups_read on public.repair_cafe_signups for select to authenticated
  using (resident_id = (select app.uid()) or app.manages_repair_date(date_id));
-- A resident edits what they bring, until the day starts.
create policy repair_cafe_signups_update on public.repair_cafe_signups for update to authenticated
  using (resident_id = (select app.uid()) and status <> 'cancelled'
         and exists (select 1 from public.repair_cafe_dates d where d.id = date_id and d.starts_at > now()))
  with check (resident_id = (select app.uid()));

-- ---------------------------------------------------------------------------------------------------
-- Functions: every change of places goes through these, so the counters and the waiting list agree.

-- A worker of the buurt creates a series for an organiser (themselves or a resident); an organiser of
-- a series creates further series. Dates are given (the app expands the recurrence rule and leaves out
-- the exceptions); times are local (Europe/Amsterdam).
create function public.create_repair_cafe_series(
  p_buurt_code text, p_name text, p_venue text, p_address text, p_lat double precision, p_lng double precision,
  p_description text, p_rule text, p_dates date[], p_start time, p_end time, p_capacity integer,
  p_organiser uuid default null
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_organiser uuid := coalesce(p_organiser, app.uid());
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
  insert into public.repair_cafe_series (organiser_id, buurt_code, name, venue, address, lat, lng, description, rule)
  values (v_organiser, p_buurt_code, p_name, p_venue, p_address, p_lat, p_lng, p_description, p_rule)
  returning id into v_id;
  insert into public.repair_cafe_dates (series_id, starts_at, ends_at, capacity)
  select v_id, (d + p_start) at time zone 'Europe/Amsterdam', (d + p_end) at time zone 'Europe/Amsterdam', p_capacity
    from (select distinct unnest(p_dates) as d) dates;
  return v_id;
end
$$;

-- An extra date, or a changed capacity (never below the places already taken).
create function public.add_repair_cafe_date(p_series uuid, p_day date, p_start time, p_end time, p_capacity integer)
returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint;
begin
  if not app.manages_repair_series(p_series) then
    raise exception 'Alleen de organisatie voegt datums toe' using errcode = '42501';
  end if;
  insert into public.repair_cafe_dates (series_id, starts_at, ends_at, capacity)
  values (p_series, (p_day + p_start) at time zone 'Europe/Amsterdam', (p_day + p_end) at time zone 'Europe/Amsterdam', p_capacity)
  returning id into v_id;
  return v_id;
end
$$;

-- An exception: the date does not go ahead. Everyone signed up (or waiting) hears it by mail.
create function public.cancel_repair_cafe_date(p_date bigint)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_series public.repair_cafe_series;
  v_date public.repair_cafe_dates;
begin
  if not app.manages_repair_date(p_date) then
    raise exception 'Alleen de organisatie zegt een datum af' using errcode = '42501';
  end if;
  select * into v_date from public.repair_cafe_dates where id = p_date for update;
  select * into v_series from public.repair_cafe_series where id = v_date.series_id;
  update public.repair_cafe_dates set cancelled = true where id = p_date;
  insert into public.email_outbox (to_address, subject, body_text, kind)
  select u.email,
         'Repair Café ' || v_series.name || ' gaat niet door',
         'Hallo,' || chr(10) || chr(10) || 'Het Repair Café ' || v_series.name || ' op '
           || to_char(v_date.starts_at at time zone 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI')
           || ' gaat niet door. Je aanmelding vervalt. Kijk op Buurtplein voor een andere datum.',
         'repair_date_cancelled'
    from public.repair_cafe_signups s join public.users u on u.id = s.resident_id
   where s.date_id = p_date and s.status <> 'cancelled';
end
$$;

-- Signs the current resident up. With places left: booked; full and p_waitlist: on the waiting list;
-- full without: refused. The date row is locked, so concurrent sign-ups for it queue here and the last
-- place goes to exactly one of them.
create function public.repair_cafe_sign_up(p_date bigint, p_category text, p_item text, p_problem text, p_waitlist boolean default true)
returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v_date public.repair_cafe_dates;
  v_status text;
begin
  if app.uid() is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  select d.* into v_date from public.repair_cafe_dates d join public.repair_cafe_series s on s.id = d.series_id
   where d.id = p_date and s.published for update of d;
  if not found then
    raise exception 'Deze datum bestaat niet' using errcode = 'P0002';
  end if;
  if v_date.cancelled or v_date.starts_at <= now() then
    raise exception 'Aanmelden voor deze datum kan niet meer' using errcode = 'P0001', hint = 'repair_closed';
  end if;
  if exists (select 1 from public.repair_cafe_signups where date_id = p_date and resident_id = app.uid() and status <> 'cancelled') then
    raise exception 'Je bent al aangemeld voor deze datum' using errcode = '23505', hint = 'repair_twice';
  end if;
  if v_date.booked < v_date.capacity then
    v_status := 'booked';
    update public.repair_cafe_dates set booked = booked + 1 where id = p_date;
  elsif p_waitlist then
    v_status := 'waiting';
    update public.repair_cafe_dates set waiting = waiting + 1 where id = p_date;
  else
    raise exception 'Deze datum is vol' using errcode = 'P0001', hint = 'repair_full';
  end if;
  insert into public.repair_cafe_signups (date_id, resident_id, category, item, problem, status)
  values (p_date, app.uid(), p_category, p_item, p_problem, v_status);
  return v_status;
end
$$;

-- Cancels a sign-up (by its resident, the organiser or a worker of the buurt). A freed place goes to
-- the first on the waiting list, who is told by mail.
create function public.repair_cafe_cancel(p_signup bigint)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_signup public.repair_cafe_signups;
  v_date public.repair_cafe_dates;
  v_next public.repair_cafe_signups;
begin
  select * into v_signup from public.repair_cafe_signups where id = p_signup;
  if not found or not (v_signup.resident_id = app.uid() or app.manages_repair_date(v_signup.date_id)) then
    raise exception 'Deze aanmelding bestaat niet' using errcode = 'P0002';
  end if;
  select * into v_date from public.repair_cafe_dates where id = v_signup.date_id for update;
  select * into v_signup from public.repair_cafe_signups where id = p_signup;
  if v_signup.status = 'cancelled' then
    return;
  end if;
  update public.repair_cafe_signups set status = 'cancelled' where id = p_signup;
  if v_signup.status = 'waiting' then
    update public.repair_cafe_dates set waiting = waiting - 1 where id = v_date.id;
    return;
  end if;
  update public.repair_cafe_dates set booked = booked - 1 where id = v_date.id;
  if v_date.starts_at <= now() or v_date.cancelled then
    return;
  end if;
  select * into v_next from public.repair_cafe_signups
   where date_id = v_date.id and status = 'waiting' order by created_at, id limit 1 for update;
  if found then
    update public.repair_cafe_signups set status = 'booked' where id = v_next.id;
    update public.repair_cafe_dates set booked = booked + 1, waiting = waiting - 1 where id = v_date.id;
    insert into public.email_outbox (to_address, subject, body_text, kind)
    select u.email, 'Er is een plek vrij bij het Repair Café',
           'Hallo,' || chr(10) || chr(10) || 'Goed nieuws: er is een plek vrijgekomen. Je staat nu ingeschreven voor '
             || (select name from public.repair_cafe_series where id = v_date.series_id) || ' op '
             || to_char(v_date.starts_at at time zone 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI')
             || ' met: ' || v_next.item || '.' || chr(10) || chr(10)
             || 'Kun je niet? Meld je dan af op Buurtplein onder "Mijn aanmeldingen", zodat een ander kan komen.',
           'repair_moved_up'
      from public.users u where u.id = v_next.resident_id;
  end if;
end
$$;

-- After the day the organiser records what became of each item.
create function public.repair_cafe_record_outcome(p_signup bigint, p_outcome text, p_notes text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_signup public.repair_cafe_signups;
begin
  select * into v_signup from public.repair_cafe_signups where id = p_signup;
  if not found or not app.manages_repair_date(v_signup.date_id) then
    raise exception 'Alleen de organisatie legt de uitkomst vast' using errcode = '42501';
  end if;
  if v_signup.status <> 'booked' then
    raise exception 'Alleen wie een plek had, heeft een uitkomst' using errcode = '23514';
  end if;
  if exists (select 1 from public.repair_cafe_dates where id = v_signup.date_id and starts_at > now()) then
    raise exception 'De uitkomst komt na de dag' using errcode = '23514', hint = 'repair_not_yet';
  end if;
  update public.repair_cafe_signups set outcome = p_outcome, outcome_notes = coalesce(p_notes, '') where id = p_signup;
end
$$;

revoke execute on function public.create_repair_cafe_series, public.add_repair_cafe_date, public.cancel_repair_cafe_date,
  public.repair_cafe_sign_up, public.repair_cafe_cancel, public.repair_cafe_record_outcome from public, anon;
grant execute on function public.create_repair_cafe_series, public.add_repair_cafe_date, public.cancel_repair_cafe_date,
  public.repair_cafe_sign_up, public.repair_cafe_cancel, public.repair_cafe_record_outcome to authenticated;

-- A published series can be reported; it belongs to the wijk of its buurt.
create function app.report_wijk_repair_cafe(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select b.wijk_code from public.repair_cafe_series s join public.buurten b on b.code = s.buurt_code
   where s.id::text = p_id and s.published
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.repair_cafe_series, public.repair_cafe_dates, public.repair_cafe_signups to service_role;
grant execute on all functions in schema public to service_role;
