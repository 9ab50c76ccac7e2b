import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TooltipProvider } from "@/app/_components/ui/tooltip";
import { Toaster } from "@/app/_components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Asset Studio", template: "%s · Asset Studio" },
  description: "Generate, review and reuse campaign images with Kling, and see what every project costs.",
};

export const viewport: Viewport = { themeColor: "#0c0d10", colorScheme: "dark" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className="dark">
      <body className="min-h-dvh overflow-x-hidden bg-background text-foreground">
        <TooltipProvider delayDuration={300}>
          {children}
          <Toaster />
        </TooltipProvider>
      </body>
    </html>
  );
}
