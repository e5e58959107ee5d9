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
	close(): Promise<void>;
}

export async function openPglite(dataDir: string | null, port = 0): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
	if (dataDir) mkdirSync(dataDir, { recursive: true });
	const db = await PGlite.create(dataDir ?? undefined);
	const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 4 });
	await server.start();
	const address = (server as unknown as { server: import('node:net').Server }).server.address();
	const boundPort = typeof address === 'object' && address ? address.port : port;
	return {
		kind: 'pglite',
		exec: async (sql) => {
			await db.exec(sql);
		},
		query: async (sql, params) => (await db.query(sql, params)).rows as never,
		// PGlite has one backend and no authentication: PostgREST's user name is not checked.
		postgrestUrl: `postgres://postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`,
		close: async () => {
			await server.stop();
			await db.close();
		}
	};
}

export async function openPostgres(url: string): Promise<Database> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const authenticator = new URL(url);
	authenticator.username = 'authenticator';
	authenticator.password = 'authenticator';
	return {
		kind: 'postgres',
		exec: async (sql) => {
			await client.query(sql);
		},
		query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
		postgrestUrl: authenticator.toString(),
		close: () => client.end()
	};
}

/** Creates a database on a PostgreSQL server (for tests and benchmarks) and returns its URL. */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
	const client = new pg.Client({ connectionString: serverUrl });
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
	await client.connect();
	try {
		await client.query(`drop database if exists "${name}" with (force)`);
	} finally {
		await client.end();
	}
}
