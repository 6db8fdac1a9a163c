import type { Core } from '@strapi/strapi';

/** TEMPORARY (records branch): the auth helper's account-data registry replaces this on merge. */
export interface AccountDataSource {
  name: string;
  export(userId: number): Promise<unknown[]>;
  erase(userId: number): Promise<void>;
}

export default ({ strapi: _strapi }: { strapi: Core.Strapi }) => {
  const sources = new Map<string, AccountDataSource>();
  return {
    register(source: AccountDataSource) {
      sources.set(source.name, source);
    },
    sources: () => [...sources.values()],
  };
};
