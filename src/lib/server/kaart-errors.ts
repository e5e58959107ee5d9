// The database refuses sign-ups and stands it must refuse (full, twice, too late); these turn its
// refusals into the message a resident reads. Unknown failures get the generic "could not save".
import { isUnavailable } from './db-errors';

interface PgError {
	code?: string;
	hint?: string | null;
	message: string;
}

const BY_HINT: Record<string, string> = {
	repair_full: 'err_repair_full',
	repair_closed: 'err_repair_closed',
	repair_twice: 'err_repair_twice',
	repair_not_yet: 'err_repair_not_yet',
	rommel_closed: 'err_rommel_closed',
	rommel_reason: 'err_rommel_reason'
};

export function messageKeyFor(error: PgError, status: number): string {
	if (isUnavailable(status)) return 'err_unavailable_retry';
	if (error.hint && BY_HINT[error.hint]) return BY_HINT[error.hint];
	if (error.code === '23505') return 'err_rommel_address_taken';
	if (error.code === '42501') return 'err_not_allowed';
	if (error.code === 'P0002') return 'err_not_found';
	console.error(`[db] ${status} ${error.code ?? ''} ${error.message}`);
	return 'err_save_failed';
}
