import { createServer } from 'node:net';
import type { AddressInfo, Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SetupError } from '../../src/errors.ts';
import { assertPortFree, isPortOpen, parseHostPort } from '../../src/ports.ts';

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.end());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('port checks', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
  });

  it('sees a real listening socket as open, and reports the port as taken', async () => {
    server = await listen();
    const { port } = server.address() as AddressInfo;
    expect(await isPortOpen(port)).toBe(true);
    const attempt = assertPortFree(port, 'the Kafka broker', 'set KAFKA_BROKERS');
    await expect(attempt).rejects.toBeInstanceOf(SetupError);
    await expect(attempt).rejects.toThrow(`port ${port} is already in use by another program, so the Kafka broker cannot start there; set KAFKA_BROKERS`);
  });

  it('sees a closed port as free', async () => {
    server = await listen();
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    expect(await isPortOpen(port)).toBe(false);
    await expect(assertPortFree(port, 'Keycloak', 'hint')).resolves.toBeUndefined();
  });

  it.each([
    ['localhost:9092', { host: 'localhost', port: 9092 }],
    ['10.0.0.5:19092', { host: '10.0.0.5', port: 19092 }],
  ])('parses %s', (address, expected) => {
    expect(parseHostPort(address)).toEqual(expected);
  });

  it('rejects an address without a port', () => {
    expect(() => parseHostPort('localhost')).toThrow(SetupError);
  });
});
