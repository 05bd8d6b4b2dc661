import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCTOR_CHECK_IDS } from '../../lambda/cli/doctor/checks';
import { RUNBOOK_ANCHORS } from '../../lib/runbook';

const text = readFileSync(
  join(__dirname, '..', '..', 'docs', 'runbook.md'),
  'utf8',
);

/**
 * GitHub's heading anchors: lower case, punctuation other than "-" and
 * "_" dropped, spaces to "-", and "-1", "-2" on repeats.
 */
function anchors(markdown: string): string[] {
  const seen = new Map<string, number>();
  const found: string[] = [];
  for (const [, heading = ''] of markdown.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.push(count === 0 ? slug : `${slug}-${count}`);
  }
  return found;
}

describe('docs/runbook.md', () => {
  const headings = anchors(text);

  it.each([...RUNBOOK_ANCHORS])(
    'has a section for the alarm anchor #%s',
    (anchor) => {
      expect(headings).toContain(anchor);
    },
  );

  it.each([...DOCTOR_CHECK_IDS])(
    'has a section for the doctor check %s',
    (id) => {
      expect(headings).toContain(id);
    },
  );

  it('says for every section what it means and how to fix it', () => {
    const sections = text.split(/^### /m).slice(1);

    for (const section of sections) {
      const title = section.split('\n')[0];
      expect([title, /\*\*Means:\*\*/.test(section)]).toEqual([title, true]);
      expect([title, /\*\*Fix:\*\*/.test(section)]).toEqual([title, true]);
      expect([title, /\*\*At night:\*\*/.test(section)]).toEqual([title, true]);
    }
  });

  it('links only to sections it has', () => {
    for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) {
      expect(headings).toContain(anchor);
    }
  });
});
