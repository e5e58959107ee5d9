// A member's group meetings for their personal calendar feed, by the feed's token (the database looks
// the token up by its hash and returns only that person's meetings: calendar_feed_groepen).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';
import type { FeedMeeting } from './calendar';

export async function groepFeed(supabase: SupabaseClient<Database>, token: string): Promise<FeedMeeting[]> {
	return must(await supabase.rpc('calendar_feed_groepen', { p_token: token }), 'group calendar feed') as unknown as FeedMeeting[];
}
