-- A coordinator (or admin) blocks an account that abuses the platform: it is logged out everywhere at
-- once and cannot log in again until unblocked. Security definer because users and sessions are not
-- granted to anyone; the function checks who may do it.

create function app.coordinates_user(p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(app.role() = 'admin', false)
      or exists (select 1 from public.coordinators c
                 join public.wijken w on w.gemeente_code = c.gemeente_code
                 join public.buurten b on b.wijk_code = w.code
                 join public.profiles p on p.buurt_code = b.code
                 where c.user_id = app.uid() and p.id = p_user)
$$;
grant execute on function app.coordinates_user to authenticated, service_role;

create function public.set_account_blocked(p_user uuid, p_blocked boolean, p_reason text)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_role public.app_role;
begin
  if not app.coordinates_user(p_user) then
    raise exception 'Alleen de coördinator van deze gemeente kan dit account blokkeren' using errcode = '42501';
  end if;
  select role into v_role from public.profiles where id = p_user;
  if p_user = app.uid() or v_role in ('coordinator', 'admin') then
    raise exception 'Dit account kan niet geblokkeerd worden' using errcode = '42501';
  end if;
  if length(trim(coalesce(p_reason, ''))) < 5 or length(p_reason) > 500 then
    raise exception 'Schrijf een reden op (5 tot 500 tekens)' using errcode = '23514';
  end if;
  update public.users set blocked_at = case when p_blocked then coalesce(blocked_at, now()) end where id = p_user;
  if p_blocked then
    delete from public.sessions where user_id = p_user;
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, reason)
  values (app.uid(), case when p_blocked then 'block_account' else 'unblock_account' end, 'profile', p_user::text, p_reason);
end
$$;
revoke execute on function public.set_account_blocked from public, anon;
grant execute on function public.set_account_blocked to authenticated, service_role;

-- Coordinators see whether the accounts of their gemeente are blocked.
grant select (blocked_at) on public.users to authenticated;
