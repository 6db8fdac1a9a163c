import type { Readable } from 'stream';
import type { UID } from '@strapi/strapi';
import type { Actor, Label, WorkflowDefinition } from './engine/workflow';

/** The case page's map: a Leaflet tile URL template and the credit its licence asks for (HTML). */
export interface MapTiles {
  tileUrl: string;
  attribution: string;
}

/**
 * What an app registers with the engine for each kind of case (complaints, e-service requests, …).
 * The content type `uid` must have the attributes `trackingCode`, `state`, `receivedAt`, `dueAt`,
 * `resolvedAt`, `overdueNotifiedAt` and `assignee` (an admin user), and `eventUid` a relation back
 * to it named `eventRelation` plus `kind`, `action`, `fromState`, `toState`, `message`, `isPublic`,
 * `actorType`, `actor` and `at`.
 */
export interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
  /** The officer's admin language (Strapi's spelling), for messages to them; loaded for assignees. */
  preferedLanguage?: string | null;
}

/** A case as the engine reads it: its own fields plus whatever the type populates. */
export interface CaseRecord {
  id: number;
  documentId?: string;
  trackingCode: string;
  state: string;
  receivedAt?: string | Date | null;
  dueAt?: string | Date | null;
  resolvedAt?: string | Date | null;
  overdueNotifiedAt?: string | Date | null;
  assignee?: AdminUser | null;
  [field: string]: unknown;
}

export type Happening =
  | { kind: 'created' }
  | { kind: 'transition'; from: string; to: string; reason?: string; actor?: Actor }
  | { kind: 'public_reply'; message: string }
  | { kind: 'assignment'; assignee: AdminUser }
  | { kind: 'overdue'; assignee?: AdminUser | null };

/** A message to send after commit (e-mail, a chat push, …): the outbox sends it, with retries. */
export interface Notice {
  channel: string;
  to: string;
  subject: string;
  text: string;
}

/** Where the notices of a case may point: its page in the admin. */
export interface NoticeLinks {
  caseUrl: string;
  inboxUrl: string;
}

/** A case's photo as the type hands it to the engine's photo route, which streams it to staff. */
export interface CasePhotoFile {
  body: Readable | Buffer;
  /** Bytes. */
  size: number;
  contentType: string;
}

export type CasePhotoSize = 'full' | 'thumb';

/** A file staff uploaded on the case page, as the body parser wrote it to disk. */
export interface CaseUpload {
  filepath: string;
  originalFilename?: string | null;
  size: number;
}

/** A case's document (a PDF or image a citizen sent with a form), as the type hands it to the engine's file route. */
export interface CaseFile extends CasePhotoFile {
  /** The name the download is saved under. */
  filename: string;
}

export interface CaseTypeRegistration {
  /** Short, stable, used in URLs (`?type=`) and in outbox references: `complaint`, `e-service`. */
  key: string;
  uid: UID.ContentType;
  eventUid: UID.ContentType;
  /** The event's relation attribute that points at the case. */
  eventRelation: string;
  /** The inbox tab and menu name. */
  label: Label;
  /** One case of this type, e.g. in "a complaint" / "an e-service request". */
  itemLabel: Label;
  workflow: WorkflowDefinition;
  /** Its own admin permissions (actions under `plugin::complaint-workflow.`): who reads, who acts. */
  permissions: { read: string; manage: string };
  /**
   * Shorter ways through the same workflow, by name (e.g. `short`: received → checking → done or
   * refused): the type's states, and transitions whose actions are the type's own (so the pages label
   * them); checked at registration. `variantOf` names a case's variant (null: the whole workflow).
   */
  variants?: Record<string, WorkflowDefinition>;
  variantOf?: (record: CaseRecord) => string | null | undefined;
  /** The tracking code's two letters, e.g. NK for complaints, ES for e-service requests. */
  trackingPrefix: string;
  /** The deadline rule: when a new case is due, from what it is created with (null: no deadline). */
  deadline?: (data: Record<string, unknown>, receivedAt: Date) => Promise<Date | null> | Date | null;
  /** What the case page loads besides the engine's own fields. */
  populate?: Record<string, unknown>;
  /** The inbox's own filters, from query parameters to a where clause. */
  where?: (query: Record<string, unknown>) => Record<string, unknown>;
  /** Choices for the inbox's own filters (e.g. categories), merged into GET /meta. */
  filterOptions?: () => Promise<Record<string, unknown>>;
  /**
   * Runs in the transaction of a state change, before it is written: throw a refusal (a 400 with
   * its code, e.g. `after_photo_required`) to stop it. The type's own preconditions live here.
   */
  beforeTransition?: (record: CaseRecord, change: { from: string; to: string; action: string; actor: ActorRef }) => Promise<void> | void;
  /** Runs in the transaction of a state change, after it, e.g. to move a linked record along. */
  afterTransition?: (record: CaseRecord, from: string, to: string, actor?: ActorRef) => Promise<void>;
  /** Messages for what happened; empty when nobody needs telling. */
  notices?: (record: CaseRecord, what: Happening, links: NoticeLinks) => Notice[];
  /**
   * A photo of a case (or its thumbnail), kept wherever the type keeps them; null unless that photo
   * belongs to that case. The engine serves it only to staff who may read the case
   * (`GET /cases/:id/photos/:photoId`), so the photos never need a public URL.
   */
  photo?: (caseId: number, photoId: number, size: CasePhotoSize) => Promise<CasePhotoFile | null>;
  /**
   * Staff attach photos to a case on its page (e.g. the "after" photos that prove a fix): the type
   * checks and keeps them (a refusal is a 400) and answers how many it stored. Without it the
   * case page offers no upload.
   */
  addPhotos?: (caseId: number, files: CaseUpload[], language: 'th' | 'en') => Promise<number>;
  /**
   * A document of a case by its key (kept wherever the type keeps them); null unless it belongs to
   * that case. The engine serves it as a download only to staff who may read the case
   * (`GET /cases/:id/files/:fileKey`).
   */
  file?: (caseId: number, fileKey: string) => Promise<CaseFile | null>;
  /**
   * What the case page shows beyond the record's own fields, merged over them (e.g. a form's answers
   * labelled from the form as it was when the case was filed). The record is not changed.
   */
  detail?: (record: CaseRecord) => Promise<Record<string, unknown>> | Record<string, unknown>;
}

export interface ActorRef {
  type: Actor;
  user?: AdminUser | null;
}
