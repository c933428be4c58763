// The ZKTeco ADMS ("iclock") push protocol, so a real fingerprint device can be pointed at this service:
//   GET  /iclock/cdata?SN=…            handshake: the device asks for its options
//   POST /iclock/cdata?SN=…&table=ATTLOG  tab-separated attendance lines; answered `OK: <lines>`
//   GET  /iclock/getrequest?SN=…       polling for commands (we send none: `OK`)
//   POST /iclock/devicecmd?SN=…        command results (acknowledged)
// The protocol has no authentication of its own: docs/devices.md lists the network controls a deployment
// needs. Unregistered serials are refused (403) and logged in device_push.
import express, { type Express, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import type { Orm } from '@kinerja/kit/db';
import { zoneOffsetMinutes } from '../domain/office-time.ts';
import { knownDevice, receiveAttlog, refuseUnknownDevice } from '../commands/device-push.ts';
import type { Em } from '../repositories/sql.ts';

const SERIAL_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A device sends at most a few thousand lines per push; this bounds a hostile body. */
const MAX_BODY = '2mb';

function serialOf(req: Request): string | null {
  const serial = req.query['SN'];
  return typeof serial === 'string' && SERIAL_PATTERN.test(serial) ? serial : null;
}

function text(res: Response, status: number, body: string): void {
  res.status(status).type('text/plain').send(body);
}

/** The options a device reads at the handshake: push attendance logs in real time, in the office's zone. */
export function handshakeOptions(serial: string, timeZone: string, now: Date): string {
  const offsetHours = zoneOffsetMinutes(timeZone, now) / 60;
  return [
    `GET OPTION FROM: ${serial}`,
    'ATTLOGStamp=None',
    'OPERLOGStamp=9999',
    'ATTPHOTOStamp=None',
    'ErrorDelay=30',
    'Delay=10',
    'TransTimes=00:00;14:05',
    'TransInterval=1',
    'TransFlag=TransData AttLog',
    `TimeZone=${offsetHours}`,
    'Realtime=1',
    'Encrypt=None',
    '',
  ].join('\n');
}

export function registerIclockEndpoint(app: Express, options: { orm: Orm; logger: Logger; now?: () => Date }): void {
  const now = options.now ?? (() => new Date());
  const em = (): Em => options.orm.em.fork() as unknown as Em;
  const log = options.logger.child({ component: 'iclock' });
  /** `recorded`: the command already wrote the device_push row of this refusal. */
  const refuse = async (req: Request, res: Response, serial: string | null, recorded = false) => {
    log.warn({ serial: serial ?? String(req.query['SN'] ?? '').slice(0, 64), remoteAddress: req.ip, path: req.path }, 'iclock request from an unregistered device refused');
    if (serial !== null && !recorded) await refuseUnknownDevice(em(), serial, req.ip ?? null);
    text(res, 403, 'UNKNOWN DEVICE');
  };
  const guarded = (handler: (req: Request, res: Response) => Promise<void>) => (req: Request, res: Response) => {
    handler(req, res).catch((error: unknown) => {
      log.error({ err: error, path: req.path }, 'iclock request failed');
      if (!res.headersSent) text(res, 500, 'ERROR');
    });
  };

  app.get(
    '/iclock/cdata',
    guarded(async (req, res) => {
      const serial = serialOf(req);
      const device = serial === null ? null : await knownDevice(em(), serial, now());
      if (serial === null || device === null) return refuse(req, res, serial);
      text(res, 200, handshakeOptions(serial, device.timeZone, now()));
    }),
  );

  app.post(
    '/iclock/cdata',
    express.text({ type: () => true, limit: MAX_BODY }),
    guarded(async (req, res) => {
      const serial = serialOf(req);
      if (serial === null) return refuse(req, res, null);
      const table = String(req.query['table'] ?? '');
      const body = typeof req.body === 'string' ? req.body : '';
      if (table !== 'ATTLOG') {
        // Operation logs and photos are not attendance: acknowledged so the device does not resend them.
        const device = await knownDevice(em(), serial, now());
        if (device === null) return refuse(req, res, serial);
        text(res, 200, 'OK');
        return;
      }
      const outcome = await receiveAttlog(em(), serial, body, req.ip ?? null, now());
      if (outcome.outcome === 'UNKNOWN_DEVICE') return refuse(req, res, serial, true);
      if (outcome.malformed + outcome.unknownPins + outcome.outOfRange > 0) {
        log.warn({ serial, ...outcome, problems: outcome.problems.slice(0, 10) }, 'ATTLOG lines not accepted');
      }
      text(res, 200, `OK: ${outcome.lines}`);
    }),
  );

  app.get(
    '/iclock/getrequest',
    guarded(async (req, res) => {
      const serial = serialOf(req);
      const device = serial === null ? null : await knownDevice(em(), serial, now());
      if (serial === null || device === null) return refuse(req, res, serial);
      text(res, 200, 'OK');
    }),
  );

  app.post(
    '/iclock/devicecmd',
    express.text({ type: () => true, limit: '64kb' }),
    guarded(async (req, res) => {
      const serial = serialOf(req);
      const device = serial === null ? null : await knownDevice(em(), serial, now());
      if (serial === null || device === null) return refuse(req, res, serial);
      text(res, 200, 'OK');
    }),
  );
}
