// Which of an event's imports the page shows first (pure): the newest by createdAt.

export function newestImport<T extends { createdAt: string }>(jobs: readonly T[]): T | null {
  let newest: T | null = null;
  for (const job of jobs) if (!newest || job.createdAt > newest.createdAt) newest = job;
  return newest;
}
