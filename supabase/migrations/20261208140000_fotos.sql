-- Photos: an initiative or a group may carry one photo, with the text that describes it. The site
-- resizes every upload to a few widths (WebP, metadata stripped) and stores those files here, in the
-- database: the site reaches the database only through PostgREST, on PGlite, on a PostgreSQL server
-- and on a hosted Supabase project alike, with no storage service beside it, and who may read a photo
-- is decided by the same RLS as its initiative or group (docs/ARCHITECTURE.md, "Photos").
--
-- The photo points at its subject (so deleting an initiative or group deletes its photo), which makes
-- the hook the groups migration left on groepen redundant: it was never used.
alter table public.groepen drop column photo_id, drop column photo_alt;

create table public.fotos (
  id uuid primary key default gen_random_uuid(),
  -- Exactly one subject, one photo each: a new upload replaces the row (and so gets a new id).
  initiatief_id uuid unique references public.initiatieven on delete cascade,
  groep_id uuid unique references public.groepen on delete cascade,
  alt text not null check (length(alt) between 3 and 250 and alt = trim(alt)),
  -- The largest stored file's size: pages reserve the image's place with it (no layout shift).
  width integer not null check (width between 1 and 4000),
  height integer not null check (height between 1 and 8000),
  widths integer[] not null check (cardinality(widths) between 1 and 5),
  -- A hash of the files, in each file's address: an address never shows other content.
  hash text not null check (hash ~ '^[0-9a-f]{16}$'),
  created_by uuid references public.profiles on delete set null,
  created_at timestamptz not null default now(),
  check (num_nonnulls(initiatief_id, groep_id) = 1)
);

create table public.foto_bestanden (
  foto_id uuid not null references public.fotos on delete cascade,
  width integer not null check (width between 1 and 4000),
  height integer not null check (height between 1 and 8000),
  -- WebP only (RIFF....WEBP): whatever writes here, the site never serves anything else as an image.
  bytes bytea not null check (length(bytes) between 12 and 3145728
                              and substring(bytes from 1 for 4) = '\x52494646'::bytea
                              and substring(bytes from 9 for 4) = '\x57454250'::bytea),
  primary key (foto_id, width)
);

-- Who may put or remove the photo: for an initiative its organisers (not once it was declined) and
-- the workers of its wijk (once it was submitted); for a group whoever proposed it while it waits or
-- was sent back, and whoever leads it once published (as update_groep).
create function app.may_change_foto(p_initiatief uuid, p_groep uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case
    when p_initiatief is not null and p_groep is null then exists (
      select 1 from public.initiatieven i
       where i.id = p_initiatief and i.status <> 'afgewezen'
         and (app.organises_initiatief(i.id) or (i.status <> 'concept' and app.works_on_initiatief(i.id))))
    when p_groep is not null and p_initiatief is null then exists (
      select 1 from public.groepen g
       where g.id = p_groep
         and ((g.status in ('ingediend', 'aanpassing_gevraagd') and g.created_by = app.uid())
              or (g.status = 'gepubliceerd' and app.groep_leads(g.id))))
    else false
  end
$$;

-- For pages: whether to show the photo form (save_foto and remove_foto check again).
create function public.may_change_foto(p_initiatief uuid default null, p_groep uuid default null) returns boolean
language sql stable
as $$ select app.may_change_foto(p_initiatief, p_groep) $$;

-- Puts a photo on an initiative or group, replacing the one it had, in one transaction: the files are
-- [{ "width", "height", "data": base64 }], the largest last.
create function public.save_foto(
  p_initiatief uuid, p_groep uuid, p_alt text, p_hash text, p_bestanden jsonb
) returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_id uuid;
  v_last jsonb;
begin
  if not app.may_change_foto(p_initiatief, p_groep) then
    raise exception 'Alleen wie het initiatief of de groep maakt of leidt, zet er een foto bij' using errcode = '42501';
  end if;
  if jsonb_typeof(p_bestanden) <> 'array' or jsonb_array_length(p_bestanden) not between 1 and 5 then
    raise exception 'Een foto heeft een tot vijf bestanden' using errcode = '22023';
  end if;
  v_last := p_bestanden -> (jsonb_array_length(p_bestanden) - 1);
  delete from public.fotos where initiatief_id = p_initiatief or groep_id = p_groep;
  insert into public.fotos (initiatief_id, groep_id, alt, width, height, widths, hash, created_by)
  values (p_initiatief, p_groep, trim(p_alt), (v_last ->> 'width')::integer, (v_last ->> 'height')::integer,
          array(select (b ->> 'width')::integer from jsonb_array_elements(p_bestanden) b), p_hash, app.uid())
  returning id into v_id;
  insert into public.foto_bestanden (foto_id, width, height, bytes)
  select v_id, (b ->> 'width')::integer, (b ->> 'height')::integer, decode(b ->> 'data', 'base64')
    from jsonb_array_elements(p_bestanden) b;
  return v_id;
end
$$;

-- Changes only the text that describes the photo.
create function public.set_foto_alt(p_initiatief uuid, p_groep uuid, p_alt text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not app.may_change_foto(p_initiatief, p_groep) then
    raise exception 'Alleen wie het initiatief of de groep maakt of leidt, past de foto aan' using errcode = '42501';
  end if;
  update public.fotos set alt = trim(p_alt) where initiatief_id = p_initiatief or groep_id = p_groep;
  if not found then
    raise exception 'Er is nog geen foto' using errcode = 'P0002';
  end if;
end
$$;

create function public.remove_foto(p_initiatief uuid, p_groep uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  if not app.may_change_foto(p_initiatief, p_groep) then
    raise exception 'Alleen wie het initiatief of de groep maakt of leidt, haalt de foto weg' using errcode = '42501';
  end if;
  delete from public.fotos where initiatief_id = p_initiatief or groep_id = p_groep;
end
$$;

alter table public.fotos enable row level security;
alter table public.foto_bestanden enable row level security;
revoke all on public.fotos, public.foto_bestanden from anon, authenticated;

-- No user writes these tables directly: the functions above do, with their checks written out.
grant select on public.fotos, public.foto_bestanden to anon, authenticated;
-- A photo is read by exactly whoever may read its initiative or group: the subquery runs under the
-- reader's own policies on those tables (an unpublished initiative's photo stays with its readers).
create policy fotos_read on public.fotos for select to anon, authenticated
  using ((initiatief_id is not null and exists (select 1 from public.initiatieven i where i.id = initiatief_id))
         or (groep_id is not null and exists (select 1 from public.groepen g where g.id = groep_id)));
-- A photo's files: whoever may read the photo.
create policy foto_bestanden_read on public.foto_bestanden for select to anon, authenticated
  using (exists (select 1 from public.fotos f where f.id = foto_id));

revoke execute on function public.may_change_foto, public.save_foto, public.set_foto_alt, public.remove_foto from public, anon;
grant execute on function public.may_change_foto, public.save_foto, public.set_foto_alt, public.remove_foto to authenticated;
grant execute on all functions in schema app to anon, authenticated, service_role;
grant execute on all functions in schema public to service_role;
grant all on public.fotos, public.foto_bestanden to service_role;
