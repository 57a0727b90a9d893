/** Texts longer than this many UTF-16 units are not analysed by default (about 2 MB of ASCII). */
export const DEFAULT_MAX_LENGTH = 2_000_000;
