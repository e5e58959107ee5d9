export interface QueueItem { id: string; title: string; href: string; wijk: string; since: string; detail?: string }
export interface QueueSection { key: string; title: string; count: number; items: QueueItem[]; more?: string }
// a capability exports from src/lib/<capability>/werkplek.server.ts:
//   export async function werkplekSection(supabase: SupabaseClient<Database>, wijken: string[]): Promise<QueueSection>
// (title already translated on the server; `count` the full number waiting, `items` at most 10, `more` a link to the full list)
