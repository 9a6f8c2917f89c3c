import { describe, expect, it } from 'vitest';
import { allowedPublicationActions, canEditInStatus, publicationMove, statusAfterEdit } from './publication.lifecycle';

describe('publication lifecycle', () => {
  it('lets an owner submit a draft and a returned record, but not publish it', () => {
    expect(publicationMove('draft', 'submit', ['owner'])).toEqual({ to: 'submitted', refusal: null });
    expect(publicationMove('returned', 'submit', ['owner'])).toEqual({ to: 'submitted', refusal: null });
    expect(publicationMove('submitted', 'publish', ['owner']).refusal).toContain('科技局审核人员');
  });

  it('lets staff publish, return, take back, close, reopen and archive', () => {
    expect(publicationMove('submitted', 'publish', ['staff']).to).toBe('published');
    expect(publicationMove('submitted', 'return', ['staff']).to).toBe('returned');
    expect(publicationMove('published', 'unpublish', ['staff']).to).toBe('returned');
    expect(publicationMove('published', 'close', ['staff']).to).toBe('closed');
    expect(publicationMove('closed', 'reopen', ['staff']).to).toBe('published');
    expect(publicationMove('closed', 'archive', ['staff']).to).toBe('archived');
  });

  it('refuses moves the current status does not allow', () => {
    expect(publicationMove('draft', 'publish', ['staff']).refusal).toContain('草稿');
    expect(publicationMove('archived', 'reopen', ['staff']).refusal).toContain('已归档');
    expect(publicationMove('published', 'archive', ['staff']).to).toBeNull();
  });

  it('offers each mover only its own actions', () => {
    expect(allowedPublicationActions('submitted', ['owner'])).toEqual([]);
    expect(allowedPublicationActions('submitted', ['staff'])).toEqual(['publish', 'return']);
    expect(allowedPublicationActions('published', ['owner', 'staff'])).toEqual(['unpublish', 'close']);
    expect(allowedPublicationActions('draft', [])).toEqual([]);
  });

  it('sends an owner’s edit of a published record back to review, but not a staff edit', () => {
    expect(canEditInStatus('published', ['owner'])).toBe(true);
    expect(statusAfterEdit('published', ['owner'])).toBe('submitted');
    expect(statusAfterEdit('published', ['staff'])).toBe('published');
    expect(canEditInStatus('submitted', ['owner'])).toBe(false);
    expect(canEditInStatus('closed', ['staff'])).toBe(false);
  });
});
