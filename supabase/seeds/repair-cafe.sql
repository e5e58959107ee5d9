-- Demo data for Repair Cafés: one in Holtenbroek (first Saturday of the month, one date already past
-- with outcomes recorded) and one in Almere Stad (third Saturday).

insert into public.repair_cafe_series (id, organiser_id, buurt_code, name, venue, address, lat, lng, description, rule) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'BU01930601',
   'Repair Café Holtenbroek', 'Buurthuis De Kroon', 'Kamperweg 10, Zwolle', 52.5318, 6.0921,
   'Neem je kapotte spullen mee. Vrijwilligers kijken samen met jou wat er mis is. Koffie staat klaar.',
   'Elke eerste zaterdag, 10:00–13:00'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005', 'BU00340101',
   'Repair Café Almere Stad', 'Wijkcentrum De Polder', 'Stadhuisplein 1, Almere', 52.3735, 5.2157,
   'Samen repareren in het centrum van Almere.', 'Elke derde zaterdag, 13:00–16:00');

-- The dates follow each series' rule, in Dutch time: Holtenbroek the last first Saturday that has been
-- and the next two, Almere Stad the next third Saturday.
with saturdays as (
  select m.month,
         (m.month + ((6 - extract(dow from m.month)::int + 7) % 7))::date as first_saturday
    from (select m::date as month from generate_series(date_trunc('month', now() - interval '2 months'),
                         date_trunc('month', now() + interval '4 months'), interval '1 month') as m) as m
), holtenbroek as (
  select first_saturday as day, rank() over (partition by first_saturday > now()::date order by
           case when first_saturday > now()::date then first_saturday end asc,
           case when first_saturday <= now()::date then first_saturday end desc) as n,
         first_saturday > now()::date as coming
    from saturdays
), almere as (
  select (first_saturday + 14) as day from saturdays where first_saturday + 14 > now()::date order by 1 limit 1
)
insert into public.repair_cafe_dates (series_id, starts_at, ends_at, capacity, booked)
select '10000000-0000-4000-8000-000000000001'::uuid, (day + time '10:00') at time zone 'Europe/Amsterdam', (day + time '13:00') at time zone 'Europe/Amsterdam', 8, case when coming then 0 else 2 end
  from holtenbroek where (coming and n <= 2) or (not coming and n = 1)
union all
select '10000000-0000-4000-8000-000000000002'::uuid, (day + time '13:00') at time zone 'Europe/Amsterdam', (day + time '16:00') at time zone 'Europe/Amsterdam', 6, 0
  from almere;

insert into public.repair_cafe_signups (date_id, resident_id, category, item, problem, status, outcome, created_at)
select d.id, v.resident, v.category, v.item, v.problem, 'booked', v.outcome, d.starts_at - interval '5 days'
  from public.repair_cafe_dates d,
       (values ('00000000-0000-4000-8000-000000000011'::uuid, 'electrical', 'Waterkoker', 'Slaat niet meer aan', 'fixed'),
               ('00000000-0000-4000-8000-000000000012'::uuid, 'bicycle', 'Kinderfiets', 'Ketting loopt eraf', 'repairable'))
         as v(resident, category, item, problem, outcome)
 where d.series_id = '10000000-0000-4000-8000-000000000001' and d.starts_at < now();
update public.repair_cafe_series set approved_at = created_at where published;
