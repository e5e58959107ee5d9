import { z } from 'zod';
import type { PageServerLoad } from './$types';

// Where a worker lands after erasing an account on request: the reference for the request's file (a
// random id of the audit entry's subject; it points at nothing that is left).
export const load: PageServerLoad = ({ url }) => {
	const ref = url.searchParams.get('kenmerk') ?? '';
	return { ref: z.uuid().safeParse(ref).success ? ref : null };
};
