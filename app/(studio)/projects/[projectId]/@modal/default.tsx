// Nothing over the page unless a tile was opened (the intercepted assets/[assetId] route fills this slot).
export default function NoModal() {
  return null;
}
