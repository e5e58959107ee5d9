-- In-app notifications (meldingen), e-mail preferences per kind, and the personal calendar feed.
-- Notifications are written here, in the database, by triggers on the tables where things happen and
-- by the functions the scheduled jobs call, so every writer produces them. Whether and when a
-- notification is also e-mailed follows the person's preference for its kind (at once, daily digest,
-- weekly digest, or not); the mail itself is composed by a job in the recipient's language.

create table public.notification_kinds (
  kind text primary key check (kind ~ '^[a-z][a-z0-9_]{1,60}$'),
  default_email text not null check (default_email in ('direct', 'daily', 'weekly', 'none')),
  -- Only for staff (the preference is shown to them only).
  staff_only boolean not null default false,
  position integer not null
);
insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('help_match_proposed', 'direct', false, 10),
  ('help_match_accepted', 'direct', false, 11),
  ('help_message', 'direct', false, 12),
  ('help_care_approved', 'direct', false, 13),
  ('help_checkin', 'direct', false, 14),
  ('help_suggestion', 'daily', false, 15),
  ('initiatief_published', 'direct', false, 20),
  ('initiatief_changes_requested', 'direct', false, 21),
  ('initiatief_declined', 'direct', false, 22),
  ('initiatief_joined', 'daily', false, 23),
  ('initiatief_comment', 'daily', false, 24),
  ('initiatief_update', 'daily', false, 25),
  ('repair_signup_confirmed', 'direct', false, 30),
  ('repair_moved_up', 'direct', false, 31),
  ('repair_date_cancelled', 'direct', false, 32),
  ('repair_reminder', 'direct', false, 33),
  ('repair_outcomes_reminder', 'direct', false, 34),
  ('rommel_stand_approved', 'direct', false, 40),
  ('rommel_stand_refused', 'direct', false, 41),
  ('rommel_registration_closing', 'daily', false, 42),
  ('rommel_route_reminder', 'direct', false, 43),
  ('report_handled', 'direct', false, 50),
  ('werker_digest', 'direct', true, 60);
alter table public.notification_kinds enable row level security;
revoke all on public.notification_kinds from anon, authenticated;
grant select on public.notification_kinds to authenticated;
-- The list of kinds and their defaults is the same for everyone.
create policy notification_kinds_read on public.notification_kinds for select to authenticated using (true);

create table public.notification_preferences (
  user_id uuid not null default app.uid() references public.profiles on delete cascade,
  kind text not null references public.notification_kinds,
  email text not null check (email in ('direct', 'daily', 'weekly', 'none')),
  updated_at timestamptz not null default now(),
  primary key (user_id, kind)
);

create table public.notifications (
  id bigint generated always as identity primary key,
  user_id uuid not null references public.profiles on delete cascade,
  kind text not null references public.notification_kinds,
  -- Where it leads: a path in the site.
  link text not null check (link ~ '^/[^/]' or link = '/'),
  -- What it is about (a match, an initiative); repeats about one subject collapse into one unread row.
  subject_id text not null default '' check (length(subject_id) <= 64),
  -- What its text needs in either language: names, titles, times, a worker's message.
  params jsonb not null default '{}',
  -- How many events this unread row stands for (three new messages in one conversation).
  count integer not null default 1 check (count >= 1),
  -- A reminder made by a scheduled job is made once per person and key.
  dedupe_key text check (length(dedupe_key) <= 200),
  -- The person's e-mail preference for this kind when it was made (kept in step when they change it).
  email_mode text not null default 'none' check (email_mode in ('direct', 'daily', 'weekly', 'none')),
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz
);
comment on column public.notifications.email_mode is 'Set by trigger from the preference of the person.';
create unique index notifications_once on public.notifications (user_id, dedupe_key) where dedupe_key is not null;
-- /meldingen, newest first, paged; the bell's unread count reads only the second index.
create index notifications_list on public.notifications (user_id, created_at desc, id desc);
create index notifications_unread on public.notifications (user_id) where read_at is null;
create index notifications_collapse on public.notifications (user_id, kind, subject_id) where read_at is null;
create index notifications_digest on public.notifications (email_mode, created_at)
  where emailed_at is null and read_at is null and email_mode in ('daily', 'weekly');

-- The calendar feed: one unguessable token per person; only its SHA-256 is kept. A new token
-- replaces the old one, so a leaked link is revoked by making a new one or stopping the feed.
create table public.calendar_feeds (
  user_id uuid primary key default app.uid() references public.profiles on delete cascade,
  token_hash bytea not null unique check (length(token_hash) = 32),
  created_at timestamptz not null default now()
);

alter table public.notification_preferences enable row level security;
alter table public.notifications enable row level security;
alter table public.calendar_feeds enable row level security;
revoke all on public.notification_preferences, public.notifications, public.calendar_feeds from anon, authenticated;

grant select, insert (kind, email), update (email), delete on public.notification_preferences to authenticated;
-- Each person reads and changes only their own preferences.
create policy notification_preferences_read on public.notification_preferences for select to authenticated
  using (user_id = (select app.uid()));
create policy notification_preferences_insert on public.notification_preferences for insert to authenticated
  with check (user_id = (select app.uid()));
create policy notification_preferences_update on public.notification_preferences for update to authenticated
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()));
create policy notification_preferences_delete on public.notification_preferences for delete to authenticated
  using (user_id = (select app.uid()));

grant select (id, user_id, kind, link, subject_id, params, count, created_at, read_at) on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
-- Each person reads their own notifications and marks them read; nobody else sees them. They are
-- written only by the database itself (triggers and the scheduled jobs' functions).
create policy notifications_read on public.notifications for select to authenticated
  using (user_id = (select app.uid()));
create policy notifications_update on public.notifications for update to authenticated
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()));

grant select (user_id, created_at), delete on public.calendar_feeds to authenticated;
-- Each person sees whether they have a feed (never the token) and stops it.
create policy calendar_feeds_read on public.calendar_feeds for select to authenticated
  using (user_id = (select app.uid()));
create policy calendar_feeds_delete on public.calendar_feeds for delete to authenticated
  using (user_id = (select app.uid()));

-- ---------------------------------------------------------------------------------------------------
-- Writing notifications

create function app.email_mode(p_user uuid, p_kind text) returns text
language sql stable security definer set search_path = ''
as $$
  select coalesce((select email from public.notification_preferences where user_id = p_user and kind = p_kind),
                  (select default_email from public.notification_kinds where kind = p_kind), 'none')
$$;

-- The one way a notification is made. With p_collapse, a repeat about the same subject while the
-- last one is unread bumps that one instead (no second mail either). With p_dedupe_key, the same
-- key makes one notification per person, ever (scheduled reminders). Mail at once is a job.
create function app.notify(p_user uuid, p_kind text, p_link text, p_subject_id text, p_params jsonb,
                           p_dedupe_key text default null, p_collapse boolean default false)
returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint;
  v_mode text;
begin
  if p_user is null then
    return null;
  end if;
  if p_collapse then
    update public.notifications
       set count = count + 1, params = coalesce(p_params, '{}'), created_at = now(), link = p_link
     where id = (select id from public.notifications
                  where user_id = p_user and kind = p_kind and subject_id = coalesce(p_subject_id, '') and read_at is null
                  order by id desc limit 1)
    returning id into v_id;
    if v_id is not null then
      return v_id;
    end if;
  end if;
  v_mode := app.email_mode(p_user, p_kind);
  insert into public.notifications (user_id, kind, link, subject_id, params, dedupe_key, email_mode)
  values (p_user, p_kind, p_link, coalesce(p_subject_id, ''), coalesce(p_params, '{}'), p_dedupe_key, v_mode)
  on conflict (user_id, dedupe_key) where dedupe_key is not null do nothing
  returning id into v_id;
  if v_id is not null and v_mode = 'direct' then
    perform app.enqueue_job('notification.mail', jsonb_build_object('id', v_id), now(), 'notification:' || v_id);
  end if;
  return v_id;
end
$$;

create function app.first_name(p_user uuid) returns text
language sql stable security definer set search_path = ''
as $$ select split_part(trim(display_name), ' ', 1) from public.profiles where id = p_user $$;

create function app.display_name(p_user uuid) returns text
language sql stable security definer set search_path = ''
as $$ select display_name from public.profiles where id = p_user $$;

-- ---------------------------------------------------------------------------------------------------
-- Burenhulp

create function app.notify_help_match_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_to uuid := case when new.proposed_by = new.request_owner then new.offer_owner else new.request_owner end;
begin
  perform app.notify(v_to, 'help_match_proposed', '/burenhulp/match/' || new.id, new.id::text,
    jsonb_build_object('name', app.first_name(new.proposed_by),
                       'category', (select category from public.help_posts where id = new.request_id)));
  return new;
end
$$;
create trigger help_matches_notify_insert after insert on public.help_matches
  for each row execute function app.notify_help_match_insert();

create function app.notify_help_match_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_party uuid;
begin
  foreach v_party in array array[new.request_owner, new.offer_owner] loop
    -- The one who made the change sees it on the page; the other party (and both, when a worker
    -- approved) hears of it.
    continue when v_party = app.uid();
    if new.status = 'actief' and old.status <> 'actief' then
      perform app.notify(v_party, 'help_match_accepted', '/burenhulp/match/' || new.id, new.id::text,
        jsonb_build_object('name', app.first_name(case when v_party = new.request_owner then new.offer_owner else new.request_owner end)));
    end if;
    if new.care_approved_at is not null and old.care_approved_at is null then
      perform app.notify(v_party, 'help_care_approved', '/burenhulp/match/' || new.id, new.id::text,
        jsonb_build_object('name', app.first_name(case when v_party = new.request_owner then new.offer_owner else new.request_owner end)));
    end if;
  end loop;
  return new;
end
$$;
create trigger help_matches_notify_update after update on public.help_matches
  for each row when (new.status is distinct from old.status or new.care_approved_at is distinct from old.care_approved_at)
  execute function app.notify_help_match_update();

create function app.notify_help_message() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = new.match_id;
  perform app.notify(case when new.sender_id = v.request_owner then v.offer_owner else v.request_owner end,
    'help_message', '/burenhulp/match/' || v.id, v.id::text,
    jsonb_build_object('name', app.first_name(new.sender_id)), null, true);
  return new;
end
$$;
create trigger help_messages_notify after insert on public.help_messages
  for each row execute function app.notify_help_message();

-- A new offer nearby in the category of an open request: its owner hears of it (once per request
-- while unread, however many offers appear). The same ~2 km box as the suggestions search.
create function app.notify_help_offer() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
begin
  for r in
    select p.id, p.owner_id from public.help_posts p
     where p.kind = 'vraag' and p.status = 'open' and p.category = new.category and not p.for_offline
       and p.owner_id <> new.owner_id
       and p.lat between new.lat - 0.018 and new.lat + 0.018
       and p.lng between new.lng - 0.018 / cos(radians(new.lat)) and new.lng + 0.018 / cos(radians(new.lat))
       and not app.help_blocked(p.owner_id, new.owner_id)
     order by (p.lat - new.lat)^2 + ((p.lng - new.lng) * cos(radians(new.lat)))^2
     limit 50
  loop
    perform app.notify(r.owner_id, 'help_suggestion', '/burenhulp/' || r.id, r.id::text,
      jsonb_build_object('category', new.category, 'name', new.first_name), null, true);
  end loop;
  return new;
end
$$;
create trigger help_posts_notify_offer after insert on public.help_posts
  for each row when (new.kind = 'aanbod' and new.status = 'open')
  execute function app.notify_help_offer();

-- The two-week check-in ("gaat het goed?"), for the scheduled job: each party of an active match whose
-- check-in is due and who has not answered, once per match.
create function public.notify_help_checkins(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
begin
  for r in
    select m.id, party.user_id, party.other from public.help_matches m
     cross join lateral (values (m.request_owner, m.offer_owner, m.request_checkin), (m.offer_owner, m.request_owner, m.offer_checkin))
           as party(user_id, other, answer)
     where m.status = 'actief' and m.checkin_due_at <= p_slot and party.answer is null
  loop
    if app.notify(r.user_id, 'help_checkin', '/burenhulp/match/' || r.id, r.id::text,
                  jsonb_build_object('name', app.first_name(r.other)), 'help_checkin:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Initiatieven

create function app.notify_initiatief_status() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.notify(new.author_id,
    case new.status when 'gepubliceerd' then 'initiatief_published' when 'aanpassing_gevraagd' then 'initiatief_changes_requested'
                    else 'initiatief_declined' end,
    case new.status when 'aanpassing_gevraagd' then '/initiatieven/' || new.id || '/bewerken' else '/initiatieven/' || new.id end,
    new.id::text, jsonb_build_object('title', new.title, 'message', new.moderator_message));
  return new;
end
$$;
create trigger initiatieven_notify_status after update on public.initiatieven
  for each row when (new.status is distinct from old.status and new.status in ('gepubliceerd', 'aanpassing_gevraagd', 'afgewezen'))
  execute function app.notify_initiatief_status();

-- The organisers of an initiative (author and co-organisers), and everyone who joined.
create function app.initiatief_people(p_id uuid, p_joiners boolean) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select author_id from public.initiatieven where id = p_id
  union
  select user_id from public.initiatief_deelnemers where initiatief_id = p_id and (p_joiners or is_organiser)
$$;

create function app.notify_initiatief_joined() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
  v_title text := (select title from public.initiatieven where id = new.initiatief_id);
begin
  for v_person in select * from app.initiatief_people(new.initiatief_id, false) loop
    continue when v_person = new.user_id;
    perform app.notify(v_person, 'initiatief_joined', '/initiatieven/' || new.initiatief_id, new.initiatief_id::text,
      jsonb_build_object('title', v_title, 'name', app.display_name(new.user_id)), null, true);
  end loop;
  return new;
end
$$;
create trigger initiatief_deelnemers_notify after insert on public.initiatief_deelnemers
  for each row execute function app.notify_initiatief_joined();

-- A comment or an update: everyone who organises or joined hears of it, except who wrote it.
create function app.notify_initiatief_post() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
  v_kind text := case tg_table_name when 'initiatief_reacties' then 'initiatief_comment' else 'initiatief_update' end;
  v_title text := (select title from public.initiatieven where id = new.initiatief_id);
begin
  for v_person in select * from app.initiatief_people(new.initiatief_id, true) loop
    continue when v_person = new.author_id;
    perform app.notify(v_person, v_kind, '/initiatieven/' || new.initiatief_id, new.initiatief_id::text,
      jsonb_build_object('title', v_title, 'name', app.display_name(new.author_id)), null, true);
  end loop;
  return new;
end
$$;
create trigger initiatief_reacties_notify after insert on public.initiatief_reacties
  for each row execute function app.notify_initiatief_post();
create trigger initiatief_updates_notify after insert on public.initiatief_updates
  for each row execute function app.notify_initiatief_post();

-- ---------------------------------------------------------------------------------------------------
-- Repair Cafés

create function app.repair_params(p_date bigint) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('name', s.name, 'venue', s.venue, 'address', s.address, 'starts_at', d.starts_at,
                            'ends_at', d.ends_at, 'series', s.id)
    from public.repair_cafe_dates d join public.repair_cafe_series s on s.id = d.series_id where d.id = p_date
$$;

create function app.notify_repair_signup() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    perform app.notify(new.resident_id, 'repair_signup_confirmed', '/mijn', new.id::text,
      app.repair_params(new.date_id) || jsonb_build_object('item', new.item, 'waiting', new.status = 'waiting'));
  elsif old.status = 'waiting' and new.status = 'booked' then
    perform app.notify(new.resident_id, 'repair_moved_up', '/mijn', new.id::text,
      app.repair_params(new.date_id) || jsonb_build_object('item', new.item));
  end if;
  return new;
end
$$;
create trigger repair_cafe_signups_notify after insert or update of status on public.repair_cafe_signups
  for each row execute function app.notify_repair_signup();

create function app.notify_repair_date_cancelled() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
begin
  for r in select id, resident_id from public.repair_cafe_signups where date_id = new.id and status <> 'cancelled' loop
    perform app.notify(r.resident_id, 'repair_date_cancelled', '/repair-cafe/' || new.series_id, r.id::text,
      app.repair_params(new.id));
  end loop;
  return new;
end
$$;
create trigger repair_cafe_dates_notify_cancelled after update of cancelled on public.repair_cafe_dates
  for each row when (new.cancelled and not old.cancelled)
  execute function app.notify_repair_date_cancelled();

-- The sign-up functions wrote their own Dutch-only mail into the outbox; the notifications above
-- now tell people, in their own language and by their own choice. Same functions without that mail.
create or replace function public.cancel_repair_cafe_date(p_date bigint)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not app.manages_repair_date(p_date) then
    raise exception 'Alleen de organisatie zegt een datum af' using errcode = '42501';
  end if;
  perform 1 from public.repair_cafe_dates where id = p_date for update;
  update public.repair_cafe_dates set cancelled = true where id = p_date;
end
$$;

create or replace function public.repair_cafe_cancel(p_signup bigint)
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
    -- The trigger on sign-ups tells the resident they moved up.
    update public.repair_cafe_signups set status = 'booked' where id = v_next.id;
    update public.repair_cafe_dates set booked = booked + 1, waiting = waiting - 1 where id = v_date.id;
  end if;
end
$$;

-- The day before: everyone with a place, with the address and what they bring (once per sign-up).
create function public.notify_repair_reminders(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
  v_day date := (p_slot at time zone 'Europe/Amsterdam')::date + 1;
begin
  for r in
    select s.id, s.resident_id, s.date_id, s.item, s.problem from public.repair_cafe_signups s
      join public.repair_cafe_dates d on d.id = s.date_id
     where s.status = 'booked' and not d.cancelled
       and d.starts_at >= (v_day::timestamp at time zone 'Europe/Amsterdam')
       and d.starts_at < ((v_day + 1)::timestamp at time zone 'Europe/Amsterdam')
  loop
    if app.notify(r.resident_id, 'repair_reminder', '/mijn', r.id::text,
                  app.repair_params(r.date_id) || jsonb_build_object('item', r.item, 'problem', r.problem),
                  'repair_reminder:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- The day after: the organiser is asked to log what became of each item (once per date).
create function public.notify_repair_outcomes(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
  v_day date := (p_slot at time zone 'Europe/Amsterdam')::date - 1;
begin
  for r in
    select d.id, s.organiser_id, s.id as series_id,
           (select count(*) from public.repair_cafe_signups x where x.date_id = d.id and x.status = 'booked' and x.outcome is null) as open
      from public.repair_cafe_dates d join public.repair_cafe_series s on s.id = d.series_id
     where not d.cancelled
       and d.starts_at >= (v_day::timestamp at time zone 'Europe/Amsterdam')
       and d.starts_at < ((v_day + 1)::timestamp at time zone 'Europe/Amsterdam')
  loop
    continue when r.open = 0;
    if app.notify(r.organiser_id, 'repair_outcomes_reminder', '/repair-cafe/' || r.series_id || '/beheer', r.id::text,
                  app.repair_params(r.id) || jsonb_build_object('open', r.open), 'repair_outcomes:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Rommelroute

create function app.notify_rommel_stand() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_edition public.rommelroute_editions;
begin
  select * into v_edition from public.rommelroute_editions where id = new.edition_id;
  perform app.notify(new.resident_id, case new.status when 'goedgekeurd' then 'rommel_stand_approved' else 'rommel_stand_refused' end,
    '/mijn', new.id::text,
    jsonb_build_object('title', v_edition.title, 'day', v_edition.day, 'reason', new.reason,
                       'address', new.street || ' ' || new.huisnummer || new.toevoeging));
  return new;
end
$$;
create trigger rommelroute_stands_notify after update of status on public.rommelroute_stands
  for each row when (new.status is distinct from old.status and new.status in ('goedgekeurd', 'afgewezen'))
  execute function app.notify_rommel_stand();

-- Registration closes within three days: residents of the wijk who have no stand yet hear of it once.
create function public.notify_rommel_closing(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer := 0;
  e record;
begin
  for e in
    select * from public.rommelroute_editions
     where registration_opens <= p_slot and registration_closes > p_slot and registration_closes <= p_slot + interval '3 days'
  loop
    select v_count + count(app.notify(p.id, 'rommel_registration_closing', '/rommelroute/' || e.id, e.id::text,
                                      jsonb_build_object('title', e.title, 'day', e.day, 'closes_at', e.registration_closes),
                                      'rommel_closing:' || e.id))
      into v_count
      from public.profiles p join public.buurten b on b.code = p.buurt_code
     where b.wijk_code = e.wijk_code
       and not exists (select 1 from public.rommelroute_stands s
                        where s.edition_id = e.id and s.resident_id = p.id and s.status in ('aangemeld', 'goedgekeurd'));
  end loop;
  return v_count;
end
$$;

-- The day before the route: every approved stand, with its address and times (once per stand).
create function public.notify_rommel_day(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer := 0;
  r record;
begin
  for r in
    select s.id, s.resident_id, s.street || ' ' || s.huisnummer || s.toevoeging as address, e.id as edition, e.title, e.day, e.starts, e.ends
      from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
     where s.status = 'goedgekeurd' and e.day = (p_slot at time zone 'Europe/Amsterdam')::date + 1
  loop
    if app.notify(r.resident_id, 'rommel_route_reminder', '/rommelroute/' || r.edition, r.id::text,
                  jsonb_build_object('title', r.title, 'day', r.day, 'starts', to_char(r.starts, 'HH24:MI'),
                                     'ends', to_char(r.ends, 'HH24:MI'), 'address', r.address),
                  'rommel_day:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Reports and the workers' digest

create function app.notify_report_handled() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.notify(new.reporter_id, 'report_handled',
    case new.subject_type when 'initiatief' then '/initiatieven/' || new.subject_id
                          when 'repair_cafe' then '/repair-cafe/' || new.subject_id
                          else '/meldingen' end,
    new.id::text, jsonb_build_object('label', new.subject_label, 'resolution', new.resolution));
  return new;
end
$$;
create trigger reports_notify_handled after update of status on public.reports
  for each row when (new.status = 'afgehandeld' and old.status <> 'afgehandeld')
  execute function app.notify_report_handled();

-- Every morning, each opbouwwerker hears what came into the queue of their wijken in the last day
-- and how many help requests are waiting (once per worker per slot, and slots are daily; nothing when
-- nothing waits).
create function public.notify_werker_digest(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer := 0;
  v_since timestamptz := p_slot - interval '1 day';
  r record;
begin
  for r in
    with workers as (select user_id, array_agg(wijk_code) as wijken from public.worker_wijken group by user_id)
    select w.user_id,
      (select count(*) from public.initiatieven i where i.wijk_code = any (w.wijken) and i.status = 'ingediend'
          and i.submitted_at > v_since and i.submitted_at <= p_slot) as initiatieven,
      (select count(*) from public.reports x where x.wijk_code = any (w.wijken) and x.status = 'open'
          and x.created_at > v_since and x.created_at <= p_slot) as reports,
      (select count(*) from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
        where e.wijk_code = any (w.wijken) and s.status = 'aangemeld' and s.created_at > v_since and s.created_at <= p_slot) as stands,
      (select count(*) from public.help_matches m where m.wijk_code = any (w.wijken) and m.needs_care
          and m.care_approved_at is null and m.status = 'voorgesteld') as care,
      (select count(*) from public.help_posts p where p.wijk_code = any (w.wijken) and p.kind = 'vraag' and p.status = 'open'
          and p.created_at <= p_slot) as waiting
      from workers w
  loop
    continue when r.initiatieven + r.reports + r.stands + r.care + r.waiting = 0;
    if app.notify(r.user_id, 'werker_digest', '/werkplek', to_char(p_slot at time zone 'Europe/Amsterdam', 'YYYY-MM-DD'),
                  jsonb_build_object('initiatieven', r.initiatieven, 'reports', r.reports, 'stands', r.stands,
                                     'care', r.care, 'waiting', r.waiting),
                  'werker_digest:' || p_slot) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- E-mail: what the jobs read and write (service role only).

-- Everything a job needs to write the mail for one notification, or null when it must not be mailed
-- (mailed already, preference changed, address unverified, account blocked).
create function public.notification_mail_data(p_id bigint) returns json
language sql stable security definer set search_path = ''
as $$
  select json_build_object('id', n.id, 'kind', n.kind, 'link', n.link, 'params', n.params, 'count', n.count,
                           'email', u.email, 'locale', p.locale, 'name', p.display_name)
    from public.notifications n join public.profiles p on p.id = n.user_id join public.users u on u.id = n.user_id
   where n.id = p_id and n.emailed_at is null and app.email_mode(n.user_id, n.kind) = 'direct'
     and u.email_verified_at is not null and u.blocked_at is null
$$;

create function public.queue_notification_mail(p_id bigint, p_subject text, p_text text, p_html text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v record;
begin
  select n.id, n.kind, u.email into v from public.notifications n join public.users u on u.id = n.user_id
   where n.id = p_id and n.emailed_at is null for update of n;
  if v.id is null then
    return;
  end if;
  insert into public.email_outbox (to_address, subject, body_text, body_html, kind, dedupe_key)
  values (v.email, p_subject, p_text, p_html, v.kind, 'notification:' || p_id)
  on conflict (dedupe_key) do nothing;
  update public.notifications set emailed_at = now() where id = p_id;
end
$$;

-- Who gets a digest of this mode for the period ending at p_until.
create function public.digest_recipients(p_mode text, p_until timestamptz) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select distinct n.user_id from public.notifications n join public.users u on u.id = n.user_id
   where n.email_mode = p_mode and n.emailed_at is null and n.read_at is null and n.created_at <= p_until
     and u.email_verified_at is not null and u.blocked_at is null
$$;

-- The scheduled digest job fans out into one job per person, each retried on its own.
create function public.enqueue_digests(p_mode text, p_until timestamptz) returns integer
language sql security definer set search_path = ''
as $$
  select count(app.enqueue_job('digest.user', jsonb_build_object('user', r, 'mode', p_mode, 'slot', p_until), now(),
                               'digest:' || p_mode || ':' || r || ':' || p_until))::integer
    from public.digest_recipients(p_mode, p_until) r
$$;

create function public.digest_data(p_user uuid, p_mode text, p_until timestamptz) returns json
language sql stable security definer set search_path = ''
as $$
  select json_build_object('email', u.email, 'locale', p.locale, 'name', p.display_name,
    'items', coalesce((select json_agg(json_build_object('id', n.id, 'kind', n.kind, 'link', n.link, 'params', n.params,
                                                         'count', n.count, 'created_at', n.created_at) order by n.created_at, n.id)
                         from public.notifications n
                        where n.user_id = p_user and n.email_mode = p_mode and n.emailed_at is null and n.read_at is null
                          and n.created_at <= p_until), '[]'))
    from public.users u join public.profiles p on p.id = u.id where u.id = p_user
$$;

-- Queues one digest mail and marks its notifications mailed, in one transaction; the key makes a
-- digest that is composed twice one mail.
create function public.queue_digest(p_user uuid, p_mode text, p_key text, p_ids bigint[], p_subject text, p_text text, p_html text)
returns void
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.email_outbox (to_address, subject, body_text, body_html, kind, dedupe_key)
  select u.email, p_subject, p_text, p_html, 'digest_' || p_mode, 'digest:' || p_mode || ':' || p_user || ':' || p_key
    from public.users u where u.id = p_user
  on conflict (dedupe_key) do nothing;
  update public.notifications set emailed_at = now() where user_id = p_user and id = any (p_ids) and emailed_at is null;
end
$$;

-- One-click unsubscribe (the link was checked by the app): this address gets no more mail of this
-- kind. For an account, its preference for that kind becomes "none" (for a digest: every kind that
-- went into it), so the profile shows the same; choosing again there lifts the stop.
create function public.unsubscribe_mail(p_address text, p_kind text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_user uuid := (select id from public.users where email = lower(p_address));
begin
  if app.is_account_mail(p_kind) then
    return;
  end if;
  insert into public.email_suppressions (address, kind) values (lower(p_address), p_kind) on conflict do nothing;
  if v_user is null then
    return;
  end if;
  insert into public.notification_preferences (user_id, kind, email)
  select v_user, k.kind, 'none' from public.notification_kinds k
   where k.kind = p_kind or (p_kind in ('digest_daily', 'digest_weekly') and app.email_mode(v_user, k.kind) = substr(p_kind, 8))
  on conflict (user_id, kind) do update set email = 'none', updated_at = now();
  update public.notifications set email_mode = 'none'
   where user_id = v_user and emailed_at is null
     and (kind = p_kind or (p_kind in ('digest_daily', 'digest_weekly') and email_mode = substr(p_kind, 8)));
end
$$;

revoke execute on function public.notify_help_checkins, public.notify_repair_reminders, public.notify_repair_outcomes,
  public.notify_rommel_closing, public.notify_rommel_day, public.notify_werker_digest, public.notification_mail_data,
  public.queue_notification_mail, public.digest_recipients, public.enqueue_digests, public.digest_data, public.queue_digest, public.unsubscribe_mail
  from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- For residents

-- Saves the caller's e-mail choice per kind ({"help_message": "daily", ...}); unknown kinds or choices
-- are refused. Pending notifications follow the new choice, and a kind chosen again after a
-- one-click unsubscribe is mailed again.
create function public.set_notification_preferences(p_choices jsonb) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_user uuid := app.uid();
  v_email text;
begin
  if v_user is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  if exists (select 1 from jsonb_each_text(p_choices) c left join public.notification_kinds k on k.kind = c.key
              where k.kind is null or c.value not in ('direct', 'daily', 'weekly', 'none')
                 or (k.staff_only and not app.is_staff())) then
    raise exception 'Onbekende soort melding of keuze' using errcode = '22023', hint = 'melding_choice';
  end if;
  insert into public.notification_preferences (user_id, kind, email)
  select v_user, c.key, c.value from jsonb_each_text(p_choices) c
  on conflict (user_id, kind) do update set email = excluded.email, updated_at = now();
  update public.notifications n set email_mode = c.value
    from jsonb_each_text(p_choices) c
   where n.user_id = v_user and n.kind = c.key and n.emailed_at is null and n.email_mode <> c.value;
  select email into v_email from public.users where id = v_user;
  delete from public.email_suppressions s
   where s.address = v_email
     and (s.kind in (select key from jsonb_each_text(p_choices) where value <> 'none')
          or (s.kind = 'digest_daily' and exists (select 1 from jsonb_each_text(p_choices) where value = 'daily'))
          or (s.kind = 'digest_weekly' and exists (select 1 from jsonb_each_text(p_choices) where value = 'weekly')));
end
$$;

-- Marks the caller's notifications read: these ids, or all of them.
create function public.mark_notifications_read(p_ids bigint[] default null) returns integer
language plpgsql
as $$
declare
  v_count integer;
begin
  update public.notifications set read_at = now()
   where user_id = app.uid() and read_at is null and (p_ids is null or id = any (p_ids));
  get diagnostics v_count = row_count;
  return v_count;
end
$$;

-- Makes a new calendar feed for the caller (the app generates the token and stores its hash); the
-- old link stops working.
create function public.set_calendar_feed(p_token_hash bytea) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if app.uid() is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  insert into public.calendar_feeds (user_id, token_hash) values (app.uid(), p_token_hash)
  on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now();
end
$$;

-- The calendar of whoever holds this token, for calendar apps (which cannot log in): their Repair
-- Café sign-ups and Rommelroute stands from a month back on. Null for an unknown token.
create function public.calendar_feed(p_token text) returns json
language sql stable security definer set search_path = ''
as $$
  with feed as (select user_id from public.calendar_feeds where token_hash = sha256(convert_to(p_token, 'UTF8')))
  select case when exists (select 1 from feed) then json_build_object(
    'locale', (select locale from public.profiles where id = (select user_id from feed)),
    'repair', coalesce((select json_agg(json_build_object('id', s.id, 'status', s.status, 'item', s.item, 'name', se.name,
                                                          'venue', se.venue, 'address', se.address, 'series', se.id,
                                                          'starts_at', d.starts_at, 'ends_at', d.ends_at, 'cancelled', d.cancelled)
                                        order by d.starts_at)
                          from public.repair_cafe_signups s join public.repair_cafe_dates d on d.id = s.date_id
                          join public.repair_cafe_series se on se.id = d.series_id
                         where s.resident_id = (select user_id from feed) and s.status <> 'cancelled'
                           and d.starts_at > now() - interval '31 days'), '[]'),
    'rommelroute', coalesce((select json_agg(json_build_object('id', s.id, 'status', s.status, 'title', e.title, 'edition', e.id,
                                                               'address', s.street || ' ' || s.huisnummer || s.toevoeging || ', ' || s.city,
                                                               'starts_at', (e.day + e.starts) at time zone 'Europe/Amsterdam',
                                                               'ends_at', (e.day + e.ends) at time zone 'Europe/Amsterdam')
                                             order by e.day)
                               from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
                              where s.resident_id = (select user_id from feed) and s.status in ('aangemeld', 'goedgekeurd')
                                and e.day > (now() - interval '31 days')::date), '[]'))
  end
$$;

revoke execute on function public.set_notification_preferences, public.mark_notifications_read, public.set_calendar_feed
  from public, anon;
grant execute on function public.set_notification_preferences, public.mark_notifications_read, public.set_calendar_feed
  to authenticated;
revoke execute on function public.calendar_feed from public;
grant execute on function public.calendar_feed to anon, authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.notification_kinds, public.notification_preferences, public.notifications, public.calendar_feeds
  to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
