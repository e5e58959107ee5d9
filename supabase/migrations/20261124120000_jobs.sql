-- The durable job runner's queue. Jobs live in the database and are claimed with FOR UPDATE SKIP
-- LOCKED by a security definer function the runner calls over PostgREST with the service role, so it
-- works alike on embedded PGlite, a PostgreSQL server and a hosted Supabase project, with any number
-- of site or worker instances. Service-only: no grants to anon or authenticated; admins read the dead
-- list through dead_jobs(), which checks the role.

create table public.jobs (
  id bigint generated always as identity primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{1,60}$'),
  payload jsonb not null default '{}',
  -- Enqueueing the same key twice makes one job (a mail per outbox row, one run per scheduled slot).
  dedupe_key text unique check (length(dedupe_key) <= 200),
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'dead')),
  run_at timestamptz not null default now(),
  attempts integer not null default 0 check (attempts >= 0),
  max_attempts integer not null default 8 check (max_attempts between 1 and 100),
  -- The instance that holds the job and until when; an expired lease puts the job back in the queue.
  locked_by text,
  locked_until timestamptz,
  last_error text not null default '' check (length(last_error) <= 2000),
  created_at timestamptz not null default now(),
  finished_at timestamptz,
  check (status <> 'running' or (locked_by is not null and locked_until is not null))
);
-- The runner's claim: due jobs in order. Done and dead jobs leave this index.
create index jobs_due on public.jobs (run_at, id) where status = 'queued';
create index jobs_leases on public.jobs (locked_until) where status = 'running';
create index jobs_dead on public.jobs (finished_at desc, id) where status = 'dead';
create index jobs_done on public.jobs (finished_at) where status = 'done';

-- The instances that run jobs and when each last asked for work: the heartbeat /healthz shows.
create table public.job_workers (
  id text primary key check (length(id) between 1 and 120),
  started_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  kinds text[] not null default '{}',
  jobs_done bigint not null default 0,
  jobs_failed bigint not null default 0
);

-- One row per schedule: the last slot that was enqueued. Claiming a slot is one conditional update,
-- so a slot runs once however many instances see it.
create table public.job_schedules (
  name text primary key check (name ~ '^[a-z][a-z0-9_.-]{1,60}$'),
  last_slot timestamptz not null,
  updated_at timestamptz not null default now()
);

alter table public.jobs enable row level security;
alter table public.job_workers enable row level security;
alter table public.job_schedules enable row level security;
revoke all on public.jobs, public.job_workers, public.job_schedules from anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- Enqueueing. app.enqueue_job is what SQL (triggers, functions) calls; public.enqueue_job is the same
-- for the app over PostgREST. Returns the job id, or null when a job with that key already exists.

create function app.enqueue_job(p_kind text, p_payload jsonb default '{}', p_run_at timestamptz default now(),
                                p_dedupe_key text default null, p_max_attempts integer default 8)
returns bigint
language sql security definer set search_path = ''
as $$
  insert into public.jobs (kind, payload, run_at, dedupe_key, max_attempts)
  values (p_kind, coalesce(p_payload, '{}'), coalesce(p_run_at, now()), p_dedupe_key, coalesce(p_max_attempts, 8))
  on conflict (dedupe_key) do nothing
  returning id
$$;
revoke execute on function app.enqueue_job from public, anon, authenticated;

create function public.enqueue_job(p_kind text, p_payload jsonb default '{}', p_run_at timestamptz default now(),
                                   p_dedupe_key text default null, p_max_attempts integer default 8)
returns bigint
language sql
as $$ select app.enqueue_job(p_kind, p_payload, p_run_at, p_dedupe_key, p_max_attempts) $$;

-- ---------------------------------------------------------------------------------------------------
-- The runner's side.

-- Claims up to p_limit due jobs of the kinds this instance handles, and records its heartbeat. Jobs
-- whose lease ran out (their instance died or lost the database mid-job) go back to the queue first,
-- or to the dead list when they used up their attempts. SKIP LOCKED: two instances never get one job.
create function public.claim_jobs(p_worker text, p_kinds text[], p_limit integer default 10, p_lease_seconds integer default 60)
returns setof public.jobs
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.job_workers as w (id, kinds) values (p_worker, p_kinds)
  on conflict (id) do update set last_seen_at = now(), kinds = excluded.kinds;

  update public.jobs
     set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
         finished_at = case when attempts >= max_attempts then now() end,
         last_error = left('lease expired on ' || coalesce(locked_by, '?') || case when last_error = '' then '' else '; ' || last_error end, 2000),
         locked_by = null, locked_until = null
   where id in (select id from public.jobs where status = 'running' and locked_until < now()
                 order by locked_until limit 100 for update skip locked);

  return query
  with next as (
    select j.id from public.jobs j
     where j.status = 'queued' and j.run_at <= now() and j.kind = any (p_kinds)
     order by j.run_at, j.id
     limit greatest(1, least(p_limit, 500))
     for update skip locked
  )
  update public.jobs j
     set status = 'running', attempts = j.attempts + 1, locked_by = p_worker,
         locked_until = now() + make_interval(secs => greatest(5, p_lease_seconds))
    from next
   where j.id = next.id
  returning j.*;
end
$$;

-- Marks jobs done; only the instance that holds them may (a job whose lease expired and was claimed
-- again belongs to its new holder). Returns how many were still held.
create function public.complete_jobs(p_worker text, p_ids bigint[])
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null
   where id = any (p_ids) and status = 'running' and locked_by = p_worker;
  get diagnostics v_count = row_count;
  update public.job_workers set jobs_done = jobs_done + v_count, last_seen_at = now() where id = p_worker;
  return v_count;
end
$$;

-- A failed attempt: back in the queue after p_retry_seconds (the runner's backoff), or on the dead
-- list once the attempts are used up. Returns the new status.
create function public.fail_job(p_worker text, p_id bigint, p_error text, p_retry_seconds double precision)
returns text
language plpgsql security definer set search_path = ''
as $$
declare
  v_status text;
begin
  update public.jobs
     set status = case when attempts >= max_attempts then 'dead' else 'queued' end,
         run_at = case when attempts >= max_attempts then run_at else now() + make_interval(secs => greatest(0, p_retry_seconds)) end,
         finished_at = case when attempts >= max_attempts then now() end,
         last_error = left(coalesce(p_error, ''), 2000), locked_by = null, locked_until = null
   where id = p_id and status = 'running' and locked_by = p_worker
  returning status into v_status;
  update public.job_workers set jobs_failed = jobs_failed + 1, last_seen_at = now() where id = p_worker;
  return v_status;
end
$$;

-- A long job keeps its lease while it works.
create function public.extend_job_leases(p_worker text, p_ids bigint[], p_lease_seconds integer default 60)
returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  update public.jobs set locked_until = now() + make_interval(secs => greatest(5, p_lease_seconds))
   where id = any (p_ids) and status = 'running' and locked_by = p_worker;
  get diagnostics v_count = row_count;
  update public.job_workers set last_seen_at = now() where id = p_worker;
  return v_count;
end
$$;

-- Enqueues the job of a scheduled slot if no instance did so yet. True when this call enqueued it.
-- A slot older than the last one enqueued is never run again.
create function public.schedule_slot(p_name text, p_slot timestamptz, p_kind text, p_payload jsonb default '{}')
returns boolean
language plpgsql security definer set search_path = ''
as $$
declare
  v_won boolean;
begin
  insert into public.job_schedules as s (name, last_slot) values (p_name, p_slot)
  on conflict (name) do update set last_slot = excluded.last_slot, updated_at = now()
   where s.last_slot < excluded.last_slot
  returning true into v_won;
  if v_won then
    perform app.enqueue_job(p_kind, coalesce(p_payload, '{}') || jsonb_build_object('slot', p_slot),
                            now(), p_name || '@' || to_char(p_slot at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
  end if;
  return coalesce(v_won, false);
end
$$;

-- The queue's health for /healthz and the admin page: live instances, how late the oldest due job
-- is, and how many jobs are dead. p_kinds limits the lateness to the kinds somebody here handles
-- (mail waits on purpose where no SMTP server is configured).
create function public.job_health(p_kinds text[] default null)
returns json
language sql stable security definer set search_path = ''
as $$
  select json_build_object(
    'workers', (select count(*) from public.job_workers where last_seen_at > now() - interval '2 minutes'),
    'last_heartbeat_at', (select max(last_seen_at) from public.job_workers),
    'oldest_due_seconds', coalesce((select extract(epoch from now() - min(run_at))::integer from public.jobs
                                     where status = 'queued' and run_at <= now() and (p_kinds is null or kind = any (p_kinds))), 0),
    'queued', (select count(*) from public.jobs where status = 'queued'),
    'running', (select count(*) from public.jobs where status = 'running'),
    'dead', (select count(*) from public.jobs where status = 'dead'))
$$;

-- Done jobs are kept two weeks (to see what ran), instances that stopped a day.
create function public.prune_jobs() returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  v_count integer;
begin
  delete from public.jobs where status = 'done' and finished_at < now() - interval '14 days';
  get diagnostics v_count = row_count;
  delete from public.job_workers where last_seen_at < now() - interval '1 day';
  return v_count;
end
$$;

revoke execute on function public.enqueue_job, public.claim_jobs, public.complete_jobs, public.fail_job,
  public.extend_job_leases, public.schedule_slot, public.job_health, public.prune_jobs from public, anon, authenticated;

-- ---------------------------------------------------------------------------------------------------
-- The dead list, for admins: read it and put a job back in the queue. Security definer because jobs
-- are granted to nobody; the role is checked here.

create function public.dead_jobs(p_limit integer default 50, p_offset integer default 0)
returns table (id bigint, kind text, payload jsonb, attempts integer, last_error text, created_at timestamptz,
               finished_at timestamptz, total bigint)
language plpgsql stable security definer set search_path = ''
as $$
begin
  if app.role() is distinct from 'admin' then
    raise exception 'Alleen beheerders zien mislukte taken' using errcode = '42501';
  end if;
  return query
  select j.id, j.kind, j.payload, j.attempts, j.last_error, j.created_at, j.finished_at, count(*) over ()
    from public.jobs j where j.status = 'dead'
   order by j.finished_at desc, j.id desc
   limit greatest(1, least(p_limit, 200)) offset greatest(0, p_offset);
end
$$;

create function public.retry_dead_job(p_id bigint) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if app.role() is distinct from 'admin' then
    raise exception 'Alleen beheerders zetten taken opnieuw klaar' using errcode = '42501';
  end if;
  update public.jobs set status = 'queued', run_at = now(), attempts = 0, finished_at = null
   where id = p_id and status = 'dead';
  if not found then
    raise exception 'Deze taak staat niet op de lijst' using errcode = 'P0002';
  end if;
  insert into public.audit_log (actor_id, action, subject_type, subject_id)
  values (app.uid(), 'job_retry', 'job', p_id::text);
end
$$;
revoke execute on function public.dead_jobs, public.retry_dead_job from public, anon;
grant execute on function public.dead_jobs, public.retry_dead_job to authenticated;

grant all on public.jobs, public.job_workers, public.job_schedules to service_role;
grant usage, select on all sequences in schema public to service_role;
grant execute on all functions in schema public to service_role;
grant execute on function app.enqueue_job to service_role;
