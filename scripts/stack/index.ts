// One call starts the whole local Supabase-compatible stack: database, roles, migrations, seed,
// PostgREST and the /rest/v1 gateway. Used by `npm run dev`, the tests and the benchmarks. The stack
// heals itself: PostgREST is started again when it exits (postgrest.ts), the stack's own database
// connection is replaced when the server drops it (db.ts), and the gateway answers 503 at once while
// PostgREST is away (gateway.ts).
import { createServer } from 'node:net';
import { openPglite, openPostgres, type Database } from './db.ts';
import { startGateway } from './gateway.ts';
import { apiKey, LOCAL_JWT_SECRET } from './keys.ts';
import { migrate, type MigrateResult } from './migrate.ts';
import { startPostgrest, type Postgrest } from './postgrest.ts';

export interface StackOptions {
	/** A PostgreSQL 15+ server; without it, embedded PGlite. */
	databaseUrl?: string;
	/** Where PGlite keeps its files; null keeps them in memory (tests). */
	dataDir?: string | null;
	seed: boolean;
	/** Port of the /rest/v1 gateway; 0 picks a free one. */
	port?: number;
	jwtSecret?: string;
	log?: (line: string) => void;
}

export interface Stack {
	url: string;
	anonKey: string;
	serviceRoleKey: string;
	jwtSecret: string;
	db: Database;
	postgrest: Postgrest;
	migrations: MigrateResult;
	stop(): Promise<void>;
}

export async function startStack(options: StackOptions): Promise<Stack> {
	const log = options.log ?? ((line: string) => console.error(line));
	const jwtSecret = options.jwtSecret ?? LOCAL_JWT_SECRET;
	const db = options.databaseUrl
		? await openPostgres(options.databaseUrl, log)
		: await openPglite(options.dataDir ?? null);
	const migrations = await migrate(db, { seed: options.seed });
	if (migrations.applied.length) log(`[stack] applied ${migrations.applied.length} migration(s)`);
	if (migrations.seeded.length) log(`[stack] seeded ${migrations.seeded.join(', ')}`);
	const [postgrestPort, adminPort] = await Promise.all([freePort(), freePort()]);
	const postgrest = await startPostgrest({
		dbUrl: db.postgrestUrl,
		jwtSecret,
		port: postgrestPort,
		adminPort,
		embedded: db.kind === 'pglite',
		log: (line) => log(`[postgrest] ${line}`)
	});
	const gateway = await startGateway(options.port ?? 0, postgrestPort);
	const address = gateway.address();
	const port = typeof address === 'object' && address ? address.port : options.port;
	return {
		url: `http://127.0.0.1:${port}`,
		anonKey: await apiKey('anon', jwtSecret),
		serviceRoleKey: await apiKey('service_role', jwtSecret),
		jwtSecret,
		db,
		postgrest,
		migrations,
		async stop() {
			const postgrestStopped = postgrest.stop(); // first, so that its supervisor restarts nothing
			await new Promise((resolve) => gateway.close(resolve));
			gateway.closeAllConnections();
			await postgrestStopped;
			await db.close();
		}
	};
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}
