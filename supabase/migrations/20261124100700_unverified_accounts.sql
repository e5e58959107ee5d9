-- An account whose e-mail address is not yet confirmed can read, but cannot propose a match, send a
-- message, join an initiative, sign up for a Repair Café or register a stand: the database refuses
-- with the reason (hint 'unverified') whoever writes. A match partner is never given an address that
-- its owner has not confirmed.

-- Refuses the write of a logged-in user whose address is not confirmed. The service role (no user)
-- writes for the system and is not refused.
create function app.verified_only() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if app.uid() is not null
     and not exists (select 1 from public.users where id = app.uid() and email_verified_at is not null) then
    raise exception 'Bevestig eerst je e-mailadres' using errcode = '42501', hint = 'unverified';
  end if;
  return new;
end
$$;

create trigger help_matches_verified before insert on public.help_matches
  for each row execute function app.verified_only();
create trigger help_messages_verified before insert on public.help_messages
  for each row execute function app.verified_only();
create trigger initiatief_deelnemers_verified before insert on public.initiatief_deelnemers
  for each row execute function app.verified_only();
create trigger repair_cafe_signups_verified before insert on public.repair_cafe_signups
  for each row execute function app.verified_only();
create trigger rommelroute_stands_verified before insert on public.rommelroute_stands
  for each row execute function app.verified_only();

-- The reveal (help_match_contact, in the offline contact change) gives the other party's e-mail
-- address only once they confirmed it.

grant execute on all functions in schema app to anon, authenticated, service_role;
