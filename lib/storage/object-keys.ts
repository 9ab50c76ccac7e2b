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

