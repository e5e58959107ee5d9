// The database under the local stack: embedded PGlite (kept on disk) served over the Postgres wire
// protocol, or any PostgreSQL 15+ server given by a URL.
import { mkdirSync } from 'node:fs';
import pg from 'pg';

export interface Database {
	kind: 'pglite' | 'postgres';
	/** Runs one or more statements, no parameters. */
	exec(sql: string): Promise<void>;
	query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Where PostgREST connects, as the authenticator role. */
	postgrestUrl: string;
	/**
	 * Takes the database away, as a restart does, for the fault tests and the fault benchmark: every
	 * client connection is dropped (open transactions roll back) and new ones are refused until `end()`.
	 * On PostgreSQL only this database is touched, never the server or its other databases.
	 */
	outage(): Promise<{ end(): Promise<void> }>;
	close(): Promise<void>;
}

type Log = (line: string) => void;

export async function openPglite(dataDir: string | null, port = 0): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const db = await PGlite.create(dataDir ?? undefined);
	// The socket server rolls back a client's open transaction when that client goes away (PostgREST
	// killed mid-request), so the next client never inherits half of someone else's work.
	const start = async (listenPort: number) => {
		const server = new PGLiteSocketServer({ db, port: listenPort, host: '127.0.0.1', maxConnections: 4 });
		await server.start();
		const address = (server as unknown as { server: import('node:net').Server }).server.address();
		return { server, port: typeof address === 'object' && address ? address.port : listenPort };
	};
	let { server, port: boundPort } = await start(port);
	return {
		kind: 'pglite',
		exec: async (sql) => {
			await db.exec(sql);
		},
		query: async (sql, params) => (await db.query(sql, params)).rows as never,
		// PGlite has one backend and no authentication: PostgREST's user name is not checked.
		postgrestUrl: `postgres://postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`,
		outage: async () => {
			await server.stop();
			return {
				end: async () => {
					({ server } = await start(boundPort));
				}
			};
		},
		close: async () => {
			await server.stop();
			await db.close();
		}
	};
}

/**
 * The stack's own connection to a PostgreSQL server: a pool of one, so that a connection the server
 * drops (a restart, `pg_terminate_backend`) is replaced on the next query instead of taking the stack
 * process down with an unhandled `error` event. One client keeps `begin; …; commit;` scripts on one
 * connection; a failed query discards its connection, and the server rolls its transaction back.
 */
export async function openPostgres(url: string, log: Log = () => {}): Promise<Database> {
	const pool = resilientPool(url, log, 'the stack');
	await pool.query('select 1');
	const authenticator = new URL(url);
	authenticator.username = 'authenticator';
	authenticator.password = 'authenticator';
	const name = decodeURIComponent(new URL(url).pathname.slice(1));
	return {
		kind: 'postgres',
		exec: async (sql) => {
			await pool.query(sql);
		},
		query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
		postgrestUrl: authenticator.toString(),
		outage: () => refuseConnections(maintenanceUrl(url), name),
		close: () => pool.end()
	};
}

/**
 * A pg pool that survives its server: every client and the pool itself handle `error` (logged once
 * per lost connection), and the next query opens a new connection. Use it for every direct
 * connection of ours that lives longer than one query.
 */
export function resilientPool(url: string, log: Log, who: string, max = 1): pg.Pool {
	const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000, allowExitOnIdle: true });
	pool.on('error', (error: Error & { code?: string }) =>
		log(`[db] ${who} lost a database connection (${error.code ?? 'no code'}: ${error.message}); the next query reconnects`)
	);
	return pool;
}

/** The server's maintenance database, for statements about another database. */
function maintenanceUrl(url: string): string {
	const admin = new URL(url);
	admin.pathname = '/postgres';
	return admin.toString();
}

async function refuseConnections(adminUrl: string, name: string): Promise<{ end(): Promise<void> }> {
	const run = async (sql: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		client.on('error', () => {}); // a short-lived client; a failure shows in the query's rejection
		await client.connect();
		try {
			await client.query(sql);
		} finally {
			await client.end();
		}
	};
	const quoted = `"${name.replace(/"/g, '""')}"`;
	await run(`alter database ${quoted} allow_connections false`);
	await run(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name.replace(/'/g, "''")}' and pid <> pg_backend_pid()`);
	return { end: () => run(`alter database ${quoted} allow_connections true`) };
}

/** Creates a database on a PostgreSQL server (for tests and benchmarks) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
	const client = new pg.Client({ connectionString: serverUrl });
	client.on('error', () => {});
	await client.connect();
	try {
		await client.query(`drop database if exists "${name}" with (force)`);
		await client.query(`create database "${name}"`);
	} finally {
		await client.end();
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
	const client = new pg.Client({ connectionString: serverUrl });
	client.on('error', () => {});
	await client.connect();
	try {
		await client.query(`drop database if exists "${name}" with (force)`);
	} finally {
		await client.end();
	}
}
