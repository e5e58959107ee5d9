// Child processes that end with the process that started them, however it ends.
import { existsSync } from 'node:fs';

/**
 * The command that runs `command` so that the kernel sends it SIGTERM when this process dies, by any
 * means: util-linux's setpriv (in every Debian) where it exists, the command itself elsewhere.
 */
export function withParentDeathSignal(command: string, args: string[]): [string, string[]] {
	const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
	return setpriv && process.platform === 'linux' ? [setpriv, ['--pdeathsig', 'TERM', '--', command, ...args]] : [command, args];
}
