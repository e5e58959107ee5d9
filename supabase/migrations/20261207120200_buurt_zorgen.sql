-- Signalen (issue 13): a resident's "zorg over de buurt" (theme, buurt, text). It lands in the queue
-- of the workers of the wijk, who answer it or turn it into a signal (with a text of their own, so no
-- name or address of the resident travels on). Partners never see a zorg, nor who raised it: a
-- signal made from one carries no link back to the resident.

create table public.buurt_zorgen (
  id uuid primary key default gen_random_uuid(),
  author_id uuid references public.profiles on delete set null,
  buurt_code text not null references public.buurten,
  wijk_code text not null references public.wijken,
  theme text not null check (theme in ('armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid')),
  body text not null check (length(btrim(body)) between 10 and 1000),
  status text not null default 'nieuw' check (status in ('nieuw', 'beantwoord', 'signaal')),
  answer text not null default '' check (length(answer) <= 2000),
  handled_by uuid references public.profiles on delete set null,
  handled_at timestamptz,
  signaal_id uuid references public.signalen on delete set null,
  created_at timestamptz not null default now()
);
comment on column public.buurt_zorgen.author_id is 'Set by trigger: the resident who raises it.';
comment on column public.buurt_zorgen.wijk_code is 'Set by trigger from buurt_code.';
create index on public.buurt_zorgen (author_id, created_at desc);
create index buurt_zorgen_queue on public.buurt_zorgen (wijk_code, created_at) where status = 'nieuw';

create function app.buurt_zorgen_stamp() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.author_id := app.uid();
    new.created_at := now();
    new.status := 'nieuw';
    new.answer := '';
    if app.role() is distinct from 'bewoner' then
      raise exception 'Alleen bewoners melden een zorg over de buurt' using errcode = '42501';
    end if;
  elsif old.status <> 'nieuw' then
    raise exception 'Deze zorg is al behandeld' using errcode = '23514', hint = 'zorg_handled';
  end if;
  new.wijk_code := (select wijk_code from public.buurten where code = new.buurt_code);
  return new;
end
$$;
create trigger buurt_zorgen_stamp before insert or update on public.buurt_zorgen
  for each row execute function app.buurt_zorgen_stamp();

alter table public.buurt_zorgen enable row level security;
revoke all on public.buurt_zorgen from anon, authenticated;
grant select on public.buurt_zorgen to authenticated;
grant insert (buurt_code, theme, body) on public.buurt_zorgen to authenticated;
-- The resident reads their own zorgen and the answers; the workers of the wijk and the coordinator
-- read the wijk's queue. Partners and other residents read none.
create policy buurt_zorgen_read on public.buurt_zorgen for select to authenticated
  using (author_id = (select app.uid()) or wijk_code in (select app.my_signal_wijken()));
-- A resident raises one in their own name (the trigger sets the author and refuses other roles).
create policy buurt_zorgen_insert on public.buurt_zorgen for insert to authenticated
  with check (true);

insert into public.notification_kinds (kind, default_email, staff_only, position) values
  ('zorg_beantwoord', 'direct', false, 103);

-- A worker of the wijk answers a zorg, or turns it into a signal (then p_body is the signal's text,
-- written by the worker, and p_answer what the resident reads). The resident is told; it is logged.
create function public.handle_zorg(p_zorg uuid, p_action text, p_answer text, p_body text default null,
                                   p_urgency text default 'normaal') returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_zorg public.buurt_zorgen;
  v_signaal uuid;
begin
  select * into v_zorg from public.buurt_zorgen where id = p_zorg for update;
  if v_zorg.id is null then
    raise exception 'Deze zorg bestaat niet' using errcode = 'P0002';
  end if;
  if v_zorg.wijk_code not in (select app.my_signal_wijken()) then
    raise exception 'Alleen wie in deze wijk werkt behandelt deze zorg' using errcode = '42501';
  end if;
  if p_action not in ('beantwoord', 'signaal') then
    raise exception 'Onbekende keuze' using errcode = '22023';
  end if;
  if length(btrim(coalesce(p_answer, ''))) < 5 then
    raise exception 'Een antwoord is nodig' using errcode = '23514', hint = 'zorg_answer_needed';
  end if;
  if p_action = 'signaal' then
    insert into public.signalen (buurt_code, theme, body, source, urgency)
    values (v_zorg.buurt_code, v_zorg.theme, btrim(coalesce(p_body, '')), 'bewoner', p_urgency)
    returning id into v_signaal;
  end if;
  update public.buurt_zorgen
     set status = p_action, answer = btrim(p_answer), handled_by = app.uid(), handled_at = now(), signaal_id = v_signaal
   where id = p_zorg;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, details)
  values (app.uid(), 'zorg_' || p_action, 'buurt_zorg', p_zorg::text, v_zorg.wijk_code,
          jsonb_build_object('signaal', v_signaal));
  perform app.notify(v_zorg.author_id, 'zorg_beantwoord', '/zorg-over-de-buurt', p_zorg::text,
    jsonb_build_object('buurt', (select naam from public.buurten where code = v_zorg.buurt_code)));
  return v_signaal;
end
$$;
revoke execute on function public.handle_zorg from public, anon;
grant execute on function public.handle_zorg to authenticated;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on all tables in schema public to service_role;
grant execute on all functions in schema public to service_role;
