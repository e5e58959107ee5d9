-- A resident a worker files for (someone who is not online) keeps their own contact details. The
-- worker records whether the resident agreed to share their phone number; once both sides accept, the
-- neighbour reads that number (when agreed) and the worker's work contact as the one who carries the
-- match, and never the worker's own private phone, address or e-mail address.

alter table public.help_post_private add column share_phone boolean not null default false;
comment on column public.help_post_private.share_phone is
  'The resident agreed that the neighbour of an accepted match gets this phone number.';

-- ---------------------------------------------------------------------------------------------------
-- The work contact of staff: what residents get when a worker carries something for someone else.

create table public.staff_contacts (
  user_id uuid primary key default app.uid() references public.profiles on delete cascade,
  work_phone text not null default '' check (work_phone ~ '^(\+?[0-9 ()-]{6,20})?$'),
  work_email text not null default '' check (work_email = '' or (work_email = lower(work_email)
    and length(work_email) <= 254 and work_email like '%_@_%')),
  updated_at timestamptz not null default now()
);

alter table public.staff_contacts enable row level security;
revoke all on public.staff_contacts from anon, authenticated;
grant select, insert (work_phone, work_email), update (work_phone, work_email) on public.staff_contacts to authenticated;
-- Staff read each other's work contact (residents get it only through help_match_contact below).
create policy staff_contacts_read on public.staff_contacts for select to authenticated
  using (user_id = (select app.uid()) or app.is_staff());
-- A worker, coordinator or admin keeps their own work contact.
create policy staff_contacts_insert on public.staff_contacts for insert to authenticated
  with check (user_id = (select app.uid()) and app.is_staff());
create policy staff_contacts_update on public.staff_contacts for update to authenticated
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()) and app.is_staff());

-- A staff member saves their own work contact (security invoker: the policies above decide).
create function public.set_my_work_contact(p_phone text, p_email text) returns void
language sql
as $$
  insert into public.staff_contacts (work_phone, work_email) values (coalesce(p_phone, ''), lower(coalesce(p_email, '')))
  on conflict (user_id) do update set work_phone = excluded.work_phone, work_email = excluded.work_email
$$;
revoke execute on function public.set_my_work_contact from public, anon;
grant execute on function public.set_my_work_contact to authenticated;

create function app.staff_contact_touch() returns trigger
language plpgsql
as $$
begin
  new.updated_at := now();
  return new;
end
$$;
create trigger staff_contacts_touch before update on public.staff_contacts
  for each row execute function app.staff_contact_touch();
comment on column public.staff_contacts.updated_at is 'Set by trigger on every change.';

-- ---------------------------------------------------------------------------------------------------
-- The reveal. A worker who carries a request for someone offline is a party of the match only on
-- paper: their own contact details are never revealed through it.

create or replace function app.help_revealed_to_me(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_matches m
                   join public.help_posts r on r.id = m.request_id
                   join public.help_posts o on o.id = m.offer_id
                  where m.status = 'actief'
                    and ((m.request_owner = app.uid() and m.offer_owner = p_user and not o.for_offline)
                      or (m.offer_owner = app.uid() and m.request_owner = p_user and not r.for_offline)))
$$;

-- How to reach the other party of an active match, for one of its two parties: the resident's own
-- phone, address and e-mail address; or, for someone a worker filed for, their first name, their
-- phone when they agreed to share it, and the carrying worker's name and work contact.
create function public.help_match_contact(p_match uuid)
returns table (first_name text, phone text, email text, address text, carried_by text, work_phone text, work_email text)
language sql stable security definer set search_path = ''
as $$
  with m as (
    select case when hm.request_owner = app.uid() then hm.offer_id else hm.request_id end as other_post,
           case when hm.request_owner = app.uid() then hm.offer_owner else hm.request_owner end as other_owner
      from public.help_matches hm
     where hm.id = p_match and hm.status = 'actief' and app.uid() in (hm.request_owner, hm.offer_owner)
  )
  select p.first_name,
         case when p.for_offline then case when pp.share_phone then pp.phone else '' end else coalesce(pr.phone, '') end,
         case when p.for_offline then '' else coalesce(u.email, '') end,
         case when p.for_offline then '' else coalesce(pr.address, '') end,
         w.display_name,
         coalesce(sc.work_phone, ''),
         coalesce(sc.work_email, '')
    from m
    join public.help_posts p on p.id = m.other_post
    left join public.help_post_private pp on pp.post_id = p.id and p.for_offline
    left join public.profile_private pr on pr.user_id = m.other_owner and not p.for_offline
    -- An address its owner has not confirmed is never handed out (see the unverified accounts change).
    left join public.users u on u.id = m.other_owner and not p.for_offline and u.email_verified_at is not null
    left join public.profiles w on w.id = m.other_owner and p.for_offline
    left join public.staff_contacts sc on sc.user_id = m.other_owner and p.for_offline
$$;

-- Kept for callers that need the address only; the same rules as help_match_contact.
create or replace function public.help_partner_email(p_match uuid) returns text
language sql stable security definer set search_path = ''
as $$ select nullif(coalesce(nullif(c.email, ''), c.work_email), '') from public.help_match_contact(p_match) c $$;

-- A worker files a request for a resident who is not online: the post in the worker's name, the
-- resident's name and phone (and whether they may be shared) kept apart. Security definer with the
-- check written out, so the audit entry is written by this function and nobody else.
drop function public.help_file_for_resident(text, text, text, text, text, text, date, text[], boolean);
create function public.help_file_for_resident(p_name text, p_buurt_code text, p_phone text, p_share_phone boolean,
  p_category text, p_description text, p_when_kind text, p_on_date date, p_slots text[], p_needs_care boolean) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
begin
  if not app.is_staff() or not coalesce(app.works_in_buurt(p_buurt_code), false) then
    raise exception 'Alleen een opbouwwerker van deze buurt meldt een hulpvraag aan voor een bewoner' using errcode = '42501';
  end if;
  if coalesce(trim(p_name), '') = '' then
    raise exception 'Naam ontbreekt' using errcode = '23514';
  end if;
  insert into public.help_posts (owner_id, kind, for_offline, first_name, category, description, when_kind, on_date, slots,
                                 buurt_code, needs_care)
  values (app.uid(), 'vraag', true, trim(p_name), p_category, p_description, p_when_kind, p_on_date, p_slots, p_buurt_code,
          coalesce(p_needs_care, false))
  returning id into v_id;
  insert into public.help_post_private (post_id, full_name, phone, share_phone)
  values (v_id, trim(p_name), coalesce(p_phone, ''), coalesce(p_share_phone, false) and coalesce(p_phone, '') <> '');
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'help_file_for_resident', 'help_post', v_id::text, (select wijk_code from public.help_posts where id = v_id));
  return v_id;
end
$$;

revoke execute on function public.help_match_contact, public.help_file_for_resident from public, anon;
grant execute on function public.help_match_contact, public.help_file_for_resident to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.staff_contacts to service_role;
grant execute on all functions in schema public to service_role;
