-- The notification of a decision on an initiative takes the worker's message from the decision
-- history (initiatief_beslissingen, issue 9): the initiative row no longer carries it.
create or replace function app.notify_initiatief_status() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.notify(new.author_id,
    case new.status when 'gepubliceerd' then 'initiatief_published' when 'aanpassing_gevraagd' then 'initiatief_changes_requested'
                    else 'initiatief_declined' end,
    case new.status when 'aanpassing_gevraagd' then '/initiatieven/' || new.id || '/bewerken' else '/initiatieven/' || new.id end,
    new.id::text, jsonb_build_object('title', new.title, 'message',
      coalesce((select b.message from public.initiatief_beslissingen b where b.initiatief_id = new.id order by b.id desc limit 1), '')));
  return new;
end
$$;
