-- What groups tell people (issue 10's notifications): a decision on a proposed group, a join request
-- and its answer, an invitation, a removal, a new, changed or cancelled meeting, the minutes, an
-- actiepunt, a stage change, a board post; and the scheduled reminders (a meeting tomorrow, an
-- actiepunt due tomorrow, and for the facilitator a group that went quiet). Written here by triggers
-- and by the functions the scheduled jobs call, so every writer produces them. Meetings also go into
-- the members' personal calendar feed.

insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('groep_published', 'direct', false, 70),
  ('groep_changes_requested', 'direct', false, 71),
  ('groep_declined', 'direct', false, 72),
  ('groep_join_request', 'direct', false, 73),
  ('groep_join_approved', 'direct', false, 74),
  ('groep_join_declined', 'direct', false, 75),
  ('groep_member_joined', 'daily', false, 76),
  ('groep_invited', 'direct', false, 77),
  ('groep_removed', 'direct', false, 78),
  ('groep_meeting_new', 'direct', false, 79),
  ('groep_meeting_changed', 'direct', false, 80),
  ('groep_meeting_cancelled', 'direct', false, 81),
  ('groep_meeting_reminder', 'direct', false, 82),
  ('groep_minutes', 'daily', false, 83),
  ('groep_actiepunt_assigned', 'direct', false, 84),
  ('groep_actiepunt_due', 'direct', false, 85),
  ('groep_stage', 'direct', false, 86),
  ('groep_post', 'daily', false, 87),
  ('groep_quiet', 'weekly', true, 88);

create function app.groep_name(p_id uuid) returns text
language sql stable security definer set search_path = ''
as $$ select name from public.groepen where id = p_id $$;

-- The trekkers of a group, or its facilitator while it has none.
create function app.groep_leaders(p_id uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select user_id from public.groep_leden where groep_id = p_id and role = 'trekker'
  union
  select facilitator_id from public.groepen g
   where g.id = p_id and g.facilitator_id is not null
     and not exists (select 1 from public.groep_leden where groep_id = p_id and role = 'trekker')
$$;

-- The members of a group and its facilitator.
create function app.groep_people(p_id uuid) returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select user_id from public.groep_leden where groep_id = p_id
  union
  select facilitator_id from public.groepen where id = p_id and facilitator_id is not null
$$;

create function app.groep_meeting_params(p_meeting bigint) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('name', g.name, 'title', m.title, 'kind', m.kind, 'starts_at', m.starts_at,
                            'place', m.place, 'reason', m.cancel_reason)
    from public.groep_bijeenkomsten m join public.groepen g on g.id = m.groep_id where m.id = p_meeting
$$;

-- ---------------------------------------------------------------------------------------------------
-- The group itself

create function app.notify_groep_status() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.notify(new.created_by,
    case new.status when 'gepubliceerd' then 'groep_published' when 'aanpassing_gevraagd' then 'groep_changes_requested'
                    else 'groep_declined' end,
    case new.status when 'aanpassing_gevraagd' then '/groepen/' || new.id || '/bewerken' else '/groepen/' || new.id end,
    new.id::text, jsonb_build_object('name', new.name, 'message',
      coalesce((select b.message from public.groep_beslissingen b where b.groep_id = new.id order by b.id desc limit 1), '')));
  return new;
end
$$;
create trigger groepen_notify_status after update on public.groepen
  for each row when (new.status is distinct from old.status and new.status in ('gepubliceerd', 'aanpassing_gevraagd', 'afgewezen'))
  execute function app.notify_groep_status();

-- A stage change: the trekkers hear of it (the worker who made it knows).
create function app.notify_groep_stage() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
begin
  for v_person in select user_id from public.groep_leden where groep_id = new.id and role = 'trekker' loop
    continue when v_person = app.uid();
    perform app.notify(v_person, 'groep_stage', '/groepen/' || new.id, new.id::text,
      jsonb_build_object('name', new.name, 'stage', new.stage));
  end loop;
  return new;
end
$$;
create trigger groepen_notify_stage after update of stage on public.groepen
  for each row when (new.stage is distinct from old.stage)
  execute function app.notify_groep_stage();

-- ---------------------------------------------------------------------------------------------------
-- Members

create function app.notify_groep_request() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
begin
  if tg_op = 'INSERT' then
    for v_person in select * from app.groep_leaders(new.groep_id) loop
      perform app.notify(v_person, 'groep_join_request', '/groepen/' || new.groep_id || '/leden', new.groep_id::text,
        jsonb_build_object('name', app.groep_name(new.groep_id), 'person', app.first_name(new.user_id)), null, true);
    end loop;
  elsif new.status in ('goedgekeurd', 'afgewezen') then
    perform app.notify(new.user_id, case new.status when 'goedgekeurd' then 'groep_join_approved' else 'groep_join_declined' end,
      '/groepen/' || new.groep_id, new.groep_id::text,
      jsonb_build_object('name', app.groep_name(new.groep_id), 'reason', new.reason));
  end if;
  return new;
end
$$;
create trigger groep_verzoeken_notify_insert after insert on public.groep_verzoeken
  for each row execute function app.notify_groep_request();
create trigger groep_verzoeken_notify_update after update of status on public.groep_verzoeken
  for each row when (new.status is distinct from old.status)
  execute function app.notify_groep_request();

-- Someone joined (an open group, an invitation, an approved request): the trekkers hear of it, except
-- whoever let them in and the new member.
create function app.notify_groep_joined() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
begin
  for v_person in select user_id from public.groep_leden where groep_id = new.groep_id and role = 'trekker' loop
    continue when v_person = new.user_id or v_person = app.uid();
    perform app.notify(v_person, 'groep_member_joined', '/groepen/' || new.groep_id || '/leden', new.groep_id::text,
      jsonb_build_object('name', app.groep_name(new.groep_id), 'person', app.first_name(new.user_id)), null, true);
  end loop;
  return new;
end
$$;
create trigger groep_leden_notify after insert on public.groep_leden
  for each row execute function app.notify_groep_joined();

create function app.notify_groep_invited() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.notify(new.user_id, 'groep_invited', '/groepen/' || new.groep_id, new.groep_id::text,
    jsonb_build_object('name', app.groep_name(new.groep_id), 'role', new.role, 'person', app.first_name(new.invited_by)));
  return new;
end
$$;
create trigger groep_uitnodigingen_notify after insert on public.groep_uitnodigingen
  for each row execute function app.notify_groep_invited();

-- ---------------------------------------------------------------------------------------------------
-- Meetings, minutes, actiepunten, the board

-- A new meeting: every member and the facilitator except who planned it (a series of rondes is one
-- notification that counts them, while unread).
create function app.notify_groep_meeting() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
  v_kind text;
begin
  if tg_op = 'INSERT' then
    v_kind := 'groep_meeting_new';
  elsif new.cancelled_at is not null and old.cancelled_at is null then
    v_kind := 'groep_meeting_cancelled';
  else
    v_kind := 'groep_meeting_changed';
  end if;
  for v_person in select * from app.groep_people(new.groep_id) loop
    continue when v_person = app.uid();
    -- Who already said "ik kom niet" need not hear of a change or a cancellation.
    continue when v_kind <> 'groep_meeting_new' and exists (
      select 1 from public.groep_aanwezigheid a where a.bijeenkomst_id = new.id and a.user_id = v_person and a.answer = 'nee');
    perform app.notify(v_person, v_kind, '/groepen/' || new.groep_id || '/bijeenkomsten/' || new.id,
      case when v_kind = 'groep_meeting_new' then new.groep_id::text else new.id::text end,
      app.groep_meeting_params(new.id), null, v_kind = 'groep_meeting_new');
  end loop;
  return new;
end
$$;
create trigger groep_bijeenkomsten_notify_insert after insert on public.groep_bijeenkomsten
  for each row execute function app.notify_groep_meeting();
create trigger groep_bijeenkomsten_notify_update after update on public.groep_bijeenkomsten
  for each row when ((new.cancelled_at is not null and old.cancelled_at is null)
                     or (new.starts_at, new.place) is distinct from (old.starts_at, old.place))
  execute function app.notify_groep_meeting();

create function app.notify_groep_minutes() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_groep uuid := (select groep_id from public.groep_bijeenkomsten where id = new.bijeenkomst_id);
  v_person uuid;
begin
  for v_person in select * from app.groep_people(v_groep) loop
    continue when v_person = new.written_by;
    perform app.notify(v_person, 'groep_minutes', '/groepen/' || v_groep || '/bijeenkomsten/' || new.bijeenkomst_id,
      new.bijeenkomst_id::text, app.groep_meeting_params(new.bijeenkomst_id));
  end loop;
  return new;
end
$$;
create trigger groep_verslagen_notify after insert on public.groep_verslagen
  for each row execute function app.notify_groep_minutes();

create function app.notify_groep_actiepunt() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.owner_id is distinct from app.uid() then
    perform app.notify(new.owner_id, 'groep_actiepunt_assigned', '/groepen/' || new.groep_id || '/bijeenkomsten/' || new.bijeenkomst_id,
      new.id::text, jsonb_build_object('name', app.groep_name(new.groep_id), 'body', new.body, 'day', new.due_on));
  end if;
  return new;
end
$$;
create trigger groep_actiepunten_notify after insert on public.groep_actiepunten
  for each row execute function app.notify_groep_actiepunt();

create function app.notify_groep_post() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_person uuid;
begin
  for v_person in select * from app.groep_people(new.groep_id) loop
    continue when v_person = new.author_id;
    perform app.notify(v_person, 'groep_post', '/groepen/' || new.groep_id || '/prikbord', new.groep_id::text,
      jsonb_build_object('name', app.groep_name(new.groep_id), 'person', app.first_name(new.author_id)), null, true);
  end loop;
  return new;
end
$$;
create trigger groep_berichten_notify after insert on public.groep_berichten
  for each row execute function app.notify_groep_post();

-- ---------------------------------------------------------------------------------------------------
-- Scheduled reminders (functions the jobs call for a slot; each notification once per person).

-- The day before a meeting: every member who did not say "ik kom niet" (for a ronde: who walks).
create function public.notify_groep_meeting_reminders(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
  v_day date := (p_slot at time zone 'Europe/Amsterdam')::date + 1;
begin
  for r in
    select m.id, m.groep_id, l.user_id from public.groep_bijeenkomsten m
      join public.groepen g on g.id = m.groep_id and g.status = 'gepubliceerd'
      join public.groep_leden l on l.groep_id = m.groep_id
      left join public.groep_aanwezigheid a on a.bijeenkomst_id = m.id and a.user_id = l.user_id
     where m.cancelled_at is null
       and m.starts_at >= (v_day::timestamp at time zone 'Europe/Amsterdam')
       and m.starts_at < ((v_day + 1)::timestamp at time zone 'Europe/Amsterdam')
       and case when m.kind = 'ronde' then a.answer = 'ja' else a.answer is distinct from 'nee' end
  loop
    if app.notify(r.user_id, 'groep_meeting_reminder', '/groepen/' || r.groep_id || '/bijeenkomsten/' || r.id, r.id::text,
                  app.groep_meeting_params(r.id), 'groep_meeting_reminder:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- The day before an actiepunt is due and it is not done: its owner.
create function public.notify_groep_actiepunten_due(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
  v_day date := (p_slot at time zone 'Europe/Amsterdam')::date + 1;
begin
  for r in
    select a.id, a.groep_id, a.bijeenkomst_id, a.owner_id, a.body, a.due_on from public.groep_actiepunten a
     where a.done_at is null and a.due_on = v_day and a.owner_id is not null
  loop
    if app.notify(r.owner_id, 'groep_actiepunt_due', '/groepen/' || r.groep_id || '/bijeenkomsten/' || r.bijeenkomst_id, r.id::text,
                  jsonb_build_object('name', app.groep_name(r.groep_id), 'body', r.body, 'day', r.due_on),
                  'groep_actiepunt_due:' || r.id) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

-- A group with no meeting or board post for eight weeks (none planned either): its facilitator
-- hears of it once per quiet spell.
create function public.notify_groep_quiet(p_slot timestamptz) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_count integer := 0;
begin
  for r in
    select g.id, g.name, g.facilitator_id, g.last_activity_at from public.groepen g
     where g.status = 'gepubliceerd' and g.facilitator_id is not null and g.last_activity_at < p_slot - interval '8 weeks'
  loop
    if app.notify(r.facilitator_id, 'groep_quiet', '/groepen/' || r.id, r.id::text,
                  jsonb_build_object('name', r.name, 'since', r.last_activity_at),
                  'groep_quiet:' || r.id || ':' || r.last_activity_at) is not null then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end
$$;

revoke execute on function public.notify_groep_meeting_reminders, public.notify_groep_actiepunten_due, public.notify_groep_quiet
  from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- The calendar: a member's group meetings for their personal feed (whoever holds the token; the
-- feed's route adds them to the Repair Café and Rommelroute entries). From a month back on; not the
-- meetings they said "ik kom niet" to, and of the rondes only those they walk.
create function public.calendar_feed_groepen(p_token text) returns json
language sql stable security definer set search_path = ''
as $$
  with feed as (select user_id from public.calendar_feeds where token_hash = sha256(convert_to(p_token, 'UTF8')))
  select coalesce(json_agg(json_build_object('id', m.id, 'groep', g.id, 'name', g.name, 'title', m.title, 'kind', m.kind,
                                             'starts_at', m.starts_at, 'ends_at', m.ends_at, 'place', m.place,
                                             'agenda', m.agenda, 'cancelled', m.cancelled_at is not null)
                           order by m.starts_at), '[]')
    from feed
    join public.groep_leden l on l.user_id = feed.user_id
    join public.groepen g on g.id = l.groep_id and g.status = 'gepubliceerd'
    join public.groep_bijeenkomsten m on m.groep_id = g.id
    left join public.groep_aanwezigheid a on a.bijeenkomst_id = m.id and a.user_id = feed.user_id
   where m.starts_at > now() - interval '31 days'
     and case when m.kind = 'ronde' then a.answer = 'ja' else a.answer is distinct from 'nee' end
$$;
revoke execute on function public.calendar_feed_groepen from public;
grant execute on function public.calendar_feed_groepen to anon, authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant execute on all functions in schema public to service_role;
