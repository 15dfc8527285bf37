import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { API_TYPES_FILE, generateApiTypes } from './api-types.ts';

// `npm run gen:api -w packages/web`: regenerate the console's API types from the server.
await writeFile(API_TYPES_FILE, await generateApiTypes());
console.log(`wrote ${fileURLToPath(API_TYPES_FILE)}`);
