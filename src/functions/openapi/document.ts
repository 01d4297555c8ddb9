import { openApiDocument } from '../../shared/openapi';

/**
 * The API's OpenAPI document, built from the route table at import. The packaged function
 * doesn't build it: scripts/deploy/esbuild-plugins.js puts in its place the document built
 * once at packaging, gzipped (561 KB of JSON in 30 KB), so the function carries none of
 * the API's schemas and a cold start doesn't spend 200 ms building what never changes.
 */
export const document = openApiDocument();
