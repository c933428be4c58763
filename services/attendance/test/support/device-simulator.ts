// A fingerprint device speaking the ZKTeco ADMS push protocol over HTTP to the real endpoint, as a
// device in an office would: handshake, ATTLOG push, command polling.

export interface DeviceAnswer {
  status: number;
  body: string;
}

export interface AttlogPunch {
  pin: string;
  /** Device local time `YYYY-MM-DD HH:MM:SS`. */
  time: string;
  /** 0 check-in, 1 check-out. */
  status?: number;
  /** 1 fingerprint, 15 face. */
  verify?: number;
}

export function attlogLine(punch: AttlogPunch): string {
  return [punch.pin, punch.time, String(punch.status ?? 0), String(punch.verify ?? 1), '0', '0'].join('\t');
}

export function deviceSimulator(baseUrl: string, serial: string) {
  const url = (path: string, query: Record<string, string> = {}) => {
    const target = new URL(path, baseUrl);
    target.searchParams.set('SN', serial);
    for (const [key, value] of Object.entries(query)) target.searchParams.set(key, value);
    return target;
  };
  const answer = async (response: Response): Promise<DeviceAnswer> => ({ status: response.status, body: await response.text() });
  return {
    handshake: async () => answer(await fetch(url('/iclock/cdata', { options: 'all', pushver: '2.4.1', language: '69' }))),
    /** Pushes raw ATTLOG text (lines already joined), as the device's firmware does. */
    pushRaw: async (body: string) =>
      answer(await fetch(url('/iclock/cdata', { table: 'ATTLOG', Stamp: '9999' }), { method: 'POST', headers: { 'content-type': 'text/plain' }, body })),
    push: async (punches: AttlogPunch[]) =>
      answer(
        await fetch(url('/iclock/cdata', { table: 'ATTLOG', Stamp: '9999' }), {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: `${punches.map(attlogLine).join('\n')}\n`,
        }),
      ),
    poll: async () => answer(await fetch(url('/iclock/getrequest'))),
  };
}
