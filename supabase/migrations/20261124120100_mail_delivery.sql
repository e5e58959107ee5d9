-- Every row in the mail outbox is delivered, whoever wrote it: a trigger enqueues one mail.send job
-- per row (so an SQL function that inserts mail gets it sent like the app does), and the job sends it
-- by SMTP with retries. Sending is recorded on the row so that a job that runs twice sends once.

alter table public.email_outbox
  add column body_html text,
  -- The same key twice is one mail (a notification or a digest composed again by a retried job).
  add column dedupe_key text unique check (length(dedupe_key) <= 200),
  add column attempts integer not null default 0,
  -- The instance that is sending it now: another one waits instead of sending it a second time.
  add column sending_by text,
  add column sending_at timestamptz,
  add column message_id text,
  -- Not sent because the address unsubscribed from this kind.
  add column suppressed_at timestamptz;
create index email_outbox_unsent on public.email_outbox (created_at) where sent_at is null and suppressed_at is null;
create index email_outbox_to on public.email_outbox (to_address, id desc);

-- Addresses that used a one-click unsubscribe link, per kind of mail.
create table public.email_suppressions (
  address text not null check (address = lower(address)),
  kind text not null,
  created_at timestamptz not null default now(),
  primary key (address, kind)
);
alter table public.email_suppressions enable row level security;
revoke all on public.email_suppressions from anon, authenticated;

-- Mail that is about an account itself (verify, reset) is always sent and carries no unsubscribe link.
create function app.is_account_mail(p_kind text) returns boolean
language sql immutable
as $$ select p_kind in ('verify_email', 'reset_password', 'register_existing') $$;

create function app.email_outbox_enqueue() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app.enqueue_job('mail.send', jsonb_build_object('id', new.id), now(), 'mail:' || new.id, 12);
  return new;
end
$$;
create trigger email_outbox_enqueue after insert on public.email_outbox
  for each row execute function app.email_outbox_enqueue();

-- Mail written before this migration and never sent (there was no sender for SQL-written rows).
select app.enqueue_job('mail.send', jsonb_build_object('id', id), now(), 'mail:' || id, 12)
  from public.email_outbox where sent_at is null and created_at > now() - interval '7 days';

-- The sender takes a row: returns what to send, or nothing when it was sent already or the address
-- unsubscribed from this kind. When another instance began sending it less than ten minutes ago and
-- has not reported back, the outcome is unknown: refuse (hint mail_in_doubt) so the job retries later,
-- by when that instance has recorded it as sent, or evidently died.
create function public.begin_mail(p_id bigint, p_worker text)
returns table (id bigint, to_address text, subject text, body_text text, body_html text, kind text, locale text)
language plpgsql security definer set search_path = ''
as $$
declare
  v public.email_outbox;
begin
  select * into v from public.email_outbox o where o.id = p_id for update;
  if v.id is null or v.sent_at is not null or v.suppressed_at is not null then
    return;
  end if;
  if v.sending_by is not null and v.sending_by <> p_worker and v.sending_at > now() - interval '10 minutes' then
    raise exception 'mail % is being sent by %', p_id, v.sending_by using errcode = '55006', hint = 'mail_in_doubt';
  end if;
  if not app.is_account_mail(v.kind) and exists (select 1 from public.email_suppressions s
                                                   where s.address = lower(v.to_address) and s.kind = v.kind) then
    update public.email_outbox set suppressed_at = now() where email_outbox.id = p_id;
    return;
  end if;
  update public.email_outbox set sending_by = p_worker, sending_at = now(), attempts = attempts + 1
   where email_outbox.id = p_id;
  return query
  select v.id, v.to_address, v.subject, v.body_text, v.body_html, v.kind,
         coalesce((select p.locale from public.users u join public.profiles p on p.id = u.id
                    where u.email = lower(v.to_address)), 'nl');
end
$$;

create function public.mark_mail_sent(p_id bigint, p_message_id text) returns void
language sql security definer set search_path = ''
as $$
  update public.email_outbox set sent_at = coalesce(sent_at, now()), message_id = p_message_id, last_error = null,
         sending_by = null, sending_at = null
   where id = p_id
$$;

create function public.mark_mail_failed(p_id bigint, p_error text) returns void
language sql security definer set search_path = ''
as $$
  update public.email_outbox set last_error = left(p_error, 2000), sending_by = null, sending_at = null
   where id = p_id and sent_at is null
$$;

revoke execute on function public.begin_mail, public.mark_mail_sent, public.mark_mail_failed from public, anon, authenticated;

grant all on public.email_suppressions to service_role;
grant execute on all functions in schema public to service_role;
