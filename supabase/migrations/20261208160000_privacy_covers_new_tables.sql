-- Mijn gegevens and erasure cover the tables that came with the house rules and the photos (issue 14),
-- and the account-mail list holds both the erasure's and the e-mail change's kinds.
--
-- my_data() and personal_data_map() grow by wrapping: the definitions of 20261208100000 move to the
-- `app` schema under a versioned name and the public functions add the new parts. A later table that
-- points at a person does the same (wrap the latest, add its rows), instead of copying 160 lines.
-- The erasure needs nothing new: huisregels_acceptaties goes with the profile (on delete cascade), a
-- photo stays with its initiative or group and forgets who put it up (on delete set null).

alter function public.my_data() set schema app;
alter function app.my_data() rename to my_data_1;
revoke all on function app.my_data_1() from public, anon, authenticated;

create function public.my_data() returns jsonb
language sql stable security definer set search_path = ''
as $$
  select app.my_data_1() || jsonb_build_object(
    'huisregels', (select coalesce(jsonb_agg(jsonb_build_object('versie', versie, 'geaccepteerd_op', geaccepteerd_op) order by versie), '[]')
                   from public.huisregels_acceptaties where user_id = app.uid()),
    'photos', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'initiatief_id', initiatief_id, 'groep_id', groep_id,
                                                            'alt', alt, 'width', width, 'height', height, 'created_at', created_at)
                                         order by created_at), '[]')
               from public.fotos where created_by = app.uid())
  )
$$;
revoke all on function public.my_data() from public, anon;
grant execute on function public.my_data() to authenticated, service_role;

alter function public.personal_data_map() set schema app;
alter function app.personal_data_map() rename to personal_data_map_1;

create function public.personal_data_map()
returns table (table_name text, column_name text, export_path text, erasure text, row_key text)
language sql immutable
as $$
  select * from app.personal_data_map_1()
  union all
  select * from (values
    ('huisregels_acceptaties', 'user_id', 'huisregels', 'deleted', 'versie'),
    ('fotos', 'created_by', 'photos', 'kept_anonymous', 'id')
  ) m (table_name, column_name, export_path, erasure, row_key)
$$;
revoke execute on function public.personal_data_map from public, anon;
grant execute on function public.personal_data_map to authenticated, service_role;
grant execute on function app.personal_data_map_1() to authenticated, service_role;

-- Both lists: 20261208100100 added account_erased, 20261208120000 (later) the e-mail change and the
-- log-in code without it. src/lib/server/mail/deliver.ts ACCOUNT_KINDS is the same list.
create or replace function app.is_account_mail(p_kind text) returns boolean
language sql immutable
as $$ select p_kind in ('verify_email', 'reset_password', 'register_existing', 'account_erased',
                        'email_change_verify', 'email_change_requested', 'email_change_taken', 'email_change_done',
                        'login_code') $$;

-- Who put a photo up is not for everyone who sees the photo: readers get every column but created_by
-- (the site never asks for it; the owner finds it in their export, staff through the functions).
revoke select on public.fotos from anon, authenticated;
grant select (id, initiatief_id, groep_id, alt, width, height, widths, hash, created_at) on public.fotos to anon, authenticated;
