-- Account changes that touch several tables at once, each one transaction so that nothing is half
-- written. Executable by the service role only: the app calls them for flows no user may run directly.

-- Creates the user, profile and private profile together; returns null when the address is taken
-- (the app then answers exactly as for a new address, so the form does not reveal accounts).
create function public.create_account(p_email text, p_password_hash text, p_display_name text, p_buurt_code text)
returns uuid
language plpgsql
as $$
declare
  v_id uuid;
begin
  insert into public.users (email, password_hash) values (lower(p_email), p_password_hash)
  on conflict (email) do nothing
  returning id into v_id;
  if v_id is null then
    return null;
  end if;
  insert into public.profiles (id, display_name, buurt_code) values (v_id, p_display_name, p_buurt_code);
  insert into public.profile_private (user_id) values (v_id);
  return v_id;
end
$$;

-- Uses a one-time token: returns its user when it is valid, unused and not expired, and marks it used.
create function public.use_auth_token(p_token_hash bytea, p_kind text)
returns uuid
language sql
as $$
  update public.auth_tokens set used_at = now()
   where token_hash = p_token_hash and kind = p_kind and used_at is null and expires_at > now()
  returning user_id
$$;

create function public.verify_email(p_token_hash bytea)
returns boolean
language plpgsql
as $$
declare
  v_user uuid := public.use_auth_token(p_token_hash, 'verify_email');
begin
  update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = v_user;
  return v_user is not null;
end
$$;

-- A new password ends every session (a reset) or every other session (a change while logged in).
create function public.set_password(p_user uuid, p_password_hash text, p_keep_session text default null)
returns void
language sql
as $$
  update public.users set password_hash = p_password_hash, password_changed_at = now() where id = p_user;
  delete from public.sessions where user_id = p_user and id is distinct from p_keep_session;
$$;

create function public.reset_password(p_token_hash bytea, p_password_hash text)
returns boolean
language plpgsql
as $$
declare
  v_user uuid := public.use_auth_token(p_token_hash, 'reset_password');
begin
  if v_user is null then
    return false;
  end if;
  perform public.set_password(v_user, p_password_hash);
  -- Following the link from the mail proves the address too.
  update public.users set email_verified_at = coalesce(email_verified_at, now()) where id = v_user;
  return true;
end
$$;

revoke execute on function public.create_account, public.use_auth_token, public.verify_email,
  public.set_password, public.reset_password from public, anon, authenticated;
grant execute on function public.create_account, public.use_auth_token, public.verify_email,
  public.set_password, public.reset_password to service_role;

-- A resident saves their profile and private contact details together, with their own rights
-- (security invoker: the grants and policies on both tables apply).
create function public.update_my_profile(
  p_display_name text, p_buurt_code text, p_interests text[], p_talents text[], p_interests_other text,
  p_talents_other text, p_availability text[], p_about text, p_phone text)
returns void
language plpgsql
as $$
begin
  update public.profiles
     set display_name = p_display_name, buurt_code = p_buurt_code, interests = p_interests, talents = p_talents,
         interests_other = p_interests_other, talents_other = p_talents_other, availability = p_availability,
         about = p_about
   where id = app.uid();
  if not found then
    raise exception 'Niet ingelogd' using errcode = '42501';
  end if;
  insert into public.profile_private (user_id, phone) values (app.uid(), p_phone)
  on conflict (user_id) do update set phone = excluded.phone;
end
$$;
revoke execute on function public.update_my_profile from public, anon;
grant execute on function public.update_my_profile to authenticated, service_role;
