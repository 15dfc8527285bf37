import { buildApp } from '@custos/server';
import { openPgliteDatabase } from '@custos/store';

/** The server's OpenAPI document, as `GET /docs/json` serves it (an empty, migrated in-memory database). */
export async function serverOpenApiDocument(): Promise<Record<string, unknown>> {
  const database = await openPgliteDatabase();
  try {
    const app = await buildApp({ database, logger: false });
    try {
      return app.swagger() as unknown as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}
