import { describe, expect, it } from 'vitest';
import { leadingSnippet, publicContact } from './portal.service';

const contact = { contactName: '王工', contactPhone: '0818-1234567', contactEmail: 'wang@example.cn' };

describe('publicContact', () => {
  it('gives only the fields the owner chose to publish', () => {
    expect(publicContact({ ...contact, publishedContact: ['phone'] })).toEqual({ phone: '0818-1234567' });
    expect(publicContact({ ...contact, publishedContact: ['name', 'email'] })).toEqual({ name: '王工', email: 'wang@example.cn' });
  });

  it('gives nothing when nothing was chosen, and leaves out a chosen field that is blank', () => {
    expect(publicContact({ ...contact, publishedContact: [] })).toEqual({});
    expect(publicContact({ ...contact, contactPhone: '', publishedContact: ['phone'] })).toEqual({});
  });

  it('ignores an unknown field name in the choice', () => {
    expect(publicContact({ ...contact, publishedContact: ['address', 'contactPhone'] })).toEqual({});
  });
});

describe('leadingSnippet', () => {
  it('keeps a short text whole and cuts a long one with an ellipsis, flattening whitespace', () => {
    expect(leadingSnippet('玄武岩\n纤维')).toBe('玄武岩 纤维');
    expect(leadingSnippet('甲'.repeat(130), 120)).toBe(`${'甲'.repeat(120)}…`);
  });
});
