export function NoAccess({ what }: { what: string }) {
  return (
    <div className="empty">
      <h2>Only owners and admins can {what}</h2>
      <p className="muted">Ask an admin of this team if you need a change here.</p>
    </div>
  );
}
