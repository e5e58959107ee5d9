-- Demo data for burenhulp: a few open requests and offers, and one request a worker filed for a
-- resident who is not online, waiting for a match for ten days (it shows on the waiting list).

insert into public.help_posts (id, kind, owner_id, category, description, when_kind, slots, buurt_code)
values
  ('00000000-0000-4000-9000-000000000001', 'aanbod', '00000000-0000-4000-8000-000000000013', 'digitaal',
   'Ik help graag met de computer, de telefoon of DigiD.', 'wekelijks', '{ma-avond}', 'BU01930901'),
  ('00000000-0000-4000-9000-000000000002', 'aanbod', '00000000-0000-4000-8000-000000000014', 'klussen',
   'Een lamp ophangen of een kastje in elkaar zetten? Ik kom graag langs.', 'wekelijks', '{vr-middag}', 'BU00340101'),
  ('00000000-0000-4000-9000-000000000003', 'vraag', '00000000-0000-4000-8000-000000000015', 'taal',
   'Wie wil een uurtje Nederlands met me oefenen bij de koffie?', 'wekelijks', '{di-ochtend,do-ochtend}', 'BU00340102');

insert into public.help_posts (id, kind, owner_id, for_offline, first_name, category, description, when_kind, slots, buurt_code, created_at)
values ('00000000-0000-4000-9000-000000000004', 'vraag', '00000000-0000-4000-8000-000000000004', true, 'Gerrit',
        'gezelschap', 'Meneer woont alleen en zou graag een keer per week een wandelingetje maken.', 'wekelijks',
        '{wo-middag}', 'BU01930102', now() - interval '10 days');
insert into public.help_post_private (post_id, full_name, phone)
values ('00000000-0000-4000-9000-000000000004', 'Gerrit Mulder', '038 4211234');
-- Gerrit agreed that the neighbour gets his phone number; Sanne carries his request with her work contact.
update public.help_post_private set share_phone = true where post_id = '00000000-0000-4000-9000-000000000004';
insert into public.staff_contacts (user_id, work_phone, work_email)
values ('00000000-0000-4000-8000-000000000004', '038 4260000', 'opbouwwerk.zwolle@buurtplein.test');
