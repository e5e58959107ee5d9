export interface OverviewItem { title: string; href: string; state?: string; detail?: string; when?: string }
export interface OverviewSection { key: string; title: string; items: OverviewItem[]; empty: string; more?: { href: string; label: string } }
// a capability exports from src/lib/<capability>/overview.server.ts:
//   export async function overviewSection(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection | null>
