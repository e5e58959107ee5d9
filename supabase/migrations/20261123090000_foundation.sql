-- Foundation: areas (CBS codes), accounts, profiles, sessions, mail outbox, rate limits, roles and the
-- helpers every policy uses. Access is decided here; the app only reflects it.

create schema if not exists app;
grant usage on schema app to anon, authenticated, service_role;

-- ---------------------------------------------------------------------------------------------------
-- Helpers. request.jwt.claims is set by PostgREST from the JWT the app signs per request.

create function app.uid() returns uuid
language sql stable
as $$ select nullif(nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub', '')::uuid $$;

-- ---------------------------------------------------------------------------------------------------
-- Areas

create table public.gemeenten (
  code text primary key check (code ~ '^GM[0-9]{4}$'),
  naam text not null
);

create table public.wijken (
  code text primary key check (code ~ '^WK[0-9]{6}$'),
  gemeente_code text not null references public.gemeenten,
  naam text not null,
  outline jsonb
);
create index on public.wijken (gemeente_code);

create table public.buurten (
  code text primary key check (code ~ '^BU[0-9]{8}$'),
  wijk_code text not null references public.wijken,
  naam text not null,
  lat double precision not null check (lat between 50.7 and 53.6),
  lng double precision not null check (lng between 3.3 and 7.3),
  outline jsonb
);
create index on public.buurten (wijk_code);

alter table public.gemeenten enable row level security;
alter table public.wijken enable row level security;
alter table public.buurten enable row level security;
revoke all on public.gemeenten, public.wijken, public.buurten from anon, authenticated;
grant select on public.gemeenten, public.wijken, public.buurten to anon, authenticated;
-- Everyone, visitors too, may read the areas: they are public CBS data.
create policy gemeenten_read on public.gemeenten for select to anon, authenticated using (true);
create policy wijken_read on public.wijken for select to anon, authenticated using (true);
create policy buurten_read on public.buurten for select to anon, authenticated using (true);

-- ---------------------------------------------------------------------------------------------------
-- Accounts and profiles

create type public.app_role as enum ('bewoner', 'opbouwwerker', 'coordinator', 'admin');

create table public.users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) <= 254 and email like '%_@_%'),
  email_verified_at timestamptz,
  password_hash text not null,
  password_changed_at timestamptz not null default now(),
  blocked_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index users_email_key on public.users (email);

create table public.profiles (
  id uuid primary key references public.users on delete cascade,
  display_name text not null check (length(display_name) between 1 and 60),
  buurt_code text not null references public.buurten,
  role public.app_role not null default 'bewoner',
  interests text[] not null default '{}' check (cardinality(interests) <= 20),
  talents text[] not null default '{}' check (cardinality(talents) <= 20),
  interests_other text not null default '' check (length(interests_other) <= 200),
  talents_other text not null default '' check (length(talents_other) <= 200),
  availability text[] not null default '{}'
    check (availability <@ array[
      'ma-ochtend','ma-middag','ma-avond','di-ochtend','di-middag','di-avond','wo-ochtend','wo-middag','wo-avond',
      'do-ochtend','do-middag','do-avond','vr-ochtend','vr-middag','vr-avond','za-ochtend','za-middag','za-avond',
      'zo-ochtend','zo-middag','zo-avond']),
  about text not null default '' check (length(about) <= 1000),
  locale text not null default 'nl' check (locale in ('nl', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index on public.profiles (buurt_code);
create index on public.profiles (role) where role <> 'bewoner';

-- Private contact details, kept apart so that no row policy on profiles can leak them.
create table public.profile_private (
  user_id uuid primary key references public.users on delete cascade,
  phone text not null default '' check (phone ~ '^(\+?[0-9 ()-]{6,20})?$'),
  address text not null default '' check (length(address) <= 200)
);

create table public.tags (
  code text primary key check (code ~ '^[a-z-]{2,30}$')
);
alter table public.tags enable row level security;
revoke all on public.tags from anon, authenticated;
grant select on public.tags to anon, authenticated;
-- The fixed list of interests and talents is public.
create policy tags_read on public.tags for select to anon, authenticated using (true);
insert into public.tags (code) values
  ('tuinieren'), ('koken'), ('muziek'), ('sport'), ('lezen'), ('techniek'), ('klussen'), ('handwerk'),
  ('computers'), ('talen'), ('kinderen'), ('dieren'), ('wandelen'), ('fietsen'), ('kunst'),
  ('spelletjes'), ('administratie'), ('natuur');

create function app.check_profile_tags() returns trigger
language plpgsql
as $$
begin
  if exists (select 1 from unnest(new.interests || new.talents) t where t not in (select code from public.tags)) then
    raise exception 'onbekende interesse of talent' using errcode = '23514';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger profiles_tags before insert or update on public.profiles
  for each row execute function app.check_profile_tags();

-- Workers and coordinators

create table public.worker_wijken (
  user_id uuid not null references public.profiles on delete cascade,
  wijk_code text not null references public.wijken,
  primary key (user_id, wijk_code)
);
create index on public.worker_wijken (wijk_code);

create table public.coordinators (
  user_id uuid primary key references public.profiles on delete cascade,
  gemeente_code text not null references public.gemeenten
);

create function app.role() returns public.app_role
language sql stable security definer set search_path = ''
as $$ select role from public.profiles where id = app.uid() $$;

-- True when the current user is an opbouwwerker of this wijk, the coordinator of its gemeente, or admin.
create function app.works_in_wijk(p_wijk text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.worker_wijken w where w.user_id = app.uid() and w.wijk_code = p_wijk)
      or exists (select 1 from public.coordinators c join public.wijken wk on wk.gemeente_code = c.gemeente_code
                 where c.user_id = app.uid() and wk.code = p_wijk)
      or coalesce(app.role() = 'admin', false)
$$;

create function app.works_in_buurt(p_buurt text) returns boolean
language sql stable security definer set search_path = ''
as $$ select app.works_in_wijk((select wijk_code from public.buurten where code = p_buurt)) $$;

-- True when the current user works in the buurt where this user lives.
create function app.works_for(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select app.works_in_buurt((select buurt_code from public.profiles where id = p_user)) $$;

create function app.is_staff() returns boolean
language sql stable
as $$ select coalesce(app.role() in ('opbouwwerker', 'coordinator', 'admin'), false) $$;

grant execute on all functions in schema app to anon, authenticated, service_role;

alter table public.users enable row level security;
alter table public.profiles enable row level security;
alter table public.profile_private enable row level security;
alter table public.worker_wijken enable row level security;
alter table public.coordinators enable row level security;
revoke all on public.users, public.profiles, public.profile_private, public.worker_wijken, public.coordinators
  from anon, authenticated;

-- The password hash is never granted to anyone but the service role.
grant select (id, email, email_verified_at, created_at) on public.users to authenticated;
-- A user reads their own e-mail address; workers read it for residents of their wijken.
create policy users_read on public.users for select to authenticated
  using (id = (select app.uid()) or app.works_for(id));

grant select on public.profiles to authenticated;
grant update (display_name, buurt_code, interests, talents, interests_other, talents_other, availability, about, locale)
  on public.profiles to authenticated;
-- Logged-in users see each other's public profile (name, buurt, interests); visitors see none.
create policy profiles_read on public.profiles for select to authenticated using (true);
-- A user edits their own profile; the role column is not granted, so nobody promotes themselves.
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select app.uid())) with check (id = (select app.uid()));

grant select, insert, update on public.profile_private to authenticated;
-- A user reads and edits their own contact details; workers of their wijk may read them.
create policy profile_private_read on public.profile_private for select to authenticated
  using (user_id = (select app.uid()) or app.works_for(user_id));
create policy profile_private_insert on public.profile_private for insert to authenticated
  with check (user_id = (select app.uid()));
create policy profile_private_update on public.profile_private for update to authenticated
  using (user_id = (select app.uid())) with check (user_id = (select app.uid()));

grant select on public.worker_wijken, public.coordinators to authenticated;
-- Who works where is public to logged-in users (residents see who their opbouwwerker is).
create policy worker_wijken_read on public.worker_wijken for select to authenticated using (true);
create policy coordinators_read on public.coordinators for select to authenticated using (true);

-- ---------------------------------------------------------------------------------------------------
-- Sessions (Lucia's guide): the token is id.secret; only SHA-256 of the secret is stored.

create table public.sessions (
  id text primary key check (length(id) between 16 and 64),
  user_id uuid not null references public.users on delete cascade,
  secret_hash bytea not null,
  created_at timestamptz not null default now(),
  last_active_at timestamptz not null default now(),
  expires_at timestamptz not null,
  user_agent text not null default '' check (length(user_agent) <= 300)
);
create index on public.sessions (user_id);
alter table public.sessions enable row level security;
revoke all on public.sessions from anon, authenticated;
grant select (id, user_id, created_at, last_active_at, expires_at, user_agent) on public.sessions to authenticated;
grant delete on public.sessions to authenticated;
-- A user sees and ends their own sessions; the secret hash is never granted.
create policy sessions_read on public.sessions for select to authenticated using (user_id = (select app.uid()));
create policy sessions_delete on public.sessions for delete to authenticated using (user_id = (select app.uid()));

-- One-time tokens for e-mail verification and password reset; only their hash is stored.
create table public.auth_tokens (
  token_hash bytea primary key,
  user_id uuid not null references public.users on delete cascade,
  kind text not null check (kind in ('verify_email', 'reset_password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index on public.auth_tokens (user_id);
alter table public.auth_tokens enable row level security;
revoke all on public.auth_tokens from anon, authenticated;

-- Mail waits here; the app sends it by SMTP when configured, otherwise developers read it locally.
create table public.email_outbox (
  id bigint generated always as identity primary key,
  to_address text not null,
  subject text not null,
  body_text text not null,
  kind text not null,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  last_error text
);
alter table public.email_outbox enable row level security;
revoke all on public.email_outbox from anon, authenticated;

-- Fixed-window counters for log-in, registration and reset attempts.
create table public.rate_limits (
  bucket text not null,
  key text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket, key, window_start)
);
alter table public.rate_limits enable row level security;
revoke all on public.rate_limits from anon, authenticated;

-- Counts one attempt; returns 0 when it is allowed, else the seconds until the window ends.
create function public.rate_limit_hit(p_bucket text, p_key text, p_limit integer, p_window_seconds integer)
returns integer
language plpgsql
as $$
declare
  v_start timestamptz := to_timestamp(floor(extract(epoch from now()) / p_window_seconds) * p_window_seconds);
  v_hits integer;
begin
  insert into public.rate_limits as r (bucket, key, window_start, hits) values (p_bucket, p_key, v_start, 1)
  on conflict (bucket, key, window_start) do update set hits = r.hits + 1
  returning hits into v_hits;
  if v_hits <= p_limit then
    return 0;
  end if;
  return greatest(1, ceil(extract(epoch from (v_start + make_interval(secs => p_window_seconds) - now())))::integer);
end
$$;
revoke execute on function public.rate_limit_hit from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Audit log: every decision by a worker or coordinator, written by the functions that make it.

create table public.audit_log (
  id bigint generated always as identity primary key,
  actor_id uuid references public.profiles on delete set null,
  action text not null,
  subject_type text not null,
  subject_id text not null,
  wijk_code text references public.wijken,
  reason text not null default '',
  details jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index on public.audit_log (subject_type, subject_id);
alter table public.audit_log enable row level security;
revoke all on public.audit_log from anon, authenticated;
grant select on public.audit_log to authenticated;
-- Workers read the audit log of their wijken; coordinators of their gemeente; entries without a wijk
-- (role changes) are read by coordinators and admins.
create policy audit_log_read on public.audit_log for select to authenticated
  using (case when wijk_code is null then app.role() in ('coordinator', 'admin') else app.works_in_wijk(wijk_code) end);

-- A coordinator makes a resident opbouwwerker for some wijken of their own gemeente (or, with an empty
-- list, takes that back). Security definer because the role column is granted to nobody.
create function public.set_worker_wijken(p_user uuid, p_wijken text[])
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
  insert into public.audit_log (actor_id, action, subject_type, subject_id, details)
  values (app.uid(), 'set_worker_wijken', 'profile', p_user::text, jsonb_build_object('wijken', to_jsonb(p_wijken)));
end
$$;
revoke execute on function public.set_worker_wijken from public, anon;
grant execute on function public.set_worker_wijken to authenticated;

grant all on all tables in schema public to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
