import type { JSX } from 'preact';
import { t } from '../i18n';
import type { Api } from './load';

/** One operation of the OpenAPI document, as the page lists it. */
export interface Operation {
  method: string;
  path: string;
  summary: string;
  parameters: Array<{ name: string; description: string }>;
}
export interface DevelopersData {
  openapi: string;
  operations: Operation[];
}

/** The parts of the OpenAPI document the page lists. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { summary?: string; parameters?: Array<{ name: string; description?: string }> }>>;
}

/** Only what the page shows travels with it, not the whole document. */
export async function loadDevelopers(api: Api): Promise<DevelopersData> {
  const doc = await api<OpenApiDocument>('openapi.json', {});
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      summary: op.summary ?? '',
      parameters: (op.parameters ?? []).map((p) => ({ name: p.name, description: p.description ?? '' })),
    }))
  );
  return { openapi: doc.openapi, operations };
}

/** /developers: the public API for integrators, from its own OpenAPI document. */
export function Developers({ data }: { data: DevelopersData }): JSX.Element {
  return (
    <>
      <h1>{t('dev.title')}</h1>
      <p>
        {t('dev.intro')} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI {data.openapi}).
      </p>
      <ul class="ops">
        {data.operations.map((op) => (
          <li>
            <h2>
              <code>
                {op.method} /api{op.path}
              </code>
            </h2>
            <p>{op.summary}</p>
            {op.parameters.length ? (
              <details>
                <summary>{t('dev.params')}</summary>
                <ul>
                  {op.parameters.map((p) => (
                    <li>
                      <code>{p.name}</code> {p.description}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
