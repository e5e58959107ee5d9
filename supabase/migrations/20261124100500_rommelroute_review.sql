-- Stands are reviewed by someone else, and stay as reviewed. A worker does not approve their own
-- stand (a colleague of the wijk does); a household's change to an approved stand waits for review,
-- while the public keeps reading the approved text.

alter table public.rommelroute_stands
  add column pending_sells text[] check (pending_sells is null or (cardinality(pending_sells) between 1 and 9 and pending_sells <@ array[
    'kleding', 'boeken', 'speelgoed', 'huisraad', 'meubels', 'elektronica', 'planten', 'eten-drinken', 'anders'])),
  add column pending_description text check (length(pending_description) <= 300),
  add column pending_show_name boolean,
  add column pending_at timestamptz;
comment on column public.rommelroute_stands.pending_at is
  'Set by trigger when the household changes an approved stand: the change waits in pending_* for review.';
create index rommelroute_stands_changed on public.rommelroute_stands (edition_id) where pending_at is not null;

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
    if (new.edition_id, new.resident_id, new.postcode, new.huisnummer, new.toevoeging, new.street, new.lat, new.lng)
       is distinct from (old.edition_id, old.resident_id, old.postcode, old.huisnummer, old.toevoeging, old.street, old.lat, old.lng) then
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

-- The worker's decision on a stand, with the audit entry, in one step: approve (a changed approved
-- stand: its change), refuse (with a reason), or refuse only the change (with a reason; the stand
-- stays as it was approved).
create or replace function public.rommelroute_review_stand(p_stand bigint, p_status text, p_reason text default '')
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_stand public.rommelroute_stands;
  v_wijk text;
  v_reason text := trim(coalesce(p_reason, ''));
begin
  select s.* into v_stand from public.rommelroute_stands s where s.id = p_stand for update;
  select e.wijk_code into v_wijk from public.rommelroute_editions e where e.id = v_stand.edition_id;
  if v_wijk is null or not app.works_in_wijk(v_wijk) then
    raise exception 'Alleen een opbouwwerker van de wijk beoordeelt kramen' using errcode = '42501';
  end if;
  if v_stand.resident_id = app.uid() then
    raise exception 'Over je eigen kraam beslist een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  if p_status not in ('goedgekeurd', 'afgewezen', 'wijziging_afgewezen') then
    raise exception 'Onbekende beslissing' using errcode = '22023';
  end if;
  if p_status in ('afgewezen', 'wijziging_afgewezen') and length(v_reason) = 0 then
    raise exception 'Schrijf op waarom de kraam niet mee kan doen' using errcode = '23514', hint = 'rommel_reason';
  end if;
  if p_status = 'wijziging_afgewezen' or (p_status = 'goedgekeurd' and v_stand.status = 'goedgekeurd') then
    if v_stand.pending_at is null then
      raise exception 'Er is geen wijziging om te beoordelen' using errcode = '23514';
    end if;
    update public.rommelroute_stands
       set sells = case when p_status = 'goedgekeurd' then pending_sells else sells end,
           description = case when p_status = 'goedgekeurd' then pending_description else description end,
           show_name = case when p_status = 'goedgekeurd' then pending_show_name else show_name end,
           pending_sells = null, pending_description = null, pending_show_name = null, pending_at = null,
           reason = v_reason, reviewed_by = app.uid()
     where id = p_stand;
  else
    update public.rommelroute_stands
       set status = p_status, reason = v_reason, reviewed_by = app.uid(),
           pending_sells = null, pending_description = null, pending_show_name = null, pending_at = null
     where id = p_stand;
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'rommelroute_' || p_status, 'rommelroute_stand', p_stand::text, v_wijk, v_reason);
end
$$;
