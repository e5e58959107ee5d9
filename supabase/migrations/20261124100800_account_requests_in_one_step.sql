-- Registration and a password-reset request take the same time whether or not the address has an
-- account: the app prepares the token and the mail before it knows, and one function writes them
-- in one round trip either way (for a known address: the token and the mail to its owner).

-- Creates the account with its verification token and mail, or, for a taken address, only the mail
-- that tells its owner. Returns the mail's outbox id either way, so the form cannot tell them apart.
create function public.register_account(
  p_email text, p_password_hash text, p_display_name text, p_buurt_code text, p_token_hash bytea,
  p_expires_at timestamptz, p_verify_subject text, p_verify_body text, p_existing_subject text, p_existing_body text)
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
  insert into public.auth_tokens (token_hash, user_id, kind, expires_at) values (p_token_hash, v_user, 'verify_email', p_expires_at);
  insert into public.email_outbox (to_address, subject, body_text, kind)
  values (lower(p_email), p_verify_subject, p_verify_body, 'verify_email')
  returning id into v_mail;
  return v_mail;
end
$$;

-- Writes the reset token and its mail when the address has an account; returns the mail's outbox id
-- (null otherwise), so the app can send it after answering.
create function public.request_password_reset(p_email text, p_token_hash bytea, p_expires_at timestamptz,
  p_subject text, p_body text)
returns bigint
language plpgsql
as $$
declare
  v_user uuid;
  v_mail bigint;
begin
  select id into v_user from public.users where email = lower(p_email);
  if v_user is null then
    return null;
  end if;
  insert into public.auth_tokens (token_hash, user_id, kind, expires_at) values (p_token_hash, v_user, 'reset_password', p_expires_at);
  insert into public.email_outbox (to_address, subject, body_text, kind)
  values (lower(p_email), p_subject, p_body, 'reset_password')
  returning id into v_mail;
  return v_mail;
end
$$;

revoke execute on function public.register_account, public.request_password_reset from public, anon, authenticated;
grant execute on function public.register_account, public.request_password_reset to service_role;
