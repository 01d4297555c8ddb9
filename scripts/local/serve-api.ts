import { startHttpServer } from './http-server';

/** The local gateway alone, in its own process (for benchmarks): env must point at a database. */
startHttpServer({ port: Number(process.env.PORT ?? 0) }).then(({ url }) => console.log(`LISTENING ${url}`));
