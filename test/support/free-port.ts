import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';

/** Where the kernel's range of ports for outgoing connections starts (Linux; 32768 elsewhere, its default). */
function firstEphemeralPort(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low && low > 20_001 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

const LOWEST = 20_000;
const BELOW_EPHEMERAL = firstEphemeralPort();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port nothing listens on right now. Tests often hand a port to a
 * server that binds it only later (a Redis started mid-test, a PostgreSQL
 * after initdb). A port the operating system picks (listen on 0) comes from
 * the range it also gives every outgoing connection, so by then a client
 * socket of any test may hold it; a random port below that range is only
 * ever taken by another test picking the same one.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = randomInt(LOWEST, BELOW_EPHEMERAL);
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port between ${LOWEST} and ${BELOW_EPHEMERAL} after 100 tries`);
}
