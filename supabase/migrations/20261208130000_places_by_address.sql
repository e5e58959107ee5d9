-- Places by address (issue 11, point 4). Initiatives and Rommelroute stands are placed from an address
-- (geocoded by the app with PDOK Locatieserver) or a pin. When PDOK cannot be reached the row is saved
-- with its address and `place_status = 'zoeken'`: a geocode.* job looks it up later. When the job gives
-- up (dead) or PDOK does not know the address, `place_status = 'plaatsen'`: a worker of the wijk places
-- it by hand. A row without a place is in the lists, not on the map.

-- ---------------------------------------------------------------------------------------------------
-- Columns

alter table public.initiatieven
  add column address text not null default '' check (length(address) <= 200),
  add column place_status text check (place_status in ('zoeken', 'plaatsen')),
  add constraint initiatieven_place_pending check (place_status is null or (lat is null and address <> ''));
comment on column public.initiatieven.place_status is
  'Set by trigger: zoeken while a geocode job looks the address up, plaatsen when a worker must place it; null otherwise.';
create index initiatieven_to_place on public.initiatieven (wijk_code) where place_status = 'plaatsen';

-- A stand registered while PDOK was away has only its postcode and number: street, city and place
-- come from the job (or the worker) later.
alter table public.rommelroute_stands
  alter column lat drop not null,
  alter column lng drop not null,
  drop constraint rommelroute_stands_street_check,
  drop constraint rommelroute_stands_city_check,
  add constraint rommelroute_stands_street_check check (length(street) <= 120),
  add constraint rommelroute_stands_city_check check (length(city) <= 80),
  add column place_status text check (place_status in ('zoeken', 'plaatsen')),
  add constraint rommelroute_stands_place check ((lat is null) = (lng is null)),
  add constraint rommelroute_stands_place_pending check ((lat is null) = (place_status is not null));
comment on column public.rommelroute_stands.place_status is
  'Set by trigger: zoeken while a geocode job looks the address up, plaatsen when a worker must place it; null when placed.';
create index rommelroute_stands_to_place on public.rommelroute_stands (edition_id) where place_status = 'plaatsen';

-- Near enough to the gemeente: within 10 km of the centre of one of its buurten (the buurt outlines
-- are not precise enough to test a point against). Used for pins and worker placements; geocoded
-- addresses are checked against PDOK's own gemeentecode by the app as well.
create function app.near_gemeente(p_lat double precision, p_lng double precision, p_gemeente text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.buurten b join public.wijken w on w.code = b.wijk_code
     where w.gemeente_code = p_gemeente
       and sqrt(power((b.lat - p_lat) * 111.2, 2) + power((b.lng - p_lng) * 111.2 * cos(radians(p_lat)), 2)) <= 10)
$$;

-- ---------------------------------------------------------------------------------------------------
-- place_status follows the row, whoever writes it.

create function app.initiatief_place() returns trigger
language plpgsql
as $$
begin
  if new.lat is not null or new.address = '' then
    new.place_status := null;
  elsif tg_op = 'INSERT' or new.address is distinct from old.address or old.lat is not null then
    new.place_status := 'zoeken';
  elsif new.place_status is null then
    new.place_status := coalesce(old.place_status, 'zoeken');
  end if;
  return new;
end
$$;
create trigger initiatieven_place before insert or update on public.initiatieven
  for each row execute function app.initiatief_place();

create function app.rommel_stand_place() returns trigger
language plpgsql
as $$
begin
  if new.lat is not null then
    new.place_status := null;
  elsif tg_op = 'INSERT' then
    new.place_status := 'zoeken';
  elsif new.place_status is null then
    new.place_status := coalesce(old.place_status, 'zoeken');
  end if;
  return new;
end
$$;
create trigger rommelroute_stands_place before insert or update on public.rommelroute_stands
  for each row execute function app.rommel_stand_place();

-- A row that starts waiting for its place gets a geocode job. Security definer: households insert
-- stands with their own rights, and nobody but the database enqueues jobs. No dedupe key: a job
-- whose row changed since does nothing (the handler compares the address).
create function app.queue_geocode() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.place_status = 'zoeken' and (tg_op = 'INSERT' or old.place_status is distinct from 'zoeken'
     or (tg_table_name = 'initiatieven' and to_jsonb(old)->>'address' is distinct from to_jsonb(new)->>'address')) then
    perform app.enqueue_job(
      case tg_table_name when 'initiatieven' then 'geocode.initiatief' else 'geocode.kraam' end,
      jsonb_build_object('id', to_jsonb(new)->'id'));
  end if;
  return null;
end
$$;
create trigger initiatieven_queue_geocode after insert or update of address, place_status on public.initiatieven
  for each row execute function app.queue_geocode();
create trigger rommelroute_stands_queue_geocode after insert or update of place_status on public.rommelroute_stands
  for each row execute function app.queue_geocode();

-- A geocode job that used up its attempts (or whose lease ran out too often) hands the row to the
-- workers of the wijk. On the jobs table, so it holds however the job died.
create function app.geocode_gave_up() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.kind = 'geocode.initiatief' then
    update public.initiatieven set place_status = 'plaatsen'
     where id = (new.payload->>'id')::uuid and place_status = 'zoeken';
  elsif new.kind = 'geocode.kraam' then
    update public.rommelroute_stands set place_status = 'plaatsen'
     where id = (new.payload->>'id')::bigint and place_status = 'zoeken';
  end if;
  return null;
end
$$;
create trigger jobs_geocode_dead after update of status on public.jobs
  for each row when (new.status = 'dead' and old.status is distinct from 'dead' and new.kind like 'geocode.%')
  execute function app.geocode_gave_up();

-- ---------------------------------------------------------------------------------------------------
-- The guards, as in their latest versions, except that a row waiting for its place may be placed
-- (and a stand's street and city filled in) after it was submitted, published or approved.

create or replace function app.initiatief_guard() returns trigger
language plpgsql
as $$
declare
  v_order text[] := array['idee', 'plan', 'uitvoering', 'zelfstandig', 'afgerond'];
  v_placing boolean;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'concept' and new.status <> 'ingediend' then
      raise exception 'Een nieuw initiatief is een concept' using errcode = '55000';
    end if;
  end if;
  if tg_op = 'INSERT' or new.buurt_code is distinct from old.buurt_code then
    select b.wijk_code, w.gemeente_code into new.wijk_code, new.gemeente_code
      from public.buurten b join public.wijken w on w.code = b.wijk_code where b.code = new.buurt_code;
  end if;
  if tg_op = 'UPDATE' then
    v_placing := old.place_status is not null and old.lat is null and new.address = old.address;
    if new.status is distinct from old.status and (old.status, new.status) not in (
         ('concept', 'ingediend'), ('aanpassing_gevraagd', 'ingediend'), ('ingediend', 'concept'),
         ('ingediend', 'gepubliceerd'), ('ingediend', 'aanpassing_gevraagd'), ('ingediend', 'afgewezen')) then
      raise exception 'Dit kan niet: van % naar %', old.status, new.status using errcode = '55000';
    end if;
    if ((new.title, new.body, new.themes, new.buurt_code, new.needs, new.hands_count,
        new.materials, new.space, new.money_amount, new.starts_on, new.when_text, new.address)
       is distinct from
       (old.title, old.body, old.themes, old.buurt_code, old.needs, old.hands_count,
        old.materials, old.space, old.money_amount, old.starts_on, old.when_text, old.address)
       or (not v_placing and (new.lat, new.lng) is distinct from (old.lat, old.lng)))
       and old.status not in ('concept', 'aanpassing_gevraagd') then
      raise exception 'Een ingediend of gepubliceerd initiatief verandert niet meer' using errcode = '55000';
    end if;
    if new.stage is distinct from old.stage then
      if new.status <> 'gepubliceerd' then
        raise exception 'Alleen een gepubliceerd initiatief heeft een fase' using errcode = '55000';
      end if;
      if abs(array_position(v_order, new.stage) - array_position(v_order, old.stage)) <> 1 then
        raise exception 'Een initiatief gaat een fase vooruit of terug' using errcode = '55000';
      end if;
    end if;
    if new.status = 'ingediend' and old.status <> 'ingediend' then
      new.submitted_at := now();
    end if;
    if new.status = 'gepubliceerd' and old.status <> 'gepubliceerd' then
      new.published_at := now();
    end if;
  elsif new.status = 'ingediend' then
    new.submitted_at := now();
  end if;
  new.updated_at := now();
  return new;
end
$$;

create or replace function app.rommelroute_stand_guard() returns trigger
language plpgsql
as $$
declare
  v_edition public.rommelroute_editions;
  v_reviewer boolean;
begin
  select * into v_edition from public.rommelroute_editions where id = new.edition_id;
  if tg_op = 'INSERT' then
    if now() < v_edition.registration_opens or now() > v_edition.registration_closes then
      raise exception 'Aanmelden voor deze Rommelroute kan nu niet' using errcode = 'P0001', hint = 'rommel_closed';
    end if;
    new.status := 'aangemeld';
    new.pending_sells := null;
    new.pending_description := null;
    new.pending_show_name := null;
    new.pending_at := null;
  else
    -- A worker of the wijk reviews, but never their own stand.
    v_reviewer := coalesce(app.works_in_wijk(v_edition.wijk_code), false) and old.resident_id is distinct from app.uid();
    -- Legal moves: aangemeld → goedgekeurd | afgewezen (worker); goedgekeurd → afgewezen (worker);
    -- aangemeld | goedgekeurd → ingetrokken (the household). Refused and withdrawn are final.
    if new.status is distinct from old.status and not (
         (old.status = 'aangemeld' and new.status in ('goedgekeurd', 'afgewezen', 'ingetrokken'))
      or (old.status = 'goedgekeurd' and new.status in ('afgewezen', 'ingetrokken'))) then
      raise exception 'Deze stap kan niet: % naar %', old.status, new.status using errcode = '23514';
    end if;
    if ((new.status in ('goedgekeurd', 'afgewezen') and new.status is distinct from old.status)
        or (new.reason, new.reviewed_by) is distinct from (old.reason, old.reviewed_by)) and not v_reviewer then
      if old.resident_id = app.uid() and app.works_in_wijk(v_edition.wijk_code) then
        raise exception 'Over je eigen kraam beslist een collega' using errcode = '42501', hint = 'own_decision';
      end if;
      raise exception 'Alleen een opbouwwerker van de wijk beoordeelt kramen' using errcode = '42501';
    end if;
    if (new.edition_id, new.resident_id, new.postcode, new.huisnummer, new.toevoeging)
       is distinct from (old.edition_id, old.resident_id, old.postcode, old.huisnummer, old.toevoeging)
       or (old.place_status is null and (new.street, new.city, new.lat, new.lng) is distinct from (old.street, old.city, old.lat, old.lng)) then
      raise exception 'Het adres van een kraam verandert niet; trek hem in en meld opnieuw aan' using errcode = '42501';
    end if;
    -- The household changes an approved stand: the change waits for review, the approved text stays public.
    if old.status = 'goedgekeurd' and new.status = 'goedgekeurd' and not v_reviewer
       and (new.sells, new.description, new.show_name) is distinct from (old.sells, old.description, old.show_name) then
      new.pending_sells := new.sells;
      new.pending_description := new.description;
      new.pending_show_name := new.show_name;
      new.pending_at := now();
      new.sells := old.sells;
      new.description := old.description;
      new.show_name := old.show_name;
    elsif not v_reviewer then
      new.pending_sells := old.pending_sells;
      new.pending_description := old.pending_description;
      new.pending_show_name := old.pending_show_name;
      new.pending_at := old.pending_at;
    end if;
    if new.status in ('afgewezen', 'ingetrokken') then
      new.pending_sells := null;
      new.pending_description := null;
      new.pending_show_name := null;
      new.pending_at := null;
    end if;
  end if;
  new.shown_name := case when new.show_name then (select display_name from public.profiles where id = new.resident_id) else '' end;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- save_initiatief gains the address (as its latest definition in 20261123110000_initiatieven.sql,
-- plus p_address and the check that a pin lies in the buurt's gemeente). A new argument means a new
-- signature: the old one is dropped so PostgREST has one function to choose.

drop function public.save_initiatief(uuid, text, text, text[], text, double precision, double precision,
  text[], integer, text, text, numeric, date, text, boolean);

create function public.save_initiatief(
  p_id uuid, p_title text, p_body text, p_themes text[], p_buurt_code text, p_lat double precision,
  p_lng double precision, p_needs text[], p_hands_count integer, p_materials text, p_space text,
  p_money_amount numeric, p_starts_on date, p_when_text text, p_submit boolean, p_address text default ''
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid := p_id;
  v_row public.initiatieven;
  v_address text := trim(coalesce(p_address, ''));
begin
  if app.uid() is null then
    raise exception 'Log in om een initiatief te maken' using errcode = '42501';
  end if;
  if p_lat is not null and not app.near_gemeente(p_lat, p_lng,
       (select w.gemeente_code from public.buurten b join public.wijken w on w.code = b.wijk_code where b.code = p_buurt_code)) then
    raise exception 'Deze plek ligt niet in de gemeente van de buurt' using errcode = '23514', hint = 'place_outside_gemeente';
  end if;
  if v_id is null then
    insert into public.initiatieven (author_id, title, body, themes, buurt_code, lat, lng,
      needs, hands_count, materials, space, money_amount, starts_on, when_text, status, address)
    values (app.uid(), p_title, p_body, p_themes, p_buurt_code, p_lat, p_lng, p_needs, p_hands_count,
      p_materials, p_space, p_money_amount, p_starts_on, p_when_text,
      case when p_submit then 'ingediend' else 'concept' end, v_address)
    returning * into v_row;
  else
    select * into v_row from public.initiatieven where id = v_id for update;
    if v_row.id is null or v_row.author_id <> app.uid() then
      raise exception 'Alleen de maker past een initiatief aan' using errcode = '42501';
    end if;
    update public.initiatieven set title = p_title, body = p_body, themes = p_themes, buurt_code = p_buurt_code,
      lat = p_lat, lng = p_lng, needs = p_needs, hands_count = p_hands_count, materials = p_materials,
      space = p_space, money_amount = p_money_amount, starts_on = p_starts_on, when_text = p_when_text,
      address = v_address, status = case when p_submit then 'ingediend' else status end
     where id = v_id
    returning * into v_row;
  end if;
  if p_submit then
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'initiatief_ingediend', 'initiatief', v_row.id::text, v_row.wijk_code);
  end if;
  return v_row.id;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- A worker of the wijk places what the job could not: an initiative or a stand waiting for its
-- place. Security definer: nobody has update rights on these rows' places; the checks are here.

create function public.place_initiatief(p_id uuid, p_lat double precision, p_lng double precision) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or not coalesce(app.works_in_wijk(v_row.wijk_code), false) or v_row.status = 'concept' then
    raise exception 'Alleen een opbouwwerker van deze wijk plaatst dit initiatief' using errcode = '42501';
  end if;
  if v_row.place_status is null then
    raise exception 'Dit initiatief heeft al een plek' using errcode = '55000', hint = 'place_done';
  end if;
  if p_lat is null or p_lng is null or not app.near_gemeente(p_lat, p_lng, v_row.gemeente_code) then
    raise exception 'Deze plek ligt niet in de gemeente' using errcode = '23514', hint = 'place_outside_gemeente';
  end if;
  update public.initiatieven set lat = p_lat, lng = p_lng where id = p_id;
end
$$;

create function public.place_rommel_stand(p_id bigint, p_lat double precision, p_lng double precision,
  p_street text default '', p_city text default '') returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_stand public.rommelroute_stands;
  v_wijk text;
  v_gemeente text;
begin
  select s.* into v_stand from public.rommelroute_stands s where s.id = p_id for update;
  select e.wijk_code, w.gemeente_code into v_wijk, v_gemeente
    from public.rommelroute_editions e join public.wijken w on w.code = e.wijk_code where e.id = v_stand.edition_id;
  if v_wijk is null or not coalesce(app.works_in_wijk(v_wijk), false) then
    raise exception 'Alleen een opbouwwerker van de wijk plaatst deze kraam' using errcode = '42501';
  end if;
  if v_stand.place_status is null then
    raise exception 'Deze kraam heeft al een plek' using errcode = '55000', hint = 'place_done';
  end if;
  if p_lat is null or p_lng is null or not app.near_gemeente(p_lat, p_lng, v_gemeente) then
    raise exception 'Deze plek ligt niet in de gemeente' using errcode = '23514', hint = 'place_outside_gemeente';
  end if;
  update public.rommelroute_stands
     set lat = p_lat, lng = p_lng,
         street = coalesce(nullif(trim(coalesce(p_street, '')), ''), street),
         city = coalesce(nullif(trim(coalesce(p_city, '')), ''), city)
   where id = p_id;
end
$$;

revoke execute on function public.save_initiatief, public.place_initiatief, public.place_rommel_stand from public, anon;
grant execute on function public.save_initiatief, public.place_initiatief, public.place_rommel_stand to authenticated, service_role;
revoke execute on function app.near_gemeente, app.queue_geocode, app.geocode_gave_up from public, anon, authenticated;
grant execute on function app.near_gemeente to service_role;

-- The map of an edition (as in 20261123130100_rommelroute.sql): only stands with a place; the list
-- beside the map shows the others.
create or replace function public.rommelroute_map(p_edition uuid)
returns json
language sql stable security definer set search_path = ''
as $$
  select json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
           'type', 'Feature',
           'properties', json_build_object('id', 's' || s.id, 'kind', 'stand',
                                           'title', coalesce(nullif(s.street, ''), s.postcode) || ' ' || s.huisnummer || s.toevoeging),
           'geometry', json_build_object('type', 'Point', 'coordinates', json_build_array(round(s.lng::numeric, 5), round(s.lat::numeric, 5)))
         )), '[]'::json))
    from public.rommelroute_stands s
   where s.edition_id = p_edition and s.status = 'goedgekeurd' and s.lat is not null
$$;
