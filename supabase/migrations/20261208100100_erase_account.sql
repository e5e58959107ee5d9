-- Delete my account (issue 14, point 2): erase_account() erases a resident in one transaction. It
-- completes or changes nothing. What others depend on (conversations, published initiatives, their
-- updates and comments, repair figures, group history) stays, with the person's id emptied and shown
-- as "oud-bewoner"; what only concerned the person goes; a Repair Café series or Rommelroute edition
-- they organised passes to a worker of the wijk; the audit log keeps the decision without the person.
--
-- Triggers that refuse changes let the erasure through only while app.erasing() names the account
-- being erased: a transaction-local setting that only erase_account() sets (set_config(..., true)),
-- and only for rows of that account. PostgREST gives clients no way to set it.

create function app.erasing() returns uuid
language sql stable
as $$ select nullif(current_setting('app.erasing', true), '')::uuid $$;

-- ---------------------------------------------------------------------------------------------------
-- Content that stays loses its author, so the author columns may be empty.

alter table public.help_posts alter column owner_id drop not null,
  drop constraint help_posts_owner_id_fkey,
  add constraint help_posts_owner_id_fkey foreign key (owner_id) references public.profiles on delete set null;
alter table public.help_matches alter column request_owner drop not null, alter column offer_owner drop not null,
  alter column proposed_by drop not null,
  drop constraint help_matches_request_owner_fkey, drop constraint help_matches_offer_owner_fkey,
  drop constraint help_matches_proposed_by_fkey,
  add constraint help_matches_request_owner_fkey foreign key (request_owner) references public.profiles on delete set null,
  add constraint help_matches_offer_owner_fkey foreign key (offer_owner) references public.profiles on delete set null,
  add constraint help_matches_proposed_by_fkey foreign key (proposed_by) references public.profiles on delete set null;
alter table public.help_messages alter column sender_id drop not null,
  drop constraint help_messages_sender_id_fkey,
  add constraint help_messages_sender_id_fkey foreign key (sender_id) references public.profiles on delete set null;
alter table public.initiatieven alter column author_id drop not null,
  drop constraint initiatieven_author_id_fkey,
  add constraint initiatieven_author_id_fkey foreign key (author_id) references public.profiles on delete set null;
alter table public.initiatief_updates alter column author_id drop not null,
  drop constraint initiatief_updates_author_id_fkey,
  add constraint initiatief_updates_author_id_fkey foreign key (author_id) references public.profiles on delete set null;
alter table public.initiatief_reacties alter column author_id drop not null,
  drop constraint initiatief_reacties_author_id_fkey,
  add constraint initiatief_reacties_author_id_fkey foreign key (author_id) references public.profiles on delete set null;
alter table public.initiatief_notities alter column author_id drop not null,
  drop constraint initiatief_notities_author_id_fkey,
  add constraint initiatief_notities_author_id_fkey foreign key (author_id) references public.profiles on delete set null;
alter table public.repair_cafe_signups alter column resident_id drop not null,
  drop constraint repair_cafe_signups_resident_id_fkey,
  add constraint repair_cafe_signups_resident_id_fkey foreign key (resident_id) references public.profiles on delete set null;
-- No restrict blocks erasing an organiser: erase_account() passes the series and editions to a worker
-- of the wijk first. Should an account go any other way, the workers of the buurt still manage the
-- series (app.manages_repair_series) and the edition (its wijk).
alter table public.repair_cafe_series alter column organiser_id drop not null,
  drop constraint repair_cafe_series_organiser_id_fkey,
  add constraint repair_cafe_series_organiser_id_fkey foreign key (organiser_id) references public.profiles on delete set null;
alter table public.rommelroute_editions alter column created_by drop not null,
  drop constraint rommelroute_editions_created_by_fkey,
  add constraint rommelroute_editions_created_by_fkey foreign key (created_by) references public.profiles on delete set null;

-- ---------------------------------------------------------------------------------------------------
-- Narrow ways through the guards, for the erasure only. Each is the latest definition with one
-- early return added.

-- From 20261123120000_burenhulp.sql: the erasure closes the person's kept posts as "oud-bewoner",
-- and a post without owner keeps that name on any later change.
create or replace function app.help_post_fill() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_name text;
begin
  if tg_op = 'UPDATE' and app.erasing() is not null and old.owner_id = app.erasing()
     and new.kind = old.kind and new.for_offline = old.for_offline and new.created_at = old.created_at then
    return new;
  end if;
  if tg_op = 'UPDATE' and (new.owner_id, new.kind, new.for_offline, new.created_at) is distinct from (old.owner_id, old.kind, old.for_offline, old.created_at) then
    raise exception 'Dit verandert niet' using errcode = '42501';
  end if;
  select b.wijk_code, b.lat, b.lng into new.wijk_code, new.lat, new.lng from public.buurten b where b.code = new.buurt_code;
  -- A post kept after its owner's erasure keeps the name it was given ("oud-bewoner").
  if new.for_offline or new.owner_id is null then
    v_name := new.first_name;
  else
    select display_name into v_name from public.profiles where id = new.owner_id;
  end if;
  new.first_name := split_part(trim(coalesce(v_name, '')), ' ', 1);
  return new;
end
$$;

-- From 20261207150000_help_mutual_close.sql: an erased party's id empties, nothing else.
create or replace function app.help_match_transition() returns trigger
language plpgsql
as $$
declare
  v_sides text[] := array['request_outcome', 'offer_outcome', 'request_thanks', 'offer_thanks'];
  v_people text[] := array['request_owner', 'offer_owner', 'proposed_by', 'stopped_by', 'care_approved_by'];
begin
  if app.erasing() is not null
     and app.erasing() in (old.request_owner, old.offer_owner, old.proposed_by, old.stopped_by, old.care_approved_by)
     and (to_jsonb(new) - v_people) = (to_jsonb(old) - v_people)
     and (new.request_owner is null or new.request_owner = old.request_owner)
     and (new.offer_owner is null or new.offer_owner = old.offer_owner)
     and (new.proposed_by is null or new.proposed_by = old.proposed_by) then
    return new;
  end if;
  if (new.request_id, new.offer_id, new.request_owner, new.offer_owner, new.proposed_by, new.wijk_code, new.needs_care, new.created_at)
     is distinct from (old.request_id, old.offer_id, old.request_owner, old.offer_owner, old.proposed_by, old.wijk_code, old.needs_care, old.created_at) then
    raise exception 'Een match zelf verandert niet' using errcode = '42501';
  end if;
  if new.status <> old.status and not (
       (old.status = 'voorgesteld' and new.status in ('actief', 'afgewezen', 'gestopt'))
    or (old.status = 'actief' and new.status in ('gestopt', 'afgesloten'))) then
    raise exception 'Deze stap kan niet meer (%→%)', old.status, new.status using errcode = '23514';
  end if;
  if old.status = 'afgesloten'
     and (to_jsonb(new) - v_sides) = (to_jsonb(old) - v_sides)
     and (old.request_outcome is null or (new.request_outcome is not distinct from old.request_outcome
                                          and new.request_thanks is not distinct from old.request_thanks))
     and (old.offer_outcome is null or (new.offer_outcome is not distinct from old.offer_outcome
                                        and new.offer_thanks is not distinct from old.offer_thanks)) then
    return new;
  end if;
  if old.status in ('afgewezen', 'gestopt', 'afgesloten') then
    raise exception 'Deze match is al beëindigd' using errcode = '23514';
  end if;
  return new;
end
$$;

-- From 20261123130000_repair_cafes.sql: a past sign-up stays for the repair figures without its resident.
create or replace function app.repair_signup_guard() returns trigger
language plpgsql
as $$
begin
  if app.erasing() is not null and old.resident_id = app.erasing() and new.resident_id is null
     and (to_jsonb(new) - 'resident_id') = (to_jsonb(old) - 'resident_id') then
    return new;
  end if;
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

-- From 20261124100100_audit_log_append_only.sql. Besides a deleted actor's id, the erasure (and only
-- it) may empty an entry about the erased person: its subject becomes 'gewist', its reason and
-- details empty; the action, wijk, gemeente and time stay. Nothing else changes or disappears.
create or replace function app.audit_log_frozen() returns trigger
language plpgsql
as $$
declare
  v_parts text[] := array['subject_id', 'reason', 'details'];
begin
  if tg_op = 'UPDATE' then
    if new.actor_id is null and old.actor_id is not null and (to_jsonb(new) - 'actor_id') = (to_jsonb(old) - 'actor_id') then
      return new;
    end if;
    if app.erasing() is not null
       and (old.subject_id = app.erasing()::text or old.details::text like '%' || app.erasing()::text || '%')
       and (to_jsonb(new) - v_parts) = (to_jsonb(old) - v_parts)
       and new.subject_id in (old.subject_id, 'gewist') and new.reason in (old.reason, '')
       and new.details in (old.details, '{}'::jsonb) then
      return new;
    end if;
  end if;
  raise exception 'Het logboek wordt niet veranderd of gewist' using errcode = '42501';
end
$$;

-- From 20261124120100_mail_delivery.sql: the confirmation of an erasure is account mail (always
-- sent, no unsubscribe link: there is no account left to unsubscribe).
create or replace function app.is_account_mail(p_kind text) returns boolean
language sql immutable
as $$ select p_kind in ('verify_email', 'reset_password', 'register_existing', 'account_erased') $$;

-- The confirmation is the one row that still holds the address: once it is sent, suppressed, or its
-- job is dead, the address is replaced.
create function app.erased_mail_forget() returns trigger
language plpgsql
as $$
begin
  if new.sent_at is not null or new.suppressed_at is not null then
    new.to_address := 'gewist@buurtplein.invalid';
  end if;
  return new;
end
$$;
create trigger email_outbox_erased_forget before update on public.email_outbox
  for each row when (new.kind = 'account_erased') execute function app.erased_mail_forget();

create function app.erased_mail_dead() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.email_outbox set to_address = 'gewist@buurtplein.invalid'
   where id = (new.payload ->> 'id')::bigint and kind = 'account_erased';
  return null;
end
$$;
create trigger jobs_erased_mail_dead after update of status on public.jobs
  for each row when (new.status = 'dead' and old.status <> 'dead' and new.kind = 'mail.send')
  execute function app.erased_mail_dead();

-- ---------------------------------------------------------------------------------------------------
-- Cancelling a sign-up, without the check of who asks: the same steps for a cancellation by the
-- resident or the organisation, and for the erasure (which may concern a Repair Café of another wijk).
-- The body is that of repair_cafe_cancel in 20261124120200_notifications.sql.
create function app.repair_cancel_signup(p_signup bigint) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_signup public.repair_cafe_signups;
  v_date public.repair_cafe_dates;
  v_next public.repair_cafe_signups;
begin
  select * into v_signup from public.repair_cafe_signups where id = p_signup;
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
revoke execute on function app.repair_cancel_signup from public, anon, authenticated;

create or replace function public.repair_cafe_cancel(p_signup bigint)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_signup public.repair_cafe_signups;
begin
  select * into v_signup from public.repair_cafe_signups where id = p_signup;
  if not found or not (v_signup.resident_id = app.uid() or app.manages_repair_date(v_signup.date_id)) then
    raise exception 'Deze aanmelding bestaat niet' using errcode = 'P0002';
  end if;
  perform app.repair_cancel_signup(p_signup);
end
$$;

-- Who takes over what an erased organiser ran in a wijk: a worker of the wijk (the longest there is
-- not recorded, so the first by id), else the coordinator of its gemeente.
create function app.erasure_successor(p_wijk text) returns uuid
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    (select user_id from public.worker_wijken where wijk_code = p_wijk order by user_id limit 1),
    (select c.user_id from public.coordinators c join public.wijken w on w.gemeente_code = c.gemeente_code
      where w.code = p_wijk order by c.user_id limit 1))
$$;

-- ---------------------------------------------------------------------------------------------------
-- The erasure. The person themselves (the app checks the password first), or a worker of their wijk
-- or the coordinator of their gemeente on the resident's recorded request, with a reason. Only
-- residents' accounts: a staff or partner account ends through the coordinator. Returns a reference
-- for the request's file (it points at nothing that is left).
create function public.erase_account(p_user uuid, p_reason text default null) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v_self boolean := p_user = app.uid();
  v_email text;
  v_name text;
  v_role public.app_role;
  v_locale text;
  v_wijk text;
  v_ref text := gen_random_uuid()::text;
  v_row record;
  v_successor uuid;
begin
  if app.uid() is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  select u.email, p.display_name, p.role, p.locale, b.wijk_code into v_email, v_name, v_role, v_locale, v_wijk
    from public.users u join public.profiles p on p.id = u.id join public.buurten b on b.code = p.buurt_code
   where u.id = p_user for update of u;
  if v_email is null then
    raise exception 'Dit account bestaat niet' using errcode = 'P0002';
  end if;
  if not v_self then
    if not coalesce(app.role() in ('opbouwwerker', 'coordinator', 'admin'), false) or not app.works_for(p_user) then
      raise exception 'Alleen een opbouwwerker van de wijk of de coördinator verwijdert dit account' using errcode = '42501', hint = 'erase_not_allowed';
    end if;
    if length(trim(coalesce(p_reason, ''))) < 5 or length(p_reason) > 500 then
      raise exception 'Schrijf op waarom (5 tot 500 tekens)' using errcode = '23514', hint = 'erase_reason';
    end if;
  end if;
  if v_role <> 'bewoner' then
    raise exception 'Een account van een medewerker of partner beëindigt de coördinator' using errcode = '42501', hint = 'erase_staff';
  end if;
  perform set_config('app.erasing', p_user::text, true);

  -- Burenhulp. Proposals not yet accepted are withdrawn; active matches stop (contact hidden, the
  -- other side's post opens again, as when a block stops them); ended matches stay as history.
  delete from public.help_matches where status = 'voorgesteld' and p_user in (request_owner, offer_owner);
  with stopped as (
    update public.help_matches set status = 'gestopt', stopped_by = null, closed_at = now()
     where status = 'actief' and p_user in (request_owner, offer_owner)
    returning case when request_owner = p_user then offer_id else request_id end as other_post)
  update public.help_posts set status = 'open' where id in (select other_post from stopped) and status = 'gematcht';
  delete from public.help_posts p where p.owner_id = p_user
     and not exists (select 1 from public.help_matches m where m.request_id = p.id or m.offer_id = p.id);
  delete from public.help_post_private where post_id in (select id from public.help_posts where owner_id = p_user);
  update public.help_posts set status = 'gesloten', first_name = 'oud-bewoner' where owner_id = p_user;

  -- Initiatives: what was never published goes; a published one stays for those who joined it.
  delete from public.initiatieven where author_id = p_user and status <> 'gepubliceerd';
  for v_row in delete from public.initiatief_deelnemers where user_id = p_user returning initiatief_id loop
    update public.initiatieven set joiner_count = (select count(*) from public.initiatief_deelnemers where initiatief_id = v_row.initiatief_id)
     where id = v_row.initiatief_id;
  end loop;

  -- Repair Cafés: coming sign-ups are cancelled as the resident would (the waiting list moves up);
  -- past ones stay for the repair figures without the resident. Series pass to the wijk's worker.
  for v_row in select s.id from public.repair_cafe_signups s join public.repair_cafe_dates d on d.id = s.date_id
                where s.resident_id = p_user and s.status <> 'cancelled' and d.starts_at > now() loop
    perform app.repair_cancel_signup(v_row.id);
  end loop;
  for v_row in select s.id, b.wijk_code from public.repair_cafe_series s join public.buurten b on b.code = s.buurt_code
                where s.organiser_id = p_user loop
    v_successor := app.erasure_successor(v_row.wijk_code);
    if v_successor is null then
      raise exception 'Niemand in deze wijk kan het Repair Café overnemen' using errcode = '55000', hint = 'erase_no_successor';
    end if;
    update public.repair_cafe_series set organiser_id = v_successor where id = v_row.id;
  end loop;

  -- Rommelroute: stands are withdrawn; an edition passes to the wijk's worker.
  delete from public.rommelroute_stands where resident_id = p_user;
  for v_row in select id, wijk_code from public.rommelroute_editions where created_by = p_user loop
    v_successor := app.erasure_successor(v_row.wijk_code);
    if v_successor is null then
      raise exception 'Niemand in deze wijk kan de Rommelroute overnemen' using errcode = '55000', hint = 'erase_no_successor';
    end if;
    update public.rommelroute_editions set created_by = v_successor where id = v_row.id;
  end loop;

  -- A zorg over de buurt is the person's own words (a signal made of it does not name them).
  delete from public.buurt_zorgen where author_id = p_user;
  -- Reports about the person go; the decisions on them stay in the audit log.
  delete from public.reports where subject_type = 'person' and subject_id = p_user::text;

  -- Others' notifications and mail that named the person in full now say "oud-bewoner" (a first
  -- name alone stays: it names nobody).
  update public.notifications n
     set params = (select jsonb_object_agg(e.key, case when e.value = to_jsonb(v_name) then to_jsonb('oud-bewoner'::text) else e.value end)
                     from jsonb_each(n.params) e)
   where n.params::text like '%' || v_name || '%' and jsonb_typeof(n.params) = 'object';
  update public.email_outbox
     set subject = replace(subject, v_name, 'oud-bewoner'), body_text = replace(body_text, v_name, 'oud-bewoner'),
         body_html = replace(body_html, v_name, 'oud-bewoner')
   where to_address <> v_email and (subject like '%' || v_name || '%' or body_text like '%' || v_name || '%'
                                    or body_html like '%' || v_name || '%');

  -- Mail, unsubscriptions, rate-limit counters and jobs that name the person.
  delete from public.email_outbox where to_address = v_email;
  delete from public.email_suppressions where address = v_email;
  delete from public.rate_limits where key = v_email or key = p_user::text or position(v_email in key) > 0;
  delete from public.jobs where status <> 'running' and payload::text like '%' || p_user::text || '%';

  -- The audit log keeps its entries about the person without them.
  update public.audit_log set subject_id = 'gewist', reason = '', details = '{}'
   where subject_type = 'profile' and subject_id = p_user::text;
  update public.audit_log set details = '{}' where details::text like '%' || p_user::text || '%';
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), case when v_self then 'erase_own_account' else 'erase_account' end, 'erasure', v_ref, v_wijk,
          case when v_self then '' else trim(p_reason) end);

  -- The confirmation, in the person's language; it names nobody.
  insert into public.email_outbox (to_address, kind, subject, body_text)
  values (v_email, 'account_erased',
    case when v_locale = 'en' then 'Your Buurtplein account has been deleted' else 'Uw account op Buurtplein is verwijderd' end,
    case when v_locale = 'en' then
      E'Your account on Buurtplein has been deleted, with your profile, contact details and everything only you used.\n\n'
      || E'What others still need (conversations, published initiatives) stays without your name, as "oud-bewoner".\n\n'
      || 'Reference: ' || v_ref || E'\n\nThis address is removed from our system once this mail has been sent.'
    else
      E'Uw account op Buurtplein is verwijderd, met uw profiel, uw contactgegevens en alles wat alleen u gebruikte.\n\n'
      || E'Wat anderen nog nodig hebben (gesprekken, gepubliceerde initiatieven) blijft staan zonder uw naam, als "oud-bewoner".\n\n'
      || 'Kenmerk: ' || v_ref || E'\n\nDit adres verdwijnt uit ons systeem zodra deze mail verstuurd is.'
    end);

  -- Everything else that is only the person's goes with the account (cascade); what stays loses the id.
  delete from public.users where id = p_user;
  return v_ref;
end
$$;
revoke execute on function public.erase_account from public, anon;
grant execute on function public.erase_account to authenticated, service_role;

-- For the tests and for a data protection officer's check (service role only): every row in the
-- public schema that still holds the id, or one of the strings, in any column.
create function public.personal_traces(p_id uuid, p_strings text[])
returns table (table_name text, column_name text, hits bigint)
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_col record;
  v_hits bigint;
  v_n bigint;
  v_s text;
begin
  for v_col in
    select c.table_name::text as t, c.column_name::text as c, c.udt_name::text as udt
      from information_schema.columns c join pg_class k on k.relname = c.table_name and k.relkind = 'r'
      join pg_namespace n on n.oid = k.relnamespace and n.nspname = 'public'
     where c.table_schema = 'public' and c.udt_name in ('uuid', 'text', 'varchar', 'jsonb', 'json', '_text')
       and c.is_generated = 'NEVER'
  loop
    if v_col.udt = 'uuid' then
      execute format('select count(*) from public.%I where %I = $1', v_col.t, v_col.c) into v_hits using p_id;
    else
      execute format('select count(*) from public.%I where %I::text ilike ''%%'' || $1 || ''%%''', v_col.t, v_col.c)
        into v_hits using p_id::text;
      foreach v_s in array coalesce(p_strings, '{}') loop
        if length(v_s) >= 3 then
          execute format('select count(*) from public.%I where %I::text ilike ''%%'' || $1 || ''%%''', v_col.t, v_col.c)
            into v_n using v_s;
          v_hits := v_hits + v_n;
        end if;
      end loop;
    end if;
    if v_hits > 0 then
      table_name := v_col.t; column_name := v_col.c; hits := v_hits;
      return next;
    end if;
  end loop;
end
$$;
revoke execute on function public.personal_traces from public, anon, authenticated;
grant execute on function public.personal_traces to service_role;

-- The columns that point at a person, from the catalog: foreign keys to users or profiles, and uuid
-- columns named like a person without one. The privacy test compares them with personal_data_map().
create function public.person_columns()
returns table (table_name text, column_name text)
language sql stable security definer set search_path = ''
as $$
  select src.relname::text, a.attname::text
    from pg_constraint con join pg_class src on src.oid = con.conrelid join pg_class dst on dst.oid = con.confrelid
    join pg_namespace n on n.oid = src.relnamespace
    join lateral unnest(con.conkey) k(attnum) on true
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
   where con.contype = 'f' and n.nspname = 'public' and dst.relname in ('users', 'profiles')
     and (con.confrelid <> 'public.users'::regclass or src.relname <> 'profiles' or a.attname = 'id')
  union
  select c.table_name::text, c.column_name::text
    from information_schema.columns c join pg_class k on k.relname = c.table_name and k.relkind = 'r'
   where c.table_schema = 'public' and c.udt_name = 'uuid'
     and c.column_name ~ '^(user_id|owner_id|author_id|resident_id|reporter_id|sender_id|actor_id|blocker_id|blocked_id|organiser_id|coach_id|facilitator_id|request_owner|offer_owner|[a-z_]+_by)$'
  union
  select 'users', 'id'
$$;
revoke execute on function public.person_columns from public, anon, authenticated;
grant execute on function public.person_columns to service_role;

grant execute on all functions in schema app to anon, authenticated, service_role;
revoke execute on function app.repair_cancel_signup from public, anon, authenticated;
grant execute on all functions in schema public to service_role;
