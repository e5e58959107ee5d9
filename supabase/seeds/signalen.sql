-- Signalen demo data: partner organisations in Zwolle and Almere, a contact person of deltaWonen
-- (partner.deltawonen@buurtplein.test, password buurtplein-demo), and a few signals in Holtenbroek
-- and Centrum, one of them on deltaWonen's agenda.
insert into public.partner_organisaties (id, gemeente_code, name, kind) values
  ('00000000-0000-4000-8000-00000000a001', 'GM0193', 'Woningcorporatie deltaWonen', 'woningcorporatie'),
  ('00000000-0000-4000-8000-00000000a002', 'GM0193', 'Sociaal wijkteam Holtenbroek', 'sociaal_wijkteam'),
  ('00000000-0000-4000-8000-00000000a003', 'GM0034', 'Politie Almere', 'politie');

insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000021', 'partner.deltawonen@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000021', 'Petra deltaWonen', 'BU01930101', 'partner', '{}', '{}', '{}');
insert into public.profile_private (user_id) values ('00000000-0000-4000-8000-000000000021');
insert into public.partner_contacten (user_id, organisatie_id) values ('00000000-0000-4000-8000-000000000021', '00000000-0000-4000-8000-00000000a001');

insert into public.signalen (id, buurt_code, theme, body, source, urgency, observed_on, created_by) values
  ('00000000-0000-4000-8000-00000000b001', 'BU01930601', 'leefbaarheid', 'Portiekverlichting in de flats aan de noordkant is al weken kapot; bewoners voelen zich onveilig.', 'bewoner', 'hoog', current_date - 20, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4000-8000-00000000b002', 'BU01930601', 'leefbaarheid', 'Vocht en schimmel in meerdere benedenwoningen, bewoners weten niet waar ze het melden.', 'vergadering', 'normaal', current_date - 12, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4000-8000-00000000b003', 'BU01930602', 'eenzaamheid', 'Oudere bewoners komen sinds het sluiten van de koffieochtend de deur minder uit.', 'eigen_waarneming', 'normaal', current_date - 40, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4000-8000-00000000b004', 'BU01930101', 'veiligheid', 'Fietsen worden ''s avonds vaak gestolen bij het plein achter de bibliotheek.', 'partner', 'laag', current_date - 75, '00000000-0000-4000-8000-000000000004'),
  ('00000000-0000-4000-8000-00000000b005', 'BU00340101', 'armoede', 'Meer gezinnen vragen bij de buurtkamer naar de voedselbank.', 'bewoner', 'hoog', current_date - 8, '00000000-0000-4000-8000-000000000005');

insert into public.agenda_items (id, organisatie_id, wijk_code, gemeente_code, question, created_by) values
  ('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000a001', 'WK019306', 'GM0193',
   'Kunnen jullie de portiekverlichting in Holtenbroek I nakijken en laten weten wanneer die gerepareerd is?', '00000000-0000-4000-8000-000000000004');
insert into public.agenda_signalen (item_id, signaal_id) values ('00000000-0000-4000-8000-00000000c001', '00000000-0000-4000-8000-00000000b001');
