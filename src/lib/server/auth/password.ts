import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's minimum: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

/** A real hash of nothing, verified when the account does not exist, so timing does not tell. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$otIRxCwtbIX4lKQf5h2Diw$p77osJPoDUbKujjQEx21ODXtuwM4bLOUbv39M8HeIpY';
