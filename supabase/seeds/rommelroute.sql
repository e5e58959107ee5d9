-- Demo data for the Rommelroute: an edition in Holtenbroek open for registration, with stands.

insert into public.rommelroute_editions (id, wijk_code, title, day, starts, ends, registration_opens, registration_closes, description, created_by) values
  ('20000000-0000-4000-8000-000000000001', 'WK019306', 'Rommelroute Holtenbroek', (now() + interval '30 days')::date, '10:00', '15:00',
   now() - interval '7 days', now() + interval '20 days',
   'Zet je spullen buiten en verkoop ze aan de buren. Loop de route en ontdek wat er te vinden is.',
   '00000000-0000-4000-8000-000000000004');

insert into public.rommelroute_stands (edition_id, resident_id, postcode, huisnummer, street, city, lat, lng, sells, description, show_name, status, reviewed_by) values
  ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', '8024AB', 12, 'Aalscholverstraat', 'Zwolle', 52.5321, 6.0931, '{boeken,planten}', 'Veel kookboeken en stekjes.', true, 'aangemeld', null),
  ('20000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000012', '8024CD', 3, 'Boomklever', 'Zwolle', 52.5279, 6.0968, '{speelgoed,kleding}', 'Kinderkleding maat 98–128.', false, 'aangemeld', null);
-- Approved as the worker would, so the stand's guard sees a worker of the wijk.
select set_config('request.jwt.claims', '{"sub":"00000000-0000-4000-8000-000000000004"}', false);
update public.rommelroute_stands set status = 'goedgekeurd', reviewed_by = '00000000-0000-4000-8000-000000000004'
 where edition_id = '20000000-0000-4000-8000-000000000001';
select set_config('request.jwt.claims', '', false);
