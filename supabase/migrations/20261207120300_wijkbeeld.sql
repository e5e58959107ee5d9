-- Wijkbeeld (issue 13): the figures of the dashboard, the report and the CSV exports, one function
-- per figure, so the page, the CSV and the report always say the same. Each takes the gemeente, an
-- optional wijk and a period, and answers only to the staff of that scope: the workers of the wijk
-- (per wijk) and the coordinator of the gemeente (per wijk or the whole gemeente). Counts are exact;
-- the exports and the report show counts under 5 per buurt as "< 5" (in the app, one formatter).

-- The wijken a figure covers, after checking the caller may see them and the period is sound.
create function app.wijkbeeld_scope(p_gemeente text, p_wijk text, p_from date, p_to date) returns text[]
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_wijken text[];
begin
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 1100 then
    raise exception 'Kies een periode van hoogstens drie jaar' using errcode = '22023', hint = 'wijkbeeld_period';
  end if;
  if p_wijk is not null then
    if (select gemeente_code from public.wijken where code = p_wijk) is distinct from p_gemeente
       or p_wijk not in (select app.my_signal_wijken()) then
      raise exception 'Geen toegang tot deze wijk' using errcode = '42501';
    end if;
    return array[p_wijk];
  end if;
  if p_gemeente is distinct from app.coordinator_gemeente() then
    raise exception 'Alleen de coördinator ziet de hele gemeente' using errcode = '42501';
  end if;
  select array_agg(code) into v_wijken from public.wijken where gemeente_code = p_gemeente;
  return coalesce(v_wijken, '{}');
end
$$;

-- May the caller see this scope and period? Raises the reason otherwise. The page asks first, so a
-- refusal is a clear answer; each figure checks again on its own (one InitPlan per query).
create function public.wijkbeeld_access(p_gemeente text, p_wijk text, p_from date, p_to date) returns boolean
language sql stable security definer set search_path = ''
as $$ select cardinality(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)) >= 0 $$;

-- Signals by month, buurt and theme (the month is its first day). Index-only on signalen_gemeente.
create function public.wijkbeeld_signalen(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (month date, buurt_code text, theme text, n integer)
language sql stable security definer set search_path = ''
as $$
  select date_trunc('month', s.observed_on)::date, s.buurt_code, s.theme, count(*)::integer
    from public.signalen s
   where s.gemeente_code = p_gemeente and s.observed_on between p_from and p_to
     and s.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   group by 1, 2, 3
   order by 1, 2, 3
$$;

-- Where a theme rises: per buurt and theme, the signals of the last three months of the period
-- against the three months before; rising when there are at least 3 now and more than before.
create function public.wijkbeeld_stijgers(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (buurt_code text, theme text, recent integer, before integer)
language sql stable security definer set search_path = ''
as $$
  with counted as (
    select s.buurt_code, s.theme,
           count(*) filter (where s.observed_on > p_to - interval '3 months')::integer as recent,
           count(*) filter (where s.observed_on <= p_to - interval '3 months')::integer as before
      from public.signalen s
     where s.gemeente_code = p_gemeente
       and s.observed_on > greatest(p_from - 1, (p_to - interval '6 months')::date) and s.observed_on <= p_to
       and s.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
     group by 1, 2)
  select * from counted where recent >= 3 and recent > before order by recent - before desc, buurt_code, theme
$$;

-- Published initiatives started in the period, by stage and theme (an initiative counts once per theme).
create function public.wijkbeeld_initiatieven(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (stage text, theme text, n integer)
language sql stable security definer set search_path = ''
as $$
  select i.stage, t.theme, count(*)::integer
    from public.initiatieven i cross join lateral unnest(i.themes) t(theme)
   where i.status = 'gepubliceerd' and (i.created_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
     and i.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   group by 1, 2 order by 1, 2
$$;

-- Burenhulp: requests and offers posted, matches made, and matches closed by outcome, in the period.
create function public.wijkbeeld_burenhulp(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (figure text, n integer)
language sql stable security definer set search_path = ''
as $$
  with scope as materialized (select app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to) as wijken)
  select 'vragen', count(*)::integer from public.help_posts, scope
   where kind = 'vraag' and wijk_code = any (wijken) and (created_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
  union all
  select 'aanbod', count(*)::integer from public.help_posts, scope
   where kind = 'aanbod' and wijk_code = any (wijken) and (created_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
  union all
  select 'matches', count(*)::integer from public.help_matches, scope
   where status in ('actief', 'gestopt', 'afgesloten') and wijk_code = any (wijken)
     and (coalesce(activated_at, created_at) at time zone 'Europe/Amsterdam')::date between p_from and p_to
  union all
  select 'uitkomst_' || o.outcome, (select count(*)::integer from public.help_matches m, scope
                                     where m.outcome = o.outcome and m.wijk_code = any (wijken)
                                       and (m.closed_at at time zone 'Europe/Amsterdam')::date between p_from and p_to)
    from (values ('geholpen'), ('niet_geholpen'), ('contact_blijft')) o(outcome)
$$;

-- Repair Café repairs by category and outcome on dates in the period, with the kilograms kept out of
-- the waste for fixed items where the category has a typical weight (furniture 15, bicycle 12,
-- electrical 3, computer 2.5, textile 0.5 kg; "other" has none, so it adds nothing).
create function public.wijkbeeld_repairs(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (category text, items integer, fixed integer, repairable integer, end_of_life integer, kg_saved numeric)
language sql stable security definer set search_path = ''
as $$
  select s.category, count(*)::integer,
         count(*) filter (where s.outcome = 'fixed')::integer,
         count(*) filter (where s.outcome = 'repairable')::integer,
         count(*) filter (where s.outcome = 'end_of_life')::integer,
         coalesce(sum(w.kg) filter (where s.outcome = 'fixed'), 0)::numeric
    from public.repair_cafe_signups s
    join public.repair_cafe_dates d on d.id = s.date_id
    join public.repair_cafe_series r on r.id = d.series_id
    join public.buurten b on b.code = r.buurt_code
    left join (values ('furniture', 15.0), ('bicycle', 12.0), ('electrical', 3.0), ('computer', 2.5), ('textile', 0.5)) w(category, kg)
      on w.category = s.category
   where s.status = 'booked' and not d.cancelled
     and (d.starts_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
     and b.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   group by 1 order by 1
$$;

-- Repair Café visitors: the residents with a booked place on a date in the period (each once).
create function public.wijkbeeld_repair_visitors(p_gemeente text, p_wijk text, p_from date, p_to date)
returns integer
language sql stable security definer set search_path = ''
as $$
  select count(distinct s.resident_id)::integer
    from public.repair_cafe_signups s
    join public.repair_cafe_dates d on d.id = s.date_id
    join public.repair_cafe_series r on r.id = d.series_id
    join public.buurten b on b.code = r.buurt_code
   where s.status = 'booked' and not d.cancelled
     and (d.starts_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
     and b.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
$$;

-- Rommelroute editions in the period and their approved stands.
create function public.wijkbeeld_rommelroute(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (title text, day date, stands integer)
language sql stable security definer set search_path = ''
as $$
  select e.title, e.day, (select count(*)::integer from public.rommelroute_stands s where s.edition_id = e.id and s.status = 'goedgekeurd')
    from public.rommelroute_editions e
   where e.day between p_from and p_to and e.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   order by e.day
$$;

-- Published groups by stage (their state at the end of the period's day of asking: groups now).
create function public.wijkbeeld_groepen(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (stage text, n integer)
language sql stable security definer set search_path = ''
as $$
  select g.stage, count(*)::integer from public.groepen g
   where g.status = 'gepubliceerd' and (g.created_at at time zone 'Europe/Amsterdam')::date <= p_to
     and g.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   group by 1 order by 1
$$;

-- Residents reached per buurt: residents of the buurt who in the period joined an initiative, had a
-- Repair Café place, posted a help request or offer, joined a group or had a Rommelroute stand.
create function public.wijkbeeld_bereik(p_gemeente text, p_wijk text, p_from date, p_to date)
returns table (buurt_code text, residents integer)
language sql stable security definer set search_path = ''
as $$
  with active as (
    select user_id as id from public.initiatief_deelnemers where (created_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
    union select s.resident_id from public.repair_cafe_signups s join public.repair_cafe_dates d on d.id = s.date_id
     where s.status = 'booked' and (d.starts_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
    union select owner_id from public.help_posts where (created_at at time zone 'Europe/Amsterdam')::date between p_from and p_to and not for_offline
    union select user_id from public.groep_leden where (joined_at at time zone 'Europe/Amsterdam')::date between p_from and p_to
    union select st.resident_id from public.rommelroute_stands st join public.rommelroute_editions e on e.id = st.edition_id
     where st.status = 'goedgekeurd' and e.day between p_from and p_to)
  select p.buurt_code, count(*)::integer
    from active a join public.profiles p on p.id = a.id and p.role = 'bewoner'
    join public.buurten b on b.code = p.buurt_code
   where b.wijk_code in (select unnest(app.wijkbeeld_scope(p_gemeente, p_wijk, p_from, p_to)))
   group by 1 order by 1
$$;

revoke execute on function public.wijkbeeld_access, public.wijkbeeld_signalen, public.wijkbeeld_stijgers, public.wijkbeeld_initiatieven,
  public.wijkbeeld_burenhulp, public.wijkbeeld_repairs, public.wijkbeeld_repair_visitors, public.wijkbeeld_rommelroute,
  public.wijkbeeld_groepen, public.wijkbeeld_bereik from public, anon;
grant execute on function public.wijkbeeld_access, public.wijkbeeld_signalen, public.wijkbeeld_stijgers, public.wijkbeeld_initiatieven,
  public.wijkbeeld_burenhulp, public.wijkbeeld_repairs, public.wijkbeeld_repair_visitors, public.wijkbeeld_rommelroute,
  public.wijkbeeld_groepen, public.wijkbeeld_bereik to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant execute on all functions in schema public to service_role;
