-- Demo bewonersgroepen in Zwolle and Almere: a bewonerscommissie that meets (minutes, an actiepunt,
-- a board), a members-only buurtpreventieteam with a rooster of rondes, a group that went quiet, a
-- self-running group of volunteers, and two proposals (one waiting, one sent back). Written directly
-- (the seed runs as the owner); the guard triggers still check the moves. Past meetings are written
-- with the "not in the past" check switched off for this seed only.
--   Anna 11, Bram 12, Chantal 13, Emre 14, Fatima 15; Sanne (worker Zwolle) 04, Kees (worker Almere) 05.

insert into public.groepen (id, name, purpose, kind, themes, buurt_code, wijk_code, join_mode, join_question, visibility,
  status, created_by, facilitator_id, claimed_by)
values
  ('40000000-0000-4000-8000-000000000001', 'Bewonerscommissie Holtenbroek I',
   'Wij praten mee met de woningcorporatie over onderhoud, groen en veiligheid rond de flats in Holtenbroek I, en houden de buurt op de hoogte.',
   'bewonerscommissie', '{leefbaarheid,veiligheid}', 'BU01930601', 'WK019306', 'op_verzoek', 'In welke straat woon je?', 'openbaar',
   'ingediend', '00000000-0000-4000-8000-000000000011', null, null),
  ('40000000-0000-4000-8000-000000000002', 'Buurtpreventie Holtenbroek',
   'Twee avonden per week lopen we een ronde door de wijk. We letten op open ramen, kapotte lampen en onveilige plekken en melden wat we zien.',
   'buurtpreventieteam', '{veiligheid}', null, 'WK019306', 'open', '', 'leden',
   'gepubliceerd', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000004'),
  ('40000000-0000-4000-8000-000000000003', 'Vrijwilligers buurthuis Kamperpoort',
   'Vrijwilligers die de bar, de koffieochtend en de klusjes in het buurthuis aan de Kamperstraat draaiende houden.',
   'vrijwilligers', '{sociale_cohesie}', 'BU01930102', 'WK019301', 'open', '', 'openbaar',
   'gepubliceerd', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000004'),
  ('40000000-0000-4000-8000-000000000004', 'Samen koken in Holtenbroek II',
   'Eens per maand koken we met buren voor buren in de gemeenschappelijke ruimte. Iedereen kookt mee of schuift aan.',
   'thema_groep', '{eenzaamheid,gezondheid}', 'BU01930602', 'WK019306', 'open', '', 'openbaar',
   'ingediend', '00000000-0000-4000-8000-000000000012', null, null),
  ('40000000-0000-4000-8000-000000000005', 'Vrijwilligers Stedenwijk',
   'Wij organiseren de buurtbarbecue, de kerstmarkt en het voorleesuurtje in de Stedenwijk. Nieuwe handen zijn altijd welkom.',
   'vrijwilligers', '{sociale_cohesie,armoede}', 'BU00340102', 'WK003401', 'open', '', 'openbaar',
   'gepubliceerd', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000005'),
  ('40000000-0000-4000-8000-000000000006', 'Sportgroep Almere Centrum',
   'Samen bewegen in het park: wandelen, hardlopen en bootcamp voor iedereen uit de buurt, gratis en zonder verplichtingen.',
   'thema_groep', '{gezondheid}', 'BU00340101', 'WK003401', 'open', '', 'openbaar',
   'ingediend', '00000000-0000-4000-8000-000000000014', null, null);

-- The proposers of resident groups are their first trekkers.
insert into public.groep_leden (groep_id, user_id, role) values
  ('40000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', 'trekker'),
  ('40000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000012', 'trekker'),
  ('40000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000014', 'trekker');

-- Sanne published the bewonerscommissie and facilitates it; it is on its way.
insert into public.groep_beslissingen (groep_id, decided_by, decision, message) values
  ('40000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004', 'gepubliceerd', ''),
  ('40000000-0000-4000-8000-000000000006', '00000000-0000-4000-8000-000000000005', 'aanpassing_gevraagd',
   'Leuk plan! Waar in het park spreken jullie af, en op welke dag? Zet dat in de beschrijving.');
update public.groepen set status = 'gepubliceerd', facilitator_id = '00000000-0000-4000-8000-000000000004',
  claimed_by = '00000000-0000-4000-8000-000000000004'
 where id = '40000000-0000-4000-8000-000000000001';
update public.groepen set stage = 'samen_op_weg' where id = '40000000-0000-4000-8000-000000000001';
update public.groepen set status = 'aanpassing_gevraagd', claimed_by = '00000000-0000-4000-8000-000000000005'
 where id = '40000000-0000-4000-8000-000000000006';
update public.groepen set stage = 'samen_op_weg' where id = '40000000-0000-4000-8000-000000000005';
update public.groepen set stage = 'zelfstandig' where id = '40000000-0000-4000-8000-000000000005';

insert into public.groep_leden (groep_id, user_id, role) values
  ('40000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000012', 'lid'),
  ('40000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000012', 'trekker'),
  ('40000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000011', 'lid'),
  ('40000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000013', 'trekker'),
  ('40000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000015', 'trekker'),
  ('40000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000014', 'lid');
insert into public.groep_contacten (groep_id, user_id, contact) values
  ('40000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000011', '06 12345678'),
  ('40000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000012', 'bram@buurtplein.test');

-- Meetings: a past one with minutes, an upcoming one with an agenda; a rooster of rondes.
alter table public.groep_bijeenkomsten disable trigger groep_bijeenkomsten_guard;
insert into public.groep_bijeenkomsten (id, groep_id, kind, title, starts_at, ends_at, place_kind, place, agenda, created_by)
overriding system value values
  (900001, '40000000-0000-4000-8000-000000000001', 'vergadering', 'Overleg met de woningcorporatie',
   date_trunc('day', now() - interval '3 weeks') + interval '19 hours', date_trunc('day', now() - interval '3 weeks') + interval '21 hours',
   'buurthuis', 'Buurthuis De Sprengen, Holtenbroekerweg 12', E'1. Onderhoud galerijen\n2. Groenstrook achter de flat', '00000000-0000-4000-8000-000000000011');
alter table public.groep_bijeenkomsten enable trigger groep_bijeenkomsten_guard;
insert into public.groep_bijeenkomsten (groep_id, kind, title, starts_at, ends_at, place_kind, place, agenda, created_by) values
  ('40000000-0000-4000-8000-000000000001', 'vergadering', 'Bewonersavond voorjaar',
   date_trunc('day', now() + interval '10 days') + interval '19 hours 30 minutes', date_trunc('day', now() + interval '10 days') + interval '21 hours',
   'buurthuis', 'Buurthuis De Sprengen, Holtenbroekerweg 12', E'1. Terugblik overleg corporatie\n2. Plannen voor de groenstrook\n3. Rondvraag', '00000000-0000-4000-8000-000000000011'),
  ('40000000-0000-4000-8000-000000000002', 'ronde', 'Avondronde', date_trunc('day', now() + interval '2 days') + interval '20 hours',
   date_trunc('day', now() + interval '2 days') + interval '21 hours 30 minutes', 'adres', 'Start bij de ingang van het winkelcentrum', '', '00000000-0000-4000-8000-000000000012'),
  ('40000000-0000-4000-8000-000000000002', 'ronde', 'Avondronde', date_trunc('day', now() + interval '9 days') + interval '20 hours',
   date_trunc('day', now() + interval '9 days') + interval '21 hours 30 minutes', 'adres', 'Start bij de ingang van het winkelcentrum', '', '00000000-0000-4000-8000-000000000012'),
  ('40000000-0000-4000-8000-000000000005', 'activiteit', 'Voorleesuurtje in de bibliotheek', date_trunc('day', now() + interval '5 days') + interval '15 hours',
   date_trunc('day', now() + interval '5 days') + interval '16 hours', 'adres', 'Bibliotheek Stedenwijk', '', '00000000-0000-4000-8000-000000000015');
insert into public.groep_aanwezigheid (bijeenkomst_id, user_id, answer) values
  (900001, '00000000-0000-4000-8000-000000000011', 'ja'),
  (900001, '00000000-0000-4000-8000-000000000012', 'ja');
insert into public.groep_aanwezigheid (bijeenkomst_id, user_id, answer)
select m.id, '00000000-0000-4000-8000-000000000012', 'ja' from public.groep_bijeenkomsten m
 where m.groep_id = '40000000-0000-4000-8000-000000000002';
insert into public.groep_verslagen (bijeenkomst_id, body, written_by) values
  (900001, 'Goed gesprek met de corporatie. De galerijen worden dit jaar nog geschilderd; over de groenstrook praten we verder.',
   '00000000-0000-4000-8000-000000000011');
insert into public.groep_besluiten (bijeenkomst_id, body) values
  (900001, 'We vragen bewoners per portiek wat zij met de groenstrook willen.');
insert into public.groep_actiepunten (bijeenkomst_id, groep_id, body, owner_id, due_on) values
  (900001, '40000000-0000-4000-8000-000000000001', 'Enquête groenstrook maken en rondbrengen', '00000000-0000-4000-8000-000000000012',
   (now() + interval '14 days')::date);

insert into public.groep_berichten (id, groep_id, parent_id, author_id, body) overriding system value values
  (900001, '40000000-0000-4000-8000-000000000001', null, '00000000-0000-4000-8000-000000000011',
   'Wie helpt zaterdag mee met het rondbrengen van de enquête? Ik heb 200 exemplaren.'),
  (900002, '40000000-0000-4000-8000-000000000001', 900001, '00000000-0000-4000-8000-000000000012', 'Ik doe de even nummers!');

insert into public.groep_notities (groep_id, author_id, body) values
  ('40000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000004',
   'Anna trekt de groep goed. Volgende stap: Bram helpen de notulen zelf te schrijven.');

-- The volunteers of Kamperpoort have been quiet for ten weeks.
alter table public.groepen disable trigger groepen_guard;
update public.groepen set published_at = now() - interval '20 weeks', opstart_at = now() - interval '20 weeks',
  last_activity_at = now() - interval '10 weeks'
 where id = '40000000-0000-4000-8000-000000000003';
alter table public.groepen enable trigger groepen_guard;

