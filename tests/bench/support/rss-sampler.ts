import fs from "node:fs";

// Resident memory of another process, read from /proc every `intervalMs` (10 ms here): sampling from outside keeps
// working while the measured process's event loop is busy. The kernel's own high-water mark (VmHWM, reset through
// clear_refs where allowed) is read as a cross-check that no short peak fell between samples.

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const text = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(text);
  return match ? Number(match[1]) : Number.NaN;
}

export const rssMb = (pid: number) => statusKb(pid, "VmRSS") / 1024;

export function sampleRss(pid: number, intervalMs = 10) {
  let hwmReset = false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
    hwmReset = true;
  } catch {
    // not permitted here; the sampled peak stands alone
  }
  const samples: number[] = [];
  const read = () => samples.push(rssMb(pid));
  read();
  const timer = setInterval(read, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      read();
      return { peakMb: Math.max(...samples), samples: samples.length, kernelPeakMb: hwmReset ? statusKb(pid, "VmHWM") / 1024 : null };
    },
  };
}
