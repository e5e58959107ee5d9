-- Nobody decides alone on their own thing: a worker who is a party of a match (for instance because
-- they filed the request for a resident who is not online) does not approve its care introduction;
-- a colleague of the wijk does, as for initiatives.

create or replace function public.help_approve_care(p_match uuid) returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v public.help_matches;
begin
  select * into v from public.help_matches where id = p_match for update;
  if v.id is null or not app.works_in_wijk(v.wijk_code) then
    raise exception 'Alleen een opbouwwerker van deze wijk kan dit goedkeuren' using errcode = '42501';
  end if;
  if app.uid() in (v.request_owner, v.offer_owner) then
    raise exception 'Over een match waarin je zelf partij bent, beslist een collega' using errcode = '42501', hint = 'own_decision';
  end if;
  if v.status <> 'voorgesteld' or not v.needs_care or v.care_approved_at is not null then
    raise exception 'Dit voorstel wacht niet op goedkeuring' using errcode = '23514';
  end if;
  update public.help_matches set care_approved_at = now(), care_approved_by = app.uid() where id = p_match;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code)
  values (app.uid(), 'help_approve_care', 'help_match', p_match::text, v.wijk_code);
  perform app.help_activate_if_ready(p_match);
  return (select status from public.help_matches where id = p_match);
end
$$;
