// The cloud HTTP API contract: schemas, route table and answer types.
export * from './schemas.ts';
export * from './routes.ts';
