-- A Rommelroute edition's page in one round trip (issue 15): the edition, one page of its approved
-- stands, how many there are, and the caller's own stands in it. The page made three requests to
-- PostgREST after the session (four in all, the first before the others), and counted every stand
-- exactly on each view: 20,000 for a city-wide route.
--
-- Security invoker, so the caller's own rights decide, as in the separate reads: editions are public,
-- approved stands come through rommelroute_stands_public, and the caller's own stands through the
-- row policy of rommelroute_stands (a visitor has none).
--
-- The count is exact up to 1000, as PostgREST's count=estimated; above that it is the planner's
-- estimate, and the page says "about" (src/lib/paging.ts). Null when there is no such edition.
-- The planner's estimate of an edition's approved stands. EXPLAIN is not allowed in a stable function,
-- so it is a volatile one of its own; it only plans, it reads no rows.
create function app.approved_stands_estimate(p_edition uuid) returns bigint
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_plan json;
begin
  execute format('explain (format json) select 1 from public.rommelroute_stands_public where edition_id = %L', p_edition) into v_plan;
  return (v_plan -> 0 -> 'Plan' ->> 'Plan Rows')::numeric::bigint;
end
$$;
revoke execute on function app.approved_stands_estimate from public;
grant execute on function app.approved_stands_estimate to anon, authenticated, service_role;

create function public.rommelroute_edition_page(p_edition uuid, p_offset integer, p_limit integer)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_edition jsonb;
  v_total bigint;
  v_mine jsonb := '[]';
begin
  select jsonb_build_object(
           'id', e.id, 'title', e.title, 'day', e.day, 'starts', e.starts, 'ends', e.ends,
           'registration_opens', e.registration_opens, 'registration_closes', e.registration_closes,
           'description', e.description, 'wijk_code', e.wijk_code, 'wijk', w.naam, 'gemeente', w.gemeente_code)
    into v_edition
    from public.rommelroute_editions e
    join public.wijken w on w.code = e.wijk_code
   where e.id = p_edition;
  if v_edition is null then
    return null;
  end if;

  select count(*) into v_total
    from (select 1 from public.rommelroute_stands_public s where s.edition_id = p_edition limit 1001) counted;
  if v_total > 1000 then
    v_total := greatest(1001, app.approved_stands_estimate(p_edition));
  end if;

  -- A visitor has no stands (and no grant on the table to look for them).
  if (select app.uid()) is not null then
    select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'status', m.status) order by m.id), '[]')
      into v_mine
      from public.rommelroute_stands m
     where m.edition_id = p_edition
       and m.resident_id = (select app.uid())
       and m.status in ('aangemeld', 'goedgekeurd');
  end if;

  return jsonb_build_object(
    'edition', v_edition,
    'total', v_total,
    'approximate', v_total > 1000,
    'stands', coalesce((
      select jsonb_agg(jsonb_build_object(
               'id', s.id, 'street', s.street, 'huisnummer', s.huisnummer, 'toevoeging', s.toevoeging,
               'postcode', s.postcode, 'city', s.city, 'lat', s.lat, 'lng', s.lng, 'sells', s.sells,
               'description', s.description, 'shown_name', s.shown_name)
             order by s.street, s.huisnummer, s.toevoeging)
        from (select * from public.rommelroute_stands_public p
               where p.edition_id = p_edition
               order by p.street, p.huisnummer, p.toevoeging
              offset greatest(p_offset, 0) limit least(greatest(p_limit, 0), 100)) s), '[]'::jsonb),
    'mine', v_mine);
end
$$;
revoke execute on function public.rommelroute_edition_page from public;
grant execute on function public.rommelroute_edition_page to anon, authenticated, service_role;
