-- The audit log is append-only and scoped. Entries are written only by the functions that act, with
-- the server's clock and the acting user whatever the writer passes; nobody (the service role
-- included) changes or removes one; every entry carries its gemeente, so a coordinator reads the
-- entries of their own gemeente only.

alter table public.audit_log add column gemeente_code text references public.gemeenten;
comment on column public.audit_log.gemeente_code is 'Set by trigger from wijk_code; else given by the function that acts.';
comment on column public.audit_log.created_at is 'Set by trigger: the server''s clock.';
create index audit_log_gemeente on public.audit_log (gemeente_code, id);

-- The gemeente a person lives in.
create function app.gemeente_of(p_user uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select w.gemeente_code from public.profiles p join public.buurten b on b.code = p.buurt_code
    join public.wijken w on w.code = b.wijk_code where p.id = p_user
$$;

-- Existing entries: the gemeente of their wijk; role changes and blocks: the gemeente of the wijken
-- given, else the acting coordinator's, else the person's own.
update public.audit_log a set gemeente_code = w.gemeente_code from public.wijken w where w.code = a.wijk_code;
update public.audit_log a
   set gemeente_code = coalesce(
         (select w.gemeente_code from public.wijken w where w.code = a.details -> 'wijken' ->> 0),
         (select c.gemeente_code from public.coordinators c where c.user_id = a.actor_id),
         app.gemeente_of(a.subject_id::uuid))
 where a.gemeente_code is null and a.subject_type = 'profile';

-- The time and the actor are the server's, not the writer's.
create function app.audit_log_stamp() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.created_at := now();
  new.actor_id := coalesce(app.uid(), new.actor_id);
  if new.wijk_code is not null then
    select gemeente_code into new.gemeente_code from public.wijken where code = new.wijk_code;
  end if;
  return new;
end
$$;
create trigger audit_log_stamp before insert on public.audit_log
  for each row execute function app.audit_log_stamp();

-- Nothing changes or disappears, except that a deleted account's id leaves its entries
-- (actor_id on delete set null), so the history stays without the person.
create function app.audit_log_frozen() returns trigger
language plpgsql
as $$
begin
  if tg_op = 'UPDATE' then
    if new.actor_id is null and old.actor_id is not null and (to_jsonb(new) - 'actor_id') = (to_jsonb(old) - 'actor_id') then
      return new;
    end if;
  end if;
  raise exception 'Het logboek wordt niet veranderd of gewist' using errcode = '42501';
end
$$;
create trigger audit_log_frozen before update or delete on public.audit_log
  for each row execute function app.audit_log_frozen();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app.audit_log_frozen();

-- No user writes the log directly any more: the functions below (security definer) do.
drop policy audit_log_insert on public.audit_log;
revoke insert, update, delete on public.audit_log from anon, authenticated;

create function app.coordinator_gemeente() returns text
language sql stable security definer set search_path = ''
as $$ select gemeente_code from public.coordinators where user_id = app.uid() $$;

drop policy audit_log_read on public.audit_log;
-- Admins read everything; a coordinator the entries of their own gemeente; an opbouwwerker those of
-- their wijken.
create policy audit_log_read on public.audit_log for select to authenticated
  using (coalesce(app.role() = 'admin', false)
         or (gemeente_code is not null and gemeente_code = (select app.coordinator_gemeente()))
         or (wijk_code is not null and app.works_in_wijk(wijk_code)));

-- ---------------------------------------------------------------------------------------------------
-- The writers that ran with the user's rights now write as the function that acts.

-- A report's handling is logged by its trigger.
alter function app.report_handle() security definer set search_path = '';

-- A worker's internal note on a report (the werkplek): workers of the report's wijk only.
create function public.add_report_note(p_report bigint, p_note text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_wijk text;
begin
  select wijk_code into v_wijk from public.reports where id = p_report;
  if v_wijk is null or not app.works_in_wijk(v_wijk) then
    raise exception 'Alleen een opbouwwerker van deze wijk schrijft hier een notitie bij' using errcode = '42501';
  end if;
  if length(trim(coalesce(p_note, ''))) < 2 or length(p_note) > 1000 then
    raise exception 'Schrijf een notitie (2 tot 1000 tekens)' using errcode = '23514';
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'report_note', 'report', p_report::text, v_wijk, trim(p_note));
end
$$;
revoke execute on function public.add_report_note from public, anon;
grant execute on function public.add_report_note to authenticated;

-- The worker's decision on a stand: the same checks, now writing as the function.
alter function public.rommelroute_review_stand(bigint, text, text) security definer set search_path = '';

-- Role changes and blocks have no wijk: they carry the gemeente they were made in.
create or replace function public.set_worker_wijken(p_user uuid, p_wijken text[])
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_gemeente text;
  v_target public.app_role;
begin
  select gemeente_code into v_gemeente from public.coordinators where user_id = app.uid();
  if v_gemeente is null and app.role() is distinct from 'admin' then
    raise exception 'Alleen een coördinator kan opbouwwerkers aanwijzen' using errcode = '42501';
  end if;
  select role into v_target from public.profiles where id = p_user for update;
  if v_target is null then
    raise exception 'Deze bewoner bestaat niet' using errcode = 'P0002';
  end if;
  if v_target in ('coordinator', 'admin') then
    raise exception 'Een coördinator of beheerder kan geen opbouwwerker worden' using errcode = '42501';
  end if;
  if exists (select 1 from unnest(p_wijken) w(code) left join public.wijken wk on wk.code = w.code
             where wk.code is null or (v_gemeente is not null and wk.gemeente_code <> v_gemeente)) then
    raise exception 'Een of meer wijken liggen niet in uw gemeente' using errcode = '42501';
  end if;
  delete from public.worker_wijken ww using public.wijken wk
   where ww.user_id = p_user and wk.code = ww.wijk_code and (v_gemeente is null or wk.gemeente_code = v_gemeente);
  insert into public.worker_wijken (user_id, wijk_code) select distinct p_user, unnest(p_wijken);
  update public.profiles
     set role = case when exists (select 1 from public.worker_wijken where user_id = p_user)
                     then 'opbouwwerker'::public.app_role else 'bewoner'::public.app_role end
   where id = p_user;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, gemeente_code, details)
  values (app.uid(), 'set_worker_wijken', 'profile', p_user::text,
          coalesce(v_gemeente, (select gemeente_code from public.wijken where code = p_wijken[1]), app.gemeente_of(p_user)),
          jsonb_build_object('wijken', to_jsonb(p_wijken)));
end
$$;

create or replace function public.set_account_blocked(p_user uuid, p_blocked boolean, p_reason text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_role public.app_role;
begin
  if not app.coordinates_user(p_user) then
    raise exception 'Alleen de coördinator van deze gemeente kan dit account blokkeren' using errcode = '42501';
  end if;
  select role into v_role from public.profiles where id = p_user;
  if p_user = app.uid() or v_role in ('coordinator', 'admin') then
    raise exception 'Dit account kan niet geblokkeerd worden' using errcode = '42501';
  end if;
  if length(trim(coalesce(p_reason, ''))) < 5 or length(p_reason) > 500 then
    raise exception 'Schrijf een reden op (5 tot 500 tekens)' using errcode = '23514';
  end if;
  update public.users set blocked_at = case when p_blocked then coalesce(blocked_at, now()) end where id = p_user;
  if p_blocked then
    delete from public.sessions where user_id = p_user;
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, gemeente_code, reason)
  values (app.uid(), case when p_blocked then 'block_account' else 'unblock_account' end, 'profile', p_user::text,
          app.gemeente_of(p_user), p_reason);
end
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant execute on all functions in schema public to service_role;
