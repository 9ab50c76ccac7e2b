// The project page itself has no modal. Without this the slot only has default.tsx, which Next uses on a hard load
// but not on a client-side navigation: there an unmatched slot keeps what it showed, so "Edit" in the detail modal
// (a push to /projects/:id?edit=…) left the modal open over the generate panel it had just filled.
export default function NoModalOnProjectPage() {
  return null;
}
