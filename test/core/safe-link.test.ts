import { describe, expect, it } from 'vitest';
import { describeCitation } from '../../src/core/reply/plain-text.js';
import { honestLabel, safeLink } from '../../src/core/reply/safe-link.js';

describe('links in replies', () => {
  it('accepts only http and https addresses', () => {
    expect(safeLink('https://www.example.org/a')).toEqual({ href: 'https://www.example.org/a', host: 'example.org' });
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'ftp://example.org', 'not a url', '', undefined]) expect(safeLink(bad)).toBeUndefined();
  });

  it('prints no javascript: or data: address in plain-text citations', () => {
    const citation = { n: 1, sourceId: 's', outlet: 'Wire', title: 'Talks', date: '2023-08-04' };
    expect(describeCitation({ ...citation, url: 'javascript:alert(1)' })).not.toContain('javascript');
    expect(describeCitation({ ...citation, url: 'https://example.org/x' })).toContain('https://example.org/x');
  });

  it('labels a link with its own host and no other address', () => {
    const link = safeLink('https://evil.example/p')!;
    expect(honestLabel('Read it at https://nytimes.com/x', link)).toBe('Read it at (link) (evil.example)');
    expect(honestLabel('', link)).toBe('evil.example (evil.example)');
  });
});
