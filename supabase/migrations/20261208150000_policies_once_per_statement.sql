-- Row policies that cost almost nothing (issue 15): the policy helpers are evaluated once per statement,
-- not once per row. PostgreSQL runs `(select f())` as an InitPlan, once, when f() does not depend on
-- the row; a bare `f()` in a policy is called for every row it filters. `app.role()` and
-- `app.works_in_wijk(wijk_code)` each read `profiles`, `worker_wijken` and `coordinators` per row: over
-- 10,000 initiatives that was more than half of a logged-in list query.
--
-- What changes, with the same meaning:
--   app.uid()  app.role()  app.is_staff()   → (select app.uid()) …
--   app.works_in_wijk(x)  → ((select app.is_admin()) or coalesce(x = any ((select app.staff_wijken())::text[]), false))
--   app.works_in_buurt(x) → ((select app.is_admin()) or coalesce(x = any ((select app.staff_buurten())::text[]), false))
-- where staff_wijken() is every wijk the person works in: their own as opbouwwerker, every wijk of the
-- gemeente they coordinate. works_in_wijk was exactly "admin, or one of those"; the coalesce keeps a
-- NULL wijk false (not unknown), as the function returned, also under a NOT.
--
-- Every policy in `public` is rewritten from its stored expression by `app.policies_once_per_statement()`;
-- a migration that adds policies later ends with `select app.policies_once_per_statement();` (it only
-- touches what still has a bare call, so running it twice changes nothing).

create function app.is_admin() returns boolean
language sql stable
as $$ select coalesce((select app.role()) = 'admin', false) $$;

-- The wijken the current user works in (opbouwwerker) or coordinates (the whole gemeente); empty otherwise.
create function app.staff_wijken() returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(distinct code), '{}') from (
    select w.wijk_code as code from public.worker_wijken w where w.user_id = app.uid()
    union all
    select wk.code from public.coordinators c join public.wijken wk on wk.gemeente_code = c.gemeente_code
    where c.user_id = app.uid()
  ) s
$$;

create function app.staff_buurten() returns text[]
language sql stable security definer set search_path = ''
as $$ select coalesce(array_agg(b.code), '{}') from public.buurten b where b.wijk_code = any (app.staff_wijken()) $$;

-- The argument of a call that starts at `open` (the position of its "("): up to the matching ")",
-- skipping parentheses inside string literals. Returns the text between them.
create function app.call_argument(expr text, open int) returns text
language plpgsql immutable
as $$
declare
  depth int := 0;
  quoted boolean := false;
  c text;
begin
  for i in open .. length(expr) loop
    c := substr(expr, i, 1);
    if quoted then
      if c = '''' then quoted := false; end if;
    elsif c = '''' then
      quoted := true;
    elsif c = '(' then
      depth := depth + 1;
    elsif c = ')' then
      depth := depth - 1;
      if depth = 0 then return substr(expr, open + 1, i - open - 1); end if;
    end if;
  end loop;
  raise exception 'unbalanced call in policy expression: %', expr;
end;
$$;

-- `app.<fn>(arg)` → `replacement` with %s for the argument, for every call of fn in expr.
create function app.rewrite_calls(expr text, fn text, replacement text) returns text
language plpgsql immutable
as $$
declare
  needle text := 'app.' || fn || '(';
  result text := '';
  rest text := expr;
  at int;
  arg text;
begin
  loop
    at := strpos(rest, needle);
    exit when at = 0;
    arg := app.call_argument(rest, at + length(needle) - 1);
    result := result || substr(rest, 1, at - 1) || format(replacement, arg);
    rest := substr(rest, at + length(needle) + length(arg) + 1);
  end loop;
  return result || rest;
end;
$$;

create function app.policy_once(expr text) returns text
language plpgsql immutable
as $$
declare
  fn text;
begin
  if expr is null then return null; end if;
  -- Bare calls without arguments, not those already in a sub-select ("( SELECT app.uid() AS uid)").
  foreach fn in array array['uid', 'role', 'is_staff'] loop
    expr := regexp_replace(expr, '(?<!SELECT )app\.' || fn || '\(\)', '(SELECT app.' || fn || '())', 'g');
  end loop;
  expr := app.rewrite_calls(expr, 'works_in_wijk', '((SELECT app.is_admin()) OR COALESCE((%s) = ANY ((SELECT app.staff_wijken())::text[]), false))');
  expr := app.rewrite_calls(expr, 'works_in_buurt', '((SELECT app.is_admin()) OR COALESCE((%s) = ANY ((SELECT app.staff_buurten())::text[]), false))');
  return expr;
end;
$$;

-- Rewrites every policy of the public schema whose expression changes; returns how many it altered.
create function app.policies_once_per_statement() returns int
language plpgsql
as $$
declare
  p record;
  qual text;
  checked text;
  altered int := 0;
begin
  for p in
    select pol.polname, c.relname,
           pg_get_expr(pol.polqual, pol.polrelid) as qual,
           pg_get_expr(pol.polwithcheck, pol.polrelid) as checked
    from pg_policy pol join pg_class c on c.oid = pol.polrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public'
  loop
    qual := app.policy_once(p.qual);
    checked := app.policy_once(p.checked);
    if qual is distinct from p.qual or checked is distinct from p.checked then
      execute format('alter policy %I on public.%I', p.polname, p.relname)
        || coalesce(' using (' || qual || ')', '')
        || coalesce(' with check (' || checked || ')', '');
      altered := altered + 1;
    end if;
  end loop;
  return altered;
end;
$$;

revoke all on function app.call_argument(text, int), app.rewrite_calls(text, text, text), app.policy_once(text),
  app.policies_once_per_statement() from public, anon, authenticated;
grant execute on function app.is_admin(), app.staff_wijken(), app.staff_buurten() to anon, authenticated, service_role;

select app.policies_once_per_statement();

-- For the tests (service only): the policies that still call a helper once per row, as "table.policy".
-- A migration that adds a policy with a bare app.uid() and forgets the line above makes it non-empty.
create function public.policies_with_per_row_helpers() returns setof text
language sql stable
as $$
  select c.relname || '.' || pol.polname
  from pg_policy pol join pg_class c on c.oid = pol.polrelid join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public'
    and coalesce(pg_get_expr(pol.polqual, pol.polrelid), '') || ' ' || coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), '')
        ~ '(?<!SELECT )app\.(uid|role|is_staff|works_in_wijk|works_in_buurt)\('
  order by 1
$$;
revoke all on function public.policies_with_per_row_helpers() from public, anon, authenticated;
grant execute on function public.policies_with_per_row_helpers() to service_role;
