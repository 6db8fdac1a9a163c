import type { Context } from 'koa';

/** A file of a multipart request, as Strapi's body parser (formidable) hands it over. */
export interface UploadedFile {
  size: number;
  filepath?: string;
  path?: string;
  originalFilename?: string | null;
  name?: string;
}

/** The request's uploaded files by field name (Koa's own types know no uploads). */
export const uploadedFiles = (ctx: Context): Record<string, UploadedFile | UploadedFile[] | undefined> =>
  (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[] | undefined> }).files ?? {};
