-- Ending a match is mutual and keeps history (issue 11). The side that closes a match gives its
-- outcome; the other side is asked for theirs (a notification) and answers on the match page, once.
-- The match stays readable to both as history.

alter table public.help_matches
  add column request_outcome text check (request_outcome in ('geholpen', 'niet_geholpen', 'contact_blijft')),
  add column offer_outcome text check (offer_outcome in ('geholpen', 'niet_geholpen', 'contact_blijft')),
  add column request_thanks text not null default '' check (length(request_thanks) <= 500),
  add column offer_thanks text not null default '' check (length(offer_thanks) <= 500);
comment on column public.help_matches.request_outcome is 'The asking side''s outcome, given when it closed or answered the other side''s closing.';
comment on column public.help_matches.offer_outcome is 'The offering side''s outcome, given when it closed or answered the other side''s closing.';

-- Matches closed before this change: the closing side is unknown, so the outcome counts for both.
update public.help_matches set request_outcome = outcome, offer_outcome = outcome,
                               request_thanks = thanks, offer_thanks = thanks
 where status = 'afgesloten';

-- Only legal moves, as before; and once a match is closed, each side may still give its own outcome
-- once (nothing else about an ended match changes).
create or replace function app.help_match_transition() returns trigger
language plpgsql
as $$
declare
  v_sides text[] := array['request_outcome', 'offer_outcome', 'request_thanks', 'offer_thanks'];
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

grant select (request_outcome, offer_outcome, request_thanks, offer_thanks) on public.help_matches to authenticated;

insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('help_match_closed', 'direct', false, 16);

-- A party closes an active match with their outcome, or answers the other side's closing with theirs.
-- The first closing ends the match (contact details are no longer revealed, messages stop); the other
-- side hears of it. The request goes back on the list only when the asking side says it was not helped.
create or replace function public.help_close(p_match uuid, p_outcome text, p_thanks text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
  v_asker boolean;
  v_other uuid;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or app.uid() not in (v.request_owner, v.offer_owner) then
    raise exception 'Dit is niet jouw match' using errcode = '42501';
  end if;
  v_asker := app.uid() = v.request_owner;
  v_other := case when v_asker then v.offer_owner else v.request_owner end;
  if v.status = 'actief' then
    update public.help_matches
       set status = 'afgesloten', outcome = p_outcome, thanks = coalesce(p_thanks, ''), closed_at = now(),
           request_outcome = case when v_asker then p_outcome end,
           offer_outcome = case when v_asker then null else p_outcome end,
           request_thanks = case when v_asker then coalesce(p_thanks, '') else '' end,
           offer_thanks = case when v_asker then '' else coalesce(p_thanks, '') end
     where id = p_match;
    perform app.notify(v_other, 'help_match_closed', '/burenhulp/match/' || v.id, v.id::text,
      jsonb_build_object('name', app.first_name(app.uid())));
  elsif v.status = 'afgesloten' and (case when v_asker then v.request_outcome else v.offer_outcome end) is null then
    if p_outcome is null or p_outcome not in ('geholpen', 'niet_geholpen', 'contact_blijft') then
      raise exception 'Kies hoe het ging' using errcode = '23514';
    end if;
    update public.help_matches
       set request_outcome = case when v_asker then p_outcome else request_outcome end,
           offer_outcome = case when v_asker then offer_outcome else p_outcome end,
           request_thanks = case when v_asker then coalesce(p_thanks, '') else request_thanks end,
           offer_thanks = case when v_asker then offer_thanks else coalesce(p_thanks, '') end
     where id = p_match;
  else
    raise exception 'Alleen een lopende match kan worden afgesloten' using errcode = '23514';
  end if;
  -- The asking side decides whether its request is still open; until it has answered, the closing does.
  if v_asker or v.status = 'actief' then
    update public.help_posts set status = case when p_outcome = 'niet_geholpen' then 'open' else 'gesloten' end
     where id = v.request_id
       and not exists (select 1 from public.help_matches o where o.request_id = v.request_id and o.id <> v.id and o.status = 'actief');
  end if;
end
$$;

-- The parties' view of their matches gains their own outcome, the other side's, and whether the
-- other side still has to answer (columns are added at the end, as create or replace view requires).
create or replace view public.my_help_matches with (security_barrier) as
  select m.id, m.request_id, m.offer_id, m.wijk_code, m.status,
         case when m.request_owner = app.uid() then 'vraag' else 'aanbod' end as my_side,
         m.proposed_by = app.uid() as proposed_by_me,
         m.request_accepted_at, m.offer_accepted_at, m.needs_care, m.care_approved_at, m.activated_at, m.checkin_due_at,
         m.request_checkin, m.offer_checkin, m.outcome, m.thanks, m.created_at, m.closed_at,
         case when m.request_owner = app.uid() then m.request_outcome else m.offer_outcome end as my_outcome,
         case when m.request_owner = app.uid() then m.offer_outcome else m.request_outcome end as other_outcome,
         case when m.request_owner = app.uid() then m.offer_thanks else m.request_thanks end as other_thanks
    from public.help_matches m
   where app.uid() in (m.request_owner, m.offer_owner)
     and not (m.status = 'afgewezen' and m.proposed_by = app.uid());

grant all on public.my_help_matches to service_role;
grant execute on all functions in schema public to service_role;
