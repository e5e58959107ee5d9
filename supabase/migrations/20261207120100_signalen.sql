-- Signalen (issue 13): partner organisations per gemeente and their contact people (role partner),
-- the signals workers log about what plays in a wijk, and the partners' agenda on which signals are
-- put and followed to an answer. Signals are about the buurt, never a file on a person: the site
-- warns about personal data in the text before saving.

-- ---------------------------------------------------------------------------------------------------
-- Who is who

-- The wijken whose signals the current user reads: an opbouwwerker's own wijken, every wijk of a
-- coordinator's gemeente. Admins are not included: signals are the wijk's working material, not the
-- platform's, and an admin needs none of them to run it.
create function app.my_signal_wijken() returns setof text
language sql stable security definer set search_path = ''
as $$
  select wijk_code from public.worker_wijken where user_id = app.uid()
  union
  select w.code from public.coordinators c join public.wijken w on w.gemeente_code = c.gemeente_code where c.user_id = app.uid()
$$;

-- The gemeenten where the current user works (a worker's wijken, a coordinator's gemeente).
create function app.my_signal_gemeenten() returns setof text
language sql stable security definer set search_path = ''
as $$
  select distinct w.gemeente_code from public.wijken w where w.code in (select app.my_signal_wijken())
$$;

-- ---------------------------------------------------------------------------------------------------
-- Partner organisations and their contact people

create table public.partner_organisaties (
  id uuid primary key default gen_random_uuid(),
  gemeente_code text not null references public.gemeenten,
  name text not null check (length(btrim(name)) between 2 and 120),
  kind text not null check (kind in ('gemeente', 'woningcorporatie', 'politie', 'sociaal_wijkteam', 'zorg', 'welzijn', 'anders')),
  created_by uuid references public.profiles on delete set null default app.uid(),
  created_at timestamptz not null default now(),
  unique (gemeente_code, name)
);

create table public.partner_contacten (
  user_id uuid primary key references public.profiles on delete cascade,
  organisatie_id uuid not null references public.partner_organisaties on delete cascade,
  created_at timestamptz not null default now()
);
create index on public.partner_contacten (organisatie_id);

-- The organisation the current user is a contact person of (at most one).
create function app.my_partner_org() returns uuid
language sql stable security definer set search_path = ''
as $$ select organisatie_id from public.partner_contacten where user_id = app.uid() $$;

alter table public.partner_organisaties enable row level security;
alter table public.partner_contacten enable row level security;
revoke all on public.partner_organisaties, public.partner_contacten from anon, authenticated;

grant select on public.partner_organisaties to authenticated;
grant insert (gemeente_code, name, kind) on public.partner_organisaties to authenticated;
-- Workers and coordinators of the gemeente see its partners (to put signals on their agenda); a
-- contact person sees their own organisation.
create policy partner_organisaties_read on public.partner_organisaties for select to authenticated
  using (gemeente_code in (select app.my_signal_gemeenten()) or id = (select app.my_partner_org())
         or coalesce((select app.role()) = 'admin', false));
-- The coordinator of the gemeente adds its partner organisations.
create policy partner_organisaties_insert on public.partner_organisaties for insert to authenticated
  with check (gemeente_code = (select app.coordinator_gemeente()));

grant select on public.partner_contacten to authenticated;
-- The coordinator of the gemeente sees who the contact people are; a contact person sees themselves.
create policy partner_contacten_read on public.partner_contacten for select to authenticated
  using (user_id = (select app.uid())
         or (select gemeente_code from public.partner_organisaties o where o.id = organisatie_id) = (select app.coordinator_gemeente()));

-- The coordinator gives a contact person of a partner organisation an account with the role partner.
-- The account has no password yet: the app writes the invitation (a link to choose one, the same
-- one-time token as a password reset, valid for a week) and this function stores it with the
-- account in one transaction. An address that already has an account is refused (hint
-- partner_email_taken): a resident or worker does not become a partner by someone else's hand.
create function public.add_partner_contact(p_organisatie uuid, p_email text, p_display_name text,
                                           p_token_hash bytea, p_subject text, p_body text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_gemeente text;
  v_buurt text;
  v_user uuid;
  v_email text := lower(btrim(p_email));
begin
  select gemeente_code into v_gemeente from public.partner_organisaties where id = p_organisatie;
  if v_gemeente is null then
    raise exception 'Deze organisatie bestaat niet' using errcode = 'P0002';
  end if;
  if v_gemeente is distinct from app.coordinator_gemeente() then
    raise exception 'Alleen de coördinator van deze gemeente voegt contactpersonen toe' using errcode = '42501';
  end if;
  if exists (select 1 from public.users where email = v_email) then
    raise exception 'Dit e-mailadres heeft al een account' using errcode = '23505', hint = 'partner_email_taken';
  end if;
  -- A profile needs a buurt; a partner lives nowhere in particular, so it is the gemeente's first.
  select b.code into v_buurt from public.buurten b join public.wijken w on w.code = b.wijk_code
   where w.gemeente_code = v_gemeente order by b.code limit 1;
  -- '!' is no argon2 hash: nobody logs in until the password is chosen through the link.
  insert into public.users (email, password_hash) values (v_email, '!') returning id into v_user;
  insert into public.profiles (id, display_name, buurt_code, role) values (v_user, btrim(p_display_name), v_buurt, 'partner');
  insert into public.profile_private (user_id) values (v_user);
  insert into public.partner_contacten (user_id, organisatie_id) values (v_user, p_organisatie);
  insert into public.auth_tokens (token_hash, user_id, kind, expires_at)
  values (p_token_hash, v_user, 'reset_password', now() + interval '7 days');
  insert into public.email_outbox (to_address, subject, body_text, kind) values (v_email, p_subject, p_body, 'reset_password');
  insert into public.audit_log (actor_id, action, subject_type, subject_id, gemeente_code, details)
  values (app.uid(), 'add_partner_contact', 'partner_organisatie', p_organisatie::text, v_gemeente,
          jsonb_build_object('user', v_user));
  return v_user;
end
$$;
revoke execute on function public.add_partner_contact from public, anon;
grant execute on function public.add_partner_contact to authenticated;

-- A partner's account sees nothing of residents: no profiles (but its own), no help posts, matches or
-- conversations, no group boards. Restrictive policies, so they hold whatever the other policies on
-- these tables allow now or later.
create policy profiles_not_partner on public.profiles as restrictive for select to authenticated
  using (id = (select app.uid()) or (select app.role()) is distinct from 'partner');
create policy help_posts_not_partner on public.help_posts as restrictive for select to authenticated
  using ((select app.role()) is distinct from 'partner');
create policy help_matches_not_partner on public.help_matches as restrictive for select to authenticated
  using ((select app.role()) is distinct from 'partner');
create policy help_messages_not_partner on public.help_messages as restrictive for select to authenticated
  using ((select app.role()) is distinct from 'partner');
create policy groep_berichten_not_partner on public.groep_berichten as restrictive for select to authenticated
  using ((select app.role()) is distinct from 'partner');
create policy profile_private_not_partner on public.profile_private as restrictive for select to authenticated
  using (user_id = (select app.uid()) or (select app.role()) is distinct from 'partner');

-- ---------------------------------------------------------------------------------------------------
-- Signals

create table public.signalen (
  id uuid primary key default gen_random_uuid(),
  buurt_code text not null references public.buurten,
  wijk_code text not null references public.wijken,
  gemeente_code text not null references public.gemeenten,
  theme text not null check (theme in ('armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid')),
  body text not null check (length(btrim(body)) between 5 and 500),
  source text not null check (source in ('bewoner', 'eigen_waarneming', 'partner', 'vergadering')),
  urgency text not null check (urgency in ('laag', 'normaal', 'hoog')),
  initiatief_id uuid references public.initiatieven on delete set null,
  groep_id uuid references public.groepen on delete set null,
  match_id uuid references public.help_matches on delete set null,
  -- The day it was seen or heard: not in the future, not more than a year back.
  observed_on date not null default (now() at time zone 'Europe/Amsterdam')::date,
  created_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now()
);
comment on column public.signalen.wijk_code is 'Set by trigger from buurt_code.';
comment on column public.signalen.gemeente_code is 'Set by trigger from buurt_code.';
comment on column public.signalen.created_by is 'Set by trigger: the user who logs it.';
-- The wijkbeeld counts by gemeente or wijk and month; both are index-only scans.
create index signalen_gemeente on public.signalen (gemeente_code, observed_on) include (wijk_code, buurt_code, theme);
create index signalen_wijk on public.signalen (wijk_code, observed_on) include (buurt_code, theme);
create index signalen_list on public.signalen (wijk_code, created_at desc);

create function app.signalen_stamp() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_today date := (now() at time zone 'Europe/Amsterdam')::date;
begin
  select b.wijk_code, w.gemeente_code into new.wijk_code, new.gemeente_code
    from public.buurten b join public.wijken w on w.code = b.wijk_code where b.code = new.buurt_code;
  if new.wijk_code is null then
    raise exception 'Onbekende buurt' using errcode = '23503';
  end if;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(app.uid(), new.created_by);
    new.created_at := now();
  end if;
  if new.observed_on > v_today or new.observed_on < v_today - 366 then
    raise exception 'De datum ligt buiten de periode' using errcode = '23514', hint = 'signaal_date';
  end if;
  -- A link is to something of the same wijk.
  if (new.initiatief_id is not null and not exists (select 1 from public.initiatieven where id = new.initiatief_id and wijk_code = new.wijk_code))
     or (new.groep_id is not null and not exists (select 1 from public.groepen where id = new.groep_id and wijk_code = new.wijk_code))
     or (new.match_id is not null and not exists (select 1 from public.help_matches where id = new.match_id and wijk_code = new.wijk_code)) then
    raise exception 'De koppeling hoort bij een andere wijk' using errcode = '23514', hint = 'signaal_link';
  end if;
  return new;
end
$$;
create trigger signalen_stamp before insert or update on public.signalen
  for each row execute function app.signalen_stamp();

-- ---------------------------------------------------------------------------------------------------
-- The partners' agenda: one signal or a bundle of one wijk, put to a partner of the same gemeente

create table public.agenda_items (
  id uuid primary key default gen_random_uuid(),
  organisatie_id uuid not null references public.partner_organisaties on delete cascade,
  wijk_code text not null references public.wijken,
  gemeente_code text not null references public.gemeenten,
  question text not null check (length(btrim(question)) between 5 and 2000),
  status text not null default 'open' check (status in ('open', 'in_behandeling', 'beantwoord', 'afgesloten')),
  answer text not null default '' check (length(answer) <= 4000),
  created_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now(),
  in_behandeling_at timestamptz,
  beantwoord_at timestamptz,
  answered_by uuid references public.profiles on delete set null,
  afgesloten_at timestamptz
);
comment on column public.agenda_items.gemeente_code is 'Set by trigger from wijk_code.';
comment on column public.agenda_items.created_by is 'Set by trigger: the user who puts it on the agenda.';
create index on public.agenda_items (organisatie_id, created_at desc);
create index on public.agenda_items (wijk_code, created_at desc);
create index agenda_items_waiting on public.agenda_items (created_at) where status in ('open', 'in_behandeling');

create table public.agenda_signalen (
  item_id uuid not null references public.agenda_items on delete cascade,
  signaal_id uuid not null references public.signalen on delete cascade,
  primary key (item_id, signaal_id)
);
create index on public.agenda_signalen (signaal_id);

-- The rules hold for every writer, the service role too: the partner is of the item's gemeente, and
-- the status only moves forward (open → in behandeling → beantwoord → afgesloten), with its dates.
create function app.agenda_items_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_order constant text[] := array['open', 'in_behandeling', 'beantwoord', 'afgesloten'];
begin
  new.gemeente_code := (select gemeente_code from public.wijken where code = new.wijk_code);
  if (select gemeente_code from public.partner_organisaties where id = new.organisatie_id) is distinct from new.gemeente_code then
    raise exception 'Deze partner hoort bij een andere gemeente' using errcode = '23514', hint = 'agenda_other_gemeente';
  end if;
  if tg_op = 'INSERT' then
    new.status := 'open';
    new.created_at := now();
    new.created_by := coalesce(app.uid(), new.created_by);
    return new;
  end if;
  if new.organisatie_id <> old.organisatie_id or new.wijk_code <> old.wijk_code or new.created_at <> old.created_at then
    raise exception 'Een agendapunt verhuist niet' using errcode = '23514';
  end if;
  if array_position(v_order, new.status) < array_position(v_order, old.status) then
    raise exception 'De status gaat niet terug' using errcode = '23514', hint = 'agenda_backwards';
  end if;
  if new.status <> old.status then
    if new.status = 'in_behandeling' then new.in_behandeling_at := now(); end if;
    if new.status = 'beantwoord' then
      if length(btrim(new.answer)) = 0 then
        raise exception 'Een antwoord is nodig' using errcode = '23514', hint = 'agenda_answer_needed';
      end if;
      new.beantwoord_at := now();
      new.in_behandeling_at := coalesce(new.in_behandeling_at, now());
    end if;
    if new.status = 'afgesloten' then new.afgesloten_at := now(); end if;
  end if;
  return new;
end
$$;
create trigger agenda_items_guard before insert or update on public.agenda_items
  for each row execute function app.agenda_items_guard();

-- The agenda items of the current user's organisation, and the signals on them, as sets.
create function app.my_agenda_items() returns setof uuid
language sql stable security definer set search_path = ''
as $$ select id from public.agenda_items where organisatie_id = app.my_partner_org() $$;

create function app.my_agenda_signalen() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select s.signaal_id from public.agenda_signalen s
    join public.agenda_items i on i.id = s.item_id where i.organisatie_id = app.my_partner_org()
$$;

alter table public.signalen enable row level security;
alter table public.agenda_items enable row level security;
alter table public.agenda_signalen enable row level security;
revoke all on public.signalen, public.agenda_items, public.agenda_signalen from anon, authenticated;

grant select on public.signalen to authenticated;
grant insert (buurt_code, theme, body, source, urgency, initiatief_id, groep_id, match_id, observed_on) on public.signalen to authenticated;
-- Workers of the wijk and the coordinator of the gemeente read its signals; a partner reads those
-- put on its own agenda. Residents, visitors and admins read none.
create policy signalen_read on public.signalen for select to authenticated
  using (wijk_code in (select app.my_signal_wijken()) or id in (select app.my_agenda_signalen()));
-- A worker of the wijk (or the coordinator) logs a signal there.
create policy signalen_insert on public.signalen for insert to authenticated
  with check (wijk_code in (select app.my_signal_wijken()));

grant select on public.agenda_items, public.agenda_signalen to authenticated;
-- Workers of the wijk and the coordinator follow the wijk's items; the partner's contact people
-- see their own organisation's. Written only through the functions below.
create policy agenda_items_read on public.agenda_items for select to authenticated
  using (wijk_code in (select app.my_signal_wijken()) or organisatie_id = (select app.my_partner_org()));
create policy agenda_signalen_read on public.agenda_signalen for select to authenticated
  using (item_id in (select id from public.agenda_items));

-- The agenda's people: the partner's contact people.
create function app.partner_people(p_org uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$ select user_id from public.partner_contacten where organisatie_id = p_org $$;

-- A worker of the wijk (or the coordinator) puts one signal or a bundle of one wijk on a partner's
-- agenda, with what is asked. The partner's contact people are notified; the decision is logged.
create function public.agendeer_signalen(p_organisatie uuid, p_signalen uuid[], p_question text) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_wijk text;
  v_id uuid;
  v_person uuid;
  v_org public.partner_organisaties;
begin
  if coalesce(cardinality(p_signalen), 0) = 0 or cardinality(p_signalen) > 20 then
    raise exception 'Kies één tot twintig signalen' using errcode = '22023', hint = 'agenda_signalen_count';
  end if;
  if (select count(distinct wijk_code) from public.signalen where id = any (p_signalen)) <> 1
     or (select count(*) from public.signalen where id = any (p_signalen)) <> cardinality(array(select distinct unnest(p_signalen))) then
    raise exception 'Een bundel is van één wijk' using errcode = '22023', hint = 'agenda_one_wijk';
  end if;
  select wijk_code into v_wijk from public.signalen where id = p_signalen[1];
  if v_wijk not in (select app.my_signal_wijken()) then
    raise exception 'Alleen wie in deze wijk werkt agendeert' using errcode = '42501';
  end if;
  select * into v_org from public.partner_organisaties where id = p_organisatie;
  if v_org.id is null then
    raise exception 'Deze partner bestaat niet' using errcode = 'P0002';
  end if;
  insert into public.agenda_items (organisatie_id, wijk_code, gemeente_code, question)
  values (p_organisatie, v_wijk, v_org.gemeente_code, btrim(p_question)) returning id into v_id;
  insert into public.agenda_signalen (item_id, signaal_id) select distinct v_id, unnest(p_signalen);
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'agenda_item_created', 'agenda_item', v_id::text, v_wijk,
          jsonb_build_object('organisatie', p_organisatie, 'signalen', to_jsonb(p_signalen)));
  for v_person in select * from app.partner_people(p_organisatie) loop
    perform app.notify(v_person, 'agenda_item_new', '/partner/' || v_id, v_id::text,
      jsonb_build_object('wijk', (select naam from public.wijken where code = v_wijk), 'count', cardinality(p_signalen)));
  end loop;
  return v_id;
end
$$;

-- Moves an item on: the partner's contact people take it up (in behandeling) and answer it
-- (beantwoord, with the answer); the workers of the wijk and the coordinator close it (afgesloten).
-- The status never goes back (the trigger); every move is in the audit log.
create function public.set_agenda_status(p_item uuid, p_status text, p_answer text default null) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_item public.agenda_items;
  v_partner boolean;
begin
  select * into v_item from public.agenda_items where id = p_item for update;
  if v_item.id is null then
    raise exception 'Dit agendapunt bestaat niet' using errcode = 'P0002';
  end if;
  v_partner := coalesce(v_item.organisatie_id = app.my_partner_org(), false);
  if not coalesce(case p_status
            when 'in_behandeling' then v_partner or v_item.wijk_code in (select app.my_signal_wijken())
            when 'beantwoord' then v_partner
            when 'afgesloten' then v_item.wijk_code in (select app.my_signal_wijken())
            else false end, false) then
    raise exception 'Dit mag u niet bij dit agendapunt' using errcode = '42501';
  end if;
  update public.agenda_items
     set status = p_status,
         answer = case when p_status = 'beantwoord' then btrim(coalesce(p_answer, '')) else answer end,
         answered_by = case when p_status = 'beantwoord' then app.uid() else answered_by end
   where id = p_item;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'agenda_status', 'agenda_item', p_item::text, v_item.wijk_code,
          jsonb_build_object('from', v_item.status, 'to', p_status));
  if p_status = 'beantwoord' and v_item.created_by is not null then
    perform app.notify(v_item.created_by, 'agenda_item_answered', '/signalen/agenda/' || p_item, p_item::text,
      jsonb_build_object('partner', (select name from public.partner_organisaties where id = v_item.organisatie_id)));
  end if;
end
$$;
revoke execute on function public.agendeer_signalen, public.set_agenda_status from public, anon;
grant execute on function public.agendeer_signalen, public.set_agenda_status to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Notifications: a new item for the partner, its answer for the worker, and a reminder to the partner
-- when an item has waited more than two weeks without an answer (once per item and contact person).

insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('agenda_item_new', 'direct', false, 100),
  ('agenda_item_waiting', 'direct', false, 101),
  ('agenda_item_answered', 'direct', true, 102);

create function public.notify_agenda_waiting(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
begin
  for r in
    select i.id, i.created_at, c.user_id, w.naam as wijk from public.agenda_items i
      join public.partner_contacten c on c.organisatie_id = i.organisatie_id
      join public.wijken w on w.code = i.wijk_code
     where i.status in ('open', 'in_behandeling') and i.created_at < p_slot - interval '14 days'
  loop
    if app.notify(r.user_id, 'agenda_item_waiting', '/partner/' || r.id, r.id::text,
                  jsonb_build_object('wijk', r.wijk, 'since', r.created_at), 'agenda_waiting:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;
revoke execute on function public.notify_agenda_waiting from public, anon, authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on all tables in schema public to service_role;
grant execute on all functions in schema public to service_role;
