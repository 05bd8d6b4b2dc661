import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { runExtract } from '../../lambda/cli/extract';
import { createDomainExtractor } from '../../lambda/core/domains';

/** Feeds `chunks` through a PassThrough and collects the output lines. */
async function run(chunks: readonly (string | Buffer)[], output?: Writable) {
  const input = new PassThrough();
  const collected: string[] = [];
  const sink =
    output ??
    new Writable({
      write(chunk, _encoding, done) {
        collected.push(chunk.toString());
        done();
      },
    });
  const result = runExtract(input, sink);
  for (const chunk of chunks) input.write(chunk);
  input.end();
  const { lines } = await result;
  const text = collected.join('');
  return { lines, out: text === '' ? [] : text.replace(/\n$/, '').split('\n') };
}

describe('runExtract', () => {
  it('answers every line in order, bad lines included', async () => {
    const { lines, out } = await run([
      '{"text":"see https://www.example.com/a and bit.ly/x"}\n',
      '\n',
      '{"text": oops\n',
      '{"nope":1}\n',
      '{"text":"john@example.com, ok.so, youtu.be/x"}\n',
      '{"text":"last line: bücher.de"}',
    ]);
    expect(lines).toBe(6);
    expect(out.map((l) => JSON.parse(l))).toEqual([
      { domains: ['example.com', 'bit.ly'] },
      { domains: [] },
      { domains: [], error: expect.stringMatching(/^line 3: not valid JSON/) },
      {
        domains: [],
        error: 'line 4: "text" is missing, not a string; write {"text": "..."}',
      },
      { domains: [] },
      { domains: ['xn--bcher-kva.de'] },
    ]);
  });

  it('joins lines and characters split across chunks', async () => {
    const line = Buffer.from('{"text":"例え.jp and a.co.uk"}\r\n', 'utf8');
    const { out } = await run([line.subarray(0, 11), line.subarray(11)]);
    expect(out).toEqual(['{"domains":["xn--r8jz45g.jp","a.co.uk"]}']);
  });

  it('writes nothing for empty input', async () => {
    expect(await run([])).toEqual({ lines: 0, out: [] });
  });

  it('waits for drain when the output is full and loses nothing', async () => {
    const count = 2000;
    const input = Readable.from(
      Array.from({ length: count }, (_, i) => `{"text":"site${i}.com"}\n`),
    );
    const received: string[] = [];
    let mostBuffered = 0;
    const slow = new Writable({
      highWaterMark: 64,
      write(chunk, _encoding, done) {
        received.push(chunk.toString());
        setImmediate(done);
      },
    });
    const write = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      const ok = write(chunk);
      mostBuffered = Math.max(mostBuffered, slow.writableLength);
      return ok;
    }) as typeof slow.write;

    const { lines } = await runExtract(input, slow);
    slow.end();
    await once(slow, 'finish');

    expect(lines).toBe(count);
    // Without awaiting drain all ~60 kB would pile up in the buffer.
    expect(mostBuffered).toBeLessThan(200);
    const out = received.join('').trimEnd().split('\n');
    expect(out).toHaveLength(count);
    expect(out[count - 1]).toBe('{"domains":["site1999.com"]}');
  });

  it('uses the extractor it is given', async () => {
    const input = new PassThrough();
    const chunks: string[] = [];
    const output = new PassThrough();
    output.on('data', (c) => chunks.push(c.toString()));
    const done = runExtract(
      input,
      output,
      createDomainExtractor({ exclude: ['example.com'] }),
    );
    input.end('{"text":"example.com and kept.org"}\n');
    await done;
    expect(chunks.join('')).toBe('{"domains":["kept.org"]}\n');
  });
});
