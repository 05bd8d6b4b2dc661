import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeEndpoint } from '../../lambda/ops/endpoint-probe';

describe('probeEndpoint', () => {
  let server: Server;
  let status = 401;
  let url = '';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('{"message":"Unauthorized"}');
    });
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('is healthy when the SDK refuses an unsigned request with 401', async () => {
    status = 401;
    await expect(probeEndpoint(url, fetch)).resolves.toEqual({
      healthy: true,
      summary: expect.stringContaining('401'),
    });
  });

  it('warns when the endpoint answers unsigned requests with 200', async () => {
    status = 200;
    const probe = await probeEndpoint(url, fetch);
    expect(probe.healthy).toBe(false);
    expect(probe.summary).toContain('not checking signatures');
  });

  it('reports another status as unhealthy', async () => {
    status = 502;
    await expect(probeEndpoint(url, fetch)).resolves.toEqual({
      healthy: false,
      summary: expect.stringContaining('answers 502 instead of 401'),
    });
  });

  it('reports no answer when the request fails', async () => {
    const failing = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    const probe = await probeEndpoint(url, failing);
    expect(probe.healthy).toBe(false);
    expect(probe.summary).toContain('no answer');
    expect(probe.summary).toContain('ECONNREFUSED');
  });
});
