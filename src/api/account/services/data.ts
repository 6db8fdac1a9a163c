/**
 * The account-data registry: every module that keeps records about a citizen registers a source
 * here (complaints, requests, tax-bill links, notices, the LINE link, …), so the account's export
 * holds all of them and deleting the account erases all of them, without this module knowing them.
 */
export interface AccountDataSource {
  /** The key of its list in the export (`complaints`, `taxBills`). */
  name: string;
  /** Everything of this kind about the person, as plain JSON. */
  export(userId: number): Promise<unknown[]>;
  /** Removes (or anonymises) everything of this kind about the person; runs inside the deletion's transaction. */
  erase(userId: number): Promise<void>;
}

/** Keys the export itself uses: a source cannot take them. */
const RESERVED = new Set(['exportedAt', 'account']);

export interface AccountDataService {
  register(source: AccountDataSource): void;
  sources(): AccountDataSource[];
  exportAll(userId: number): Promise<Record<string, unknown[]>>;
  eraseAll(userId: number): Promise<void>;
}

export default (): AccountDataService => {
  const sources = new Map<string, AccountDataSource>();
  return {
    register(source) {
      if (RESERVED.has(source.name)) throw new Error(`account data source "${source.name}": the name is reserved`);
      // A second registration of one name (a module registering twice) would export and erase twice.
      if (sources.has(source.name)) throw new Error(`account data source "${source.name}" is registered twice`);
      sources.set(source.name, source);
    },
    sources: () => [...sources.values()],
    async exportAll(userId) {
      const out: Record<string, unknown[]> = {};
      for (const source of sources.values()) out[source.name] = await source.export(userId);
      return out;
    },
    async eraseAll(userId) {
      for (const source of sources.values()) await source.erase(userId);
    },
  };
};
