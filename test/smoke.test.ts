import { parse } from 'tldts';

describe('toolchain', () => {
  it('runs', () => {
    expect(parse('a.b.co.uk').domain).toBe('b.co.uk');
  });
});
