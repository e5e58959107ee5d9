-- No identity before consent. Until both sides of a match accept, a resident knows the other party
-- only as "first name, buurt": no user ids in rows they can read, and the profiles of other residents
-- are readable only where a relation gives a reason. Matches only between posts in one gemeente and
-- within 15 km.

-- ---------------------------------------------------------------------------------------------------
-- Matches: who the parties are is not granted. The parties read their matches through
-- my_help_matches, which says which side they are on instead.

revoke select on public.help_matches from authenticated;
grant select (id, request_id, offer_id, wijk_code, request_accepted_at, offer_accepted_at, needs_care, care_approved_at,
              status, activated_at, checkin_due_at, request_checkin, offer_checkin, outcome, thanks, created_at, closed_at)
  on public.help_matches to authenticated;

-- The policy on messages read the parties from the match; that is now done by a function that
-- answers yes or no, since the parties are not readable.
create function app.help_can_message(p_match uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.help_matches m
                  where m.id = p_match and m.status = 'actief' and app.uid() in (m.request_owner, m.offer_owner)
                    and not app.help_blocked(m.request_owner, m.offer_owner))
$$;
drop policy help_messages_insert on public.help_messages;
-- A party writes in their own name, only while the match is active and nobody blocked the other.
create policy help_messages_insert on public.help_messages for insert to authenticated
  with check (sender_id = (select app.uid()) and app.help_can_message(match_id));

-- The current user's matches, with their side, and never a decline of their own proposal (that stays
-- private). A view owned by the migration role: it reads the owner columns that the user may not,
-- and hands out only what they say about the user.
create view public.my_help_matches with (security_barrier) as
  select m.id, m.request_id, m.offer_id, m.wijk_code, m.status,
         case when m.request_owner = app.uid() then 'vraag' else 'aanbod' end as my_side,
         m.proposed_by = app.uid() as proposed_by_me,
         m.request_accepted_at, m.offer_accepted_at, m.needs_care, m.care_approved_at, m.activated_at, m.checkin_due_at,
         m.request_checkin, m.offer_checkin, m.outcome, m.thanks, m.created_at, m.closed_at
    from public.help_matches m
   where app.uid() in (m.request_owner, m.offer_owner)
     and not (m.status = 'afgewezen' and m.proposed_by = app.uid());
revoke all on public.my_help_matches from anon, authenticated;
grant select on public.my_help_matches to authenticated;

-- Who the parties of a match are, for the workers of its wijk (a reported conversation shows who
-- wrote what); residents have my_help_matches.
create view public.help_match_parties with (security_barrier) as
  select m.id, m.request_owner, m.offer_owner
    from public.help_matches m
   where app.is_staff() and app.works_in_wijk(m.wijk_code);
revoke all on public.help_match_parties from anon, authenticated;
grant select on public.help_match_parties to authenticated;

-- Distance in metres between two points (equirectangular; exact enough within a gemeente).
create function app.distance_m(p_lat1 double precision, p_lng1 double precision, p_lat2 double precision, p_lng2 double precision)
returns double precision
language sql immutable
as $$ select sqrt(((p_lat1 - p_lat2) * 110574) ^ 2 + ((p_lng1 - p_lng2) * 111320 * cos(radians(p_lat1))) ^ 2) $$;

-- Whoever writes a match: never with yourself, never across a block, only open posts of both kinds,
-- and only between neighbours: the same gemeente and at most 15 km apart.
create or replace function app.help_match_check() returns trigger
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
  if (select gemeente_code from public.wijken where code = v_request.wijk_code)
       is distinct from (select gemeente_code from public.wijken where code = v_offer.wijk_code)
     or app.distance_m(v_request.lat, v_request.lng, v_offer.lat, v_offer.lng) > 15000 then
    raise exception 'Deze vraag en dit aanbod liggen te ver uit elkaar' using errcode = '23514', hint = 'help_too_far';
  end if;
  if app.help_blocked(new.request_owner, new.offer_owner) then
    raise exception 'Dit voorstel kan niet' using errcode = '42501';
  end if;
  return new;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Blocks: a resident may block someone they know only by a post or a match. The block keeps a label
-- (first name and buurt) for the blocker's list; whom it blocks is not granted back.

alter table public.help_blocks add column id bigint generated always as identity;
alter table public.help_blocks add constraint help_blocks_id_key unique (id);
alter table public.help_blocks add column label text not null default '' check (length(label) <= 200);
comment on column public.help_blocks.label is 'Set by trigger: the first name and buurt of the blocked person.';

create function app.help_block_label() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  select split_part(trim(p.display_name), ' ', 1) || ' (' || b.naam || ')' into new.label
    from public.profiles p join public.buurten b on b.code = p.buurt_code where p.id = new.blocked_id;
  new.label := coalesce(new.label, '');
  return new;
end
$$;
create trigger help_blocks_label before insert on public.help_blocks
  for each row execute function app.help_block_label();
update public.help_blocks hb
   set label = split_part(trim(p.display_name), ' ', 1) || ' (' || b.naam || ')'
  from public.profiles p join public.buurten b on b.code = p.buurt_code
 where p.id = hb.blocked_id;

revoke select on public.help_blocks from authenticated;
grant select (id, label, created_at) on public.help_blocks to authenticated;

-- Blocks the other party of one of the caller's matches, without telling who that is.
create function public.help_block_partner(p_match uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_other uuid;
begin
  select case when request_owner = app.uid() then offer_owner else request_owner end into v_other
    from public.help_matches where id = p_match and app.uid() in (request_owner, offer_owner);
  if v_other is null then
    raise exception 'Dit kan niet' using errcode = '42501';
  end if;
  insert into public.help_blocks (blocker_id, blocked_id) values (app.uid(), v_other) on conflict do nothing;
end
$$;
revoke execute on function public.help_block_partner from public, anon;
grant execute on function public.help_block_partner to authenticated;

-- A party reports the other party of a match ("meld deze persoon") by the match: it belongs to the
-- match's wijk, and the worker reads who is who there.
create function app.report_wijk_help_match(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select m.wijk_code from public.help_matches m where m.id::text = p_id and app.uid() in (m.request_owner, m.offer_owner)
$$;

-- ---------------------------------------------------------------------------------------------------
-- Profiles: readable where a relation gives a reason. Staff profiles stay readable to everyone
-- logged in (residents see who their opbouwwerker is).

create function app.profile_visible(p_id uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_id = app.uid()
      -- the workers of the wijk where the person lives, its coordinator, admins
      or coalesce(app.works_for(p_id), false)
      -- the other party of an active match
      or app.help_revealed_to_me(p_id)
      -- co-organisers: the organisers of an initiative see who joined, who joined see its organisers
      or exists (select 1 from public.initiatief_deelnemers d
                  where d.user_id = p_id and app.organises_initiatief(d.initiatief_id))
      or exists (select 1 from public.initiatief_deelnemers me join public.initiatieven i on i.id = me.initiatief_id
                  where me.user_id = app.uid()
                    and (i.author_id = p_id or exists (select 1 from public.initiatief_deelnemers o
                                                        where o.initiatief_id = i.id and o.user_id = p_id and o.is_organiser)))
      -- the workers of the wijk of an initiative the person wrote or joined
      or exists (select 1 from public.initiatieven i where i.author_id = p_id and app.works_in_wijk(i.wijk_code))
      or exists (select 1 from public.initiatief_deelnemers d where d.user_id = p_id and app.works_on_initiatief(d.initiatief_id))
      -- the organisers of a Repair Café the person signed up for (and the workers of its buurt)
      or exists (select 1 from public.repair_cafe_signups s where s.resident_id = p_id and app.manages_repair_date(s.date_id))
      -- the workers of the wijk of a Rommelroute where the person registered a stand
      or exists (select 1 from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id
                  where s.resident_id = p_id and app.works_in_wijk(e.wijk_code))
$$;

drop policy profiles_read on public.profiles;
-- A user reads their own profile, staff profiles, and other residents' where a relation gives a
-- reason (app.profile_visible); never by first name and buurt alone.
create policy profiles_read on public.profiles for select to authenticated
  using (id = (select app.uid()) or role <> 'bewoner' or app.profile_visible(id));

-- Names as they are published with what someone wrote: the author of a published initiative, of an
-- update or a visible comment on one, plus everyone whose profile the user may read. Only the name
-- (and the id the content already carries), never the buurt, availability or interests.
create view public.profile_names with (security_barrier) as
  select p.id, p.display_name
    from public.profiles p
   where app.uid() is not null
     and (p.id = app.uid() or p.role <> 'bewoner'
          or exists (select 1 from public.initiatieven i where i.author_id = p.id and i.status = 'gepubliceerd')
          or exists (select 1 from public.initiatief_updates u where u.author_id = p.id and app.initiatief_published(u.initiatief_id))
          or exists (select 1 from public.initiatief_reacties r
                      where r.author_id = p.id and r.hidden_at is null and app.initiatief_published(r.initiatief_id))
          or app.profile_visible(p.id));
revoke all on public.profile_names from anon, authenticated;
grant select on public.profile_names to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.my_help_matches, public.help_match_parties, public.profile_names to service_role;
grant execute on all functions in schema public to service_role;
