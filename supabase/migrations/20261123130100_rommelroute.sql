-- The Rommelroute: a worker opens an edition for a wijk; households register a stand at their
-- address (geocoded by the app with PDOK Locatieserver); the worker approves; approved stands are
-- public (street and number, the name only when the household chose to show it).

create table public.rommelroute_editions (
  id uuid primary key default gen_random_uuid(),
  wijk_code text not null references public.wijken,
  title text not null check (length(title) between 3 and 120),
  day date not null,
  starts time not null,
  ends time not null check (ends > starts),
  registration_opens timestamptz not null,
  registration_closes timestamptz not null check (registration_closes > registration_opens),
  description text not null default '' check (length(description) <= 2000),
  created_by uuid not null default app.uid() references public.profiles on delete restrict,
  created_at timestamptz not null default now(),
  check (registration_closes <= (day + ends) at time zone 'Europe/Amsterdam')
);
create index on public.rommelroute_editions (day);

create table public.rommelroute_stands (
  id bigint generated always as identity primary key,
  edition_id uuid not null references public.rommelroute_editions on delete cascade,
  resident_id uuid not null default app.uid() references public.profiles on delete cascade,
  postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
  huisnummer integer not null check (huisnummer between 1 and 99999),
  toevoeging text not null default '' check (toevoeging ~ '^[A-Za-z0-9]{0,4}$'),
  street text not null check (length(street) between 1 and 120),
  city text not null check (length(city) between 1 and 80),
  lat double precision not null check (lat between 50.7 and 53.6),
  lng double precision not null check (lng between 3.3 and 7.3),
  sells text[] not null check (cardinality(sells) between 1 and 9 and sells <@ array[
    'kleding', 'boeken', 'speelgoed', 'huisraad', 'meubels', 'elektronica', 'planten', 'eten-drinken', 'anders']),
  description text not null default '' check (length(description) <= 300),
  show_name boolean not null default false,
  -- Set from the profile when the household chose to show its name; what the public reads.
  shown_name text not null default '',
  status text not null default 'aangemeld' check (status in ('aangemeld', 'goedgekeurd', 'afgewezen', 'ingetrokken')),
  reason text not null default '' check (length(reason) <= 500),
  reviewed_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now()
);
create index on public.rommelroute_stands (edition_id, status, street, huisnummer);
create index on public.rommelroute_stands (resident_id);
-- One stand per address per edition (a withdrawn or refused stand frees the address).
create unique index rommelroute_stands_address on public.rommelroute_stands (edition_id, postcode, huisnummer, toevoeging)
  where status in ('aangemeld', 'goedgekeurd');

create function app.rommelroute_stand_guard() returns trigger
language plpgsql
as $$
declare
  v_edition public.rommelroute_editions;
begin
  select * into v_edition from public.rommelroute_editions where id = new.edition_id;
  if tg_op = 'INSERT' then
    if now() < v_edition.registration_opens or now() > v_edition.registration_closes then
      raise exception 'Aanmelden voor deze Rommelroute kan nu niet' using errcode = 'P0001', hint = 'rommel_closed';
    end if;
    new.status := 'aangemeld';
  else
    -- Legal moves: aangemeld → goedgekeurd | afgewezen (worker); goedgekeurd → afgewezen (worker);
    -- aangemeld | goedgekeurd → ingetrokken (the household). Refused and withdrawn are final.
    if new.status is distinct from old.status and not (
         (old.status = 'aangemeld' and new.status in ('goedgekeurd', 'afgewezen', 'ingetrokken'))
      or (old.status = 'goedgekeurd' and new.status in ('afgewezen', 'ingetrokken'))) then
      raise exception 'Deze stap kan niet: % naar %', old.status, new.status using errcode = '23514';
    end if;
    if new.status in ('goedgekeurd', 'afgewezen') and new.status is distinct from old.status
       and not app.works_in_wijk(v_edition.wijk_code) then
      raise exception 'Alleen een opbouwwerker van de wijk beoordeelt kramen' using errcode = '42501';
    end if;
    if (new.reason, new.reviewed_by) is distinct from (old.reason, old.reviewed_by) and not app.works_in_wijk(v_edition.wijk_code) then
      raise exception 'Alleen een opbouwwerker van de wijk beoordeelt kramen' using errcode = '42501';
    end if;
    if (new.edition_id, new.resident_id, new.postcode, new.huisnummer, new.toevoeging, new.street, new.lat, new.lng)
       is distinct from (old.edition_id, old.resident_id, old.postcode, old.huisnummer, old.toevoeging, old.street, old.lat, old.lng) then
      raise exception 'Het adres van een kraam verandert niet; trek hem in en meld opnieuw aan' using errcode = '42501';
    end if;
  end if;
  new.shown_name := case when new.show_name then (select display_name from public.profiles where id = new.resident_id) else '' end;
  return new;
end
$$;
create trigger rommelroute_stands_guard before insert or update on public.rommelroute_stands
  for each row execute function app.rommelroute_stand_guard();

alter table public.rommelroute_editions enable row level security;
alter table public.rommelroute_stands enable row level security;
revoke all on public.rommelroute_editions, public.rommelroute_stands from anon, authenticated;

grant select on public.rommelroute_editions to anon, authenticated;
grant insert (wijk_code, title, day, starts, ends, registration_opens, registration_closes, description),
  update (title, day, starts, ends, registration_opens, registration_closes, description)
  on public.rommelroute_editions to authenticated;
-- Editions are public.
create policy rommelroute_editions_read on public.rommelroute_editions for select to anon, authenticated using (true);
-- Workers of the wijk open and change an edition.
create policy rommelroute_editions_insert on public.rommelroute_editions for insert to authenticated
  with check (app.works_in_wijk(wijk_code) and created_by = (select app.uid()));
create policy rommelroute_editions_update on public.rommelroute_editions for update to authenticated
  using (app.works_in_wijk(wijk_code)) with check (app.works_in_wijk(wijk_code));

-- Stands themselves (with who registered them) are read by their household and by workers of the
-- wijk; the public reads approved stands through rommelroute_stands_public, which leaves the
-- resident out.
grant select on public.rommelroute_stands to authenticated;
grant insert (edition_id, postcode, huisnummer, toevoeging, street, city, lat, lng, sells, description, show_name)
  on public.rommelroute_stands to authenticated;
grant update (sells, description, show_name, status) on public.rommelroute_stands to authenticated;
grant update (reason, reviewed_by) on public.rommelroute_stands to authenticated;
create policy rommelroute_stands_read on public.rommelroute_stands for select to authenticated
  using (resident_id = (select app.uid())
         or app.works_in_wijk((select e.wijk_code from public.rommelroute_editions e where e.id = edition_id)));
-- A household registers its own stand (the trigger checks the registration window).
create policy rommelroute_stands_insert on public.rommelroute_stands for insert to authenticated
  with check (resident_id = (select app.uid()));
-- The household edits or withdraws its stand; workers of the wijk approve or refuse it.
create policy rommelroute_stands_update on public.rommelroute_stands for update to authenticated
  using (resident_id = (select app.uid())
         or app.works_in_wijk((select e.wijk_code from public.rommelroute_editions e where e.id = edition_id)))
  with check (true);

-- What anyone may see of an approved stand. A view owned by the migration role (not security
-- invoker), so visitors read these columns without any grant on the table itself.
create view public.rommelroute_stands_public as
  select s.id, s.edition_id, s.street, s.huisnummer, s.toevoeging, s.postcode, s.city, s.lat, s.lng,
         s.sells, s.description, s.shown_name
    from public.rommelroute_stands s
   where s.status = 'goedgekeurd';
revoke all on public.rommelroute_stands_public from anon, authenticated;
grant select on public.rommelroute_stands_public to anon, authenticated;

-- The map's data for one edition as one compact GeoJSON document: PostgREST caps row counts, and
-- 20k stands as rows would be several times larger on the wire.
create function public.rommelroute_map(p_edition uuid)
returns json
language sql stable security definer set search_path = ''
as $$
  select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'properties', json_build_object('id', 's' || s.id, 'kind', 'stand',
                                           'title', s.street || ' ' || s.huisnummer || s.toevoeging),
           'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(round(s.lng::numeric, 5), round(s.lat::numeric, 5)))
         )), '[]'::json))
    from public.rommelroute_stands s
   where s.edition_id = p_edition and s.status = 'goedgekeurd'
$$;
revoke execute on function public.rommelroute_map from public;
grant execute on function public.rommelroute_map to anon, authenticated;

-- The worker's decision on a stand, with the audit entry, in one step.
create function public.rommelroute_review_stand(p_stand bigint, p_status text, p_reason text default '')
returns void
language plpgsql
as $$
declare
  v_wijk text;
begin
  select e.wijk_code into v_wijk from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
   where s.id = p_stand;
  if v_wijk is null or not app.works_in_wijk(v_wijk) then
    raise exception 'Alleen een opbouwwerker van de wijk beoordeelt kramen' using errcode = '42501';
  end if;
  if p_status = 'afgewezen' and length(trim(coalesce(p_reason, ''))) = 0 then
    raise exception 'Schrijf op waarom de kraam niet mee kan doen' using errcode = '23514', hint = 'rommel_reason';
  end if;
  update public.rommelroute_stands set status = p_status, reason = coalesce(p_reason, ''), reviewed_by = app.uid()
   where id = p_stand;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'rommelroute_' || p_status, 'rommelroute_stand', p_stand::text, v_wijk, coalesce(p_reason, ''));
end
$$;
revoke execute on function public.rommelroute_review_stand from public, anon;
grant execute on function public.rommelroute_review_stand to authenticated;

-- An approved stand can be reported; it belongs to the wijk of its edition.
create function app.report_wijk_rommelroute_stand(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select e.wijk_code from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
   where s.id::text = p_id and s.status = 'goedgekeurd'
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.rommelroute_editions, public.rommelroute_stands, public.rommelroute_stands_public to service_role;
grant execute on all functions in schema public to service_role;
