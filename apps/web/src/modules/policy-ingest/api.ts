import type { IngestConfirmInput, IngestExtractText, IngestProposal, Plan } from '@stip/contracts';
import { api } from '../../shared/api/client';

export const policyIngestApi = {
  /** Reads pasted text into a proposal. */
  extractText: (body: IngestExtractText) => api.post<IngestProposal>('/policy-ingest/extract', body),
  /** Reads an uploaded document (.docx, .pdf, .xlsx, .html, .txt) into a proposal. */
  extractFile: (file: File, date: string | undefined) => {
    const form = new FormData();
    if (date) form.append('date', date);
    form.append('file', file, file.name);
    return api.postForm<IngestProposal>('/policy-ingest/extract', form);
  },
  /** Creates the reviewed plan with its targets, tasks and new units. */
  confirm: (body: IngestConfirmInput) => api.post<Plan>('/policy-ingest/confirm', body),
};
