-- House rules (huisregels, issue 14 point 5): a resident accepts them at registration, and again when
-- their version changes. The current version is a constant in the app (src/lib/huisregels/version.ts),
-- next to the text; the database keeps each acceptance (version and time) as proof, one row per version.

create table public.huisregels_acceptaties (
  user_id uuid not null references public.profiles on delete cascade,
  versie integer not null check (versie between 1 and 1000),
  geaccepteerd_op timestamptz not null default now(),
  primary key (user_id, versie)
);
comment on column public.huisregels_acceptaties.geaccepteerd_op is 'Set by trigger: the server''s time of acceptance.';

-- The time is the server's, whatever the writer passed: it is the proof of when.
create function app.huisregels_stamp() returns trigger
language plpgsql
as $$
begin
  new.geaccepteerd_op := now();
  return new;
end
$$;
create trigger huisregels_acceptaties_stamp before insert on public.huisregels_acceptaties
  for each row execute function app.huisregels_stamp();

alter table public.huisregels_acceptaties enable row level security;
revoke all on public.huisregels_acceptaties from anon, authenticated;
grant select on public.huisregels_acceptaties to authenticated;
-- Each person reads only their own acceptances; nobody else has a reason to (staff included).
create policy huisregels_acceptaties_read on public.huisregels_acceptaties for select to authenticated
  using (user_id = (select app.uid()));
-- No insert, update or delete policy: acceptances are written by accept_huisregels and
-- register_account only, and removed only with the account.

-- The caller accepts this version of the house rules (once; accepting again keeps the first time).
create function public.accept_huisregels(p_versie integer) returns timestamptz
language plpgsql security definer set search_path = ''
as $$
declare
  v_at timestamptz;
begin
  if app.uid() is null then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  insert into public.huisregels_acceptaties (user_id, versie) values (app.uid(), p_versie)
  on conflict (user_id, versie) do nothing;
  select geaccepteerd_op into v_at from public.huisregels_acceptaties where user_id = app.uid() and versie = p_versie;
  return v_at;
end
$$;
revoke execute on function public.accept_huisregels from public, anon;
grant execute on function public.accept_huisregels to authenticated;

-- Registration now records the accepted version of the house rules with the account, in the same
-- transaction. Latest definition from 20261124100800_account_requests_in_one_step.sql, plus
-- p_huisregels_versie; the old signature is dropped so that no caller can register without it.
drop function public.register_account(text, text, text, text, bytea, timestamptz, text, text, text, text);
create function public.register_account(
  p_email text, p_password_hash text, p_display_name text, p_buurt_code text, p_token_hash bytea,
  p_expires_at timestamptz, p_verify_subject text, p_verify_body text, p_existing_subject text, p_existing_body text,
  p_huisregels_versie integer)
returns bigint
language plpgsql
as $$
declare
  v_user uuid := public.create_account(p_email, p_password_hash, p_display_name, p_buurt_code);
  v_mail bigint;
begin
  if v_user is null then
    insert into public.email_outbox (to_address, subject, body_text, kind)
    values (lower(p_email), p_existing_subject, p_existing_body, 'register_existing')
    returning id into v_mail;
    return v_mail;
  end if;
  insert into public.huisregels_acceptaties (user_id, versie) values (v_user, p_huisregels_versie);
  insert into public.auth_tokens (token_hash, user_id, kind, expires_at) values (p_token_hash, v_user, 'verify_email', p_expires_at);
  insert into public.email_outbox (to_address, subject, body_text, kind)
  values (lower(p_email), p_verify_subject, p_verify_body, 'verify_email')
  returning id into v_mail;
  return v_mail;
end
$$;
revoke execute on function public.register_account from public, anon, authenticated;
grant execute on function public.register_account to service_role;

grant all on public.huisregels_acceptaties to service_role;
grant execute on all functions in schema app to anon, authenticated, service_role;
