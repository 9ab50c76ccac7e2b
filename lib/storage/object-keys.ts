// Objects are addressed by content (sha256), grouped by team, so the same bytes are stored once per team and a key
// never has to be renamed. The database keeps keys, never URLs.
export function originalKey(options: { teamId: string; sha256: string; format: string }) {
  return `teams/${options.teamId}/originals/${options.sha256.slice(0, 2)}/${options.sha256}.${options.format}`;
}

export function thumbnailKey(options: { teamId: string; sha256: string; width: number }) {
  return `teams/${options.teamId}/thumbs/${options.sha256.slice(0, 2)}/${options.sha256}-w${options.width}.webp`;
}

export function uploadKey(options: { teamId: string; sha256: string; format: string }) {
  return `teams/${options.teamId}/uploads/${options.sha256.slice(0, 2)}/${options.sha256}.${options.format}`;
}

// Where a download is staged while it streams in, before its hash (and so its real key) is known. One key per ingest
// attempt (the attempt counter is incremented atomically), so concurrent runs never write each other's staging object.
// Deleted once promoted or refused; a crash can leave one behind, which a lifecycle rule on tmp/ should expire.
export function stagingKey(options: { outputId: string; attempt: number }) {
  return `tmp/ingest/${options.outputId}/${options.attempt}`;
}
