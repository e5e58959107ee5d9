// What a photo upload may be. Shared by the server (checks) and the form (the hints it shows).

/** The largest file accepted: a phone's full-size photo fits. BODY_SIZE_LIMIT is set above it. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** Decoded pixels at most (a 50-megapixel camera); a small file that decodes to more is a bomb. */
export const MAX_PHOTO_PIXELS = 50_000_000;
/** The widths stored, as WebP; none wider than the original. */
export const PHOTO_WIDTHS = [320, 640, 1280] as const;
/**
 * The formats read. Not HEIC: sharp's prebuilt libvips has no HEVC decoder (patents). An iPhone
 * hands a file input that does not list HEIC a JPEG instead, so the form's `accept` leaves it out.
 */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const;
export const ALT_MIN = 3;
export const ALT_MAX = 250;
