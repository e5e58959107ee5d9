-- Buurtinitiatieven: residents propose, opbouwwerkers of the wijk moderate and coach, neighbours join,
-- follow updates and comment. Every write goes through a function below (one transaction each); the
-- status and stage can only make the moves the guard trigger allows, whoever writes.

create table public.initiatieven (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references public.profiles on delete cascade,
  title text not null check (length(title) between 5 and 120),
  body text not null check (length(body) between 20 and 5000),
  themes text[] not null check (cardinality(themes) between 1 and 7 and themes <@ array[
    'armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid']),
  buurt_code text not null references public.buurten,
  -- Set from the buurt by a trigger, never by the client: the policies and filters use them.
  wijk_code text not null references public.wijken,
  gemeente_code text not null references public.gemeenten,
  lat double precision check (lat between 50.7 and 53.6),
  lng double precision check (lng between 3.3 and 7.3),
  needs text[] not null default '{}' check (needs <@ array['handen', 'materialen', 'ruimte', 'geld']),
  hands_count integer check (hands_count between 0 and 1000),
  materials text not null default '' check (length(materials) <= 500),
  space text not null default '' check (length(space) <= 300),
  money_amount numeric(10, 2) check (money_amount between 0 and 1000000),
  starts_on date,
  when_text text not null default '' check (length(when_text) <= 200),
  status text not null default 'concept'
    check (status in ('concept', 'ingediend', 'aanpassing_gevraagd', 'gepubliceerd', 'afgewezen')),
  stage text not null default 'idee' check (stage in ('idee', 'plan', 'uitvoering', 'zelfstandig', 'afgerond')),
  -- What the worker told the author with the last decision (change request or reason for declining).
  moderator_message text not null default '' check (length(moderator_message) <= 2000),
  claimed_by uuid references public.profiles on delete set null,
  coach_id uuid references public.profiles on delete set null,
  joiner_count integer not null default 0 check (joiner_count >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  submitted_at timestamptz,
  published_at timestamptz,
  search tsvector generated always as (to_tsvector('dutch', title || ' ' || body)) stored,
  -- The start of the text, for lists: they need not carry up to 5,000 characters per row.
  summary text generated always as (left(body, 200)) stored,
  check ((lat is null) = (lng is null)),
  check (status <> 'gepubliceerd' or published_at is not null)
);
comment on column public.initiatieven.wijk_code is 'Set by trigger from buurt_code.';
comment on column public.initiatieven.gemeente_code is 'Set by trigger from buurt_code.';
create index initiatieven_published on public.initiatieven (published_at desc, id) where status = 'gepubliceerd';
create index initiatieven_queue on public.initiatieven (wijk_code, status);
create index on public.initiatieven (author_id);
create index on public.initiatieven using gin (search);
create index on public.initiatieven using gin (themes);

create table public.initiatief_deelnemers (
  initiatief_id uuid not null references public.initiatieven on delete cascade,
  user_id uuid not null default app.uid() references public.profiles on delete cascade,
  brings text[] not null default '{}' check (brings <@ array['handen', 'materialen', 'vaardigheid', 'anders']),
  note text not null default '' check (length(note) <= 500),
  is_organiser boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (initiatief_id, user_id)
);
create index on public.initiatief_deelnemers (user_id);

-- How a joiner can be reached, apart from the joiner row so that no policy on that row leaks it.
create table public.initiatief_contacten (
  initiatief_id uuid not null,
  user_id uuid not null default app.uid(),
  contact text not null check (length(contact) between 3 and 200),
  primary key (initiatief_id, user_id),
  foreign key (initiatief_id, user_id) references public.initiatief_deelnemers on delete cascade
);

create table public.initiatief_updates (
  id bigint generated always as identity primary key,
  initiatief_id uuid not null references public.initiatieven on delete cascade,
  author_id uuid not null default app.uid() references public.profiles on delete cascade,
  body text not null check (length(body) between 2 and 3000),
  created_at timestamptz not null default now()
);
create index on public.initiatief_updates (initiatief_id, created_at desc);

-- The coaching log and moderation notes: internal, for the workers of the wijk only.
create table public.initiatief_notities (
  id bigint generated always as identity primary key,
  initiatief_id uuid not null references public.initiatieven on delete cascade,
  author_id uuid not null default app.uid() references public.profiles on delete cascade,
  body text not null check (length(body) between 2 and 3000),
  created_at timestamptz not null default now()
);
create index on public.initiatief_notities (initiatief_id, created_at desc);

create table public.initiatief_reacties (
  id bigint generated always as identity primary key,
  initiatief_id uuid not null references public.initiatieven on delete cascade,
  author_id uuid not null default app.uid() references public.profiles on delete cascade,
  body text not null check (length(body) between 2 and 2000),
  hidden_at timestamptz,
  hidden_by uuid references public.profiles on delete set null,
  hidden_reason text not null default '' check (length(hidden_reason) <= 500),
  created_at timestamptz not null default now(),
  check (hidden_at is null or length(hidden_reason) > 0)
);
create index on public.initiatief_reacties (initiatief_id, created_at);

-- ---------------------------------------------------------------------------------------------------
-- Helpers for the policies (security definer: they read rows the caller may not see, and return a
-- yes/no only).

create function app.initiatief_wijk(p_id uuid) returns text
language sql stable security definer set search_path = ''
as $$ select wijk_code from public.initiatieven where id = p_id $$;

-- Workers of the initiative's wijk (and its coordinator, admins).
create function app.works_on_initiatief(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select coalesce(app.works_in_wijk(app.initiatief_wijk(p_id)), false) $$;

-- The author and the co-organisers.
create function app.organises_initiatief(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.initiatieven where id = p_id and author_id = app.uid())
      or exists (select 1 from public.initiatief_deelnemers
                 where initiatief_id = p_id and user_id = app.uid() and is_organiser)
$$;

create function app.initiatief_published(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.initiatieven where id = p_id and status = 'gepubliceerd') $$;

-- For pages: whether the current user works in this wijk, to show the worker's tools (the functions
-- and policies check again).
create function public.works_in_wijk(p_wijk text) returns boolean
language sql stable
as $$ select coalesce(app.works_in_wijk(p_wijk), false) $$;
revoke execute on function public.works_in_wijk from public, anon;
grant execute on function public.works_in_wijk to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- The state machine, enforced for every writer.

create function app.initiatief_guard() returns trigger
language plpgsql
as $$
declare
  v_order text[] := array['idee', 'plan', 'uitvoering', 'zelfstandig', 'afgerond'];
begin
  if tg_op = 'INSERT' then
    if new.status <> 'concept' and new.status <> 'ingediend' then
      raise exception 'Een nieuw initiatief is een concept' using errcode = '55000';
    end if;
  end if;
  if tg_op = 'INSERT' or new.buurt_code is distinct from old.buurt_code then
    select b.wijk_code, w.gemeente_code into new.wijk_code, new.gemeente_code
      from public.buurten b join public.wijken w on w.code = b.wijk_code where b.code = new.buurt_code;
  end if;
  if tg_op = 'UPDATE' then
    if new.status is distinct from old.status and (old.status, new.status) not in (
         ('concept', 'ingediend'), ('aanpassing_gevraagd', 'ingediend'), ('ingediend', 'concept'),
         ('ingediend', 'gepubliceerd'), ('ingediend', 'aanpassing_gevraagd'), ('ingediend', 'afgewezen')) then
      raise exception 'Dit kan niet: van % naar %', old.status, new.status using errcode = '55000';
    end if;
    if (new.title, new.body, new.themes, new.buurt_code, new.lat, new.lng, new.needs, new.hands_count,
        new.materials, new.space, new.money_amount, new.starts_on, new.when_text)
       is distinct from
       (old.title, old.body, old.themes, old.buurt_code, old.lat, old.lng, old.needs, old.hands_count,
        old.materials, old.space, old.money_amount, old.starts_on, old.when_text)
       and old.status not in ('concept', 'aanpassing_gevraagd') then
      raise exception 'Een ingediend of gepubliceerd initiatief verandert niet meer' using errcode = '55000';
    end if;
    if new.stage is distinct from old.stage then
      if new.status <> 'gepubliceerd' then
        raise exception 'Alleen een gepubliceerd initiatief heeft een fase' using errcode = '55000';
      end if;
      if abs(array_position(v_order, new.stage) - array_position(v_order, old.stage)) <> 1 then
        raise exception 'Een initiatief gaat een fase vooruit of terug' using errcode = '55000';
      end if;
    end if;
    if new.status = 'ingediend' and old.status <> 'ingediend' then
      new.submitted_at := now();
    end if;
    if new.status = 'gepubliceerd' and old.status <> 'gepubliceerd' then
      new.published_at := now();
    end if;
  elsif new.status = 'ingediend' then
    new.submitted_at := now();
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger initiatieven_guard before insert or update on public.initiatieven
  for each row execute function app.initiatief_guard();

-- ---------------------------------------------------------------------------------------------------
-- Functions: what each role may do. Security definer with the checks written out, because the rows
-- they change are granted to nobody directly.

-- A resident saves a new initiative or their own concept (or one sent back for changes), and submits it
-- when p_submit. Returns the id.
create function public.save_initiatief(
  p_id uuid, p_title text, p_body text, p_themes text[], p_buurt_code text, p_lat double precision,
  p_lng double precision, p_needs text[], p_hands_count integer, p_materials text, p_space text,
  p_money_amount numeric, p_starts_on date, p_when_text text, p_submit boolean
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid := p_id;
  v_row public.initiatieven;
begin
  if app.uid() is null then
    raise exception 'Log in om een initiatief te maken' using errcode = '42501';
  end if;
  if v_id is null then
    insert into public.initiatieven (author_id, title, body, themes, buurt_code, lat, lng,
      needs, hands_count, materials, space, money_amount, starts_on, when_text, status)
    values (app.uid(), p_title, p_body, p_themes, p_buurt_code, p_lat, p_lng, p_needs, p_hands_count,
      p_materials, p_space, p_money_amount, p_starts_on, p_when_text,
      case when p_submit then 'ingediend' else 'concept' end)
    returning * into v_row;
  else
    select * into v_row from public.initiatieven where id = v_id for update;
    if v_row.id is null or v_row.author_id <> app.uid() then
      raise exception 'Alleen de maker past een initiatief aan' using errcode = '42501';
    end if;
    update public.initiatieven set title = p_title, body = p_body, themes = p_themes, buurt_code = p_buurt_code,
      lat = p_lat, lng = p_lng, needs = p_needs, hands_count = p_hands_count, materials = p_materials,
      space = p_space, money_amount = p_money_amount, starts_on = p_starts_on, when_text = p_when_text,
      status = case when p_submit then 'ingediend' else status end
     where id = v_id
    returning * into v_row;
  end if;
  if p_submit then
    insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
    values (app.uid(), 'initiatief_ingediend', 'initiatief', v_row.id::text, v_row.wijk_code);
  end if;
  return v_row.id;
end
$$;

-- The author takes a submitted initiative back to concept, or deletes a concept.
create function public.withdraw_initiatief(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.initiatieven set status = 'concept' where id = p_id and author_id = app.uid() and status = 'ingediend';
  if not found then
    raise exception 'Dit initiatief kan niet worden teruggetrokken' using errcode = '42501';
  end if;
end
$$;

create function public.delete_initiatief_concept(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.initiatieven where id = p_id and author_id = app.uid() and status = 'concept';
  if not found then
    raise exception 'Alleen een eigen concept kan worden verwijderd' using errcode = '42501';
  end if;
end
$$;

-- A worker of the wijk takes a submitted initiative in hand, so colleagues see who handles it.
create function public.claim_initiatief(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or not app.works_in_wijk(v_row.wijk_code) or v_row.status <> 'ingediend' then
    raise exception 'Alleen een opbouwwerker van deze wijk neemt dit in behandeling' using errcode = '42501';
  end if;
  update public.initiatieven set claimed_by = app.uid() where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'initiatief_geclaimd', 'initiatief', p_id::text, v_row.wijk_code);
end
$$;

-- A worker of the wijk decides on a submitted initiative: publish (they become its coach), ask for
-- changes or decline; the last two need a message for the author. Nobody decides on their own.
create function public.moderate_initiatief(p_id uuid, p_decision text, p_message text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
  v_status text := case p_decision when 'publiceren' then 'gepubliceerd' when 'aanpassen' then 'aanpassing_gevraagd'
                                   when 'afwijzen' then 'afgewezen' end;
  v_message text := trim(coalesce(p_message, ''));
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or not app.works_in_wijk(v_row.wijk_code) then
    raise exception 'Alleen een opbouwwerker van deze wijk beslist hierover' using errcode = '42501';
  end if;
  if v_row.author_id = app.uid() then
    raise exception 'Over je eigen initiatief beslist een collega' using errcode = '42501';
  end if;
  if v_status is null then
    raise exception 'Onbekende beslissing' using errcode = '22023';
  end if;
  if v_status <> 'gepubliceerd' and length(v_message) = 0 then
    raise exception 'Schrijf de maker waarom' using errcode = '23514';
  end if;
  update public.initiatieven
     set status = v_status, moderator_message = v_message, claimed_by = app.uid(),
         coach_id = case when v_status = 'gepubliceerd' then coalesce(coach_id, app.uid()) else coach_id end
   where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'initiatief_' || v_status, 'initiatief', p_id::text, v_row.wijk_code, v_message);
end
$$;

-- The coach or a worker of the wijk moves a published initiative one stage on or back.
create function public.set_initiatief_stage(p_id uuid, p_stage text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or not (v_row.coach_id = app.uid() or app.works_in_wijk(v_row.wijk_code)) then
    raise exception 'Alleen de coach of een opbouwwerker van deze wijk verandert de fase' using errcode = '42501';
  end if;
  update public.initiatieven set stage = p_stage where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'initiatief_fase', 'initiatief', p_id::text, v_row.wijk_code,
          jsonb_build_object('from', v_row.stage, 'to', p_stage));
end
$$;

-- A worker of the wijk becomes the coach of a published initiative.
create function public.coach_initiatief(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_row public.initiatieven;
begin
  select * into v_row from public.initiatieven where id = p_id for update;
  if v_row.id is null or v_row.status <> 'gepubliceerd' or not app.works_in_wijk(v_row.wijk_code)
     or app.role() not in ('opbouwwerker', 'coordinator', 'admin') then
    raise exception 'Alleen een opbouwwerker van deze wijk kan coach worden' using errcode = '42501';
  end if;
  update public.initiatieven set coach_id = app.uid() where id = p_id;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'initiatief_coach', 'initiatief', p_id::text, v_row.wijk_code);
end
$$;

-- A resident joins a published initiative with what they bring and how to reach them.
create function public.join_initiatief(p_id uuid, p_brings text[], p_note text, p_contact text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if app.uid() is null or not app.initiatief_published(p_id) then
    raise exception 'Meedoen kan alleen bij een gepubliceerd initiatief' using errcode = '42501';
  end if;
  if exists (select 1 from public.initiatieven where id = p_id and author_id = app.uid()) then
    raise exception 'De maker doet al mee' using errcode = '42501';
  end if;
  insert into public.initiatief_deelnemers (initiatief_id, user_id, brings, note)
  values (p_id, app.uid(), p_brings, p_note)
  on conflict (initiatief_id, user_id) do update set brings = excluded.brings, note = excluded.note;
  insert into public.initiatief_contacten (initiatief_id, user_id, contact) values (p_id, app.uid(), p_contact)
  on conflict (initiatief_id, user_id) do update set contact = excluded.contact;
  update public.initiatieven
     set joiner_count = (select count(*) from public.initiatief_deelnemers where initiatief_id = p_id)
   where id = p_id;
end
$$;

create function public.leave_initiatief(p_id uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  delete from public.initiatief_deelnemers where initiatief_id = p_id and user_id = app.uid();
  update public.initiatieven
     set joiner_count = (select count(*) from public.initiatief_deelnemers where initiatief_id = p_id)
   where id = p_id;
end
$$;

-- The author makes a joiner co-organiser (or takes it back).
create function public.set_initiatief_organiser(p_id uuid, p_user uuid, p_on boolean) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.initiatieven where id = p_id and author_id = app.uid()) then
    raise exception 'Alleen de maker kiest mede-organisatoren' using errcode = '42501';
  end if;
  update public.initiatief_deelnemers set is_organiser = p_on where initiatief_id = p_id and user_id = p_user;
  if not found then
    raise exception 'Deze bewoner doet niet mee' using errcode = 'P0002';
  end if;
end
$$;

-- The author, the coach or a worker of the wijk hides a comment, with a reason that is kept.
create function public.hide_initiatief_reactie(p_id bigint, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_initiatief public.initiatieven;
begin
  select i.* into v_initiatief from public.initiatief_reacties r join public.initiatieven i on i.id = r.initiatief_id
   where r.id = p_id;
  if v_initiatief.id is null or not (v_initiatief.author_id = app.uid() or v_initiatief.coach_id = app.uid()
                                      or app.works_in_wijk(v_initiatief.wijk_code)) then
    raise exception 'Alleen de maker, de coach of een opbouwwerker verbergt een reactie' using errcode = '42501';
  end if;
  if length(trim(coalesce(p_reason, ''))) = 0 then
    raise exception 'Schrijf waarom' using errcode = '23514';
  end if;
  update public.initiatief_reacties set hidden_at = now(), hidden_by = app.uid(), hidden_reason = trim(p_reason)
   where id = p_id and hidden_at is null;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason)
  values (app.uid(), 'reactie_verborgen', 'initiatief_reactie', p_id::text, v_initiatief.wijk_code, trim(p_reason));
end
$$;

-- Reports plug in here (see the reports migration): the wijk, when the reporter can see the subject.
create function app.report_wijk_initiatief(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select wijk_code from public.initiatieven
   where id::text = p_id and status = 'gepubliceerd' and author_id <> app.uid()
$$;

create function app.report_wijk_initiatief_reactie(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select i.wijk_code from public.initiatief_reacties r join public.initiatieven i on i.id = r.initiatief_id
   where r.id::text = p_id and i.status = 'gepubliceerd' and r.hidden_at is null and r.author_id <> app.uid()
$$;

-- ---------------------------------------------------------------------------------------------------
-- Access

alter table public.initiatieven enable row level security;
alter table public.initiatief_deelnemers enable row level security;
alter table public.initiatief_contacten enable row level security;
alter table public.initiatief_updates enable row level security;
alter table public.initiatief_notities enable row level security;
alter table public.initiatief_reacties enable row level security;
revoke all on public.initiatieven, public.initiatief_deelnemers, public.initiatief_contacten,
  public.initiatief_updates, public.initiatief_notities, public.initiatief_reacties from anon, authenticated;

grant select on public.initiatieven to anon, authenticated;
-- Visitors see published initiatives only.
create policy initiatieven_read_anon on public.initiatieven for select to anon using (status = 'gepubliceerd');
-- Logged in: published ones, one's own in every state, and the submitted, sent-back and declined ones
-- of the wijken one works in (never someone else's concept).
create policy initiatieven_read on public.initiatieven for select to authenticated
  using (status = 'gepubliceerd' or author_id = (select app.uid())
         or (status <> 'concept' and app.works_in_wijk(wijk_code)));

grant select on public.initiatief_deelnemers to authenticated;
-- A joiner sees their own row; the organisers and the workers of the wijk see everyone who joined.
create policy deelnemers_read on public.initiatief_deelnemers for select to authenticated
  using (user_id = (select app.uid()) or app.organises_initiatief(initiatief_id) or app.works_on_initiatief(initiatief_id));

grant select on public.initiatief_contacten to authenticated;
-- Contact details: the joiner, the organisers and the workers of the wijk only.
create policy contacten_read on public.initiatief_contacten for select to authenticated
  using (user_id = (select app.uid()) or app.organises_initiatief(initiatief_id) or app.works_on_initiatief(initiatief_id));

grant select on public.initiatief_updates to anon, authenticated;
grant insert (initiatief_id, body) on public.initiatief_updates to authenticated;
-- Updates of a published initiative are public (the initiatieven policy hides the others).
create policy updates_read on public.initiatief_updates for select to anon, authenticated
  using (exists (select 1 from public.initiatieven i where i.id = initiatief_id));
-- The organisers, the coach and the workers of the wijk post updates on a published initiative.
create policy updates_insert on public.initiatief_updates for insert to authenticated
  with check (author_id = (select app.uid()) and app.initiatief_published(initiatief_id)
              and (app.organises_initiatief(initiatief_id) or app.works_on_initiatief(initiatief_id)
                   or exists (select 1 from public.initiatieven i where i.id = initiatief_id and i.coach_id = (select app.uid()))));

grant select, insert (initiatief_id, body) on public.initiatief_notities to authenticated;
-- The coaching log is internal: workers of the initiative's wijk only.
create policy notities_read on public.initiatief_notities for select to authenticated
  using (app.works_on_initiatief(initiatief_id));
create policy notities_insert on public.initiatief_notities for insert to authenticated
  with check (author_id = (select app.uid()) and app.works_on_initiatief(initiatief_id));

grant select on public.initiatief_reacties to anon, authenticated;
grant insert (initiatief_id, body) on public.initiatief_reacties to authenticated;
-- Comments on published initiatives are public while not hidden; a hidden one stays visible to its
-- writer, the organisers and the workers of the wijk.
create policy reacties_read_anon on public.initiatief_reacties for select to anon
  using (hidden_at is null and app.initiatief_published(initiatief_id));
create policy reacties_read on public.initiatief_reacties for select to authenticated
  using (app.initiatief_published(initiatief_id)
         and (hidden_at is null or author_id = (select app.uid()) or app.organises_initiatief(initiatief_id)
              or app.works_on_initiatief(initiatief_id)));
-- Any logged-in resident comments on a published initiative, in their own name.
create policy reacties_insert on public.initiatief_reacties for insert to authenticated
  with check (author_id = (select app.uid()) and app.initiatief_published(initiatief_id));

revoke execute on function public.save_initiatief, public.withdraw_initiatief, public.delete_initiatief_concept,
  public.claim_initiatief, public.moderate_initiatief, public.set_initiatief_stage, public.coach_initiatief,
  public.join_initiatief, public.leave_initiatief, public.set_initiatief_organiser, public.hide_initiatief_reactie
  from public, anon;
grant execute on function public.save_initiatief, public.withdraw_initiatief, public.delete_initiatief_concept,
  public.claim_initiatief, public.moderate_initiatief, public.set_initiatief_stage, public.coach_initiatief,
  public.join_initiatief, public.leave_initiatief, public.set_initiatief_organiser, public.hide_initiatief_reactie
  to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.initiatieven, public.initiatief_deelnemers, public.initiatief_contacten,
  public.initiatief_updates, public.initiatief_notities, public.initiatief_reacties to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
