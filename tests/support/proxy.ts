// A TCP proxy between a client and a server that a test can cut and restore: from the client's side,
// the server goes away (connections drop, new ones are refused) and comes back on the same address.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface CuttableProxy {
	url: string;
	cut(): Promise<void>;
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function startProxy(target: URL): Promise<CuttableProxy> {
	const sockets = new Set<Socket>();
	let server: Server;
	let port = 0;
	const listen = () =>
		new Promise<void>((resolve) => {
			server = createServer((client) => {
				const upstream = createConnection({ host: target.hostname, port: Number(target.port) });
				for (const s of [client, upstream]) {
					sockets.add(s);
					s.on('close', () => sockets.delete(s));
					s.on('error', () => {});
				}
				client.pipe(upstream).pipe(client);
			});
			server.listen(port, '127.0.0.1', () => {
				const address = server.address();
				port = typeof address === 'object' && address ? address.port : port;
				resolve();
			});
		});
	const cut = async () => {
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			for (const s of sockets) s.destroy();
		});
	};
	await listen();
	return { url: `http://127.0.0.1:${port}`, cut, restore: listen, close: cut };
}
