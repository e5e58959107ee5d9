-- Reports (flags) by residents, for every kind of content, landing in the queue of the workers of the
-- wijk where that content belongs. Each capability plugs in by defining, in its own migration,
--   app.report_wijk_<subject_type>(subject_id text) returns text  -- the wijk, or null if not visible
-- so that no migration has to edit a shared list: the trigger finds the function by name.

create type public.report_reason as enum ('spam', 'ongepast', 'onveilig', 'oplichting', 'privacy', 'anders');

create table public.reports (
  id bigint generated always as identity primary key,
  reporter_id uuid not null default app.uid() references public.profiles on delete cascade,
  subject_type text not null check (subject_type ~ '^[a-z_]{2,40}$'),
  subject_id text not null check (length(subject_id) between 1 and 64),
  -- What the reporter saw, kept so the worker reads it even if the content changes or is removed.
  subject_label text not null default '' check (length(subject_label) <= 300),
  wijk_code text not null references public.wijken,
  reason public.report_reason not null,
  details text not null default '' check (length(details) <= 1000),
  status text not null default 'open' check (status in ('open', 'in_behandeling', 'afgehandeld')),
  claimed_by uuid references public.profiles on delete set null,
  resolution text not null default '' check (length(resolution) <= 1000),
  created_at timestamptz not null default now(),
  resolved_at timestamptz
);
create index on public.reports (wijk_code, status);
create unique index reports_once on public.reports (reporter_id, subject_type, subject_id) where status <> 'afgehandeld';

-- Sets wijk_code from the subject (never trusted from the client) and refuses unknown or invisible subjects.
create function app.report_set_wijk() returns trigger
language plpgsql
as $$
declare
  v_fn text := 'report_wijk_' || new.subject_type;
begin
  if not exists (select 1 from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                 where n.nspname = 'app' and p.proname = v_fn) then
    raise exception 'Onbekend soort melding: %', new.subject_type using errcode = '22023';
  end if;
  execute format('select app.%I($1)', v_fn) using new.subject_id into new.wijk_code;
  if new.wijk_code is null then
    raise exception 'Dit kan niet gemeld worden' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger reports_set_wijk before insert on public.reports
  for each row execute function app.report_set_wijk();
comment on column public.reports.wijk_code is 'Set by trigger from the subject (app.report_wijk_<subject_type>).';

-- Workers change only the handling of a report, never what was reported or by whom; every change is
-- in the audit log.
create function app.report_handle() returns trigger
language plpgsql
as $$
begin
  if (new.reporter_id, new.subject_type, new.subject_id, new.subject_label, new.wijk_code, new.reason, new.details, new.created_at)
     is distinct from
     (old.reporter_id, old.subject_type, old.subject_id, old.subject_label, old.wijk_code, old.reason, old.details, old.created_at) then
    raise exception 'Een melding zelf verandert niet' using errcode = '42501';
  end if;
  if new.status = 'afgehandeld' and old.status <> 'afgehandeld' then
    if length(trim(new.resolution)) = 0 then
      raise exception 'Schrijf op wat er met de melding is gedaan' using errcode = '23514';
    end if;
    new.resolved_at := now();
  end if;
  if new.status = 'in_behandeling' and new.claimed_by is null then
    new.claimed_by := app.uid();
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id, wijk_code, reason, details)
  values (app.uid(), 'report_' || new.status, 'report', new.id::text, new.wijk_code, new.resolution,
          jsonb_build_object('from', old.status, 'to', new.status, 'claimed_by', new.claimed_by));
  return new;
end
$$;
create trigger reports_handle before update on public.reports
  for each row execute function app.report_handle();

alter table public.reports enable row level security;
revoke all on public.reports from anon, authenticated;
grant select, insert (subject_type, subject_id, subject_label, reason, details) on public.reports to authenticated;
grant update (status, claimed_by, resolution) on public.reports to authenticated;
-- A resident reports in their own name.
create policy reports_insert on public.reports for insert to authenticated
  with check (reporter_id = (select app.uid()));
-- A resident sees their own reports; workers see those of their wijken.
create policy reports_read on public.reports for select to authenticated
  using (reporter_id = (select app.uid()) or app.works_in_wijk(wijk_code));
-- Workers of the wijk claim and resolve.
create policy reports_update on public.reports for update to authenticated
  using (app.works_in_wijk(wijk_code)) with check (app.works_in_wijk(wijk_code));

-- The audit log is written by the trigger above with the worker's own rights.
grant insert on public.audit_log to authenticated;
-- Only workers write audit entries, and only for their wijken, in their own name.
create policy audit_log_insert on public.audit_log for insert to authenticated
  with check (actor_id = (select app.uid()) and wijk_code is not null and app.works_in_wijk(wijk_code));

-- A person can be reported (burenhulp: "meld deze persoon"); they belong to the wijk they live in.
create function app.report_wijk_person(p_id text) returns text
language sql stable security definer set search_path = ''
as $$
  select b.wijk_code from public.profiles p join public.buurten b on b.code = p.buurt_code
   where p.id::text = p_id and p.id <> app.uid()
$$;

grant execute on all functions in schema app to anon, authenticated, service_role;
grant all on public.reports to service_role;
