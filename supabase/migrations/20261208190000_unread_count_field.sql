-- The bell's count as a computed field of a profile, so the session lookup reads it in the same request
-- (issue 15: a logged-in page makes one round trip for the session and the bell, one for the page).
-- `profiles(…, unread_count)` in a select calls it. Security invoker: a person reading another profile
-- gets 0 (RLS on notifications shows them only their own); the site calls it with the service role for
-- the session's own profile. An index scan on notifications_unread.
create function public.unread_count(p public.profiles) returns integer
language sql stable
as $$ select count(*)::integer from public.notifications n where n.user_id = p.id and n.read_at is null $$;

grant execute on function public.unread_count(public.profiles) to authenticated, service_role;
