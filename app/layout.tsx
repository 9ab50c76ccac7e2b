import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TooltipProvider } from "@/app/_components/ui/tooltip";
import { Toaster } from "@/app/_components/ui/sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Asset Studio", template: "%s · Asset Studio" },
  description: "Generate, review and reuse campaign images with Kling, and see what every project costs.",
  // Files in public/: the browser tab, home-screen installs (the manifest) and iOS, which ignores both.
  manifest: "/manifest.webmanifest",
  icons: {
    icon: [
      { url: "/icons/icon.svg", type: "image/svg+xml" },
      { url: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
    ],
    apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180" },
  },
  // A private workspace: public/robots.txt asks crawlers to stay out; this covers pages reached by a shared link.
  robots: { index: false, follow: false },
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
