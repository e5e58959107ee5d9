// What a capability shows in a person's overview ("Mijn buurtplein", the home page when logged in).
export interface OverviewItem {
	title: string;
	href: string;
	/** Where it stands, in a few words ("Ingediend", "Wacht op jou"). */
	state?: string;
	/** A second line: the worker's message, what to do. */
	detail?: string;
	/** A moment (the next meeting, the Repair Café date) or a day (the Rommelroute). */
	when?: string;
	day?: string;
	/** Waits for the person: shown first and marked. */
	attention?: boolean;
}
export interface OverviewSection { key: string; title: string; items: OverviewItem[]; empty: string; more?: { href: string; label: string } }
// a capability exports from src/lib/<capability>/overview.server.ts:
//   export async function overviewSection(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection | null>
