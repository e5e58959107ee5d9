-- Demo data for development: two gemeenten with wijken and buurten (simplified outlines), a coordinator
-- per gemeente, two opbouwwerkers, an admin and a handful of residents. Every demo password: buurtplein-demo

insert into public.gemeenten (code, naam) values ('GM0193', 'Zwolle'), ('GM0034', 'Almere');

insert into public.wijken (code, gemeente_code, naam, outline) values ('WK019301', 'GM0193', 'Centrum', '{"type":"Polygon","coordinates":[[[6.0865,52.5085],[6.0995,52.5085],[6.0995,52.5165],[6.0865,52.5165],[6.0865,52.5085]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930101', 'WK019301', 'Binnenstad', 52.514, 6.0905, '{"type":"Polygon","coordinates":[[[6.0875,52.5122],[6.0935,52.5122],[6.0935,52.5158],[6.0875,52.5158],[6.0875,52.5122]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930102', 'WK019301', 'Kamperpoort', 52.511, 6.0955, '{"type":"Polygon","coordinates":[[[6.0925,52.5092],[6.0985,52.5092],[6.0985,52.5128],[6.0925,52.5128],[6.0925,52.5092]]]}');
insert into public.wijken (code, gemeente_code, naam, outline) values ('WK019306', 'GM0193', 'Holtenbroek', '{"type":"Polygon","coordinates":[[[6.0885,52.526],[6.1015,52.526],[6.1015,52.534],[6.0885,52.534],[6.0885,52.526]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930601', 'WK019306', 'Holtenbroek I', 52.532, 6.0925, '{"type":"Polygon","coordinates":[[[6.0895,52.5302],[6.0955,52.5302],[6.0955,52.5338],[6.0895,52.5338],[6.0895,52.5302]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930602', 'WK019306', 'Holtenbroek II', 52.528, 6.0975, '{"type":"Polygon","coordinates":[[[6.0945,52.5262],[6.1005,52.5262],[6.1005,52.5298],[6.0945,52.5298],[6.0945,52.5262]]]}');
insert into public.wijken (code, gemeente_code, naam, outline) values ('WK019309', 'GM0193', 'Stadshagen', '{"type":"Polygon","coordinates":[[[6.0465,52.521],[6.0595,52.521],[6.0595,52.529],[6.0465,52.529],[6.0465,52.521]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930901', 'WK019309', 'Frankhuis', 52.527, 6.0505, '{"type":"Polygon","coordinates":[[[6.0475,52.5252],[6.0535,52.5252],[6.0535,52.5288],[6.0475,52.5288],[6.0475,52.5252]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU01930902', 'WK019309', 'Werkeren', 52.523, 6.0555, '{"type":"Polygon","coordinates":[[[6.0525,52.5212],[6.0585,52.5212],[6.0585,52.5248],[6.0525,52.5248],[6.0525,52.5212]]]}');
insert into public.wijken (code, gemeente_code, naam, outline) values ('WK003401', 'GM0034', 'Almere Stad', '{"type":"Polygon","coordinates":[[[5.2115,52.368],[5.2245,52.368],[5.2245,52.376],[5.2115,52.376],[5.2115,52.368]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340101', 'WK003401', 'Centrum Almere Stad', 52.3735, 5.2155, '{"type":"Polygon","coordinates":[[[5.2125,52.3717],[5.2185,52.3717],[5.2185,52.3753],[5.2125,52.3753],[5.2125,52.3717]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340102', 'WK003401', 'Stedenwijk', 52.3705, 5.2205, '{"type":"Polygon","coordinates":[[[5.2175,52.3687],[5.2235,52.3687],[5.2235,52.3723],[5.2175,52.3723],[5.2175,52.3687]]]}');
insert into public.wijken (code, gemeente_code, naam, outline) values ('WK003402', 'GM0034', 'Almere Haven', '{"type":"Polygon","coordinates":[[[5.2135,52.334],[5.2265,52.334],[5.2265,52.342],[5.2135,52.342],[5.2135,52.334]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340201', 'WK003402', 'Centrum Almere Haven', 52.3395, 5.2175, '{"type":"Polygon","coordinates":[[[5.2145,52.3377],[5.2205,52.3377],[5.2205,52.3413],[5.2145,52.3413],[5.2145,52.3377]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340202', 'WK003402', 'De Werven', 52.3365, 5.2225, '{"type":"Polygon","coordinates":[[[5.2195,52.3347],[5.2255,52.3347],[5.2255,52.3383],[5.2195,52.3383],[5.2195,52.3347]]]}');
insert into public.wijken (code, gemeente_code, naam, outline) values ('WK003403', 'GM0034', 'Almere Buiten', '{"type":"Polygon","coordinates":[[[5.2635,52.389],[5.2765,52.389],[5.2765,52.397],[5.2635,52.397],[5.2635,52.389]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340301', 'WK003403', 'Regenboogbuurt', 52.3945, 5.2675, '{"type":"Polygon","coordinates":[[[5.2645,52.3927],[5.2705,52.3927],[5.2705,52.3963],[5.2645,52.3963],[5.2645,52.3927]]]}');
insert into public.buurten (code, wijk_code, naam, lat, lng, outline) values ('BU00340302', 'WK003403', 'Bouwmeesterbuurt', 52.3915, 5.2725, '{"type":"Polygon","coordinates":[[[5.2695,52.3897],[5.2755,52.3897],[5.2755,52.3933],[5.2695,52.3933],[5.2695,52.3897]]]}');

insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000001', 'admin@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000002', 'coordinator.zwolle@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000003', 'coordinator.almere@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000004', 'werker.zwolle@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000005', 'werker.almere@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000011', 'anna@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000012', 'bram@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000013', 'chantal@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000014', 'emre@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.users (id, email, email_verified_at, password_hash) values ('00000000-0000-4000-8000-000000000015', 'fatima@buurtplein.test', now(), '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000001', 'Beheer', 'BU01930101', 'admin', '{}', '{}', '{}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000001', '');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000002', 'Wilma Coördinator', 'BU01930101', 'coordinator', '{}', '{}', '{}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000002', '');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000003', 'Youssef Coördinator', 'BU00340101', 'coordinator', '{}', '{}', '{}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000003', '');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000004', 'Sanne Opbouwwerker', 'BU01930102', 'opbouwwerker', '{}', '{}', '{}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000004', '');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000005', 'Kees Opbouwwerker', 'BU00340102', 'opbouwwerker', '{}', '{}', '{}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000005', '');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000011', 'Anna de Vries', 'BU01930601', 'bewoner', '{tuinieren,koken}', '{tuinieren,lezen}', '{di-middag,do-middag}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000011', '06 12345678');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000012', 'Bram Jansen', 'BU01930602', 'bewoner', '{klussen,techniek}', '{klussen,fietsen}', '{za-ochtend,wo-avond}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000012', '06 23456789');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000013', 'Chantal Bakker', 'BU01930901', 'bewoner', '{muziek,wandelen}', '{talen,computers}', '{ma-avond}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000013', '06 34567890');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000014', 'Emre Yilmaz', 'BU00340101', 'bewoner', '{sport,computers}', '{computers,techniek}', '{vr-middag}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000014', '06 45678901');
insert into public.profiles (id, display_name, buurt_code, role, interests, talents, availability) values ('00000000-0000-4000-8000-000000000015', 'Fatima El Amrani', 'BU00340102', 'bewoner', '{koken,kinderen}', '{koken,talen}', '{di-ochtend,do-ochtend}');
insert into public.profile_private (user_id, phone) values ('00000000-0000-4000-8000-000000000015', '06 56789012');

insert into public.coordinators (user_id, gemeente_code) values
  ('00000000-0000-4000-8000-000000000002', 'GM0193'), ('00000000-0000-4000-8000-000000000003', 'GM0034');
insert into public.worker_wijken (user_id, wijk_code) values
  ('00000000-0000-4000-8000-000000000004', 'WK019301'), ('00000000-0000-4000-8000-000000000004', 'WK019306'),
  ('00000000-0000-4000-8000-000000000005', 'WK003401');
