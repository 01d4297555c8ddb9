import { routes } from '../../shared/api';
import { http } from '../lib/http';
import * as photos from './service';

/** HTTP adapter only: a pre-signed upload for one photo (the bytes go straight to storage). */
export const requestUpload = http(
  routes.requestPhotoUpload,
  ({ actor, body, now }) => photos.requestUpload(actor, body, now),
  { status: 201 },
);
