import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { getProjectOrThrow } from "@/lib/projects/get-project-or-throw";

export const metadata: Metadata = { title: "Project" };

export default async function ProjectPage({ params }: { params: Promise<{ projectId: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { projectId } = await params;
  const project = await getProjectOrThrow({
    caller: { kind: "user", userId: user.id },
    projectId,
    permission: "project.read",
  }).then(
    (r) => r.project,
    (error) => {
      if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
      throw error;
    },
  );
  return (
    <>
      <p><Link href="/">← Projects</Link></p>
      <div className="page-head">
        <div>
          <h1>{project.name}</h1>
          <p className="muted" style={{ margin: 0 }}>{project.description}</p>
        </div>
      </div>
      <div className="empty">
        <h2>No images yet</h2>
        <p className="muted">Generations for this project will appear here as they complete.</p>
      </div>
    </>
  );
}
