-- Burenhulp: one-on-one help between neighbours. Residents post a help request (vraag) or offer
-- (aanbod); either side proposes a match; contact details are revealed only when both accepted (and,
-- for requests that need care, a worker of the wijk approved). Every move is a function here, so the
-- rules hold whichever client writes.

-- ---------------------------------------------------------------------------------------------------
-- Blocks: a blocked person never sees or reaches the one who blocked them again.

create table public.help_blocks (
  blocker_id uuid not null default app.uid() references public.profiles on delete cascade,
  blocked_id uuid not null references public.profiles on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  check (blocker_id <> blocked_id)
);
create index on public.help_blocks (blocked_id);

-- True when either of the two has blocked the other. Security definer: a blocked person may not read
-- the block itself, but the database must still keep them apart.
create function app.help_blocked(p_a uuid, p_b uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_blocks
                  where (blocker_id = p_a and blocked_id = p_b) or (blocker_id = p_b and blocked_id = p_a))
$$;

-- ---------------------------------------------------------------------------------------------------
-- Posts. lat/lng are the buurt's centre, copied so that the candidate search is one index range.

create table public.help_posts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('vraag', 'aanbod')),
  -- The person who carries the post: the resident, or the opbouwwerker filing for a resident offline.
  owner_id uuid not null default app.uid() references public.profiles on delete cascade,
  -- Set when a worker files for a resident who is not online; name and phone are in help_post_private.
  for_offline boolean not null default false,
  first_name text not null default '' check (length(first_name) <= 60),
  category text not null check (category in ('boodschappen', 'klussen', 'gezelschap', 'vervoer', 'administratie',
    'digitaal', 'taal', 'tuin', 'huisdieren', 'anders')),
  description text not null check (length(description) between 10 and 500),
  when_kind text not null check (when_kind in ('eenmalig', 'wekelijks')),
  on_date date,
  slots text[] not null default '{}'
    check (slots <@ array[
      'ma-ochtend','ma-middag','ma-avond','di-ochtend','di-middag','di-avond','wo-ochtend','wo-middag','wo-avond',
      'do-ochtend','do-middag','do-avond','vr-ochtend','vr-middag','vr-avond','za-ochtend','za-middag','za-avond',
      'zo-ochtend','zo-middag','zo-avond']),
  buurt_code text not null references public.buurten,
  wijk_code text not null references public.wijken,
  lat double precision not null default 0,
  lng double precision not null default 0,
  needs_care boolean not null default false,
  status text not null default 'open' check (status in ('open', 'gematcht', 'gesloten')),
  created_at timestamptz not null default now(),
  check (when_kind = 'wekelijks' or on_date is not null),
  check (when_kind = 'eenmalig' or cardinality(slots) > 0),
  check (kind = 'vraag' or not needs_care)
);
-- The candidate search: opposite kind, open, one category, a latitude band (then a longitude filter).
-- Covering, so the search reads only the index (an index-only scan once autovacuum has run).
create index help_posts_search on public.help_posts (kind, category, lat) include (lng, id, owner_id) where status = 'open';
create index help_posts_search_any on public.help_posts (kind, lat) include (lng, category, id, owner_id) where status = 'open';
create index on public.help_posts (owner_id);
create index help_posts_waiting on public.help_posts (wijk_code, created_at) where kind = 'vraag' and status = 'open';

-- Fills what the client may not choose: the first name shown to others, the wijk and the point.
create function app.help_post_fill() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_name text;
begin
  if tg_op = 'UPDATE' and (new.owner_id, new.kind, new.for_offline, new.created_at) is distinct from (old.owner_id, old.kind, old.for_offline, old.created_at) then
    raise exception 'Dit verandert niet' using errcode = '42501';
  end if;
  select b.wijk_code, b.lat, b.lng into new.wijk_code, new.lat, new.lng from public.buurten b where b.code = new.buurt_code;
  if new.for_offline then
    v_name := new.first_name;
  else
    select display_name into v_name from public.profiles where id = new.owner_id;
  end if;
  new.first_name := split_part(trim(coalesce(v_name, '')), ' ', 1);
  return new;
end
$$;
create trigger help_posts_fill before insert or update on public.help_posts
  for each row execute function app.help_post_fill();

-- The full name and phone number of a resident a worker filed for: only workers of that wijk read them.
create table public.help_post_private (
  post_id uuid primary key references public.help_posts on delete cascade,
  full_name text not null check (length(full_name) between 1 and 60),
  phone text not null default '' check (phone ~ '^(\+?[0-9 ()-]{6,20})?$')
);

-- ---------------------------------------------------------------------------------------------------
-- Matches: a request and an offer, proposed by one side, accepted by the other.

create table public.help_matches (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references public.help_posts on delete cascade,
  offer_id uuid not null references public.help_posts on delete cascade,
  request_owner uuid not null references public.profiles on delete cascade,
  offer_owner uuid not null references public.profiles on delete cascade,
  proposed_by uuid not null references public.profiles on delete cascade,
  wijk_code text not null references public.wijken,
  request_accepted_at timestamptz,
  offer_accepted_at timestamptz,
  needs_care boolean not null default false,
  care_approved_at timestamptz,
  care_approved_by uuid references public.profiles on delete set null,
  status text not null default 'voorgesteld'
    check (status in ('voorgesteld', 'actief', 'afgewezen', 'gestopt', 'afgesloten')),
  activated_at timestamptz,
  checkin_due_at timestamptz,
  request_checkin text check (request_checkin in ('goed', 'niet_goed')),
  offer_checkin text check (offer_checkin in ('goed', 'niet_goed')),
  outcome text check (outcome in ('geholpen', 'niet_geholpen', 'contact_blijft')),
  thanks text not null default '' check (length(thanks) <= 500),
  stopped_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now(),
  closed_at timestamptz,
  check (request_owner <> offer_owner),
  check (status <> 'actief' or (request_accepted_at is not null and offer_accepted_at is not null
                                and (not needs_care or care_approved_at is not null))),
  check (status <> 'afgesloten' or outcome is not null)
);
create unique index help_matches_pair on public.help_matches (request_id, offer_id);
create index on public.help_matches (request_owner, status);
create index on public.help_matches (offer_owner, status);
create index on public.help_matches (offer_id);
create index help_matches_care on public.help_matches (wijk_code) where needs_care and care_approved_at is null and status = 'voorgesteld';

-- Whoever writes a match: never with yourself, never across a block, only open posts of both kinds.
create function app.help_match_check() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_request public.help_posts;
  v_offer public.help_posts;
begin
  select * into v_request from public.help_posts where id = new.request_id;
  select * into v_offer from public.help_posts where id = new.offer_id;
  if v_request.kind is distinct from 'vraag' or v_offer.kind is distinct from 'aanbod' then
    raise exception 'Een match is een vraag en een aanbod' using errcode = '23514';
  end if;
  if v_request.status <> 'open' or v_offer.status <> 'open' then
    raise exception 'Deze vraag of dit aanbod is niet meer open' using errcode = '23514';
  end if;
  new.request_owner := v_request.owner_id;
  new.offer_owner := v_offer.owner_id;
  new.wijk_code := v_request.wijk_code;
  new.needs_care := v_request.needs_care;
  if new.request_owner = new.offer_owner then
    raise exception 'Je kunt niet met jezelf matchen' using errcode = '23514';
  end if;
  if app.help_blocked(new.request_owner, new.offer_owner) then
    raise exception 'Dit voorstel kan niet' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger help_matches_check before insert on public.help_matches
  for each row execute function app.help_match_check();

-- Only legal moves: voorgesteld → actief | afgewezen | gestopt; actief → gestopt | afgesloten.
create function app.help_match_transition() returns trigger
language plpgsql
as $$
begin
  if (new.request_id, new.offer_id, new.request_owner, new.offer_owner, new.proposed_by, new.wijk_code, new.needs_care, new.created_at)
     is distinct from (old.request_id, old.offer_id, old.request_owner, old.offer_owner, old.proposed_by, old.wijk_code, old.needs_care, old.created_at) then
    raise exception 'Een match zelf verandert niet' using errcode = '42501';
  end if;
  if new.status <> old.status and not (
       (old.status = 'voorgesteld' and new.status in ('actief', 'afgewezen', 'gestopt'))
    or (old.status = 'actief' and new.status in ('gestopt', 'afgesloten'))) then
    raise exception 'Deze stap kan niet meer (%→%)', old.status, new.status using errcode = '23514';
  end if;
  if old.status in ('afgewezen', 'gestopt', 'afgesloten') then
    raise exception 'Deze match is al beëindigd' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger help_matches_transition before update on public.help_matches
  for each row execute function app.help_match_transition();

-- A block stops every match between the two at once: contact is hidden and messages end.
create function app.help_block_stops_matches() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_requests uuid[];
begin
  with stopped as (
    update public.help_matches set status = 'gestopt', stopped_by = new.blocker_id, closed_at = now()
     where status in ('voorgesteld', 'actief')
       and ((request_owner = new.blocker_id and offer_owner = new.blocked_id)
         or (request_owner = new.blocked_id and offer_owner = new.blocker_id))
    returning request_id)
  select array_agg(request_id) into v_requests from stopped;
  update public.help_posts set status = 'open' where id = any (v_requests) and status = 'gematcht';
  return new;
end
$$;
create trigger help_blocks_stop after insert on public.help_blocks
  for each row execute function app.help_block_stops_matches();

-- True when the current user is one of the two parties.
create function app.help_is_party(p_match uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.help_matches where id = p_match and app.uid() in (request_owner, offer_owner)) $$;

-- True when the current user and p_user are the two parties of an active match: contact is revealed.
create function app.help_revealed_to_me(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_matches m
                  where m.status = 'actief'
                    and ((m.request_owner = app.uid() and m.offer_owner = p_user)
                      or (m.offer_owner = app.uid() and m.request_owner = p_user)))
$$;

-- True when this post is part of a match of the current user that was not stopped or declined, and no
-- block stands between the two: then they keep seeing the post after it stopped being open.
create function app.help_post_in_my_match(p_post uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_matches m
                  where (m.request_id = p_post or m.offer_id = p_post)
                    and m.status in ('voorgesteld', 'actief', 'afgesloten')
                    and app.uid() in (m.request_owner, m.offer_owner)
                    and not app.help_blocked(m.request_owner, m.offer_owner))
$$;

-- ---------------------------------------------------------------------------------------------------
-- Messages between the two parties of an active match.

create table public.help_messages (
  id bigint generated always as identity primary key,
  match_id uuid not null references public.help_matches on delete cascade,
  sender_id uuid not null default app.uid() references public.profiles on delete cascade,
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index on public.help_messages (match_id, id);

-- True when a report was made about a message of this match: then the wijk's workers may read them.
create function app.help_match_reported(p_match uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.reports r join public.help_messages hm on r.subject_id = hm.id::text
                  where r.subject_type = 'help_message' and hm.match_id = p_match)
$$;

-- ---------------------------------------------------------------------------------------------------
-- Access

alter table public.help_blocks enable row level security;
alter table public.help_posts enable row level security;
alter table public.help_post_private enable row level security;
alter table public.help_matches enable row level security;
alter table public.help_messages enable row level security;
revoke all on public.help_blocks, public.help_posts, public.help_post_private, public.help_matches, public.help_messages
  from anon, authenticated;

grant select, insert (blocked_id), delete on public.help_blocks to authenticated;
-- A resident sees, makes and lifts their own blocks; the blocked person never learns of them.
create policy help_blocks_read on public.help_blocks for select to authenticated using (blocker_id = (select app.uid()));
create policy help_blocks_insert on public.help_blocks for insert to authenticated with check (blocker_id = (select app.uid()));
create policy help_blocks_delete on public.help_blocks for delete to authenticated using (blocker_id = (select app.uid()));

-- Who wrote a post is not granted: others see only the first name, buurt, category and description.
-- A resident finds their own posts through my_help_posts() and help_post_is_mine() (below).
grant select (id, kind, for_offline, first_name, category, description, when_kind, on_date, slots, buurt_code,
              wijk_code, lat, lng, needs_care, status, created_at) on public.help_posts to authenticated;
grant insert (kind, category, description, when_kind, on_date, slots, buurt_code, needs_care, for_offline, first_name)
  on public.help_posts to authenticated;
grant update (category, description, when_kind, on_date, slots, buurt_code, needs_care) on public.help_posts to authenticated;
-- Logged-in residents see open posts (first name, buurt, category, description) of people they have
-- not blocked and who have not blocked them, and the posts of their own matches; everyone sees their
-- own; workers see those of their wijken.
create policy help_posts_read on public.help_posts for select to authenticated
  using (owner_id = (select app.uid())
         or (status = 'open' and not app.help_blocked(owner_id, (select app.uid())))
         or app.help_post_in_my_match(id)
         or app.works_in_wijk(wijk_code));
-- A resident posts in their own name; only a worker of that wijk files for a resident who is offline.
create policy help_posts_insert on public.help_posts for insert to authenticated
  with check (owner_id = (select app.uid()) and (not for_offline or app.works_in_buurt(buurt_code)));
-- The owner edits or closes their post.
create policy help_posts_update on public.help_posts for update to authenticated
  using (owner_id = (select app.uid())) with check (owner_id = (select app.uid()));

grant select, insert on public.help_post_private to authenticated;
-- Only workers of the post's wijk read or write the offline resident's phone number.
create policy help_post_private_read on public.help_post_private for select to authenticated
  using (app.works_in_wijk((select wijk_code from public.help_posts where id = post_id)));
create policy help_post_private_insert on public.help_post_private for insert to authenticated
  with check (app.works_in_wijk((select wijk_code from public.help_posts where id = post_id)));

grant select on public.help_matches to authenticated;
-- The two parties see their match, except that a proposer never sees a decline (it stays private);
-- workers of the wijk see the wijk's matches (care approvals, waiting list).
create policy help_matches_read on public.help_matches for select to authenticated
  using ((app.uid() in (request_owner, offer_owner) and not (status = 'afgewezen' and proposed_by = (select app.uid())))
         or app.works_in_wijk(wijk_code));

grant select, insert (match_id, body) on public.help_messages to authenticated;
-- The parties read their conversation; workers of the wijk only once a message in it was reported.
create policy help_messages_read on public.help_messages for select to authenticated
  using (app.help_is_party(match_id) or (app.help_match_reported(match_id)
         and app.works_in_wijk((select wijk_code from public.help_matches where id = match_id))));
-- A party writes in their own name, only while the match is active and nobody blocked the other.
create policy help_messages_insert on public.help_messages for insert to authenticated
  with check (sender_id = (select app.uid()) and exists (
    select 1 from public.help_matches m where m.id = match_id and m.status = 'actief'
       and (select app.uid()) in (m.request_owner, m.offer_owner)
       and not app.help_blocked(m.request_owner, m.offer_owner)));

-- The other party of an active match reads the phone number and address (the reveal).
create policy profile_private_read_match on public.profile_private for select to authenticated
  using (app.help_revealed_to_me(user_id));

-- The caller's own posts. Security definer because owner_id is not granted; it only returns rows
-- whose owner is the caller, so the column tells them nothing new.
create function public.my_help_posts() returns setof public.help_posts
language sql stable security definer set search_path = ''
as $$ select * from public.help_posts where owner_id = app.uid() $$;

create function public.help_post_is_mine(p_post uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.help_posts where id = p_post and owner_id = app.uid()) $$;

-- Blocks the author of a post the caller can see, without revealing who that is.
create function public.help_block_author(p_post uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_owner uuid;
begin
  select owner_id into v_owner from public.help_posts
   where id = p_post and owner_id <> app.uid()
     and (status = 'open' or app.help_post_in_my_match(id));
  if v_owner is null then
    raise exception 'Dit kan niet' using errcode = '42501';
  end if;
  insert into public.help_blocks (blocker_id, blocked_id) values (app.uid(), v_owner) on conflict do nothing;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Moves

-- Proposes a match from one of the caller's own posts; the proposer's side is accepted at once.
create function public.help_propose(p_own_post uuid, p_other_post uuid) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_own public.help_posts;
  v_other public.help_posts;
  v_id uuid;
begin
  select * into v_own from public.help_posts where id = p_own_post;
  select * into v_other from public.help_posts where id = p_other_post;
  if v_own.owner_id is distinct from app.uid() or v_other.id is null then
    raise exception 'Dit voorstel kan niet' using errcode = '42501';
  end if;
  if v_own.kind = v_other.kind then
    raise exception 'Een match is een vraag en een aanbod' using errcode = '23514';
  end if;
  insert into public.help_matches (request_id, offer_id, request_owner, offer_owner, proposed_by, wijk_code,
                                   request_accepted_at, offer_accepted_at)
  values (case when v_own.kind = 'vraag' then v_own.id else v_other.id end,
          case when v_own.kind = 'aanbod' then v_own.id else v_other.id end,
          v_own.owner_id, v_own.owner_id, app.uid(), v_own.wijk_code,
          case when v_own.kind = 'vraag' then now() end,
          case when v_own.kind = 'aanbod' then now() end)
  returning id into v_id;
  return v_id;
end
$$;

-- Makes a match active once both accepted and, where care is needed, a worker approved.
create function app.help_activate_if_ready(p_match uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match;
  if v.status = 'voorgesteld' and v.request_accepted_at is not null and v.offer_accepted_at is not null
     and (not v.needs_care or v.care_approved_at is not null) then
    update public.help_matches set status = 'actief', activated_at = now(), checkin_due_at = now() + interval '14 days'
     where id = p_match;
    update public.help_posts set status = 'gematcht' where id = v.request_id;
  end if;
end
$$;

-- The other side accepts or declines. Refused for strangers, twice, or once the match has ended.
create function public.help_respond(p_match uuid, p_accept boolean) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
  v_side text;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or app.uid() not in (v.request_owner, v.offer_owner) then
    raise exception 'Dit voorstel is niet voor jou' using errcode = '42501';
  end if;
  v_side := case when app.uid() = v.request_owner then 'vraag' else 'aanbod' end;
  if v.status <> 'voorgesteld' then
    raise exception 'Dit voorstel is niet meer open' using errcode = '23514';
  end if;
  if (v_side = 'vraag' and v.request_accepted_at is not null) or (v_side = 'aanbod' and v.offer_accepted_at is not null) then
    raise exception 'Je hebt dit voorstel al geaccepteerd' using errcode = '23514';
  end if;
  if not p_accept then
    update public.help_matches set status = 'afgewezen', closed_at = now() where id = p_match;
    return 'afgewezen';
  end if;
  if v_side = 'vraag' then
    update public.help_matches set request_accepted_at = now() where id = p_match;
  else
    update public.help_matches set offer_accepted_at = now() where id = p_match;
  end if;
  perform app.help_activate_if_ready(p_match);
  return (select status from public.help_matches where id = p_match);
end
$$;

-- A worker of the wijk approves the introduction for a request that needs care.
create function public.help_approve_care(p_match uuid) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or not app.works_in_wijk(v.wijk_code) then
    raise exception 'Alleen een opbouwwerker van deze wijk kan dit goedkeuren' using errcode = '42501';
  end if;
  if v.status <> 'voorgesteld' or not v.needs_care or v.care_approved_at is not null then
    raise exception 'Dit voorstel wacht niet op goedkeuring' using errcode = '23514';
  end if;
  update public.help_matches set care_approved_at = now(), care_approved_by = app.uid() where id = p_match;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'help_approve_care', 'help_match', p_match::text, v.wijk_code);
  perform app.help_activate_if_ready(p_match);
  return (select status from public.help_matches where id = p_match);
end
$$;

-- Either party (or a worker of the wijk) stops a match at any moment; contact is hidden again.
create function public.help_stop(p_match uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or not (app.uid() in (v.request_owner, v.offer_owner) or app.works_in_wijk(v.wijk_code)) then
    raise exception 'Dit is niet jouw match' using errcode = '42501';
  end if;
  if v.status not in ('voorgesteld', 'actief') then
    raise exception 'Deze match is al beëindigd' using errcode = '23514';
  end if;
  update public.help_matches set status = 'gestopt', stopped_by = app.uid(), closed_at = now() where id = p_match;
  update public.help_posts set status = 'open' where id = v.request_id and status = 'gematcht';
end
$$;

-- The check-in after two weeks: "gaat het goed?".
create function public.help_check_in(p_match uuid, p_answer text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or app.uid() not in (v.request_owner, v.offer_owner) then
    raise exception 'Dit is niet jouw match' using errcode = '42501';
  end if;
  if v.status <> 'actief' or v.checkin_due_at > now() then
    raise exception 'Er is nu geen check-in' using errcode = '23514';
  end if;
  if app.uid() = v.request_owner then
    update public.help_matches set request_checkin = p_answer where id = p_match;
  else
    update public.help_matches set offer_checkin = p_answer where id = p_match;
  end if;
end
$$;

-- A party closes an active match with its outcome and, if they like, a thank-you.
create function public.help_close(p_match uuid, p_outcome text, p_thanks text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or app.uid() not in (v.request_owner, v.offer_owner) then
    raise exception 'Dit is niet jouw match' using errcode = '42501';
  end if;
  if v.status <> 'actief' then
    raise exception 'Alleen een lopende match kan worden afgesloten' using errcode = '23514';
  end if;
  update public.help_matches set status = 'afgesloten', outcome = p_outcome, thanks = coalesce(p_thanks, ''), closed_at = now()
   where id = p_match;
  update public.help_posts set status = case when p_outcome = 'niet_geholpen' then 'open' else 'gesloten' end
   where id = v.request_id;
end
$$;

-- The owner withdraws a post; proposals on it that are still waiting end with it.
create function public.help_withdraw(p_post uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  update public.help_posts set status = 'gesloten' where id = p_post and owner_id = app.uid() and status <> 'gesloten';
  if not found then
    raise exception 'Dit is niet jouw vraag of aanbod' using errcode = '42501';
  end if;
  update public.help_matches set status = 'gestopt', stopped_by = app.uid(), closed_at = now()
   where (request_id = p_post or offer_id = p_post) and status = 'voorgesteld';
end
$$;

-- The other party's e-mail address, only while the match is active (users.email is not readable otherwise).
create function public.help_partner_email(p_match uuid) returns text
language sql stable security definer set search_path = ''
as $$
  select u.email from public.help_matches m
    join public.users u on u.id = case when m.request_owner = app.uid() then m.offer_owner else m.request_owner end
   where m.id = p_match and m.status = 'actief' and app.uid() in (m.request_owner, m.offer_owner)
$$;

-- A worker files a request for a resident who is not online, with their phone kept private.
-- Security invoker: the insert policies above decide (the worker must work in that buurt).
create function public.help_file_for_resident(p_name text, p_buurt_code text, p_phone text, p_category text,
  p_description text, p_when_kind text, p_on_date date, p_slots text[], p_needs_care boolean) returns uuid
language plpgsql
as $$
declare
  v_id uuid;
begin
  if coalesce(trim(p_name), '') = '' then
    raise exception 'Naam ontbreekt' using errcode = '23514';
  end if;
  insert into public.help_posts (kind, for_offline, first_name, category, description, when_kind, on_date, slots, buurt_code, needs_care)
  values ('vraag', true, trim(p_name), p_category, p_description, p_when_kind, p_on_date, p_slots, p_buurt_code, p_needs_care)
  returning id into v_id;
  insert into public.help_post_private (post_id, full_name, phone) values (v_id, trim(p_name), p_phone);
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'help_file_for_resident', 'help_post', v_id::text, (select wijk_code from public.help_posts where id = v_id));
  return v_id;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- The candidate search: ONE query, two index ranges (same category in a wide box, any category in a
-- narrow one), excluding own posts, blocks and pairs already proposed. Ranking happens in the app
-- (src/lib/burenhulp/rank.ts); this returns the features it needs. Security definer so that row policies
-- are not evaluated per scanned row; it checks itself that the post is the caller's and returns only
-- what residents may see of open posts (first name, buurt, category, description, time).

create function public.help_suggestions(p_post uuid, p_limit integer default 40)
returns table (id uuid, kind text, first_name text, category text, description text, buurt_naam text,
               distance_m integer, when_kind text, on_date date, slots text[], interests text[], talents text[])
language sql stable security definer set search_path = ''
as $$
  with me as (
    select p.* from public.help_posts p where p.id = p_post and p.owner_id = app.uid()
  ), box as (
    -- ~2 km for the same category, ~700 m for the rest; 1° latitude ≈ 111 km.
    select me.*, case when me.kind = 'vraag' then 'aanbod' else 'vraag' end as other,
           0.018::double precision as dlat, 0.018 / cos(radians(me.lat)) as dlng,
           greatest(1, least(p_limit, 100)) as n from me
  ), hits as (
    (select c.id, c.owner_id, c.category, c.lat, c.lng from box b join public.help_posts c
        on c.kind = b.other and c.status = 'open' and c.category = b.category
       and c.lat between b.lat - b.dlat and b.lat + b.dlat and c.lng between b.lng - b.dlng and b.lng + b.dlng
      order by (c.lat - b.lat)^2 + ((c.lng - b.lng) * cos(radians(b.lat)))^2
      limit (select n from box))
    union all
    (select c.id, c.owner_id, c.category, c.lat, c.lng from box b join public.help_posts c
        on c.kind = b.other and c.status = 'open' and c.category <> b.category
       and c.lat between b.lat - b.dlat / 3 and b.lat + b.dlat / 3 and c.lng between b.lng - b.dlng / 3 and b.lng + b.dlng / 3
      order by (c.lat - b.lat)^2 + ((c.lng - b.lng) * cos(radians(b.lat)))^2
      limit (select n from box))
  )
  select c.id, c.kind, c.first_name, c.category, c.description, bu.naam,
         round(sqrt(((c.lat - me.lat) * 110574)^2 + ((c.lng - me.lng) * 111320 * cos(radians(me.lat)))^2))::integer,
         c.when_kind, c.on_date, c.slots,
         case when c.for_offline then '{}' else pr.interests end, case when c.for_offline then '{}' else pr.talents end
    from hits h
    join me on true
    join public.help_posts c on c.id = h.id
    join public.buurten bu on bu.code = c.buurt_code
    join public.profiles pr on pr.id = c.owner_id
   where h.owner_id <> me.owner_id
     and not app.help_blocked(h.owner_id, me.owner_id)
     and not exists (select 1 from public.help_matches m
                      where m.request_id = case when me.kind = 'vraag' then me.id else h.id end
                        and m.offer_id = case when me.kind = 'vraag' then h.id else me.id end)
   limit greatest(1, least(p_limit, 100))
$$;

revoke execute on function public.help_propose, public.help_respond, public.help_approve_care, public.help_stop,
  public.help_check_in, public.help_close, public.help_withdraw, public.help_partner_email, public.help_file_for_resident,
  public.help_suggestions, public.my_help_posts, public.help_post_is_mine, public.help_block_author from public, anon;
grant execute on function public.help_propose, public.help_respond, public.help_approve_care, public.help_stop,
  public.help_check_in, public.help_close, public.help_withdraw, public.help_partner_email, public.help_file_for_resident,
  public.help_suggestions, public.my_help_posts, public.help_post_is_mine, public.help_block_author to authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Reports: posts and messages plug into public.reports.

-- A post belongs to its wijk; a reporter must be able to see it and not own it.
create function app.report_wijk_help_post(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select p.wijk_code from public.help_posts p
   where p.id::text = p_id and p.owner_id <> app.uid()
     and (p.status = 'open' or exists (select 1 from public.help_matches m
                                         where (m.request_id = p.id or m.offer_id = p.id)
                                           and app.uid() in (m.request_owner, m.offer_owner)))
$$;

-- A message belongs to its match's wijk; only the party who received it reports it.
create function app.report_wijk_help_message(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select m.wijk_code from public.help_messages hm join public.help_matches m on m.id = hm.match_id
   where hm.id::text = p_id and hm.sender_id <> app.uid() and app.uid() in (m.request_owner, m.offer_owner)
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.help_blocks, public.help_posts, public.help_post_private, public.help_matches, public.help_messages
  to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
