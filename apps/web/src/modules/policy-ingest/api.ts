import {
  type IngestConfirmInput,
  type IngestExtractText,
  type IngestProposal,
  type Plan,
  type PolicyDocument,
  type PolicyDocumentQuery,
  type ReExtraction,
  zIngestProposal,
  zPolicyDocumentPage,
} from '@stip/contracts';
import { api } from '../../shared/api/client';

export const policyIngestApi = {
  /** Reads pasted text into a proposal (the text is kept in the document library). */
  extractText: (body: IngestExtractText) => api.post<IngestProposal>('/policy-ingest/extract', body),
  /** Reads an uploaded document (.docx, .pdf, .xlsx, .html, .txt) into a proposal; the file is kept in the document library. */
  extractFile: (file: File, date: string | undefined) => {
    const form = new FormData();
    if (date) form.append('date', date);
    form.append('file', file, file.name);
    return api.postForm<IngestProposal>('/policy-ingest/extract', form);
  },
  /** Creates the reviewed plan with its targets, tasks and new units. */
  confirm: (body: IngestConfirmInput) => api.post<Plan>('/policy-ingest/confirm', body),
};

/** 政策文件库: the kept documents. */
export const policyDocumentsApi = {
  list: (query: Partial<PolicyDocumentQuery>, signal?: AbortSignal) => api.get('/policy-documents', zPolicyDocumentPage, query, signal),
  /** A kept document's stored reading, as a proposal to review again (no upload). */
  open: (id: string) => api.get(`/policy-documents/${id}/proposal`, zIngestProposal),
  reExtract: (id: string, version: number) => api.post<ReExtraction>(`/policy-documents/${id}/re-extract`, { version }),
  keep: (id: string, version: number) => api.post<PolicyDocument>(`/policy-documents/${id}/keep-extraction`, { version }),
  remove: (id: string, version: number) => api.delete<{ ok: true }>(`/policy-documents/${id}?version=${version}`),
  download: (document: PolicyDocument) => api.download(`/policy-documents/${document.id}/file`, document.fileName),
};
