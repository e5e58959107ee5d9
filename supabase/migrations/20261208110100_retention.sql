-- Retention (issue 14 point 4): what the privacy statement (/privacy) promises, enforced by scheduled
-- jobs (src/lib/retention/jobs.server.ts). One function per rule, service role only, each taking the
-- job's slot as "now" so that a late or repeated run removes exactly the same rows, and returning
-- what it did. Keep the numbers here and in src/lib/verklaringen (the statement) the same.

-- ---------------------------------------------------------------------------------------------------
-- Help posts: when was the last sign of life? Created, changed by its owner (or anything the owner
-- does to it through a function), opened again, or a match proposed on it. After three months
-- without any, the owner is told (notification and mail); fourteen days after that warning, still
-- without any, the post is closed.

alter table public.help_posts
  add column last_activity_at timestamptz not null default now(),
  add column inactive_warned_at timestamptz;
comment on column public.help_posts.last_activity_at is 'Set by trigger: the last change by the owner, reopening or match proposal.';
comment on column public.help_posts.inactive_warned_at is 'Set by trigger and retention_help_posts: when the owner was warned that the post will be closed.';

-- Posts that existed before: their last sign of life is their newest match, else their creation.
alter table public.help_posts disable trigger help_posts_fill;
update public.help_posts p
   set last_activity_at = greatest(p.created_at, coalesce((select max(m.created_at) from public.help_matches m
                                                          where m.request_id = p.id or m.offer_id = p.id), p.created_at));
alter table public.help_posts enable trigger help_posts_fill;

create index help_posts_inactive on public.help_posts (last_activity_at) where status = 'open';

create function app.help_post_activity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.last_activity_at := now();
    new.inactive_warned_at := null;
  elsif (app.uid() is not null and app.uid() = new.owner_id) or (new.status = 'open' and old.status <> 'open') then
    new.last_activity_at := now();
  end if;
  -- Otherwise the column keeps what the writer set: only functions of the database and the service
  -- role can set it (it is not granted to anyone), e.g. a match proposal or help_keep_open.
  return new;
end
$$;
create trigger help_posts_activity before insert or update on public.help_posts
  for each row execute function app.help_post_activity();

-- A proposed match is a sign of life for both posts.
create function app.help_match_activity() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.help_posts set last_activity_at = now() where id in (new.request_id, new.offer_id);
  return new;
end
$$;
create trigger help_matches_activity after insert on public.help_matches
  for each row execute function app.help_match_activity();

-- The owner says the post is still needed (the button on the post after the warning).
create function public.help_keep_open(p_post uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.help_posts set last_activity_at = now() where id = p_post and owner_id = app.uid() and status = 'open';
  if not found then
    raise exception 'Dit is niet jouw open vraag of aanbod' using errcode = '42501';
  end if;
end
$$;
revoke execute on function public.help_keep_open from public, anon;
grant execute on function public.help_keep_open to authenticated;

-- The post's owner reads when it was warned (to show "will be closed on ..." and the keep-open button).
create function public.help_post_retention(p_post uuid)
returns table (last_activity_at timestamptz, inactive_warned_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select p.last_activity_at, p.inactive_warned_at from public.help_posts p
   where p.id = p_post and p.owner_id = app.uid()
$$;
revoke execute on function public.help_post_retention from public, anon;
grant execute on function public.help_post_retention to authenticated;

insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('help_post_inactive', 'direct', false, 17);

-- Warns the owners of open posts without a sign of life for three months (once per quiet spell), and
-- closes the posts whose warning is fourteen days old with no sign of life since. Pending proposals
-- on a closed post end with it, as when the owner withdraws it.
create function public.retention_help_posts(p_slot timestamptz) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  v_warned integer := 0;
  v_closed integer := 0;
begin
  for r in
    select p.id from public.help_posts p
     where p.status = 'open' and p.inactive_warned_at is not null
       and p.inactive_warned_at <= p_slot - interval '14 days'
       and p.last_activity_at < p.inactive_warned_at
     for update
  loop
    update public.help_posts set status = 'gesloten' where id = r.id;
    update public.help_matches set status = 'gestopt', closed_at = now()
     where (request_id = r.id or offer_id = r.id) and status = 'voorgesteld';
    v_closed := v_closed + 1;
  end loop;

  for r in
    select p.id, p.owner_id, p.kind, p.category, p.last_activity_at from public.help_posts p
     where p.status = 'open' and p.last_activity_at <= p_slot - interval '3 months'
       and (p.inactive_warned_at is null or p.inactive_warned_at < p.last_activity_at)
     for update
  loop
    update public.help_posts set inactive_warned_at = p_slot where id = r.id;
    perform app.notify(r.owner_id, 'help_post_inactive', '/burenhulp/' || r.id, r.id::text,
      jsonb_build_object('kind', r.kind, 'category', r.category,
                         'closes_on', ((p_slot + interval '14 days') at time zone 'Europe/Amsterdam')::date),
      'help_post_inactive:' || r.id || ':' || extract(epoch from r.last_activity_at)::bigint);
    v_warned := v_warned + 1;
  end loop;
  return jsonb_build_object('warned', v_warned, 'closed', v_closed);
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Conversations: the messages of a match that ended (declined, stopped or closed) more than a year
-- ago are deleted; the match itself (who, when, outcome) stays for both parties' history and the
-- wijk's figures. A conversation with a message whose report is still open stays whole (the worker
-- reads it for context) until the report is handled.

create function public.retention_help_messages(p_slot timestamptz) returns jsonb
language sql security definer set search_path = ''
as $$
  with gone as (
    delete from public.help_messages hm
     using public.help_matches m
     where hm.match_id = m.id
       and m.status in ('afgewezen', 'gestopt', 'afgesloten')
       and m.closed_at <= p_slot - interval '1 year'
       and not exists (select 1 from public.reports r join public.help_messages other on r.subject_id = other.id::text
                        where r.subject_type = 'help_message' and other.match_id = m.id and r.status <> 'afgehandeld')
    returning hm.match_id)
  select jsonb_build_object('messages', count(*), 'matches', count(distinct match_id)) from gone
$$;

-- ---------------------------------------------------------------------------------------------------
-- Accounts whose address was never confirmed are removed 30 days after registration, with what
-- belongs only to the account (profile, contact details, sessions, tokens, notifications, settings).
-- Such an account cannot act (app.verified_only), but can write a few things (a help post, a concept
-- initiative, a report): an account that any other row refers to is left alone and counted as
-- skipped, so nothing someone else may depend on disappears silently. The check reads the foreign
-- keys from the catalog, so a table added later counts as content until it is listed here.

create function public.retention_unconfirmed_accounts(p_slot timestamptz) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_own constant regclass[] := array['public.profiles', 'public.profile_private', 'public.sessions', 'public.auth_tokens',
    'public.notifications', 'public.notification_preferences', 'public.calendar_feeds', 'public.huisregels_acceptaties']::regclass[];
  r record;
  fk record;
  v_used boolean;
  v_removed integer := 0;
  v_skipped uuid[] := '{}';
begin
  for r in
    select u.id from public.users u
     where u.email_verified_at is null and u.created_at <= p_slot - interval '30 days'
     order by u.created_at
     for update skip locked
  loop
    v_used := false;
    for fk in
      select c.conrelid::regclass as tbl, a.attname as col
        from pg_catalog.pg_constraint c
        join pg_catalog.pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       where c.contype = 'f' and c.confrelid in ('public.users'::regclass, 'public.profiles'::regclass)
         and not (c.conrelid = any (v_own))
    loop
      execute format('select exists (select 1 from %s where %I = $1)', fk.tbl, fk.col) into v_used using r.id;
      exit when v_used;
    end loop;
    if v_used then
      v_skipped := v_skipped || r.id;
      continue;
    end if;
    begin
      delete from public.users where id = r.id;
      v_removed := v_removed + 1;
    exception when others then
      -- Something refused (a trigger of a later change): keep the account, say so, go on.
      v_skipped := v_skipped || r.id;
    end;
  end loop;
  return jsonb_build_object('removed', v_removed, 'skipped', to_jsonb(v_skipped));
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Sessions that ended (past their absolute lifetime of 30 days, or 7 days without use, as
-- src/lib/server/auth/session.ts decides), one-time tokens past their expiry (used or not), and the
-- counters of log-in, registration and reset attempts once their window is a day old. And the copy of
-- every mail in the outbox 30 days after it was written: by then it was sent, or its mail.send job
-- (12 attempts, an hour apart at most) gave up long ago; a row being sent right now is left alone.

create function public.retention_purge_expired(p_slot timestamptz) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  v_sessions integer;
  v_tokens integer;
  v_limits integer;
  v_mails integer;
begin
  delete from public.sessions where expires_at <= p_slot or last_active_at <= p_slot - interval '7 days';
  get diagnostics v_sessions = row_count;
  delete from public.auth_tokens where expires_at <= p_slot;
  get diagnostics v_tokens = row_count;
  delete from public.rate_limits where window_start <= p_slot - interval '1 day';
  get diagnostics v_limits = row_count;
  delete from public.email_outbox where created_at <= p_slot - interval '30 days' and sending_by is null;
  get diagnostics v_mails = row_count;
  return jsonb_build_object('sessions', v_sessions, 'tokens', v_tokens, 'rate_limits', v_limits, 'mails', v_mails);
end
$$;

revoke execute on function public.retention_help_posts, public.retention_help_messages,
  public.retention_unconfirmed_accounts, public.retention_purge_expired from public, anon, authenticated;
grant execute on function public.retention_help_posts, public.retention_help_messages,
  public.retention_unconfirmed_accounts, public.retention_purge_expired to service_role;
grant execute on all functions in schema app to anon, authenticated, service_role;
