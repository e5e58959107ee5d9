import { parties } from '$lib/verklaringen/parties.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ parties: parties() });
