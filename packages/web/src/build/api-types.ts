import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { fileURLToPath } from 'node:url';
import { serverOpenApiDocument } from './openapi-document.ts';

/** Where the generated types of the server's API live. */
export const API_TYPES_FILE = new URL('../api/schema.d.ts', import.meta.url);

const HEADER =
  '/**\n * The server API, generated from its OpenAPI document by `npm run gen:api -w packages/web`.\n' +
  ' * Do not edit: a test fails when this file differs from what the server describes.\n */\n\n';

/** The TypeScript types of the server's OpenAPI document, formatted as the repository formats. */
export async function generateApiTypes(): Promise<string> {
  const document = await serverOpenApiDocument();
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0]);
  const file = fileURLToPath(API_TYPES_FILE);
  const options = (await resolveConfig(file)) ?? {};
  return format(HEADER + astToString(ast), { ...options, parser: 'typescript', filepath: file });
}
