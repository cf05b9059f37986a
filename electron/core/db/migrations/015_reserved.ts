/**
 * Reserved for the per-rep rollups (issue 18), written on another branch: versions must be
 * contiguous, so this placeholder holds the number until that migration replaces it.
 */
export const sql = '';
