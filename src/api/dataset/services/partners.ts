import crypto from 'crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldMessage, languageOf, type Language } from '../../../http/messages';
import { PUBLIC_VIEWER, isRestrictedRead, type CatalogueService, type Viewer } from './catalogue';
import { credentialsOf, hasExpired, partnerTokenName, readsOnly, tokenState, type TokenState } from '../domain/sharing';
import type { TokenDays } from '../staff-permissions';

/** One read to record in the access log: what was read, by which call. */
export interface AccessRead {
  /** The dataset's slug (CKAN's name). */
  dataset: string;
  /** The resource's key (CKAN's resource id), when one resource was read. */
  resource?: string | null;
  /** What was called: `package_show`, `datastore_search`, `download`… */
  action: string;
  /** Whether the read was of restricted data, when the caller knows; looked up otherwise. */
  restricted?: boolean;
}

/** A Strapi API token as its service answers it (the admin's services are typed `any`). */
interface ApiToken {
  id: number;
  name: string;
  description?: string | null;
  kind?: string | null;
  type: 'read-only' | 'full-access' | 'custom';
  /** A custom token's content-API actions. */
  permissions?: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
}
interface ApiTokenService {
  hash(accessKey: string): string;
  getByAccessKey(hashed: string): Promise<ApiToken | null>;
  getByName(name: string): Promise<ApiToken | null>;
  create(attributes: { name: string; description: string; type: 'custom'; permissions: string[]; lifespan: number }): Promise<ApiToken & { accessKey: string }>;
  revoke(id: number): Promise<unknown>;
}

interface AgencyRow {
  id: number;
  documentId: string;
  name: string;
  nameEn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  apiTokenName: string | null;
  active: boolean;
  datasets?: Array<{ documentId: string; slug: string; titleTh: string; accessLevel: string; publishedAt: string | null }>;
}

/** A partner agency as the data sharing page shows it: its token's state and the datasets shared with it. */
export interface AgencyView {
  id: number;
  documentId: string;
  name: string;
  nameEn: string | null;
  contactName: string | null;
  contactEmail: string | null;
  active: boolean;
  token: { name: string; state: TokenState; expiresAt: string | null; lastUsedAt: string | null; createdAt: string } | null;
  datasets: Array<{ documentId: string; slug: string; titleTh: string; restricted: boolean }>;
}

const AGENCY = 'api::dataset.partner-agency';
const ACCESS = 'api::dataset.dataset-access';
const TOKEN = 'admin::api-token';
const DAY_MS = 24 * 3600_000;
/** Strapi's own token lifetimes (its service accepts no other); a longer one is set after creation. */
const STRAPI_LIFESPANS = [7, 30, 90].map((d) => d * DAY_MS);
/** How long a checked key is believed without asking the database again (a revoked token stops within this). */
const CACHE_MS = 15_000;
const CACHE_MAX = 500;
/** Strapi's rule for the token's last use: written at most once an hour. */
const LAST_USED_EVERY_MS = 3600_000;

interface Known {
  viewer: Extract<Viewer, { kind: 'partner' }>;
  tokenId: number;
  expiresAt: string | null;
  lastUsedAt: number | null;
  until: number;
}

const cut = (text: string | null | undefined, max: number) => (text ? text.slice(0, max) : undefined);

/**
 * Data sharing with partner agencies: who a request comes from (a partner's API token in
 * `Authorization: Bearer …`, else the public), the access log of their reads of restricted data, and
 * the tokens staff issue to each agency.
 *
 * A partner's token only reads. It is issued as Strapi's custom type with no content-API permission,
 * not as its read-only type: a read-only token also reads every `find` of Strapi's content API,
 * among them `/api/upload/files` (every Media Library file with its URL, restricted datasets' files
 * included, so one agency would find another's) and `/api/users`. The open-data routes are
 * `auth: false` and check the token here; Strapi's own routes refuse it (403).
 */
const partners = ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.service('admin::api-token-content-api') as unknown as ApiTokenService;
  const catalogue = () => strapi.service('api::dataset.catalogue') as CatalogueService;
  // Keyed by the key's hash: the keys themselves are never kept.
  const known = new Map<string, Known>();

  const refuse = (language: Language) => new errors.UnauthorizedError(fieldMessage('invalid_token', language), { code: 'invalid_token' });

  /** The partner a key belongs to, or null: a valid, unexpired token that only reads, named by an active agency. */
  async function lookUp(hashed: string): Promise<Known | null> {
    const token = await tokens().getByAccessKey(hashed);
    if (!token || (token.kind && token.kind !== 'content-api') || !readsOnly(token) || hasExpired(token.expiresAt)) return null;
    const agency = (await strapi.db.query(AGENCY).findOne({ where: { apiTokenName: token.name, active: true }, select: ['id', 'name'] })) as Pick<AgencyRow, 'id' | 'name'> | null;
    if (!agency) return null;
    return {
      viewer: { kind: 'partner', agencyId: agency.id, name: agency.name, tokenName: token.name },
      tokenId: token.id,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt ? new Date(token.lastUsedAt).getTime() : null,
      until: Date.now() + CACHE_MS,
    };
  }

  /** Records the token's use as Strapi does for its own routes (Settings → API Tokens shows it). */
  async function touch(entry: Known) {
    const now = Date.now();
    if (entry.lastUsedAt !== null && now - entry.lastUsedAt < LAST_USED_EVERY_MS) return;
    entry.lastUsedAt = now;
    await strapi.db.query(TOKEN).update({ where: { id: entry.tokenId }, data: { lastUsedAt: new Date(now) } });
  }

  /** A partner's answer is theirs alone: never stored by a shared cache, nor given to another caller. */
  function keepPrivate(ctx: Context) {
    ctx.set('Cache-Control', 'private, no-store');
    ctx.vary('Authorization');
  }

  const self = {
    /**
     * The viewer of this request: the public without a key; the partner agency whose token it is;
     * a key that is unknown, expired, able to write or owned by no active agency is refused (401,
     * `details.code: invalid_token`) rather than answered as the public, so a partner never
     * mistakes a refusal for "no such dataset".
     */
    async viewerOf(ctx: Context): Promise<Viewer> {
      const credentials = credentialsOf(ctx.get('authorization'));
      if (credentials.kind === 'none') return PUBLIC_VIEWER;
      if (credentials.kind === 'malformed') throw refuse(languageOf(ctx));
      const hashed = tokens().hash(credentials.key);
      let entry = known.get(hashed);
      if (!entry || entry.until < Date.now()) {
        known.delete(hashed);
        entry = (await lookUp(hashed)) ?? undefined;
        if (entry) {
          if (known.size >= CACHE_MAX) known.clear();
          known.set(hashed, entry);
        }
      }
      if (!entry || hasExpired(entry.expiresAt)) throw refuse(languageOf(ctx));
      await touch(entry);
      keepPrivate(ctx);
      return entry.viewer;
    },

    /**
     * Records a partner's read of restricted data (a restricted dataset, or a restricted resource of
     * a public one) in the access log. Public reads are not logged, a partner's included: anyone may
     * make them without a token, so they say nothing about what was shared. A failure to write the
     * log fails the read: restricted data does not leave unrecorded.
     */
    async logAccess(ctx: Context, viewer: Viewer, read: AccessRead): Promise<void> {
      if (viewer.kind !== 'partner') return;
      keepPrivate(ctx);
      let restricted = read.restricted;
      if (restricted === undefined) {
        const dataset = await catalogue().get(read.dataset, viewer);
        // A dataset that cannot be found again is logged: better a line too many than one missing.
        restricted = !dataset || isRestrictedRead(dataset, read.resource ? dataset.resources.find((r) => r.key === read.resource) : null);
      }
      if (!restricted) return;
      await strapi.documents(ACCESS).create({
        data: {
          at: new Date().toISOString(),
          agency: viewer.agencyId,
          tokenName: cut(viewer.tokenName, 100),
          dataset: cut(read.dataset, 100),
          resource: cut(read.resource, 36),
          action: cut(read.action, 40),
          path: cut(ctx.originalUrl, 500),
          clientAddress: cut(ctx.request.ip, 64),
        },
      });
    },

    /** Every partner agency with its token's state and the datasets shared with it, by name. */
    async agencies(now: Date = new Date()): Promise<AgencyView[]> {
      const rows = (await strapi.db.query(AGENCY).findMany({
        select: ['id', 'documentId', 'name', 'nameEn', 'contactName', 'contactEmail', 'apiTokenName', 'active'],
        populate: { datasets: { select: ['documentId', 'slug', 'titleTh', 'accessLevel', 'publishedAt'] } },
        orderBy: [{ name: 'asc' }],
      })) as AgencyRow[];
      const names = rows.map((a) => a.apiTokenName).filter((n): n is string => Boolean(n));
      const found = names.length
        ? ((await strapi.db.query(TOKEN).findMany({ where: { name: { $in: names } }, select: ['id', 'name', 'expiresAt', 'lastUsedAt', 'createdAt'] })) as ApiToken[])
        : [];
      const byName = new Map(found.map((t) => [t.name, t]));
      return rows.map((a) => {
        const token = a.apiTokenName ? byName.get(a.apiTokenName) : undefined;
        // A dataset's published version stands for it; a draft never shared is listed once too.
        const datasets = new Map<string, AgencyView['datasets'][number]>();
        for (const d of [...(a.datasets ?? [])].sort((x, y) => Number(Boolean(y.publishedAt)) - Number(Boolean(x.publishedAt)))) {
          if (!datasets.has(d.documentId)) datasets.set(d.documentId, { documentId: d.documentId, slug: d.slug, titleTh: d.titleTh, restricted: d.accessLevel === 'restricted' });
        }
        return {
          id: a.id,
          documentId: a.documentId,
          name: a.name,
          nameEn: a.nameEn,
          contactName: a.contactName,
          contactEmail: a.contactEmail,
          active: a.active,
          token: token ? { name: token.name, state: tokenState(token, now), expiresAt: token.expiresAt, lastUsedAt: token.lastUsedAt, createdAt: token.createdAt } : null,
          datasets: [...datasets.values()],
        };
      });
    },

    /**
     * Issues a new API token to an agency through Strapi's api-token service (reading only, see above), lasting
     * `days`; the agency is named its owner and its previous token is revoked, in one transaction.
     * Answers the key: shown once, never stored in clear here (Strapi keeps its hash).
     */
    async issueToken(agencyId: number, days: TokenDays, language: Language = 'th'): Promise<{ accessKey: string; agency: AgencyView }> {
      const agency = (await strapi.db.query(AGENCY).findOne({ where: { id: agencyId }, select: ['id', 'documentId', 'name', 'apiTokenName', 'active'] })) as AgencyRow | null;
      if (!agency) throw new errors.NotFoundError(fieldMessage('agency_not_found', language), { code: 'agency_not_found' });
      if (!agency.active) throw new errors.ValidationError(fieldMessage('agency_inactive', language), { code: 'agency_inactive' });
      const lifespan = days * DAY_MS;
      const allowed = [...STRAPI_LIFESPANS].reverse().find((l) => l <= lifespan) ?? STRAPI_LIFESPANS[0];
      const name = partnerTokenName(agency.id, new Date(), crypto.randomBytes(3).toString('hex'));
      const accessKey = await strapi.db.transaction(async () => {
        const created = await tokens().create({ name, description: `การแบ่งปันข้อมูล: ${agency.name}`.slice(0, 256), type: 'custom', permissions: [], lifespan: allowed });
        if (allowed !== lifespan) {
          await strapi.db.query(TOKEN).update({ where: { id: created.id }, data: { lifespan, expiresAt: new Date(Date.now() + lifespan) } });
        }
        const previous = agency.apiTokenName ? await tokens().getByName(agency.apiTokenName) : null;
        await strapi.documents(AGENCY).update({ documentId: agency.documentId, data: { apiTokenName: name } });
        if (previous) await tokens().revoke(previous.id);
        return created.accessKey;
      });
      self.forget();
      const view = (await self.agencies()).find((a) => a.id === agency.id)!;
      return { accessKey, agency: view };
    },

    /** Forgets every checked key: after a token is issued or revoked, or an agency changes. */
    forget() {
      known.clear();
    },
  };
  return self;
};

export type PartnersService = ReturnType<typeof partners>;
export default partners;
