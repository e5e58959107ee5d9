-- Changing the e-mail address (verified at the new address, the old one told) and logging in with a
-- code or link sent by e-mail (issue 14, point 3). Both reuse auth_tokens: only hashes are stored, a
-- token is used once (use_auth_token), and it expires. No new table: auth_tokens keeps RLS enabled
-- with nothing granted to anon or authenticated; every function here is for the service role only.

alter table public.auth_tokens drop constraint auth_tokens_kind_check;
alter table public.auth_tokens add constraint auth_tokens_kind_check
  check (kind in ('verify_email', 'reset_password', 'change_email', 'login_code'));
-- change_email: the address the account moves to once the link is used.
alter table public.auth_tokens add column new_email text
  check (new_email is null or (new_email = lower(new_email) and length(new_email) <= 254 and new_email like '%_@_%'));
-- login_code: HMAC of the six-digit code (keyed by the server, bound to the address), beside the link's
-- token hash; wrong codes tried so far (at the limit the code is used up).
alter table public.auth_tokens add column code_hash bytea;
alter table public.auth_tokens add column attempts integer not null default 0 check (attempts >= 0);
alter table public.auth_tokens add constraint auth_tokens_kind_fields check (
  (kind = 'change_email') = (new_email is not null) and (kind = 'login_code') = (code_hash is not null));
create index auth_tokens_open on public.auth_tokens (user_id, kind) where used_at is null;

-- Mail about the account itself is always sent and carries no unsubscribe link. Copied from
-- 20261124120100_mail_delivery.sql with the kinds of this migration added.
create or replace function app.is_account_mail(p_kind text) returns boolean
language sql immutable
as $$ select p_kind in ('verify_email', 'reset_password', 'register_existing',
                        'email_change_verify', 'email_change_requested', 'email_change_taken', 'email_change_done',
                        'login_code') $$;

-- ---------------------------------------------------------------------------------------------------
-- Changing the e-mail address. The app has checked the password. One call writes, in one transaction:
-- for a free address the token and the link to the new address; for an address another account has,
-- only a mail to that address (someone tried); and in both cases the notice to the old address, so
-- the person cannot tell the two apart. An earlier pending change of the same account is withdrawn.
-- Returns 'same' when the new address is the account's own (nothing written), else 'ok'.
create function public.request_email_change(
  p_user uuid, p_new_email text, p_token_hash bytea, p_expires_at timestamptz,
  p_verify_subject text, p_verify_body text, p_requested_subject text, p_requested_body text,
  p_taken_subject text, p_taken_body text)
returns text
language plpgsql
as $$
declare
  v_old text;
  v_new text := lower(p_new_email);
begin
  select email into v_old from public.users where id = p_user and blocked_at is null;
  if v_old is null then
    raise exception 'Geen account' using errcode = '42501';
  end if;
  if v_old = v_new then
    return 'same';
  end if;
  update public.auth_tokens set used_at = now() where user_id = p_user and kind = 'change_email' and used_at is null;
  if exists (select 1 from public.users where email = v_new) then
    insert into public.email_outbox (to_address, subject, body_text, kind) values (v_new, p_taken_subject, p_taken_body, 'email_change_taken');
  else
    insert into public.auth_tokens (token_hash, user_id, kind, expires_at, new_email) values (p_token_hash, p_user, 'change_email', p_expires_at, v_new);
    insert into public.email_outbox (to_address, subject, body_text, kind) values (v_new, p_verify_subject, p_verify_body, 'email_change_verify');
  end if;
  insert into public.email_outbox (to_address, subject, body_text, kind) values (v_old, p_requested_subject, p_requested_body, 'email_change_requested');
  return 'ok';
end
$$;

-- What a change link would do, without using it: the app needs the old address to write the mail that
-- tells it, before confirm_email_change does everything at once.
create function public.pending_email_change(p_token_hash bytea)
returns table (user_id uuid, old_email text, new_email text)
language sql stable
as $$
  select t.user_id, u.email, t.new_email from public.auth_tokens t join public.users u on u.id = t.user_id
   where t.token_hash = p_token_hash and t.kind = 'change_email' and t.used_at is null and t.expires_at > now()
     and u.blocked_at is null
$$;

-- Uses the link: the address changes (and counts as verified), every session but p_keep_session ends,
-- and the old address is told. Returns false, changing nothing, when the link is unknown, used, expired,
-- or the new address was taken meanwhile.
create function public.confirm_email_change(p_token_hash bytea, p_keep_session text, p_done_subject text, p_done_body text)
returns boolean
language plpgsql
as $$
declare
  v_user uuid;
  v_old text;
  v_new text;
begin
  select t.user_id, u.email, t.new_email into v_user, v_old, v_new
    from public.auth_tokens t join public.users u on u.id = t.user_id
   where t.token_hash = p_token_hash and t.kind = 'change_email' and t.used_at is null and t.expires_at > now()
     and u.blocked_at is null
   for update of t;
  if v_user is null or exists (select 1 from public.users where email = v_new) then
    return false;
  end if;
  perform public.use_auth_token(p_token_hash, 'change_email');
  update public.users set email = v_new, email_verified_at = now() where id = v_user;
  delete from public.sessions where user_id = v_user and id is distinct from p_keep_session;
  -- Tokens sent to the old address (a reset link, a log-in code) no longer belong to this account's address.
  update public.auth_tokens set used_at = now() where user_id = v_user and used_at is null;
  insert into public.email_outbox (to_address, subject, body_text, kind) values (v_old, p_done_subject, p_done_body, 'email_change_done');
  return true;
end
$$;

-- ---------------------------------------------------------------------------------------------------
-- Logging in with a code. Like a reset request: the app prepares the token, the code's hash and the
-- mail before it knows whether the address has an account; this writes them only for a known, unblocked
-- address (any earlier open code of that account is used up: one code at a time) and returns the
-- mail's id, or null. The app calls it after answering, so the answer takes as long either way.
create function public.request_login_code(p_email text, p_token_hash bytea, p_code_hash bytea, p_expires_at timestamptz,
  p_subject text, p_body text)
returns bigint
language plpgsql
as $$
declare
  v_user uuid;
  v_mail bigint;
begin
  select id into v_user from public.users where email = lower(p_email) and blocked_at is null;
  if v_user is null then
    return null;
  end if;
  update public.auth_tokens set used_at = now() where user_id = v_user and kind = 'login_code' and used_at is null;
  insert into public.auth_tokens (token_hash, user_id, kind, expires_at, code_hash) values (p_token_hash, v_user, 'login_code', p_expires_at, p_code_hash);
  insert into public.email_outbox (to_address, subject, body_text, kind)
  values (lower(p_email), p_subject, p_body, 'login_code')
  returning id into v_mail;
  return v_mail;
end
$$;

-- A typed code: returns the user when it matches the account's open code, which is then used. A wrong
-- code counts an attempt; at p_max_attempts the code is used up, so guessing stops there. Unknown
-- addresses, and addresses without an open code, return null like a wrong code.
create function public.use_login_code(p_email text, p_code_hash bytea, p_max_attempts integer)
returns uuid
language plpgsql
as $$
declare
  v public.auth_tokens;
begin
  select t.* into v from public.auth_tokens t join public.users u on u.id = t.user_id
   where u.email = lower(p_email) and u.blocked_at is null
     and t.kind = 'login_code' and t.used_at is null and t.expires_at > now()
   order by t.created_at desc limit 1
   for update of t;
  if v.token_hash is null then
    -- The same kind of write as counting a wrong code, so that the answer does not tell an address
    -- with an open code (an account) from one without (measured in scripts/bench/login-code.bench.ts).
    perform public.rate_limit_hit('login_code:miss', lower(p_email), 2147483647, 900);
    return null;
  end if;
  if v.code_hash = p_code_hash then
    update public.auth_tokens set used_at = now() where token_hash = v.token_hash;
    update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = v.user_id;
    return v.user_id;
  end if;
  update public.auth_tokens
     set attempts = attempts + 1, used_at = case when attempts + 1 >= p_max_attempts then now() end
   where token_hash = v.token_hash;
  return null;
end
$$;

-- The link in the same mail, after the person pressed the button: the same code, used once.
create function public.use_login_link(p_token_hash bytea)
returns uuid
language plpgsql
as $$
declare
  v_user uuid;
begin
  update public.auth_tokens t set used_at = now()
    from public.users u
   where t.token_hash = p_token_hash and t.kind = 'login_code' and t.used_at is null and t.expires_at > now()
     and u.id = t.user_id and u.blocked_at is null
  returning t.user_id into v_user;
  update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = v_user;
  return v_user;
end
$$;

revoke execute on function public.request_email_change, public.pending_email_change, public.confirm_email_change,
  public.request_login_code, public.use_login_code, public.use_login_link from public, anon, authenticated;
grant execute on function public.request_email_change, public.pending_email_change, public.confirm_email_change,
  public.request_login_code, public.use_login_code, public.use_login_link to service_role;
