-- Demo data for Repair Cafés: one in Holtenbroek (first Saturday of the month, one date already past
-- with outcomes recorded) and one in Almere Stad.

insert into public.repair_cafe_series (id, organiser_id, buurt_code, name, venue, address, lat, lng, description, rule) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'BU01930601',
   'Repair Café Holtenbroek', 'Buurthuis De Kroon', 'Kamperweg 10, Zwolle', 52.5318, 6.0921,
   'Neem je kapotte spullen mee. Vrijwilligers kijken samen met jou wat er mis is. Koffie staat klaar.',
   'Elke eerste zaterdag, 10:00–13:00'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000005', 'BU00340101',
   'Repair Café Almere Stad', 'Wijkcentrum De Polder', 'Stadhuisplein 1, Almere', 52.3735, 5.2157,
   'Samen repareren in het centrum van Almere.', 'Elke derde zaterdag, 13:00–16:00');

insert into public.repair_cafe_dates (series_id, starts_at, ends_at, capacity, booked) values
  ('10000000-0000-4000-8000-000000000001', date_trunc('day', now()) - interval '20 days' + interval '9 hours', date_trunc('day', now()) - interval '20 days' + interval '12 hours', 8, 2),
  ('10000000-0000-4000-8000-000000000001', date_trunc('day', now()) + interval '10 days' + interval '9 hours', date_trunc('day', now()) + interval '10 days' + interval '12 hours', 8, 0),
  ('10000000-0000-4000-8000-000000000001', date_trunc('day', now()) + interval '38 days' + interval '9 hours', date_trunc('day', now()) + interval '38 days' + interval '12 hours', 8, 0),
  ('10000000-0000-4000-8000-000000000002', date_trunc('day', now()) + interval '17 days' + interval '12 hours', date_trunc('day', now()) + interval '17 days' + interval '15 hours', 6, 0);

insert into public.repair_cafe_signups (date_id, resident_id, category, item, problem, status, outcome, created_at)
select d.id, v.resident, v.category, v.item, v.problem, 'booked', v.outcome, d.starts_at - interval '5 days'
  from public.repair_cafe_dates d,
       (values ('00000000-0000-4000-8000-000000000011'::uuid, 'electrical', 'Waterkoker', 'Slaat niet meer aan', 'fixed'),
               ('00000000-0000-4000-8000-000000000012'::uuid, 'bicycle', 'Kinderfiets', 'Ketting loopt eraf', 'repairable'))
         as v(resident, category, item, problem, outcome)
 where d.series_id = '10000000-0000-4000-8000-000000000001' and d.starts_at < now();
update public.repair_cafe_series set approved_at = created_at where published;
