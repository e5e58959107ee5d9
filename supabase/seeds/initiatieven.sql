-- Demo buurtinitiatieven: two published (one with joiners and an update), one waiting for moderation,
-- one concept. Written directly (as the seed runs as the owner); the guard trigger still checks moves.
insert into public.initiatieven (id, author_id, title, body, themes, buurt_code, lat, lng,
  needs, hands_count, materials, when_text, status)
values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', 'Moestuin achter de flat',
   'We maken samen een moestuin op het grasveld achter de flat aan de Holtenbroekerweg. Iedereen mag meedoen en mee-eten.',
   '{sociale_cohesie,duurzaamheid}', 'BU01930601', 52.5318, 6.0921, '{handen,materialen}', 6,
   'Zaden, planken voor bakken, een kruiwagen', 'Elke zaterdagochtend vanaf april', 'ingediend'),
  ('10000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000012', 'Koffieochtend voor ouderen',
   'Elke week koffie en een praatje in het buurthuis, zodat niemand zich alleen hoeft te voelen in de buurt.',
   '{eenzaamheid}', 'BU01930602', null, null, '{ruimte}', null, '', 'Dinsdagochtend', 'ingediend'),
  ('10000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000013', 'Zwerfafval prikken in Frankhuis',
   'Een keer per maand lopen we samen door de buurt en prikken we zwerfafval. Knijpers en zakken zijn er.',
   '{leefbaarheid,duurzaamheid}', 'BU01930901', null, null, '{handen}', 10, '', 'Eerste zondag van de maand', 'ingediend'),
  ('10000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000014', 'Huiswerkhulp in de bibliotheek',
   'Scholieren krijgen hulp bij hun huiswerk van buren die dat leuk vinden. We zoeken nog vrijwilligers.',
   '{armoede,sociale_cohesie}', 'BU00340101', null, null, '{}', null, '', '', 'concept');

update public.initiatieven set status = 'gepubliceerd', coach_id = '00000000-0000-4000-8000-000000000004',
  claimed_by = '00000000-0000-4000-8000-000000000004'
 where id = '10000000-0000-4000-8000-000000000001';
update public.initiatieven set status = 'gepubliceerd', coach_id = '00000000-0000-4000-8000-000000000002',
  claimed_by = '00000000-0000-4000-8000-000000000002'
 where id = '10000000-0000-4000-8000-000000000003';
update public.initiatieven set stage = 'plan' where id = '10000000-0000-4000-8000-000000000001';

insert into public.initiatief_deelnemers (initiatief_id, user_id, brings, note) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000012', '{handen,materialen}', 'Ik heb een kruiwagen.');
insert into public.initiatief_contacten (initiatief_id, user_id, contact) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000012', '06 23456789');
update public.initiatieven set joiner_count = 1 where id = '10000000-0000-4000-8000-000000000001';
insert into public.initiatief_updates (initiatief_id, author_id, body) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', 'De gemeente heeft toestemming gegeven. We beginnen in april!');
insert into public.initiatief_notities (initiatief_id, author_id, body) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'Anna gesproken: wil graag hulp bij een subsidieaanvraag.');
insert into public.initiatief_reacties (initiatief_id, author_id, body) values
  ('10000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000015', 'Wat een goed plan!');
