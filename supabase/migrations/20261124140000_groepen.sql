-- Bewonersgroepen: residents organise together (a bewonerscommissie, a buurtpreventieteam, the
-- volunteers of a buurthuis), an opbouwwerker of the wijk facilitates them toward running themselves.
-- A resident proposes a group and the workers of the wijk decide on it, as for initiatives (nobody on
-- their own); a worker can also start one and invite residents. Members have a role (trekker or lid),
-- meet (agenda, attendance, minutes with besluiten and actiepunten), and talk on a board that trekkers
-- moderate. The facilitator keeps an internal coaching log and moves the group through its stages
-- (opstart → samen op weg → zelfstandig). Every write goes through a function below (one transaction
-- each, security definer with its checks written out); triggers keep the state moves legal whoever
-- writes, and every decision is in the audit log.

create table public.groepen (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 3 and 80),
  purpose text not null check (length(purpose) between 20 and 3000),
  kind text not null check (kind in ('bewonerscommissie', 'buurtpreventieteam', 'vrijwilligers', 'thema_groep', 'anders')),
  themes text[] not null check (cardinality(themes) between 1 and 7 and themes <@ array[
    'armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid']),
  -- A group is for one buurt, or (without a buurt) for the whole wijk.
  buurt_code text references public.buurten,
  wijk_code text not null references public.wijken,
  gemeente_code text not null references public.gemeenten,
  -- Anyone may join an open group at once; "op verzoek" asks one question, a trekker decides.
  join_mode text not null default 'open' check (join_mode in ('open', 'op_verzoek')),
  join_question text not null default '' check (length(join_question) <= 300),
  -- An "openbaar" group's page is public; a "leden" group is read by its members and the workers of
  -- the wijk only, and takes new members by invitation.
  visibility text not null default 'openbaar' check (visibility in ('openbaar', 'leden')),
  status text not null default 'ingediend' check (status in ('ingediend', 'aanpassing_gevraagd', 'gepubliceerd', 'afgewezen')),
  stage text not null default 'opstart' check (stage in ('opstart', 'samen_op_weg', 'zelfstandig')),
  opstart_at timestamptz,
  samen_op_weg_at timestamptz,
  zelfstandig_at timestamptz,
  created_by uuid references public.profiles on delete set null,
  claimed_by uuid references public.profiles on delete set null,
  facilitator_id uuid references public.profiles on delete set null,
  member_count integer not null default 0 check (member_count >= 0),
  last_activity_at timestamptz,
  -- The group's photo, added with the shared photo piece (src/lib/photos): the photo's id and the
  -- text that describes it, written by the group.
  photo_id uuid,
  photo_alt text not null default '' check (length(photo_alt) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  published_at timestamptz,
  search tsvector generated always as (to_tsvector('dutch', name || ' ' || purpose)) stored,
  summary text generated always as (left(purpose, 200)) stored,
  check (join_mode = 'open' or length(join_question) >= 5),
  check (status <> 'gepubliceerd' or published_at is not null)
);
comment on column public.groepen.wijk_code is 'Set by trigger from buurt_code when the group has a buurt.';
comment on column public.groepen.gemeente_code is 'Set by trigger from wijk_code.';
comment on column public.groepen.opstart_at is 'Set by trigger: when the group reached this stage.';
comment on column public.groepen.samen_op_weg_at is 'Set by trigger: when the group reached this stage.';
comment on column public.groepen.zelfstandig_at is 'Set by trigger: when the group reached this stage.';
comment on column public.groepen.member_count is 'Set by trigger from groep_leden.';
comment on column public.groepen.last_activity_at is 'Set by trigger: the latest of publication, board post and meeting (planned ones count).';
create index groepen_published on public.groepen (published_at desc, id) where status = 'gepubliceerd';
create index groepen_queue on public.groepen (wijk_code, status);
create index groepen_quiet on public.groepen (last_activity_at) where status = 'gepubliceerd';
create index on public.groepen (facilitator_id);
create index on public.groepen (created_by);
create index on public.groepen using gin (search);
create index on public.groepen using gin (themes);

create table public.groep_leden (
  groep_id uuid not null references public.groepen on delete cascade,
  user_id uuid not null references public.profiles on delete cascade,
  role text not null default 'lid' check (role in ('trekker', 'lid')),
  joined_at timestamptz not null default now(),
  primary key (groep_id, user_id)
);
create index on public.groep_leden (user_id);

-- How a member can be reached, for the group: only when they chose to share it, and apart from the
-- member row so that no policy on that row can leak it.
create table public.groep_contacten (
  groep_id uuid not null,
  user_id uuid not null,
  contact text not null check (length(contact) between 3 and 200),
  primary key (groep_id, user_id),
  foreign key (groep_id, user_id) references public.groep_leden on delete cascade
);

-- A request to join a group "op verzoek", with the answer to its question.
create table public.groep_verzoeken (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  user_id uuid not null references public.profiles on delete cascade,
  answer text not null check (length(answer) between 2 and 1000),
  -- What the person shares with the group once they are in (empty: nothing).
  contact text not null default '' check (length(contact) <= 200),
  status text not null default 'open' check (status in ('open', 'goedgekeurd', 'afgewezen', 'ingetrokken')),
  decided_by uuid references public.profiles on delete set null,
  reason text not null default '' check (length(reason) <= 500),
  created_at timestamptz not null default now(),
  decided_at timestamptz
);
create unique index groep_verzoeken_open on public.groep_verzoeken (groep_id, user_id) where status = 'open';
create index on public.groep_verzoeken (user_id);

-- A worker of the wijk invites a resident (by the e-mail address of their account) as lid or trekker.
create table public.groep_uitnodigingen (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  user_id uuid not null references public.profiles on delete cascade,
  role text not null default 'lid' check (role in ('trekker', 'lid')),
  invited_by uuid references public.profiles on delete set null,
  status text not null default 'open' check (status in ('open', 'aangenomen', 'afgeslagen')),
  created_at timestamptz not null default now(),
  answered_at timestamptz
);
create unique index groep_uitnodigingen_open on public.groep_uitnodigingen (groep_id, user_id) where status = 'open';
create index on public.groep_uitnodigingen (user_id);

-- The workers' decisions on a proposed group, with their message to whoever proposed it (not public).
create table public.groep_beslissingen (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  decided_by uuid references public.profiles on delete set null,
  decision text not null check (decision in ('gepubliceerd', 'aanpassing_gevraagd', 'afgewezen')),
  message text not null default '' check (length(message) <= 2000),
  created_at timestamptz not null default now()
);
create index on public.groep_beslissingen (groep_id, id desc);

-- The coaching log: internal, for the workers of the wijk only.
create table public.groep_notities (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  author_id uuid references public.profiles on delete set null,
  body text not null check (length(body) between 2 and 3000),
  created_at timestamptz not null default now()
);
create index on public.groep_notities (groep_id, created_at desc);

-- Meetings. A "ronde" is a buurtpreventieteam's walk: its attendance is the rooster (who walks when).
create table public.groep_bijeenkomsten (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  kind text not null default 'vergadering' check (kind in ('vergadering', 'activiteit', 'ronde')),
  title text not null check (length(title) between 3 and 120),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  place_kind text not null default 'adres' check (place_kind in ('adres', 'buurthuis')),
  place text not null check (length(place) between 2 and 200),
  agenda text not null default '' check (length(agenda) <= 3000),
  created_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  cancel_reason text not null default '' check (length(cancel_reason) <= 500),
  coming integer not null default 0 check (coming >= 0),
  check (ends_at > starts_at and ends_at <= starts_at + interval '24 hours'),
  check (cancelled_at is null or length(cancel_reason) > 0)
);
comment on column public.groep_bijeenkomsten.coming is 'Set by trigger: how many members said they come.';
create index on public.groep_bijeenkomsten (groep_id, starts_at);
create index groep_bijeenkomsten_day on public.groep_bijeenkomsten (starts_at) where cancelled_at is null;

create table public.groep_aanwezigheid (
  bijeenkomst_id bigint not null references public.groep_bijeenkomsten on delete cascade,
  user_id uuid not null references public.profiles on delete cascade,
  answer text not null check (answer in ('ja', 'nee')),
  updated_at timestamptz not null default now(),
  primary key (bijeenkomst_id, user_id)
);
create index on public.groep_aanwezigheid (user_id);

-- The minutes of a meeting: what was said, then besluiten and actiepunten apart.
create table public.groep_verslagen (
  bijeenkomst_id bigint primary key references public.groep_bijeenkomsten on delete cascade,
  body text not null default '' check (length(body) <= 5000),
  written_by uuid references public.profiles on delete set null,
  written_at timestamptz not null default now()
);

create table public.groep_besluiten (
  id bigint generated always as identity primary key,
  bijeenkomst_id bigint not null references public.groep_bijeenkomsten on delete cascade,
  body text not null check (length(body) between 2 and 500)
);
create index on public.groep_besluiten (bijeenkomst_id);

create table public.groep_actiepunten (
  id bigint generated always as identity primary key,
  bijeenkomst_id bigint not null references public.groep_bijeenkomsten on delete cascade,
  groep_id uuid not null references public.groepen on delete cascade,
  body text not null check (length(body) between 2 and 300),
  -- Required when written (the trigger refuses an actiepunt without owner); emptied only when the
  -- owner's account is erased, so the group keeps its history.
  owner_id uuid references public.profiles on delete set null,
  due_on date not null,
  done_at timestamptz,
  done_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now()
);
create index on public.groep_actiepunten (groep_id, done_at);
create index on public.groep_actiepunten (owner_id) where done_at is null;
create index groep_actiepunten_due on public.groep_actiepunten (due_on) where done_at is null;

-- The members' board: posts and replies (one level).
create table public.groep_berichten (
  id bigint generated always as identity primary key,
  groep_id uuid not null references public.groepen on delete cascade,
  parent_id bigint references public.groep_berichten on delete cascade,
  author_id uuid references public.profiles on delete set null,
  body text not null check (length(body) between 2 and 3000),
  created_at timestamptz not null default now(),
  hidden_at timestamptz,
  hidden_by uuid references public.profiles on delete set null,
  hidden_reason text not null default '' check (length(hidden_reason) <= 500),
  check (hidden_at is null or length(hidden_reason) > 0)
);
create index on public.groep_berichten (groep_id, created_at desc);
create index on public.groep_berichten (parent_id);

-- ---------------------------------------------------------------------------------------------------
-- Helpers for the policies and functions (security definer: they read rows the caller may not see,
-- and answer yes or no).

create function app.groep_wijk(p_id uuid) returns text
language sql stable security definer set search_path = ''
as $$ select wijk_code from public.groepen where id = p_id $$;

-- Workers of the group's wijk (and its coordinator, admins).
create function app.works_on_groep(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce(app.works_in_wijk(app.groep_wijk(p_id)), false) $$;

create function app.groep_member(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.groep_leden where groep_id = p_id and user_id = app.uid()) $$;

create function app.groep_trekker(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.groep_leden where groep_id = p_id and user_id = app.uid() and role = 'trekker') $$;

-- Members and the facilitator: who reads the board, the minutes and the attendance.
create function app.groep_insider(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select app.groep_member(p_id)
      or exists (select 1 from public.groepen where id = p_id and facilitator_id = app.uid())
$$;

-- Who runs the group: its trekkers, and the facilitator until the group is zelfstandig (then the
-- worker steps back and only reads).
create function app.groep_leads(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select app.groep_trekker(p_id)
      or exists (select 1 from public.groepen where id = p_id and facilitator_id = app.uid() and stage <> 'zelfstandig')
$$;

create function app.groep_published(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.groepen where id = p_id and status = 'gepubliceerd') $$;

create function app.groep_invited(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.groep_uitnodigingen where groep_id = p_id and user_id = app.uid() and status = 'open') $$;

-- The groups the current user belongs to or is invited to, and the wijken they work in, as sets: a
-- list policy tests each row against them (one hashed lookup per query) instead of calling a function
-- per row.
create function app.my_groepen() returns setof uuid
language sql stable security definer set search_path = ''
as $$
  select groep_id from public.groep_leden where user_id = app.uid()
  union
  select groep_id from public.groep_uitnodigingen where user_id = app.uid() and status = 'open'
$$;

create function app.my_work_wijken() returns setof text
language sql stable security definer set search_path = ''
as $$
  select wijk_code from public.worker_wijken where user_id = app.uid()
  union
  select w.code from public.coordinators c join public.wijken w on w.gemeente_code = c.gemeente_code where c.user_id = app.uid()
  union
  select code from public.wijken where app.role() = 'admin'
$$;

-- Whether the current user may read the group's page: a published public group (everyone), a
-- published members-only one (members, invited residents), and every group in any state to whoever
-- proposed it, its facilitator and the workers of its wijk.
create function app.groep_readable(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.groepen g
     where g.id = p_id
       and ((g.status = 'gepubliceerd' and (g.visibility = 'openbaar' or app.groep_member(g.id) or app.groep_invited(g.id)))
            or (app.uid() is not null and (g.created_by = app.uid() or g.facilitator_id = app.uid() or app.works_in_wijk(g.wijk_code)))))
$$;

-- The group's latest sign of life: publication, a board post, a meeting (a planned one counts, so a
-- group with a date ahead is not quiet).
create function app.groep_touch(p_id uuid) returns void
language sql security definer set search_path = ''
as $$
  update public.groepen g set last_activity_at = (
    select max(t) from (
      select g.published_at as t
      union all select max(b.created_at) from public.groep_berichten b where b.groep_id = g.id
      union all select max(m.starts_at) from public.groep_bijeenkomsten m where m.groep_id = g.id and m.cancelled_at is null) x)
   where g.id = p_id
$$;

-- ---------------------------------------------------------------------------------------------------
-- State machines, enforced for every writer.

create function app.groep_guard() returns trigger
language plpgsql
as $$
declare
  v_order text[] := array['opstart', 'samen_op_weg', 'zelfstandig'];
  v_step integer;
begin
  if tg_op = 'INSERT' then
    if new.status not in ('ingediend', 'gepubliceerd') then
      raise exception 'Een nieuwe groep is ingediend of (door een opbouwwerker gestart) gepubliceerd' using errcode = '55000';
    end if;
    new.stage := 'opstart';
    new.opstart_at := case when new.status = 'gepubliceerd' then now() end;
    new.samen_op_weg_at := null;
    new.zelfstandig_at := null;
    new.member_count := 0;
  end if;
  if new.buurt_code is not null then
    select b.wijk_code into new.wijk_code from public.buurten b where b.code = new.buurt_code;
  end if;
  select w.gemeente_code into new.gemeente_code from public.wijken w where w.code = new.wijk_code;
  if tg_op = 'UPDATE' then
    if new.status is distinct from old.status and (old.status, new.status) not in (
         ('ingediend', 'gepubliceerd'), ('ingediend', 'aanpassing_gevraagd'), ('ingediend', 'afgewezen'),
         ('aanpassing_gevraagd', 'ingediend')) then
      raise exception 'Dit kan niet: van % naar %', old.status, new.status using errcode = '55000';
    end if;
    if (new.buurt_code, new.wijk_code) is distinct from (old.buurt_code, old.wijk_code) and old.status = 'gepubliceerd' then
      raise exception 'De buurt of wijk van een gepubliceerde groep verandert niet' using errcode = '55000';
    end if;
    if (new.created_by, new.created_at) is distinct from (old.created_by, old.created_at) and new.created_by is not null then
      raise exception 'Wie de groep voorstelde verandert niet' using errcode = '55000';
    end if;
    if new.stage is distinct from old.stage then
      if new.status <> 'gepubliceerd' then
        raise exception 'Alleen een gepubliceerde groep heeft een fase' using errcode = '55000';
      end if;
      v_step := array_position(v_order, new.stage) - array_position(v_order, old.stage);
      if abs(v_step) <> 1 then
        raise exception 'Een groep gaat een fase vooruit of terug' using errcode = '55000';
      end if;
      -- The date each stage was reached; going back forgets the later one.
      if new.stage = 'samen_op_weg' then
        new.samen_op_weg_at := case when v_step > 0 then now() else old.samen_op_weg_at end;
        new.zelfstandig_at := null;
      elsif new.stage = 'zelfstandig' then
        new.zelfstandig_at := now();
      else
        new.samen_op_weg_at := null;
        new.zelfstandig_at := null;
      end if;
    else
      new.opstart_at := old.opstart_at;
      new.samen_op_weg_at := old.samen_op_weg_at;
      new.zelfstandig_at := old.zelfstandig_at;
    end if;
    if new.status = 'ingediend' and old.status <> 'ingediend' then
      new.submitted_at := now();
    end if;
    if new.status = 'gepubliceerd' and old.status <> 'gepubliceerd' then
      new.published_at := now();
      new.opstart_at := now();
      new.last_activity_at := now();
    end if;
  else
    new.submitted_at := now();
    if new.status = 'gepubliceerd' then
      new.published_at := now();
      new.last_activity_at := now();
    end if;
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger groepen_guard before insert or update on public.groepen
  for each row execute function app.groep_guard();

-- A group keeps at least one trekker while it has members: the last one names another before they
-- leave or step down, and nobody removes them. (When a trekker's account is erased, the group keeps
-- going without one; the facilitator names a new trekker.)
create function app.groep_keep_trekker() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if old.role = 'trekker'
     and exists (select 1 from public.profiles where id = old.user_id)
     and exists (select 1 from public.groep_leden where groep_id = old.groep_id)
     and not exists (select 1 from public.groep_leden where groep_id = old.groep_id and role = 'trekker') then
    raise exception 'Een groep houdt minstens één trekker: wijs eerst een andere trekker aan'
      using errcode = '23514', hint = 'groep_last_trekker';
  end if;
  return null;
end
$$;
create trigger groep_leden_keep_trekker after delete or update of role on public.groep_leden
  for each row execute function app.groep_keep_trekker();

create function app.groep_count_members() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_groep uuid := coalesce(new.groep_id, old.groep_id);
begin
  update public.groepen set member_count = (select count(*) from public.groep_leden where groep_id = v_groep)
   where id = v_groep;
  return null;
end
$$;
create trigger groep_leden_count after insert or delete on public.groep_leden
  for each row execute function app.groep_count_members();

-- A meeting: never in the past when planned, a ronde only for a buurtpreventieteam; the attendance
-- count follows the answers.
create function app.groep_meeting_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.starts_at is distinct from old.starts_at then
    if new.starts_at <= now() then
      raise exception 'Een bijeenkomst plan je vooruit, niet in het verleden' using errcode = '23514', hint = 'groep_meeting_past';
    end if;
  end if;
  if new.kind = 'ronde' and not exists (select 1 from public.groepen where id = new.groep_id and kind = 'buurtpreventieteam') then
    raise exception 'Een ronde hoort bij een buurtpreventieteam' using errcode = '23514', hint = 'groep_ronde';
  end if;
  if tg_op = 'UPDATE' and old.cancelled_at is not null and new.cancelled_at is null then
    raise exception 'Een afgezegde bijeenkomst blijft afgezegd' using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger groep_bijeenkomsten_guard before insert or update on public.groep_bijeenkomsten
  for each row execute function app.groep_meeting_guard();

create function app.groep_meeting_touch() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.groep_touch(new.groep_id);
  return null;
end
$$;
create trigger groep_bijeenkomsten_touch after insert or update of starts_at, cancelled_at on public.groep_bijeenkomsten
  for each row execute function app.groep_meeting_touch();
create trigger groep_berichten_touch after insert on public.groep_berichten
  for each row execute function app.groep_meeting_touch();

create function app.groep_count_coming() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint := coalesce(new.bijeenkomst_id, old.bijeenkomst_id);
begin
  update public.groep_bijeenkomsten
     set coming = (select count(*) from public.groep_aanwezigheid where bijeenkomst_id = v_id and answer = 'ja')
   where id = v_id;
  return null;
end
$$;
create trigger groep_aanwezigheid_count after insert or update or delete on public.groep_aanwezigheid
  for each row execute function app.groep_count_coming();

-- An actiepunt has an owner who is a member of the group, and a due date.
create function app.groep_actiepunt_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.owner_id is null then
    raise exception 'Een actiepunt heeft een eigenaar' using errcode = '23514', hint = 'groep_actiepunt_owner';
  end if;
  if not exists (select 1 from public.groep_leden where groep_id = new.groep_id and user_id = new.owner_id)
     and not exists (select 1 from public.groepen where id = new.groep_id and facilitator_id = new.owner_id) then
    raise exception 'De eigenaar van een actiepunt is lid van de groep' using errcode = '23514', hint = 'groep_actiepunt_owner';
  end if;
  return new;
end
$$;
create trigger groep_actiepunten_guard before insert or update of owner_id on public.groep_actiepunten
  for each row when (new.owner_id is not null or pg_trigger_depth() = 0)
  execute function app.groep_actiepunt_guard();

-- Unconfirmed accounts read but do not act (as everywhere, issue 9).
create trigger groep_leden_verified before insert on public.groep_leden
  for each row execute function app.verified_only();
create trigger groep_verzoeken_verified before insert on public.groep_verzoeken
  for each row execute function app.verified_only();
create trigger groep_berichten_verified before insert on public.groep_berichten
  for each row execute function app.verified_only();
create trigger groep_aanwezigheid_verified before insert on public.groep_aanwezigheid
  for each row execute function app.verified_only();

-- ---------------------------------------------------------------------------------------------------
-- Starting and deciding on a group

-- Checks the fields every writer of a group's text must respect, with a reason a person can read.
create function app.groep_check_fields(p_join_mode text, p_join_question text) returns void
language plpgsql immutable
as $$
begin
  if p_join_mode = 'op_verzoek' and length(trim(coalesce(p_join_question, ''))) < 5 then
    raise exception 'Een groep op verzoek stelt één vraag aan wie wil meedoen' using errcode = '23514', hint = 'groep_question';
  end if;
end
$$;

-- A resident proposes a group (they become its first trekker; workers of the wijk decide on it); a
-- worker of the wijk starts one for residents (it is online at once, they facilitate it and invite
-- residents). Returns the id.
create function public.start_groep(
  p_name text, p_purpose text, p_kind text, p_themes text[], p_buurt_code text, p_wijk_code text,
  p_join_mode text, p_join_question text, p_visibility text
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_wijk text := coalesce((select wijk_code from public.buurten where code = p_buurt_code), p_wijk_code);
  v_worker boolean;
  v_row public.groepen;
begin
  if app.uid() is null then
    raise exception 'Log in om een groep te starten' using errcode = '42501';
  end if;
  if v_wijk is null or not exists (select 1 from public.wijken where code = v_wijk) then
    raise exception 'Kies een buurt of wijk' using errcode = '23503', hint = 'groep_area';
  end if;
  perform app.groep_check_fields(p_join_mode, p_join_question);
  v_worker := app.is_staff() and app.works_in_wijk(v_wijk);
  insert into public.groepen (name, purpose, kind, themes, buurt_code, wijk_code, join_mode, join_question, visibility,
                              status, created_by, facilitator_id, claimed_by)
  values (trim(p_name), trim(p_purpose), p_kind, p_themes, p_buurt_code, v_wijk, p_join_mode,
          case when p_join_mode = 'op_verzoek' then trim(p_join_question) else '' end, p_visibility,
          case when v_worker then 'gepubliceerd' else 'ingediend' end, app.uid(),
          case when v_worker then app.uid() end, case when v_worker then app.uid() end)
  returning * into v_row;
  if v_worker then
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'groep_gestart', 'groep', v_row.id::text, v_row.wijk_code);
  else
    insert into public.groep_leden (groep_id, user_id, role) values (v_row.id, app.uid(), 'trekker');
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'groep_ingediend', 'groep', v_row.id::text, v_row.wijk_code);
  end if;
  return v_row.id;
end
$$;

-- Whoever proposed a group changes it while it waits or was sent back (and so submits it again);
-- the trekkers and the facilitator change a published group's text and how to join (not its area).
create function public.update_groep(
  p_id uuid, p_name text, p_purpose text, p_kind text, p_themes text[], p_buurt_code text, p_wijk_code text,
  p_join_mode text, p_join_question text, p_visibility text
) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
begin
  select * into v_row from public.groepen where id = p_id for update;
  if v_row.id is null
     or not ((v_row.status in ('ingediend', 'aanpassing_gevraagd') and v_row.created_by = app.uid())
             or (v_row.status = 'gepubliceerd' and app.groep_leads(p_id))) then
    raise exception 'Alleen wie de groep voorstelde of leidt past haar aan' using errcode = '42501';
  end if;
  perform app.groep_check_fields(p_join_mode, p_join_question);
  update public.groepen
     set name = trim(p_name), purpose = trim(p_purpose), kind = p_kind, themes = p_themes,
         buurt_code = case when v_row.status = 'gepubliceerd' then buurt_code else p_buurt_code end,
         wijk_code = case when v_row.status = 'gepubliceerd' then wijk_code
                          else coalesce((select wijk_code from public.buurten where code = p_buurt_code), p_wijk_code) end,
         join_mode = p_join_mode,
         join_question = case when p_join_mode = 'op_verzoek' then trim(p_join_question) else '' end,
         visibility = p_visibility,
         status = case when v_row.status = 'aanpassing_gevraagd' then 'ingediend' else status end
   where id = p_id;
  if v_row.status = 'aanpassing_gevraagd' then
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'groep_ingediend', 'groep', p_id::text, v_row.wijk_code);
  end if;
end
$$;

-- Whoever proposed a group takes the proposal back while no worker has published it.
create function public.withdraw_groep(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.groepen
   where id = p_id and created_by = app.uid() and status in ('ingediend', 'aanpassing_gevraagd', 'afgewezen');
  if not found then
    raise exception 'Alleen je eigen voorstel dat nog niet gepubliceerd is, trek je in' using errcode = '42501';
  end if;
end
$$;

-- A worker of the wijk takes a proposed group in hand, so colleagues see who handles it.
create function public.claim_groep(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
begin
  select * into v_row from public.groepen where id = p_id for update;
  if v_row.id is null or not app.works_in_wijk(v_row.wijk_code) or v_row.status <> 'ingediend' then
    raise exception 'Alleen een opbouwwerker van deze wijk neemt dit in behandeling' using errcode = '42501';
  end if;
  if v_row.created_by = app.uid() or app.groep_member(p_id) then
    raise exception 'Over je eigen groep beslist een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  update public.groepen set claimed_by = app.uid() where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'groep_geclaimd', 'groep', p_id::text, v_row.wijk_code);
end
$$;

-- A worker of the wijk decides on a proposed group: publish (they become its facilitator), ask for
-- changes or decline; the last two with a message for whoever proposed it. Nobody decides on a group
-- they proposed or belong to.
create function public.moderate_groep(p_id uuid, p_decision text, p_message text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
  v_status text := case p_decision when 'publiceren' then 'gepubliceerd' when 'aanpassen' then 'aanpassing_gevraagd'
                                   when 'afwijzen' then 'afgewezen' end;
  v_message text := trim(coalesce(p_message, ''));
begin
  select * into v_row from public.groepen where id = p_id for update;
  if v_row.id is null or not app.works_in_wijk(v_row.wijk_code) or not app.is_staff() then
    raise exception 'Alleen een opbouwwerker van deze wijk beslist hierover' using errcode = '42501';
  end if;
  if v_row.created_by = app.uid() or app.groep_member(p_id) then
    raise exception 'Over je eigen groep beslist een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  if v_status is null then
    raise exception 'Onbekende beslissing' using errcode = '22023';
  end if;
  if v_status <> 'gepubliceerd' and length(v_message) = 0 then
    raise exception 'Schrijf erbij waarom' using errcode = '23514', hint = 'groep_reason';
  end if;
  -- The decision first: the notification of the status change carries its message.
  insert into public.groep_beslissingen (groep_id, decided_by, decision, message) values (p_id, app.uid(), v_status, v_message);
  update public.groepen
     set status = v_status, claimed_by = app.uid(),
         facilitator_id = case when v_status = 'gepubliceerd' then coalesce(facilitator_id, app.uid()) else facilitator_id end
   where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'groep_' || v_status, 'groep', p_id::text, v_row.wijk_code, v_message);
end
$$;

-- A worker of the wijk becomes the facilitator of a published group (taking over from a colleague).
create function public.facilitate_groep(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
begin
  select * into v_row from public.groepen where id = p_id for update;
  if v_row.id is null or v_row.status <> 'gepubliceerd' or not app.works_in_wijk(v_row.wijk_code) or not app.is_staff() then
    raise exception 'Alleen een opbouwwerker van deze wijk begeleidt deze groep' using errcode = '42501';
  end if;
  if app.groep_member(p_id) then
    raise exception 'Een groep waar je zelf lid van bent, begeleidt een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  update public.groepen set facilitator_id = app.uid() where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'groep_begeleider', 'groep', p_id::text, v_row.wijk_code, jsonb_build_object('from', v_row.facilitator_id));
end
$$;

-- The facilitator or a worker of the wijk moves a published group one stage on or back.
create function public.set_groep_stage(p_id uuid, p_stage text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
begin
  select * into v_row from public.groepen where id = p_id for update;
  if v_row.id is null or not (v_row.facilitator_id = app.uid() or (app.works_in_wijk(v_row.wijk_code) and app.is_staff())) then
    raise exception 'Alleen de begeleider of een opbouwwerker van deze wijk verandert de fase' using errcode = '42501';
  end if;
  if p_stage not in ('opstart', 'samen_op_weg', 'zelfstandig') then
    raise exception 'Onbekende fase' using errcode = '22023';
  end if;
  update public.groepen set stage = p_stage where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'groep_fase', 'groep', p_id::text, v_row.wijk_code, jsonb_build_object('from', v_row.stage, 'to', p_stage));
end
$$;

-- The coaching log: a worker of the wijk writes a note.
create function public.add_groep_notitie(p_id uuid, p_body text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not (app.works_on_groep(p_id) and app.is_staff()) then
    raise exception 'Alleen een opbouwwerker van deze wijk schrijft in het coachingslogboek' using errcode = '42501';
  end if;
  insert into public.groep_notities (groep_id, author_id, body) values (p_id, app.uid(), trim(p_body));
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Members

-- Someone joins: an open group at once, a group "op verzoek" by a request with the answer to its
-- question (a trekker decides). p_contact: what they share with the group (empty: nothing). Returns
-- 'lid' or 'verzoek'.
create function public.join_groep(p_id uuid, p_answer text, p_contact text) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
  v_contact text := trim(coalesce(p_contact, ''));
begin
  select * into v_row from public.groepen where id = p_id;
  if app.uid() is null or v_row.id is null or v_row.status <> 'gepubliceerd'
     or (v_row.visibility = 'leden' and not app.groep_invited(p_id)) then
    raise exception 'Meedoen kan alleen bij een gepubliceerde groep die je kunt zien' using errcode = '42501';
  end if;
  if app.groep_member(p_id) then
    raise exception 'Je bent al lid van deze groep' using errcode = '23505', hint = 'groep_already_member';
  end if;
  if v_row.join_mode = 'open' or app.groep_invited(p_id) then
    insert into public.groep_leden (groep_id, user_id, role)
    values (p_id, app.uid(), coalesce((select role from public.groep_uitnodigingen
                                        where groep_id = p_id and user_id = app.uid() and status = 'open'), 'lid'));
    update public.groep_uitnodigingen set status = 'aangenomen', answered_at = now()
     where groep_id = p_id and user_id = app.uid() and status = 'open';
    if length(v_contact) > 0 then
      insert into public.groep_contacten (groep_id, user_id, contact) values (p_id, app.uid(), v_contact);
    end if;
    return 'lid';
  end if;
  if exists (select 1 from public.groep_verzoeken where groep_id = p_id and user_id = app.uid() and status = 'open') then
    raise exception 'Je hebt al gevraagd om mee te doen; een trekker beslist erover' using errcode = '23505', hint = 'groep_request_twice';
  end if;
  if length(trim(coalesce(p_answer, ''))) < 2 then
    raise exception 'Beantwoord de vraag van de groep' using errcode = '23514', hint = 'groep_answer';
  end if;
  insert into public.groep_verzoeken (groep_id, user_id, answer, contact) values (p_id, app.uid(), trim(p_answer), v_contact);
  return 'verzoek';
end
$$;

-- The requester takes their open request back.
create function public.withdraw_groep_request(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.groep_verzoeken set status = 'ingetrokken', decided_at = now()
   where groep_id = p_id and user_id = app.uid() and status = 'open';
  if not found then
    raise exception 'Er is geen open verzoek om in te trekken' using errcode = 'P0002';
  end if;
end
$$;

-- A trekker (or the facilitator, while the group is not zelfstandig) approves or declines a request.
create function public.decide_groep_request(p_request bigint, p_approve boolean, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_req public.groep_verzoeken;
begin
  select * into v_req from public.groep_verzoeken where id = p_request for update;
  if v_req.id is null or not app.groep_leads(v_req.groep_id) then
    raise exception 'Alleen een trekker van deze groep beslist over verzoeken' using errcode = '42501';
  end if;
  if v_req.status <> 'open' then
    raise exception 'Over dit verzoek is al beslist' using errcode = '55000', hint = 'groep_request_decided';
  end if;
  if v_req.user_id = app.uid() then
    raise exception 'Over je eigen verzoek beslist een ander' using errcode = '42501', hint = 'own_decision';
  end if;
  update public.groep_verzoeken
     set status = case when p_approve then 'goedgekeurd' else 'afgewezen' end, decided_by = app.uid(), decided_at = now(),
         reason = trim(coalesce(p_reason, ''))
   where id = p_request;
  if p_approve then
    insert into public.groep_leden (groep_id, user_id, role) values (v_req.groep_id, v_req.user_id, 'lid')
    on conflict do nothing;
    if length(v_req.contact) >= 3 then
      insert into public.groep_contacten (groep_id, user_id, contact) values (v_req.groep_id, v_req.user_id, v_req.contact)
      on conflict do nothing;
    end if;
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason, details)
  values (app.uid(), case when p_approve then 'groep_verzoek_goedgekeurd' else 'groep_verzoek_afgewezen' end, 'groep',
          v_req.groep_id::text, app.groep_wijk(v_req.groep_id), trim(coalesce(p_reason, '')),
          jsonb_build_object('user', v_req.user_id));
end
$$;

-- A member leaves. The last trekker names who takes over (p_successor, a member), in the same step.
create function public.leave_groep(p_id uuid, p_successor uuid default null) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not app.groep_member(p_id) then
    raise exception 'Je bent geen lid van deze groep' using errcode = 'P0002';
  end if;
  if p_successor is not null and app.groep_trekker(p_id) then
    update public.groep_leden set role = 'trekker' where groep_id = p_id and user_id = p_successor and user_id <> app.uid();
    if not found then
      raise exception 'Wie de groep overneemt, is lid van de groep' using errcode = '23514', hint = 'groep_not_member';
    end if;
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
    values (app.uid(), 'groep_rol', 'groep', p_id::text, app.groep_wijk(p_id), jsonb_build_object('user', p_successor, 'role', 'trekker'));
  end if;
  delete from public.groep_leden where groep_id = p_id and user_id = app.uid();
end
$$;

-- A trekker makes a member trekker or lid again (never leaving the group without one).
create function public.set_groep_role(p_id uuid, p_user uuid, p_role text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not app.groep_leads(p_id) then
    raise exception 'Alleen een trekker van deze groep verdeelt de rollen' using errcode = '42501';
  end if;
  if p_role not in ('trekker', 'lid') then
    raise exception 'Onbekende rol' using errcode = '22023';
  end if;
  update public.groep_leden set role = p_role where groep_id = p_id and user_id = p_user;
  if not found then
    raise exception 'Deze persoon is geen lid van de groep' using errcode = 'P0002', hint = 'groep_not_member';
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'groep_rol', 'groep', p_id::text, app.groep_wijk(p_id), jsonb_build_object('user', p_user, 'role', p_role));
end
$$;

-- A trekker, the facilitator or a worker of the wijk removes a member, with a reason the member reads.
create function public.remove_groep_member(p_id uuid, p_user uuid, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_reason text := trim(coalesce(p_reason, ''));
begin
  if not (app.groep_leads(p_id) or (app.works_on_groep(p_id) and app.is_staff())) then
    raise exception 'Alleen een trekker of de opbouwwerker haalt iemand uit de groep' using errcode = '42501';
  end if;
  if p_user = app.uid() then
    raise exception 'Jezelf haal je niet uit de groep: kies "uit de groep gaan"' using errcode = '42501';
  end if;
  if length(v_reason) < 5 then
    raise exception 'Schrijf erbij waarom' using errcode = '23514', hint = 'groep_reason';
  end if;
  delete from public.groep_leden where groep_id = p_id and user_id = p_user;
  if not found then
    raise exception 'Deze persoon is geen lid van de groep' using errcode = 'P0002', hint = 'groep_not_member';
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason, details)
  values (app.uid(), 'groep_lid_verwijderd', 'groep', p_id::text, app.groep_wijk(p_id), v_reason, jsonb_build_object('user', p_user));
  perform app.notify(p_user, 'groep_removed', '/groepen', p_id::text,
    jsonb_build_object('name', (select name from public.groepen where id = p_id), 'reason', v_reason));
end
$$;

-- A member shares how the group can reach them, or (empty) stops sharing it.
create function public.set_groep_contact(p_id uuid, p_contact text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_contact text := trim(coalesce(p_contact, ''));
begin
  if not app.groep_member(p_id) then
    raise exception 'Je bent geen lid van deze groep' using errcode = '42501';
  end if;
  if length(v_contact) = 0 then
    delete from public.groep_contacten where groep_id = p_id and user_id = app.uid();
  else
    insert into public.groep_contacten (groep_id, user_id, contact) values (p_id, app.uid(), v_contact)
    on conflict (groep_id, user_id) do update set contact = excluded.contact;
  end if;
end
$$;

-- A worker of the wijk invites a resident by the e-mail address of their account, as lid or trekker.
-- Only residents whose contact details the worker may already read (they live in the worker's
-- wijken) are found, so an invitation reveals no account that the worker could not see.
create function public.invite_to_groep(p_id uuid, p_email text, p_role text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.groepen;
  v_user uuid;
begin
  select * into v_row from public.groepen where id = p_id;
  if v_row.id is null or v_row.status <> 'gepubliceerd' or not (app.works_in_wijk(v_row.wijk_code) and app.is_staff()) then
    raise exception 'Alleen een opbouwwerker van deze wijk nodigt bewoners uit' using errcode = '42501';
  end if;
  if p_role not in ('trekker', 'lid') then
    raise exception 'Onbekende rol' using errcode = '22023';
  end if;
  select u.id into v_user from public.users u where u.email = lower(trim(p_email)) and app.works_for(u.id);
  if v_user is null then
    raise exception 'Geen bewoner met dit e-mailadres in jouw wijken' using errcode = 'P0002', hint = 'groep_invite_unknown';
  end if;
  if exists (select 1 from public.groep_leden where groep_id = p_id and user_id = v_user) then
    raise exception 'Deze bewoner is al lid' using errcode = '23505', hint = 'groep_already_member';
  end if;
  insert into public.groep_uitnodigingen (groep_id, user_id, role, invited_by) values (p_id, v_user, p_role, app.uid())
  on conflict (groep_id, user_id) where status = 'open' do update set role = excluded.role, invited_by = excluded.invited_by;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'groep_uitnodiging', 'groep', p_id::text, v_row.wijk_code, jsonb_build_object('user', v_user, 'role', p_role));
end
$$;

-- The invited resident declines (accepting is joining: join_groep).
create function public.decline_groep_invitation(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.groep_uitnodigingen set status = 'afgeslagen', answered_at = now()
   where groep_id = p_id and user_id = app.uid() and status = 'open';
  if not found then
    raise exception 'Er is geen uitnodiging' using errcode = 'P0002';
  end if;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Meetings, attendance and minutes

-- Whoever leads the group plans a meeting (p_repeat_weeks more on the same weekday and time: a
-- rooster of rondes, a series of vergaderingen). Returns the first meeting's id.
create function public.plan_groep_meeting(
  p_id uuid, p_kind text, p_title text, p_starts_at timestamptz, p_ends_at timestamptz, p_place_kind text,
  p_place text, p_agenda text, p_repeat_weeks integer default 0
) returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_first bigint;
  v_id bigint;
  v_week integer;
begin
  if not app.groep_leads(p_id) or not app.groep_published(p_id) then
    raise exception 'Alleen wie de groep leidt plant een bijeenkomst' using errcode = '42501';
  end if;
  if coalesce(p_repeat_weeks, 0) not between 0 and 12 then
    raise exception 'Herhaal hoogstens twaalf weken' using errcode = '23514', hint = 'groep_repeat';
  end if;
  for v_week in 0 .. coalesce(p_repeat_weeks, 0) loop
    -- Dutch wall-clock time stays the same across a change to or from summer time.
    insert into public.groep_bijeenkomsten (groep_id, kind, title, starts_at, ends_at, place_kind, place, agenda, created_by)
    values (p_id, p_kind, trim(p_title),
            ((p_starts_at at time zone 'Europe/Amsterdam') + make_interval(weeks => v_week)) at time zone 'Europe/Amsterdam',
            ((p_ends_at at time zone 'Europe/Amsterdam') + make_interval(weeks => v_week)) at time zone 'Europe/Amsterdam',
            p_place_kind, trim(p_place), trim(coalesce(p_agenda, '')), app.uid())
    returning id into v_id;
    v_first := coalesce(v_first, v_id);
  end loop;
  return v_first;
end
$$;

-- Whoever leads the group changes a meeting that has not started (agenda, place, time).
create function public.update_groep_meeting(
  p_meeting bigint, p_title text, p_starts_at timestamptz, p_ends_at timestamptz, p_place_kind text, p_place text, p_agenda text
) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_m public.groep_bijeenkomsten;
begin
  select * into v_m from public.groep_bijeenkomsten where id = p_meeting for update;
  if v_m.id is null or not app.groep_leads(v_m.groep_id) then
    raise exception 'Alleen wie de groep leidt past een bijeenkomst aan' using errcode = '42501';
  end if;
  if v_m.cancelled_at is not null or v_m.starts_at <= now() then
    raise exception 'Een bijeenkomst die begonnen of afgezegd is, verandert niet meer' using errcode = '55000', hint = 'groep_meeting_locked';
  end if;
  update public.groep_bijeenkomsten
     set title = trim(p_title), starts_at = p_starts_at, ends_at = p_ends_at, place_kind = p_place_kind,
         place = trim(p_place), agenda = trim(coalesce(p_agenda, ''))
   where id = p_meeting;
end
$$;

-- Whoever leads the group cancels a meeting that has not started, with a reason members read.
create function public.cancel_groep_meeting(p_meeting bigint, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_m public.groep_bijeenkomsten;
begin
  select * into v_m from public.groep_bijeenkomsten where id = p_meeting for update;
  if v_m.id is null or not app.groep_leads(v_m.groep_id) then
    raise exception 'Alleen wie de groep leidt zegt een bijeenkomst af' using errcode = '42501';
  end if;
  if v_m.cancelled_at is not null or v_m.starts_at <= now() then
    raise exception 'Een bijeenkomst die begonnen of afgezegd is, verandert niet meer' using errcode = '55000', hint = 'groep_meeting_locked';
  end if;
  if length(trim(coalesce(p_reason, ''))) < 2 then
    raise exception 'Schrijf erbij waarom' using errcode = '23514', hint = 'groep_reason';
  end if;
  update public.groep_bijeenkomsten set cancelled_at = now(), cancel_reason = trim(p_reason) where id = p_meeting;
end
$$;

-- A member answers "ik kom" (ja) or "ik kom niet" (nee) for a meeting that has not ended; for a ronde
-- that is "ik loop mee".
create function public.answer_groep_meeting(p_meeting bigint, p_answer text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_m public.groep_bijeenkomsten;
begin
  select * into v_m from public.groep_bijeenkomsten where id = p_meeting;
  if v_m.id is null or not app.groep_member(v_m.groep_id) then
    raise exception 'Alleen leden geven door of ze komen' using errcode = '42501';
  end if;
  if v_m.cancelled_at is not null or v_m.ends_at <= now() then
    raise exception 'Deze bijeenkomst is voorbij of afgezegd' using errcode = '55000', hint = 'groep_meeting_locked';
  end if;
  if p_answer not in ('ja', 'nee') then
    raise exception 'Kies ja of nee' using errcode = '22023';
  end if;
  insert into public.groep_aanwezigheid (bijeenkomst_id, user_id, answer) values (p_meeting, app.uid(), p_answer)
  on conflict (bijeenkomst_id, user_id) do update set answer = excluded.answer, updated_at = now();
end
$$;

-- Whoever leads the group writes the minutes of a meeting (not a cancelled one): the text and the
-- besluiten replace what was there; each actiepunt ({"body", "owner", "due"}) is added, with an
-- owner who is a member and a due date not before the meeting. All or nothing.
create function public.save_groep_minutes(p_meeting bigint, p_body text, p_besluiten text[], p_actiepunten jsonb) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_m public.groep_bijeenkomsten;
  v_item jsonb;
begin
  select * into v_m from public.groep_bijeenkomsten where id = p_meeting for update;
  if v_m.id is null or not app.groep_leads(v_m.groep_id) then
    raise exception 'Alleen wie de groep leidt schrijft het verslag' using errcode = '42501';
  end if;
  if v_m.cancelled_at is not null then
    raise exception 'Van een afgezegde bijeenkomst is geen verslag' using errcode = '55000', hint = 'groep_meeting_locked';
  end if;
  insert into public.groep_verslagen (bijeenkomst_id, body, written_by) values (p_meeting, trim(coalesce(p_body, '')), app.uid())
  on conflict (bijeenkomst_id) do update set body = excluded.body, written_by = excluded.written_by, written_at = now();
  delete from public.groep_besluiten where bijeenkomst_id = p_meeting;
  insert into public.groep_besluiten (bijeenkomst_id, body)
  select p_meeting, trim(b) from unnest(coalesce(p_besluiten, '{}')) b where length(trim(b)) > 0;
  for v_item in select * from jsonb_array_elements(coalesce(p_actiepunten, '[]')) loop
    if nullif(v_item ->> 'due', '') is null then
      raise exception 'Een actiepunt heeft een datum waarop het klaar is' using errcode = '23514', hint = 'groep_actiepunt_due';
    end if;
    if (v_item ->> 'due')::date < (v_m.starts_at at time zone 'Europe/Amsterdam')::date then
      raise exception 'Een actiepunt is klaar na de bijeenkomst, niet ervoor' using errcode = '23514', hint = 'groep_actiepunt_due';
    end if;
    insert into public.groep_actiepunten (bijeenkomst_id, groep_id, body, owner_id, due_on)
    values (p_meeting, v_m.groep_id, trim(v_item ->> 'body'), nullif(v_item ->> 'owner', '')::uuid, (v_item ->> 'due')::date);
  end loop;
end
$$;

-- The owner of an actiepunt, or whoever leads the group, ticks it off (or opens it again).
create function public.set_groep_actiepunt_done(p_id bigint, p_done boolean) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_a public.groep_actiepunten;
begin
  select * into v_a from public.groep_actiepunten where id = p_id for update;
  if v_a.id is null or not (v_a.owner_id = app.uid() or app.groep_leads(v_a.groep_id)) then
    raise exception 'Alleen de eigenaar of een trekker vinkt een actiepunt af' using errcode = '42501';
  end if;
  update public.groep_actiepunten
     set done_at = case when p_done then coalesce(done_at, now()) end, done_by = case when p_done then app.uid() end
   where id = p_id;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- The board

-- A member writes on the board of a published group, or replies to a post. Returns the id.
create function public.post_groep_bericht(p_id uuid, p_parent bigint, p_body text) returns bigint
language plpgsql security definer set search_path = ''
as $$
declare
  v_id bigint;
begin
  if not (app.groep_insider(p_id) and app.groep_published(p_id)) then
    raise exception 'Alleen leden schrijven op het prikbord' using errcode = '42501';
  end if;
  if p_parent is not null and not exists (select 1 from public.groep_berichten
                                           where id = p_parent and groep_id = p_id and parent_id is null and hidden_at is null) then
    raise exception 'Dit bericht bestaat niet (meer)' using errcode = 'P0002';
  end if;
  insert into public.groep_berichten (groep_id, parent_id, author_id, body) values (p_id, p_parent, app.uid(), trim(p_body))
  returning id into v_id;
  return v_id;
end
$$;

-- A trekker, the facilitator or a worker of the wijk hides a post, with a reason that is kept.
create function public.hide_groep_bericht(p_id bigint, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_b public.groep_berichten;
begin
  select * into v_b from public.groep_berichten where id = p_id for update;
  if v_b.id is null or not (app.groep_leads(v_b.groep_id)
                            or exists (select 1 from public.groepen where id = v_b.groep_id and facilitator_id = app.uid())
                            or (app.works_on_groep(v_b.groep_id) and app.is_staff())) then
    raise exception 'Alleen een trekker of de opbouwwerker verbergt een bericht' using errcode = '42501';
  end if;
  if length(trim(coalesce(p_reason, ''))) < 2 then
    raise exception 'Schrijf erbij waarom' using errcode = '23514', hint = 'groep_reason';
  end if;
  update public.groep_berichten set hidden_at = now(), hidden_by = app.uid(), hidden_reason = trim(p_reason)
   where id = p_id and hidden_at is null;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'groep_bericht_verborgen', 'groep_bericht', p_id::text, app.groep_wijk(v_b.groep_id), trim(p_reason));
end
$$;

-- Reports plug in here (see the reports migration): the wijk, when the reporter can see the subject
-- and it is not their own.
create function app.report_wijk_groep(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select g.wijk_code from public.groepen g
   where g.id::text = p_id and g.status = 'gepubliceerd' and app.groep_readable(g.id)
     and g.created_by is distinct from app.uid() and not app.groep_member(g.id)
$$;

create function app.report_wijk_groep_bericht(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select g.wijk_code from public.groep_berichten b join public.groepen g on g.id = b.groep_id
   where b.id::text = p_id and b.hidden_at is null and b.author_id is distinct from app.uid() and app.groep_insider(g.id)
$$;

-- A worker of the wijk reads a board post once someone reported it (the board is otherwise for the
-- members and the facilitator).
create function app.groep_bericht_reported(p_id bigint) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.reports r where r.subject_type = 'groep_bericht' and r.subject_id = p_id::text)
$$;

-- ---------------------------------------------------------------------------------------------------
-- Names: members see each other's first names; the workers of the wijk see full names. Read through
-- this view (owned by the migration role, so it reads profiles the user may not), never profiles.

create view public.groep_ledenlijst with (security_barrier) as
  select l.groep_id, l.user_id, l.role, l.joined_at,
         split_part(trim(p.display_name), ' ', 1) as first_name,
         case when app.works_on_groep(l.groep_id) and app.is_staff() then p.display_name end as full_name
    from public.groep_leden l join public.profiles p on p.id = l.user_id
   where app.groep_insider(l.groep_id) or (app.works_on_groep(l.groep_id) and app.is_staff());

-- First names of the people in a group's requests, invitations, attendance, actiepunten and board,
-- for whoever may read those rows (the policies on them decide); nothing else about the person.
create view public.groep_namen with (security_barrier) as
  select p.id, split_part(trim(p.display_name), ' ', 1) as first_name
    from public.profiles p
   where app.uid() is not null
     and (p.id = app.uid()
          or p.role <> 'bewoner'
          or exists (select 1 from public.groep_leden me join public.groep_leden other on other.groep_id = me.groep_id
                      where me.user_id = app.uid() and other.user_id = p.id)
          or exists (select 1 from public.groep_berichten b where b.author_id = p.id and app.groep_insider(b.groep_id))
          or exists (select 1 from public.groep_actiepunten a where a.owner_id = p.id and app.groep_insider(a.groep_id))
          or exists (select 1 from public.groep_verzoeken v where v.user_id = p.id
                       and (app.groep_leads(v.groep_id) or app.works_on_groep(v.groep_id)))
          or exists (select 1 from public.groep_leden l where l.user_id = p.id and app.works_on_groep(l.groep_id))
          or exists (select 1 from public.groep_uitnodigingen u where u.user_id = p.id and app.works_on_groep(u.groep_id)));

-- ---------------------------------------------------------------------------------------------------
-- Access

alter table public.groepen enable row level security;
alter table public.groep_leden enable row level security;
alter table public.groep_contacten enable row level security;
alter table public.groep_verzoeken enable row level security;
alter table public.groep_uitnodigingen enable row level security;
alter table public.groep_beslissingen enable row level security;
alter table public.groep_notities enable row level security;
alter table public.groep_bijeenkomsten enable row level security;
alter table public.groep_aanwezigheid enable row level security;
alter table public.groep_verslagen enable row level security;
alter table public.groep_besluiten enable row level security;
alter table public.groep_actiepunten enable row level security;
alter table public.groep_berichten enable row level security;
revoke all on public.groepen, public.groep_leden, public.groep_contacten, public.groep_verzoeken, public.groep_uitnodigingen,
  public.groep_beslissingen, public.groep_notities, public.groep_bijeenkomsten, public.groep_aanwezigheid,
  public.groep_verslagen, public.groep_besluiten, public.groep_actiepunten, public.groep_berichten,
  public.groep_ledenlijst, public.groep_namen
  from anon, authenticated;

-- No user writes these tables directly: the functions above do, with their checks written out.
grant select on public.groepen to anon, authenticated;
-- Visitors see published public groups only.
create policy groepen_read_anon on public.groepen for select to anon
  using (status = 'gepubliceerd' and visibility = 'openbaar');
-- Logged in: published public groups; members-only ones to their members and invited residents;
-- every group, in any state, to whoever proposed it, its facilitator and the workers of its wijk.
create policy groepen_read on public.groepen for select to authenticated
  using ((status = 'gepubliceerd' and visibility = 'openbaar')
         or created_by = (select app.uid()) or facilitator_id = (select app.uid())
         or (status = 'gepubliceerd' and id in (select app.my_groepen()))
         or wijk_code in (select app.my_work_wijken()));

grant select on public.groep_leden to authenticated;
-- A member sees their own row; members, the facilitator and the workers of the wijk see everyone's.
create policy groep_leden_read on public.groep_leden for select to authenticated
  using (user_id = (select app.uid()) or app.groep_insider(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_contacten to authenticated;
-- Shared contact details: the members and the facilitator of that group, and the workers of its wijk.
create policy groep_contacten_read on public.groep_contacten for select to authenticated
  using (user_id = (select app.uid()) or app.groep_insider(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_verzoeken to authenticated;
-- A request and its answer: the requester, whoever leads the group, and the workers of the wijk.
create policy groep_verzoeken_read on public.groep_verzoeken for select to authenticated
  using (user_id = (select app.uid()) or app.groep_leads(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_uitnodigingen to authenticated;
-- An invitation: the invited resident, whoever leads the group, and the workers of the wijk.
create policy groep_uitnodigingen_read on public.groep_uitnodigingen for select to authenticated
  using (user_id = (select app.uid()) or app.groep_leads(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_beslissingen to authenticated;
-- A decision and its message: whoever proposed the group, its trekkers, and the workers of the wijk.
create policy groep_beslissingen_read on public.groep_beslissingen for select to authenticated
  using (exists (select 1 from public.groepen g where g.id = groep_id and g.created_by = (select app.uid()))
         or app.groep_trekker(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_notities to authenticated;
-- The coaching log is internal: workers of the group's wijk only.
create policy groep_notities_read on public.groep_notities for select to authenticated
  using (app.works_on_groep(groep_id) and (select app.is_staff()));

grant select on public.groep_bijeenkomsten to anon, authenticated;
-- Meetings of a published public group are public (an invitation to come along), except a
-- buurtpreventieteam's rondes: when the neighbourhood watch walks is for its members only.
create policy groep_bijeenkomsten_read_anon on public.groep_bijeenkomsten for select to anon
  using (kind <> 'ronde' and exists (select 1 from public.groepen g
                                      where g.id = groep_id and g.status = 'gepubliceerd' and g.visibility = 'openbaar'));
-- Logged in: the same, plus every meeting of a group one is in or facilitates, or works for.
create policy groep_bijeenkomsten_read on public.groep_bijeenkomsten for select to authenticated
  using ((kind <> 'ronde' and exists (select 1 from public.groepen g
                                       where g.id = groep_id and g.status = 'gepubliceerd' and g.visibility = 'openbaar'))
         or app.groep_insider(groep_id) or app.works_on_groep(groep_id));

grant select on public.groep_aanwezigheid to authenticated;
-- Attendance: the members and the facilitator of the group.
create policy groep_aanwezigheid_read on public.groep_aanwezigheid for select to authenticated
  using (user_id = (select app.uid())
         or app.groep_insider((select m.groep_id from public.groep_bijeenkomsten m where m.id = bijeenkomst_id)));

grant select on public.groep_verslagen, public.groep_besluiten to authenticated;
-- Minutes and besluiten: the members and the facilitator of the group.
create policy groep_verslagen_read on public.groep_verslagen for select to authenticated
  using (app.groep_insider((select m.groep_id from public.groep_bijeenkomsten m where m.id = bijeenkomst_id)));
create policy groep_besluiten_read on public.groep_besluiten for select to authenticated
  using (app.groep_insider((select m.groep_id from public.groep_bijeenkomsten m where m.id = bijeenkomst_id)));

grant select on public.groep_actiepunten to authenticated;
-- Actiepunten: the members and the facilitator of the group (the owner among them).
create policy groep_actiepunten_read on public.groep_actiepunten for select to authenticated
  using (owner_id = (select app.uid()) or app.groep_insider(groep_id));

grant select on public.groep_berichten to authenticated;
-- The board: members and the facilitator read visible posts; a hidden one stays visible to its writer
-- and whoever leads the group; the workers of the wijk read a post once it was reported.
create policy groep_berichten_read on public.groep_berichten for select to authenticated
  using ((app.groep_insider(groep_id)
          and (hidden_at is null or author_id = (select app.uid()) or app.groep_leads(groep_id)))
         or (app.works_on_groep(groep_id) and app.groep_bericht_reported(id)));

grant select on public.groep_ledenlijst, public.groep_namen to authenticated;

revoke execute on function public.start_groep, public.update_groep, public.withdraw_groep, public.claim_groep,
  public.moderate_groep, public.facilitate_groep, public.set_groep_stage, public.add_groep_notitie, public.join_groep,
  public.withdraw_groep_request, public.decide_groep_request, public.leave_groep, public.set_groep_role,
  public.remove_groep_member, public.set_groep_contact, public.invite_to_groep, public.decline_groep_invitation,
  public.plan_groep_meeting, public.update_groep_meeting, public.cancel_groep_meeting, public.answer_groep_meeting,
  public.save_groep_minutes, public.set_groep_actiepunt_done, public.post_groep_bericht, public.hide_groep_bericht
  from public, anon;
grant execute on function public.start_groep, public.update_groep, public.withdraw_groep, public.claim_groep,
  public.moderate_groep, public.facilitate_groep, public.set_groep_stage, public.add_groep_notitie, public.join_groep,
  public.withdraw_groep_request, public.decide_groep_request, public.leave_groep, public.set_groep_role,
  public.remove_groep_member, public.set_groep_contact, public.invite_to_groep, public.decline_groep_invitation,
  public.plan_groep_meeting, public.update_groep_meeting, public.cancel_groep_meeting, public.answer_groep_meeting,
  public.save_groep_minutes, public.set_groep_actiepunt_done, public.post_groep_bericht, public.hide_groep_bericht
  to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.groepen, public.groep_leden, public.groep_contacten, public.groep_verzoeken, public.groep_uitnodigingen,
  public.groep_beslissingen, public.groep_notities, public.groep_bijeenkomsten, public.groep_aanwezigheid,
  public.groep_verslagen, public.groep_besluiten, public.groep_actiepunten, public.groep_berichten,
  public.groep_ledenlijst, public.groep_namen to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
