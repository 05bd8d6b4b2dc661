import {
  createDomainExtractor,
  extractDomains,
  extractorFromSettings,
} from '../../../lambda/core/domains';

const domainsOf = (text: string) => extractDomains(text).map((d) => d.domain);

describe('extractDomains', () => {
  it('returns nothing when the text has no dot', () => {
    expect(extractDomains('great video, 12:30 was the best part')).toEqual([]);
  });

  it('keeps the trimmed link and folds www and subdomains', () => {
    expect(
      extractDomains('see https://www.example.com/a. and blog.example.co.uk!'),
    ).toEqual([
      {
        domain: 'example.com',
        link: 'https://www.example.com/a',
        shortener: false,
      },
      { domain: 'example.co.uk', link: 'blog.example.co.uk', shortener: false },
    ]);
  });

  it('keeps the name under a private suffix', () => {
    expect(domainsOf('name.github.io and docs.demo.netlify.app/x')).toEqual([
      'name.github.io',
      'demo.netlify.app',
    ]);
  });

  it('keys internationalised hosts in punycode', () => {
    expect(domainsOf('bücher.de, 例え.jp and пример.рф')).toEqual([
      'xn--bcher-kva.de',
      'xn--r8jz45g.jp',
      'xn--e1afmkfd.xn--p1ai',
    ]);
  });

  it('lists each domain once, in order of first appearance', () => {
    expect(
      domainsOf('zeta.com, alpha.com, www.zeta.com and https://m.alpha.com'),
    ).toEqual(['zeta.com', 'alpha.com']);
  });

  it('ignores e-mail addresses and handles', () => {
    expect(
      domainsOf(
        'mail john@example.com, mary.smith@gmail.com or ' +
          'jo@xn--bcher-kva.de; follow @john.doe',
      ),
    ).toEqual([]);
  });

  it('ignores IP addresses with or without a scheme', () => {
    expect(
      domainsOf('192.168.1.1, http://10.0.0.1:8080/x, http://[::1]:3000/'),
    ).toEqual([]);
  });

  it('ignores versions, prices, times and unknown labels', () => {
    expect(
      domainsOf('v1.2.3, 1.2, $3.99 at 12:30, 3.5mm, foo.notatld, nas.lan'),
    ).toEqual([]);
  });

  it('treats bare file names as files, even under real labels', () => {
    expect(
      domainsOf(
        'report.pdf setup.exe image.png index.html setup.zip clip.mov ' +
          'main.py run.sh README.md#usage',
      ),
    ).toEqual([]);
  });

  it('counts file-like labels written as links', () => {
    expect(
      domainsOf('https://setup.zip www.x.zip docs.rs/serde clip.mov?t=3'),
    ).toEqual(['setup.zip', 'x.zip', 'docs.rs', 'clip.mov']);
  });

  it('ignores words glued by a dot', () => {
    expect(
      domainsOf('this.is fine, end.The best. ok.so wow.love it.now go'),
    ).toEqual([]);
  });

  it('accepts bare hosts under common labels in any sensible case', () => {
    expect(domainsOf('Example.com and GOOGLE.COM but not Example.Com')).toEqual(
      ['example.com', 'google.com'],
    );
  });

  it('drops a capitalised word glued after the host', () => {
    expect(extractDomains('visit example.com.Thanks!')).toEqual([
      { domain: 'example.com', link: 'example.com', shortener: false },
    ]);
  });

  it('cuts off Japanese glued to either side of a host', () => {
    expect(domainsOf('詳しくはexample.comです こちらhttps://a.jp/x')).toEqual([
      'example.com',
      'a.jp',
    ]);
  });

  it("leaves out YouTube's and Google's video hosts", () => {
    expect(
      domainsOf(
        'https://youtu.be/x m.youtube.com/watch?v=1 yt.be/x i.ytimg.com/v ' +
          'youtube-nocookie.com r1.googlevideo.com youtube.de',
      ),
    ).toEqual([]);
  });

  it('flags link shorteners', () => {
    expect(extractDomains('bit.ly/abc and https://t.co/x')).toEqual([
      { domain: 'bit.ly', link: 'bit.ly/abc', shortener: true },
      { domain: 't.co', link: 'https://t.co/x', shortener: true },
    ]);
  });

  it('sees links through markdown, brackets, quotes and emoji', () => {
    expect(
      extractDomains(
        '[text](https://x.com) **y.org** <https://z.net/a> "q.io"… ' +
          '❤️w.dev❤️ (wikipedia.org/wiki/Foo_(bar)).',
      ).map((d) => d.link),
    ).toEqual([
      'https://x.com',
      'y.org',
      'https://z.net/a',
      'q.io',
      'w.dev',
      'wikipedia.org/wiki/Foo_(bar)',
    ]);
  });
});

describe('createDomainExtractor', () => {
  it('adds excluded domains and shorteners to the built-in lists', () => {
    const extract = createDomainExtractor({
      exclude: ['www.Example.com'],
      shorteners: ['lnks.cx'],
    });
    expect(extract('example.com/a lnks.cx/x bit.ly/y other.org')).toEqual([
      { domain: 'lnks.cx', link: 'lnks.cx/x', shortener: true },
      { domain: 'bit.ly', link: 'bit.ly/y', shortener: true },
      { domain: 'other.org', link: 'other.org', shortener: false },
    ]);
  });

  it('reads its lists from the domains settings', () => {
    const extract = extractorFromSettings({
      domains: { exclude: ['other.org'], shorteners: [] },
    });
    expect(extract('other.org and kept.com').map((d) => d.domain)).toEqual([
      'kept.com',
    ]);
  });

  it('gives the same answer for a host it has cached', () => {
    const extract = createDomainExtractor();
    const first = extract('www.example.com/a');
    expect(extract('www.example.com/a')).toEqual(first);
  });
});
