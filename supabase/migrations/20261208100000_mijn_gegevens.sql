-- Mijn gegevens (issue 14, point 1): everything the platform holds about a person, as one jsonb built
-- in the database for app.uid(), so the export holds exactly that person's rows. Other people appear
-- only as the person already saw them (a match partner's first name as shown on the post; a message
-- is "ik" or "ander"); ids of other people and secrets (password hash, session and feed hashes) are
-- left out.
--
-- public.personal_data_map() is the explicit list of every column that points at a person: where
-- my_data() puts those rows and what erase_account() does with them. tests/integration/privacy.test.ts
-- compares it with the catalog, so a new table that references a person fails until it is added here,
-- to my_data() and to the erasure.

create function public.personal_data_map()
returns table (table_name text, column_name text, export_path text, erasure text, row_key text)
language sql immutable
as $$
  select * from (values
    -- erasure: deleted = the row goes (withdrawn); kept_anonymous = the row stays, the person's id is
    -- emptied (others depend on it, shown as "oud-bewoner"); passed_on = to a worker of the wijk.
    ('users', 'id', 'account', 'deleted', 'id'),
    ('profiles', 'id', 'profile', 'deleted', 'id'),
    ('profile_private', 'user_id', 'private_contact', 'deleted', 'user_id'),
    ('sessions', 'user_id', 'sessions', 'deleted', 'id'),
    ('auth_tokens', 'user_id', 'tokens', 'deleted', 'created_at'),
    ('calendar_feeds', 'user_id', 'calendar_feed', 'deleted', 'user_id'),
    ('notifications', 'user_id', 'notifications', 'deleted', 'id'),
    ('notification_preferences', 'user_id', 'notification_preferences', 'deleted', 'kind'),
    ('worker_wijken', 'user_id', 'staff.wijken', 'deleted', 'wijk_code'),
    ('coordinators', 'user_id', 'staff.coordinator_of', 'deleted', 'gemeente_code'),
    ('staff_contacts', 'user_id', 'staff.work_contact', 'deleted', 'user_id'),
    ('partner_contacten', 'user_id', 'staff.partner_of', 'deleted', 'organisatie_id'),
    ('help_posts', 'owner_id', 'burenhulp.posts', 'kept_anonymous', 'id'),
    ('help_matches', 'request_owner', 'burenhulp.matches', 'kept_anonymous', 'id'),
    ('help_matches', 'offer_owner', 'burenhulp.matches', 'kept_anonymous', 'id'),
    ('help_matches', 'proposed_by', 'burenhulp.matches', 'kept_anonymous', 'id'),
    ('help_matches', 'care_approved_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('help_matches', 'stopped_by', 'burenhulp.matches', 'kept_anonymous', 'id'),
    ('help_messages', 'sender_id', 'burenhulp.messages', 'kept_anonymous', 'id'),
    ('help_blocks', 'blocker_id', 'burenhulp.blocks', 'deleted', 'id'),
    ('help_blocks', 'blocked_id', 'burenhulp.blocked_by_others', 'deleted', 'id'),
    ('initiatieven', 'author_id', 'initiatieven.authored', 'kept_anonymous', 'id'),
    ('initiatieven', 'claimed_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('initiatieven', 'coach_id', 'staff_actions', 'kept_anonymous', 'id'),
    ('initiatief_deelnemers', 'user_id', 'initiatieven.joined', 'deleted', 'initiatief_id'),
    ('initiatief_contacten', 'user_id', 'initiatieven.joined', 'deleted', 'initiatief_id'),
    ('initiatief_updates', 'author_id', 'initiatieven.updates', 'kept_anonymous', 'id'),
    ('initiatief_reacties', 'author_id', 'initiatieven.comments', 'kept_anonymous', 'id'),
    ('initiatief_reacties', 'hidden_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('initiatief_notities', 'author_id', 'staff_actions', 'kept_anonymous', 'id'),
    ('initiatief_beslissingen', 'decided_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('repair_cafe_signups', 'resident_id', 'repair_cafe.signups', 'kept_anonymous', 'id'),
    ('repair_cafe_series', 'organiser_id', 'repair_cafe.organised', 'passed_on', 'id'),
    ('repair_cafe_series', 'approved_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('repair_cafe_series_changes', 'proposed_by', 'repair_cafe.proposed_changes', 'kept_anonymous', 'series_id'),
    ('rommelroute_stands', 'resident_id', 'rommelroute.stands', 'deleted', 'id'),
    ('rommelroute_stands', 'reviewed_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('rommelroute_editions', 'created_by', 'rommelroute.editions', 'passed_on', 'id'),
    ('groepen', 'created_by', 'groepen.proposed', 'kept_anonymous', 'id'),
    ('groepen', 'claimed_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('groepen', 'facilitator_id', 'staff_actions', 'kept_anonymous', 'id'),
    ('groep_leden', 'user_id', 'groepen.memberships', 'deleted', 'groep_id'),
    ('groep_contacten', 'user_id', 'groepen.contacts', 'deleted', 'groep_id'),
    ('groep_verzoeken', 'user_id', 'groepen.requests', 'deleted', 'id'),
    ('groep_verzoeken', 'decided_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('groep_uitnodigingen', 'user_id', 'groepen.invitations', 'deleted', 'id'),
    ('groep_uitnodigingen', 'invited_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('groep_aanwezigheid', 'user_id', 'groepen.attendance', 'deleted', 'bijeenkomst_id'),
    ('groep_berichten', 'author_id', 'groepen.posts', 'kept_anonymous', 'id'),
    ('groep_berichten', 'hidden_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('groep_actiepunten', 'owner_id', 'groepen.actiepunten', 'kept_anonymous', 'id'),
    ('groep_actiepunten', 'done_by', 'groepen.actiepunten_done', 'kept_anonymous', 'id'),
    ('groep_bijeenkomsten', 'created_by', 'groepen.meetings_planned', 'kept_anonymous', 'id'),
    ('groep_verslagen', 'written_by', 'groepen.minutes_written', 'kept_anonymous', 'bijeenkomst_id'),
    ('groep_notities', 'author_id', 'staff_actions', 'kept_anonymous', 'id'),
    ('groep_beslissingen', 'decided_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('reports', 'reporter_id', 'reports_filed', 'deleted', 'id'),
    ('reports', 'claimed_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('buurt_zorgen', 'author_id', 'zorgen', 'deleted', 'id'),
    ('buurt_zorgen', 'handled_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('signalen', 'created_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('agenda_items', 'created_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('agenda_items', 'answered_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('partner_organisaties', 'created_by', 'staff_actions', 'kept_anonymous', 'id'),
    ('audit_log', 'actor_id', 'audit.by_me', 'kept_anonymous', 'id')
  ) m (table_name, column_name, export_path, erasure, row_key)
$$;
revoke execute on function public.personal_data_map from public, anon;
grant execute on function public.personal_data_map to authenticated, service_role;

-- Rows a staff member acted on (claimed, coached, reviewed, decided): a reference per row, not the
-- row, which holds other residents' content. Driven by the map above.
create function app.my_staff_actions(p_uid uuid) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_entry record;
  v_rows jsonb;
  v_out jsonb := '{}';
begin
  for v_entry in select * from public.personal_data_map() where export_path = 'staff_actions' loop
    execute format('select coalesce(jsonb_agg(%I::text order by %I), ''[]'') from public.%I where %I = $1',
                   v_entry.row_key, v_entry.row_key, v_entry.table_name, v_entry.column_name)
      into v_rows using p_uid;
    if jsonb_array_length(v_rows) > 0 then
      v_out := v_out || jsonb_build_object(v_entry.table_name || '.' || v_entry.column_name, v_rows);
    end if;
  end loop;
  return v_out;
end
$$;

create function public.my_data() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  v_uid uuid := app.uid();
  v_posts uuid[];
begin
  if v_uid is null or not exists (select 1 from public.users where id = v_uid) then
    raise exception 'Log eerst in' using errcode = '42501';
  end if;
  select coalesce(array_agg(id), '{}') into v_posts from public.help_posts where owner_id = v_uid;
  return jsonb_build_object(
    'format', 'buurtplein-mijn-gegevens/1',
    'generated_at', now(),
    'account', (select jsonb_build_object('id', u.id, 'email', u.email, 'email_verified_at', u.email_verified_at,
                  'created_at', u.created_at, 'password_changed_at', u.password_changed_at, 'blocked_at', u.blocked_at)
                  from public.users u where u.id = v_uid),
    'profile', (select jsonb_build_object('display_name', p.display_name, 'buurt_code', p.buurt_code, 'buurt', b.naam,
                  'role', p.role, 'interests', p.interests, 'interests_other', p.interests_other, 'talents', p.talents,
                  'talents_other', p.talents_other, 'availability', p.availability, 'about', p.about, 'locale', p.locale,
                  'created_at', p.created_at, 'updated_at', p.updated_at)
                  from public.profiles p join public.buurten b on b.code = p.buurt_code where p.id = v_uid),
    'private_contact', (select jsonb_build_object('phone', phone, 'address', address) from public.profile_private where user_id = v_uid),
    'sessions', (select coalesce(jsonb_agg(jsonb_build_object('created_at', created_at, 'last_active_at', last_active_at,
                  'expires_at', expires_at, 'device', user_agent) order by created_at), '[]') from public.sessions where user_id = v_uid),
    'tokens', (select coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'created_at', created_at, 'expires_at', expires_at,
                  'used_at', used_at) order by created_at), '[]') from public.auth_tokens where user_id = v_uid),
    'calendar_feed', (select jsonb_build_object('created_at', created_at) from public.calendar_feeds where user_id = v_uid),
    'notifications', (select coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'link', link, 'params', params, 'count', count,
                  'created_at', created_at, 'read_at', read_at, 'emailed_at', emailed_at) order by id), '[]')
                  from public.notifications where user_id = v_uid),
    'notification_preferences', (select coalesce(jsonb_agg(jsonb_build_object('kind', kind, 'email', email) order by kind), '[]')
                  from public.notification_preferences where user_id = v_uid),
    'staff', jsonb_build_object(
      'wijken', (select coalesce(jsonb_agg(wijk_code order by wijk_code), '[]') from public.worker_wijken where user_id = v_uid),
      'coordinator_of', (select coalesce(jsonb_agg(gemeente_code), '[]') from public.coordinators where user_id = v_uid),
      'work_contact', (select coalesce(jsonb_agg(jsonb_build_object('phone', work_phone, 'email', work_email)), '[]')
                         from public.staff_contacts where user_id = v_uid),
      'partner_of', (select coalesce(jsonb_agg(o.name), '[]') from public.partner_contacten c
                       join public.partner_organisaties o on o.id = c.organisatie_id where c.user_id = v_uid)),
    'burenhulp', jsonb_build_object(
      'posts', (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'kind', p.kind, 'category', p.category,
                  'description', p.description, 'when', p.when_kind, 'on_date', p.on_date, 'slots', p.slots,
                  'buurt_code', p.buurt_code, 'needs_care', p.needs_care, 'status', p.status, 'first_name_shown', p.first_name,
                  'filed_for_offline_resident', case when p.for_offline then
                    (select jsonb_build_object('full_name', x.full_name, 'phone', x.phone, 'share_phone', x.share_phone)
                       from public.help_post_private x where x.post_id = p.id) end,
                  'created_at', p.created_at) order by p.created_at), '[]')
                  from public.help_posts p where p.owner_id = v_uid),
      'matches', (select coalesce(jsonb_agg(jsonb_build_object('id', m.id, 'status', m.status,
                  'my_side', case when m.request_owner = v_uid then 'vraag' else 'aanbod' end,
                  'proposed_by_me', m.proposed_by = v_uid, 'stopped_by_me', m.stopped_by is not distinct from v_uid and m.stopped_by is not null,
                  'other_first_name', (select first_name from public.help_posts
                                        where id = case when m.request_owner = v_uid then m.offer_id else m.request_id end),
                  'created_at', m.created_at, 'activated_at', m.activated_at, 'closed_at', m.closed_at,
                  'my_checkin', case when m.request_owner = v_uid then m.request_checkin else m.offer_checkin end,
                  'my_outcome', case when m.request_owner = v_uid then m.request_outcome else m.offer_outcome end,
                  'my_thanks', case when m.request_owner = v_uid then m.request_thanks else m.offer_thanks end,
                  'other_outcome', case when m.request_owner = v_uid then m.offer_outcome else m.request_outcome end,
                  'other_thanks', case when m.request_owner = v_uid then m.offer_thanks else m.request_thanks end)
                  order by m.created_at), '[]')
                  from public.help_matches m where v_uid in (m.request_owner, m.offer_owner, m.proposed_by, m.stopped_by)),
      'messages', (select coalesce(jsonb_agg(jsonb_build_object('id', hm.id, 'match_id', hm.match_id,
                  'from', case when hm.sender_id = v_uid then 'ik' else 'ander' end, 'body', hm.body, 'created_at', hm.created_at)
                  order by hm.match_id, hm.id), '[]')
                  from public.help_messages hm join public.help_matches m on m.id = hm.match_id
                  where v_uid in (m.request_owner, m.offer_owner) or hm.sender_id = v_uid),
      'blocks', (select coalesce(jsonb_agg(jsonb_build_object('label', label, 'created_at', created_at) order by id), '[]')
                  from public.help_blocks where blocker_id = v_uid),
      -- That someone blocked the person is held about them; who it was is not said.
      'blocked_by_others', (select coalesce(jsonb_agg(jsonb_build_object('created_at', created_at) order by id), '[]')
                  from public.help_blocks where blocked_id = v_uid)),
    'initiatieven', jsonb_build_object(
      'authored', (select coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'title', i.title, 'body', i.body, 'themes', i.themes,
                  'buurt_code', i.buurt_code, 'needs', i.needs, 'hands_count', i.hands_count, 'materials', i.materials,
                  'space', i.space, 'money_amount', i.money_amount, 'starts_on', i.starts_on, 'when_text', i.when_text,
                  'status', i.status, 'stage', i.stage, 'joiner_count', i.joiner_count, 'created_at', i.created_at,
                  'submitted_at', i.submitted_at, 'published_at', i.published_at,
                  'decisions', (select coalesce(jsonb_agg(jsonb_build_object('decision', d.decision, 'message', d.message,
                                  'created_at', d.created_at) order by d.id), '[]') from public.initiatief_beslissingen d
                                  where d.initiatief_id = i.id)) order by i.created_at), '[]')
                  from public.initiatieven i where i.author_id = v_uid),
      'joined', (select coalesce(jsonb_agg(jsonb_build_object('initiatief_id', d.initiatief_id, 'title', i.title,
                  'brings', d.brings, 'note', d.note, 'is_organiser', d.is_organiser, 'created_at', d.created_at,
                  'contact', (select c.contact from public.initiatief_contacten c
                               where c.initiatief_id = d.initiatief_id and c.user_id = v_uid)) order by d.created_at), '[]')
                  from public.initiatief_deelnemers d join public.initiatieven i on i.id = d.initiatief_id where d.user_id = v_uid),
      'updates', (select coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'initiatief_id', u.initiatief_id, 'body', u.body,
                  'created_at', u.created_at) order by u.id), '[]') from public.initiatief_updates u where u.author_id = v_uid),
      'comments', (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'initiatief_id', r.initiatief_id, 'body', r.body,
                  'hidden_at', r.hidden_at, 'hidden_reason', r.hidden_reason, 'created_at', r.created_at) order by r.id), '[]')
                  from public.initiatief_reacties r where r.author_id = v_uid)),
    'repair_cafe', jsonb_build_object(
      'signups', (select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'repair_cafe', se.name, 'starts_at', d.starts_at,
                  'category', s.category, 'item', s.item, 'problem', s.problem, 'status', s.status, 'outcome', s.outcome,
                  'outcome_notes', s.outcome_notes, 'created_at', s.created_at) order by s.id), '[]')
                  from public.repair_cafe_signups s join public.repair_cafe_dates d on d.id = s.date_id
                  join public.repair_cafe_series se on se.id = d.series_id where s.resident_id = v_uid),
      'organised', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'venue', venue, 'address', address,
                  'description', description, 'published', published, 'created_at', created_at) order by created_at), '[]')
                  from public.repair_cafe_series where organiser_id = v_uid),
      'proposed_changes', (select coalesce(jsonb_agg(jsonb_build_object('series_id', series_id, 'name', name, 'venue', venue,
                  'address', address, 'description', description, 'proposed_at', proposed_at)), '[]')
                  from public.repair_cafe_series_changes where proposed_by = v_uid)),
    'rommelroute', jsonb_build_object(
      'stands', (select coalesce(jsonb_agg(jsonb_build_object('id', s.id, 'edition', e.title, 'day', e.day,
                  'postcode', s.postcode, 'huisnummer', s.huisnummer, 'toevoeging', s.toevoeging, 'street', s.street,
                  'city', s.city, 'sells', s.sells, 'description', s.description, 'show_name', s.show_name,
                  'shown_name', s.shown_name, 'status', s.status, 'reason', s.reason, 'created_at', s.created_at) order by s.id), '[]')
                  from public.rommelroute_stands s join public.rommelroute_editions e on e.id = s.edition_id where s.resident_id = v_uid),
      'editions', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'title', title, 'day', day, 'wijk_code', wijk_code)
                  order by day), '[]') from public.rommelroute_editions where created_by = v_uid)),
    'groepen', jsonb_build_object(
      'memberships', (select coalesce(jsonb_agg(jsonb_build_object('groep_id', l.groep_id, 'groep', g.name, 'role', l.role,
                  'joined_at', l.joined_at) order by l.joined_at), '[]')
                  from public.groep_leden l join public.groepen g on g.id = l.groep_id where l.user_id = v_uid),
      'contacts', (select coalesce(jsonb_agg(jsonb_build_object('groep_id', groep_id, 'contact', contact)), '[]')
                  from public.groep_contacten where user_id = v_uid),
      'requests', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'groep_id', groep_id, 'answer', answer, 'contact', contact,
                  'status', status, 'reason', reason, 'created_at', created_at, 'decided_at', decided_at) order by id), '[]')
                  from public.groep_verzoeken where user_id = v_uid),
      'invitations', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'groep_id', groep_id, 'role', role, 'status', status,
                  'created_at', created_at, 'answered_at', answered_at) order by id), '[]')
                  from public.groep_uitnodigingen where user_id = v_uid),
      'attendance', (select coalesce(jsonb_agg(jsonb_build_object('bijeenkomst_id', bijeenkomst_id, 'answer', answer,
                  'updated_at', updated_at)), '[]') from public.groep_aanwezigheid where user_id = v_uid),
      'posts', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'groep_id', groep_id, 'body', body, 'created_at', created_at,
                  'hidden_at', hidden_at, 'hidden_reason', hidden_reason) order by id), '[]')
                  from public.groep_berichten where author_id = v_uid),
      'actiepunten', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'groep_id', groep_id, 'body', body, 'due_on', due_on,
                  'done_at', done_at) order by id), '[]') from public.groep_actiepunten where owner_id = v_uid),
      'actiepunten_done', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'done_at', done_at) order by id), '[]')
                  from public.groep_actiepunten where done_by = v_uid),
      'meetings_planned', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'groep_id', groep_id, 'title', title,
                  'starts_at', starts_at) order by id), '[]') from public.groep_bijeenkomsten where created_by = v_uid),
      'minutes_written', (select coalesce(jsonb_agg(jsonb_build_object('bijeenkomst_id', bijeenkomst_id, 'written_at', written_at)), '[]')
                  from public.groep_verslagen where written_by = v_uid),
      'proposed', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'name', name, 'status', status, 'created_at', created_at)
                  order by created_at), '[]') from public.groepen where created_by = v_uid)),
    'zorgen', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'buurt_code', buurt_code, 'theme', theme, 'body', body,
                  'status', status, 'answer', answer, 'created_at', created_at, 'handled_at', handled_at) order by created_at), '[]')
                  from public.buurt_zorgen where author_id = v_uid),
    'reports_filed', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'subject_type', subject_type, 'subject', subject_label,
                  'reason', reason, 'details', details, 'status', status, 'resolution', resolution, 'created_at', created_at,
                  'resolved_at', resolved_at) order by id), '[]') from public.reports where reporter_id = v_uid),
    'audit', jsonb_build_object(
      -- Decisions about the person (a block, a role); who decided is not named.
      'about_me', (select coalesce(jsonb_agg(jsonb_build_object('action', action, 'reason', reason, 'created_at', created_at)
                  order by id), '[]') from public.audit_log where subject_type = 'profile' and subject_id = v_uid::text),
      'by_me', (select coalesce(jsonb_agg(jsonb_build_object('id', id, 'action', action, 'subject_type', subject_type,
                  'created_at', created_at) order by id), '[]') from public.audit_log where actor_id = v_uid)),
    'staff_actions', app.my_staff_actions(v_uid)
  );
end
$$;
revoke execute on function public.my_data from public, anon;
grant execute on function public.my_data to authenticated, service_role;
