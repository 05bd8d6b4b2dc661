import { makeRng } from './rng';

/**
 * Video ids of the sample world. An id carries its video's publish time,
 * so any process with the same seed can answer for a video that another
 * process listed, without a shared registry.
 */

/** The characters of YouTube ids (base64url). */
export const ID_CHARS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 54 bits that hide the time and nonce, chosen by the check bits. */
const mask = (checkBits: number) => {
  const rng = makeRng(`mask|${checkBits}`);
  return (
    (BigInt(Math.floor(rng() * 2 ** 27)) << 27n) |
    BigInt(Math.floor(rng() * 2 ** 27))
  );
};

export interface VideoIdCodec {
  /** An id for a video `time` seconds after the world's epoch. */
  encode(time: number, nonce: number): string;
  /** The time an id carries, or undefined for ids this seed never made. */
  decode(videoId: string): number | undefined;
}

/**
 * 11 characters hold 66 bits: 12 check bits (so a random id, such as a
 * real YouTube one, is rejected 4095 times in 4096), then 32 bits of time
 * and 22 of nonce, masked so that ids look random rather than sorted.
 */
export function videoIdCodec(seed: string): VideoIdCodec {
  const check = (time: number, nonce: number) =>
    Math.floor(makeRng(`${seed}|vid|${time}|${nonce}`)() * 4096);

  function encode(time: number, nonce: number): string {
    const checkBits = check(time, nonce);
    const data = (BigInt(time) << 22n) | BigInt(nonce);
    let bits = (BigInt(checkBits) << 54n) | (data ^ mask(checkBits));
    let id = '';
    for (let i = 0; i < 11; i++) {
      id = ID_CHARS[Number(bits & 63n)] + id;
      bits >>= 6n;
    }
    return id;
  }

  function decode(videoId: string): number | undefined {
    if (!/^[\w-]{11}$/.test(videoId)) return undefined;
    let bits = 0n;
    for (const c of videoId) bits = (bits << 6n) | BigInt(ID_CHARS.indexOf(c));
    const checkBits = Number(bits >> 54n);
    const data = (bits & ((1n << 54n) - 1n)) ^ mask(checkBits);
    const time = Number(data >> 22n);
    const nonce = Number(data & 0x3fffffn);
    return checkBits === check(time, nonce) ? time : undefined;
  }

  return { encode, decode };
}
