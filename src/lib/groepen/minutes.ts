// Pure rules about groups, unit-tested beside this file: how minutes are read from a form (besluiten as
// lines, actiepunten as rows of three fields), and when a group counts as quiet.
import { QUIET_WEEKS } from './codes';

export interface ActiepuntRow {
	body: string;
	owner: string;
	due: string;
}

/** One besluit per line; list markers ("- ", "1. ") and empty lines are dropped. */
export function parseBesluiten(text: string): string[] {
	return text
		.split('\n')
		.map((line) => line.replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '').trim())
		.filter((line) => line.length > 0);
}

/**
 * The actiepunt rows of the minutes form (three lists of equal length, as the browser posts them).
 * A row left wholly empty is no actiepunt; any other row must be complete, which the schema checks.
 */
export function pairActiepunten(bodies: string[], owners: string[], dues: string[]): ActiepuntRow[] {
	const rows: ActiepuntRow[] = [];
	const length = Math.max(bodies.length, owners.length, dues.length);
	for (let i = 0; i < length; i += 1) {
		const row = { body: (bodies[i] ?? '').trim(), owner: (owners[i] ?? '').trim(), due: (dues[i] ?? '').trim() };
		if (row.body || row.owner || row.due) rows.push(row);
	}
	return rows;
}

/** A published group with no meeting or board post (none planned either) for QUIET_WEEKS weeks. */
export function isQuiet(lastActivityAt: string | null, now = new Date()): boolean {
	if (!lastActivityAt) return false;
	return now.getTime() - Date.parse(lastActivityAt) > QUIET_WEEKS * 7 * 86_400_000;
}

/** The ISO time QUIET_WEEKS weeks before now: groups last active before it are quiet. */
export function quietBefore(now = new Date()): string {
	return new Date(now.getTime() - QUIET_WEEKS * 7 * 86_400_000).toISOString();
}
