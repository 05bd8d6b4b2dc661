import { once } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { type DomainExtractor, extractDomains } from '../core/domains/extract';

/**
 * `pipeline extract`: reads JSON Lines of comments (`{"text": "..."}`) and
 * writes, for each input line in order, one line `{"domains": [...]}` with
 * the ASCII registrable domains the comment mentions.
 *
 * A blank line gives `{"domains":[]}`. A line that is not valid JSON, or
 * has no string `text`, gives `{"domains":[],"error":"line N: ..."}` and
 * the run goes on, so one bad record never costs the rest of a file.
 *
 * It streams: only one input chunk and its answers are held at a time, and
 * it waits for `drain` whenever `output` says its buffer is full, so a
 * million comments run in flat memory. It leaves `output` open (it may be
 * stdout): end it yourself, and wait for `finish`, to know all is flushed.
 *
 * @returns how many input lines were read.
 */
export async function runExtract(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  extractor: DomainExtractor = extractDomains,
): Promise<{ lines: number }> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let lineNo = 0;

  const answer = (line: string): string => {
    lineNo++;
    return `${answerLine(line, lineNo, extractor)}\n`;
  };
  const write = async (text: string) => {
    if (text !== '' && !output.write(text)) await once(output, 'drain');
  };

  for await (const chunk of input) {
    const text =
      rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let out = '';
    let start = 0;
    let nl = text.indexOf('\n', start);
    while (nl >= 0) {
      out += answer(text.slice(start, nl));
      start = nl + 1;
      nl = text.indexOf('\n', start);
    }
    rest = text.slice(start);
    await write(out);
  }
  rest += decoder.end();
  // A last line without a newline is still a line; a trailing newline
  // does not start another one.
  if (rest !== '') await write(answer(rest));
  return { lines: lineNo };
}

function answerLine(
  raw: string,
  lineNo: number,
  extractor: DomainExtractor,
): string {
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (line.trim() === '') return '{"domains":[]}';
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return failure(lineNo, `not valid JSON (${why}); write {"text": "..."}`);
  }
  const text =
    typeof record === 'object' && record !== null
      ? (record as { text?: unknown }).text
      : undefined;
  if (typeof text !== 'string') {
    return failure(
      lineNo,
      `"text" is ${describe(text)}, not a string; write {"text": "..."}`,
    );
  }
  const domains = extractor(text).map((d) => d.domain);
  return JSON.stringify({ domains });
}

function failure(lineNo: number, message: string): string {
  return JSON.stringify({ domains: [], error: `line ${lineNo}: ${message}` });
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  const kind = Array.isArray(value) ? 'array' : typeof value;
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}
