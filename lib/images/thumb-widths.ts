// The gallery thumbnails' widths, apart from make-thumbnails.ts so the browser's grid can name them in `srcset`
// without bundling sharp.
export const THUMB_WIDTHS = { small: 256, large: 768 } as const;
