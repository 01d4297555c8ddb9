/**
 * Links into the app: what a share card, a pasted link and a poster's QR code
 * carry, and where the sign-in and binding pages go next. One module for the
 * mini-program, the H5 site and the functions, so a link built on one side is
 * read the same on the others.
 */
export const sharedPages = {
  notice: 'pages/notices/detail/index',
  topic: 'pages/topics/detail/index',
  case: 'pages/cases/detail/index',
} as const;
export type SharedKind = keyof typeof sharedPages;

/** One thing a link opens. The village is named so that township staff, who oversee several, open it too. */
export interface SharedItem {
  kind: SharedKind;
  id: string;
  villageId?: string;
}

const ID = /^[0-9A-Z]{26}$/;

/** The page path with its query, as Taro navigates to it and a share card's `path` carries it. */
export function appPath({ kind, id, villageId }: SharedItem): string {
  const query = new URLSearchParams({ id, ...(villageId ? { villageId } : {}) });
  return `/${sharedPages[kind]}?${query}`;
}

/** The H5 address of the same page (the site routes by hash): `base` is the site's address without a hash. */
export const h5Link = (base: string, item: SharedItem) => `${base.replace(/#.*$/, '')}#${appPath(item)}`;

/**
 * A mini-program code (wxacode.getUnlimited) carries its page apart and at most
 * 32 characters of `scene`: the id alone fits (a village id may not), and a
 * resident's own village is the one the server assumes.
 */
export const sceneOf = (item: SharedItem) => item.id;

/** The id a detail page was opened with: `id` from a card or a link, `scene` from a scanned mini-program code. */
export function openedId(params: Partial<Record<string, string>>): string {
  if (params.id) return params.id;
  const scene = params.scene?.replace(/%([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(Number.parseInt(h, 16))) ?? '';
  return ID.test(scene) ? scene : '';
}

export const SIGN_IN_PAGE = '/pages/auth/sign-in/index';
export const BIND_PAGE = '/pages/bindings/claim/index';
export const HOME_PAGE = '/pages/index/index';

/**
 * Where to go after signing in or binding: an in-app page path (never another
 * site, never the sign-in or binding pages themselves, which would go round in
 * circles), or undefined to go home.
 */
export function nextPage(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (!/^\/pages\/[a-z0-9/-]+\/index(\?[\w%=&.~-]*)?$/.test(path) || path.includes('//')) return undefined;
  const page = path.split('?')[0];
  if (page === SIGN_IN_PAGE || page === BIND_PAGE || page === HOME_PAGE) return undefined;
  return path;
}

/** A page path with `next` in its query, so the page it opens knows where to go after. */
export const withNext = (page: string, next: string | undefined) =>
  next ? `${page}${page.includes('?') ? '&' : '?'}next=${encodeURIComponent(next)}` : page;
