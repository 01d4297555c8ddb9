import { monotonicFactory } from 'ulid';

/** ULIDs: sortable by creation time, so "newest first" needs no extra field. */
export const newId = monotonicFactory();
