-- An initiative can belong to a group: the group's trekkers then organise it with its author (they
-- read who joined and how to reach them, post updates, read the workers' decisions, and hear what
-- organisers hear). Linked by whoever organises the initiative and leads the group, or a worker of the
-- wijk; every change is in the audit log.

alter table public.initiatieven add column groep_id uuid references public.groepen on delete set null;
create index on public.initiatieven (groep_id) where groep_id is not null;

-- The author, the co-organisers, and the trekkers of the group the initiative belongs to.
create or replace function app.organises_initiatief(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.initiatieven where id = p_id and author_id = app.uid())
      or exists (select 1 from public.initiatief_deelnemers
                 where initiatief_id = p_id and user_id = app.uid() and is_organiser)
      or exists (select 1 from public.initiatieven i join public.groep_leden l on l.groep_id = i.groep_id
                 where i.id = p_id and l.user_id = app.uid() and l.role = 'trekker')
$$;

-- The organisers of an initiative (author, co-organisers, the trekkers of its group), and everyone
-- who joined: who hears of what happens to it.
create or replace function app.initiatief_people(p_id uuid, p_joiners boolean) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select author_id from public.initiatieven where id = p_id
  union
  select user_id from public.initiatief_deelnemers where initiatief_id = p_id and (p_joiners or is_organiser)
  union
  select l.user_id from public.initiatieven i join public.groep_leden l on l.groep_id = i.groep_id
   where i.id = p_id and l.role = 'trekker'
$$;

-- For pages: whether the current user organises this initiative (the functions and policies check again).
create function public.organises_initiatief(p_id uuid) returns boolean
language sql stable
as $$ select coalesce(app.organises_initiatief(p_id), false) $$;
revoke execute on function public.organises_initiatief from public, anon;
grant execute on function public.organises_initiatief to authenticated;

-- Links an initiative to a published group (or, with null, unlinks it). Whoever organises the
-- initiative and leads the group (or a worker of the wijk) links; unlinking needs either side.
create function public.set_initiatief_groep(p_initiatief uuid, p_groep uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
  v_groep public.groepen;
begin
  select * into v_row from public.initiatieven where id = p_initiatief for update;
  if v_row.id is null then
    raise exception 'Dit initiatief bestaat niet' using errcode = 'P0002';
  end if;
  if p_groep is null then
    if not (app.organises_initiatief(p_initiatief) or app.works_in_wijk(v_row.wijk_code)
            or (v_row.groep_id is not null and app.groep_leads(v_row.groep_id))) then
      raise exception 'Alleen een organisator van het initiatief of een trekker van de groep ontkoppelt' using errcode = '42501';
    end if;
  else
    select * into v_groep from public.groepen where id = p_groep;
    if v_groep.id is null or v_groep.status <> 'gepubliceerd' then
      raise exception 'Een initiatief hoort alleen bij een gepubliceerde groep' using errcode = '42501';
    end if;
    if not ((app.organises_initiatief(p_initiatief) and app.groep_leads(p_groep))
            or (app.is_staff() and app.works_in_wijk(v_row.wijk_code) and app.works_in_wijk(v_groep.wijk_code))) then
      raise exception 'Alleen wie het initiatief organiseert en de groep leidt, koppelt ze' using errcode = '42501';
    end if;
  end if;
  update public.initiatieven set groep_id = p_groep where id = p_initiatief;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), case when p_groep is null then 'initiatief_groep_los' else 'initiatief_groep' end, 'initiatief',
          p_initiatief::text, v_row.wijk_code, jsonb_build_object('from', v_row.groep_id, 'to', p_groep));
end
$$;
revoke execute on function public.set_initiatief_groep from public, anon;
grant execute on function public.set_initiatief_groep to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant execute on all functions in schema public to service_role;
