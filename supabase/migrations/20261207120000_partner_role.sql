-- Signalen (issue 13): contact people of partner organisations (woningcorporatie, politie, sociaal
-- wijkteam, ...) log in with the role `partner`. A new enum value can only be used once the
-- transaction that added it has committed, so it has a migration of its own.
alter type public.app_role add value if not exists 'partner';
