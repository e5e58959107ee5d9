-- The demo residents accepted the current house rules (src/lib/huisregels/version.ts) when they joined.
insert into public.huisregels_acceptaties (user_id, versie)
select id, 1 from public.profiles where role = 'bewoner'
on conflict do nothing;
