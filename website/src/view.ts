import type { Municipality } from './api';

/** A page is HTML, and optionally the code that brings it to life once it is in the document. */
export type Rendered = string | { html: string; mount: (root: HTMLElement) => (() => void) | void };

export interface PageContext {
  /** Same-page navigation: updates the address and renders the new page. */
  navigate: (url: string, replace?: boolean) => void;
  municipality: () => Municipality | null;
}
